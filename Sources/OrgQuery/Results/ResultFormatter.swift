import OrgGraph

/// Prints results as an aligned table, JSON or CSV.
///
/// JSON is an array of row objects; every node appears as an object with `id`, `kind` and `name`. An
/// `overlap` result is an object `{"rows": […], "similarity": […]}` so the pairwise similarity travels with
/// the rows (docs/query-language.md, "Results").
public struct ResultFormatter: Sendable {
  /// The output formats.
  public enum Format: String, Sendable, CaseIterable {
    /// An aligned text table with a row count.
    case table
    /// JSON.
    case json
    /// Comma-separated values with a header row.
    case csv
  }

  /// The graph the result's nodes belong to.
  public let graph: Graph
  /// Cells longer than this many terminal cells are cut with `…` in tables (0, the default: never). A table
  /// given a `width` wraps long cells instead, and loses nothing.
  public var maximumCellWidth: Int

  /// Creates a formatter.
  public init(graph: Graph, maximumCellWidth: Int = 0) {
    self.graph = graph
    self.maximumCellWidth = maximumCellWidth
  }

  /// The result in `format`, ending with a newline.
  public func format(_ result: QueryResult, as format: Format) -> String {
    switch format {
    case .table: return table(result, width: nil)
    case .json: return json(result).pretty(inlineDepth: 3) + "\n"
    case .csv: return csv(result)
    }
  }

  // MARK: - Text

  /// A value as one line of text.
  public func text(_ value: QueryValue) -> String {
    switch value {
    case .null: return ""
    case .unrated: return "unrated"
    case .bool(let b): return b ? "true" : "false"
    case .number(let d): return Value.number(d).displayText
    case .string(let s): return s
    case .enumCase(let c): return c.name
    case .node(let n): return graph.name(of: n)
    case .edge(let e): return graph.type(of: e).name
    case .list(let items): return items.map(text).joined(separator: "; ")
    case .path(let p): return pathText(p)
    case .source(let s): return s.description
    }
  }

  /// A value as a table shows it: as ``text(_:)`` gives it, except that a list's items are joined by `; `
  /// only where an item does not end a sentence — evidence reads "… domain. I advocate …", not
  /// "… domain.; I advocate …". CSV keeps `; ` between every item, for the programs that split on it.
  func display(_ value: QueryValue) -> String {
    guard case .list(let items) = value else { return text(value) }
    var out = ""
    for (i, item) in items.map(display).enumerated() {
      if i > 0 { out += out.last.map { ".!?".contains($0) } == true ? " " : "; " }
      out += item
    }
    return out
  }

  /// `Backend Engineer -[lateral~]-> SRE Engineer -[promotes_to]-> …`; `~` marks an inferred move, and an
  /// edge walked against its direction is written `<-[type]-`.
  public func pathText(_ path: GraphPath) -> String {
    guard let first = path.nodes.first else { return "" }
    var out = graph.name(of: first)
    for (i, edge) in path.edges.enumerated() where i + 1 < path.nodes.count {
      let type = graph.type(of: edge).name + (graph.origin(of: edge) == "inferred" ? "~" : "")
      let forward = graph.source(of: edge) == path.nodes[i]
      out += forward ? " -[\(type)]-> " : " <-[\(type)]- "
      out += graph.name(of: path.nodes[i + 1])
    }
    return out
  }

  func cut(_ s: String) -> String {
    var flat = ""
    for scalar in s.unicodeScalars {
      // One line per cell; tabs and other controls would break the alignment.
      flat.unicodeScalars.append(scalar.value < 0x20 || scalar.value == 0x7F ? " " : scalar)
    }
    guard maximumCellWidth > 1, DisplayWidth.cells(flat) > maximumCellWidth else { return flat }
    return DisplayWidth.prefix(flat, fitting: maximumCellWidth - 1) + "…"
  }

  /// The aligned table, a row count, and for `overlap` the similarity of each pair.
  ///
  /// - Parameters:
  ///   - width: the width to fit, in terminal cells: the widest columns are narrowed (longest first) and
  ///     their cells wrapped onto more lines — at spaces, inside a word only when it is wider than the
  ///     column — so every line fits and nothing is cut; `nil` for no limit (one line per row).
  ///   - rowLimit: print at most this many rows and say how many more there are; `nil` for all.
  ///   - footer: extra text for the row-count line, such as the time taken.
  public func table(_ result: QueryResult, width: Int? = nil, rowLimit: Int? = nil, footer: String? = nil)
    -> String
  {
    if result.kind == .binding {
      let n = result.rows.count
      return "$\(result.binding ?? "") = \(Grammar.count(n, "row"))\n"
    }
    let numeric = Set(
      result.columns.indices.filter { i in
        !result.rows.isEmpty
          && result.rows.allSatisfy { row in
            if case .number = row[i] { return true }
            return row[i] == .null
          }
      })
    let shown = rowLimit.map { Array(result.rows.prefix(max($0, 0))) } ?? result.rows
    // Two different nodes of one name in a table (an organisation's own `Mentoring` and the canonical
    // one) would read as one: each such node is shown with its id.
    var byName: [String: Set<NodeID>] = [:]
    for row in shown {
      for value in row { if case .node(let n) = value { byName[graph.name(of: n), default: []].insert(n) } }
    }
    let ambiguous = Set(byName.values.filter { $0.count > 1 }.flatMap { $0 })
    var cells: [[String]] = [result.columns]
    for row in shown {
      cells.append(
        row.map { value in
          if case .path = value { return text(value) }  // a path is the answer: never cut
          if case .node(let n) = value, ambiguous.contains(n) {
            return cut(graph.name(of: n) + " (" + graph.id(of: n) + ")")
          }
          return cut(display(value))
        })
    }
    if let width {
      let pathColumns = Set(
        result.columns.indices.filter { i in
          result.rows.contains { if case .path = $0[i] { true } else { false } }
        })
      cells = fit(cells, width: width, fixed: pathColumns)
    }
    var out = TextTable.render(cells, rightAligned: numeric)
    var count = Grammar.count(result.rows.count, "row")
    if shown.count < result.rows.count { count = "\(shown.count) of \(count) shown; `:set rows 0` shows all" }
    if let footer { count += ", \(footer)" }
    out += "(\(count))\n"
    for s in result.similarity {
      out +=
        "similarity \(graph.name(of: s.a)) ~ \(graph.name(of: s.b)): \(Value.number(s.score).displayText)\n"
    }
    return out
  }

  /// Narrows the widest columns until a table of `cells` fits in `width` terminal cells, wrapping the cells
  /// of narrowed columns onto several lines (joined with `\n`, which ``TextTable`` draws as a taller row).
  func fit(_ cells: [[String]], width: Int, fixed: Set<Int> = []) -> [[String]] {
    guard let header = cells.first, !header.isEmpty else { return cells }
    var widths = header.indices.map { i in
      cells.map { i < $0.count ? DisplayWidth.cells($0[i]) : 0 }.max() ?? 0
    }
    let separators = 2 * (widths.count - 1)
    // A column keeps at least its header's width, and at least 8 cells, so wrapped text stays readable.
    let minimums = header.map { max(DisplayWidth.cells($0), 8) }
    while widths.reduce(0, +) + separators > width {
      let shrinkable = widths.indices.filter { !fixed.contains($0) && widths[$0] > minimums[$0] }
      guard let widest = shrinkable.max(by: { widths[$0] < widths[$1] }) else { break }
      widths[widest] -= 1
    }
    return cells.enumerated().map { index, row in
      row.enumerated().map { i, cell in
        guard index > 0, i < widths.count, !fixed.contains(i), DisplayWidth.cells(cell) > widths[i] else {
          return cell
        }
        return DisplayWidth.wrap(cell, width: widths[i]).joined(separator: "\n")
      }
    }
  }

  // MARK: - JSON

  /// A value as JSON: nodes as `{id, kind, name}`, paths as `{nodes, edges}`, enum cases as words.
  public func json(_ value: QueryValue) -> JSON {
    switch value {
    case .null: return .null
    case .unrated: return .string("unrated")
    case .bool(let b): return .bool(b)
    case .number(let d): return .number(d)
    case .string(let s): return .string(s)
    case .enumCase(let c): return .string(c.name)
    case .node(let n): return nodeJSON(n)
    case .edge(let e): return graph.edgeJSON(e)
    case .list(let items): return .array(items.map(json))
    case .path(let p):
      return .object([
        ("nodes", .array(p.nodes.map(nodeJSON))), ("edges", .array(p.edges.map { graph.edgeJSON($0) })),
        ("length", .int(p.length)),
      ])
    case .source(let s): return .string(s.description)
    }
  }

  func nodeJSON(_ node: NodeID) -> JSON {
    .object([
      ("id", .string(graph.id(of: node))), ("kind", .string(graph.kind(of: node).name)),
      ("name", .string(graph.name(of: node))),
    ])
  }

  /// The result as JSON: an array of row objects (an object with `rows` and `similarity` for `overlap`).
  public func json(_ result: QueryResult) -> JSON {
    let rows = JSON.array(
      result.rows.map { row in
        .object(Array(zip(result.columns, row.map(json))))
      })
    guard result.kind == .overlap else { return rows }
    return .object([
      ("rows", rows),
      (
        "similarity",
        .array(
          result.similarity.map {
            .object([("a", nodeJSON($0.a)), ("b", nodeJSON($0.b)), ("score", .number($0.score))])
          })
      ),
    ])
  }

  // MARK: - CSV

  /// The result as CSV (RFC 4180): a header, then one line per row; nodes by name, lists joined by `; `.
  public func csv(_ result: QueryResult) -> String {
    func field(_ s: String) -> String {
      if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
      }
      return s
    }
    var out = result.columns.map(field).joined(separator: ",") + "\r\n"
    for row in result.rows { out += row.map { field(text($0)) }.joined(separator: ",") + "\r\n" }
    return out
  }
}
