/// How many terminal cells text takes: 2 for East Asian wide and full-width characters and for emoji drawn as
/// pictures, 0 for combining marks, joiners and variation selectors, 1 for the rest. Every table, column
/// list and diagnostic caret measures with this, so a name in Japanese or with an emoji lines up; it agrees
/// with the C library's `wcwidth` in a UTF-8 locale, which the terminal and libedit use (a test compares the
/// two).
public enum DisplayWidth {
  /// The cells `text` takes on one line (control characters count 0: tables replace them first).
  public static func cells(_ text: some StringProtocol) -> Int {
    var total = 0
    for scalar in text.unicodeScalars { total += cells(scalar) }
    return total
  }

  /// The cells one scalar takes.
  public static func cells(_ scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
    if v < 0x300 { return 1 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if (0x1160...0x11FF).contains(v) || v == 0x200B { return 0 }  // Hangul medial vowels, zero-width space
    if isWide(v) { return 2 }
    if scalar.properties.isEmojiPresentation { return 2 }
    return 1
  }

  /// East Asian Wide (W) and Fullwidth (F) blocks.
  static func isWide(_ v: UInt32) -> Bool {
    switch v {
    case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
      0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF,
      0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1B000...0x1B2FF,
      0x1F200...0x1F2FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
      return true
    default:
      return false
    }
  }

  /// `text` padded with spaces to `width` cells (unchanged when it is wider).
  public static func padded(_ text: String, to width: Int) -> String {
    let have = cells(text)
    return have >= width ? text : text + String(repeating: " ", count: width - have)
  }

  /// The longest prefix of `text` that fits in `width` cells.
  public static func prefix(_ text: some StringProtocol, fitting width: Int) -> String {
    var out = ""
    var used = 0
    for character in text {
      let w = cells(String(character))
      if used + w > width { break }
      out.append(character)
      used += w
    }
    return out
  }

  /// `text` broken into lines of at most `width` cells, at spaces where it can be and inside a word only
  /// when the word alone is wider. Nothing is dropped but the spaces lines break at.
  public static func wrap(_ text: String, width: Int) -> [String] {
    guard width > 0, cells(text) > width else { return [text] }
    return wrap(
      text, width: width, measure: { cells($0) }, prefix: { prefix($0, fitting: $1) }, keepEmptyWords: true)
  }

  /// The package's one greedy line wrapper: words joined by single spaces while they fit in `width` as
  /// `measure` counts (terminal cells for tables, characters for diagram labels), a word wider than a line
  /// cut by `prefix` into pieces that fit. With `keepEmptyWords`, runs of spaces are kept as written.
  package static func wrap(
    _ text: some StringProtocol, width: Int, measure: (String) -> Int, prefix: (String, Int) -> String,
    keepEmptyWords: Bool
  ) -> [String] {
    let width = max(width, 1)
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: !keepEmptyWords) {
      var word = String(word)
      let candidate = line.isEmpty ? word : line + " " + word
      if measure(candidate) <= width {
        line = candidate
        continue
      }
      if !line.isEmpty { lines.append(line) }
      line = ""
      while measure(word) > width {
        let head = prefix(word, width)
        guard !head.isEmpty else { break }
        lines.append(head)
        word.removeFirst(head.count)
      }
      line = word
    }
    if !line.isEmpty || lines.isEmpty { lines.append(line) }
    return lines
  }
}
