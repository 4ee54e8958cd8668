extension GraphBuilder {
  /// Adds many nodes of one kind at once: ids and names side by side, and optional property columns.
  ///
  /// The fast way to load people or any other large table: no dictionary per node. Each column of
  /// `properties` holds one value (or `nil`) per node.
  ///
  /// ```swift
  /// let first = try builder.addNodes(kind: "person", ids: ["person:ana", "person:bo"], names: ["Ana", "Bo"])
  /// ```
  ///
  /// - Returns: the first new node; the others follow it in order.
  /// - Throws: a ``Diagnostic`` for an unknown kind or property, a malformed or duplicate id, a value of the
  ///   wrong type, or columns of different lengths. Nothing is added when it throws.
  @discardableResult
  public mutating func addNodes(
    kind: String, ids: [String], names: [String], properties: [String: [Value?]] = [:]
  ) throws(Diagnostic) -> NodeID {
    guard let kindNumber = schema.kindNumber(kind) else {
      throw Diagnostic(
        code: .G101, message: "unknown kind `\(kind)`",
        help: Suggestions.didYouMean(kind, in: schema.kinds.map(\.name)))
    }
    guard names.count == ids.count, properties.values.allSatisfy({ $0.count == ids.count }) else {
      throw Diagnostic(code: .G103, message: "the columns for `\(kind)` nodes have different lengths")
    }
    let definition = schema.kinds[kindNumber]
    for (key, column) in properties {
      guard let property = definition.property(key), key != "name" else {
        throw Diagnostic(
          code: .G102, message: "\(Grammar.a(kind)) has no property `\(key)`",
          help: Suggestions.didYouMean(key, in: definition.properties.map(\.name)))
      }
      for value in column {
        if let value { try Self.check(value, against: property, schema: schema, range: nil) }
      }
    }
    var seen = Set<String>()
    for id in ids {
      if let problem = Self.idProblem(id, kind: kind) {
        throw Diagnostic(code: .G203, message: problem.message, help: problem.help)
      }
      if idIndex[id] != nil || !seen.insert(id).inserted {
        throw Diagnostic(
          code: .G202, message: "duplicate id `\(id)`", help: ["give one of the two nodes another id"])
      }
    }
    let first = NodeID(Int32(nodeCount))
    appendNodes(kind: kindNumber, ids: ids, names: names)
    for (key, column) in properties {
      for (i, value) in column.enumerated() where value != nil {
        nodeProperties[first.index + i][key] = value
      }
    }
    return first
  }

  /// Makes room for `count` more nodes.
  mutating func reserveNodes(_ count: Int) {
    idIndex.reserveCapacity(idIndex.count + count)
    nodeKinds.reserveCapacity(nodeKinds.count + count)
    nodeIDs.reserveCapacity(nodeIDs.count + count)
    nodeNames.reserveCapacity(nodeNames.count + count)
    nodeProperties.reserveCapacity(nodeProperties.count + count)
  }

  /// Appends one node whose id was checked already; `false`, adding nothing, when the id exists.
  mutating func appendNode(kind: Int, id: String, name: String, properties: [String: Value]) -> Bool {
    let number = Int32(nodeIDs.count)
    if let existing = idIndex.updateValue(number, forKey: id) {
      idIndex[id] = existing
      return false
    }
    nodeKinds.append(UInt16(kind))
    nodeIDs.append(id)
    nodeNames.append(name)
    nodeProperties.append(properties)
    return true
  }

  /// Appends nodes whose ids were checked already.
  mutating func appendNodes(kind: Int, ids: [String], names: [String]) {
    let first = nodeCount
    nodeKinds.append(contentsOf: repeatElement(UInt16(kind), count: ids.count))
    nodeIDs.append(contentsOf: ids)
    nodeNames.append(contentsOf: names)
    nodeProperties.append(contentsOf: repeatElement([:], count: ids.count))
    idIndex.reserveCapacity(idIndex.count + ids.count)
    for (i, id) in ids.enumerated() { idIndex[id] = Int32(first + i) }
  }

  /// Adds many edges of one type at once: sources and targets side by side, and optional property columns.
  ///
  /// `ranks` holds enum-typed properties (a proficiency) as 1-based case ranks, one byte per edge, 0 for
  /// none — the compact form assessments take by the million. `values` holds any other property, one value
  /// (or `nil`) per edge. Edges added in the order of their sources are stored without a sorting pass.
  ///
  /// ```swift
  /// try builder.addEdges("assessed", from: people, to: skills, ranks: ["proficiency": levels])
  /// ```
  ///
  /// - Throws: a ``Diagnostic`` for an unknown edge type or property, endpoints of kinds the type does not
  ///   allow, a rank outside the enum, or columns of different lengths. Nothing is added when it throws.
  public mutating func addEdges(
    _ type: String, from: [NodeID], to: [NodeID], ranks: [String: [UInt8]] = [:],
    values: [String: [Value?]] = [:]
  ) throws(Diagnostic) {
    guard let number = schema.edgeTypeNumber(type) else {
      throw Diagnostic(
        code: .G105, message: "unknown edge type `\(type)`",
        help: Suggestions.didYouMean(type, in: schema.edgeTypes.map(\.name)))
    }
    let count = from.count
    guard to.count == count, ranks.values.allSatisfy({ $0.count == count }),
      values.values.allSatisfy({ $0.count == count })
    else { throw Diagnostic(code: .G103, message: "the columns for `\(type)` edges have different lengths") }
    let definition = schema.edgeTypes[number]
    var rankColumns: [Int: [UInt8]] = [:]
    for (key, column) in ranks {
      guard let p = edges[number].propertyIndex[key],
        case .enumeration(let e) = definition.properties[p].type, let cases = schema.enumDefinition(e)?.cases
      else {
        throw Diagnostic(
          code: .G102, message: "`\(type)` has no enum property `\(key)`",
          help: Suggestions.didYouMean(key, in: definition.properties.map(\.name)))
      }
      if let bad = column.first(where: { Int($0) > cases.count }) {
        throw Diagnostic(
          code: .G103, message: "`\(key)` has \(cases.count) cases, but a rank is \(bad)",
          help: [
            "ranks count from 1: "
              + cases.enumerated().map { "\($0.offset + 1) \($0.element)" }.joined(separator: ", ")
          ])
      }
      rankColumns[p] = column
    }
    var valueColumns: [Int: [Value?]] = [:]
    for (key, column) in values {
      guard let p = edges[number].propertyIndex[key] else {
        throw Diagnostic(
          code: .G102, message: "\(Grammar.a("`\(type)`")) edge has no property `\(key)`",
          help: Suggestions.didYouMean(key, in: definition.properties.map(\.name)))
      }
      for value in column {
        if let value { try Self.check(value, against: definition.properties[p], schema: schema, range: nil) }
      }
      valueColumns[p] = column
    }
    for i in 0..<count {
      guard from[i].index >= 0, from[i].index < nodeCount, to[i].index >= 0, to[i].index < nodeCount else {
        throw Diagnostic(code: .G201, message: "edge \(i) of `\(type)` names a node that was never added")
      }
      guard edges[number].allows(from: nodeKinds[from[i].index], to: nodeKinds[to[i].index]) else {
        throw Diagnostic(
          code: .G105,
          message:
            "\(Grammar.a("`\(type)`")) edge cannot go from \(Grammar.a(kind(of: from[i]).name)) to \(Grammar.a(kind(of: to[i]).name))",
          notes: [
            "`\(type)` goes from \(Suggestions.list(definition.from)) to \(Suggestions.list(definition.to))"
          ])
      }
    }
    let sources = from.map(\.rawValue)
    let targets = to.map(\.rawValue)
    sources.withUnsafeBufferPointer { sources in
      targets.withUnsafeBufferPointer { targets in
        edges[number].append(from: sources, to: targets, ranks: rankColumns, values: valueColumns)
      }
    }
  }
}

extension EdgeTable {
  /// Appends edges whose endpoints and values were checked already; an edge without an `origin` is
  /// `declared`.
  mutating func append(
    from sources: UnsafeBufferPointer<Int32>, to targets: UnsafeBufferPointer<Int32>,
    ranks: [Int: [UInt8]] = [:], values: [Int: [Value?]] = [:]
  ) {
    let position = from.count
    let count = sources.count
    from.append(contentsOf: sources)
    to.append(contentsOf: targets)
    for i in 0..<columns.count {
      if let column = ranks[i] {
        if columns[i] == nil {
          columns[i] = Column(type: definition.properties[i].type, schema: schema, count: position)
        }
        if case .enumeration(let e) = definition.properties[i].type,
          let enumeration = schema.enumDefinition(e)
        {
          column.withUnsafeBufferPointer { columns[i]?.append(ranks: $0, of: enumeration) }
        }
      } else if let column = values[i] {
        if columns[i] == nil {
          columns[i] = Column(type: definition.properties[i].type, schema: schema, count: position)
        }
        for value in column { columns[i]?.append(value) }
      } else if i == originColumn {
        if columns[i] == nil {
          columns[i] = Column(type: definition.properties[i].type, schema: schema, count: position)
        }
        columns[i]?.append(rank: UInt8(declaredRank), count: count)
      } else if columns[i] != nil {
        columns[i]?.append(rank: 0, count: count)
      }
    }
  }
}

extension Column {
  /// Appends enum ranks of the enum `definition` (in a column of values, the cases they stand for).
  mutating func append(ranks: UnsafeBufferPointer<UInt8>, of definition: EnumDefinition) {
    switch self {
    case .scale(let name, let cases, var stored):
      self = .values([])
      stored.append(contentsOf: ranks)
      self = .scale(enumName: name, cases: cases, ranks: stored)
    case .values:
      for r in ranks {
        let rank = Int(r)
        append(
          rank > 0 && rank <= definition.cases.count
            ? .enumCase(EnumCase(enumName: definition.name, name: definition.cases[rank - 1], rank: rank))
            : nil)
      }
    }
  }

  /// Appends `count` copies of one rank (0: no value).
  mutating func append(rank: UInt8, count: Int) {
    switch self {
    case .scale(let name, let cases, var stored):
      self = .values([])
      stored.append(repeating: rank, count: count)
      self = .scale(enumName: name, cases: cases, ranks: stored)
    case .values(var values):
      self = .values([])
      values.append(contentsOf: repeatElement(nil, count: count))
      self = .values(values)
    }
  }
}
