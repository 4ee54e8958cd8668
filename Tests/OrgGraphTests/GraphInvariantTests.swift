import Foundation
import OrgGraph
import Testing

/// Random graphs of the built-in schema, with edges chosen among the kinds each type allows.
enum RandomGraphs {
  static func make(seed: UInt64, nodes: Int = 300, edges: Int = 1500) throws -> (
    Graph, [(String, String, String)]
  ) {
    var rng = SeededGenerator(seed: seed)
    var builder = GraphBuilder(manifest: GraphManifest(name: "random \(seed)", lateralThreshold: 0.2))
    let schema = builder.schema
    // No `has_level`, `promotes_to` here: they have structural rules tested elsewhere; levels get an owner.
    let kinds = ["org", "team", "role", "expectation", "competency", "value", "person"]
    var byKind: [String: [NodeID]] = [:]
    for i in 0..<nodes {
      let kind = kinds[Int.random(in: 0..<kinds.count, using: &rng)]
      let node = try builder.addNode(kind: kind, id: "\(kind):n\(i)", name: "Node \(i % 50)")
      byKind[kind, default: []].append(node)
    }
    var declared: [(String, String, String)] = []
    let types = schema.edgeTypes.filter {
      !["has_level", "promotes_to", "includes", "requires"].contains($0.name)
    }
    let proficiency = schema.enumDefinition("proficiency")
    for _ in 0..<edges {
      let type = types[Int.random(in: 0..<types.count, using: &rng)]
      let froms = type.from.flatMap { byKind[$0] ?? [] }
      let tos = type.to.flatMap { byKind[$0] ?? [] }
      guard let from = froms.randomElement(using: &rng), let to = tos.randomElement(using: &rng) else {
        continue
      }
      // Hierarchies point from later nodes to earlier ones, so they never loop (G303), and no edge of these
      // types points at its own node (G304).
      if ["part_of", "broader"].contains(type.name), !(to < from) { continue }
      if type.name == "lateral", from == to { continue }
      var properties: [String: Value] = [:]
      if type.property("proficiency") != nil, Bool.random(using: &rng), let proficiency {
        if let c = proficiency.cases.randomElement(using: &rng).flatMap(proficiency.enumCase) {
          properties["proficiency"] = .enumCase(c)
        }
      }
      try builder.addEdge(type.name, from: from, to: to, properties: properties)
      declared.append((type.name, builder.nodeID(from), builder.nodeID(to)))
    }
    return (try builder.build(), declared)
  }
}

extension GraphBuilder {
  func nodeID(_ node: NodeID) -> String { allIDs.first { self.node(withID: $0) == node } ?? "" }
}

@Suite("Graph invariants")
struct GraphInvariantTests {
  @Test func defaultGraphIsSound() throws {
    let graph = try GraphLoader.loadDefault()
    #expect(graph._checkInvariants() == [])
  }

  @Test(arguments: [1, 2, 3, 42, 2026] as [UInt64])
  func randomGraphsAreSound(seed: UInt64) throws {
    let (graph, declared) = try RandomGraphs.make(seed: seed)
    #expect(graph._checkInvariants() == [])
    // Every declared edge is found from both ends.
    for (type, from, to) in declared.prefix(300) {
      let f = try #require(graph.node(withID: from))
      let t = try #require(graph.node(withID: to))
      #expect(graph.neighbors(of: f, via: type, direction: .forward).contains { $0.node == t })
      #expect(graph.neighbors(of: t, via: type, direction: .backward).contains { $0.node == f })
    }
  }

  /// Forward adjacency agrees with a plain scan over edge lists, for every node and type.
  @Test func adjacencyMatchesAPlainScan() throws {
    let (graph, _) = try RandomGraphs.make(seed: 7, nodes: 120, edges: 700)
    for t in 0..<graph.schema.edgeTypes.count {
      let edges = graph.edges(ofType: t)
      for node in graph.nodes {
        let expectedOut = edges.filter { graph.source(of: $0) == node }.map { graph.target(of: $0) }
        let expectedIn = edges.filter { graph.target(of: $0) == node }.map { graph.source(of: $0) }
        #expect(graph.neighbors(of: node, via: t, direction: .forward).map(\.node) == expectedOut)
        #expect(graph.neighbors(of: node, via: t, direction: .backward).map(\.node) == expectedIn)
      }
    }
  }

  /// The invariant checker notices broken storage: a graph whose edge endpoints break the schema cannot be
  /// built, and the checker's CSR comparison reports tampered arrays.
  @Test func builderRefusesEdgesOfTheWrongKinds() throws {
    var builder = GraphBuilder()
    let team = try builder.addNode(kind: "team", id: "team:x", name: "X")
    let value = try builder.addNode(kind: "value", id: "value:y", name: "Y")
    #expect(throws: Diagnostic.self) { try builder.addEdge("requires", from: team, to: value) }
    #expect(throws: Diagnostic.self) { try builder.addNode(kind: "team", id: "team:x", name: "again") }
    #expect(throws: Diagnostic.self) {
      try builder.addNode(kind: "squad", id: "squad:x", name: "unknown kind")
    }
    #expect(throws: Diagnostic.self) {
      try builder.addNode(kind: "level", id: "level:l", name: "L", properties: ["rank": .string("three")])
    }
  }
}
