/// Every diagnostic code OrgGraph reports, written once: `G…` graph files, `L…` lint warnings, `Q…` queries.
///
/// Each code owns its entry in the error index (``entry``): its title, what it means, an example and the fix.
/// The index is the source of docs/errors.md and of the REPL's `:explain CODE`; the compiler checks that every
/// code has one.
///
/// ```swift
/// let d = Diagnostic(code: .Q101, message: "unknown edge type `require`")
/// print(d.code.entry.title)  // unknown edge type
/// ```
public enum DiagnosticCode: String, CaseIterable, Sendable, Hashable, Codable, Comparable,
  CustomStringConvertible
{
  // Graph files: reading, structure, ids and ladders.
  /// G001: see ``entry``.
  case G001
  /// G002: see ``entry``.
  case G002
  /// G003: see ``entry``.
  case G003
  /// G004: see ``entry``.
  case G004
  /// G005: see ``entry``.
  case G005
  /// G006: see ``entry``.
  case G006
  /// G007: see ``entry``.
  case G007
  /// G101: see ``entry``.
  case G101
  /// G102: see ``entry``.
  case G102
  /// G103: see ``entry``.
  case G103
  /// G104: see ``entry``.
  case G104
  /// G105: see ``entry``.
  case G105
  /// G106: see ``entry``.
  case G106
  /// G107: see ``entry``.
  case G107
  /// G201: see ``entry``.
  case G201
  /// G202: see ``entry``.
  case G202
  /// G203: see ``entry``.
  case G203
  /// G204: see ``entry``.
  case G204
  /// G301: see ``entry``.
  case G301
  /// G302: see ``entry``.
  case G302
  /// G303: see ``entry``.
  case G303
  /// G304: see ``entry``.
  case G304
  // Lint warnings of `orgraph check --strict`.
  /// L101: see ``entry``.
  case L101
  /// L102: see ``entry``.
  case L102
  /// L103: see ``entry``.
  case L103
  /// L104: see ``entry``.
  case L104
  /// L105: see ``entry``.
  case L105
  // Queries: syntax (Q0xx), schema and edges (Q1xx), names and values (Q2xx), cost and safety (Q3xx), running and rendering (Q4xx).
  /// Q001: see ``entry``.
  case Q001
  /// Q002: see ``entry``.
  case Q002
  /// Q003: see ``entry``.
  case Q003
  /// Q004: see ``entry``.
  case Q004
  /// Q005: see ``entry``.
  case Q005
  /// Q007: see ``entry``.
  case Q007
  /// Q101: see ``entry``.
  case Q101
  /// Q102: see ``entry``.
  case Q102
  /// Q103: see ``entry``.
  case Q103
  /// Q104: see ``entry``.
  case Q104
  /// Q105: see ``entry``.
  case Q105
  /// Q106: see ``entry``.
  case Q106
  /// Q107: see ``entry``.
  case Q107
  /// Q108: see ``entry``.
  case Q108
  /// Q109: see ``entry``.
  case Q109
  /// Q110: see ``entry``.
  case Q110
  /// Q111: see ``entry``.
  case Q111
  /// Q112: see ``entry``.
  case Q112
  /// Q113: see ``entry``.
  case Q113
  /// Q201: see ``entry``.
  case Q201
  /// Q202: see ``entry``.
  case Q202
  /// Q203: see ``entry``.
  case Q203
  /// Q204: see ``entry``.
  case Q204
  /// Q205: see ``entry``.
  case Q205
  /// Q301: see ``entry``.
  case Q301
  /// Q302: see ``entry``.
  case Q302
  /// Q303: see ``entry``.
  case Q303
  /// Q304: see ``entry``.
  case Q304
  /// Q305: see ``entry``.
  case Q305
  /// Q401: see ``entry``.
  case Q401
  /// Q402: see ``entry``.
  case Q402
  /// Q403: see ``entry``.
  case Q403
  /// Q404: see ``entry``.
  case Q404
  /// Q405: see ``entry``.
  case Q405

  /// The code as printed: `Q101`.
  public var description: String { rawValue }

  /// The code named by `text`, in any case (`q101` finds `Q101`).
  public init?(code text: String) {
    self.init(rawValue: text.uppercased())
  }

  /// Orders codes as the index lists them.
  public static func < (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.rawValue < rhs.rawValue }
}
