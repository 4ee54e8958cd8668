import OrgDiagram
import OrgGraph
import Testing

/// Every diagram style on the default graph, as DOT and Mermaid, compared whole with Golden/.
@Suite("Golden diagrams")
struct GoldenDiagramTests {
  let fixtures: Fixtures

  init() throws { fixtures = try Fixtures() }

  static let styles: [(name: String, make: @Sendable (Fixtures) throws -> any DiagramStyle)] = [
    ("career-path", { try $0.careerPath() }),
    ("overlap", { try $0.overlap() }),
    ("ladder-security-engineer", { try $0.securityEngineerLadder() }),
    ("ladder-octopus-security", { try $0.octopusLadders() }),
    ("ladder-rocket-chat", { try $0.rocketChatLadders() }),
    ("subgraph-cloud-team", { try $0.cloudTeam() }),
    ("subgraph-cloud-team-competencies", { try $0.cloudTeamWithCompetencies() }),
  ]

  @Test(arguments: styles.map(\.name))
  func dotAndMermaid(_ name: String) throws {
    let make = try #require(Self.styles.first { $0.name == name }?.make)
    let style = try make(fixtures)
    Golden.check(style.dot, "\(name).dot")
    Golden.check(style.mermaid, "\(name).mmd")
  }

  /// Same input, same bytes: building a style again, in the same process, writes identical text.
  @Test(arguments: styles.map(\.name))
  func deterministic(_ name: String) throws {
    let make = try #require(Self.styles.first { $0.name == name }?.make)
    let first = try make(fixtures)
    for _ in 0..<5 {
      let again = try make(fixtures)
      #expect(again.dot == first.dot)
      #expect(again.mermaid == first.mermaid)
    }
  }

  /// The path the test finds is the one the issue describes: Backend Engineer, lateral moves, Senior Cloud
  /// Security Engineer.
  @Test func careerPathGoesFromBackendToSeniorCloudSecurity() throws {
    let diagram = try fixtures.careerPath().diagram
    #expect(diagram.nodes.first?.id == "role:rocket-chat/backend-engineer")
    #expect(diagram.nodes.last?.id == "level:octopus-deploy/senior-cloud-security-engineer")
    #expect(diagram.direction == .leftToRight)
    #expect(diagram.edges.count == diagram.nodes.count - 1)
    for edge in diagram.edges {
      #expect(edge.attributes["style"] == "dotted", "inferred moves are dotted")
      #expect(edge.label?.plainText.contains("inferred lateral move · similarity 0.") == true)
    }
  }
}
