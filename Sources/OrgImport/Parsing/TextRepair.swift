import Foundation

/// Repairs the text of headings the way a reader of the rendered page sees it.
package enum TextRepair {
  /// GitHub shortcodes the ladders use, as the emoji GitHub shows.
  static let shortcodes: [String: String] = [
    ":owl:": "🦉", ":seedling:": "🌱", ":compass:": "🧭", ":trophy:": "🏆", ":octopus:": "🐙",
    ":triangular_flag_on_post:": "🚩", ":rocket:": "🚀", ":star:": "⭐", ":bulb:": "💡", ":handshake:": "🤝",
    ":hammer_and_wrench:": "🛠️", ":books:": "📚", ":chart_with_upwards_trend:": "📈", ":heart:": "❤️",
    ":dart:": "🎯", ":speech_balloon:": "💬", ":mag:": "🔍", ":brain:": "🧠", ":sparkles:": "✨",
  ]

  /// The characters of Mac Roman's upper half, by byte (0x80…0xFF).
  static let macRoman: [Character] = Array(
    "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»…\u{A0}ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\u{F8FF}ÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ"
  )

  /// `word` as Mac Roman bytes, or `nil` when a character is not in Mac Roman.
  static func macRomanBytes(_ word: Substring) -> [UInt8]? {
    var bytes: [UInt8] = []
    for character in word {
      if let ascii = character.asciiValue {
        bytes.append(ascii)
      } else if let i = macRoman.firstIndex(of: character) {
        bytes.append(UInt8(0x80 + i))
      } else {
        return nil
      }
    }
    return bytes
  }

  /// `text` with UTF-8 read as Mac Roman undone (`ü¶â` → 🦉) and known `:shortcodes:` replaced by their emoji.
  package static func heading(_ text: String) -> String {
    var out = text
    // Mojibake: the UTF-8 bytes of an emoji read as Mac Roman (`ü¶â`). Mapping each character back to its
    // Mac Roman byte gives the UTF-8 bytes again; only words that then decode to something beyond Latin-1 are
    // replaced, so real accented words stay as written.
    out = out.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
      guard word.unicodeScalars.contains(where: { $0.value > 0x7F }), let bytes = macRomanBytes(word),
        let decoded = String(bytes: bytes, encoding: .utf8), decoded != String(word),
        decoded.unicodeScalars.contains(where: { $0.value > 0x2000 })
      else { return String(word) }
      return decoded
    }.joined(separator: " ")
    for (code, emoji) in shortcodes where out.contains(code) {
      out = out.replacingOccurrences(of: code, with: emoji)
    }
    return out
  }
}
