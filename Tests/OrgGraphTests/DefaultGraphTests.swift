import Foundation
import OrgGraph
import Testing

/// What the default graph must answer, as a person reading the seed documents expects.
@Suite("Default graph")
struct DefaultGraphTests {
  let graph: Graph

  init() throws { graph = try GraphLoader.loadDefault() }

  func node(_ id: String) throws -> NodeID { try #require(graph.node(withID: id), "no node \(id)") }

  func names(_ nodes: some Sequence<NodeID>) -> [String] { nodes.map { graph.name(of: $0) }.sorted() }

  @Test func organisationsRolesAndLevels() throws {
    #expect(names(graph.nodes(ofKind: "org")) == ["Octopus Deploy", "Rocket.Chat"])
    #expect(
      names(graph.nodes(ofKind: "role")) == [
        "Backend Engineer", "Cloud Engineer", "Cloud Security Engineer", "Frontend Engineer", "SRE Engineer",
      ])
    let level = try node("level:octopus-deploy/senior-cloud-security-engineer")
    #expect(graph.name(of: level) == "Senior Cloud Security Engineer")
    #expect(graph.property("code", of: level) == .string("L3"))
    #expect(graph.property("planning_horizon", of: level) == .string("Current and next cycle."))
    #expect(graph.property("impact_radius", of: level) == .string("Peers (2-5)."))
    #expect(graph.property("evaluation", of: level) == .string("Manager."))
    #expect(
      graph.property("direction_needed", of: level)
        == .string("Takes vertical slices of larger products from idea to production."))
    let role = try node("role:octopus-deploy/cloud-security-engineer")
    #expect(graph.neighbors(of: role, via: "has_level").map(\.node) == [level])
    #expect(graph.nodes(ofKind: "competency").count >= 30)
  }

  @Test func theCloudAreaAndItsLead() throws {
    let cloud = try node("team:rocket-chat/cloud")
    #expect(
      names(graph.neighbors(of: cloud, via: "leads", direction: .backward).map(\.node)) == ["Aaron Ogle"])
    #expect(
      names(graph.neighbors(of: cloud, via: "in_team", direction: .backward).map(\.node)) == [
        "Cloud Engineer"
      ])
    let cloudEngineer = try node("role:rocket-chat/cloud-engineer")
    #expect(graph.neighbors(of: cloudEngineer, via: "embodies").count == 8)
  }

  /// "Infrastructure as code", written three ways in three documents, is one competency required by all three.
  @Test func infrastructureAsCodeIsOneCompetency() throws {
    let iac = try node("competency:infrastructure-as-code")
    let requirers = names(graph.neighbors(of: iac, via: "requires", direction: .backward).map(\.node))
    #expect(requirers.contains("Cloud Engineer"))
    #expect(requirers.contains("SRE Engineer"))
    #expect(requirers.contains("Senior Cloud Security Engineer"))
    // The requirement keeps the sentences it comes from.
    for (_, edge) in graph.neighbors(of: iac, via: "requires", direction: .backward) {
      guard case .nodes(let evidence)? = graph.property("evidence", of: edge) else { continue }
      #expect(!evidence.isEmpty)
      #expect(evidence.allSatisfy { graph.kind(of: $0).name == "expectation" })
      #expect(graph.origin(of: edge) == "derived")
    }
  }

  @Test func kubernetesByNameAndAlias() throws {
    #expect(graph.resolve("k8s", kind: "competency") == .found(try node("competency:kubernetes")))
    #expect(graph.resolve("KUBERNETES", kind: "competency") == .found(try node("competency:kubernetes")))
    let requirements = graph.neighbors(
      of: try node("competency:kubernetes"), via: "requires", direction: .backward)
    let cloudEngineer = try node("role:rocket-chat/cloud-engineer")
    let edge = try #require(requirements.first { $0.node == cloudEngineer }?.edge)
    #expect(graph.property("proficiency", of: edge).map(\.displayText) == "expert")
  }

  /// Every seed role has an inferred lateral move, and inferred moves go both ways with a score.
  @Test func everySeedRoleHasAnInferredMove() throws {
    for id in [
      "role:rocket-chat/cloud-engineer", "role:rocket-chat/backend-engineer",
      "role:rocket-chat/frontend-engineer",
      "role:rocket-chat/sre-engineer", "level:octopus-deploy/senior-cloud-security-engineer",
    ] {
      let moves = graph.neighbors(of: try node(id), via: "lateral").filter {
        graph.origin(of: $0.edge) == "inferred"
      }
      #expect(!moves.isEmpty, "\(id) has no inferred lateral move")
      for (other, edge) in moves {
        let back = graph.neighbors(of: other, via: "lateral").first { $0.node == (try? node(id)) }
        #expect(back != nil, "inferred move \(id) → \(graph.id(of: other)) has no way back")
        #expect(graph.property("score", of: edge) != nil)
      }
    }
  }

  /// Backend Engineer reaches Senior Cloud Security Engineer through promotions and lateral moves.
  @Test func backendEngineerCanReachSeniorCloudSecurityEngineer() throws {
    let start = try node("role:rocket-chat/backend-engineer")
    let goal = try node("level:octopus-deploy/senior-cloud-security-engineer")
    var seen: Set<NodeID> = [start]
    var frontier = [start]
    while !frontier.isEmpty, !seen.contains(goal) {
      var next: [NodeID] = []
      for n in frontier {
        for type in ["promotes_to", "lateral"] {
          for (m, _) in graph.neighbors(of: n, via: type) where seen.insert(m).inserted { next.append(m) }
        }
      }
      frontier = next
    }
    #expect(seen.contains(goal))
  }

  @Test func ladders() throws {
    let track = try node("track:octopus-deploy/security-analyst")
    let levels = graph.neighbors(of: track, via: "has_level").map(\.node)
    #expect(levels.compactMap { graph.property("code", of: $0)?.displayText } == ["L1", "L2", "L3", "L4"])
    // The Rocket.Chat Y: Senior leads to both Staff and Manager.
    let senior = try #require(
      graph.nodes(ofKind: "level").first {
        graph.name(of: $0) == "Senior" && graph.id(of: $0).hasPrefix("level:rocket-chat")
      })
    #expect(names(graph.neighbors(of: senior, via: "promotes_to").map(\.node)) == ["Manager", "Staff"])
    // Ladder levels beyond the seed carry structure, never invented statements.
    for level in graph.nodes(ofKind: "level")
    where level != (try node("level:octopus-deploy/senior-cloud-security-engineer")) {
      #expect(graph.neighbors(of: level, via: "expects").isEmpty, "\(graph.id(of: level)) has statements")
    }
  }

  /// The embedded default graph is the Graph/ folder of this checkout.
  @Test func embeddedGraphMatchesTheFolder() throws {
    let folder = try GraphLoader.load(path: Paths.graph.path)
    #expect(folder.exportJSON() == graph.exportJSON())
  }
}
