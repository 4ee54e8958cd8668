extension GraphBuilder {
  /// Adds a `requires` edge (origin `derived`) for every competency a role's or level's expectations
  /// express, directly or through the levels it `includes`.
  ///
  /// The proficiency is the highest rated among the expressing edges (none when none is rated); the
  /// evidence lists the expectations, in their order. A declared `requires` for the same pair wins.
  mutating func deriveRequirements() {
    guard let expects = schema.edgeTypeNumber("expects"),
      let expresses = schema.edgeTypeNumber("expresses"),
      let requires = schema.edgeTypeNumber("requires"),
      let competency = schema.kindNumber("competency")
    else { return }
    let includes = schema.edgeTypeNumber("includes")
    let derived = schema.enumCase("derived", in: "origin").map(Value.enumCase)

    struct Requirement {
      var rank = 0
      var evidence: [Int32] = []
    }
    // Own requirements: expects ∘ expresses.
    let expressesByExpectation = forwardLists(edges[expresses])
    var own: [Int32: [Int32: Requirement]] = [:]
    let expectsTable = edges[expects]
    for e in 0..<expectsTable.count {
      let owner = expectsTable.from[e]
      let expectation = expectsTable.to[e]
      for edge in expressesByExpectation[expectation] ?? [] {
        let target = edges[expresses].to[Int(edge)]
        guard Int(nodeKinds[Int(target)]) == competency else { continue }
        var rank = 0
        if case .enumCase(let c)? = edges[expresses].value("proficiency", at: Int(edge)) { rank = c.rank }
        var requirement = own[owner, default: [:]][target, default: Requirement()]
        requirement.rank = max(requirement.rank, rank)
        if !requirement.evidence.contains(expectation) { requirement.evidence.append(expectation) }
        own[owner, default: [:]][target] = requirement
      }
    }
    // Through `includes`, transitively, guarding against loops.
    var total = own
    if let includes {
      let includesLists = forwardLists(edges[includes])
      let owners = Set(includesLists.keys)
      for owner in owners.sorted() {
        var visited: Set<Int32> = [owner]
        var queue = (includesLists[owner] ?? []).map { edges[includes].to[Int($0)] }
        var merged = total[owner] ?? [:]
        while let next = queue.first {
          queue.removeFirst()
          guard visited.insert(next).inserted else { continue }
          for (target, requirement) in own[next] ?? [:] {
            var current = merged[target, default: Requirement()]
            current.rank = max(current.rank, requirement.rank)
            for e in requirement.evidence where !current.evidence.contains(e) { current.evidence.append(e) }
            merged[target] = current
          }
          queue.append(contentsOf: (includesLists[next] ?? []).map { edges[includes].to[Int($0)] })
        }
        if !merged.isEmpty { total[owner] = merged }
      }
    }
    // Declared requirements win.
    var declared = Set<Int64>()
    for i in 0..<edges[requires].count {
      declared.insert(Int64(edges[requires].from[i]) << 32 | Int64(edges[requires].to[i]))
    }
    let proficiency = schema.enumDefinition("proficiency")
    for owner in total.keys.sorted() {
      guard let requirements = total[owner] else { continue }
      for target in requirements.keys.sorted() {
        guard let requirement = requirements[target],
          !declared.contains(Int64(owner) << 32 | Int64(target))
        else { continue }
        var properties: [String: Value] = ["evidence": .nodes(requirement.evidence.map(NodeID.init))]
        if requirement.rank > 0, let proficiency, requirement.rank <= proficiency.cases.count {
          properties["proficiency"] = .enumCase(
            EnumCase(
              enumName: "proficiency", name: proficiency.cases[requirement.rank - 1], rank: requirement.rank))
        }
        properties["origin"] = derived
        edges[requires].append(from: owner, to: target, properties: properties, range: nil)
      }
    }
  }

  /// Adds a `lateral` edge each way (origin `inferred`) between roles or levels whose required competencies
  /// have a Jaccard similarity at or above the manifest's threshold.
  ///
  /// Pairs on one ladder (a role and its level, two levels of one role or track, levels linked by
  /// `promotes_to` or `includes`) and pairs already linked by a declared `lateral` are skipped. The
  /// similarity is counted through an inverted index (competency → requirers), so the cost grows with the
  /// number of shared requirements, not with the square of the number of roles.
  mutating func inferLateralMoves() {
    guard let threshold = manifest.lateralThreshold,
      let lateral = schema.edgeTypeNumber("lateral"),
      let requires = schema.edgeTypeNumber("requires")
    else { return }
    let lateralDefinition = schema.edgeTypes[lateral]
    let eligibleKinds = Set(
      lateralDefinition.from.filter(lateralDefinition.to.contains).compactMap(schema.kindNumber))
    // Required competency sets.
    var required: [Int32: Set<Int32>] = [:]
    let table = edges[requires]
    for i in 0..<table.count where eligibleKinds.contains(Int(nodeKinds[Int(table.from[i])])) {
      required[table.from[i], default: []].insert(table.to[i])
    }
    var requirers: [Int32: [Int32]] = [:]
    for (node, competencies) in required {
      for c in competencies { requirers[c, default: []].append(node) }
    }
    // Pairs that must not get an inferred move.
    var excluded = Set<Int64>()
    func exclude(_ a: Int32, _ b: Int32) {
      excluded.insert(Int64(a) << 32 | Int64(b))
      excluded.insert(Int64(b) << 32 | Int64(a))
    }
    for name in ["promotes_to", "includes", "lateral"] {
      guard let t = schema.edgeTypeNumber(name) else { continue }
      for i in 0..<edges[t].count { exclude(edges[t].from[i], edges[t].to[i]) }
    }
    if let hasLevel = schema.edgeTypeNumber("has_level") {
      var levelsOf: [Int32: [Int32]] = [:]
      for i in 0..<edges[hasLevel].count {
        let owner = edges[hasLevel].from[i]
        let level = edges[hasLevel].to[i]
        exclude(owner, level)
        levelsOf[owner, default: []].append(level)
      }
      for levels in levelsOf.values where levels.count > 1 {
        for a in levels { for b in levels where a < b { exclude(a, b) } }
      }
    }
    let inferred = schema.enumCase("inferred", in: "origin").map(Value.enumCase)
    for a in required.keys.sorted() {
      guard let mine = required[a] else { continue }
      var shared: [Int32: Int] = [:]
      for c in mine { for b in requirers[c] ?? [] where b > a { shared[b, default: 0] += 1 } }
      for b in shared.keys.sorted() {
        guard let count = shared[b], let theirs = required[b] else { continue }
        let score = Double(count) / Double(mine.count + theirs.count - count)
        guard score >= threshold, !excluded.contains(Int64(a) << 32 | Int64(b)) else { continue }
        let rounded = (score * 10_000).rounded() / 10_000
        let properties: [String: Value] = [
          "score": .number(rounded), "cost": .number((10_000 - rounded * 10_000).rounded() / 10_000),
          "origin": inferred ?? .string("inferred"),
        ]
        edges[lateral].append(from: a, to: b, properties: properties, range: nil)
        edges[lateral].append(from: b, to: a, properties: properties, range: nil)
      }
    }
  }

  /// Edge positions of a table grouped by source node.
  private func forwardLists(_ table: EdgeTable) -> [Int32: [Int32]] {
    var lists: [Int32: [Int32]] = [:]
    for i in 0..<table.count { lists[table.from[i], default: []].append(Int32(i)) }
    return lists
  }
}
