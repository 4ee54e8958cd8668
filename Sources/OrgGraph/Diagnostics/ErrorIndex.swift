/// The error index: every ``DiagnosticCode`` with what it means, an example, and the fix — the source of
/// docs/errors.md and of the REPL's `:explain CODE`.
public enum ErrorIndex {
  /// One code's entry.
  public typealias Entry = DiagnosticCode.Entry

  /// The entry for `code` (case-insensitive), or `nil` when no diagnostic has that code.
  public static func entry(_ code: String) -> Entry? {
    DiagnosticCode(code: code)?.entry
  }

  /// Every entry, by code.
  public static var entries: [Entry] { DiagnosticCode.allCases.map(\.entry) }

  /// docs/errors.md, generated from ``entries``.
  public static var markdown: String {
    var out = """
      # Error index

      Every diagnostic OrgGraph prints has a stable code: `G…` for graph files, `L…` for the lint warnings of
      `orgraph check --strict`, `Q0xx` query syntax, `Q1xx` schema and edges, `Q2xx` names and values, `Q3xx`
      cost and safety, `Q4xx` running and rendering. In the REPL, `:explain CODE` prints the entry.

      This file is generated from `Sources/OrgGraph/Diagnostics/DiagnosticCode+Index.swift`; after editing
      that file, run `ORGRAPH_RECORD=1 swift test --filter everyCodeIsDocumented` to write it again.


      """
    for e in entries {
      out +=
        "## \(e.code): \(e.title)\n\n\(e.meaning)\n\nExample:\n\n```text\n\(e.example)\n```\n\nFix: \(e.fix)\n\n"
    }
    return out
  }
}
