import OrgDiagram
import OrgGraph
import Testing

/// The diagrams of the default graph the tests and the gallery draw.
///
/// (The same file is in Tests/OrgDiagramTests/Support and Tests/OrgRenderTests/Support: test targets
/// cannot share sources.)
public struct Fixtures {
  /// The default graph.
  public let graph: Graph

  /// Loads the default graph.
  public init() throws { graph = try GraphLoader.loadDefault() }

  /// The node with the string id `id`, or a test failure.
  public func node(_ id: String) throws -> NodeID { try #require(graph.node(withID: id), "no node \(id)") }

  /// The shortest path over `promotes_to` and `lateral` from `start` to `goal`, breadth-first, with the
  /// edges that make it; neighbours are tried in edge order, so the path is always the same one.
  public func shortestPath(from start: NodeID, to goal: NodeID) -> (nodes: [NodeID], edges: [EdgeID])? {
    var previous: [NodeID: (NodeID, EdgeID)] = [:]
    var visited: Set<NodeID> = [start]
    var queue = [start]
    var head = 0
    while head < queue.count {
      let node = queue[head]
      head += 1
      if node == goal { break }
      for type in ["promotes_to", "lateral"] {
        for (next, edge) in graph.neighbors(of: node, via: type) where visited.insert(next).inserted {
          previous[next] = (node, edge)
          queue.append(next)
        }
      }
    }
    guard visited.contains(goal) else { return nil }
    var nodes = [goal]
    var edges: [EdgeID] = []
    var current = goal
    while let (before, edge) = previous[current] {
      nodes.append(before)
      edges.append(edge)
      current = before
    }
    return (nodes.reversed(), edges.reversed())
  }

  /// Backend Engineer → … → Senior Cloud Security Engineer.
  public func careerPath() throws -> CareerPathDiagram {
    let start = try node("role:rocket-chat/backend-engineer")
    let goal = try node("level:octopus-deploy/senior-cloud-security-engineer")
    let path = try #require(shortestPath(from: start, to: goal))
    return try CareerPathDiagram(graph: graph, nodes: path.nodes, edges: path.edges)
  }

  /// Cloud Engineer and Senior Cloud Security Engineer.
  public func overlap() throws -> OverlapDiagram {
    try OverlapDiagram(
      graph: graph,
      compared: [
        node("role:rocket-chat/cloud-engineer"), node("level:octopus-deploy/senior-cloud-security-engineer"),
      ])
  }

  /// The Octopus Deploy Security Engineer track.
  public func securityEngineerLadder() throws -> LadderDiagram {
    try LadderDiagram(graph: graph, owner: node("track:octopus-deploy/security-engineer"))
  }

  /// All the Octopus Deploy security ladders: the two tracks and the Cloud Security Engineer role.
  public func octopusLadders() throws -> LadderDiagram {
    try LadderDiagram(
      graph: graph,
      owners: [
        node("track:octopus-deploy/security-analyst"), node("track:octopus-deploy/security-engineer"),
        node("role:octopus-deploy/cloud-security-engineer"),
      ])
  }

  /// The Rocket.Chat engineering career path: a common track forking into two.
  public func rocketChatLadders() throws -> LadderDiagram {
    try LadderDiagram(
      graph: graph,
      owners: [
        node("track:rocket-chat/engineering-common"), node("track:rocket-chat/engineering-ic"),
        node("track:rocket-chat/engineering-management"),
      ])
  }

  /// The Cloud team, its lead, its roles and their values.
  public func cloudTeam() throws -> SubgraphDiagram {
    let team = try node("team:rocket-chat/cloud")
    let roles = graph.neighbors(of: team, via: "in_team", direction: .backward).map(\.node)
    let lead = graph.neighbors(of: team, via: "leads", direction: .backward).map(\.node)
    let values = roles.flatMap { graph.neighbors(of: $0, via: "embodies").map(\.node) }
    return try SubgraphDiagram(graph: graph, nodes: [team] + lead + roles + values)
  }

  /// The Cloud team with its roles' competencies too (the gallery's team view).
  public func cloudTeamWithCompetencies() throws -> SubgraphDiagram {
    let team = try node("team:rocket-chat/cloud")
    let org = try node("org:rocket-chat")
    let roles = graph.neighbors(of: team, via: "in_team", direction: .backward).map(\.node)
    let competencies = roles.flatMap { graph.neighbors(of: $0, via: "requires").map(\.node) }
    let values = roles.flatMap { graph.neighbors(of: $0, via: "embodies").map(\.node) }
    return try SubgraphDiagram(
      graph: graph, nodes: [org, team] + roles + values + competencies,
      title: "The Cloud team: its role, the values it embodies, the competencies it requires")
  }
}
