/// Prints diagnostics the way rustc does: the message, the place, the source line with the span underlined,
/// then help and notes.
///
/// ```text
/// error[G201]: unknown id `competency:kubernets`
///  --> Graph/roles.yaml:42:17
///    |
/// 42 |           - to: competency:kubernets
///    |                 ^^^^^^^^^^^^^^^^^^^^ no node has this id
///    = help: did you mean `competency:kubernetes`?
/// ```
public struct DiagnosticRenderer: Sendable {
  /// Whether to colour the output with ANSI escapes (only on a terminal, never with `NO_COLOR`).
  public var color: Bool
  /// Source texts by file name, used to echo the line a diagnostic points at.
  public var sources: [String: String]
  /// The text of diagnostics without a file (a query typed at the prompt).
  public var anonymousSource: String?

  /// Creates a renderer.
  public init(color: Bool = false, sources: [String: String] = [:], anonymousSource: String? = nil) {
    self.color = color
    self.sources = sources
    self.anonymousSource = anonymousSource
  }

  /// Renders one diagnostic, ending with a newline.
  public func render(_ diagnostic: Diagnostic) -> String {
    var lines = LineCache()
    return render(diagnostic, lines: &lines)
  }

  /// The longest source line echoed whole; longer lines are shown as a window around the span.
  static let maximumLineWidth = 160

  /// The source files' lines, split once per rendering of a list rather than once per diagnostic.
  struct LineCache {
    var files: [String: [Substring]] = [:]

    mutating func line(_ number: Int, file: String, text: String) -> String? {
      if files[file] == nil { files[file] = text.split(separator: "\n", omittingEmptySubsequences: false) }
      guard number >= 1, let lines = files[file], number <= lines.count else { return nil }
      var s = String(lines[number - 1])
      if s.hasSuffix("\r") { s.removeLast() }
      return s
    }
  }

  func render(_ diagnostic: Diagnostic, lines: inout LineCache) -> String {
    let severityColor = diagnostic.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;33m"
    var out = paint(
      "\(diagnostic.severity.rawValue)[\(diagnostic.code)]", severityColor)
    out += paint(": \(diagnostic.message)", "\u{1B}[1m") + "\n"
    var gutterWidth = 1
    if let range = diagnostic.range {
      let key = range.file ?? "\u{0}anonymous"
      let text = range.file.flatMap { sources[$0] } ?? (range.file == nil ? anonymousSource : nil)
      let lineText = text.flatMap { lines.line(range.start.line, file: key, text: $0) }
      gutterWidth = lineText == nil ? 1 : String(range.start.line).count
      let pad = String(repeating: " ", count: gutterWidth)
      out += "\(pad)\(paint("-->", "\u{1B}[1;34m")) \(range)\n"
      if let lineText {
        let bar = paint("|", "\u{1B}[1;34m")
        var scalars = Array(lineText.unicodeScalars)
        var startIndex = min(max(range.start.column - 1, 0), scalars.count)
        var width = range.end.line == range.start.line ? range.end.column - range.start.column : 1
        if range.end.line != range.start.line { width = max(scalars.count - startIndex, 1) }
        width = max(width, 1)
        // A long line (a 4,000-item list on one line) is shown as a window around the span, so each
        // diagnostic stays a few lines long whatever the file looks like.
        var lead = ""
        var trail = ""
        if scalars.count > Self.maximumLineWidth {
          let from = max(0, min(startIndex - 40, scalars.count - Self.maximumLineWidth))
          let to = min(scalars.count, from + Self.maximumLineWidth)
          if from > 0 { lead = "…" }
          if to < scalars.count { trail = "…" }
          scalars = Array(scalars[from..<to])
          startIndex -= from
          width = max(1, min(width, scalars.count - startIndex))
        }
        var shown = String.UnicodeScalarView()
        shown.append(contentsOf: scalars)
        out += "\(pad) \(bar)\n"
        out += "\(paint(String(range.start.line), "\u{1B}[1;34m")) \(bar) \(lead)\(String(shown))\(trail)\n"
        // Carets sit under the span in terminal cells: a wide character before it takes two.
        let prefix =
          String(repeating: " ", count: lead.count)
          + scalars[0..<startIndex].map {
            $0 == "\t" ? "\t" : String(repeating: " ", count: DisplayWidth.cells($0))
          }
          .joined()
        // The span's cells; a span past the end of the line (a missing `)`) keeps one caret per position.
        let spanEnd = min(startIndex + width, scalars.count)
        let spanCells = scalars[startIndex..<spanEnd].reduce(0) { $0 + DisplayWidth.cells($1) }
        var marker = String(repeating: "^", count: max(1, spanCells + (startIndex + width - spanEnd)))
        if let label = diagnostic.label { marker += " " + label }
        out += "\(pad) \(bar) \(prefix)\(paint(marker, severityColor))\n"
      }
    }
    let pad = String(repeating: " ", count: gutterWidth)
    for help in diagnostic.help { out += "\(pad) = \(paint("help", "\u{1B}[1m")): \(help)\n" }
    for note in diagnostic.notes { out += "\(pad) = \(paint("note", "\u{1B}[1m")): \(note)\n" }
    return out
  }

  /// How many diagnostics a list shows by default before it only counts the rest.
  public static let defaultLimit = 100

  /// Renders several diagnostics separated by blank lines: at most `limit` of them, then a line counting
  /// the rest; with a closing count unless `summary` is false.
  public func render(_ diagnostics: [Diagnostic], summary: Bool = true, limit: Int? = defaultLimit) -> String
  {
    var lines = LineCache()
    let shown = limit.map { Array(diagnostics.prefix(max($0, 1))) } ?? diagnostics
    var parts = shown.map { render($0, lines: &lines) }
    let hidden = diagnostics.count - shown.count
    if hidden > 0 {
      let hiddenErrors = diagnostics.dropFirst(shown.count).filter { $0.severity == .error }.count
      var what: [String] = []
      if hiddenErrors > 0 { what.append(Grammar.count(hiddenErrors, "more error")) }
      if hidden - hiddenErrors > 0 { what.append(Grammar.count(hidden - hiddenErrors, "more warning")) }
      parts.append(
        "… and \(what.joined(separator: " and ")) like these, not shown (the first \(shown.count) are)\n")
    }
    guard summary else { return parts.joined(separator: "\n") }
    let errors = diagnostics.filter { $0.severity == .error }.count
    let warnings = diagnostics.count - errors
    if diagnostics.count > 1 {
      var counts: [String] = []
      if errors > 0 { counts.append("\(errors) error\(errors == 1 ? "" : "s")") }
      if warnings > 0 { counts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
      parts.append(counts.joined(separator: ", ") + "\n")
    }
    return parts.joined(separator: "\n")
  }

  private func paint(_ text: String, _ code: String) -> String {
    color ? "\(code)\(text)\u{1B}[0m" : text
  }

  /// An error with no place in a source — a file that cannot be written, a usage mistake — in the same
  /// shape as located diagnostics: `error: MESSAGE`, then one `  = help: …` line for each of `help`.
  public static func plainError(_ message: String, help: [String] = []) -> String {
    plain("error", message, help: help)
  }

  /// A message with no place in a source, headed by `label` (`error`, `not imported`): `LABEL: MESSAGE`,
  /// then one `  = help: …` line for each of `help`. Every such line the product prints is made here.
  public static func plain(_ label: String, _ message: String, help: [String] = []) -> String {
    "\(label): \(message)\n" + help.map { "  = help: \($0)\n" }.joined()
  }
}
