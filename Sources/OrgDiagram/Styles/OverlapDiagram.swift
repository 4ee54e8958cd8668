import OrgGraph

/// The competencies two or more roles or levels share, and what each has of its own: the compared nodes
/// with the shared competencies between them, each side's own competencies on its outer side, the
/// proficiency on every edge (thicker for higher proficiency, dashed when unrated), and the similarity
/// (Jaccard of the competency sets) in the caption. Built from ``OrgGraph/Graph/overlap(_:via:)``.
///
/// ```swift
/// let overlap = try OverlapDiagram(graph: graph, compared: [cloudEngineer, seniorCloudSecurityEngineer])
/// print(overlap.mermaid)
/// ```
public struct OverlapDiagram: DiagramStyle {
  /// The style's name in messages.
  public static let style = "overlap"

  /// The diagram.
  public let diagram: Diagram

  /// Compares `compared` (roles, levels or people) through `edgeType` (by default `requires`, or `assessed`
  /// for a person).
  ///
  /// With two nodes the shared competencies sit between them and each side's own are on its outer side;
  /// with more, every compared node's own competencies are on its left and the shared ones on the right.
  ///
  /// - Throws: ``DiagramError/invalidInput(style:reason:)`` for fewer than two distinct nodes or a node of
  ///   another graph; ``DiagramError/tooLarge(style:nodes:limit:)``.
  public init(
    graph: Graph, compared: [NodeID], via edgeType: String? = nil, limits: DiagramLimits = .standard
  )
    throws(DiagramError)
  {
    let reader = GraphReader(graph: graph, style: Self.style)
    for node in compared { try reader.check(node) }
    var distinct: [NodeID] = []
    var seen = Set<NodeID>()
    for node in compared where seen.insert(node).inserted { distinct.append(node) }
    guard distinct.count >= 2 else {
      throw .invalidInput(style: Self.style, reason: "an overlap compares at least two different nodes")
    }
    try limits.check(nodeCount: distinct.count, style: Self.style)
    let rows = graph.overlap(distinct, via: edgeType)
    try limits.check(nodeCount: distinct.count + rows.count, style: Self.style)

    var diagram = Diagram.styled(name: "overlap", direction: .leftToRight)
    diagram.graphAttributes["ranksep"] = "0.9"
    diagram.graphAttributes["nodesep"] = "0.12"
    // As in the subgraph style: no collapsed clusters, so no labelled flat edges (docs/rendering.md).
    diagram.graphAttributes["newrank"] = "true"
    diagram.addKindClasses(distinct.map(reader.kind) + ["competency"])
    let (fill, border) = Palette.colors(forKind: "competency")
    diagram.styleClasses.append(
      Diagram.StyleClass(
        name: "shared", attributes: ["fillcolor": .text(Palette.sharedFill), "color": .text(border)]))

    for node in distinct {
      diagram.nodes.append(
        Diagram.Node(
          id: graph.id(of: node), label: .html(reader.label(of: node)),
          styleClass: "kind-" + reader.kind(node),
          attributes: ["penwidth": "2"]))
    }
    let names = distinct.map { graph.name(of: $0) }
    let shared = rows.filter { $0.sharedBy >= 2 }
    var sharedCluster = Diagram.Cluster(
      id: "shared", label: .text("Shared (\(shared.count))"),
      attributes: [
        "style": "rounded,filled", "fillcolor": "#FBF3E0", "color": .text(border), "fontsize": "11",
        "fontcolor": .text(Palette.text),
      ])
    var ownClusters = distinct.enumerated().map { (i, node) in
      Diagram.Cluster(
        id: "own-\(i)", label: .text("Only " + TextLayout.truncate(names[i], to: 40)),
        attributes: [
          "style": "rounded,filled", "fillcolor": .text(Palette.clusterFill),
          "color": .text(Palette.clusterBorder), "fontsize": "11", "fontcolor": .text(Palette.mutedText),
        ])
    }

    func competencyNode(_ row: OverlapRow) -> Diagram.Node {
      let lines = TextLayout.wrap(graph.name(of: row.competency), width: 24, maxLines: 3)
      var label: [[HTMLText]] = lines.map { [HTMLText($0)] }
      if distinct.count > 2, row.sharedBy >= 2 {
        label.append([
          HTMLText("shared by \(row.sharedBy) of \(distinct.count)", pointSize: 8, color: Palette.mutedText)
        ])
      }
      return Diagram.Node(
        id: graph.id(of: row.competency), label: .html(HTMLLabel(lines: label)),
        styleClass: row.sharedBy >= 2 ? "shared" : "kind-competency",
        attributes: ["fontsize": "10"])
    }
    func edge(from: String, to: String, _ holding: Holding) -> Diagram.Edge {
      var attributes: Attributes = ["dir": "none"]
      switch holding {
      case .rated(let c):
        attributes["penwidth"] = .text(TextLayout.number(0.8 + 0.45 * Double(min(max(c.rank, 1), 8))))
        attributes["color"] = "#7D8A98"
      default:
        attributes["style"] = "dashed"
        attributes["color"] = "#B4BDC7"
      }
      // Unrated edges are dashed and unlabelled: the caption says what dashes mean.
      let label: AttributeValue? = holding == .unrated ? nil : .text(GraphReader.word(holding))
      return Diagram.Edge(from: from, to: to, label: label, attributes: attributes)
    }

    for row in rows {
      let competency = graph.id(of: row.competency)
      diagram.nodes.append(competencyNode(row))
      if row.sharedBy >= 2 {
        sharedCluster.nodes.append(competency)
      } else if let owner = row.holdings.firstIndex(where: { $0 != .absent }) {
        ownClusters[owner].nodes.append(competency)
      }
      for (i, holding) in row.holdings.enumerated() where holding != .absent {
        let node = graph.id(of: distinct[i])
        // Left of the first compared node, or left of any node when there are more than two; right of
        // the second of two. Shared competencies sit right of the first and left of the second.
        if row.sharedBy >= 2 {
          if distinct.count == 2, i == 1 {
            diagram.edges.append(edge(from: competency, to: node, holding))
          } else {
            diagram.edges.append(edge(from: node, to: competency, holding))
          }
        } else if distinct.count == 2, i == 1 {
          diagram.edges.append(edge(from: node, to: competency, holding))
        } else {
          diagram.edges.append(edge(from: competency, to: node, holding))
        }
      }
    }
    diagram.clusters = [ownClusters[0], sharedCluster] + ownClusters.dropFirst()
    diagram.clusters.removeAll { $0.nodes.isEmpty }

    var similarity: [String] = []
    for i in 0..<distinct.count {
      for j in (i + 1)..<distinct.count {
        let s = TextLayout.number(graph.similarity(distinct[i], distinct[j], via: edgeType))
        similarity.append(distinct.count == 2 ? s : "\(names[i]) – \(names[j]): \(s)")
      }
    }
    let edgeName = edgeType ?? "required"
    diagram.caption = Diagram.Caption(
      title: "Overlap: " + (names.count == 2 ? "\(names[0]) and \(names[1])" : names.joined(separator: ", ")),
      lines: [
        distinct.count == 2
          ? "Similarity \(similarity.joined()) (Jaccard of \(edgeName) competencies): \(shared.count) shared of \(rows.count)."
          : "Similarity (Jaccard of \(edgeName) competencies): " + similarity.joined(separator: "; ") + ".",
        "Edges show the proficiency each expects; thicker is higher, dashed is unrated.",
      ])
    var legend: [Diagram.Legend.Entry] = []
    for kind in distinct.map(reader.kind) where !legend.contains(where: { $0.text == kind }) {
      let (f, b) = Palette.colors(forKind: kind)
      legend.append(.init(.box(fill: f, border: b), kind))
    }
    legend.append(.init(.box(fill: fill, border: border), "competency"))
    diagram.legend = Diagram.Legend(entries: legend)
    self.diagram = diagram
  }
}
