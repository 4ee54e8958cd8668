import OrgGraph

/// A path through the graph: its nodes, and the edges between consecutive nodes.
public struct GraphPath: Sendable, Hashable {
  /// The nodes, from start to end.
  public var nodes: [NodeID]
  /// The edges; `edges[i]` joins `nodes[i]` and `nodes[i + 1]` (possibly walked against its direction).
  public var edges: [EdgeID]

  /// Creates a path.
  public init(nodes: [NodeID], edges: [EdgeID]) {
    self.nodes = nodes
    self.edges = edges
  }

  /// The number of hops.
  public var length: Int { edges.count }
}

/// A value in a query result or expression.
public enum QueryValue: Sendable, Hashable {
  /// Nothing: a missing property, an empty cell.
  case null
  /// A requirement with no proficiency: shown as `unrated`, compares false with everything.
  case unrated
  /// `true` or `false`.
  case bool(Bool)
  /// A number.
  case number(Double)
  /// A string.
  case string(String)
  /// A case of an ordered enum (a proficiency, a gap's change).
  case enumCase(EnumCase)
  /// A node.
  case node(NodeID)
  /// An edge.
  case edge(EdgeID)
  /// A list.
  case list([QueryValue])
  /// A path.
  case path(GraphPath)
  /// A document and line.
  case source(SourceReference)

  /// The value as a condition: `true` only for `.bool(true)`.
  var isTrue: Bool { self == .bool(true) }

  /// The value as a number, when it is one.
  var number: Double? {
    if case .number(let d) = self { return d }
    return nil
  }

  /// Converts a stored property value.
  init(_ value: Value) {
    switch value {
    case .string(let s): self = .string(s)
    case .int(let i): self = .number(Double(i))
    case .number(let d): self = .number(d)
    case .bool(let b): self = .bool(b)
    case .enumCase(let c): self = .enumCase(c)
    case .strings(let list): self = .list(list.map(QueryValue.string))
    case .nodes(let ids): self = .list(ids.map(QueryValue.node))
    case .source(let s): self = .source(s)
    }
  }
}

/// The enum of a gap row's `change` column, in result order.
enum ChangeEnum {
  static let name = "change"
  static let cases = GapRow.Change.allCases.map(\.rawValue)
  static func value(_ change: GapRow.Change) -> QueryValue {
    .enumCase(
      EnumCase(enumName: name, name: change.rawValue, rank: (cases.firstIndex(of: change.rawValue) ?? 0) + 1))
  }
}
