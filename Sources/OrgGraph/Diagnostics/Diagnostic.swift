/// A 1-based line and column in a source text. Columns count Unicode scalars, as YAML parsers do.
public struct SourceLocation: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
  /// The 1-based line.
  public var line: Int
  /// The 1-based column, in Unicode scalars.
  public var column: Int

  /// Creates a location.
  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  /// Orders by position.
  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.line, lhs.column) < (rhs.line, rhs.column)
  }

  /// `line:column`.
  public var description: String { "\(line):\(column)" }
}

/// A span of a source: a file (or `<repl>`, or none) and a start and end location (end exclusive).
public struct SourceRange: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The file the span is in, as the user named it; `nil` for text that came from nowhere in particular.
  public var file: String?
  /// The first character of the span.
  public var start: SourceLocation
  /// Just past the last character of the span.
  public var end: SourceLocation

  /// Creates a range.
  public init(file: String?, start: SourceLocation, end: SourceLocation) {
    self.file = file
    self.start = start
    self.end = end
  }

  /// A range of `length` characters on one line.
  public init(file: String?, line: Int, column: Int, length: Int = 1) {
    self.init(
      file: file, start: SourceLocation(line: line, column: column),
      end: SourceLocation(line: line, column: column + max(length, 1)))
  }

  /// `file:line:column`, or `line:column` without a file.
  public var description: String {
    if let file { return "\(file):\(start)" }
    return start.description
  }
}

/// A problem found in a graph file, a document or a query, as a value.
///
/// Diagnostics carry everything needed to print them (see ``DiagnosticRenderer``) and to act on them from
/// code: a stable ``DiagnosticCode``, a message in the user's words, the span it concerns, at most two help lines
/// (concrete fixes) and notes (the valid alternatives). Every code has an entry in docs/errors.md.
///
/// As JSON (``json``, and `Codable`), a diagnostic is one flat object, the same everywhere the product writes
/// one: `severity`, `code`, `message`, then `file`, `line`, `column`, `end_line`, `end_column` when it has a
/// place, then `label` when it has one, `help` and `notes`.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
  /// How serious a diagnostic is.
  public enum Severity: String, Sendable, Hashable, Codable {
    /// The input cannot be used.
    case error
    /// The input works, but something about it deserves a look.
    case warning
  }

  /// Error or warning.
  public var severity: Severity
  /// A stable code: `G…` for graph files, `L…` for lint rules, `Q…` for queries.
  public var code: DiagnosticCode
  /// One lower-case sentence saying what is wrong.
  public var message: String
  /// Where it is, when it has a place.
  public var range: SourceRange?
  /// A short label printed under the span: what the engine saw there.
  public var label: String?
  /// Concrete fixes, at most two.
  public var help: [String]
  /// Valid alternatives or context, at most two.
  public var notes: [String]

  /// Creates a diagnostic.
  public init(
    _ severity: Severity = .error, code: DiagnosticCode, message: String, range: SourceRange? = nil,
    label: String? = nil, help: [String] = [], notes: [String] = []
  ) {
    self.severity = severity
    self.code = code
    self.message = message
    self.range = range
    self.label = label
    self.help = Array(help.prefix(2))
    self.notes = Array(notes.prefix(2))
  }

  /// `file:line:col: error[CODE]: message` — the one-line form.
  public var description: String {
    let place = range.map { "\($0): " } ?? ""
    return "\(place)\(severity.rawValue)[\(code)]: \(message)"
  }
}

/// Several diagnostics thrown together: a load reports all of its errors at once.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
  /// The diagnostics, in file and line order.
  public var diagnostics: [Diagnostic]

  /// Wraps a list of diagnostics.
  public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

  /// One line per diagnostic.
  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
