extension GraphBuilder {
  /// Adds a `requires` edge (origin `derived`) for every competency a role's or level's expectations
  /// express, directly or through the levels it `includes`.
  ///
  /// The proficiency is the highest rated among the expressing edges (none when none is rated); the
  /// evidence lists the expectations, in their order. A declared `requires` for the same pair wins, and takes
  /// the derived evidence (and the derived proficiency, when it names none), so no statement behind it is lost.
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
    // Through `includes`, transitively: each level's whole requirements are worked out once, after those of
    // the levels it includes (depth first, without recursion, so a chain of thousands neither recomputes its
    // tail for every level nor runs out of stack); a level already on the way is skipped, so a loop ends.
    var total = own
    if let includes {
      let includesLists = forwardLists(edges[includes])
      func included(_ owner: Int32) -> [Int32] {
        (includesLists[owner] ?? []).map { edges[includes].to[Int($0)] }
      }
      var done = Set<Int32>()
      var onPath = Set<Int32>()
      for root in includesLists.keys.sorted() where !done.contains(root) {
        var stack: [(node: Int32, next: Int)] = [(root, 0)]
        onPath.insert(root)
        while var top = stack.popLast() {
          let children = included(top.node)
          if top.next < children.count {
            let child = children[top.next]
            top.next += 1
            stack.append(top)
            if !done.contains(child) && onPath.insert(child).inserted { stack.append((child, 0)) }
            continue
          }
          // Every level it includes is done: its requirements are its own and theirs.
          var merged = own[top.node] ?? [:]
          for child in children where done.contains(child) {
            for (target, requirement) in total[child] ?? [:] {
              var current = merged[target, default: Requirement()]
              current.rank = max(current.rank, requirement.rank)
              for e in requirement.evidence where !current.evidence.contains(e) { current.evidence.append(e) }
              merged[target] = current
            }
          }
          if !merged.isEmpty { total[top.node] = merged }
          onPath.remove(top.node)
          done.insert(top.node)
        }
      }
    }
    // Declared requirements win, and keep the statements behind the derived one.
    let proficiency = schema.enumDefinition("proficiency")
    func proficiencyValue(_ rank: Int) -> Value? {
      guard rank > 0, let proficiency, rank <= proficiency.cases.count else { return nil }
      return .enumCase(EnumCase(enumName: "proficiency", name: proficiency.cases[rank - 1], rank: rank))
    }
    var declared = Set<Int64>()
    for i in 0..<edges[requires].count {
      let owner = edges[requires].from[i]
      let target = edges[requires].to[i]
      declared.insert(Int64(owner) << 32 | Int64(target))
      guard let derived = total[owner]?[target] else { continue }
      if edges[requires].value("evidence", at: i) == nil {
        edges[requires].set("evidence", at: i, .nodes(derived.evidence.map(NodeID.init)))
      }
      if edges[requires].value("proficiency", at: i) == nil, let p = proficiencyValue(derived.rank) {
        edges[requires].set("proficiency", at: i, p)
      }
    }
    for owner in total.keys.sorted() {
      guard let requirements = total[owner] else { continue }
      for target in requirements.keys.sorted() {
        guard let requirement = requirements[target],
          !declared.contains(Int64(owner) << 32 | Int64(target))
        else { continue }
        var properties: [String: Value] = ["evidence": .nodes(requirement.evidence.map(NodeID.init))]
        if let p = proficiencyValue(requirement.rank) { properties["proficiency"] = p }
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
    var eligible = [Bool](repeating: false, count: schema.kinds.count)
    for k in lateralDefinition.from where lateralDefinition.to.contains(k) {
      if let n = schema.kindNumber(k) { eligible[n] = true }
    }
    // Required competency sets as compressed rows: node → competencies, competency → requirers.
    let table = edges[requires]
    var froms = Vector<Int32>()
    var tos = Vector<Int32>()
    for i in 0..<table.count where eligible[Int(nodeKinds[Int(table.from[i])])] {
      froms.append(table.from[i])
      tos.append(table.to[i])
    }
    let (mineOffsets, mineTargets, _) = EdgeStore.compress(keys: froms, values: tos, nodeCount: nodeCount)
    let (byOffsets, byTargets, _) = EdgeStore.compress(keys: tos, values: froms, nodeCount: nodeCount)
    guard !mineOffsets.isEmpty else { return }
    /// A node's distinct required competencies.
    func requiredSet(_ node: Int) -> [Int32] {
      var list = Array(mineTargets[Int(mineOffsets[node])..<Int(mineOffsets[node + 1])])
      list.sort()
      var out: [Int32] = []
      out.reserveCapacity(list.count)
      for c in list where out.last != c { out.append(c) }
      return out
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
    // Two levels of one ladder share an owner: kept per level and compared when a pair is found, never
    // expanded into every pair of a ladder's levels (a ladder of 12,500 levels made 78 million pairs).
    var ownersOf: [Int32: [Int32]] = [:]
    if let hasLevel = schema.edgeTypeNumber("has_level") {
      for i in 0..<edges[hasLevel].count {
        let owner = edges[hasLevel].from[i]
        let level = edges[hasLevel].to[i]
        exclude(owner, level)
        ownersOf[level, default: []].append(owner)
      }
    }
    func onOneLadder(_ a: Int32, _ b: Int32) -> Bool {
      guard let first = ownersOf[a], let second = ownersOf[b] else { return false }
      return first.contains { second.contains($0) }
    }
    let inferred = schema.enumCase("inferred", in: "origin").map(Value.enumCase)
    // Dense counters, reset through the list of touched entries: no hashing in the inner loop.
    var sizes = [Int32](repeating: 0, count: nodeCount)
    var sets: [[Int32]] = Array(repeating: [], count: nodeCount)
    for node in 0..<nodeCount where mineOffsets[node + 1] > mineOffsets[node] {
      sets[node] = requiredSet(node)
      sizes[node] = Int32(sets[node].count)
    }
    var shared = [Int32](repeating: 0, count: nodeCount)
    var touched: [Int32] = []
    for a in 0..<Int32(nodeCount) where sizes[Int(a)] > 0 {
      for c in sets[Int(a)] {
        var seenHere: Int32 = -1
        for slot in Int(byOffsets[Int(c)])..<Int(byOffsets[Int(c) + 1]) {
          let b = byTargets[slot]
          // A node listed twice for one competency (a duplicate edge) counts once.
          guard b > a, b != seenHere else { continue }
          seenHere = b
          if shared[Int(b)] == 0 { touched.append(b) }
          shared[Int(b)] += 1
        }
      }
      touched.sort()
      for b in touched {
        let count = Int(shared[Int(b)])
        let score = Double(count) / Double(Int(sizes[Int(a)]) + Int(sizes[Int(b)]) - count)
        guard score >= threshold, !excluded.contains(Int64(a) << 32 | Int64(b)), !onOneLadder(a, b) else {
          continue
        }
        let rounded = (score * 10_000).rounded() / 10_000
        let properties: [String: Value] = [
          "score": .number(rounded), "cost": .number((10_000 - rounded * 10_000).rounded() / 10_000),
          "origin": inferred ?? .string("inferred"),
        ]
        edges[lateral].append(from: a, to: b, properties: properties, range: nil)
        edges[lateral].append(from: b, to: a, properties: properties, range: nil)
      }
      for b in touched { shared[Int(b)] = 0 }
      touched.removeAll(keepingCapacity: true)
    }
  }

  /// Edge positions of a table grouped by source node.
  private func forwardLists(_ table: EdgeTable) -> [Int32: [Int32]] {
    var lists: [Int32: [Int32]] = [:]
    for i in 0..<table.count { lists[table.from[i], default: []].append(Int32(i)) }
    return lists
  }
}
