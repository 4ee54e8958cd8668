import Foundation
import OrgGraph
import OrgQuery

/// Runs query text in a session and prints what `orgraph query`, `orgraph run` and piped input print:
/// results on standard output, diagnostics (errors and warnings) on standard error.
public struct ScriptRunner: Sendable {
  /// Carries out a `| render` request: returns text for standard output (a diagram written to no file), or
  /// `nil` when it wrote a file; throws a diagnostic when it cannot.
  public typealias Renderer = @Sendable (RenderRequest, QueryResult, Graph) throws -> String?

  /// The session queries run in; `let` bindings persist across calls.
  public var session: QuerySession
  /// The output format.
  public var format: ResultFormatter.Format
  /// Whether diagnostics are coloured.
  public var color: Bool
  /// How diagnostics name text that came from no file.
  public var anonymousName: String
  /// Carries out `| render`; without one, a render request is an error.
  public var renderer: Renderer?
  /// Tables are narrowed to this width (the terminal's), their cells cut with `…`; `nil` for no limit.
  public var tableWidth: Int?
  /// Tables show at most this many rows and say how many more there are; `nil` for all.
  public var rowLimit: Int?
  /// Whether a table's row count is followed by the time the query took.
  public var timing = false
  var printedResults = 0

  /// Creates a runner.
  public init(
    session: QuerySession, format: ResultFormatter.Format = .table, color: Bool = false,
    anonymousName: String = "<query>", renderer: Renderer? = nil
  ) {
    self.session = session
    self.format = format
    self.color = color
    self.anonymousName = anonymousName
    self.renderer = renderer
  }

  /// What one run printed.
  public struct Output: Sendable {
    /// Results.
    public var stdout = ""
    /// Diagnostics.
    public var stderr = ""
    /// Whether every statement ran without error.
    public var succeeded = true
    /// The results, in statement order (for `:render` of the last one).
    public var results: [QueryResult] = []
    /// Whether the query was cancelled.
    public var cancelled = false
    /// Every diagnostic reported, as values (the query's, then any the renderer gave).
    public var diagnostics: [Diagnostic] = []
  }

  /// Runs `text` (from `file`, starting at `firstLine`, or typed when `file` is `nil`).
  public mutating func run(
    _ text: String, file: String? = nil, firstLine: Int = 1, isCancelled: (@Sendable () -> Bool)? = nil
  ) -> Output {
    var output = Output()
    let name = file ?? anonymousName
    let start = DispatchTime.now().uptimeNanoseconds
    let outcome = session.run(text, file: name, firstLine: firstLine, isCancelled: isCancelled)
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    output.stderr += report(outcome.diagnostics, text: text, file: name, firstLine: firstLine)
    output.diagnostics = outcome.diagnostics
    output.succeeded = outcome.succeeded
    output.results = outcome.results
    output.cancelled = outcome.cancelled
    let formatter = ResultFormatter(graph: session.graph)
    for (i, result) in outcome.results.enumerated() {
      if result.kind == .binding && format != .table { continue }
      // `| render svg` with no file prints the rendering instead of the result, so `> out.svg` is an SVG.
      let rendersToOutput = result.render != nil && result.render?.file == nil
      if printedResults > 0 && format == .table && !rendersToOutput { output.stdout += "\n" }
      if rendersToOutput {
        // Printed below, by the renderer.
      } else if format == .table {
        let footer = timing && i == outcome.results.count - 1 ? String(format: "%.1f ms", elapsed) : nil
        output.stdout += formatter.table(result, width: tableWidth, rowLimit: rowLimit, footer: footer)
      } else {
        output.stdout += formatter.format(result, as: format)
      }
      if !rendersToOutput { printedResults += 1 }
      guard let request = result.render else { continue }
      do {
        guard let renderer else {
          throw Diagnostic(
            code: .Q402, message: "this program cannot render diagrams", range: request.range,
            help: ["use `orgraph`, or the OrgRender library, to render"])
        }
        if let text = try renderer(request, result, session.graph) { output.stdout += text }
      } catch let diagnostic as Diagnostic {
        output.diagnostics.append(diagnostic)
        output.stderr += report([diagnostic], text: text, file: name, firstLine: firstLine)
        output.succeeded = false
      } catch {
        output.stderr += report(
          [Diagnostic(code: .Q404, message: "rendering failed: \(error)", range: request.range)], text: text,
          file: name, firstLine: firstLine)
        output.succeeded = false
      }
    }
    if outcome.cancelled { output.stderr += "cancelled\n" }
    return output
  }

  /// Diagnostics as the output format wants them: rendered with the source line, or JSON lines.
  public func report(_ diagnostics: [Diagnostic], text: String, file: String, firstLine: Int = 1) -> String {
    guard !diagnostics.isEmpty else { return "" }
    if format == .json { return diagnostics.map { $0.json.compact + "\n" }.joined() }
    // Pad the text so a file's line numbers find their lines.
    let padded = String(repeating: "\n", count: max(firstLine - 1, 0)) + text
    return DiagnosticRenderer(color: color, sources: [file: padded]).render(diagnostics, summary: false)
  }
}
