import OrgGraph

/// One or more career ladders, bottom-up: each role's or track's levels (`has_level`) in a box of their own,
/// ordered by rank, with their codes and key metadata (planning horizon, impact radius, evaluation),
/// promotions between them, and the promotions and lateral moves that lead to other ladders (drawn lighter,
/// outside the boxes).
///
/// Several owners draw side by side, joined by the promotions between them — Rocket.Chat's "Y" of a common
/// track that forks into an individual-contributor and a management track:
///
/// ```swift
/// let y = try LadderDiagram(graph: graph, owners: [common, individualContributor, management])
/// print(y.dot)
/// ```
public struct LadderDiagram: DiagramStyle {
  /// The style's name in messages.
  public static let style = "ladder"
  /// How many inferred lateral moves a level shows at most (the most similar first).
  public static let inferredMovesPerLevel = 3
  /// The metadata shown under a level's name, with their labels.
  public static let metadata: [(property: String, label: String)] = [
    ("planning_horizon", "planning"), ("impact_radius", "impact"), ("evaluation", "evaluated by"),
  ]

  /// The diagram.
  public let diagram: Diagram

  /// The ladder of one role or track (a level stands for its own role's or track's ladder).
  public init(graph: Graph, owner: NodeID, limits: DiagramLimits = .standard) throws(DiagramError) {
    try self.init(graph: graph, owners: [owner], limits: limits)
  }

  /// The ladders of several roles or tracks, side by side.
  ///
  /// - Throws: ``DiagramError/nothingToDraw(style:reason:)`` when none of them has levels,
  ///   ``DiagramError/invalidInput(style:reason:)`` for a node of another graph,
  ///   ``DiagramError/tooLarge(style:nodes:limit:)``.
  public init(graph: Graph, owners requested: [NodeID], limits: DiagramLimits = .standard)
    throws(DiagramError)
  {
    let reader = GraphReader(graph: graph, style: Self.style)
    let owners = try Self.owners(requested, reader: reader)
    let ladders = Self.ladders(of: owners, graph: graph)
    let onLadder = Set(ladders.flatMap(\.levels))
    guard !onLadder.isEmpty else {
      let names = owners.map { "\(graph.name(of: $0)) (\(reader.kind($0)))" }.joined(separator: ", ")
      throw .nothingToDraw(style: Self.style, reason: "\(names) has no levels (`has_level`)")
    }
    try limits.check(nodeCount: onLadder.count, style: Self.style)
    var builder = Builder(graph: graph, reader: reader, ladders: ladders, onLadder: onLadder)
    builder.addLadders()
    builder.collectMoves()
    try limits.check(nodeCount: onLadder.count + builder.external.count, style: Self.style)
    builder.addExternalLevels()
    builder.addMoveEdges()
    builder.addRankGroups()
    builder.placeLadderNames()
    builder.addCaptionAndLegend()
    diagram = builder.diagram
  }

  /// The roles and tracks to draw: each node given, or a level's owners, once each.
  static func owners(_ requested: [NodeID], reader: GraphReader) throws(DiagramError) -> [NodeID] {
    var owners: [NodeID] = []
    var seen = Set<NodeID>()
    for node in requested {
      try reader.check(node)
      let candidates = reader.kind(node) == "level" ? reader.owners(of: node) : [node]
      for owner in candidates where seen.insert(owner).inserted { owners.append(owner) }
    }
    guard !owners.isEmpty else {
      throw .nothingToDraw(style: Self.style, reason: "no role or track was given")
    }
    return owners
  }

  /// Each owner's levels, by rank (then declaration order); a level shared by two owners stays with the
  /// first.
  static func ladders(of owners: [NodeID], graph: Graph) -> [(owner: NodeID, levels: [NodeID])] {
    var ladders: [(owner: NodeID, levels: [NodeID])] = []
    var onLadder = Set<NodeID>()
    for owner in owners {
      let levels = graph.neighbors(of: owner, via: "has_level").map(\.node).enumerated()
        .sorted { a, b in
          let ra = Self.rank(graph, a.element) ?? Int.max
          let rb = Self.rank(graph, b.element) ?? Int.max
          return (ra, a.offset) < (rb, b.offset)
        }
        .map(\.element)
        .filter { onLadder.insert($0).inserted }
      ladders.append((owner, levels))
    }
    return ladders
  }

  /// The diagram as it is drawn, one step per method.
  struct Builder {
    let graph: Graph
    let reader: GraphReader
    let ladders: [(owner: NodeID, levels: [NodeID])]
    let onLadder: Set<NodeID>
    var diagram: Diagram
    /// Levels of other ladders that moves lead to or come from.
    var external: [NodeID] = []
    var moves: [(from: NodeID, to: NodeID, edge: EdgeID)] = []
    /// The kinds of move drawn, for the legend, in the order first drawn.
    var used: [String] = []

    init(
      graph: Graph, reader: GraphReader, ladders: [(owner: NodeID, levels: [NodeID])], onLadder: Set<NodeID>
    ) {
      self.graph = graph
      self.reader = reader
      self.ladders = ladders
      self.onLadder = onLadder
      diagram = Diagram.styled(name: "ladder", direction: .bottomToTop)
      diagram.graphAttributes["ranksep"] = "0.4"
      diagram.graphAttributes["nodesep"] = "0.6"
      // Levels of equal rank line up across ladders (global ranking lets rank groups span clusters).
      diagram.graphAttributes["newrank"] = "true"
      diagram.addKindClasses(["level"])
      diagram.styleClasses.append(
        Diagram.StyleClass(
          name: "external",
          attributes: [
            "fillcolor": .text(Palette.externalFill), "color": .text(Palette.externalBorder),
            "style": "rounded,filled,dashed",
            "fontcolor": .text(Palette.mutedText),
          ]))
    }

    /// Levels, in their ladders' boxes.
    mutating func addLadders() {
      for (owner, levels) in ladders where !levels.isEmpty {
        for level in levels {
          diagram.nodes.append(
            Diagram.Node(
              id: graph.id(of: level), label: .html(LadderDiagram.label(reader, level)),
              styleClass: "kind-level"))
        }
        var tag = reader.kind(owner)
        if let org = reader.organisation(of: owner), org != owner { tag += " · " + graph.name(of: org) }
        diagram.clusters.append(
          Diagram.Cluster(
            id: graph.id(of: owner),
            label: .html(
              HTMLLabel(
                lines: TextLayout.wrap(graph.name(of: owner), width: 24, maxLines: 3).map {
                  [HTMLText($0, bold: true, pointSize: 12, color: Palette.text)]
                } + [[HTMLText(tag, pointSize: 9, color: Palette.faintText)]])),
            nodes: levels.map { graph.id(of: $0) },
            attributes: [
              "style": "rounded,filled", "fillcolor": .text(Palette.clusterFill),
              "color": .text(Palette.clusterBorder),
              "margin": "14",
              // Bottom-up layouts flip label locations: `b` puts the ladder's name at its top.
              "labelloc": "b",
            ]))
      }
    }

    /// Moves: promotions in and out, lateral moves out (declared ones, and the most similar inferred ones),
    /// and levels built on.
    mutating func collectMoves() {
      var seenEdges = Set<EdgeID>()
      var noted = Set<NodeID>()
      func add(_ from: NodeID, _ to: NodeID, _ edge: EdgeID, other: NodeID) {
        if !onLadder.contains(other), noted.insert(other).inserted { external.append(other) }
        moves.append((from, to, edge))
      }
      for (_, levels) in ladders {
        for level in levels {
          for (target, edge) in graph.neighbors(of: level, via: "promotes_to")
          where seenEdges.insert(edge).inserted {
            add(level, target, edge, other: target)
          }
          for (source, edge) in graph.neighbors(of: level, via: "promotes_to", direction: .backward)
          where !onLadder.contains(source) && seenEdges.insert(edge).inserted {
            add(source, level, edge, other: source)
          }
          var inferred: [(NodeID, EdgeID, Double)] = []
          for (target, edge) in graph.neighbors(of: level, via: "lateral") {
            if graph.origin(of: edge) == "inferred" {
              var score = 0.0
              if case .number(let s)? = graph.property("score", of: edge) { score = s }
              inferred.append((target, edge, score))
            } else if seenEdges.insert(edge).inserted {
              add(level, target, edge, other: target)
            }
          }
          // A level that builds on another (`includes`): drawn unless a promotion already joins the two.
          for (target, edge) in graph.neighbors(of: level, via: "includes")
          where seenEdges.insert(edge).inserted {
            add(level, target, edge, other: target)
          }
          let best = inferred.enumerated().sorted { ($1.element.2, $0.offset) < ($0.element.2, $1.offset) }
          for (_, (target, edge, _)) in best.prefix(LadderDiagram.inferredMovesPerLevel)
          where seenEdges.insert(edge).inserted {
            add(level, target, edge, other: target)
          }
        }
      }
    }

    /// Levels of other ladders, lighter, with their ladder's name.
    mutating func addExternalLevels() {
      for node in external {
        let owners = reader.owners(of: node).map { graph.name(of: $0) }
        var tag = reader.kind(node)
        if let code = reader.code(of: node) { tag += " " + code }
        if !owners.isEmpty { tag += " · " + owners.joined(separator: ", ") }
        var label = reader.label(of: node, tag: TextLayout.truncate(tag, to: 40))
        label.rows = label.rows.map { row in
          row.map { cell in
            var cell = cell
            cell.lines = cell.lines.map { line in
              line.map { run in
                var run = run
                run.bold = false
                return run
              }
            }
            return cell
          }
        }
        diagram.nodes.append(
          Diagram.Node(id: graph.id(of: node), label: .html(label), styleClass: "external"))
      }
    }

    /// Whether a promotion from `a` to `b` is among the moves.
    func promoted(_ a: NodeID, _ b: NodeID) -> Bool {
      moves.contains { graph.type(of: $0.edge).name == "promotes_to" && $0.from == a && $0.to == b }
    }

    /// Edges: a pair of lateral moves both ways is one edge with two heads.
    mutating func addMoveEdges() {
      var drawn = Set<Int>()
      for (i, move) in moves.enumerated() where !drawn.contains(i) {
        drawn.insert(i)
        let type = graph.type(of: move.edge).name
        let inferred = graph.origin(of: move.edge) == "inferred"
        var attributes: Attributes = [:]
        var label: AttributeValue?
        func use(_ kind: String) { if !used.contains(kind) { used.append(kind) } }
        if type == "includes" {
          // Beside a promotion the promotion says it: "cumulative"; else a line of its own.
          if promoted(move.to, move.from) { continue }
          attributes = [
            "style": "dashed", "color": .text(Palette.promotion), "penwidth": "1.2", "constraint": "false",
          ]
          label = .text("builds on")
          use("builds on")
        } else if type == "promotes_to" {
          attributes = ["color": .text(Palette.promotion), "penwidth": "1.8"]
          use("promotion")
          let cumulative = graph.neighbors(of: move.to, via: "includes").contains { $0.node == move.from }
          if cumulative { label = .text("cumulative") }
          if !onLadder.contains(move.from) || !onLadder.contains(move.to) {
            attributes["color"] = .text(Palette.externalBorder)
            attributes["style"] = "dashed"
          }
        } else {
          attributes = ["style": inferred ? "dotted" : "dashed", "constraint": "false"]
          attributes["color"] = .text(inferred ? Palette.inferred : Palette.lateral)
          attributes["penwidth"] = inferred ? "1.6" : "1.4"
          if let back = moves.indices.first(where: { j in
            !drawn.contains(j) && moves[j].from == move.to && moves[j].to == move.from
              && graph.type(of: moves[j].edge).name == type
          }) {
            drawn.insert(back)
            attributes["dir"] = "both"
          }
          if inferred, case .number(let score)? = graph.property("score", of: move.edge) {
            label = .text("similarity " + TextLayout.number(score))
          }
          use(inferred ? "inferred lateral move" : "lateral move")
        }
        diagram.edges.append(
          Diagram.Edge(
            from: graph.id(of: move.from), to: graph.id(of: move.to), label: label, attributes: attributes))
      }
    }

    /// Levels of the same rank on different ladders side by side; levels no promotion joins still stack by
    /// rank.
    mutating func addRankGroups() {
      var groups: [String: [String]] = [:]
      var keys: [(Int, String)] = []
      var grouped = Set<NodeID>()
      for (_, levels) in ladders {
        for level in levels where grouped.insert(level).inserted {
          let rank = LadderDiagram.rank(graph, level)
          let key = rank.map { "rank \($0)" } ?? "level \(level.rawValue)"
          if groups[key] == nil { keys.append((rank ?? Int.max, key)) }
          groups[key, default: []].append(graph.id(of: level))
        }
      }
      // A lateral move's other end is not put in a rank group: Graphviz 2.42's spline router fails on such
      // edges between a cluster and a node ranked with it ("Unable to reclaim box space"), and in-process
      // that failure corrupted the heap. The move's edge still draws it beside the level it leaves.
      diagram.rankGroups = keys.sorted { $0 < $1 }.compactMap { groups[$0.1] }.filter { $0.count > 1 }
      for (_, levels) in ladders {
        for (lower, upper) in zip(levels, levels.dropFirst())
        where !moves.contains(where: { $0.from == lower && $0.to == upper }) {
          diagram.edges.append(
            Diagram.Edge(from: graph.id(of: lower), to: graph.id(of: upper), attributes: ["style": "invis"]))
        }
      }
    }

    /// A ladder whose promotions lead up into another ladder, and none come in from one, has its name at
    /// the bottom, where no edge crosses it.
    mutating func placeLadderNames() {
      for (i, cluster) in diagram.clusters.enumerated() {
        let members = Set(cluster.nodes)
        let leaving = diagram.edges.contains {
          members.contains($0.from) && !members.contains($0.to) && $0.attributes["constraint"] == nil
            && $0.attributes["style"] != "invis"
        }
        let entering = diagram.edges.contains {
          !members.contains($0.from) && members.contains($0.to) && $0.attributes["constraint"] == nil
            && $0.attributes["style"] != "invis"
        }
        if leaving, !entering { diagram.clusters[i].attributes["labelloc"] = "t" }
      }
    }

    /// The title, the count of levels, and a legend of what is drawn.
    mutating func addCaptionAndLegend() {
      let titles = ladders.map { graph.name(of: $0.owner) }
      let levelCount = onLadder.count
      diagram.caption = Diagram.Caption(
        title: (titles.count == 1 ? "Ladder: " : "Ladders: ") + titles.joined(separator: ", "),
        lines: [
          "\(levelCount) level\(levelCount == 1 ? "" : "s"), first rung at the bottom"
            + (external.isEmpty ? "." : "; levels of other ladders are dashed.")
        ])
      var entries: [Diagram.Legend.Entry] = [
        .init(
          .box(fill: Palette.colors(forKind: "level").fill, border: Palette.colors(forKind: "level").border),
          "level")
      ]
      if !external.isEmpty {
        entries.append(
          .init(.box(fill: Palette.externalFill, border: Palette.externalBorder), "on another ladder"))
      }
      for move in used {
        switch move {
        case "promotion": entries.append(.init(.line(color: Palette.promotion, style: "solid"), "promotion"))
        case "lateral move":
          entries.append(.init(.line(color: Palette.lateral, style: "dashed"), "lateral move"))
        case "builds on":
          entries.append(.init(.line(color: Palette.promotion, style: "dashed"), "builds on (includes)"))
        default:
          entries.append(
            .init(.line(color: Palette.inferred, style: "dotted"), "inferred lateral move (similarity)"))
        }
      }
      diagram.legend = Diagram.Legend(entries: entries)
    }
  }

  static func rank(_ graph: Graph, _ level: NodeID) -> Int? {
    switch graph.property("rank", of: level) {
    case .int(let r)?: return r
    case .number(let r)? where r.isFinite && abs(r) < 1e9: return Int(r)
    default: return nil
    }
  }

  /// A level's label: its code, its name, its key metadata.
  static func label(_ reader: GraphReader, _ level: NodeID) -> HTMLLabel {
    var lines: [[HTMLText]] = []
    if let code = reader.code(of: level) {
      lines.append([HTMLText(code, bold: true, pointSize: 13, color: Palette.promotion)])
    }
    for line in TextLayout.wrap(reader.graph.name(of: level), width: 28, maxLines: 3) {
      lines.append([HTMLText(line, bold: true)])
    }
    for (property, name) in metadata {
      guard let value = reader.string(property, of: level) else { continue }
      let wrapped = TextLayout.wrap("\(name): \(value)", width: 34, maxLines: 2)
      for line in wrapped { lines.append([HTMLText(line, pointSize: 8.5, color: Palette.mutedText)]) }
    }
    return HTMLLabel(lines: lines)
  }
}
