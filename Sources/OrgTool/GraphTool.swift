import Foundation
import OrgGraph
import OrgQuery

/// The graph commands of `orgraph` — `check`, `stats`, `export` — as library functions, so tools that embed
/// OrgGraph offer exactly what the command line does.
///
/// ```swift
/// let result = GraphTool.check(graphPath: "Graph")
/// print(result.stdout, result.stderr)
/// ```
public enum GraphTool {
  /// Output formats of `check`, `stats` and `export`.
  public enum Format: String, Sendable, CaseIterable {
    /// Human-readable text.
    case text
    /// An aligned table (same as text).
    case table
    /// JSON.
    case json
  }

  /// Loads the graph at `path` (a folder or an export), or the default graph when `path` is `nil`.
  /// `timeout` bounds the load in seconds (`nil` or 0: none).
  public static func loadGraph(
    _ path: String?, progress: LoadProgress.Handler? = nil, timeout: Double? = nil
  ) throws(GraphLoadFailure) -> Graph {
    try GraphLoader.load(pathOrDefault: path, progress: progress, timeout: timeout)
  }

  /// How diagnostics name the graph: the path, or `the default graph`.
  static func graphName(_ path: String?) -> String { path.map { "`\($0)`" } ?? "the default graph" }

  /// Renders a load failure for the terminal or as JSON lines.
  public static func render(
    _ failure: GraphLoadFailure, format: Format, color: Bool = false, summary: Bool = true
  ) -> String {
    if format == .json {
      return failure.diagnostics.map { $0.json.compact + "\n" }.joined()
    }
    return DiagnosticRenderer(color: color, sources: failure.sources).render(
      failure.diagnostics, summary: summary)
  }

  /// `orgraph check`: loads and validates a graph; exit status 1 with every diagnostic when it is broken.
  ///
  /// With `strict`, a graph that loads is also checked against the framework lint rules
  /// (``Graph/lint()``): their warnings are printed the same way, and make the exit status 1.
  public static func check(
    graphPath: String?, format: Format = .text, color: Bool = false, strict: Bool = false
  ) -> ToolOutput {
    let graph: Graph
    do {
      graph = try loadGraph(graphPath)
    } catch {
      let errors = error.diagnostics.filter { $0.severity == .error }.count
      if format == .json {
        return ToolOutput(stdout: checkJSON(graph: graphPath, ok: false, error.diagnostics), status: 1)
      }
      var text = render(error, format: format, color: color, summary: false)
      if format != .json {
        text +=
          "\n\(graphName(graphPath)) has \(Grammar.count(errors, "error")); fix \(errors == 1 ? "it" : "them") and run `orgraph check` again\n"
      }
      return ToolOutput(stderr: text, status: 1)
    }
    let warnings = strict ? graph.lint() : []
    if !warnings.isEmpty {
      if format == .json {
        return ToolOutput(stdout: checkJSON(graph: graph.manifest.name, ok: false, warnings), status: 1)
      }
      let sources = lintSources(for: warnings, graphPath: graphPath)
      var text = DiagnosticRenderer(color: color, sources: sources).render(warnings, summary: false)
      text +=
        "\n\(graphName(graphPath)) loads, but has \(Grammar.count(warnings.count, "lint warning")); "
        + "fix \(warnings.count == 1 ? "it" : "them") and run `orgraph check --strict` again\n"
      return ToolOutput(stderr: text, status: 1)
    }
    let stats = graph.statistics
    if format == .json {
      return ToolOutput(
        stdout: checkJSON(graph: graph.manifest.name, ok: true, [], nodes: stats.nodes, edges: stats.edges))
    }
    let derived = stats.edgeTypes.reduce(0) { $0 + $1.derived }
    let inferred = stats.edgeTypes.reduce(0) { $0 + $1.inferred }
    let place = graphPath ?? "built in"
    return ToolOutput(
      stdout:
        "ok: \(graph.manifest.name) (\(place)): \(stats.nodes) nodes, \(stats.edges) edges "
        + "(\(derived) derived, \(inferred) inferred); no problems found"
        + (strict ? ", lint rules included" : "") + "\n")
  }

  /// `check --format json`: one object on standard output whether the graph is sound or not, so scripts can
  /// always read `ok` and `diagnostics`.
  static func checkJSON(
    graph: String?, ok: Bool, _ diagnostics: [Diagnostic], nodes: Int? = nil, edges: Int? = nil
  )
    -> String
  {
    var pairs: [(String, JSON)] = [
      ("graph", graph.map(JSON.string) ?? .string("default graph")), ("ok", .bool(ok)),
    ]
    if let nodes { pairs.append(("nodes", .int(nodes))) }
    if let edges { pairs.append(("edges", .int(edges))) }
    pairs.append(("diagnostics", .array(diagnostics.map(\.json))))
    return JSON.object(pairs).pretty(inlineDepth: 2) + "\n"
  }

  /// The texts of the files lint warnings point into, so the renderer can echo their lines: the embedded
  /// files for the default graph, otherwise the files as the diagnostics name them (unreadable ones are
  /// left out, and their warnings print without the line).
  static func lintSources(for warnings: [Diagnostic], graphPath: String?) -> [String: String] {
    let files = Set(warnings.compactMap { $0.range?.file })
    if graphPath == nil {
      return Dictionary(
        GraphLoader.defaultGraphFiles.filter { files.contains($0.path) }.map { ($0.path, $0.text) },
        uniquingKeysWith: { a, _ in a })
    }
    var sources: [String: String] = [:]
    for file in files {
      if let text = try? String(contentsOfFile: file, encoding: .utf8) { sources[file] = text }
    }
    return sources
  }

  /// `orgraph stats`: nodes per kind and edges per type.
  public static func stats(graphPath: String?, format: Format = .table, color: Bool = false) -> ToolOutput {
    do {
      let graph = try loadGraph(graphPath)
      return ToolOutput(stdout: format == .json ? statsJSON(graph) : statsTable(graph))
    } catch {
      return ToolOutput(stderr: render(error, format: format, color: color), status: 1)
    }
  }

  /// `orgraph export`: the whole graph as JSON.
  public static func export(graphPath: String?, format: Format = .json) -> Result<String, GraphLoadFailure> {
    do throws(GraphLoadFailure) {
      return .success(try loadGraph(graphPath).exportJSON())
    } catch {
      return .failure(error)
    }
  }

  /// `orgraph export [-o FILE]`: the whole graph as JSON on standard output, or written atomically to
  /// `output` (see ``export(graphPath:as:dialect:to:replacing:color:)`` for the other formats).
  public static func export(
    graphPath: String?, format: Format = .json, to output: String?, replacing: Bool = false,
    color: Bool = false
  )
    -> ToolOutput
  {
    export(graphPath: graphPath, as: .json, to: output, replacing: replacing, color: color)
  }

  static func statsJSON(_ graph: Graph) -> String {
    let stats = graph.statistics
    let json = JSON.object([
      ("graph", .string(stats.name)),
      ("nodes", .int(stats.nodes)),
      ("edges", .int(stats.edges)),
      (
        "kinds",
        .object(stats.kinds.map { ($0.kind, .int($0.count)) })
      ),
      (
        "edge_types",
        .object(
          stats.edgeTypes.map {
            (
              $0.type,
              .object([
                ("count", .int($0.count)), ("declared", .int($0.declared)), ("derived", .int($0.derived)),
                ("inferred", .int($0.inferred)),
              ])
            )
          })
      ),
    ])
    return json.pretty() + "\n"
  }

  /// Names that fit in about 100 characters, then `…` when some were left out.
  static func examples(_ names: [String]) -> String {
    var out = ""
    for (i, name) in names.enumerated() {
      let short = name.count > 32 ? String(name.prefix(31)) + "…" : name
      let next = out.isEmpty ? short : out + ", " + short
      if next.count > 100 {
        return out.isEmpty ? short + (names.count > 1 ? ", …" : "") : out + ", …"
      }
      out = next
      if i == names.count - 1 { return out }
    }
    return out
  }

  static func statsTable(_ graph: Graph) -> String {
    let stats = graph.statistics
    var out = "\(stats.name): \(stats.nodes) nodes, \(stats.edges) edges\n\n"
    var rows: [[String]] = [["kind", "nodes", "for example"]]
    for (k, count) in stats.kinds.enumerated() where count.count > 0 {
      rows.append([
        count.kind, String(count.count), examples(graph.kindMembers[k].map { graph.name(of: $0) }),
      ])
    }
    out += TextTable.render(rows, rightAligned: [1])
    out += "\n"
    var edgeRows: [[String]] = [["edge type", "edges", "declared", "derived", "inferred"]]
    for e in stats.edgeTypes where e.count > 0 {
      edgeRows.append([e.type, String(e.count), String(e.declared), String(e.derived), String(e.inferred)])
    }
    out += TextTable.render(edgeRows, rightAligned: [1, 2, 3, 4])
    return out
  }
}
