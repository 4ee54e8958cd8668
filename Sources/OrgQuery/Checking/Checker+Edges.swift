import OrgGraph

/// Rule: a step names known edge types (Q101) that can leave the rows' kinds in its direction (Q102).
extension Checker {
  /// The kinds at the other end of `edge` from `kinds`, in `direction`; empty when it cannot be walked.
  func ends(of edge: EdgeTypeDefinition, from kinds: Set<Int>, direction: StepDirection) -> Set<Int> {
    let fromKinds = Set(edge.from.compactMap(schema.kindNumber))
    let toKinds = Set(edge.to.compactMap(schema.kindNumber))
    var out = Set<Int>()
    if direction != .backward, !fromKinds.isDisjoint(with: kinds) { out.formUnion(toKinds) }
    if direction != .forward, !toKinds.isDisjoint(with: kinds) { out.formUnion(fromKinds) }
    return out
  }

  /// Edge types that can be walked from `kinds` in `direction`.
  func walkable(from kinds: Set<Int>, direction: StepDirection) -> [EdgeTypeDefinition] {
    schema.edgeTypes.filter { !ends(of: $0, from: kinds, direction: direction).isEmpty }
  }

  func leavingNote(_ kinds: Set<Int>, direction: StepDirection) -> String {
    let names = walkable(from: kinds, direction: direction).map(\.name)
    let kindText = kinds.count == 1 ? Grammar.a(schema.kinds[kinds.first ?? 0].name) : kindNames(kinds)
    let verb = direction == .backward ? "entering" : direction == .forward ? "leaving" : "touching"
    return names.isEmpty
      ? "no edges are \(verb) \(kindText)" : "edges \(verb) \(kindText): " + names.joined(separator: ", ")
  }

  mutating func checkStep(_ step: StepSyntax, shape: inout Shape) -> StepPlan? {
    guard let kinds = shape.nodeKinds, shape.columns.isEmpty else {
      error(
        .Q102, "a step follows edges from nodes, but these rows are a table", at: step.range,
        label: "no nodes to walk from", help: ["take the step before `select`, `group` or `count`"])
      return nil
    }
    var numbers: [Int] = []
    var next = Set<Int>()
    var ok = true
    // A closure may walk an edge type only from kinds it reaches on the way: check against all of them.
    var walkFrom = kinds
    if step.quantifier != nil {
      let known = step.edges.compactMap { schema.edgeType($0.name) }
      var frontier = kinds
      while true {
        var more = Set<Int>()
        for edge in known { more.formUnion(ends(of: edge, from: frontier, direction: step.direction)) }
        more.subtract(walkFrom)
        if more.isEmpty { break }
        walkFrom.formUnion(more)
        frontier = more
      }
    }
    for name in step.edges {
      guard let edge = schema.edgeType(name.name), let number = schema.edgeTypeNumber(name.name) else {
        let valid = walkable(from: kinds, direction: step.direction).map(\.name)
        var help = Suggestions.didYouMean(name.name, in: valid)
        if help.isEmpty, schema.kind(name.name) != nil || schema.kind(plural: name.name) != nil {
          help = ["`\(name.name)` is a kind; steps name edge types"]
        }
        error(
          .Q101, "unknown edge type `\(name.name)`", at: name.range, label: "not an edge type", help: help,
          notes: kinds.isEmpty ? [] : [leavingNote(kinds, direction: step.direction)])
        ok = false
        continue
      }
      let reached = ends(of: edge, from: walkFrom, direction: step.direction)
      if reached.isEmpty && !kinds.isEmpty {
        let other: StepDirection = step.direction == .forward ? .backward : .forward
        var help: [String] = []
        if step.direction != .both, !ends(of: edge, from: kinds, direction: other).isEmpty {
          help = [
            "`\(name.name)` points \(step.direction == .forward ? "into" : "out of") \(kindNames(kinds)): "
              + "write `\(other.rawValue) \(name.name)`"
          ]
        }
        let verb = step.direction == .backward ? "enter" : "leave"
        error(
          .Q102, "`\(name.name)` edges do not \(verb) \(kindNames(kinds))", at: name.range,
          label: "the rows here are \(kindNames(kinds))", help: help,
          notes: [leavingNote(kinds, direction: step.direction)])
        ok = false
        continue
      }
      if !numbers.contains(number) { numbers.append(number) }  // `(a | a)` walks `a` once
      next.formUnion(reached)
    }
    guard ok else { return nil }
    let quantifier = step.quantifier
    let isClosure = quantifier != nil
    if isClosure {
      // The kinds a closure can reach: iterate to a fixed point.
      var all = next
      var frontier = next
      while true {
        var more = Set<Int>()
        for number in numbers {
          more.formUnion(ends(of: schema.edgeTypes[number], from: frontier, direction: step.direction))
        }
        more.subtract(all)
        if more.isEmpty { break }
        all.formUnion(more)
        frontier = more
      }
      if let q = quantifier, q.min == 0 { all.formUnion(kinds) }
      next = all
    }
    var filter: ExprPlan?
    if let f = step.filter {
      let filterShape = Shape(nodeKinds: next, edgeTypes: Set(numbers))
      guard let (plan, type) = checkExpr(f, shape: filterShape), requireCondition(f, type: type) else {
        return nil
      }
      filter = plan
    }
    shape = Shape(
      nodeKinds: next, edgeTypes: isClosure ? [] : Set(numbers), hasDepth: isClosure, carried: shape.carried)
    var onlyNode: NodeID??
    switch filter {
    case .binary(.equal, .nodeID, .literal(.string(let id)))?,
      .binary(.equal, .literal(.string(let id)), .nodeID)?:
      onlyNode = .some(graph.node(withID: id))
    default: break
    }
    return StepPlan(
      direction: step.direction, edgeTypes: numbers, min: quantifier?.min ?? 1,
      max: quantifier.map { $0.max } ?? 1,
      isClosure: isClosure, filter: filter, range: step.range, onlyNode: onlyNode)
  }
}
