import OrgGraph

/// The result of one statement: a table of typed values, with what a renderer or a report needs besides.
///
/// Node-set results have one column of nodes (named after their kind), plus the properties of the edge each
/// row came by after a one-hop step, plus `depth` after a closure; the stages named with `as` come first. `select`, `group`, `gap`, `overlap` and
/// `path` make columns of their own.
public struct QueryResult: Sendable {
  /// What made the result.
  public enum Kind: String, Sendable, Hashable {
    /// A set of nodes.
    case nodes
    /// A table of values (after `select`, `group` or `count`).
    case table
    /// Paths, from `path`.
    case paths
    /// A gap table, from `gap`.
    case gap
    /// An overlap table, from `overlap`.
    case overlap
    /// A `let` binding.
    case binding
  }

  /// What made the result.
  public var kind: Kind
  /// Column names, in order.
  public var columns: [String]
  /// Rows of values, one per column.
  public var rows: [[QueryValue]]
  /// Each row's node, when rows stand for nodes (node sets, gap and overlap rows).
  public var rowNodes: [NodeID?]
  /// The paths of a `path` result.
  public var paths: [GraphPath]
  /// Pairwise similarity of the compared nodes, for `overlap`.
  public var similarity: [Similarity]
  /// The nodes compared by `gap` (start, target) or `overlap`.
  public var compared: [NodeID]
  /// Warnings: a closure stopped at the hop cap, an inferred move in a path …
  public var warnings: [Diagnostic]
  /// The render request of a `| render` stage.
  public var render: RenderRequest?
  /// The name bound by `let`.
  public var binding: String?

  /// The distinct nodes of the rows, in row order.
  public var nodes: [NodeID] {
    var seen = Set<NodeID>()
    return rowNodes.compactMap { $0 }.filter { seen.insert($0).inserted }
  }
}

extension QueryResult {
  init(
    frame: Frame, graph: Graph, kind statementKind: Kind, warnings: [Diagnostic], render: RenderRequest?,
    binding: String?
  ) {
    self.warnings = warnings
    self.render = render
    self.binding = binding
    paths = frame.paths
    similarity = frame.similarity
    compared = frame.compared
    let shape = frame.shape
    if !shape.columns.isEmpty {
      kind = statementKind == .nodes ? .table : statementKind
      columns = shape.columns.map(\.name)
      rows = frame.rows.map { row in
        shape.columns.indices.map { $0 < row.values.count ? row.values[$0] : .null }
      }
      rowNodes = frame.rows.map(\.node)
      return
    }
    // A gap, overlap or path table that a step walked on from is a node set now.
    kind = [.gap, .overlap, .paths, .table].contains(statementKind) ? .nodes : statementKind
    // A node set: the names carried from earlier stages, the node, the properties of the edges rows came by,
    // then depth.
    let kinds = Set(frame.rows.compactMap { $0.node.map { graph.kindNumber(of: $0) } })
    let nodeColumn = kinds.count == 1 ? graph.schema.kinds[kinds.first ?? 0].name : "node"
    var edgeColumns: [String] = []
    let edgeTypes = Set(frame.rows.compactMap { $0.edge.map(\.type) }).sorted()
    for t in edgeTypes {
      for p in graph.schema.edgeTypes[Int(t)].properties
      where p.name != "evidence" && !edgeColumns.contains(p.name) {
        let present = frame.rows.contains { row in
          guard let e = row.edge, e.type == t else { return false }
          if p.name == "origin" { return graph.origin(of: e) != "declared" }
          if p.name == "proficiency" { return true }
          return graph.property(p.name, of: e) != nil
        }
        if present { edgeColumns.append(p.name) }
      }
    }
    let hasDepth = shape.hasDepth
    let carried = shape.carried.map(\.name)
    columns = carried + [nodeColumn] + edgeColumns + (hasDepth ? ["depth"] : [])
    rows = frame.rows.map { row in
      var values = carried.indices.map { $0 < row.carried.count ? row.carried[$0].value : .null }
      values.append(row.node.map(QueryValue.node) ?? .null)
      for name in edgeColumns {
        guard let e = row.edge else {
          values.append(.null)
          continue
        }
        if let v = graph.property(name, of: e) {
          values.append(QueryValue(v))
        } else {
          values.append(
            name == "proficiency" && graph.type(of: e).property("proficiency") != nil ? .unrated : .null)
        }
      }
      if hasDepth { values.append(.number(Double(row.depth))) }
      return values
    }
    rowNodes = frame.rows.map(\.node)
  }
}
