import Foundation
import OrgGraph

/// A deterministic synthetic organisation, the workload of `orgraph generate` and of the benchmark.
///
/// - S: 50 teams in a `part_of` tree (fan-out 3–6), 500 roles with 5 levels each, 2,000 competencies in
///   areas of 100, 20 values. Each role sits in one team; each team has a home area and each role a pool of
///   about 40 competencies, 70 % from its team's area; each level requires 15–30 of its role's pool at a
///   proficiency near its rank; roles embody 1–3 values, teams 2–4.
/// - M: the same with 500 teams, 5,000 roles, 20,000 competencies.
/// - L: M and 1,000,000 people, each holding one level and assessed on 20 competencies — 15 their level
///   requires (the required proficiency −2 … +1) and 5 at random.
///
/// The same scale and seed give the same bytes.
package struct SyntheticOrganisation {
  /// A size.
  package enum Scale: String, CaseIterable, Sendable {
    case s = "S"
    case m = "M"
    case l = "L"

    var teams: Int { self == .s ? 50 : 500 }
    var roles: Int { self == .s ? 500 : 5_000 }
    var competencies: Int { self == .s ? 2_000 : 20_000 }
    var people: Int { self == .l ? 1_000_000 : 0 }
  }

  static let levelsPerRole = 5
  static let values = 20
  static let areaSize = 100
  static let poolSize = 40
  static let assessedRequired = 15
  static let assessedRandom = 5
  static let proficiencies = Schema.proficiencyScale

  package let scale: Scale
  package let seed: UInt64

  /// `parent[t]`: the team team `t` is part of (-1 for the root, which is part of the organisation).
  var parent: [Int] = []
  var teamArea: [Int] = []
  var roleTeam: [Int] = []
  /// Per level (role × 5 + rank − 1): its required competencies and their proficiency ranks.
  var requires: [[(competency: Int, rank: Int)]] = []
  var roleValues: [[Int]] = []
  var teamValues: [[Int]] = []

  package init(scale: Scale, seed: UInt64 = 1) {
    self.scale = scale
    self.seed = seed
    var rng = SeededGenerator(seed: seed)
    // Teams: a tree grown breadth-first, each parent taking 3–6 children until there are enough.
    parent = [-1]
    var queue = [0]
    var head = 0
    while parent.count < scale.teams {
      let p = queue[head]
      head += 1
      for _ in 0..<rng.next(in: 3...6) where parent.count < scale.teams {
        queue.append(parent.count)
        parent.append(p)
      }
    }
    let areas = scale.competencies / Self.areaSize
    teamArea = (0..<scale.teams).map { _ in rng.next(in: 0...(areas - 1)) }
    teamValues = (0..<scale.teams).map { _ in rng.distinct(rng.next(in: 2...4), from: Self.values) }
    roleTeam = (0..<scale.roles).map { _ in rng.next(in: 0...(scale.teams - 1)) }
    roleValues = (0..<scale.roles).map { _ in rng.distinct(rng.next(in: 1...3), from: Self.values) }
    for r in 0..<scale.roles {
      // The role's pool: 28 from its team's area, 12 from anywhere.
      let area = teamArea[roleTeam[r]]
      let local = Int(Double(Self.poolSize) * 0.7)
      var pool = rng.distinct(local, from: Self.areaSize).map { area * Self.areaSize + $0 }
      while pool.count < Self.poolSize {
        let c = rng.next(in: 0...(scale.competencies - 1))
        if !pool.contains(c) { pool.append(c) }
      }
      for rank in 1...Self.levelsPerRole {
        let chosen = rng.distinct(rng.next(in: 15...30), from: pool.count).sorted()
        requires.append(
          chosen.map { i in (pool[i], min(max(rank + rng.next(in: -1...1), 1), Self.proficiencies.count)) })
      }
    }
  }

  // MARK: - Ids and names

  static func teamID(_ t: Int) -> String { "team:t\(t)" }
  static func roleID(_ r: Int) -> String { "role:r\(r)" }
  static func levelID(_ l: Int) -> String { "level:r\(l / levelsPerRole)-\(l % levelsPerRole + 1)" }
  static func competencyID(_ c: Int) -> String { "competency:c\(c)" }
  static func valueID(_ v: Int) -> String { "value:v\(v)" }
  static func personID(_ p: Int) -> String { "person:p\(p)" }
  static func levelName(_ l: Int) -> String { "Role \(l / levelsPerRole) L\(l % levelsPerRole + 1)" }

  var levelCount: Int { scale.roles * Self.levelsPerRole }

  // MARK: - Writing

  /// What `write` produced.
  package struct Summary: Sendable {
    /// Files written, relative to the output folder, with their sizes in bytes.
    package var files: [(path: String, bytes: Int)] = []
    package var nodes = 0
    package var edges = 0

    package init() {}
  }

  /// Writes the CSV tables, the manifest and `benchmark.json` into `folder/csv`, and for S a YAML Graph
  /// folder into `folder/yaml`. `progress` hears each file as it is finished.
  package func write(to folder: URL, progress: (String) -> Void = { _ in }) throws -> Summary {
    var summary = Summary()
    let csv = folder.appending(path: "csv")
    try FileManager.default.createDirectory(at: csv, withIntermediateDirectories: true)
    func table(_ name: String, _ header: String, rows: Int, _ row: (Int, inout TextBuffer) -> Void) throws {
      var buffer = try TextBuffer(path: csv.appending(path: name).path)
      buffer.append(header)
      buffer.append("\n")
      for i in 0..<rows { row(i, &buffer) }
      let bytes = try buffer.close()
      summary.files.append(("csv/" + name, bytes))
      progress("csv/" + name)
    }
    let levels = levelCount
    let areas = scale.competencies / Self.areaSize
    try table("orgs.csv", "id,name", rows: 1) { _, b in b.append("org:synthetic,Synthetic Org\n") }
    try table("teams.csv", "id,name", rows: scale.teams) { t, b in b.line(Self.teamID(t), "Team \(t)") }
    try table("roles.csv", "id,name", rows: scale.roles) { r, b in b.line(Self.roleID(r), "Role \(r)") }
    try table("levels.csv", "id,name,code,rank", rows: levels) { l, b in
      b.line(
        Self.levelID(l), Self.levelName(l), "L\(l % Self.levelsPerRole + 1)", "\(l % Self.levelsPerRole + 1)")
    }
    try table("competencies.csv", "id,name,area", rows: scale.competencies) { c, b in
      b.line(Self.competencyID(c), "Competency \(c)", "Area \(c / Self.areaSize)")
    }
    try table("values.csv", "id,name", rows: Self.values) { v, b in b.line(Self.valueID(v), "Value \(v)") }
    try table("part_of.csv", "from,to", rows: scale.teams) { t, b in
      b.line(Self.teamID(t), parent[t] < 0 ? "org:synthetic" : Self.teamID(parent[t]))
    }
    try table("in_team.csv", "from,to", rows: scale.roles) { r, b in
      b.line(Self.roleID(r), Self.teamID(roleTeam[r]))
    }
    try table("has_level.csv", "from,to", rows: levels) { l, b in
      b.line(Self.roleID(l / Self.levelsPerRole), Self.levelID(l))
    }
    let promotions = (0..<levels).filter { $0 % Self.levelsPerRole != Self.levelsPerRole - 1 }
    try table("promotes_to.csv", "from,to", rows: promotions.count) { i, b in
      b.line(Self.levelID(promotions[i]), Self.levelID(promotions[i] + 1))
    }
    try table("requires.csv", "from,to,proficiency", rows: levels) { l, b in
      for (c, rank) in requires[l] {
        b.line(Self.levelID(l), Self.competencyID(c), Self.proficiencies[rank - 1])
      }
    }
    try table("embodies.csv", "from,to", rows: scale.teams + scale.roles) { i, b in
      if i < scale.teams {
        for v in teamValues[i] { b.line(Self.teamID(i), Self.valueID(v)) }
      } else {
        for v in roleValues[i - scale.teams] { b.line(Self.roleID(i - scale.teams), Self.valueID(v)) }
      }
    }
    summary.nodes = 1 + scale.teams + scale.roles + levels + scale.competencies + Self.values
    summary.edges =
      scale.teams + scale.roles + levels + promotions.count + requires.reduce(0) { $0 + $1.count }
      + teamValues.reduce(0) { $0 + $1.count } + roleValues.reduce(0) { $0 + $1.count }
    if scale.people > 0 {
      // People: drawn in order from their own generator, so that the framework above does not depend on them.
      var rng = SeededGenerator(seed: seed &+ 0x5EED)
      var held = [Int](repeating: 0, count: scale.people)
      for p in 0..<scale.people { held[p] = rng.next(in: 0...(levels - 1)) }
      try table("people.csv", "id,name", rows: scale.people) { p, b in b.line(Self.personID(p), "Person \(p)")
      }
      try table("holds.csv", "from,to", rows: scale.people) { p, b in
        b.line(Self.personID(p), Self.levelID(held[p]))
      }
      try table("assessed.csv", "from,to,proficiency", rows: scale.people) { p, b in
        let required = requires[held[p]]
        let picked = rng.distinct(Self.assessedRequired, from: required.count)
        var seen = Set(picked.map { required[$0].competency })
        let person = Self.personID(p)
        for i in picked {
          let rank = min(max(required[i].rank + rng.next(in: -2...1), 1), Self.proficiencies.count)
          b.line(person, Self.competencyID(required[i].competency), Self.proficiencies[rank - 1])
        }
        var extra = 0
        while extra < Self.assessedRandom {
          let c = rng.next(in: 0...(scale.competencies - 1))
          guard seen.insert(c).inserted else { continue }
          b.line(person, Self.competencyID(c), Self.proficiencies[rng.next(in: 0...4)])
          extra += 1
        }
      }
      summary.nodes += scale.people
      summary.edges += scale.people * (1 + Self.assessedRequired + Self.assessedRandom)
    }
    let manifest = """
      # A synthetic organisation written by `orgraph generate --scale \(scale.rawValue) --seed \(seed)`.
      orgraph: 1
      name: Synthetic organisation (\(scale.rawValue), seed \(seed))
      description: >-
        \(scale.teams) teams, \(scale.roles) roles with 5 levels each, \(scale.competencies) competencies in \(areas) areas,
        \(Self.values) values\(scale.people > 0 ? ", \(scale.people) people with their levels and assessments" : "").
      inference:
        lateral_threshold: off

      """
    try manifest.write(to: csv.appending(path: "orgraph.yaml"), atomically: true, encoding: .utf8)
    summary.files.append(("csv/orgraph.yaml", manifest.utf8.count))
    let parameters = benchmarkParameters()
    let json = try JSONSerialization.data(withJSONObject: parameters, options: [.prettyPrinted, .sortedKeys])
    try json.write(to: folder.appending(path: "benchmark.json"))
    summary.files.append(("benchmark.json", json.count))
    if scale == .s {
      let yaml = folder.appending(path: "yaml")
      try FileManager.default.createDirectory(at: yaml, withIntermediateDirectories: true)
      try manifest.write(to: yaml.appending(path: "orgraph.yaml"), atomically: true, encoding: .utf8)
      let framework = yamlFramework()
      try framework.write(to: yaml.appending(path: "framework.yaml"), atomically: true, encoding: .utf8)
      summary.files.append(("yaml/orgraph.yaml", manifest.utf8.count))
      summary.files.append(("yaml/framework.yaml", framework.utf8.count))
      progress("yaml/framework.yaml")
    }
    return summary
  }

  /// The whole framework as one YAML data file (S only: people stay in tables).
  func yamlFramework() -> String {
    var out = "orgs:\n  - id: org:synthetic\n    name: Synthetic Org\n\nteams:\n"
    for t in 0..<scale.teams {
      out += "  - id: \(Self.teamID(t))\n    name: Team \(t)\n"
      out += "    part_of: \(parent[t] < 0 ? "org:synthetic" : Self.teamID(parent[t]))\n"
      out += "    embodies: [\(teamValues[t].map(Self.valueID).joined(separator: ", "))]\n"
    }
    out += "\nroles:\n"
    for r in 0..<scale.roles {
      out += "  - id: \(Self.roleID(r))\n    name: Role \(r)\n    in_team: \(Self.teamID(roleTeam[r]))\n"
      let levels = (0..<Self.levelsPerRole).map { Self.levelID(r * Self.levelsPerRole + $0) }
      out += "    has_level: [\(levels.joined(separator: ", "))]\n"
      out += "    embodies: [\(roleValues[r].map(Self.valueID).joined(separator: ", "))]\n"
    }
    out += "\nlevels:\n"
    for l in 0..<levelCount {
      let rank = l % Self.levelsPerRole + 1
      out +=
        "  - id: \(Self.levelID(l))\n    name: \(Self.levelName(l))\n    code: L\(rank)\n    rank: \(rank)\n"
      if rank < Self.levelsPerRole { out += "    promotes_to: \(Self.levelID(l + 1))\n" }
      out += "    requires:\n"
      for (c, p) in requires[l] {
        out += "      - to: \(Self.competencyID(c))\n        proficiency: \(Self.proficiencies[p - 1])\n"
      }
    }
    out += "\ncompetencies:\n"
    for c in 0..<scale.competencies {
      out +=
        "  - id: \(Self.competencyID(c))\n    name: Competency \(c)\n    area: Area \(c / Self.areaSize)\n"
    }
    out += "\nvalues:\n"
    for v in 0..<Self.values { out += "  - id: \(Self.valueID(v))\n    name: Value \(v)\n" }
    return out
  }

  // MARK: - Benchmark parameters

  /// The parameters of the benchmark's queries: fixed choices, and the farthest pair of levels found by a
  /// double sweep over `promotes_to` and `requires` walked either way.
  package func benchmarkParameters() -> [String: Any] {
    let levels = levelCount
    // Undirected adjacency over levels (0..<levels) and competencies (levels...).
    var neighbours = [[Int32]](repeating: [], count: levels + scale.competencies)
    for l in 0..<levels {
      if l % Self.levelsPerRole != Self.levelsPerRole - 1 {
        neighbours[l].append(Int32(l + 1))
        neighbours[l + 1].append(Int32(l))
      }
      for (c, _) in requires[l] {
        neighbours[l].append(Int32(levels + c))
        neighbours[levels + c].append(Int32(l))
      }
    }
    func farthestLevel(from start: Int) -> Int {
      var distance = [Int32](repeating: -1, count: neighbours.count)
      distance[start] = 0
      var frontier = [start]
      var best = start
      while !frontier.isEmpty {
        var next: [Int] = []
        for n in frontier {
          for m in neighbours[n] where distance[Int(m)] < 0 {
            distance[Int(m)] = distance[n] + 1
            next.append(Int(m))
            if Int(m) < levels
              && (distance[Int(m)] > distance[best] || (distance[Int(m)] == distance[best] && Int(m) < best))
            {
              best = Int(m)
            }
          }
        }
        frontier = next
      }
      return best
    }
    let a = farthestLevel(from: 0)
    let b = farthestLevel(from: a)
    var parameters: [String: Any] = [
      "scale": scale.rawValue,
      "seed": seed,
      "q1_team": Self.teamID(1),
      "q2_level": Self.levelID(4),
      "q3_role": Self.roleID(0),
      "q4_near": [Self.levelID(0), Self.levelID(2)],
      "q4_far": [Self.levelID(min(a, b)), Self.levelID(max(a, b))],
      "q5_team": Self.teamID(1),
      "q7_from": Self.levelID(2),
      "q7_to": Self.levelID(Self.levelsPerRole + 3),
    ]
    if scale.people > 0 { parameters["q6_competency"] = Self.competencyID(requires[4][0].competency) }
    return parameters
  }
}

/// SplitMix64: small, fast, and the same everywhere — the one seeded generator of the package (the synthetic
/// organisations and the tests' random inputs), so a run can be replayed from its seed.
package struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  /// A generator starting from `seed`.
  package init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  package mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in `range`, without modulo bias worth measuring at these sizes.
  package mutating func next(in range: ClosedRange<Int>) -> Int {
    range.lowerBound + Int(next() % UInt64(range.count))
  }

  /// `count` distinct numbers below `limit`, in the order drawn.
  package mutating func distinct(_ count: Int, from limit: Int) -> [Int] {
    var out: [Int] = []
    out.reserveCapacity(count)
    while out.count < min(count, limit) {
      let n = next(in: 0...(limit - 1))
      if !out.contains(n) { out.append(n) }
    }
    return out
  }
}

/// Text written to a file through a buffer, a few megabytes at a time.
struct TextBuffer {
  let handle: FileHandle
  var bytes: [UInt8] = []
  var written = 0

  init(path: String) throws {
    guard FileManager.default.createFile(atPath: path, contents: nil),
      let handle = FileHandle(forWritingAtPath: path)
    else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path]) }
    self.handle = handle
    bytes.reserveCapacity(1 << 22)
  }

  mutating func append(_ text: String) {
    bytes.append(contentsOf: text.utf8)
    if bytes.count >= 1 << 22 { flush() }
  }

  /// One CSV row of fields that need no quoting.
  mutating func line(_ fields: String...) {
    for (i, field) in fields.enumerated() {
      if i > 0 { bytes.append(44) }
      bytes.append(contentsOf: field.utf8)
    }
    bytes.append(10)
    if bytes.count >= 1 << 22 { flush() }
  }

  mutating func flush() {
    handle.write(Data(bytes))
    written += bytes.count
    bytes.removeAll(keepingCapacity: true)
  }

  mutating func close() throws -> Int {
    flush()
    try handle.close()
    return written
  }
}
