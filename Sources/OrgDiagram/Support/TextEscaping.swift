/// Text made safe for each output language the writers produce: what a label may contain (this file),
/// DOT (`TextEscaping+DOT.swift`) and Mermaid (`TextEscaping+Mermaid.swift`). Nothing here can trap on any
/// input.
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

  /// `text` made ``displayable(_:)``, with each scalar for which `replacement` returns text replaced by it:
  /// the one loop every escaping of this enum is written with.
  package static func replacingScalars(of text: String, _ replacement: (Unicode.Scalar) -> String?) -> String
  {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for c in displayable(text).unicodeScalars {
      if let r = replacement(c) { out += r } else { out.unicodeScalars.append(c) }
    }
    return out
  }
}
