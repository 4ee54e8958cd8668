// Escaping for DOT: strings, names, HTML-like labels.
extension TextEscaping {
  /// Text as a Graphviz escString value (the attribute's value after DOT unquoting): displayable, each
  /// backslash doubled (so `\N`, `\n`, `\l` in text are shown, not interpreted), each newline `\n`, each
  /// `&` as `&amp;` (Graphviz decodes HTML entities in labels, so `&lt;` in text would otherwise show as
  /// `<`).
  package static func escString(_ text: String) -> String {
    replacingScalars(of: text) { c in
      switch c {
      case "\\": "\\\\"
      case "\n": "\\n"
      case "&": "&amp;"
      default: nil
      }
    }
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
    replacingScalars(of: text) { c in
      switch c {
      case "&": "&amp;"
      case "<": "&lt;"
      case ">": "&gt;"
      case "\"": "&quot;"
      case "\\": backslash
      default: nil
      }
    }
  }
}
