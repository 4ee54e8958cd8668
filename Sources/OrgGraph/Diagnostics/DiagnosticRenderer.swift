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
    let severityColor = diagnostic.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;33m"
    var out = paint(
      "\(diagnostic.severity.rawValue)[\(diagnostic.code)]", severityColor)
    out += paint(": \(diagnostic.message)", "\u{1B}[1m") + "\n"
    var gutterWidth = 1
    if let range = diagnostic.range {
      let text = range.file.flatMap { sources[$0] } ?? (range.file == nil ? anonymousSource : nil)
      let lineText = text.flatMap { Self.line(range.start.line, of: $0) }
      gutterWidth = lineText == nil ? 1 : String(range.start.line).count
      let pad = String(repeating: " ", count: gutterWidth)
      out += "\(pad)\(paint("-->", "\u{1B}[1;34m")) \(range)\n"
      if let lineText {
        let bar = paint("|", "\u{1B}[1;34m")
        out += "\(pad) \(bar)\n"
        out += "\(paint(String(range.start.line), "\u{1B}[1;34m")) \(bar) \(lineText)\n"
        let scalars = Array(lineText.unicodeScalars)
        let startIndex = min(max(range.start.column - 1, 0), scalars.count)
        var width = range.end.line == range.start.line ? range.end.column - range.start.column : 1
        if range.end.line != range.start.line { width = max(scalars.count - startIndex, 1) }
        width = max(width, 1)
        let prefix = scalars[0..<startIndex].map { $0 == "\t" ? "\t" : " " }.joined()
        var marker = String(repeating: "^", count: width)
        if let label = diagnostic.label { marker += " " + label }
        out += "\(pad) \(bar) \(prefix)\(paint(marker, severityColor))\n"
      }
    }
    let pad = String(repeating: " ", count: gutterWidth)
    for help in diagnostic.help { out += "\(pad) = \(paint("help", "\u{1B}[1m")): \(help)\n" }
    for note in diagnostic.notes { out += "\(pad) = \(paint("note", "\u{1B}[1m")): \(note)\n" }
    return out
  }

  /// Renders several diagnostics separated by blank lines, with a closing count unless `summary` is false.
  public func render(_ diagnostics: [Diagnostic], summary: Bool = true) -> String {
    var parts = diagnostics.map(render)
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

  private static func line(_ number: Int, of text: String) -> String? {
    guard number >= 1 else { return nil }
    var current = 1
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if current == number {
        var s = String(line)
        if s.hasSuffix("\r") { s.removeLast() }
        return s
      }
      current += 1
    }
    return nil
  }
}
