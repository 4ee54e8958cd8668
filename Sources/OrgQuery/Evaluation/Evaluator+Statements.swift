import HeapModule
import OrgGraph

extension Evaluator {
  /// The most paths `all shortest` and `all simple` return before stopping with a warning.
  static let pathLimit = 1_000

  mutating func run(_ statement: StatementPlan) throws(Cancelled) -> Frame {
    switch statement {
    case .bind(_, let plan), .pipeline(let plan):
      return try run(plan)
    case .gap(let from, let to, let via, let stages, let shape):
      // A side with no recorded requirements makes every requirement of the other look added or removed,
      // or the gap empty: say so, as the other empty answers do.
      let graph = self.graph
      func label(_ node: NodeID) -> String { "\(graph.kind(of: node).name) \"\(graph.name(of: node))\"" }
      func help(_ node: NodeID) -> String {
        "see what it holds with `\(label(node)) -> \(via ?? graph.competencyEdgeType(for: node))`; a role's requirements sit on its levels (`-> has_level -> requires`)"
      }
      if graph.holdings(of: from, via: via).isEmpty && graph.holdings(of: to, via: via).isEmpty {
        warn(
          .Q405, "neither \(label(from)) nor \(label(to)) has recorded requirements, so the gap is empty",
          at: nil,
          help: [help(from)])
      } else {
        for (side, other, change) in [(from, to, "added"), (to, from, "removed")]
        where graph.holdings(of: side, via: via).isEmpty {
          warn(
            .Q405,
            "\(label(side)) has no recorded requirements, so every requirement of `\(graph.name(of: other))` shows as \(change)",
            at: nil, help: [help(side)])
        }
      }
      let rows = graph.gap(from: from, to: to, via: via).map { row in
        Row(
          node: row.competency,
          values: [
            .node(row.competency), Self.value(row.before), Self.value(row.after),
            ChangeEnum.value(row.change),
            // The declared sentence first, then the statements a derived requirement came from.
            .list((row.quote.map { [QueryValue.string($0)] } ?? []) + row.evidence.map(QueryValue.node)),
          ])
      }
      var frame = Frame(rows: rows, shape: shape, compared: [from, to])
      try apply(stages, to: &frame)
      frame.shape = shape
      return frame
    case .overlap(let nodes, let via, let stages, let shape):
      // Each node's competencies are read once (not once per pair), and the time budget is checked as they
      // are and as pairs are scored: 500 nodes once took 16 s past a 2 s `--timeout`.
      var sets: [[NodeID: Holding]] = []
      sets.reserveCapacity(nodes.count)
      for node in nodes {
        try checkDeadline()
        var held: [NodeID: Holding] = [:]
        for (c, h, _) in graph.holdings(of: node, via: via) { held[c] = max(held[c] ?? .absent, h) }
        sets.append(held)
      }
      // A row per competency holds a column per node: bound their product, as steps bound their rows.
      let competencies = Set(sets.flatMap(\.keys))
      if competencies.count.multipliedReportingOverflow(by: max(nodes.count, 1)).overflow
        || competencies.count * max(nodes.count, 1) > maxRows
      {
        throw Cancelled(reason: .tooManyRows(nil))
      }
      // Most shared first, then by name, then by id: the order `Graph.overlap` gives.
      let ordered = competencies.map { c in
        (c, sets.filter { $0[c] != nil }.count, graph.name(of: c).lowercased())
      }.sorted { a, b in (b.1, a.2, a.0.rawValue) < (a.1, b.2, b.0.rawValue) }
      let rows = ordered.map { c, sharedBy, _ in
        Row(
          node: c,
          values: [.node(c)] + sets.map { Self.value($0[c] ?? .absent) } + [.number(Double(sharedBy))])
      }
      var similarity: [Similarity] = []
      let keys = sets.map { Set($0.keys) }
      for i in 0..<nodes.count {
        try checkDeadline()
        for j in (i + 1)..<max(nodes.count, i + 1) where j < nodes.count {
          let union = keys[i].union(keys[j]).count
          let raw = union == 0 ? 0 : Double(keys[i].intersection(keys[j]).count) / Double(union)
          similarity.append(Similarity(a: nodes[i], b: nodes[j], score: (raw * 10_000).rounded() / 10_000))
        }
      }
      var frame = Frame(rows: rows, shape: shape, similarity: similarity, compared: nodes)
      try apply(stages, to: &frame)
      frame.shape = shape
      return frame
    case .find(let words, let kinds, let stages, let shape):
      let hits = graph.search(words, kinds: kinds, shouldStop: stopCheck)
      // A search the budget stopped is a timeout, not a short answer.
      try checkDeadline()
      let rows = hits.map { hit in
        Row(
          node: hit.node,
          values: [
            .number(hit.score), .string(graph.kind(of: hit.node).name), .node(hit.node), .string(hit.field),
            .string(hit.text),
            graph.property("source", of: hit.node).map(QueryValue.init) ?? .null,
          ])
      }
      var frame = Frame(rows: rows, shape: shape)
      try apply(stages, to: &frame)
      frame.shape = shape
      return frame
    case .path(let fromPlan, let toPlan, let step, let mode, let stages, let shape):
      let starts = try run(fromPlan).rows.compactMap(\.node)
      let targets = Set(try run(toPlan).rows.compactMap(\.node))
      var paths: [(GraphPath, Double?)] = []
      switch mode {
      case .shortest:
        if let start = starts.first, let target = targets.first, starts.count == 1, targets.count == 1,
          let path = try meetInTheMiddle(step, from: start, to: target)
        {
          paths = [(path, nil)]
        } else {
          paths = try shortestPaths(step, starts: starts, targets: targets, all: false).map { ($0, nil) }
        }
      case .allShortest:
        paths = try shortestPaths(step, starts: starts, targets: targets, all: true).map { ($0, nil) }
      case .shortestBy(let property):
        if let found = try cheapestPath(step, starts: starts, targets: targets, cost: property) {
          paths = [found]
        }
      case .allSimple:
        paths = try simplePaths(step, starts: starts, targets: targets).map { ($0, nil) }
      }
      if paths.isEmpty, explaining { try explainNoPath(step, starts: starts, targets: targets) }
      var rows: [Row] = []
      for (path, cost) in paths {
        var values: [QueryValue] = [.path(path), .number(Double(path.length))]
        if case .shortestBy = mode { values.append(.number(cost ?? 0)) }
        values += [
          path.nodes.first.map(QueryValue.node) ?? .null, path.nodes.last.map(QueryValue.node) ?? .null,
        ]
        rows.append(Row(values: values))
      }
      noteInferred(paths.map(\.0), at: step.range)
      var frame = Frame(rows: rows, shape: shape, paths: paths.map(\.0))
      try apply(stages, to: &frame)
      frame.paths = frame.rows.compactMap { row in
        if case .path(let p)? = row.values.first { return p }
        return nil
      }
      frame.shape = shape
      return frame
    }
  }

  static func value(_ holding: Holding) -> QueryValue {
    switch holding {
    case .absent: return .null
    case .unrated: return .unrated
    case .rated(let c): return .enumCase(c)
    }
  }

  /// Warns when paths take inferred moves, naming each move once with its similarity.
  mutating func noteInferred(_ paths: [GraphPath], at range: SourceRange) {
    var moves: [String] = []
    for path in paths {
      for (i, edge) in path.edges.enumerated()
      where graph.origin(of: edge) == "inferred" && i + 1 < path.nodes.count {
        var text = "\(graph.name(of: path.nodes[i])) → \(graph.name(of: path.nodes[i + 1]))"
        if case .number(let score)? = graph.property("score", of: edge) {
          text += " (similarity \(Value.number(score).displayText))"
        }
        if !moves.contains(text) { moves.append(text) }
      }
    }
    guard !moves.isEmpty else { return }
    let subject = paths.count == 1 ? "this path uses" : "these paths use"
    warn(
      .Q401,
      "\(subject) \(moves.count == 1 ? "an inferred move" : "\(moves.count) inferred moves"), not declared ones",
      at: range, label: "inferred moves are allowed here",
      help: [
        "inferred moves come from competency overlap; check them with `overlap`, or walk declared moves only: "
          + "`[origin = declared]`"
      ],
      notes: [moves.joined(separator: "; ")])
  }

  /// Graphs past this many edges search a path between two nodes from both ends at once.
  static let meetingThreshold = 100_000

  /// A shortest path between two nodes of a large graph, searched from both ends at once, a level of the
  /// smaller side at a time: the two searches meet after about half the hops each, so a path across a
  /// component of half a million edges touches a small part of it. Used for `shortest` between one start
  /// and one target, over a step without a filter, in graphs past ``meetingThreshold`` edges; the route is a
  /// shortest one, though not necessarily the one a one-sided search returns first. `nil` when it does not
  /// apply (the caller searches from the start alone) or when there is no path within the bound.
  mutating func meetInTheMiddle(_ step: StepPlan, from start: NodeID, to target: NodeID) throws(Cancelled)
    -> GraphPath?
  {
    guard graph.edgeCount > Self.meetingThreshold, step.filter == nil, step.min <= 1, start != target else {
      return nil
    }
    var back = step
    back.direction = step.direction == .forward ? .backward : step.direction == .backward ? .forward : .both
    let maxHops = min(step.max ?? hopCap, hopCap)
    // Per node reached: the node one hop nearer its search's end, the edge between them, and the depth.
    var fromStart: [NodeID: (next: NodeID, edge: EdgeID, depth: Int)] = [
      start: (start, EdgeID(type: 0, index: 0), 0)
    ]
    var fromTarget: [NodeID: (next: NodeID, edge: EdgeID, depth: Int)] = [
      target: (target, EdgeID(type: 0, index: 0), 0)
    ]
    var startFrontier = [start]
    var targetFrontier = [target]
    var hops = 0
    while !startFrontier.isEmpty && !targetFrontier.isEmpty && hops < maxHops {
      hops += 1
      let forward = startFrontier.count <= targetFrontier.count
      var next: [NodeID] = []
      var meeting: (node: NodeID, length: Int)?
      for node in forward ? startFrontier : targetFrontier {
        let depth = (forward ? fromStart[node]?.depth : fromTarget[node]?.depth) ?? 0
        for (m, edge) in crossings(forward ? step : back, from: node) {
          try tick()
          if forward {
            guard fromStart[m] == nil else { continue }
            fromStart[m] = (node, edge, depth + 1)
          } else {
            guard fromTarget[m] == nil else { continue }
            fromTarget[m] = (node, edge, depth + 1)
          }
          next.append(m)
          if let other = forward ? fromTarget[m] : fromStart[m] {
            let length = depth + 1 + other.depth
            if length <= maxHops, meeting.map({ length < $0.length }) ?? true { meeting = (m, length) }
          }
        }
      }
      if let meeting {
        var nodes = [meeting.node]
        var edges: [EdgeID] = []
        var node = meeting.node
        while node != start, let hop = fromStart[node] {
          nodes.insert(hop.next, at: 0)
          edges.insert(hop.edge, at: 0)
          node = hop.next
        }
        node = meeting.node
        while node != target, let hop = fromTarget[node] {
          nodes.append(hop.next)
          edges.append(hop.edge)
          node = hop.next
        }
        return GraphPath(nodes: nodes, edges: edges)
      }
      if forward { startFrontier = next } else { targetFrontier = next }
    }
    return nil
  }

  /// Breadth-first shortest paths from any start to any target, within the step's bounds. With `all`, every
  /// path of the shortest length (up to ``pathLimit``); otherwise the first found.
  mutating func shortestPaths(_ step: StepPlan, starts: [NodeID], targets: Set<NodeID>, all: Bool)
    throws(Cancelled)
    -> [GraphPath]
  {
    var result: [GraphPath] = []
    let maxHops = min(step.max ?? hopCap, hopCap)
    // Depths in a dense array (one slot per node, -1 unseen), reset through the list of nodes reached: a
    // search over a million-edge component touches no hash table per edge.
    var depth = [Int32](repeating: -1, count: graph.nodeCount)
    var reached: [NodeID] = []
    for start in starts {
      for node in reached { depth[node.index] = -1 }
      reached = [start]
      // Layered BFS keeping the predecessors on shortest routes: all of them for `all`, the first otherwise.
      depth[start.index] = 0
      var parents: [NodeID: [(NodeID, EdgeID)]] = [:]
      var frontier = [start]
      var found: [NodeID] = []
      var level = 0
      if step.min == 0, targets.contains(start) { found = [start] }
      while found.isEmpty && !frontier.isEmpty && level < maxHops {
        level += 1
        var next: [NodeID] = []
        for node in frontier {
          for (m, edge) in crossings(step, from: node) {
            try tick()
            let d = depth[m.index]
            if d >= 0 && (d < level || !all) { continue }
            guard try passes(step, m, edge) else { continue }
            if d < 0 {
              depth[m.index] = Int32(level)
              reached.append(m)
              next.append(m)
              if targets.contains(m) && level >= step.min { found.append(m) }
            }
            parents[m, default: []].append((node, edge))
          }
        }
        frontier = next
      }
      if found.isEmpty, !frontier.isEmpty, level >= hopCap, step.max == nil {
        warn(
          .Q302, "the path search stopped at the hop cap of \(hopCap)", at: step.range,
          help: ["raise the cap (`:set hops N`) or bound the step"])
      }
      for target in found {
        var paths: [GraphPath] = []
        var stack: [(NodeID, [NodeID], [EdgeID])] = [(target, [target], [])]
        while let (node, nodes, edges) = stack.popLast() {
          try tick()
          if node == start && (nodes.count > 1 || step.min == 0) {
            paths.append(GraphPath(nodes: nodes.reversed(), edges: edges.reversed()))
            if !all || paths.count >= Self.pathLimit { break }
            continue
          }
          for (parent, edge) in (parents[node] ?? []).reversed()
          where depth[parent.index] >= 0 && depth[parent.index] < depth[node.index] {
            stack.append((parent, nodes + [parent], edges + [edge]))
          }
        }
        paths.sort { a, b in
          a.nodes.map { graph.name(of: $0) }.lexicographicallyPrecedes(b.nodes.map { graph.name(of: $0) })
        }
        result += all ? paths : Array(paths.prefix(1))
        if !all, !result.isEmpty { break }
        if result.count >= Self.pathLimit {
          warn(
            .Q303, "stopped after \(Self.pathLimit) paths", at: step.range,
            help: ["narrow the start or the target"])
          return Array(result.prefix(Self.pathLimit))
        }
      }
      if !all, !result.isEmpty { break }
    }
    return result
  }

  /// The cheapest path by a numeric edge property (1 where an edge lacks it; negative costs count as 0).
  mutating func cheapestPath(_ step: StepPlan, starts: [NodeID], targets: Set<NodeID>, cost property: String)
    throws(Cancelled) -> (GraphPath, Double)?
  {
    var best: [NodeID: (cost: Double, hops: Int)] = [:]
    var parent: [NodeID: (NodeID, EdgeID)] = [:]
    var heap = Heap<Frontier>()
    var sequence = 0
    for start in starts where best[start] == nil {
      best[start] = (0, 0)
      heap.insert(Frontier(order: (0, 0, sequence), node: start))
      sequence += 1
    }
    var done = Set<NodeID>()
    let maxHops = min(step.max ?? hopCap, hopCap)
    while let entry = heap.popMin() {
      let (cost, hops, node) = (entry.order.cost, entry.order.hops, entry.node)
      try tick()
      guard done.insert(node).inserted else { continue }
      if targets.contains(node), hops >= max(step.min, 1) || (step.min == 0 && hops == 0) {
        var nodes = [node]
        var edges: [EdgeID] = []
        var current = node
        while let (p, e) = parent[current] {
          nodes.append(p)
          edges.append(e)
          current = p
        }
        return (
          GraphPath(nodes: nodes.reversed(), edges: edges.reversed()), (cost * 10_000).rounded() / 10_000
        )
      }
      guard hops < maxHops else { continue }
      for (m, edge) in crossings(step, from: node) where !done.contains(m) {
        guard try passes(step, m, edge) else { continue }
        var weight = 1.0
        if case .number(let w)? = graph.property(property, of: edge) { weight = max(w, 0) }
        if case .int(let w)? = graph.property(property, of: edge) { weight = max(Double(w), 0) }
        let candidate = cost + weight
        if let known = best[m], (known.cost, known.hops) <= (candidate, hops + 1) { continue }
        best[m] = (candidate, hops + 1)
        parent[m] = (node, edge)
        heap.insert(Frontier(order: (candidate, hops + 1, sequence), node: m))
        sequence += 1
      }
    }
    return nil
  }

  /// Every simple path within the step's bound, depth-first, up to ``pathLimit``.
  mutating func simplePaths(_ step: StepPlan, starts: [NodeID], targets: Set<NodeID>) throws(Cancelled)
    -> [GraphPath]
  {
    let maxHops = min(step.max ?? hopCap, hopCap)
    var result: [GraphPath] = []
    for start in starts {
      var stack: [(nodes: [NodeID], edges: [EdgeID])] = [([start], [])]
      while let (nodes, edges) = stack.popLast() {
        try tick()
        guard let last = nodes.last else { continue }
        if edges.count >= step.min, edges.count > 0 || step.min == 0, targets.contains(last) {
          result.append(GraphPath(nodes: nodes, edges: edges))
          if result.count >= Self.pathLimit {
            warn(
              .Q303, "stopped after \(Self.pathLimit) paths", at: step.range,
              help: ["lower the bound or narrow the query"])
            return result
          }
        }
        guard edges.count < maxHops else { continue }
        for (m, edge) in crossings(step, from: last).reversed() where !nodes.contains(m) {
          guard try passes(step, m, edge) else { continue }
          stack.append((nodes + [m], edges + [edge]))
        }
      }
    }
    // Shortest first; equal lengths in the order of their nodes' names.
    return result.sorted { a, b in
      if a.length != b.length { return a.length < b.length }
      return a.nodes.map { graph.name(of: $0) }.lexicographicallyPrecedes(b.nodes.map { graph.name(of: $0) })
    }
  }
}

/// One entry of the cheapest-path search's frontier: a node, ordered by (cost, hops, insertion order), so
/// ties break the same way every run.
struct Frontier: Comparable {
  var order: (cost: Double, hops: Int, sequence: Int)
  var node: NodeID

  static func < (a: Frontier, b: Frontier) -> Bool { a.order < b.order }
  static func == (a: Frontier, b: Frontier) -> Bool { a.order == b.order }
}
