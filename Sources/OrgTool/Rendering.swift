import Foundation
import OrgDiagram
import OrgGraph
import OrgQuery
import OrgRender

/// Carries out `| render` requests and the `render` command as the command line and the REPL do: a diagram
/// chosen from the result (``OrgDiagram/Diagram/forResult(_:graph:limits:)``), drawn through Graphviz, and
/// written atomically — every failure one diagnostic: Q402 for a diagram that cannot be drawn as asked, Q403
/// for a file that is not written, Q404 for Graphviz failing.
///
/// ```swift
/// var runner = ScriptRunner(session: QuerySession(graph: graph), renderer: Rendering.renderer())
/// let output = runner.run(#"team Cloud <- in_team | render svg to "team.svg""#)
/// ```
public enum Rendering {
  /// A renderer for `| render` stages: it refuses diagrams larger than `limits` allow, and writes files
  /// as `writes` allows (by default: under the working directory, never replacing a file it did not write).
  public static func renderer(limits: DiagramLimits = .standard, writes: WritePolicy = WritePolicy())
    -> ScriptRunner.Renderer
  {
    { request, result, graph in
      try render(request, result: result, graph: graph, limits: limits, writes: writes, fromQuery: true)
    }
  }

  /// Draws `result` as `request` asks: to the named file (atomically), or, for text formats, to standard
  /// output. Table, JSON and CSV print the result itself.
  ///
  /// - Parameter fromQuery: whether the file was named inside a query (a `| render … to` stage), which
  ///   `writes` confines to its folder; files named on the command line are not.
  public static func render(
    _ request: RenderRequest, result: QueryResult, graph: Graph, limits: DiagramLimits,
    writes: WritePolicy = WritePolicy(), fromQuery: Bool = false
  )
    throws(Diagnostic)
    -> String?
  {
    let chosen = request.format ?? (request.file == nil ? .dot : .svg)
    let name = chosen.rawValue
    // A file named on the command line has no place in the query to point at.
    func fail(_ message: String, help: [String] = [], code: DiagnosticCode = .Q402, file: Bool = false)
      -> Diagnostic
    {
      Diagnostic(code: code, message: message, range: file && !fromQuery ? nil : request.range, help: help)
    }
    if let tableFormat = ResultFormatter.Format(rawValue: name) {
      let text = ResultFormatter(graph: graph).format(result, as: tableFormat)
      guard let file = request.file else { return text }
      do {
        try writes.write(Data(text.utf8), to: file, fromQuery: fromQuery)
      } catch {
        throw fail(error.message, help: error.help, code: .Q403, file: true)
      }
      return nil
    }
    // Binary drawings are not printed; where a file goes, and whether it may, is settled before Graphviz
    // spends time on it.
    var target: WritePolicy.Target?
    if let file = request.file {
      do {
        target = try writes.target(file, fromQuery: fromQuery)
      } catch {
        throw fail(error.message, help: error.help, code: .Q403, file: true)
      }
    } else if let format = DiagramFormat(chosen), !format.isText {
      throw fail(
        "\(name.uppercased()) is binary and is not printed to the terminal",
        help: [
          fromQuery
            ? "name a file: `| render \(name) to \"diagram.\(format.fileExtension)\"`"
            : "name a file: `-o diagram.\(format.fileExtension)`"
        ])
    }
    let data = try drawing(
      of: result, as: chosen, query: request.query ?? "", graph: graph, limits: limits, range: request.range)
    guard let target else { return String(decoding: data, as: UTF8.self) }
    do {
      try writes.write(data, to: target)
    } catch {
      throw fail(error.message, help: error.help, code: .Q403, file: true)
    }
    return nil
  }

  /// What `result` looks like as `format`, the bytes a file of it holds — the one place a drawing is made,
  /// for the command line, the shell and the server alike:
  /// - `html`: the one-file result (the query, the table, the diagram, and a gap's profile chart);
  /// - `svg` of a gap: its profile chart, when three or more competencies are rated;
  /// - otherwise the diagram the result draws (``OrgDiagram/Diagram/forResult(_:graph:limits:)``), as DOT,
  ///   Mermaid, or through Graphviz.
  ///
  /// Diagnostics point at `range`: Q402 for a result that cannot be drawn as asked, Q404 for Graphviz failing.
  public static func drawing(
    of result: QueryResult, as format: RenderFormat, query: String, graph: Graph, limits: DiagramLimits,
    range: SourceRange?
  ) throws(Diagnostic) -> Data {
    func fail(_ message: String, help: [String] = [], code: DiagnosticCode = .Q402) -> Diagnostic {
      Diagnostic(code: code, message: message, range: range, help: help)
    }
    let gap: (start: NodeID, target: NodeID)? =
      result.kind == .gap && result.compared.count == 2 ? (result.compared[0], result.compared[1]) : nil
    let profile = gap.flatMap { ProfileChart.gap(from: $0.start, to: $0.target, in: graph) }
    if format == .html {
      var svg: String?
      var note: String?
      do {
        svg = try GraphvizRenderer.svg(try Diagram.forResult(result, graph: graph, limits: limits))
      } catch {
        note = "No diagram: \(error)"
      }
      let page = ResultPage.html(
        query: query, result: result, graph: graph, svg: svg, note: note,
        profile: gap.flatMap { g in profile?.svg(title: "Proficiency profile of \(graph.name(of: g.target))")
        },
        date: Date())
      return Data(page.utf8)
    }
    if format == .svg, let gap, let profile {
      return Data(
        profile.svgFile(
          title: "Proficiency profile: \(graph.name(of: gap.target)) over \(graph.name(of: gap.start))"
        ).utf8)
    }
    guard let diagramFormat = DiagramFormat(format) else {
      let names = DiagramFormat.allCases.map(\.rawValue).joined(separator: ", ")
      throw fail("`\(format.rawValue)` is not a diagram format", help: ["use one of \(names)"])
    }
    let diagram: Diagram
    do {
      diagram = try Diagram.forResult(result, graph: graph, limits: limits)
    } catch {
      // The size guard's advice names the command line's and the REPL's ways to raise the limit.
      switch error {
      case .tooLarge(_, let nodes, let limit):
        throw fail(
          "the diagram would have \(nodes) nodes, more than the \(limit) a diagram shows legibly",
          help: [
            "narrow the query (a `where` filter, fewer starting nodes, `| limit \(limit)`)",
            "or draw it anyway: `orgraph render --max-nodes \(nodes) …`, or `:set nodes \(nodes)` in the REPL",
          ])
      default:
        throw fail("\(error)")
      }
    }
    do {
      return try GraphvizRenderer.data(for: diagram, as: diagramFormat)
    } catch {
      // The error names Graphviz and what went wrong ("Graphviz crashed while laying out …").
      throw fail("\(error)", help: advice(for: error, format: format.rawValue), code: .Q404)
    }
  }

  /// What to do about a failed render: another file for a write, a smaller diagram or DOT text for a
  /// layout that failed.
  static func advice(for error: RenderError, format: String) -> [String] {
    switch error {
    case .cannotWrite: return ["pick a file in a folder you can write to"]
    case .layoutFailed, .graphviz:
      return [
        "draw fewer nodes (a `where` filter, `| limit N`), or write the diagram as text: `| render dot` or `| render mermaid`"
      ]
    }
  }

  /// `orgraph render`: runs `query` in `session` and draws its last result in `format`, to `output` or, for
  /// text formats, to standard output. Diagnostics of the query and of the render go to standard error.
  public static func renderQuery(
    _ query: String, session: QuerySession, format: DiagramFormat, output: String?,
    limits: DiagramLimits = .standard, writes: WritePolicy = WritePolicy(), color: Bool = false
  ) -> ToolOutput {
    renderQuery(
      query, session: session, as: format.renderFormat, output: output, limits: limits, writes: writes,
      color: color)
  }

  /// `orgraph render`: runs `query` in `session` and renders its last result as `format` — a diagram, or
  /// `html`, one page with the query, the table and the diagram — to `output` or, for text formats, to
  /// standard output. Diagnostics of the query and of the render go to standard error.
  public static func renderQuery(
    _ query: String, session: QuerySession, as format: RenderFormat, output: String?,
    limits: DiagramLimits = .standard, writes: WritePolicy = WritePolicy(), color: Bool = false
  ) -> ToolOutput {
    var session = session
    let file = "<query>"
    let outcome = session.run(query, file: file)
    let runner = ScriptRunner(session: session, color: color)
    var out = ToolOutput(stderr: runner.report(outcome.diagnostics, text: query, file: file))
    guard outcome.succeeded, let result = outcome.results.last else {
      if outcome.succeeded {
        out.stderr += "error: the query has no result to draw\n"
      }
      out.status = 1
      return out
    }
    var request = RenderRequest(
      format: format, file: output, range: SourceRange(file: file, line: 1, column: 1, length: query.count))
    request.query = query
    do {
      if let text = try render(request, result: result, graph: session.graph, limits: limits, writes: writes)
      {
        out.stdout += text
      }
    } catch {
      out.stderr += runner.report([error], text: query, file: file)
      out.status = 1
    }
    return out
  }
}
