import OrgDiagram
import OrgGraph
import Testing

/// What each style draws, what it refuses, and the size guard.
@Suite("Diagram styles")
struct DiagramStyleTests {
  let fixtures: Fixtures
  var graph: Graph { fixtures.graph }

  init() throws { fixtures = try Fixtures() }

  func node(_ id: String) throws -> NodeID { try fixtures.node(id) }

  // MARK: - Career path

  @Test func eachStepListsWhatItAddsCappedWithMore() throws {
    let sre = try node("role:rocket-chat/sre-engineer")
    let senior = try node("level:octopus-deploy/senior-cloud-security-engineer")
    let edge = try #require(graph.neighbors(of: sre, via: "lateral").first { $0.node == senior }?.edge)
    let path = try CareerPathDiagram(
      graph: graph, nodes: [sre, senior], edges: [edge], listedCompetencies: 3)
    let label = try #require(path.diagram.edges.first?.label?.plainText)
    let gains = graph.gap(from: sre, to: senior).filter { $0.change == .added || $0.change == .raised }
    #expect(label.split(separator: "\n").filter { $0.hasPrefix("+ ") || $0.hasPrefix("↑ ") }.count == 3)
    #expect(label.hasSuffix("+\(gains.count - 3) more"))
    #expect(label.hasPrefix("inferred lateral move · similarity 0.19"))
  }

  @Test func anEdgeMayBeTraversedBackwards() throws {
    let l2 = try node("level:octopus-deploy/security-engineer")
    let l3 = try node("level:octopus-deploy/senior-security-engineer")
    let promotion = try #require(graph.neighbors(of: l2, via: "promotes_to").first { $0.node == l3 }?.edge)
    let forward = try CareerPathDiagram(graph: graph, nodes: [l2, l3], edges: [promotion])
    #expect(forward.diagram.edges.first?.label?.plainText.hasPrefix("promotion") == true)
    #expect(forward.diagram.edges.first?.attributes["style"] == nil, "promotions are solid")
    let backward = try CareerPathDiagram(graph: graph, nodes: [l3, l2], edges: [promotion])
    #expect(backward.diagram.edges.first?.from == graph.id(of: l3))
    #expect(backward.diagram.edges.first?.label?.plainText.hasPrefix("step down") == true)
  }

  @Test func aDeclaredLateralMoveIsDashed() throws {
    let staff = try node("level:rocket-chat/staff")
    let manager = try node("level:rocket-chat/manager")
    let edge = try #require(graph.neighbors(of: staff, via: "lateral").first { $0.node == manager }?.edge)
    let path = try CareerPathDiagram(graph: graph, nodes: [staff, manager], edges: [edge])
    #expect(path.diagram.edges.first?.attributes["style"] == "dashed")
    #expect(path.diagram.legend?.entries.map(\.text) == ["lateral move"])
  }

  @Test func aPathWhoseEdgesDoNotJoinItsNodesIsRefused() throws {
    let a = try node("role:rocket-chat/backend-engineer")
    let b = try node("role:rocket-chat/frontend-engineer")
    let c = try node("role:rocket-chat/sre-engineer")
    let ab = try #require(graph.neighbors(of: a, via: "lateral").first { $0.node == b }?.edge)
    #expect(throws: DiagramError.self) { try CareerPathDiagram(graph: graph, nodes: [a, c], edges: [ab]) }
    #expect(throws: DiagramError.self) { try CareerPathDiagram(graph: graph, nodes: [a, b, c], edges: [ab]) }
    do {
      _ = try CareerPathDiagram(graph: graph, nodes: [a, c], edges: [ab])
    } catch {
      #expect(
        error.description
          == "cannot draw a career path diagram: step 1: the lateral edge joins role:rocket-chat/backend-engineer "
          + "and role:rocket-chat/frontend-engineer, not role:rocket-chat/backend-engineer and "
          + "role:rocket-chat/sre-engineer")
    }
    #expect(throws: DiagramError.nothingToDraw(style: "career path", reason: "the path has no nodes")) {
      try CareerPathDiagram(graph: graph, nodes: [], edges: [])
    }
  }

  // MARK: - Ids from elsewhere

  @Test func idsFromAnotherGraphAreRefusedNotTrapped() throws {
    let stranger = NodeID(Int32(graph.nodeCount + 10))
    let negative = NodeID(-1)
    let badEdge = EdgeID(type: 999, index: 0)
    let cloud = try node("role:rocket-chat/cloud-engineer")
    #expect(throws: DiagramError.self) { try SubgraphDiagram(graph: graph, nodes: [stranger]) }
    #expect(throws: DiagramError.self) { try OverlapDiagram(graph: graph, compared: [cloud, negative]) }
    #expect(throws: DiagramError.self) { try LadderDiagram(graph: graph, owner: stranger) }
    #expect(throws: DiagramError.self) {
      try CareerPathDiagram(graph: graph, nodes: [cloud, cloud], edges: [badEdge])
    }
    let lateral = Int32(try #require(graph.schema.edgeTypeNumber("lateral")))
    let pastEnd = EdgeID(type: lateral, index: Int32(graph.edgeCount(ofType: "lateral")))
    #expect(throws: DiagramError.self) {
      try CareerPathDiagram(graph: graph, nodes: [cloud, cloud], edges: [pastEnd])
    }
  }

  // MARK: - Overlap

  @Test func overlapPutsSharedCompetenciesInTheMiddle() throws {
    let overlap = try fixtures.overlap().diagram
    #expect(overlap.clusters.map(\.id) == ["own-0", "shared", "own-1"])
    let rows = graph.overlap([
      try node("role:rocket-chat/cloud-engineer"),
      try node("level:octopus-deploy/senior-cloud-security-engineer"),
    ])
    #expect(overlap.clusters[1].nodes.count == rows.filter { $0.sharedBy == 2 }.count)
    #expect(overlap.clusters.map(\.nodes.count).reduce(0, +) == rows.count)
    #expect(
      overlap.caption?.lines.first?.hasPrefix(
        "Similarity 0.3 (Jaccard of required competencies): 13 shared of 44") == true)
    // Proficiencies label the rated edges; unrated ones are dashed.
    let labelled = overlap.edges.filter { $0.label != nil }
    #expect(
      labelled.allSatisfy {
        ["awareness", "foundational", "working", "advanced", "expert"].contains($0.label?.plainText ?? "")
      })
    #expect(overlap.edges.filter { $0.label == nil }.allSatisfy { $0.attributes["style"] == "dashed" })
  }

  @Test func overlapOfThreeListsEveryPairsSimilarity() throws {
    let nodes = try [
      "role:rocket-chat/cloud-engineer", "role:rocket-chat/sre-engineer",
      "level:octopus-deploy/senior-cloud-security-engineer",
    ].map(node)
    let overlap = try OverlapDiagram(graph: graph, compared: nodes).diagram
    let line = try #require(overlap.caption?.lines.first)
    #expect(line.contains("Cloud Engineer – SRE Engineer: 0.17"))
    #expect(line.contains("SRE Engineer – Senior Cloud Security Engineer: 0.19"))
    #expect(overlap.clusters.count == 4)
  }

  @Test func overlapNeedsTwoDifferentNodes() throws {
    let cloud = try node("role:rocket-chat/cloud-engineer")
    #expect(throws: DiagramError.self) { try OverlapDiagram(graph: graph, compared: [cloud, cloud]) }
  }

  // MARK: - Ladder

  /// A level that builds on the one below says so on the promotion ("cumulative"); one that builds on a level
  /// it is not promoted from gets a dashed line of its own, and the legend says what it is.
  @Test func aLadderShowsWhatItsLevelsBuildOn() throws {
    let yaml = """
      orgs:
        - id: org:acme
          name: Acme
      tracks:
        - id: track:acme/eng
          name: Engineering
          part_of: org:acme
          has_level: [level:acme/graduate, level:acme/junior, level:acme/engineer]
      levels:
        - id: level:acme/graduate
          name: Graduate Engineer
          code: L1.0
          rank: 1
          includes: level:acme/junior
          promotes_to: level:acme/engineer
        - id: level:acme/junior
          name: Junior Engineer
          code: L1
          rank: 1
          promotes_to: level:acme/engineer
        - id: level:acme/engineer
          name: Engineer
          code: L2
          rank: 2
          includes: level:acme/junior
      """
    let graph = try GraphLoader.load(files: [
      ("orgraph.yaml", "orgraph: 1\nname: Acme\n"), ("acme.yaml", yaml),
    ])
    let track = try #require(graph.node(withID: "track:acme/eng"))
    let ladder = try LadderDiagram(graph: graph, owner: track).diagram
    #expect(
      ladder.edges.map { "\($0.from) → \($0.to): \($0.label?.plainText ?? "")" }.sorted() == [
        "level:acme/graduate → level:acme/engineer: ",
        "level:acme/graduate → level:acme/junior: builds on",
        "level:acme/junior → level:acme/engineer: cumulative",
      ])
    #expect(ladder.legend?.entries.map(\.text) == ["level", "promotion", "builds on (includes)"])
  }

  @Test func aLadderIsItsLevelsBottomUpWithPromotions() throws {
    let ladder = try fixtures.securityEngineerLadder().diagram
    #expect(ladder.direction == .bottomToTop)
    #expect(
      ladder.clusters.map(\.nodes) == [
        [
          "level:octopus-deploy/security-engineer", "level:octopus-deploy/senior-security-engineer",
          "level:octopus-deploy/security-engineer-technical-lead",
        ]
      ])
    // The Cloud Security Engineer's own level sits beside the track, joined by its promotions.
    let outside = ladder.nodes.filter { $0.styleClass == "external" }.map(\.id)
    #expect(outside == ["level:octopus-deploy/senior-cloud-security-engineer"])
    let label = try #require(ladder.nodes.first?.label.plainText)
    #expect(label.hasPrefix("L2\nSecurity Engineer\nplanning: Current and next cycle."))
  }

  @Test func theRocketChatYForksAfterSenior() throws {
    let y = try fixtures.rocketChatLadders().diagram
    #expect(y.clusters.count == 3)
    let edges = y.edges.map { "\($0.from) -> \($0.to)" }
    #expect(edges.contains("level:rocket-chat/senior -> level:rocket-chat/staff"))
    #expect(edges.contains("level:rocket-chat/senior -> level:rocket-chat/manager"))
    let lateral = try #require(
      y.edges.first { $0.from == "level:rocket-chat/staff" && $0.to == "level:rocket-chat/manager" })
    #expect(lateral.attributes["dir"] == "both", "the two declared moves are drawn as one edge")
    #expect(
      !y.edges.contains { $0.from == "level:rocket-chat/manager" && $0.to == "level:rocket-chat/staff" })
    #expect(y.rankGroups.contains(["level:rocket-chat/staff", "level:rocket-chat/manager"]))
  }

  @Test func aRoleWithoutLevelsHasNoLadder() throws {
    let cloud = try node("role:rocket-chat/cloud-engineer")
    #expect(throws: DiagramError.self) { try LadderDiagram(graph: graph, owner: cloud) }
    do {
      _ = try LadderDiagram(graph: graph, owner: cloud)
    } catch {
      #expect(
        error.description
          == "nothing to draw as a ladder diagram: Cloud Engineer (role) has no levels (`has_level`)")
    }
  }

  @Test func aLevelStandsForItsOwnersLadder() throws {
    let level = try node("level:octopus-deploy/senior-cloud-security-engineer")
    let role = try node("role:octopus-deploy/cloud-security-engineer")
    #expect(try LadderDiagram(graph: graph, owner: level).dot == LadderDiagram(graph: graph, owner: role).dot)
  }

  // MARK: - Subgraph

  @Test func aSubgraphIsBoxedByTeamAndOrganisation() throws {
    let team = try fixtures.cloudTeamWithCompetencies().diagram
    #expect(team.clusters.map(\.id) == ["org:rocket-chat"])
    #expect(team.clusters.first?.clusters.map(\.id) == ["team:rocket-chat/cloud"])
    let inCloud = Set(team.clusters.first?.clusters.first?.nodes ?? [])
    #expect(inCloud.contains("role:rocket-chat/cloud-engineer"))
    #expect(inCloud.contains("value:rocket-chat/speak-up"))
    #expect(!inCloud.contains { $0.hasPrefix("competency:") }, "competencies belong to no organisation")
    let legend = team.legend?.entries.map(\.text) ?? []
    #expect(legend.prefix(5) == ["org", "team", "role", "competency", "value"])
    #expect(legend.contains("requires") && legend.contains("embodies"))
  }

  @Test func aSubgraphHasEveryEdgeBetweenItsNodes() throws {
    let backend = try node("role:rocket-chat/backend-engineer")
    let frontend = try node("role:rocket-chat/frontend-engineer")
    let view = try SubgraphDiagram(graph: graph, nodes: [backend, frontend, backend]).diagram
    #expect(view.nodes.count == 2)
    // Inferred moves both ways are one edge with two heads, labelled with the similarity.
    #expect(view.edges.count == 1)
    #expect(view.edges.first?.attributes["dir"] == "both")
    #expect(view.edges.first?.label?.plainText == "similarity 0.6")
  }

  // MARK: - Size guard

  @Test func tooLargeDiagramsAreRefusedWithAClearMessage() throws {
    let everything = graph.nodes
    #expect(everything.count > DiagramLimits.defaultMaxNodes)
    do {
      _ = try SubgraphDiagram(graph: graph, nodes: everything)
      Issue.record("a \(everything.count)-node diagram was drawn")
    } catch {
      #expect(error == .tooLarge(style: "subgraph", nodes: everything.count, limit: 150))
      #expect(
        error.description == """
          the subgraph diagram would have \(everything.count) nodes, more than the 150 a diagram can show legibly
            = help: narrow the query: a `where` filter, fewer starting nodes, or `| limit 150`
            = help: or draw it anyway with a higher limit or `force` (library: `DiagramLimits(maxNodes: \
          \(everything.count))` or `DiagramLimits(force: true)`)
          """)
    }
    let forced = try SubgraphDiagram(graph: graph, nodes: everything, limits: .forced)
    #expect(forced.diagram.nodes.count == everything.count)
    let raised = try SubgraphDiagram(graph: graph, nodes: everything, limits: DiagramLimits(maxNodes: 500))
    #expect(raised.diagram.nodes.count == everything.count)
    let cloud = try node("role:rocket-chat/cloud-engineer")
    let sre = try node("role:rocket-chat/sre-engineer")
    let size = 2 + graph.overlap([cloud, sre]).count
    #expect(throws: DiagramError.tooLarge(style: "overlap", nodes: size, limit: 10)) {
      try OverlapDiagram(graph: graph, compared: [cloud, sre], limits: DiagramLimits(maxNodes: 10))
    }
    let edge = try #require(graph.neighbors(of: cloud, via: "lateral").first { $0.node == sre }?.edge)
    #expect(throws: DiagramError.tooLarge(style: "career path", nodes: 2, limit: 1)) {
      try CareerPathDiagram(
        graph: graph, nodes: [cloud, sre], edges: [edge], limits: DiagramLimits(maxNodes: 1))
    }
  }
}
