import OrgGraph

/// What the table-shaped exports (GraphML, Cypher, CSV) share: each kind's and each edge type's columns with
/// their types, every value as plain text, and a stable order (kinds and edge types in schema order, nodes and
/// edges in graph order), so two exports of one graph are byte for byte the same and diff cleanly.
extension Graph {
  /// A column of an export: a property and its type.
  struct ExportColumn {
    var name: String
    var type: PropertyType
  }

  /// The properties a kind's nodes have in this graph, `name` first (the schema's order after it); only
  /// those some node has, so empty columns are not exported.
  func exportColumns(ofKind kind: KindDefinition) -> [ExportColumn] {
    let members = nodes(ofKind: kind.name)
    var columns = [ExportColumn(name: "name", type: .string)]
    for p in kind.properties where p.name != "name" {
      if members.contains(where: { property(p.name, of: $0) != nil }) {
        columns.append(ExportColumn(name: p.name, type: p.type))
      }
    }
    return columns
  }

  /// The properties an edge type's edges have in this graph, `origin` last when the type has one.
  func exportColumns(ofEdgeType t: Int) -> [ExportColumn] {
    let definition = schema.edgeTypes[t]
    let edges = self.edges(ofType: t)
    var columns: [ExportColumn] = []
    for p in definition.properties where p.name != "origin" {
      if edges.contains(where: { property(p.name, of: $0) != nil }) {
        columns.append(ExportColumn(name: p.name, type: p.type))
      }
    }
    if definition.property("origin") != nil { columns.append(ExportColumn(name: "origin", type: .string)) }
    return columns
  }

  /// A node's property as exported (`origin` of an edge is always there: `declared` when not written).
  func exportValue(_ column: ExportColumn, of node: NodeID) -> Value? { property(column.name, of: node) }

  func exportValue(_ column: ExportColumn, of edge: EdgeID) -> Value? {
    column.name == "origin" ? .string(origin(of: edge)) : property(column.name, of: edge)
  }

  /// A value as one piece of text: lists joined with `separator`, node lists as ids, sources as
  /// `DOCUMENT:LINE`, enum cases as their word.
  func exportText(_ value: Value, separator: String = ";") -> String {
    switch value {
    case .string(let s): return s
    case .int(let i): return String(i)
    case .number(let d): return Value.number(d).displayText
    case .bool(let b): return b ? "true" : "false"
    case .enumCase(let c): return c.name
    case .strings(let list): return list.joined(separator: separator)
    case .nodes(let list): return list.map { id(of: $0) }.joined(separator: separator)
    case .source(let s): return s.description
    }
  }

  /// The items of a list value (strings, or node ids); `nil` for a single value.
  func exportItems(_ value: Value) -> [String]? {
    switch value {
    case .strings(let list): return list
    case .nodes(let list): return list.map { id(of: $0) }
    default: return nil
    }
  }

  /// The pairs of kinds an edge type links in this schema (for databases that type both ends).
  func endKinds(ofEdgeType t: Int) -> [(from: KindDefinition, to: KindDefinition)] {
    let definition = schema.edgeTypes[t]
    var out: [(KindDefinition, KindDefinition)] = []
    for f in definition.from {
      for g in definition.to {
        if let a = schema.kind(f), let b = schema.kind(g) { out.append((a, b)) }
      }
    }
    return out
  }

  /// A kind's name as a label or table name: `role` → `Role`, `org` → `Org`.
  static func label(_ kind: String) -> String {
    kind.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
  }
}
