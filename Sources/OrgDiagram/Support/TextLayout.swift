import OrgGraph

/// Laying text out in a diagram: wrapping labels to a width, shortening them, formatting numbers. Nothing
/// here can trap on any input.
package enum TextLayout {
  /// `text` broken into lines of at most `width` characters (grapheme clusters) at spaces, words longer
  /// than a line split, at most `maxLines` lines — the last ending in `…` when text was cut.
  ///
  /// Lines are balanced: the narrowest width giving as few lines is used, so "Security Engineer Technical
  /// Lead" becomes "Security Engineer / Technical Lead", not "Security Engineer Technical / Lead".
  package static func wrap(_ text: String, width: Int, maxLines: Int = .max) -> [String] {
    let shown = TextEscaping.displayable(text)
    let words: [[(Substring, Int)]] = shown.split(separator: "\n", omittingEmptySubsequences: false).map {
      paragraph in
      paragraph.split(separator: " ", omittingEmptySubsequences: true).map { (Substring($0), $0.count) }
    }
    let lines = greedyWrap(words, width: width, maxLines: maxLines)
    guard lines.count > 1, lines.count <= maxLines, !(lines.last?.hasSuffix("…") ?? false) else {
      return lines
    }
    // Never narrower than the longest word: balancing must not split words. Greedy wrapping never needs
    // more lines for a wider width, so the narrowest width with as few lines is found by bisection.
    let longest = words.joined().map(\.1).max() ?? 0
    var low = max(2, longest)
    var high = max(width, 2)
    while low < high {
      let middle = (low + high) / 2
      if greedyWrap(words, width: middle, maxLines: .max).count == lines.count {
        high = middle
      } else {
        low = middle + 1
      }
    }
    return greedyWrap(words, width: high, maxLines: .max)
  }

  /// Greedy wrapping of paragraphs of words (with their lengths in characters), through the package's one
  /// wrapper (`DisplayWidth.wrap`), counting characters; at most `maxLines` lines, the last ending in `…`
  /// when text was cut.
  private static func greedyWrap(_ paragraphs: [[(Substring, Int)]], width: Int, maxLines: Int) -> [String] {
    let width = max(width, 2)
    let maxLines = max(maxLines, 1)
    var lines: [String] = []
    for paragraph in paragraphs {
      lines += DisplayWidth.wrap(
        paragraph.map(\.0).joined(separator: " "), width: width, measure: { $0.count },
        prefix: { String($0.prefix($1)) }, keepEmptyWords: false)
    }
    guard lines.count > maxLines else { return lines }
    var kept = Array(lines.prefix(maxLines))
    let last = kept[maxLines - 1]
    kept[maxLines - 1] = String(last.prefix(width - 1)) + "…"
    return kept
  }

  /// `text` cut to `length` characters, ending in `…` when cut.
  package static func truncate(_ text: String, to length: Int) -> String {
    let length = max(length, 2)
    return text.count <= length ? text : String(text.prefix(length - 1)) + "…"
  }

  /// A number with at most `decimals` decimals, trailing zeros dropped (`0.28`, `11`, `10.5`), without
  /// locale; `–` when not finite.
  package static func number(_ value: Double, decimals: Int = 2) -> String {
    guard value.isFinite else { return "–" }
    let decimals = min(max(decimals, 0), 6)
    var scale = 1
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (abs(value) * Double(scale)).rounded()
    guard scaled < 1e15 else { return String(value) }
    let n = Int(scaled)
    var text = String(n / scale)
    var fraction = String(n % scale)
    if decimals > 0 {
      fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
      while fraction.hasSuffix("0") { fraction.removeLast() }
      if !fraction.isEmpty { text += "." + fraction }
    }
    return (value < 0 && n != 0 ? "-" : "") + text
  }
}
