import Foundation
import OrgGraph
import OrgQuery
import Testing

/// A deliberately simple reference evaluator: plain loops over a list of edges, distances by relaxation.
/// The real engine (CSR adjacency, breadth-first closures, checked plans) must agree with it.
struct ReferenceGraph {
  struct Edge {
    var type: String
    var from: String
    var to: String
    var proficiency: Int  // 0 when unrated
  }

  var nodes: [(id: String, kind: String)] = []
  var edges: [Edge] = []

  func kind(_ id: String) -> String { nodes.first { $0.id == id }?.kind ?? "" }

  /// One hop from each row (duplicates kept), or a closure from the distinct rows.
  func step(
    _ rows: [String], types: [String], direction: String, min: Int, max: Int?, closure: Bool,
    minProficiency: Int?
  ) -> [String] {
    func crossings(_ node: String) -> [String] {
      var out: [String] = []
      for e in edges where types.contains(e.type) && (minProficiency.map { e.proficiency >= $0 } ?? true) {
        if direction != "<-" && e.from == node { out.append(e.to) }
        if direction != "->" && e.to == node { out.append(e.from) }
      }
      return out
    }
    if !closure { return rows.flatMap(crossings) }
    var distance: [String: Int] = [:]
    for r in rows { distance[r] = 0 }
    var changed = true
    while changed {
      changed = false
      for (node, d) in distance where d < 32 {
        for m in crossings(node) where (distance[m] ?? Int.max) > d + 1 {
          distance[m] = d + 1
          changed = true
        }
      }
    }
    return distance.filter { $0.value >= min && $0.value <= (max ?? 32) }.map(\.key)
  }
}

@Suite("Differential: engine vs. reference")
struct DifferentialTests {
  static let scale = ["awareness", "foundational", "working", "advanced", "expert"]

  static func makeGraph(seed: UInt64) throws -> (Graph, ReferenceGraph) {
    var rng = SeededGenerator(seed: seed)
    var builder = GraphBuilder(manifest: GraphManifest(name: "random", lateralThreshold: nil))
    var reference = ReferenceGraph()
    var ids: [String: NodeID] = [:]
    func add(_ kind: String, _ id: String) throws {
      ids[id] = try builder.addNode(kind: kind, id: id, name: id)
      reference.nodes.append((id, kind))
    }
    let roles = (0..<6).map { "role:r\($0)" }
    let levels = (0..<14).map { "level:l\($0)" }
    let competencies = (0..<10).map { "competency:c\($0)" }
    let teams = (0..<3).map { "team:t\($0)" }
    for r in roles { try add("role", r) }
    for l in levels { try add("level", l) }
    for c in competencies { try add("competency", c) }
    for t in teams { try add("team", t) }
    func edge(_ type: String, _ from: String, _ to: String, _ proficiency: Int = 0) throws {
      guard let f = ids[from], let t = ids[to] else { return }
      var properties: [String: Value] = [:]
      if proficiency > 0, let c = Schema.builtIn.enumCase(Self.scale[proficiency - 1], in: "proficiency") {
        properties["proficiency"] = .enumCase(c)
      }
      try builder.addEdge(type, from: f, to: t, properties: properties)
      reference.edges.append(.init(type: type, from: from, to: to, proficiency: proficiency))
    }
    for (i, l) in levels.enumerated() { try edge("has_level", roles[i % roles.count], l) }
    for _ in 0..<14 {
      let a = Int.random(in: 0..<levels.count, using: &rng)
      let b = Int.random(in: 0..<levels.count, using: &rng)
      if a < b { try edge("promotes_to", levels[a], levels[b]) }  // upward only: no cycles
    }
    let movers = roles + levels
    for _ in 0..<16 {
      let from = movers.randomElement(using: &rng) ?? roles[0]
      let to = movers.randomElement(using: &rng) ?? roles[0]
      if from != to { try edge("lateral", from, to) }  // a move to itself is error G304
    }
    for _ in 0..<40 {
      try edge(
        "requires", movers.randomElement(using: &rng) ?? roles[0],
        competencies.randomElement(using: &rng) ?? "",
        Int.random(in: 0...5, using: &rng))
    }
    for r in roles { try edge("in_team", r, teams.randomElement(using: &rng) ?? teams[0]) }
    for _ in 0..<6 {
      let a = Int.random(in: 0..<competencies.count, using: &rng)
      let b = Int.random(in: 0..<competencies.count, using: &rng)
      if a > b { try edge("broader", competencies[a], competencies[b]) }  // downward only: no cycles (G303)
    }
    return (try builder.build(), reference)
  }

  /// A random pipeline and what the reference makes of it; `nil` rows when the reference cannot say.
  static func randomPipeline(_ rng: inout SeededGenerator, _ reference: ReferenceGraph) -> (String, [String])
  {
    let sources = [("roles", "role"), ("levels", "level"), ("competencies", "competency"), ("teams", "team")]
    var text: String
    var rows: [String]
    if Bool.random(using: &rng) {
      let (plural, kind) = sources.randomElement(using: &rng) ?? sources[0]
      text = plural
      rows = reference.nodes.filter { $0.kind == kind }.map(\.id)
    } else {
      let node = reference.nodes.randomElement(using: &rng) ?? reference.nodes[0]
      text = "\(node.kind) \"\(node.id)\""
      rows = [node.id]
    }
    let types = ["has_level", "promotes_to", "lateral", "requires", "in_team", "broader"]
    for _ in 0..<Int.random(in: 1...3, using: &rng) {
      let direction = ["->", "<-", "--"].randomElement(using: &rng) ?? "->"
      var chosen = [types.randomElement(using: &rng) ?? "lateral"]
      if Int.random(in: 0..<4, using: &rng) == 0 {
        chosen.append(types.randomElement(using: &rng) ?? "lateral")
      }
      let quantifiers: [(String, Int, Int?, Bool)] = [
        ("", 1, 1, false), ("", 1, 1, false), ("+", 1, nil, true), ("*", 0, nil, true), ("?", 0, 1, true),
        ("{2}", 2, 2, true), ("{1,3}", 1, 3, true), ("{2,}", 2, nil, true),
      ]
      let (q, min, max, closure) = quantifiers.randomElement(using: &rng) ?? quantifiers[0]
      var minProficiency: Int?
      var filter = ""
      if chosen == ["requires"], Bool.random(using: &rng) {
        let p = Int.random(in: 1...5, using: &rng)
        minProficiency = p
        filter = "[proficiency >= \(scale[p - 1])]"
      }
      let edgeText = chosen.count == 1 ? chosen[0] : "(" + chosen.joined(separator: " | ") + ")"
      text += " \(direction) \(edgeText)\(q)\(filter)"
      rows = reference.step(
        rows, types: chosen, direction: direction, min: min, max: max, closure: closure,
        minProficiency: minProficiency)
    }
    return (text, rows)
  }

  @Test(arguments: [11, 12, 13, 14, 15] as [UInt64])
  func engineAgreesWithReference(seed: UInt64) throws {
    let (graph, reference) = try Self.makeGraph(seed: seed)
    var rng = SeededGenerator(seed: seed &* 7919)
    var session = QuerySession(graph: graph)
    var compared = 0
    for _ in 0..<900 {
      var (text, expected) = Self.randomPipeline(&rng, reference)
      // Sometimes combine with a second pipeline.
      if Int.random(in: 0..<3, using: &rng) == 0 {
        let (other, otherRows) = Self.randomPipeline(&rng, reference)
        let op = ["union", "intersect", "except"].randomElement(using: &rng) ?? "union"
        text += " | \(op) (\(other))"
        let right = Set(otherRows)
        switch op {
        case "union":
          var have = Set(expected)
          for n in otherRows where have.insert(n).inserted { expected.append(n) }
        case "intersect": expected = expected.filter(right.contains)
        default: expected = expected.filter { !right.contains($0) }
        }
      }
      if Int.random(in: 0..<4, using: &rng) == 0 {
        text += " | distinct"
        var seen = Set<String>()
        expected = expected.filter { seen.insert($0).inserted }
      }
      let outcome = session.run(text)
      guard outcome.succeeded, let result = outcome.results.last else {
        // The checker refused a combination that cannot be walked (Q102): never a crash, never a wrong answer.
        #expect(
          outcome.diagnostics.allSatisfy { [.Q102, .Q109].contains($0.code) },
          "\(text): \(outcome.diagnostics)")
        continue
      }
      let actual = result.rowNodes.compactMap { $0.map { graph.id(of: $0) } }
      #expect(actual.sorted() == expected.sorted(), "seed \(seed): \(text)")
      compared += 1
    }
    #expect(compared > 120)
  }
}
