/// Every line of a document is used by the graph or reported as skipped: the two helpers all readers share.
enum LineAccount {
  /// The lines of `block` that hold text, as skipped for `reason`.
  static func skipped(_ block: MarkdownBlock, in lines: [String], reason: String) -> [SkippedLine] {
    block.lines.compactMap { n in
      guard n - 1 < lines.count else { return nil }
      let line = lines[n - 1].trimmingCharacters(in: .whitespaces)
      return line.isEmpty ? nil : SkippedLine(line: n, text: line, reason: reason)
    }
  }

  /// `skipped`, plus every line with text that no block used and nothing skipped yet, in line order.
  static func complete(_ skipped: [SkippedLine], used: Set<Int>, lines: [String]) -> [SkippedLine] {
    var out = skipped
    let listed = Set(skipped.map(\.line))
    for (i, raw) in lines.enumerated() where !used.contains(i + 1) && !listed.contains(i + 1) {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if !line.isEmpty {
        out.append(SkippedLine(line: i + 1, text: line, reason: "not part of any block the reader uses"))
      }
    }
    return out.sorted { $0.line < $1.line }
  }

  /// The warning for HTML libxml2 had to recover from, at the line it names within `block`.
  static func warning(
    _ html: (elements: [HTMLFragment.Element], problem: HTMLFragment.Problem?), in block: MarkdownBlock,
    lines: [String]
  )
    -> [SkippedLine]
  {
    guard let problem = html.problem else { return [] }
    // What came of it, so the words libxml2 could not keep are seen to be missing.
    let read = HTMLFragment.all("li", in: html.elements).map(\.text).filter { !$0.isEmpty }
    let shown =
      read.isEmpty
      ? "nothing" : read.prefix(5).map { "“\($0)”" }.joined(separator: ", ") + (read.count > 5 ? ", …" : "")
    let n = min(block.lines.lowerBound + problem.line - 1, block.lines.upperBound)
    let text = n - 1 < lines.count ? lines[n - 1].trimmingCharacters(in: .whitespaces) : ""
    return [
      SkippedLine(
        line: n, text: text,
        reason:
          "HTML that is not well-formed (libxml2: \(problem.message)): read as libxml2 repairs it, as \(shown); check it against the page"
      )
    ]
  }

  /// The warning for a `<details>` opened at `line` and ended by `heading` rather than `</details>`.
  static func unclosedDetails(at line: Int, before heading: MarkdownBlock) -> SkippedLine {
    SkippedLine(
      line: line, text: "<details>",
      reason:
        "a `<details>` block not closed before the heading at line \(heading.lines.lowerBound): what came between was read as examples"
    )
  }
}
