import OrgGraph

/// Any set of nodes as its induced subgraph: the nodes, every edge between two of them, coloured by kind,
/// boxed by the team and organisation they belong to (through `in_team`, `part_of`, a level's owner, a
/// value's embodiers…), with a legend for the colours. Competencies, the organisation-independent layer,
/// stay outside the boxes.
///
/// ```swift
/// let cloud = graph.node(withID: "team:rocket-chat/cloud")!
/// let roles = graph.neighbors(of: cloud, via: "in_team", direction: .backward).map(\.node)
/// let view = try SubgraphDiagram(graph: graph, nodes: [cloud] + roles)
/// ```
public struct SubgraphDiagram: DiagramStyle {
  /// The style's name in messages.
  public static let style = "subgraph"

  /// The diagram.
  public let diagram: Diagram

  /// Draws `nodes` (duplicates ignored) and the edges between them.
  ///
  /// - Parameters:
  ///   - title: the caption's title; by default, how many nodes of which kinds.
  /// - Throws: ``DiagramError/nothingToDraw(style:reason:)`` for no nodes,
  ///   ``DiagramError/invalidInput(style:reason:)`` for a node of another graph,
  ///   ``DiagramError/tooLarge(style:nodes:limit:)``.
  public init(
    graph: Graph, nodes requested: [NodeID], title: String? = nil, limits: DiagramLimits = .standard
  )
    throws(DiagramError)
  {
    let reader = GraphReader(graph: graph, style: Self.style)
    guard !requested.isEmpty else {
      throw .nothingToDraw(style: Self.style, reason: "the result has no nodes")
    }
    try limits.check(nodeCount: requested.count, style: Self.style)
    var nodes: [NodeID] = []
    var members = Set<NodeID>()
    for node in requested {
      try reader.check(node)
      if members.insert(node).inserted { nodes.append(node) }
    }

    var diagram = Diagram.styled(name: "subgraph", direction: .leftToRight)
    diagram.graphAttributes["ranksep"] = "0.7"
    diagram.graphAttributes["nodesep"] = "0.18"
    // Rank globally, so an edge into a team's or organisation's cluster keeps its length: old-style ranking
    // collapses clusters into flat edges, and a labelled flat edge beside a cluster is what makes Graphviz
    // 2.42 free a rank list twice (see docs/rendering.md).
    diagram.graphAttributes["newrank"] = "true"
    let kinds = graph.schema.kinds.map(\.name).filter { kind in nodes.contains { reader.kind($0) == kind } }
    diagram.addKindClasses(kinds)
    for node in nodes {
      diagram.nodes.append(
        Diagram.Node(
          id: graph.id(of: node), label: .html(reader.label(of: node, tag: reader.kind(node))),
          styleClass: "kind-" + reader.kind(node)))
    }

    // Induced edges, by node then edge type; a lateral pair both ways is one edge with two heads.
    var edges: [(from: NodeID, to: NodeID, edge: EdgeID)] = []
    for node in nodes {
      for type in graph.schema.edgeTypes.indices {
        for (target, edge) in graph.neighbors(of: node, via: type, direction: .forward)
        where members.contains(target) {
          edges.append((node, target, edge))
        }
      }
    }
    var drawn = Set<Int>()
    var pairIndex: [String: [Int]] = [:]
    for (i, e) in edges.enumerated() {
      pairIndex["\(e.from.rawValue) \(e.to.rawValue) \(e.edge.type)", default: []].append(i)
    }
    var edgeTypes: [String] = []
    for (i, e) in edges.enumerated() where !drawn.contains(i) {
      drawn.insert(i)
      let type = graph.type(of: e.edge).name
      let inferred = type == "lateral" && graph.origin(of: e.edge) == "inferred"
      let legendName = inferred ? "lateral (inferred)" : type
      if !edgeTypes.contains(legendName) { edgeTypes.append(legendName) }
      let (color, style) = Self.line(forEdgeType: legendName)
      var attributes: Attributes = ["color": .text(color)]
      if style != "solid" { attributes["style"] = .text(style) }
      // The colour says the type (see the legend); labels carry only what the edge adds to it.
      var words: [String] = []
      if case .enumCase(let proficiency)? = graph.property("proficiency", of: e.edge) {
        words.append(proficiency.name)
      }
      if inferred, case .number(let score)? = graph.property("score", of: e.edge) {
        words.append("similarity " + TextLayout.number(score))
      }
      if type == "lateral", e.from != e.to,
        let back = pairIndex["\(e.to.rawValue) \(e.from.rawValue) \(e.edge.type)"]?.first(where: {
          !drawn.contains($0)
        })
      {
        drawn.insert(back)
        attributes["dir"] = "both"
      }
      diagram.edges.append(
        Diagram.Edge(
          from: graph.id(of: e.from), to: graph.id(of: e.to),
          label: words.isEmpty ? nil : .text(words.joined(separator: " · ")), attributes: attributes))
    }

    // Boxes: each node in its home team or org, nested by `part_of`.
    var clusterOf: [NodeID: [NodeID]] = [:]  // home → its nodes
    var chains: [[NodeID]] = []  // outermost first
    for node in nodes {
      guard let home = reader.home(of: node) else { continue }
      if clusterOf[home] == nil { chains.append(reader.ancestry(of: home).reversed()) }
      clusterOf[home, default: []].append(node)
    }
    diagram.clusters = Self.clusters(chains: chains, nodes: clusterOf, reader: reader)

    let counts = kinds.map { kind -> String in
      let n = nodes.filter { reader.kind($0) == kind }.count
      let definition = graph.schema.kinds.first { $0.name == kind }
      return "\(n) \(n == 1 ? kind : definition?.plural ?? kind)"
    }
    diagram.caption = Diagram.Caption(
      title: title ?? counts.joined(separator: ", "),
      lines: [
        "\(nodes.count) node\(nodes.count == 1 ? "" : "s") and the \(diagram.edges.count) edge\(diagram.edges.count == 1 ? "" : "s") between them, boxed by team and organisation."
      ])
    diagram.legend = Diagram.Legend(
      entries: kinds.map { kind in
        let (fill, border) = Palette.colors(forKind: kind)
        return .init(.box(fill: fill, border: border), kind)
      }
        + edgeTypes.map { type in
          let (color, style) = Self.line(forEdgeType: type)
          return .init(.line(color: color, style: style), type)
        })
    self.diagram = diagram
  }

  /// The colour and line style of an edge type: structure in slate, requirements in the competency hue,
  /// values in theirs, moves as on ladders.
  static func line(forEdgeType type: String) -> (color: String, style: String) {
    switch type {
    case "promotes_to": return (Palette.promotion, "solid")
    case "lateral": return (Palette.lateral, "dashed")
    case "lateral (inferred)": return (Palette.inferred, "dotted")
    case "requires", "expresses", "assessed": return ("#C29B3C", "solid")
    case "broader": return ("#8C7A4B", "dashed")
    case "embodies": return ("#B9798F", "solid")
    case "part_of", "in_team", "in_track", "has_level": return ("#6F7FB0", "solid")
    case "leads", "holds": return ("#B2714F", "solid")
    case "expects", "has_example": return ("#9AA3AD", "solid")
    default: return (Palette.edge, "solid")
    }
  }

  /// Nested clusters from home chains (outermost first), in order of first appearance.
  static func clusters(chains: [[NodeID]], nodes: [NodeID: [NodeID]], reader: GraphReader) -> [Diagram
    .Cluster]
  {
    // Children of each container, in first-seen order; roots likewise.
    var roots: [NodeID] = []
    var children: [NodeID: [NodeID]] = [:]
    for chain in chains {
      guard let first = chain.first else { continue }
      if !roots.contains(first) { roots.append(first) }
      for (parent, child) in zip(chain, chain.dropFirst()) where !(children[parent]?.contains(child) ?? false)
      {
        children[parent, default: []].append(child)
      }
    }
    let graph = reader.graph
    func cluster(_ home: NodeID, depth: Int) -> Diagram.Cluster {
      let kind = reader.kind(home)
      let (_, border) = Palette.colors(forKind: kind)
      let nested = depth < 12 ? (children[home] ?? []).map { cluster($0, depth: depth + 1) } : []
      return Diagram.Cluster(
        id: graph.id(of: home),
        label: .html(
          HTMLLabel(lines: [
            [
              HTMLText(graph.name(of: home), bold: true, pointSize: 11, color: Palette.text),
              HTMLText("  " + kind, pointSize: 8.5, color: Palette.faintText),
            ]
          ])),
        nodes: (nodes[home] ?? []).map { graph.id(of: $0) },
        clusters: nested,
        attributes: [
          "style": "rounded,filled", "fillcolor": kind == "org" ? "#FBFAFD" : .text(Palette.clusterFill),
          "color": .text(border), "penwidth": kind == "org" ? "1.4" : "1", "labeljust": "l", "margin": "12",
        ])
    }
    return roots.map { cluster($0, depth: 0) }
  }
}
