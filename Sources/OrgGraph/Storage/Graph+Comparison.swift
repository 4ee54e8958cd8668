/// How a node holds a competency: not at all, without a rating, or at a proficiency.
public enum Holding: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The node does not require (or was not assessed in) the competency.
  case absent
  /// The node requires it, but no document gives a proficiency.
  case unrated
  /// The node requires it at this proficiency.
  case rated(EnumCase)

  /// `""`, `unrated`, or the proficiency word.
  public var description: String {
    switch self {
    case .absent: return ""
    case .unrated: return "unrated"
    case .rated(let c): return c.name
    }
  }
}

/// One competency as two nodes hold it — a row of `gap`.
public struct GapRow: Sendable, Hashable {
  /// How one node's holding of a competency changes at the other.
  public enum Change: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Required at the target, not at the start.
    case added
    /// Required at both, higher at the target.
    case raised
    /// Required at both, but at least one side gives no proficiency to compare.
    case unrated
    /// Required at both at the same proficiency.
    case unchanged
    /// Required at both, lower at the target.
    case lowered
    /// Required at the start, not at the target.
    case removed

    /// The order rows are listed in: what is new first.
    public static func < (lhs: Change, rhs: Change) -> Bool {
      Change.allCases.firstIndex(of: lhs) ?? 0 < Change.allCases.firstIndex(of: rhs) ?? 0
    }
  }

  /// The competency.
  public var competency: NodeID
  /// How the start holds it.
  public var before: Holding
  /// How the target holds it.
  public var after: Holding
  /// What changes.
  public var change: Change
  /// The statements behind the target's requirement (for a derived `requires`), in their order; for a
  /// removed competency, those behind the start's.
  public var evidence: [NodeID]
  /// For a requirement written in a file, the sentence it was declared from (its `quote`).
  public var quote: String? = nil
}

/// One competency across several compared nodes — a row of `overlap`.
public struct OverlapRow: Sendable, Hashable {
  /// The competency.
  public var competency: NodeID
  /// How each compared node holds it, in the order they were compared.
  public var holdings: [Holding]
  /// How many of the compared nodes require it.
  public var sharedBy: Int
}

extension Graph {
  /// The edge type a node's competencies are read from: `assessed` for a person, `requires` otherwise.
  public func competencyEdgeType(for node: NodeID) -> String {
    kind(of: node).name == "person" ? "assessed" : "requires"
  }

  /// The competencies a node holds through `edgeType` (by default `requires`, or `assessed` for a person),
  /// with the holding and the edge, in edge order. A competency reached twice keeps its highest holding.
  public func holdings(of node: NodeID, via edgeType: String? = nil) -> [(
    competency: NodeID, holding: Holding, edge: EdgeID
  )] {
    let adjacency = neighbors(of: node, via: edgeType ?? competencyEdgeType(for: node))
    var out: [(competency: NodeID, holding: Holding, edge: EdgeID)] = []
    out.reserveCapacity(adjacency.count)
    // The proficiency column found once, not by name per edge; the edges of one node are few, so a repeated
    // competency is found by a look back, and only a node with many edges gets a dictionary.
    var column: Column?
    var columnFound = false
    var index: [NodeID: Int]? = adjacency.count > 32 ? [:] : nil
    for (target, edge) in adjacency {
      if !columnFound {
        let store = edgeStores[Int(edge.type)]
        column = store.propertyIndex["proficiency"].flatMap { store.columns[$0] }
        columnFound = true
      }
      var holding = Holding.unrated
      if case .enumCase(let c)? = column?[Int(edge.index)] { holding = .rated(c) }
      let i = index.map { $0[target] } ?? out.firstIndex(where: { $0.competency == target })
      if let i {
        if holding > out[i].1 { out[i] = (target, holding, edge) }
      } else {
        index?[target] = out.count
        out.append((target, holding, edge))
      }
    }
    return out
  }

  /// What changes from `start` to `target`: one row per competency either holds, ordered by change
  /// (added, raised, unrated, unchanged, lowered, removed), then by competency name.
  ///
  /// `start` may be a person (read through `assessed`), a role or a level (through `requires`); `edgeType`
  /// reads both sides through another edge type.
  public func gap(from start: NodeID, to target: NodeID, via edgeType: String? = nil) -> [GapRow] {
    let before = holdings(of: start, via: edgeType)
    let after = holdings(of: target, via: edgeType)
    var beforeBy: [NodeID: Holding] = [:]
    for (c, h, _) in before { beforeBy[c] = h }
    var rows: [GapRow] = []
    var seen = Set<NodeID>()
    for (c, h, edge) in after {
      seen.insert(c)
      let was = beforeBy[c] ?? .absent
      let change: GapRow.Change
      switch (was, h) {
      case (.absent, _): change = .added
      case (.rated(let a), .rated(let b)): change = b > a ? .raised : b == a ? .unchanged : .lowered
      // Required on both sides, rated on neither: the same requirement, not one that cannot be compared.
      case (.unrated, .unrated): change = .unchanged
      default: change = .unrated
      }
      var evidence: [NodeID] = []
      if case .nodes(let list)? = property("evidence", of: edge) { evidence = list }
      var quote: String?
      if case .string(let q)? = property("quote", of: edge) { quote = q }
      rows.append(
        GapRow(competency: c, before: was, after: h, change: change, evidence: evidence, quote: quote))
    }
    // A removed requirement shows the start's evidence: what the target no longer asks for, and why the
    // start did.
    for (c, h, edge) in before where !seen.contains(c) {
      var evidence: [NodeID] = []
      if case .nodes(let list)? = property("evidence", of: edge) { evidence = list }
      var quote: String?
      if case .string(let q)? = property("quote", of: edge) { quote = q }
      rows.append(
        GapRow(competency: c, before: h, after: .absent, change: .removed, evidence: evidence, quote: quote))
    }
    // Each row's key made once, not twice per comparison, and the keys sorted rather than the rows.
    let keys = rows.map { ($0.change, name(of: $0.competency).lowercased(), $0.competency) }
    return rows.indices.sorted { keys[$0] < keys[$1] }.map { rows[$0] }
  }

  /// The competencies any of `nodes` requires, one row each: shared by most first, then by name.
  public func overlap(_ nodes: [NodeID], via edgeType: String? = nil) -> [OverlapRow] {
    var rows: [NodeID: OverlapRow] = [:]
    for (i, node) in nodes.enumerated() {
      for (c, h, _) in holdings(of: node, via: edgeType) {
        var row =
          rows[c]
          ?? OverlapRow(competency: c, holdings: Array(repeating: .absent, count: nodes.count), sharedBy: 0)
        if row.holdings[i] == .absent { row.sharedBy += 1 }
        row.holdings[i] = max(row.holdings[i], h)
        rows[c] = row
      }
    }
    let list = Array(rows.values)
    let keys = list.map { (-$0.sharedBy, name(of: $0.competency).lowercased(), $0.competency.rawValue) }
    return list.indices.sorted { keys[$0] < keys[$1] }.map { list[$0] }
  }

  /// The Jaccard similarity of the competency sets of two nodes (0 when both are empty).
  public func similarity(_ a: NodeID, _ b: NodeID, via edgeType: String? = nil) -> Double {
    let x = Set(holdings(of: a, via: edgeType).map(\.competency))
    let y = Set(holdings(of: b, via: edgeType).map(\.competency))
    let union = x.union(y).count
    return union == 0 ? 0 : Double(x.intersection(y).count) / Double(union)
  }
}
