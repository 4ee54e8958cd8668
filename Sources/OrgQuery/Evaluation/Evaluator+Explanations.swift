import OrgGraph

/// Results that come out empty say why, with the nearest query that finds something (warning Q405): a step
/// that crosses no edge (the filter let nothing through, or the edges sit one step further, like a role's
/// requirements on its levels), and a `path` with no route (the route there is with the filter dropped,
/// edges walked either way, or lateral moves allowed).
extension Evaluator {
  /// How a step reads in a query: `-> (promotes_to | lateral)`.
  func text(of step: StepPlan, filter: Bool = true) -> String {
    let names = step.edgeTypes.map { graph.schema.edgeTypes[$0].name }
    var out =
      step.direction.rawValue + " "
      + (names.count == 1 ? names[0] : "(" + names.joined(separator: " | ") + ")")
    if filter && step.filter != nil { out += "[…]" }
    return out
  }

  /// How many edges `step` would cross from `nodes` (at most `limit`).
  mutating func crossingCount(_ step: StepPlan, from nodes: [NodeID], limit: Int = 100_000) throws(Cancelled)
    -> Int
  {
    var count = 0
    for node in nodes {
      for (next, edge) in crossings(step, from: node) where try passes(step, next, edge) {
        try tick()
        count += 1
        if count >= limit { return count }
      }
    }
    return count
  }

  /// Explains a one-hop step that crossed no edge from `nodes`.
  mutating func explainEmptyStep(_ step: StepPlan, from nodes: [NodeID]) throws(Cancelled) {
    var distinct: [NodeID] = []
    var seen = Set<NodeID>()
    for n in nodes where seen.insert(n).inserted { distinct.append(n) }
    guard let first = distinct.first else { return }
    let kind = graph.kind(of: first)
    let subject =
      distinct.count == 1
      ? graph.name(of: first)
      : "none of these \(distinct.count) \(Set(distinct.map { graph.kind(of: $0).name }).count == 1 ? kind.plural : "nodes")"
    let stepText = text(of: step, filter: false)
    if step.filter != nil {
      var open = step
      open.filter = nil
      let without = try crossingCount(open, from: distinct)
      if without > 0 {
        warn(
          .Q405, "no edge here passes the step's filter", at: step.range, label: "nothing passes",
          help: ["without the filter, `\(stepText)` finds \(Grammar.count(without, "row"))"])
        return
      }
    }
    let message =
      distinct.count == 1 ? "\(subject) has no `\(stepText)` edges" : "\(subject) has `\(stepText)` edges"
    // One step further: the same edges from the nodes one edge away (a role's requirements on its levels).
    var best: (String, Int)?
    for type in graph.schema.edgeTypes.indices where !step.edgeTypes.contains(type) {
      let via = StepPlan(
        direction: .forward, edgeTypes: [type], min: 1, max: 1, isClosure: false, filter: nil,
        range: step.range)
      var middle: [NodeID] = []
      for node in distinct { for (m, _) in crossings(via, from: node) { middle.append(m) } }
      guard !middle.isEmpty else { continue }
      let found = try crossingCount(step, from: middle)
      if found > 0, found > (best?.1 ?? 0) { best = (graph.schema.edgeTypes[type].name, found) }
    }
    if let (via, found) = best {
      let whose =
        via == "has_level"
        ? (distinct.count == 1 ? "its levels" : "their levels") : "the nodes one `-> \(via)` step away"
      warn(
        .Q405, message, at: step.range, label: "nothing here",
        help: [
          "\(whose) have them: `-> \(via) \(text(of: step))` finds \(Grammar.count(found, "row"))"
        ])
      return
    }
    var present: [String] = []
    for type in graph.schema.edgeTypes.indices {
      for direction in [StepDirection.forward, .backward]
      where step.direction == .both || direction == step.direction {
        let probe = StepPlan(
          direction: direction, edgeTypes: [type], min: 1, max: 1, isClosure: false, filter: nil,
          range: step.range)
        let n = try crossingCount(probe, from: distinct, limit: 10_000)
        if n > 0 { present.append("\(text(of: probe)) (\(n))") }
      }
    }
    warn(
      .Q405, message, at: step.range, label: "nothing here",
      notes: present.isEmpty
        ? ["\(distinct.count == 1 ? "it has" : "they have") no edges this way"]
        : [
          "edges \(distinct.count == 1 ? "it has" : "they have") this way: "
            + present.prefix(8).joined(separator: ", ")
        ])
  }

  /// Explains a `path` that found no route from `starts` to `targets`.
  mutating func explainNoPath(_ step: StepPlan, starts: [NodeID], targets: Set<NodeID>) throws(Cancelled) {
    func names(_ nodes: [NodeID]) -> String {
      let shown = nodes.prefix(3).map { graph.name(of: $0) }.joined(separator: ", ")
      return nodes.count > 3 ? "\(shown) and \(nodes.count - 3) more" : shown
    }
    let target = targets.sorted { graph.name(of: $0) < graph.name(of: $1) }
    guard !starts.isEmpty, !target.isEmpty else {
      warn(
        .Q405, "no path: the `\(starts.isEmpty ? "from" : "to")` side found no nodes", at: step.range,
        label: "nothing to connect")
      return
    }
    let message =
      "no path from \(names(starts)) to \(names(target)) over `\(text(of: step))` within \(Grammar.count(min(step.max ?? hopCap, hopCap), "hop"))"
    // The nearest alternatives, in order: without the filter, either way, with lateral moves.
    var alternatives: [(String, StepPlan)] = []
    if step.filter != nil {
      var s = step
      s.filter = nil
      alternatives.append(("without the step's filter", s))
    }
    if step.direction != .both {
      var s = step
      s.direction = .both
      alternatives.append(("walking the edges either way (`\(text(of: s))`)", s))
    }
    if let lateral = graph.schema.edgeTypeNumber("lateral"), !step.edgeTypes.contains(lateral) {
      var s = step
      s.edgeTypes.append(lateral)
      s.direction = .forward
      alternatives.append(("with lateral moves (`\(text(of: s))`)", s))
    }
    let formatter = ResultFormatter(graph: graph)
    for (how, alternative) in alternatives {
      if let route = try shortestPaths(alternative, starts: starts, targets: targets, all: false).first {
        warn(
          .Q405, message, at: step.range, label: "no route",
          help: [
            "\(how) there is one of \(Grammar.count(route.length, "step")): \(formatter.pathText(route))"
          ])
        return
      }
    }
    var reachable = step
    reachable.min = 1
    let reached = try closure(reachable, from: starts, carrying: [], counted: 0).compactMap(\.node)
    warn(
      .Q405, message, at: step.range, label: "no route",
      notes: [
        reached.isEmpty
          ? "no `\(text(of: step))` edge leaves \(names(starts))"
          : "\(names(starts)) reaches \(Grammar.count(reached.count, "node")) this way: \(names(reached))"
      ])
  }
}
