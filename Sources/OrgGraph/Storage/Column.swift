/// Values of one property for a run of nodes or edges, stored compactly.
///
/// Enum-typed properties (a proficiency on twenty million `assessed` edges) take one byte each; other
/// types are stored as optional ``Value``s.
enum Column: Sendable {
  /// Enum case ranks (1-based), 0 for none.
  case scale(enumName: String, cases: [String], ranks: Vector<UInt8>)
  /// Any other values.
  case values([Value?])

  init(type: PropertyType, schema: Schema, count: Int) {
    if case .enumeration(let name) = type, let definition = schema.enumDefinition(name),
      definition.cases.count < 255
    {
      self = .scale(
        enumName: name, cases: definition.cases, ranks: Vector(repeating: 0, count: count))
    } else {
      self = .values([Value?](repeating: nil, count: count))
    }
  }

  var count: Int {
    switch self {
    case .scale(_, _, let ranks): return ranks.count
    case .values(let values): return values.count
    }
  }

  subscript(position: Int) -> Value? {
    switch self {
    case .scale(let name, let cases, let ranks):
      let rank = Int(ranks[position])
      guard rank > 0, rank <= cases.count else { return nil }
      return .enumCase(EnumCase(enumName: name, name: cases[rank - 1], rank: rank))
    case .values(let values):
      return values[position]
    }
  }

  mutating func append(_ value: Value?) {
    switch self {
    case .scale(let name, let cases, var ranks):
      self = .values([])
      if case .enumCase(let c)? = value { ranks.append(UInt8(clamping: c.rank)) } else { ranks.append(0) }
      self = .scale(enumName: name, cases: cases, ranks: ranks)
    case .values(var values):
      self = .values([])
      values.append(value)
      self = .values(values)
    }
  }

  mutating func set(_ position: Int, _ value: Value?) {
    switch self {
    case .scale(let name, let cases, var ranks):
      self = .values([])
      if case .enumCase(let c)? = value {
        ranks[position] = UInt8(clamping: c.rank)
      } else {
        ranks[position] = 0
      }
      self = .scale(enumName: name, cases: cases, ranks: ranks)
    case .values(var values):
      self = .values([])
      values[position] = value
      self = .values(values)
    }
  }

  /// Whether the column holds any value at all.
  var isEmpty: Bool {
    switch self {
    case .scale(_, _, let ranks): return !ranks.contains { $0 != 0 }
    case .values(let values): return !values.contains { $0 != nil }
    }
  }
}
