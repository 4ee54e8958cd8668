// Builds a synthetic organisation of the size DESIGN.md plans for and times the core operations.
//
//   swift run -c release orgraph-benchmarks [people] [assessed-per-person]
//
// Defaults: 1,000,000 people with 20 assessed competencies each, 20,000 competencies, 10,000 roles with
// 3 levels each, 30 required competencies per level. Prints one line per measurement; docs/performance.md
// records the results.
import Foundation
import OrgGraph
import OrgQuery

struct Generator: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

func peakMemoryMiB() -> Double {
  guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
  for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
    let kib = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
    return kib / 1024
  }
  return 0
}

@discardableResult
func time<T>(_ label: String, repeat count: Int = 1, _ body: () throws -> T) rethrows -> T {
  var samples: [Double] = []
  var result: T?
  for _ in 0..<count {
    let start = DispatchTime.now().uptimeNanoseconds
    result = try body()
    samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
  }
  samples.sort()
  let median = samples[samples.count / 2]
  print(String(format: "%-52@ %10.2f ms (median of %d)", label as NSString, median, count))
  guard let result else { fatalError("no run") }
  return result
}

let arguments = CommandLine.arguments
let people = arguments.count > 1 ? Int(arguments[1]) ?? 1_000_000 : 1_000_000
let perPerson = arguments.count > 2 ? Int(arguments[2]) ?? 20 : 20
let competencies = 20_000
let roles = 10_000
let levelsPerRole = 3
let requiredPerLevel = 30

var rng = Generator(state: 2026)
let scale = Schema.proficiencyScale.compactMap { Schema.builtIn.enumCase($0, in: "proficiency") }

func node(_ id: String) -> NodeID {
  guard let n = graph.node(withID: id) else { fatalError("the synthetic graph lacks \(id)") }
  return n
}

let builder: GraphBuilder = try time("add nodes and edges to a GraphBuilder") {
  var builder = GraphBuilder(manifest: GraphManifest(name: "synthetic", lateralThreshold: 0.5))
  var competencyIDs: [NodeID] = []
  for c in 0..<competencies {
    competencyIDs.append(
      try builder.addNode(kind: "competency", id: "competency:c\(c)", name: "Competency \(c)"))
  }
  for r in 0..<roles {
    let role = try builder.addNode(kind: "role", id: "role:org/r\(r)", name: "Role \(r)")
    var previous: NodeID?
    for l in 0..<levelsPerRole {
      let level = try builder.addNode(
        kind: "level", id: "level:org/r\(r)-l\(l)", name: "Role \(r) L\(l + 1)",
        properties: ["code": .string("L\(l + 1)"), "rank": .int(l + 1)])
      try builder.addEdge("has_level", from: role, to: level)
      if let previous { try builder.addEdge("promotes_to", from: previous, to: level) }
      previous = level
      let base = Int.random(in: 0..<competencies, using: &rng)
      for k in 0..<requiredPerLevel {
        let c = competencyIDs[(base + k * 7 + Int.random(in: 0..<3, using: &rng)) % competencies]
        try builder.addEdge(
          "requires", from: level, to: c, properties: ["proficiency": .enumCase(scale[min(l + 2, 4)])])
      }
    }
  }
  for p in 0..<people {
    let person = try builder.addNode(kind: "person", id: "person:p\(p)", name: "Person \(p)")
    let base = Int.random(in: 0..<competencies, using: &rng)
    for k in 0..<perPerson {
      try builder.addEdge(
        "assessed", from: person, to: competencyIDs[(base + k * 13) % competencies],
        properties: ["proficiency": .enumCase(scale[Int.random(in: 0..<5, using: &rng)])])
    }
  }
  return builder
}
let graph: Graph = try time("build: check, derive, infer, lay out CSR") { try builder.build() }
print("nodes \(graph.nodeCount), edges \(graph.edgeCount), peak memory \(Int(peakMemoryMiB())) MiB")

// The gap query: a person's assessed competencies against a level's requirements.
let person = node("person:p4242")
let level = node("level:org/r77-l2")
time("gap person → level (20 × 30 edges)", repeat: 101) {
  var have: [NodeID: Int] = [:]
  for (c, e) in graph.neighbors(of: person, via: "assessed") {
    if case .enumCase(let p)? = graph.property("proficiency", of: e) { have[c] = p.rank }
  }
  var missing = 0
  for (c, e) in graph.neighbors(of: level, via: "requires") {
    if case .enumCase(let p)? = graph.property("proficiency", of: e), have[c, default: 0] < p.rank {
      missing += 1
    }
  }
  return missing
}

// Reverse lookup through a high-degree competency: who is assessed advanced or above.
let competency = node("competency:c123")
time("people assessed ≥ advanced in one competency", repeat: 101) {
  graph.neighbors(of: competency, via: "assessed", direction: .backward).filter { _, e in
    if case .enumCase(let p)? = graph.property("proficiency", of: e) { return p.rank >= 4 }
    return false
  }.count
}

// Roles requiring one competency: the `requires` edges stay apart from the thousand `assessed` ones.
time("levels requiring one competency", repeat: 101) {
  graph.neighbors(of: competency, via: "requires", direction: .backward).count
}

// Name lookup.
time("resolve a name (hash index)", repeat: 101) { graph.resolve("Person \(people / 2)", kind: "person") }

// A full breadth-first pass over every assessed edge, both ways, from one person.
time("BFS over assessed edges (both directions)", repeat: 3) {
  guard let assessed = graph.schema.edgeTypeNumber("assessed") else { return 0 }
  var seen = [Bool](repeating: false, count: graph.nodeCount)
  var frontier = [person]
  seen[person.index] = true
  var visited = 1
  while !frontier.isEmpty {
    var next: [NodeID] = []
    for n in frontier {
      for direction in [Direction.forward, .backward] {
        for (m, _) in graph.neighbors(of: n, via: assessed, direction: direction) where !seen[m.index] {
          seen[m.index] = true
          visited += 1
          next.append(m)
        }
      }
    }
    frontier = next
  }
  return visited
}

// The same questions through the query language: parse, check, evaluate.
var session = QuerySession(graph: graph)
time("query: gap person → level (parse, check, run)", repeat: 101) {
  session.run(#"gap from person "Person 4242" to level "Role 77 L3" | where change in [added, raised]"#)
}
time("query: people assessed ≥ advanced in a competency", repeat: 101) {
  session.run(#"competency "Competency 123" <- assessed[proficiency >= advanced] | count"#)
}
time("query: levels requiring a competency", repeat: 101) {
  session.run(#"competency "Competency 123" <- requires | count"#)
}
time("query: fixed cost (a one-node query)", repeat: 101) { session.run(#"competency "Competency 1""#) }
print("peak memory \(Int(peakMemoryMiB())) MiB")
