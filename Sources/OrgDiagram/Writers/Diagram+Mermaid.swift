extension Diagram {
  /// The diagram as a Mermaid flowchart, for Markdown handbooks that render Mermaid.
  ///
  /// Ids become safe Mermaid identifiers (`n_…`, `c_…`, unique); every label is a quoted string with
  /// Mermaid's entity codes for the characters that mean something to Mermaid or HTML (`#quot;`, `#35;`,
  /// `#lt;` …), so any text — quotes, markup, emoji, right-to-left scripts — is shown as written. Colours and
  /// line styles carry over as `classDef`, `style` and `linkStyle`; the caption becomes the front-matter
  /// title and the legend a subgraph of samples.
  public var mermaid: String { MermaidWriter(diagram: self).text }
}

/// Writes a ``Diagram`` as a Mermaid flowchart.
struct MermaidWriter {
  let diagram: Diagram
  private var ids: [String: String] = [:]
  private var used: Set<String> = []
  private var out = ""
  private var byID: [String: Diagram.Node] = [:]
  private var declared = Set<String>()

  init(diagram: Diagram) { self.diagram = diagram }

  var text: String {
    var writer = self
    writer.write()
    return writer.out
  }

  // MARK: - Identifiers

  /// The Mermaid id of a node, assigned in order of first sight.
  private mutating func id(of node: String) -> String {
    identifier(for: "n:" + node, text: node, prefix: "n_")
  }

  private mutating func identifier(for key: String, text: String, prefix: String) -> String {
    if let known = ids[key] { return known }
    let base = TextEscaping.mermaidIdentifier(text, prefix: prefix)
    var candidate = base
    var n = 2
    while used.contains(candidate) {
      candidate = "\(base)_\(n)"
      n += 1
    }
    used.insert(candidate)
    ids[key] = candidate
    return candidate
  }

  // MARK: - Labels

  /// An attribute value as the text inside a Mermaid quoted label.
  static func label(_ value: AttributeValue) -> String {
    switch value {
    case .text(let s): return TextEscaping.mermaid(s)
    case .html(let table): return label(table)
    }
  }

  /// An HTML-like label as Mermaid label text: each row a line, bold and italic runs as `<b>`/`<i>`,
  /// smaller runs as `<small>`.
  static func label(_ table: HTMLLabel) -> String {
    var lines: [String] = []
    for row in table.rows {
      var rowLines: [String] = []
      for cell in row {
        for (i, line) in cell.lines.enumerated() {
          var text = ""
          for run in line where !run.text.isEmpty {
            var piece = TextEscaping.mermaid(run.text)
            if run.italic { piece = "<i>" + piece + "</i>" }
            if run.bold { piece = "<b>" + piece + "</b>" }
            if let size = run.pointSize, size < 10.5 { piece = "<small>" + piece + "</small>" }
            text += piece
          }
          if i < rowLines.count { rowLines[i] += " " + text } else { rowLines.append(text) }
        }
      }
      lines += rowLines.map { $0.trimmingSpaces }.filter { !$0.isEmpty }
    }
    return lines.isEmpty ? "#160;" : lines.joined(separator: "<br>")
  }

  // MARK: - Styles

  /// Mermaid style properties for Graphviz attributes (fill, stroke, text colour, width, dashes).
  static func properties(_ attributes: Attributes) -> [String] {
    var out: [String] = []
    if let fill = attributes["fillcolor"]?.plainText, let c = TextEscaping.mermaidColor(fill) {
      out.append("fill:\(c)")
    }
    if let stroke = attributes["color"]?.plainText, let c = TextEscaping.mermaidColor(stroke) {
      out.append("stroke:\(c)")
    }
    if let font = attributes["fontcolor"]?.plainText, let c = TextEscaping.mermaidColor(font) {
      out.append("color:\(c)")
    }
    if let width = attributes["penwidth"]?.plainText, let w = Double(width), w.isFinite, w >= 0 {
      out.append("stroke-width:\(TextLayout.number(min(w, 100), decimals: 1))px")
    }
    let style = attributes["style"]?.plainText ?? ""
    if style.contains("dashed") {
      out.append("stroke-dasharray:6 4")
    } else if style.contains("dotted") {
      out.append("stroke-dasharray:2 3")
    }
    return out
  }

  /// The bracket pair for a node's shape.
  static func brackets(_ attributes: Attributes) -> (String, String) {
    let shape = attributes["shape"]?.plainText.lowercased() ?? "ellipse"
    let rounded = attributes["style"]?.plainText.contains("rounded") ?? false
    switch shape {
    case "box", "rect", "rectangle", "square": return rounded ? ("(\"", "\")") : ("[\"", "\"]")
    case "ellipse", "oval": return ("([\"", "\"])")
    case "circle", "doublecircle", "point": return ("((\"", "\"))")
    case "diamond": return ("{\"", "\"}")
    case "hexagon": return ("{{\"", "\"}}")
    case "cylinder": return ("[(\"", "\")]")
    default: return ("[\"", "\"]")
    }
  }

  // MARK: - Writing

  private mutating func line(_ text: String, _ indent: Int = 1) {
    out += String(repeating: "  ", count: indent) + text + "\n"
  }

  /// A node's declaration: its id, its shape's brackets around its label.
  private mutating func declaration(_ node: Diagram.Node) -> String {
    let attributes = diagram.nodeDefaults.merging(diagram.resolvedAttributes(of: node))
    let (open, close) = Self.brackets(attributes)
    return id(of: node.id) + open + Self.label(node.label) + close
  }

  /// A cluster as a subgraph, declaring the nodes it holds inside it.
  private mutating func writeCluster(_ cluster: Diagram.Cluster, depth: Int) {
    let id = identifier(for: "c:" + cluster.id, text: cluster.id, prefix: "c_")
    let title = cluster.label.map(Self.label) ?? "#160;"
    line("subgraph \(id)[\"\(title)\"]", depth)
    var members = cluster.nodes
    if depth >= Diagram.maxClusterDepth { members += Diagram.nodesNested(in: cluster.clusters) }
    for member in members where !declared.contains(member) {
      declared.insert(member)
      if let node = byID[member] {
        line(declaration(node), depth + 1)
      } else {
        line(self.id(of: member), depth + 1)
      }
    }
    if depth < Diagram.maxClusterDepth {
      for nested in cluster.clusters { writeCluster(nested, depth: depth + 1) }
    }
    line("end", depth)
  }

  private mutating func write() {
    if let caption = diagram.caption {
      out += "---\ntitle: \(TextEscaping.yamlQuoted(caption.title))\n---\n"
    }
    out += "flowchart \(diagram.direction.rawValue)\n"
    if let caption = diagram.caption {
      for text in caption.lines { line("%% " + TextEscaping.mermaid(text)) }
    }
    for node in diagram.nodes where byID[node.id] == nil { byID[node.id] = node }
    for cluster in diagram.clusters { writeCluster(cluster, depth: 1) }
    for node in diagram.nodes where !declared.contains(node.id) {
      declared.insert(node.id)
      line(declaration(node))
    }

    // Edges, then their colours by index.
    var linkStyles: [(Int, [String])] = []
    for (index, edge) in diagram.edges.enumerated() {
      let attributes = diagram.edgeDefaults.merging(diagram.resolvedAttributes(of: edge))
      let style = attributes["style"]?.plainText ?? ""
      let direction = attributes["dir"]?.plainText ?? "forward"
      var (from, to) = (id(of: edge.from), id(of: edge.to))
      let width = attributes["penwidth"].flatMap { Double($0.plainText) } ?? 1
      // Arrows by line style: (no head, head, both heads).
      let arrows: (String, String, String)
      if style.contains("dashed") || style.contains("dotted") {
        arrows = ("-.-", "-.->", "<-.->")
      } else if style.contains("bold") || width >= 2 {
        arrows = ("===", "==>", "<==>")
      } else {
        arrows = ("---", "-->", "<-->")
      }
      let arrow: String
      if style.contains("invis") {
        arrow = "~~~"
      } else {
        switch direction {
        case "none": arrow = arrows.0
        case "both": arrow = arrows.2
        case "back":
          (from, to) = (to, from)
          arrow = arrows.1
        default: arrow = arrows.1
        }
      }
      var text = "\(from) \(arrow)"
      if let label = edge.label, !style.contains("invis") { text += "|\"\(Self.label(label))\"|" }
      line(text + " \(to)")
      var properties = Self.properties(attributes).filter {
        !$0.hasPrefix("fill:") && !$0.hasPrefix("color:")
      }
      properties.removeAll { $0.hasPrefix("stroke-dasharray") }
      if !properties.isEmpty, !style.contains("invis") { linkStyles.append((index, properties)) }
    }

    // The legend: one sample node per entry.
    var legendClasses: [(String, [String])] = []
    if let legend = diagram.legend, !legend.entries.isEmpty {
      let legendID = identifier(for: "legend", text: "legend", prefix: "c_")
      line("subgraph \(legendID)[\"Legend\"]")
      line("direction LR", 2)
      for (i, entry) in legend.entries.enumerated() {
        let id = identifier(for: "legend:\(i)", text: "legend \(i)", prefix: "l_")
        switch entry.sample {
        case .box(let fill, let border):
          line("\(id)[\"\(TextEscaping.mermaid(entry.text))\"]:::\(id)", 2)
          legendClasses.append(
            (
              id,
              [
                TextEscaping.mermaidColor(fill).map { "fill:\($0)" },
                TextEscaping.mermaidColor(border).map { "stroke:\($0)" },
              ].compactMap { $0 }
            ))
        case .line(let color, let style):
          let glyph = Diagram.Legend.glyph(forLineStyle: style)
          line("\(id)[\"\(glyph) \(TextEscaping.mermaid(entry.text))\"]:::\(id)", 2)
          legendClasses.append(
            (
              id,
              ["fill:none", "stroke:none"]
                + [TextEscaping.mermaidColor(color).map { "color:\($0)" }].compactMap { $0 }
            ))
        }
      }
      line("end")
    }

    // Styles: defaults, classes, then nodes' own colours.
    let defaults = Self.properties(diagram.nodeDefaults)
    if !defaults.isEmpty { line("classDef default \(defaults.joined(separator: ","))") }
    var classMembers: [(String, [String])] = []
    for styleClass in diagram.styleClasses {
      let members = diagram.nodes.filter { $0.styleClass == styleClass.name }.map { id(of: $0.id) }
      guard !members.isEmpty else { continue }
      let name = identifier(for: "class:" + styleClass.name, text: styleClass.name, prefix: "k_")
      let properties = Self.properties(styleClass.attributes)
      if !properties.isEmpty { line("classDef \(name) \(properties.joined(separator: ","))") }
      classMembers.append((name, members))
    }
    for (name, properties) in legendClasses where !properties.isEmpty {
      line("classDef \(name) \(properties.joined(separator: ","))")
    }
    for (name, members) in classMembers { line("class \(members.joined(separator: ",")) \(name)") }
    for node in diagram.nodes {
      let properties = Self.properties(node.attributes)
      if !properties.isEmpty { line("style \(id(of: node.id)) \(properties.joined(separator: ","))") }
    }
    for (index, properties) in linkStyles { line("linkStyle \(index) \(properties.joined(separator: ","))") }
  }
}

extension String {
  /// The string without leading and trailing spaces.
  fileprivate var trimmingSpaces: String {
    var s = Substring(self)
    while s.first == " " { s = s.dropFirst() }
    while s.last == " " { s = s.dropLast() }
    return String(s)
  }

}
