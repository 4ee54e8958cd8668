// Escaping for Mermaid text, identifiers and styles.
extension TextEscaping {
  /// Text inside a Mermaid quoted label (`["…"]`, `|"…"|`): displayable; `" # & < > ` | % \` as Mermaid
  /// entity codes (`#quot;`, `#35;` …), so nothing is read as markup, a string end, a comment, a
  /// directive (`%%{…}%%`) or a line break (`\n`); newlines as `<br>`. Empty text becomes a no-break space, which Mermaid accepts.
  package static func mermaid(_ text: String) -> String {
    let out = replacingScalars(of: text) { c in
      switch c {
      case "\"": "#quot;"
      case "#": "#35;"
      case "&": "#amp;"
      case "<": "#lt;"
      case ">": "#gt;"
      case "`": "#96;"
      case "|": "#124;"
      case "%": "#37;"
      case "\\": "#92;"
      case "\n": "<br>"
      default: nil
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
    "\""
      + replacingScalars(of: text) { c in
        switch c {
        case "\\": "\\\\"
        case "\"": "\\\""
        case "%": "\\x25"
        case "\n": " "
        default: nil
        }
      } + "\""
  }
}
