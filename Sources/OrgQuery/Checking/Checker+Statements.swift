import OrgGraph

/// Rules for `path`, `gap` and `overlap`: their nodes resolve, `all simple` has a bound (Q301), `shortest by`
/// names a numeric edge property, `via` names an edge type, and `@ CODE` is on the start's ladder.
extension Checker {
  mutating func checkPath(
    from: SourceSyntax, to: SourceSyntax, via: StepSyntax, mode: PathModeSyntax?, stages: [StageSyntax],
    range: SourceRange
  ) -> StatementPlan? {
    let fromPlan = checkSource(from)
    let toPlan = checkSource(to)
    guard let (fromSource, fromShape) = fromPlan, let (toSource, toShape) = toPlan else { return nil }
    guard fromShape.nodeKinds != nil, toShape.nodeKinds != nil else {
      error(.Q109, "`path` goes from nodes to nodes", at: range)
      return nil
    }
    if let name = via.name {
      error(
        .Q113, "the step of a `path` cannot be named", at: name.range, label: "the route is the path itself",
        help: ["each row's `route` holds the path's nodes and edges; `start` and `end` its ends"])
      return nil
    }
    var step = via
    if step.quantifier == nil {
      step.quantifier = QuantifierSyntax(min: 1, max: nil, text: "+", range: via.range)
    }
    var shape = fromShape
    guard var stepPlan = checkStep(step, shape: &shape) else { return nil }
    if via.quantifier == nil { stepPlan.min = 1 }
    var pathMode = PathMode.shortest
    switch mode {
    case .shortestBy(let property)?:
      let numeric = stepPlan.edgeTypes.contains { t in
        if let p = schema.edgeTypes[t].property(property.name), p.type == .number || p.type == .int {
          return true
        }
        return false
      }
      guard numeric else {
        let candidates = stepPlan.edgeTypes.flatMap { t in
          schema.edgeTypes[t].properties.filter { $0.type == .number || $0.type == .int }.map(\.name)
        }
        error(
          .Q104, "`\(property.name)` is not a numeric property of these edges", at: property.range,
          label:
            "not a number on \(stepPlan.edgeTypes.map { schema.edgeTypes[$0].name }.joined(separator: " or "))",
          help: Suggestions.didYouMean(property.name, in: candidates)
            + (candidates.isEmpty
              ? ["`lateral` edges carry `cost`: `via -> (promotes_to | lateral) shortest by cost`"] : []),
          notes: candidates.isEmpty
            ? [] : ["numeric properties: " + Array(Set(candidates)).sorted().joined(separator: ", ")])
        return nil
      }
      pathMode = .shortestBy(property.name)
    case .allShortest?: pathMode = .allShortest
    case .allSimple?:
      guard let q = via.quantifier, q.max != nil else {
        let written = slice(via.range)
        error(
          .Q301, "`all simple` needs an upper bound on the number of hops", at: via.range,
          label: "unbounded: the number of simple paths can explode",
          help: ["bound the step: `via \(written){1,6} all simple`"])
        return nil
      }
      pathMode = .allSimple
    default: break
    }
    // `path`, `from` and `to` are reserved words, so the columns are named so they can be selected.
    var columns: [(String, ValueType)] = [("route", .path), ("length", .number)]
    if case .shortestBy = pathMode { columns.append(("cost", .number)) }
    columns += [("start", .node(fromShape.nodeKinds ?? [])), ("end", .node(toShape.nodeKinds ?? []))]
    var rowShape = Shape(nodeKinds: nil, columns: columns, walkColumn: columns.count - 1)
    guard let stagePlans = checkStages(stages, shape: &rowShape) else { return nil }
    return .path(
      from: PipelinePlan(source: fromSource, stages: [], shape: fromShape),
      to: PipelinePlan(source: toSource, stages: [], shape: toShape), via: stepPlan, mode: pathMode,
      stages: stagePlans, shape: rowShape)
  }

  mutating func checkVia(_ via: Identifier?) -> String?? {
    guard let via else { return .some(nil) }
    guard schema.edgeType(via.name) != nil else {
      error(
        .Q101, "unknown edge type `\(via.name)`", at: via.range, label: "not an edge type",
        help: Suggestions.didYouMean(via.name, in: schema.edgeTypes.map(\.name)),
        notes: ["`via` names the edge both sides are read through, like `requires` or `assessed`"])
      return nil
    }
    return .some(via.name)
  }

  var competencyKinds: Set<Int> { Set([schema.kindNumber("competency")].compactMap { $0 }) }

  mutating func checkGap(
    from: NodeRefSyntax, to: NodeRefSyntax?, code: NameSyntax?, via: Identifier?, stages: [StageSyntax]
  ) -> StatementPlan? {
    let start = resolveNode(from)
    var target: NodeID?
    if let to {
      target = resolveNode(to)
    } else if let code, let start {
      target = levelOnLadder(of: start, code: code)
    }
    guard let viaName = checkVia(via), let start, let target else { return nil }
    var shape = Shape(
      nodeKinds: competencyKinds,
      columns: [
        ("competency", .node(competencyKinds)), ("before", .enumeration("proficiency")),
        ("after", .enumeration("proficiency")), ("change", .enumeration(ChangeEnum.name)),
        ("evidence", .list(.node([]))),
      ], walkColumn: 0)
    guard let plans = checkStages(stages, shape: &shape) else { return nil }
    return .gap(from: start, to: target, via: viaName, stages: plans, shape: shape)
  }

  /// `gap from X to @ CODE`: the level with that code on X's ladder — X's own levels (a role or track), its
  /// ladder's levels (a level), or the ladder of the level or role a person holds.
  mutating func levelOnLadder(of start: NodeID, code: NameSyntax) -> NodeID? {
    var anchors = [start]
    if graph.kind(of: start).name == "person" {
      anchors = graph.neighbors(of: start, via: "holds").map(\.node)
    }
    for anchor in anchors {
      if let level = graph.level(withCode: code.text, on: anchor) { return level }
    }
    let codes = anchors.flatMap(ladderCodes)
    error(
      .Q204, "\(graph.name(of: start))'s ladder has no level with the code \(code.text)", at: code.range,
      label: "unknown level code",
      help: Suggestions.didYouMean(code.text, in: codes, limit: 1, written: { "@ \($0)" }),
      notes: codes.isEmpty
        ? ["\(graph.name(of: start)) is on no ladder; name the target instead: `to level \"…\"`"]
        : ["codes: " + codes.joined(separator: ", ")])
    return nil
  }

  mutating func checkFind(_ words: NameSyntax, kinds: [Identifier], stages: [StageSyntax]) -> StatementPlan? {
    var numbers: Set<Int> = []
    for kind in kinds {
      guard let n = resolvePluralKind(kind) else { return nil }
      numbers.insert(n)
    }
    if Graph.searchWords(words.text).isEmpty {
      error(
        .Q109, "`find` needs words to look for", at: words.range, label: "no letters or digits here",
        help: ["write `find \"mentoring\"`"])
      return nil
    }
    let searched = numbers.isEmpty ? Set(0..<schema.kinds.count) : numbers
    var shape = Shape(
      nodeKinds: searched,
      columns: [
        ("score", .number), ("kind", .string), ("match", .node(searched)), ("field", .string),
        ("text", .string),
        ("source", .source),
      ], walkColumn: 2)
    guard let plans = checkStages(stages, shape: &shape) else { return nil }
    return .find(
      words.text, kinds: numbers.isEmpty ? nil : Set(numbers.map { schema.kinds[$0].name }), stages: plans,
      shape: shape)
  }

  mutating func checkOverlap(_ refs: [NodeRefSyntax], via: Identifier?, stages: [StageSyntax])
    -> StatementPlan?
  {
    let nodes = refs.map { resolveNode($0) }
    guard let viaName = checkVia(via) else { return nil }
    let resolved = nodes.compactMap { $0 }
    guard resolved.count == refs.count else { return nil }
    var columns: [(String, ValueType)] = [("competency", .node(competencyKinds))]
    let names = resolved.map { graph.name(of: $0) }
    for node in resolved {
      let name = graph.name(of: node)
      columns.append(
        (names.filter { $0 == name }.count > 1 ? graph.id(of: node) : name, .enumeration("proficiency")))
    }
    columns.append(("shared_by", .number))
    var shape = Shape(nodeKinds: competencyKinds, columns: columns, walkColumn: 0)
    guard let plans = checkStages(stages, shape: &shape) else { return nil }
    return .overlap(resolved, via: viaName, stages: plans, shape: shape)
  }
}
