import Foundation
import OrgDiagram

/// Labels that break careless writers: quotes, backslashes and Graphviz escapes, record and HTML
/// characters, newlines, emoji, right-to-left scripts, bidi controls, very long names, control characters.
enum Adversarial {
  static let labels: [String] = [
    "plain",
    "quote \" inside",
    "\"quoted\"",
    "back\\slash",
    "trailing backslash\\",
    "\\N \\G \\n \\l \\E \\T \\H \\L escapes",
    "double \\\\ backslash \\\" quote",
    "braces { } [ ] | < > and a port:n",
    "<b>bold</b> & <i>html</i> &amp; &lt; &#92;",
    "line one\nline two\nline three",
    "crlf\r\nand cr\rend",
    "emoji 🚀 👩🏽‍💻 🏳️‍🌈 🦉🌱🧭🏆",
    "right-to-left: مهندس سحابي أول · עברית",
    "bidi \u{202E}override\u{202C} and \u{200F}mark",
    String(repeating: "very long name ", count: 30) + "end",
    "control \u{0}\u{1}\u{7}\u{1B}[31m \u{7F} \u{85} chars\tand tab",
    "",
    "%3 percent # hash ; semicolon -- -> --> edges",
    "subgraph node edge digraph strict graph end",
    "]]> <!-- comment --> <?xml?>",
    "\u{FFFE}\u{FFFF} non-characters",
  ]

  /// What a reader sees for each label that is not shown as written, written out by hand (an oracle copied
  /// from `TextEscaping.displayable` would prove nothing): line ends as line feeds, a tab as a space,
  /// control characters as their pictures (U+2400…), C1 controls and non-characters as U+FFFD.
  static let changed: [String: String] = [
    "crlf\r\nand cr\rend": "crlf\nand cr\nend",
    "control \u{0}\u{1}\u{7}\u{1B}[31m \u{7F} \u{85} chars\tand tab":
      "control \u{2400}\u{2401}\u{2407}\u{241B}[31m \u{2421} \u{FFFD} chars and tab",
    "\u{FFFE}\u{FFFF} non-characters": "\u{FFFD}\u{FFFD} non-characters",
  ]

  /// What a reader sees for `label`: the label itself, unless ``changed`` says otherwise.
  static func shown(_ label: String) -> String { changed[label] ?? label }

  /// An escString value decoded the way Graphviz shows it: `\n`, `\l`, `\r` end lines, `\x` is `x`, and
  /// `&amp;` is `&` (Graphviz decodes entities in labels; the writer writes every `&` as `&amp;`).
  static func decodeEscString(_ value: String?) -> String {
    guard let value else { return "" }
    var out = ""
    var escaped = false
    for c in value {
      if escaped {
        out.append(c == "n" || c == "l" || c == "r" ? "\n" : c)
        escaped = false
      } else if c == "\\" {
        escaped = true
      } else {
        out.append(c)
      }
    }
    return out.replacingOccurrences(of: "&amp;", with: "&")
  }

  /// A diagram with `label` everywhere text can go: node ids and labels, an HTML label, a cluster, an
  /// edge, a tooltip, the caption and the legend.
  static func diagram(_ label: String) -> Diagram {
    var diagram = Diagram(name: label, direction: .leftToRight)
    diagram.nodes = [
      Diagram.Node(id: label, label: .text(label), attributes: ["tooltip": .text(label)]),
      Diagram.Node(
        id: "html",
        label: .html(HTMLLabel(lines: [[HTMLText(label, bold: true)], [HTMLText(label, pointSize: 9)]]))),
      Diagram.Node(id: "other", label: "other"),
    ]
    diagram.edges = [
      Diagram.Edge(from: label, to: "html", label: .text(label)),
      Diagram.Edge(from: "html", to: "other", label: .html(HTMLLabel(lines: [[HTMLText(label)]]))),
    ]
    diagram.clusters = [Diagram.Cluster(id: label, label: .text(label), nodes: [label, "html"])]
    diagram.caption = Diagram.Caption(title: label, lines: [label])
    diagram.legend = Diagram.Legend(entries: [.init(.box(fill: "#FFFFFF", border: "#000000"), label)])
    return diagram
  }
}
