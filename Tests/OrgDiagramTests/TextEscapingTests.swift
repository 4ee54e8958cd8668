import OrgDiagram
import Testing

/// The escaping rules, case by case.
@Suite("Text escaping")
struct TextEscapingTests {
  @Test(arguments: [
    ("plain", "plain"),
    ("a \"quote\"", "a \"quote\""),
    ("back\\slash", "back\\\\slash"),
    ("\\N", "\\\\N"),
    ("two\nlines", "two\\nlines"),
    ("crlf\r\nend", "crlf\\nend"),
    ("tab\there", "tab here"),
    ("nul\u{0}bell\u{7}", "nul\u{2400}bell\u{2407}"),
    ("del\u{7F} c1\u{85}", "del\u{2421} c1\u{FFFD}"),
    ("&amp; <b>", "&amp;amp; <b>"),
    ("🚀 عربي", "🚀 عربي"),
  ])
  func escString(_ text: String, _ expected: String) {
    #expect(TextEscaping.escString(text) == expected)
  }

  @Test(arguments: [
    ("plain", "\"plain\""),
    ("a \"q\"", "\"a \\\"q\\\"\""),
    ("ends\\\\", "\"ends\\\\\""),
    // An odd run of backslashes before a quote or the end gets one more, so the quote survives.
    ("odd\\", "\"odd\\\\\""),
    ("odd\\\"", "\"odd\\\\\\\"\""),
    ("", "\"\""),
  ])
  func dotQuoted(_ value: String, _ expected: String) {
    #expect(TextEscaping.dotQuoted(value) == expected)
  }

  @Test(arguments: [
    ("rankdir", "rankdir"),
    ("node", "\"node\""),
    ("two words", "\"two words\""),
    ("9lives", "\"9lives\""),
  ])
  func dotName(_ name: String, _ expected: String) {
    #expect(TextEscaping.dotName(name) == expected)
  }

  @Test func graphvizNamesNeverStartWithPercent() {
    #expect(TextEscaping.graphvizName("%3") == "\\%3")
    #expect(TextEscaping.graphvizName("a%3") == "a%3")
    #expect(TextEscaping.graphvizName("role:x/y") == "role:x/y")
  }

  @Test(arguments: [
    ("a & b", "a &amp; b"),
    ("<b>x</b>", "&lt;b&gt;x&lt;/b&gt;"),
    ("say \"hi\"", "say &quot;hi&quot;"),
    ("back\\slash", "back&#92;slash"),
    ("bell\u{7}", "bell\u{2407}"),
  ])
  func html(_ text: String, _ expected: String) {
    #expect(TextEscaping.html(text) == expected)
  }

  @Test func htmlTextDoublesBackslashesAgainstGraphvizSubstitution() {
    #expect(TextEscaping.htmlText("\\N") == "&#92;&#92;N")
  }

  @Test(arguments: [
    ("plain", "plain"),
    ("say \"hi\"", "say #quot;hi#quot;"),
    ("# & < > ` | % \\", "#35; #amp; #lt; #gt; #96; #124; #37; #92;"),
    ("two\nlines", "two<br>lines"),
    ("", "#160;"),
    ("🚀 עברית", "🚀 עברית"),
  ])
  func mermaid(_ text: String, _ expected: String) {
    #expect(TextEscaping.mermaid(text) == expected)
  }

  @Test(arguments: [
    ("role:rocket-chat/cloud-engineer", "n_role_rocket_chat_cloud_engineer"),
    ("end", "n_end"),
    ("👩🏽‍💻", "n_"),
    ("a  b", "n_a_b"),
  ])
  func mermaidIdentifier(_ text: String, _ expected: String) {
    #expect(TextEscaping.mermaidIdentifier(text, prefix: "n_") == expected)
  }

  @Test(
    arguments: [
      ("#E5EFF9", "#E5EFF9"), ("white", "white"), ("#12", nil), ("red;stroke:url(x)", nil), ("#GGGGGG", nil),
    ] as [(String, String?)])
  func mermaidColor(_ color: String, _ expected: String?) {
    #expect(TextEscaping.mermaidColor(color) == expected)
  }

  @Test func yamlTitle() {
    #expect(TextEscaping.yamlQuoted("a \"b\" \\ 100% \n c") == "\"a \\\"b\\\" \\\\ 100\\x25   c\"")
  }

  @Test(arguments: [
    ("Security Engineer Technical Lead", 28, Int.max, ["Security Engineer", "Technical Lead"]),
    ("Engineering individual-contributor track", 24, 3, ["Engineering", "individual-contributor", "track"]),
    ("short", 20, 2, ["short"]),
    ("abcdefghij", 4, 5, ["abcd", "efgh", "ij"]),
    ("one two three four five six", 7, 2, ["one two", "three…"]),
    ("line\nbreak", 20, 5, ["line", "break"]),
    ("", 10, 2, [""]),
  ])
  func wrap(_ text: String, _ width: Int, _ maxLines: Int, _ expected: [String]) {
    #expect(TextLayout.wrap(text, width: width, maxLines: maxLines) == expected)
  }

  @Test func wrapKeepsGraphemeClusters() {
    let family = "👩‍👩‍👧‍👦"
    let lines = TextLayout.wrap(String(repeating: family, count: 9), width: 4)
    #expect(lines == [String(repeating: family, count: 4), String(repeating: family, count: 4), family])
  }

  @Test(arguments: [
    (0.2826, "0.28"), (1.0, "1"), (0.15, "0.15"), (10.5, "10.5"), (-0.004, "0"), (-1.25, "-1.25"),
    (.nan, "–"), (.infinity, "–"), (1e300, "1e+300"),
  ])
  func number(_ value: Double, _ expected: String) {
    #expect(TextLayout.number(value) == expected)
  }
}
