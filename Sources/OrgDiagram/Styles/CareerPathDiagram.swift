import OrgGraph

/// A career path, left to right: the roles and levels on the path, promotions solid, lateral moves dashed,
/// inferred moves dotted with their similarity, and each step annotated with what it adds — the
/// competencies the next stop requires that the previous did not (`+`) or requires at a higher proficiency
/// (`↑`), from ``OrgGraph/Graph/gap(from:to:via:)``.
///
/// ```swift
/// // Backend Engineer → SRE Engineer → Senior Cloud Security Engineer, through two lateral edges:
/// let path = try CareerPathDiagram(graph: graph, nodes: [backend, sre, senior], edges: [move1, move2])
/// print(path.dot)
/// ```
public struct CareerPathDiagram: DiagramStyle {
  /// The style's name in messages.
  public static let style = "career path"
  /// How many competencies a step lists before `+N more`.
  public static let defaultListedCompetencies = 5

  /// The diagram.
  public let diagram: Diagram

  /// Draws the path through `nodes`, where `edges[i]` joins `nodes[i]` and `nodes[i + 1]` (in either
  /// direction: an edge may be traversed backwards).
  ///
  /// - Parameters:
  ///   - listedCompetencies: how many added or raised competencies a step lists before `+N more`.
  ///   - limits: the size guard; a path longer than `limits.maxNodes` stops is refused.
  /// - Throws: ``DiagramError/invalidInput(style:reason:)`` when the edges do not join the nodes in order,
  ///   ``DiagramError/nothingToDraw(style:reason:)`` for an empty path, ``DiagramError/tooLarge(style:nodes:limit:)``.
  public init(
    graph: Graph, nodes: [NodeID], edges: [EdgeID],
    listedCompetencies: Int = CareerPathDiagram.defaultListedCompetencies, limits: DiagramLimits = .standard
  ) throws(DiagramError) {
    let reader = GraphReader(graph: graph, style: Self.style)
    guard !nodes.isEmpty else { throw .nothingToDraw(style: Self.style, reason: "the path has no nodes") }
    guard edges.count == nodes.count - 1 else {
      throw .invalidInput(
        style: Self.style,
        reason: "a path of \(nodes.count) nodes has \(nodes.count - 1) edges between them, not \(edges.count)"
      )
    }
    try limits.check(nodeCount: nodes.count, style: Self.style)
    for node in nodes { try reader.check(node) }
    var forward: [Bool] = []
    for (i, edge) in edges.enumerated() {
      try reader.check(edge)
      let (a, b) = (nodes[i], nodes[i + 1])
      let (s, t) = (graph.source(of: edge), graph.target(of: edge))
      if s == a, t == b {
        forward.append(true)
      } else if s == b, t == a {
        forward.append(false)
      } else {
        throw .invalidInput(
          style: Self.style,
          reason: "step \(i + 1): the \(graph.type(of: edge).name) edge joins \(graph.id(of: s)) and "
            + "\(graph.id(of: t)), not \(graph.id(of: a)) and \(graph.id(of: b))")
      }
    }

    var diagram = Diagram.styled(name: "career_path", direction: .leftToRight)
    diagram.graphAttributes["ranksep"] = "0.45"
    diagram.graphAttributes["nodesep"] = "0.5"
    diagram.addKindClasses(nodes.map(reader.kind))
    var declared = Set<NodeID>()
    for (i, node) in nodes.enumerated() where declared.insert(node).inserted {
      var attributes: Attributes = [:]
      if i == 0 || i == nodes.count - 1 { attributes["penwidth"] = "2.2" }
      diagram.nodes.append(
        Diagram.Node(
          id: graph.id(of: node), label: .html(reader.label(of: node)),
          styleClass: "kind-" + reader.kind(node),
          attributes: attributes))
    }

    var kindsOfMove: [String] = []
    var inferredCount = 0
    for (i, edge) in edges.enumerated() {
      let type = graph.type(of: edge).name
      let inferred = graph.origin(of: edge) == "inferred"
      if inferred { inferredCount += 1 }
      var heading: String
      var attributes: Attributes = [:]
      switch type {
      case "promotes_to":
        heading = forward[i] ? "promotion" : "step down (promotion reversed)"
        attributes = ["color": .text(Palette.promotion), "penwidth": "1.8"]
      case "lateral":
        heading = "lateral move"
        attributes = ["color": .text(Palette.lateral), "style": "dashed", "penwidth": "1.5"]
      default:
        heading = forward[i] ? type : "\(type) (reversed)"
      }
      if inferred {
        heading = "inferred " + heading
        attributes["style"] = "dotted"
        attributes["color"] = .text(Palette.inferred)
        attributes["penwidth"] = "1.8"
        if case .number(let score)? = graph.property("score", of: edge) {
          heading += " · similarity \(TextLayout.number(score))"
        }
      }
      let move =
        inferred
        ? "inferred lateral move"
        : type == "promotes_to" ? "promotion" : type == "lateral" ? "lateral move" : type
      if !kindsOfMove.contains(move) { kindsOfMove.append(move) }

      var lines: [[HTMLText]] = [[HTMLText(heading, bold: true, pointSize: 9, color: Palette.text)]]
      lines += Self.additions(graph: graph, from: nodes[i], to: nodes[i + 1], listed: listedCompetencies)
      diagram.edges.append(
        Diagram.Edge(
          from: graph.id(of: nodes[i]), to: graph.id(of: nodes[i + 1]),
          label: .html(HTMLLabel(lines: lines, alignment: .left)), attributes: attributes))
    }

    let start = graph.name(of: nodes[0])
    let goal = graph.name(of: nodes[nodes.count - 1])
    var summary = edges.isEmpty ? "no steps" : edges.count == 1 ? "1 step" : "\(edges.count) steps"
    if inferredCount > 0 { summary += ", \(inferredCount) of them inferred from competency overlap" }
    diagram.caption = Diagram.Caption(
      title: nodes.count == 1 ? "Career path: \(start)" : "Career path: \(start) → \(goal)",
      lines: [summary + ". Each step lists what it adds: + a new competency, ↑ a higher proficiency."])
    diagram.legend = Diagram.Legend(
      entries: kindsOfMove.map { move in
        switch move {
        case "promotion": return .init(.line(color: Palette.promotion, style: "solid"), "promotion")
        case "lateral move": return .init(.line(color: Palette.lateral, style: "dashed"), "lateral move")
        case "inferred lateral move":
          return .init(.line(color: Palette.inferred, style: "dotted"), "inferred from competency overlap")
        default: return .init(.line(color: Palette.edge, style: "solid"), move)
        }
      })
    self.diagram = diagram
  }

  /// The lines saying what moving from `a` to `b` adds: added and raised competencies, at most `listed`,
  /// then `+N more`.
  static func additions(graph: Graph, from a: NodeID, to b: NodeID, listed: Int) -> [[HTMLText]] {
    let rows = graph.gap(from: a, to: b).filter { $0.change == .added || $0.change == .raised }
    guard !rows.isEmpty else {
      let hasData = !graph.holdings(of: b).isEmpty
      return hasData ? [[HTMLText("adds nothing new", italic: true, pointSize: 9)]] : []
    }
    var lines: [[HTMLText]] = []
    for row in rows.prefix(max(listed, 0)) {
      let name = TextLayout.truncate(graph.name(of: row.competency), to: 36)
      switch row.change {
      case .raised:
        lines.append([
          HTMLText("↑ ", bold: true, pointSize: 9, color: Palette.promotion),
          HTMLText("\(name): \(GraphReader.word(row.before)) → \(GraphReader.word(row.after))", pointSize: 9),
        ])
      default:
        let proficiency = row.after == .unrated ? "" : " (\(GraphReader.word(row.after)))"
        lines.append([
          HTMLText("+ ", bold: true, pointSize: 9, color: Palette.level),
          HTMLText(name + proficiency, pointSize: 9),
        ])
      }
    }
    if rows.count > listed {
      lines.append([HTMLText("+\(rows.count - max(listed, 0)) more", italic: true, pointSize: 9)])
    }
    return lines
  }
}
