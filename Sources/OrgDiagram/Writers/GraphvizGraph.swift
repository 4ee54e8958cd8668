/// A diagram lowered to what Graphviz sees: names and values already escaped to the level of a DOT
/// attribute value, in the exact order of the cgraph operations that build it.
///
/// The DOT writer prints it; OrgRender builds the same graph through the cgraph API. Because both walk
/// this one structure, the text and the in-process graph cannot drift apart.
package struct GraphvizGraph: Sendable, Hashable, Codable {
  /// An attribute value as cgraph stores it.
  package enum Value: Sendable, Hashable, Codable {
    /// An escString value (DOT `"…"` after unquoting).
    case text(String)
    /// HTML-like markup (DOT `<…>` without the brackets).
    case html(String)
  }

  /// A named value.
  package struct Attribute: Sendable, Hashable, Codable {
    /// The attribute's name.
    package var name: String
    /// Its value.
    package var value: Value

    /// Creates an attribute.
    package init(name: String, value: Value) {
      self.name = name
      self.value = value
    }
  }

  /// A node, created at the root in this order.
  package struct Node: Sendable, Hashable, Codable {
    /// The node's name.
    package var name: String
    /// Its attributes, set in order.
    package var attributes: [Attribute]
  }

  /// A subgraph (cluster): its attributes, the existing nodes it holds, nested subgraphs.
  package struct Subgraph: Sendable, Hashable, Codable {
    /// The subgraph's name (`cluster_…`).
    package var name: String
    /// Its graph attributes, declared in order.
    package var attributes: [Attribute]
    /// The names of its nodes.
    package var nodes: [String]
    /// Nested subgraphs.
    package var subgraphs: [Subgraph]
  }

  /// An edge, created at the root in this order.
  package struct Edge: Sendable, Hashable, Codable {
    /// The tail node's name.
    package var tail: String
    /// The head node's name.
    package var head: String
    /// Its attributes, set in order.
    package var attributes: [Attribute]
  }

  /// The graph's name.
  package var name: String
  /// `graph [...]` at the top.
  package var graphDefaults: [Attribute]
  /// `node [...]`.
  package var nodeDefaults: [Attribute]
  /// `edge [...]`.
  package var edgeDefaults: [Attribute]
  /// The nodes.
  package var nodes: [Node]
  /// The subgraphs.
  package var subgraphs: [Subgraph]
  /// The edges.
  package var edges: [Edge]
  /// Root attributes set last (the caption), so no subgraph inherits them.
  package var rootAttributes: [Attribute]
}

extension Diagram {
  /// The diagram as Graphviz sees it.
  package var graphviz: GraphvizGraph {
    func value(_ v: AttributeValue) -> GraphvizGraph.Value {
      switch v {
      case .text(let s): return .text(TextEscaping.escString(s))
      case .html(let label): return .html(label.markup)
      }
    }
    func attributes(_ a: Attributes, skipping skipped: Set<String> = []) -> [GraphvizGraph.Attribute] {
      a.entries.filter { !skipped.contains($0.name) }.map { .init(name: $0.name, value: value($0.value)) }
    }
    func subgraph(_ cluster: Cluster, depth: Int) -> GraphvizGraph.Subgraph {
      var nodes = cluster.nodes
      var nested: [GraphvizGraph.Subgraph] = []
      if depth < Diagram.maxClusterDepth {
        nested = cluster.clusters.map { subgraph($0, depth: depth + 1) }
      } else {
        nodes += Diagram.nodesNested(in: cluster.clusters)
      }
      return .init(
        name: "cluster_" + TextEscaping.graphvizName(cluster.id),
        attributes: attributes(resolvedAttributes(of: cluster)),
        nodes: nodes.map(TextEscaping.graphvizName),
        subgraphs: nested)
    }
    var root: [GraphvizGraph.Attribute] = []
    if let label = graphLabel {
      root = [
        .init(name: "label", value: .html(label.markup)), .init(name: "labelloc", value: .text("t")),
        .init(name: "labeljust", value: .text("l")),
      ]
    }
    let graphDefaults: Attributes = ["rankdir": .text(direction.rawValue)]
    return GraphvizGraph(
      name: TextEscaping.graphvizName(name),
      graphDefaults: attributes(graphDefaults.merging(graphAttributes), skipping: ["label"]),
      nodeDefaults: attributes(nodeDefaults),
      edgeDefaults: attributes(edgeDefaults),
      nodes: nodes.map {
        .init(name: TextEscaping.graphvizName($0.id), attributes: attributes(resolvedAttributes(of: $0)))
      },
      subgraphs: clusters.map { subgraph($0, depth: 1) }
        + rankGroups.enumerated().map { (i, group) in
          .init(
            name: "rank_\(i + 1)", attributes: [.init(name: "rank", value: .text("same"))],
            nodes: group.map(TextEscaping.graphvizName), subgraphs: [])
        },
      edges: edges.map {
        .init(
          tail: TextEscaping.graphvizName($0.from), head: TextEscaping.graphvizName($0.to),
          attributes: attributes(resolvedAttributes(of: $0), skipping: ["key"]))
      },
      rootAttributes: root)
  }

  /// Clusters nest at most this deep when written; deeper clusters are merged into their ancestor.
  package static let maxClusterDepth = 32

  /// Every node id in `clusters` and their nested clusters, depth first, without recursion.
  package static func nodesNested(in clusters: [Cluster]) -> [String] {
    var out: [String] = []
    var stack = Array(clusters.reversed())
    while let cluster = stack.popLast() {
      out += cluster.nodes
      stack += cluster.clusters.reversed()
    }
    return out
  }

  /// The caption and the legend as one HTML-like table: the title, the caption's lines, then the legend's
  /// samples and meanings side by side.
  package var graphLabel: HTMLLabel? {
    guard caption != nil || legend?.entries.isEmpty == false else { return nil }
    let entries = legend?.entries ?? []
    var rows: [[HTMLCell]] = []
    if let caption {
      // Long titles and lines wrap, so the caption never makes a diagram wider than it needs to be.
      rows.append([
        HTMLCell(
          lines: TextLayout.wrap(caption.title, width: 64).map {
            [HTMLText($0, bold: true, pointSize: 14, color: Palette.text)]
          }, alignment: .left, padding: 2)
      ])
      for line in caption.lines {
        rows.append([
          HTMLCell(
            lines: TextLayout.wrap(line, width: 110).map {
              [HTMLText($0, pointSize: 10, color: Palette.mutedText)]
            },
            alignment: .left, padding: 1)
        ])
      }
    }
    if !entries.isEmpty {
      // One line of text, so it stays flush left however wide the title is: a coloured sample glyph,
      // then what it means.
      var runs: [HTMLText] = []
      for (i, entry) in entries.enumerated() {
        if i > 0 { runs.append(HTMLText("\u{2003}\u{2003}", pointSize: 9)) }
        switch entry.sample {
        case .box(let fill, let border):
          runs.append(HTMLText("■", pointSize: 13, color: border))
          _ = fill
        case .line(let color, let style):
          let glyph = Diagram.Legend.glyph(forLineStyle: style)
          runs.append(HTMLText(glyph, bold: true, pointSize: 10, color: color))
        }
        runs.append(HTMLText(" " + entry.text, pointSize: 9, color: Palette.mutedText))
      }
      rows.append([HTMLCell(lines: [runs], alignment: .left, padding: 3)])
    }
    return HTMLLabel(rows: rows, cellPadding: 1)
  }
}

extension HTMLLabel {
  /// The label as Graphviz HTML-like markup (the text between DOT's `<` and `>`), every piece of text
  /// escaped.
  package var markup: String {
    func clamp(_ v: Int, _ range: ClosedRange<Int>) -> Int { min(max(v, range.lowerBound), range.upperBound) }
    func colorAttribute(_ name: String, _ color: String?) -> String {
      guard let color else { return "" }
      return " \(name)=\"\(TextEscaping.html(color))\""
    }
    var out = "<TABLE BORDER=\"\(clamp(border, 0...255))\" CELLBORDER=\"\(clamp(cellBorder, 0...255))\""
    out += " CELLSPACING=\"\(clamp(cellSpacing, 0...127))\" CELLPADDING=\"\(clamp(cellPadding, 0...255))\""
    out += colorAttribute("BGCOLOR", background) + colorAttribute("COLOR", color) + ">"
    let rows = self.rows.isEmpty ? [[HTMLCell(lines: [])]] : self.rows
    for row in rows {
      out += "<TR>"
      for cell in row.isEmpty ? [HTMLCell(lines: [])] : row {
        out += "<TD ALIGN=\"\(cell.alignment.rawValue)\" BALIGN=\"\(cell.alignment.rawValue)\""
        out += colorAttribute("BGCOLOR", cell.background) + colorAttribute("COLOR", cell.borderColor)
        if let border = cell.border { out += " BORDER=\"\(clamp(border, 0...255))\"" }
        if cell.columnSpan > 1 { out += " COLSPAN=\"\(clamp(cell.columnSpan, 1...65535))\"" }
        if let width = cell.width { out += " WIDTH=\"\(clamp(width, 0...65535))\"" }
        if let height = cell.height { out += " HEIGHT=\"\(clamp(height, 0...65535))\"" }
        if cell.width != nil, cell.height != nil { out += " FIXEDSIZE=\"TRUE\"" }
        if let padding = cell.padding { out += " CELLPADDING=\"\(clamp(padding, 0...255))\"" }
        out += ">"
        var first = true
        for line in cell.table == nil ? cell.lines : [] {
          // A line of text may itself hold newlines: each becomes a line break.
          let pieces = line.flatMap { run in
            TextEscaping.displayable(run.text).split(separator: "\n", omittingEmptySubsequences: false)
              .enumerated().map {
                (index, piece) in
                (
                  index > 0,
                  HTMLText(
                    String(piece), bold: run.bold, italic: run.italic, pointSize: run.pointSize,
                    color: run.color)
                )
              }
          }
          if !first { out += "<BR/>" }
          first = false
          for (breakBefore, run) in pieces {
            if breakBefore { out += "<BR/>" }
            out += run.markup
          }
        }
        if let table = cell.table {
          // A cell holds text or one table: text and a table become a table of two rows.
          if cell.lines.isEmpty {
            out += table.markup
          } else {
            out +=
              HTMLLabel(rows: [
                [HTMLCell(lines: cell.lines, alignment: cell.alignment)],
                [HTMLCell(table: table, alignment: cell.alignment)],
              ]).markup
          }
        }
        out += "</TD>"
      }
      out += "</TR>"
    }
    return out + "</TABLE>"
  }
}

extension HTMLText {
  /// The run as markup: font, weight and slant tags around the escaped text; nothing for empty text.
  package var markup: String {
    guard !text.isEmpty else { return "" }
    var open = ""
    var close = ""
    var font = ""
    if let pointSize, pointSize.isFinite, pointSize > 0 {
      font += " POINT-SIZE=\"\(TextLayout.number(min(pointSize, 1000)))\""
    }
    if let color { font += " COLOR=\"\(TextEscaping.html(color))\"" }
    if !font.isEmpty {
      open += "<FONT\(font)>"
      close = "</FONT>" + close
    }
    if bold {
      open += "<B>"
      close = "</B>" + close
    }
    if italic {
      open += "<I>"
      close = "</I>" + close
    }
    return open + TextEscaping.htmlText(text) + close
  }
}
