import Yams

/// A page's front matter (`---`, YAML, `---` at its top), as GitBook handbooks and roles pages have it.
struct FrontMatter {
  /// The line of the closing `---`.
  let closing: Int
  /// The YAML between the fences.
  let yaml: String
  /// The page with the front matter's lines blanked, so that its blocks keep their line numbers.
  let body: String

  /// The front matter of `text`, or `nil` when it has none.
  init?(_ text: String) {
    let lines = text.components(separatedBy: "\n")
    guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else { return nil }
    closing = end + 1
    yaml = lines[1..<end].joined(separator: "\n")
    body =
      Array(repeating: "", count: end + 1).joined(separator: "\n") + "\n"
      + lines[(end + 1)...].joined(separator: "\n")
  }

  /// Its fields, or why it is not valid YAML (at the document's line 2).
  func fields(path: String) throws(ImportError) -> [String: Any] {
    do {
      return (try Yams.load(yaml: yaml) as? [String: Any]) ?? [:]
    } catch {
      throw ImportError(path: path, line: 2, message: "the front matter is not valid YAML: \(error)")
    }
  }

  /// The two fences' lines.
  var fences: Set<Int> { [1, closing] }

  /// The lines with text between the fences, as skipped for `reason`.
  func skipped(_ lines: [String], reason: String) -> [SkippedLine] {
    (2..<closing).compactMap { n in
      let text = lines[n - 1].trimmingCharacters(in: .whitespaces)
      return text.isEmpty ? nil : SkippedLine(line: n, text: text, reason: reason)
    }
  }
}
