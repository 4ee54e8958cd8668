import Foundation
import OrgGraph
import Testing

@testable import orgraph

/// One display-width function measures every table, column list and caret; it agrees with the C library's
/// `wcwidth`, which the terminal and libedit use, so what the REPL's editor draws and what tables print line up.
@Suite("Display width")
struct DisplayWidthTests {
  /// Scalars from the scripts and symbols career frameworks are written in.
  static let samples: [Unicode.Scalar] = Array(
    "Aé€ßñçøДжΩאבعربيहिन्दी日本語中文한국어ｶﾀｶﾅＡＢ、。🦉🌱🧭🏆🚩🐙✅❤é\u{301}\u{200D}\u{FE0F}\u{200B}".unicodeScalars)

  @Test func agreesWithTheCLibrary() {
    _ = setlocale(LC_CTYPE, "C.UTF-8")
    for scalar in Self.samples {
      let library = TerminalText.libraryWidth(of: scalar)
      #expect(
        DisplayWidth.cells(scalar) == max(library, 0),
        "U+\(String(scalar.value, radix: 16, uppercase: true)) \(scalar): wcwidth says \(library)")
    }
  }

  @Test func widths() {
    #expect(DisplayWidth.cells("Cloud") == 5)
    #expect(DisplayWidth.cells("日本語") == 6)
    #expect(DisplayWidth.cells("🦉 Domain expertise") == 19)
    #expect(DisplayWidth.cells("De\u{301}veloppeur") == 11)
  }

  @Test func wrappingKeepsEveryWord() {
    let text = "I competently demonstrate my lived experience of server operating systems."
    let lines = DisplayWidth.wrap(text, width: 20)
    #expect(lines == ["I competently", "demonstrate my lived", "experience of server", "operating systems."])
    #expect(lines.joined(separator: " ") == text)
    // A word wider than the column is broken inside, never cut.
    #expect(DisplayWidth.wrap("Infrastructure-as-code", width: 8) == ["Infrastr", "ucture-a", "s-code"])
    // Wide characters break by cells.
    #expect(DisplayWidth.wrap("日本語の文章", width: 5) == ["日本", "語の", "文章"])
  }
}
