import OrgGraph

/// Rule: a name given with `as` to a source or a step (`competencies as c`, `<- requires as r`) is new in
/// its pipeline and is not a property or column name it would hide (Q113). Named stages travel with their
/// rows through later steps, so a row can say where it came from: `c.name`, `r.proficiency`.
extension Checker {
  /// Words a stage cannot be named, because they already mean something in an expression.
  static let reservedNames: Set<String> = ["node", "edge", "id", "kind", "name", "depth", "size", "members"]

  /// Checks a step and, when it is named, remembers the node it reaches. A step after a `gap`, `overlap` or
  /// `path` table first turns the table's columns into carried names and walks on from its node column.
  mutating func checkNamedStep(_ step: StepSyntax, shape: inout Shape) -> [StagePlan]? {
    var plans: [StagePlan] = []
    if !shape.columns.isEmpty, let column = shape.walkColumn, column < shape.columns.count {
      var kinds: Set<Int> = []
      if case .node(let k) = shape.columns[column].type { kinds = k }
      let carried = shape.carried + shape.columns.map { CarriedName(name: $0.name, type: $0.type) }
      shape = Shape(nodeKinds: kinds.isEmpty ? Set(0..<schema.kinds.count) : kinds, carried: carried)
      plans.append(.carryColumns(column))
    }
    guard let plan = checkStep(step, shape: &shape) else { return nil }
    plans.append(.step(plan))
    if let name = step.name {
      guard remember(name, shape: &shape) else { return nil }
      plans.append(.remember)
    }
    return plans
  }

  /// Adds `name` for the rows' current node (and the edge they came by) to the names in scope.
  mutating func remember(_ name: Identifier, shape: inout Shape) -> Bool {
    let word = name.name
    let propertyOwners =
      schema.kinds.filter { $0.property(word) != nil }.map(\.name)
      + schema.edgeTypes.filter { $0.property(word) != nil }.map(\.name)
    var problem: String?
    if shape.carried.contains(where: { $0.name == word })
      || shape.columns.contains(where: { $0.name == word })
    {
      problem = "`\(word)` already names an earlier stage or column"
    } else if Self.reservedNames.contains(word) {
      problem = "`\(word)` already means something in a condition"
    } else if !propertyOwners.isEmpty {
      let owners = propertyOwners.prefix(3).joined(separator: ", ")
      problem = "`\(word)` is a property (of \(owners)); naming a stage so would hide it"
    }
    if let problem {
      let taken = Set(shape.carried.map(\.name))
      let initial = word.first.map { String($0).lowercased() } ?? "x"
      let fresh = [initial, initial + "1", initial + "2", "the_\(word)"].first { !taken.contains($0) } ?? "x"
      error(
        .Q113, problem, at: name.range, label: "pick another name",
        help: ["for example `as \(fresh)`"],
        notes: shape.carried.isEmpty
          ? [] : ["names in scope: " + shape.carried.map(\.name).joined(separator: ", ")])
      return false
    }
    shape.carried.append(
      CarriedName(name: word, type: .node(shape.nodeKinds ?? []), edgeTypes: shape.edgeTypes))
    return true
  }

  /// What may follow `owner.` in a condition: the properties of a named stage's node and edge, of a column's
  /// node, or of the row's `node` and `edge`.
  func qualifiedNames(_ owner: String, shape: Shape) -> [String] {
    var kinds: Set<Int> = []
    var edgeTypes: Set<Int> = []
    if let column = shape.columns.first(where: { $0.name == owner }) {
      if case .node(let k) = column.type { kinds = k.isEmpty ? Set(0..<schema.kinds.count) : k }
    } else if let carried = shape.carried.first(where: { $0.name == owner }) {
      if case .node(let k) = carried.type { kinds = k.isEmpty ? Set(0..<schema.kinds.count) : k }
      edgeTypes = carried.edgeTypes
    } else if owner == "node" {
      kinds = shape.nodeKinds ?? []
    } else if owner == "edge" {
      edgeTypes = shape.edgeTypes
    }
    var names = kinds.sorted().flatMap { schema.kinds[$0].properties.map(\.name) }
    if !kinds.isEmpty { names += ["id", "kind"] }
    names += edgeTypes.sorted().flatMap { schema.edgeTypes[$0].properties.map(\.name) }
    var seen = Set<String>()
    return names.filter { seen.insert($0).inserted }
  }

  /// Resolves `NAME` or `NAME.property` against the carried names.
  mutating func resolveCarried(_ parts: [Identifier], shape: Shape) -> (ExprPlan, ValueType)?? {
    guard let first = parts.first, let i = shape.carried.firstIndex(where: { $0.name == first.name }) else {
      return .none
    }
    let carried = shape.carried[i]
    if parts.count == 1 { return .some((.carried(i), carried.type)) }
    let property = parts[1].name
    var kinds: Set<Int> = []
    if case .node(let k) = carried.type { kinds = k.isEmpty ? Set(0..<schema.kinds.count) : k }
    let schema = self.schema
    let nodeP = kinds.sorted().compactMap { schema.kinds[$0].property(property) }.first
    let edgeP = carried.edgeTypes.sorted().compactMap { schema.edgeTypes[$0].property(property) }.first
    if parts.count == 2, !kinds.isEmpty {
      if ["id", "name", "kind"].contains(property) {
        return .some((.carriedProperty(i, property), .string))
      }
      if let nodeP, edgeP == nil { return .some((.carriedProperty(i, property), ValueType(nodeP.type))) }
      if let edgeP, nodeP == nil { return .some((.carriedEdgeProperty(i, property), ValueType(edgeP.type))) }
      if nodeP != nil, edgeP != nil {
        error(
          .Q107, "`\(property)` is a property of both \(first.name)'s node and the edge it came by",
          at: parts[1].range, label: "ambiguous",
          help: [
            "name the node's property `\(first.name).\(property)` another way: select it before the step"
          ])
        return .some(nil)
      }
    }
    var pool = kinds.sorted().flatMap { schema.kinds[$0].properties.map(\.name) }
    pool += carried.edgeTypes.sorted().flatMap { schema.edgeTypes[$0].properties.map(\.name) }
    var seen = Set<String>()
    pool = pool.filter { seen.insert($0).inserted }
    let range = parts.count > 2 ? parts[1].range.through(parts[parts.count - 1].range) : parts[1].range
    error(
      .Q104,
      kinds.isEmpty
        ? "`\(first.name)` is \(carried.type.name), with no properties"
        : "`\(first.name)` has no property `\(property)`",
      at: range, label: "unknown property",
      help: Suggestions.didYouMean(property, in: pool, written: { "\(first.name).\($0)" }),
      notes: pool.isEmpty ? [] : ["\(first.name)'s properties: " + pool.joined(separator: ", ")])
    return .some(nil)
  }
}
