/// One JSON shape for a diagnostic, written by ``Diagnostic/json`` and by `Codable` alike.
extension Diagnostic: Codable {
  enum CodingKeys: String, CodingKey {
    case severity, code, message, file, line, column, label, help, notes
    case endLine = "end_line"
    case endColumn = "end_column"
  }

  /// The flat object: `severity`, `code`, `message`, `file`, `line`, `column`, `end_line`, `end_column`,
  /// `label`, `help`, `notes` (place and label only when there are).
  public var json: JSON {
    var pairs: [(String, JSON)] = [
      ("severity", .string(severity.rawValue)), ("code", .string(code.rawValue)),
      ("message", .string(message)),
    ]
    if let range {
      pairs.append(("file", range.file.map(JSON.string) ?? .null))
      pairs.append(("line", .int(range.start.line)))
      pairs.append(("column", .int(range.start.column)))
      pairs.append(("end_line", .int(range.end.line)))
      pairs.append(("end_column", .int(range.end.column)))
    }
    if let label { pairs.append(("label", .string(label))) }
    pairs.append(("help", .array(help.map(JSON.string))))
    pairs.append(("notes", .array(notes.map(JSON.string))))
    return .object(pairs)
  }

  /// Writes the flat object of ``json``.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(severity, forKey: .severity)
    try c.encode(code, forKey: .code)
    try c.encode(message, forKey: .message)
    if let range {
      try c.encode(range.file, forKey: .file)
      try c.encode(range.start.line, forKey: .line)
      try c.encode(range.start.column, forKey: .column)
      try c.encode(range.end.line, forKey: .endLine)
      try c.encode(range.end.column, forKey: .endColumn)
    }
    try c.encodeIfPresent(label, forKey: .label)
    try c.encode(help, forKey: .help)
    try c.encode(notes, forKey: .notes)
  }

  /// Reads the flat object of ``json``.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    var range: SourceRange?
    if let line = try c.decodeIfPresent(Int.self, forKey: .line) {
      let column = try c.decode(Int.self, forKey: .column)
      range = SourceRange(
        file: try c.decodeIfPresent(String.self, forKey: .file),
        start: SourceLocation(line: line, column: column),
        end: SourceLocation(
          line: try c.decodeIfPresent(Int.self, forKey: .endLine) ?? line,
          column: try c.decodeIfPresent(Int.self, forKey: .endColumn) ?? column + 1))
    }
    self.init(
      try c.decode(Severity.self, forKey: .severity), code: try c.decode(DiagnosticCode.self, forKey: .code),
      message: try c.decode(String.self, forKey: .message), range: range,
      label: try c.decodeIfPresent(String.self, forKey: .label),
      help: try c.decodeIfPresent([String].self, forKey: .help) ?? [],
      notes: try c.decodeIfPresent([String].self, forKey: .notes) ?? [])
  }
}
