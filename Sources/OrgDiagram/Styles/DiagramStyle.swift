import OrgGraph

/// A diagram style built from graph input: career path, overlap, ladder, subgraph.
///
/// Every style makes a ``Diagram`` when it is created (or throws a ``DiagramError``), and writes it as DOT
/// or Mermaid:
///
/// ```swift
/// let ladder = try LadderDiagram(graph: graph, owner: track)
/// print(ladder.dot)      // Graphviz DOT
/// print(ladder.mermaid)  // a Mermaid flowchart
/// ```
public protocol DiagramStyle: Sendable {
  /// The diagram.
  var diagram: Diagram { get }
}

extension DiagramStyle {
  /// The diagram as DOT text (``Diagram/dot``).
  public var dot: String { diagram.dot }
  /// The diagram as a Mermaid flowchart (``Diagram/mermaid``).
  public var mermaid: String { diagram.mermaid }
}

extension Diagram {
  /// A diagram with OrgGraph's house style: DejaVu Sans, white background, rounded filled boxes, grey
  /// edges with small labels, generous spacing.
  static func styled(name: String, direction: Direction) -> Diagram {
    Diagram(
      name: name, direction: direction,
      graphAttributes: [
        "fontname": .text(Palette.font), "fontsize": "11", "fontcolor": .text(Palette.text),
        "bgcolor": "white",
        "pad": "0.3", "nodesep": "0.3", "ranksep": "0.5",
      ],
      nodeDefaults: [
        "shape": "box", "style": "rounded,filled", "fontname": .text(Palette.font), "fontsize": "11",
        "fontcolor": .text(Palette.text), "penwidth": "1.2", "margin": "0.14,0.07",
      ],
      edgeDefaults: [
        "fontname": .text(Palette.font), "fontsize": "9", "fontcolor": .text(Palette.mutedText),
        "color": .text(Palette.edge), "arrowsize": "0.7", "penwidth": "1.2",
      ])
  }

  /// Adds one style class per kind (`kind-role`, …) for the kinds named, with the kind's colours.
  mutating func addKindClasses(_ kinds: [String]) {
    for kind in kinds where !styleClasses.contains(where: { $0.name == "kind-" + kind }) {
      let (fill, border) = Palette.colors(forKind: kind)
      styleClasses.append(
        StyleClass(name: "kind-" + kind, attributes: ["fillcolor": .text(fill), "color": .text(border)]))
    }
  }
}

/// Reading the graph for diagrams: checked ids, names, organisations, homes for clustering, and labels.
struct GraphReader {
  let graph: Graph
  let style: String

  /// Throws unless `node` is a node of the graph.
  func check(_ node: NodeID) throws(DiagramError) {
    guard node.rawValue >= 0, node.index < graph.nodeCount else {
      throw .invalidInput(
        style: style, reason: "node \(node) is not in this graph (it has \(graph.nodeCount) nodes)")
    }
  }

  /// Throws unless `edge` is an edge of the graph.
  func check(_ edge: EdgeID) throws(DiagramError) {
    let types = graph.schema.edgeTypes
    guard edge.type >= 0, Int(edge.type) < types.count, edge.index >= 0,
      Int(edge.index) < graph.edgeCount(ofType: types[Int(edge.type)].name)
    else {
      throw .invalidInput(style: style, reason: "edge \(edge) is not in this graph")
    }
  }

  func kind(_ node: NodeID) -> String { graph.kind(of: node).name }

  func string(_ property: String, of node: NodeID) -> String? {
    guard let value = graph.property(property, of: node) else { return nil }
    let text = value.displayText
    return text.isEmpty ? nil : text
  }

  /// A level's code, when it says more than its name.
  func code(of node: NodeID) -> String? {
    guard let code = string("code", of: node), code.lowercased() != graph.name(of: node).lowercased() else {
      return nil
    }
    return code
  }

  /// The first neighbour through `type` in `direction`, if any.
  func first(_ node: NodeID, _ type: String, _ direction: Direction = .forward) -> NodeID? {
    graph.neighbors(of: node, via: type, direction: direction).first?.node
  }

  /// The team or organisation a node belongs in, for clustering: a team or org itself; a role's team; a
  /// level's or statement's owner's; a track's org; a person's team; a value's embodiers' closest common
  /// team or org. `nil` for the canonical layer (competencies).
  func home(of node: NodeID) -> NodeID? { home(of: node, depth: 0) }

  private func home(of node: NodeID, depth: Int) -> NodeID? {
    guard depth < 12 else { return nil }
    switch kind(node) {
    case "team", "org": return node
    case "competency": return nil
    case "value":
      let embodiers = graph.neighbors(of: node, via: "embodies", direction: .backward).map(\.node)
      let homes = embodiers.prefix(64).compactMap { home(of: $0, depth: depth + 1) }
      return commonAncestor(of: homes)
    default:
      let next =
        first(node, "in_team") ?? first(node, "part_of") ?? first(node, "has_level", .backward)
        ?? first(node, "expects", .backward) ?? first(node, "has_example", .backward) ?? first(node, "leads")
        ?? first(node, "holds") ?? first(node, "in_track")
      return next.flatMap { home(of: $0, depth: depth + 1) }
    }
  }

  /// A team's or org's chain of containers, innermost first, itself included (cycle-safe, bounded).
  func ancestry(of home: NodeID) -> [NodeID] {
    var chain = [home]
    var current = home
    while chain.count < 12, kind(current) != "org", let parent = first(current, "part_of"),
      !chain.contains(parent)
    {
      chain.append(parent)
      current = parent
    }
    return chain
  }

  /// The innermost team or org containing all `homes`.
  func commonAncestor(of homes: [NodeID]) -> NodeID? {
    guard let firstHome = homes.first else { return nil }
    var candidates = ancestry(of: firstHome)
    for home in homes.dropFirst() {
      let chain = Set(ancestry(of: home))
      candidates = candidates.filter { chain.contains($0) }
    }
    return candidates.first
  }

  /// The organisation a node belongs to: through its home, or by the `kind:org/slug` id convention.
  func organisation(of node: NodeID) -> NodeID? {
    if let home = home(of: node), let org = ancestry(of: home).last, kind(org) == "org" { return org }
    let id = graph.id(of: node)
    guard let colon = id.firstIndex(of: ":"), let slash = id.firstIndex(of: "/"), colon < slash else {
      return nil
    }
    let slug = id[id.index(after: colon)..<slash]
    return graph.node(withID: "org:" + slug)
  }

  /// The small tag over a node's name: its kind, a level's code, its organisation.
  func tag(of node: NodeID) -> String {
    var parts = [kind(node)]
    if let code = code(of: node) { parts[0] += " " + code }
    if let org = organisation(of: node), org != node { parts.append(graph.name(of: org)) }
    return parts.joined(separator: " · ")
  }

  /// The owners (role or track) of a level.
  func owners(of level: NodeID) -> [NodeID] {
    graph.neighbors(of: level, via: "has_level", direction: .backward).map(\.node)
  }

  /// A node's label: a small tag line, then its name in bold, wrapped.
  func label(of node: NodeID, tag: String? = nil, extra: [[HTMLText]] = [], width: Int = 26) -> HTMLLabel {
    var lines: [[HTMLText]] = [
      [HTMLText(tag ?? self.tag(of: node), pointSize: 8.5, color: Palette.faintText)]
    ]
    let long = ["expectation", "example"].contains(kind(node))
    for line in TextLayout.wrap(graph.name(of: node), width: long ? 40 : width, maxLines: long ? 5 : 3) {
      lines.append([HTMLText(line, bold: !long)])
    }
    return HTMLLabel(lines: lines + extra)
  }

  /// A holding as a word: the proficiency, or `unrated`.
  static func word(_ holding: Holding) -> String {
    switch holding {
    case .absent: return "—"
    case .unrated: return "unrated"
    case .rated(let c): return c.name
    }
  }
}
