/// Text handling shared by the writers and the styles: what a label may contain, escaping for each
/// output language, wrapping and number formatting. Nothing here can trap on any input.
package enum TextEscaping {
  // MARK: - What a label may contain

  /// The text as it can be displayed: CR and CRLF become LF, a tab a space, other control characters
  /// their visible Control Pictures (U+2400…: `␀`, `␁`, DEL `␡`), C1 controls and the non-characters
  /// U+FFFE/U+FFFF the replacement character `�`. Every other character — any script, right-to-left text,
  /// emoji — is kept.
  ///
  /// XML (and so SVG) cannot carry C0 controls at all, and they have no glyph; showing them as pictures
  /// keeps them visible instead of silently dropping them.
  package static func displayable(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    var afterCR = false
    for scalar in text.unicodeScalars {
      let v = scalar.value
      if v == 0x0A, afterCR {
        afterCR = false
        continue
      }
      afterCR = false
      switch v {
      case 0x0D:
        out.append("\n")
        afterCR = true
      case 0x0A:
        out.append(scalar)
      case 0x09:
        out.append(" ")
      case 0x00..<0x20:
        out.append(Unicode.Scalar(0x2400 + v) ?? "\u{FFFD}")
      case 0x7F:
        out.append("\u{2421}")
      case 0x80..<0xA0, 0xFFFE, 0xFFFF:
        out.append("\u{FFFD}")
      default:
        out.append(scalar)
      }
    }
    return String(out)
  }

  // MARK: - DOT

  /// Text as a Graphviz escString value (the attribute's value after DOT unquoting): displayable, each
  /// backslash doubled (so `\N`, `\n`, `\l` in text are shown, not interpreted), each newline `\n`, each
  /// `&` as `&amp;` (Graphviz decodes HTML entities in labels, so `&lt;` in text would otherwise show as
  /// `<`).
  package static func escString(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for c in displayable(text).unicodeScalars {
      switch c {
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "&": out += "&amp;"
      default: out.unicodeScalars.append(c)
      }
    }
    return out
  }

  /// A node, cluster or graph name: its escString, with a leading `%` written `\%` — cgraph reserves
  /// names starting with `%` for anonymous objects (an escaped `%` still shows as `%`).
  package static func graphvizName(_ id: String) -> String {
    let name = escString(id)
    return name.hasPrefix("%") ? "\\" + name : name
  }

  /// A value as a DOT quoted string: `"` becomes `\"`. Graphviz 2.42's lexer reads `\\` as a pair and `\"`
  /// as a quote, so a run of an odd number of backslashes before a quote or the end would swallow the
  /// quote: such a run gets one more backslash (escString values never have one).
  package static func dotQuoted(_ value: String) -> String {
    var out = "\""
    out.reserveCapacity(value.utf8.count + 2)
    var run = 0
    for c in value.unicodeScalars {
      if c == "\\" {
        run += 1
        continue
      }
      if run > 0 {
        out += String(repeating: "\\", count: c == "\"" && run % 2 == 1 ? run + 1 : run)
        run = 0
      }
      if c == "\"" { out += "\\\"" } else { out.unicodeScalars.append(c) }
    }
    if run > 0 { out += String(repeating: "\\", count: run % 2 == 1 ? run + 1 : run) }
    out += "\""
    return out
  }

  /// An attribute name as DOT text: bare when it is an identifier, quoted otherwise.
  package static func dotName(_ name: String) -> String {
    let isIdentifier =
      !name.isEmpty
      && name.unicodeScalars.allSatisfy {
        $0.isASCII && ($0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0))
      }
      && !("0"..."9").contains(name.unicodeScalars.first ?? "0")
    let keywords: Set<String> = ["node", "edge", "graph", "digraph", "subgraph", "strict"]
    return isIdentifier && !keywords.contains(name.lowercased()) ? name : dotQuoted(escString(name))
  }

  /// Text of an HTML-like label: like ``html(_:)``, but each backslash written twice (`&#92;&#92;`),
  /// because Graphviz substitutes `\N`, `\G`, `\E`, `\T`, `\H`, `\L` in HTML text too, and reads `\\` as one
  /// backslash.
  package static func htmlText(_ text: String) -> String { html(text, backslash: "&#92;&#92;") }

  /// Text inside an HTML-like label or attribute: displayable, with `& < > "` and the backslash as
  /// character references. Newlines are left for the caller (they become `<BR/>` in text).
  package static func html(_ text: String) -> String { html(text, backslash: "&#92;") }

  private static func html(_ text: String, backslash: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for c in displayable(text).unicodeScalars {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "\\": out += backslash
      default: out.unicodeScalars.append(c)
      }
    }
    return out
  }

  // MARK: - Mermaid

  /// Text inside a Mermaid quoted label (`["…"]`, `|"…"|`): displayable; `" # & < > ` | % \` as Mermaid
  /// entity codes (`#quot;`, `#35;` …), so nothing is read as markup, a string end, a comment, a
  /// directive (`%%{…}%%`) or a line break (`\n`); newlines as `<br>`. Empty text becomes a no-break space, which Mermaid accepts.
  package static func mermaid(_ text: String) -> String {
    var out = ""
    for c in displayable(text).unicodeScalars {
      switch c {
      case "\"": out += "#quot;"
      case "#": out += "#35;"
      case "&": out += "#amp;"
      case "<": out += "#lt;"
      case ">": out += "#gt;"
      case "`": out += "#96;"
      case "|": out += "#124;"
      case "%": out += "#37;"
      case "\\": out += "#92;"
      case "\n": out += "<br>"
      default: out.unicodeScalars.append(c)
      }
    }
    return out.isEmpty ? "#160;" : out
  }

  /// A Mermaid identifier for `text`: `prefix` then ASCII letters and digits, everything else `_`, at most
  /// 48 characters. Callers make it unique.
  package static func mermaidIdentifier(_ text: String, prefix: String) -> String {
    var out = prefix
    var lastUnderscore = prefix.hasSuffix("_")
    for c in text.unicodeScalars {
      if out.unicodeScalars.count >= 48 { break }
      if c.isASCII, c.properties.isAlphabetic || ("0"..."9").contains(c) {
        out.unicodeScalars.append(c)
        lastUnderscore = false
      } else if !lastUnderscore {
        out += "_"
        lastUnderscore = true
      }
    }
    while out.hasSuffix("_"), out.count > prefix.count { out.removeLast() }
    return out
  }

  /// A colour for Mermaid's `style` and `classDef`: `#` and hex digits, or a colour name of letters;
  /// anything else is dropped.
  package static func mermaidColor(_ color: String) -> String? {
    let scalars = color.unicodeScalars
    if scalars.first == "#" {
      let digits = scalars.dropFirst()
      guard [3, 4, 6, 8].contains(digits.count), digits.allSatisfy({ $0.properties.isASCIIHexDigit })
      else { return nil }
      return color
    }
    guard !scalars.isEmpty, scalars.count <= 32,
      scalars.allSatisfy({ $0.isASCII && $0.properties.isAlphabetic })
    else { return nil }
    return color
  }

  /// A string as a YAML double-quoted scalar (Mermaid's front matter), on one line; `%` as `\x25` so
  /// that Mermaid never sees a directive in it.
  package static func yamlQuoted(_ text: String) -> String {
    var out = "\""
    for c in displayable(text).unicodeScalars {
      switch c {
      case "\\": out += "\\\\"
      case "\"": out += "\\\""
      case "%": out += "\\x25"
      case "\n": out += " "
      default: out.unicodeScalars.append(c)
      }
    }
    return out + "\""
  }

  // MARK: - Layout of text

  /// `text` broken into lines of at most `width` characters (grapheme clusters) at spaces, words longer
  /// than a line split, at most `maxLines` lines — the last ending in `…` when text was cut.
  ///
  /// Lines are balanced: the narrowest width giving as few lines is used, so "Security Engineer Technical
  /// Lead" becomes "Security Engineer / Technical Lead", not "Security Engineer Technical / Lead".
  package static func wrap(_ text: String, width: Int, maxLines: Int = .max) -> [String] {
    let shown = displayable(text)
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

  /// Greedy wrapping of paragraphs of words (with their lengths in characters).
  private static func greedyWrap(_ paragraphs: [[(Substring, Int)]], width: Int, maxLines: Int) -> [String] {
    let width = max(width, 2)
    let maxLines = max(maxLines, 1)
    var lines: [String] = []
    for paragraph in paragraphs {
      var line = ""
      var length = 0
      for (whole, wholeLength) in paragraph {
        var word = whole
        var wordLength = wholeLength
        while wordLength > width {
          if length > 0 {
            lines.append(line)
            line = ""
            length = 0
          }
          lines.append(String(word.prefix(width)))
          word = word.dropFirst(width)
          wordLength -= width
        }
        if wordLength == 0 { continue }
        if length == 0 {
          line = String(word)
          length = wordLength
        } else if length + 1 + wordLength <= width {
          line += " " + word
          length += 1 + wordLength
        } else {
          lines.append(line)
          line = String(word)
          length = wordLength
        }
      }
      lines.append(line)
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
