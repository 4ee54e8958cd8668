extension Graph {
  /// Checks the graph's internal consistency and returns every violation found (none for a sound graph).
  ///
  /// Forward and reverse adjacency hold exactly the edges of each type, every edge's endpoints have kinds
  /// its type allows, offsets are monotone, and the id and name indexes agree with the nodes. Cheap enough
  /// for tests to run on every graph they build.
  public func _checkInvariants() -> [String] {
    var problems: [String] = []
    if nodeKinds.count != nodeIDs.count || nodeNames.count != nodeIDs.count
      || nodeLocal.count != nodeIDs.count
    {
      problems.append("node arrays have different lengths")
      return problems
    }
    var indexed = 0
    for slot in idIndex.slots where slot >= 0 {
      indexed += 1
      if slot >= nodeCount { problems.append("id index names #\(slot), past the last node") }
    }
    if indexed != nodeIDs.count { problems.append("id index has \(indexed) of \(nodeIDs.count) ids") }
    for node in 0..<nodeCount where lookupID(nodeIDs[node]) != NodeID(Int32(node)) {
      problems.append("id index misses \(nodeIDs[node])")
    }
    for (k, members) in kindMembers.enumerated() {
      for (i, node) in members.enumerated()
      where Int(nodeKinds[node.index]) != k || Int(nodeLocal[node.index]) != i {
        problems.append("kind list \(k) holds #\(node.rawValue) at \(i) wrongly")
      }
    }
    for node in 0..<nodeCount
    where !lookupName(nodeNames[node].lowercased()).contains(NodeID(Int32(node))) {
      problems.append("name index misses \(nodeIDs[node])")
    }
    for (t, store) in edgeStores.enumerated() {
      let definition = schema.edgeTypes[t]
      let allowedFrom = Set(definition.from.compactMap(schema.kindNumber))
      let allowedTo = Set(definition.to.compactMap(schema.kindNumber))
      for e in 0..<store.count {
        let f = Int(store.from[e])
        let to = Int(store.to[e])
        guard f >= 0, f < nodeCount, to >= 0, to < nodeCount else {
          problems.append("\(definition.name) edge \(e) has an endpoint out of range")
          continue
        }
        if !allowedFrom.contains(Int(nodeKinds[f])) {
          problems.append("\(definition.name) edge \(e) leaves a \(schema.kinds[Int(nodeKinds[f])].name)")
        }
        if !allowedTo.contains(Int(nodeKinds[to])) {
          problems.append("\(definition.name) edge \(e) enters a \(schema.kinds[Int(nodeKinds[to])].name)")
        }
      }
      for c in store.columns.compactMap({ $0 }) where c.count != store.count {
        problems.append("\(definition.name) has a property column of \(c.count) for \(store.count) edges")
      }
      problems += checkCSR(
        name: "\(definition.name) forward", offsets: store.forwardOffsets, others: store.forwardTargets,
        edges: store.forwardEdges, keys: store.from, values: store.to)
      problems += checkCSR(
        name: "\(definition.name) reverse", offsets: store.reverseOffsets, others: store.reverseTargets,
        edges: store.reverseEdges, keys: store.to, values: store.from)
    }
    return problems
  }

  private func checkCSR(
    name: String, offsets: Vector<Int32>, others: Vector<Int32>, edges: Vector<Int32>, keys: Vector<Int32>,
    values: Vector<Int32>
  ) -> [String] {
    if keys.isEmpty { return offsets.isEmpty && others.isEmpty ? [] : ["\(name): arrays for no edges"] }
    // Edges stored in the order of their keys have no position array: the slot is the edge.
    let identity = edges.isEmpty
    guard offsets.count == nodeCount + 1, others.count == keys.count, identity || edges.count == keys.count
    else {
      return ["\(name): array sizes are wrong"]
    }
    var problems: [String] = []
    var seen = [Bool](repeating: false, count: keys.count)
    for node in 0..<nodeCount {
      let start = Int(offsets[node])
      let end = Int(offsets[node + 1])
      guard start <= end, end <= others.count else {
        problems.append("\(name): offsets of #\(node) are not monotone")
        continue
      }
      var last: Int32 = -1
      for slot in start..<end {
        let e = identity ? slot : Int(edges[slot])
        guard e >= 0, e < keys.count else {
          problems.append("\(name): slot \(slot) names edge \(e)")
          continue
        }
        if seen[e] { problems.append("\(name): edge \(e) appears twice") }
        seen[e] = true
        if Int(keys[e]) != node || values[e] != others[slot] {
          problems.append("\(name): edge \(e) is filed under the wrong node")
        }
        if Int32(e) <= last { problems.append("\(name): edges of #\(node) are out of order") }
        last = Int32(e)
      }
    }
    if let missing = seen.firstIndex(of: false) { problems.append("\(name): edge \(missing) is missing") }
    return problems
  }
}
