import Foundation
import OrgDiagram
import OrgRender
import OrgRenderTestSupport
import Testing

/// Adversarial labels in every place text goes: the DOT text must be accepted by Graphviz's own parser,
/// and every label must read back as written; the rendered SVG must be XML that shows the text.
@Suite("Escaping round trip")
struct EscapingRoundTripTests {
  /// The table of changed labels names labels that are tested, and changes each.
  @Test func theExpectedOutputsAreForTestedLabels() {
    #expect(Set(Adversarial.changed.keys).isSubset(of: Set(Adversarial.labels)))
    #expect(Adversarial.changed.allSatisfy { $0.key != $0.value })
  }

  @Test(arguments: Adversarial.labels)
  func graphvizParsesTheDOTAndLabelsReadBack(_ label: String) throws {
    let diagram = Adversarial.diagram(label)
    let parsed = try GraphvizParser.parse(diagram.dot).get()
    let shown = Adversarial.shown(label)

    // Node names and labels, tooltips.
    #expect(parsed.nodes.map { Adversarial.decodeEscString($0.name) } == [shown, "html", "other"])
    let node = try #require(parsed.nodes.first)
    #expect(Adversarial.decodeEscString(node.attributes["label"]) == shown)
    #expect(Adversarial.decodeEscString(node.attributes["tooltip"]) == shown)
    #expect(!node.htmlAttributes.contains("label"))

    // An HTML-like label is read as HTML, exactly as written.
    let html = try #require(parsed.nodes.first { $0.name == "html" })
    #expect(html.htmlAttributes.contains("label"))
    guard case .html(let written) = diagram.nodes[1].label else { return }
    #expect(html.attributes["label"] == written.markup)

    // Edge labels, plain and HTML.
    #expect(parsed.edges.count == 2)
    #expect(Adversarial.decodeEscString(parsed.edges.first?.attributes["label"]) == shown)
    #expect(parsed.edges.last?.htmlAttributes.contains("label") == true)

    // The cluster: its name carries the id, its label the text.
    let cluster = try #require(parsed.subgraphs.first)
    #expect(Adversarial.decodeEscString(cluster.name) == "cluster_" + shown)
    #expect(Adversarial.decodeEscString(cluster.attributes["label"]) == shown)

    // The caption and legend are the root's HTML label.
    #expect(parsed.graph.htmlAttributes.contains("label"))
    #expect(Adversarial.decodeEscString(parsed.graph.name) == shown)
  }

  /// What Graphviz draws is the text itself: `\N` stays `\N`, `<b>` stays `<b>`, in plain and HTML labels.
  @Test(arguments: Adversarial.labels)
  func svgShowsTheTextAsWritten(_ label: String) throws {
    let svg = SVGText(try GraphvizRenderer.render(Adversarial.diagram(label), format: .svg))
    #expect(svg.parsed, "SVG is not XML: \(String(describing: svg.error))")
    let nodes = svg.groups.filter { $0.kind == "node" }
    #expect(nodes.count == 3)
    let shown = Adversarial.shown(label)
    // Graphviz writes a run of spaces with no-break spaces, and drops lines that are empty.
    func normalized(_ text: String) -> String {
      text.replacingOccurrences(of: "\u{A0}", with: " ").split(separator: "\n").map {
        $0.trimmingCharacters(in: .whitespaces)
      }.filter { !$0.isEmpty }.joined(separator: "\n")
    }
    let plain = try #require(nodes.first)
    #expect(normalized(plain.texts.joined(separator: "\n")) == normalized(shown))
    let html = try #require(nodes.dropFirst().first)
    let lines = shown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(
      normalized(html.texts.joined(separator: "\n")) == normalized((lines + lines).joined(separator: "\n")))
  }

  /// Every format renders every adversarial diagram without failing.
  @Test(arguments: Adversarial.labels)
  func everyFormatRenders(_ label: String) throws {
    let diagram = Adversarial.diagram(label)
    for format in GraphvizFormat.allCases {
      let data = try GraphvizRenderer.render(diagram, format: format)
      #expect(!data.isEmpty)
    }
  }

  /// Mermaid: one statement per line, ids that are safe identifiers, no raw quote inside a label.
  @Test(arguments: Adversarial.labels)
  func mermaidStaysWellFormed(_ label: String) throws {
    let text = Adversarial.diagram(label).mermaid
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == text.filter { $0 == "\n" }.count + 1)
    // The front matter: one title line, a YAML double-quoted string with no directive in it.
    #expect(lines.prefix(3).count == 3 && lines[0] == "---" && lines[2] == "---")
    #expect(lines[1].hasPrefix("title: \"") && lines[1].hasSuffix("\"") && !lines[1].contains("%"))
    let body = lines.drop { !$0.hasPrefix("flowchart") }
    for line in body.dropFirst() where !line.isEmpty {
      let trimmed = line.drop { $0 == " " }
      if trimmed.hasPrefix("%%") {
        #expect(!trimmed.dropFirst(2).contains("%"))
        continue
      }
      // Quotes come in pairs that open and close labels: what is between them has no quote.
      #expect(trimmed.filter { $0 == "\"" }.count % 2 == 0, "\(trimmed)")
      let id = trimmed.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
      let keywords = ["subgraph", "end", "direction", "classDef", "class", "style", "linkStyle"]
      #expect(!id.isEmpty || keywords.contains { trimmed.hasPrefix($0) }, "\(trimmed)")
      #expect(!trimmed.contains("\u{0}") && !trimmed.contains("\r"))
    }
    let labels = body.joined(separator: "\n").split(separator: "\"").enumerated().filter {
      $0.offset % 2 == 1
    }
    .map(\.element)
    for inside in labels {
      #expect(!inside.contains("<b>bold</b>"), "markup from a name must be escaped")
      #expect(!inside.contains("%"))
      #expect(!inside.contains("\\"))
    }
  }
}
