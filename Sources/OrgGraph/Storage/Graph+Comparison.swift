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
    public static func < (lhs: Change, rhs: Change) -> Bool { lhs.rank < rhs.rank }

    /// The place in that order (a switch, not a search of `allCases`, which is made anew on each call).
    var rank: Int {
      switch self {
      case .added: 0
      case .raised: 1
      case .unrated: 2
      case .unchanged: 3
      case .lowered: 4
      case .removed: 5
      }
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
    guard let type = schema.edgeTypeNumber(edgeType ?? competencyEdgeType(for: node)) else { return [] }
    let adjacency = neighbors(of: node, via: type, direction: .forward)
    var out: [(competency: NodeID, holding: Holding, edge: EdgeID)] = []
    out.reserveCapacity(adjacency.count)
    // The proficiency column found once, not by name per edge; the edges of one node are few, so a repeated
    // competency is found by a look back, and only a node with many edges gets a dictionary.
    let store = edgeStores[type]
    let column = store.propertyIndex["proficiency"].flatMap { store.columns[$0] }
    var index: [NodeID: Int]? = adjacency.count > 32 ? [:] : nil
    for (target, edge) in adjacency {
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
    // Few competencies on each side: a look across is cheaper than hashing them. Many get a dictionary.
    let beforeBy: [NodeID: Int]? =
      before.count > 64
      ? Dictionary(before.enumerated().map { ($1.competency, $0) }, uniquingKeysWith: { a, _ in a }) : nil
    func beforeIndex(_ c: NodeID) -> Int? {
      beforeBy.map { $0[c] } ?? before.firstIndex { $0.competency == c }
    }
    // The `evidence` and `quote` columns found once per edge type, not by name per row.
    var columns: (type: Int32, evidence: Column?, quote: Column?)?
    func sources(_ edge: EdgeID) -> (evidence: [NodeID], quote: String?) {
      if columns?.type != edge.type {
        let store = edgeStores[Int(edge.type)]
        columns = (
          edge.type, store.propertyIndex["evidence"].flatMap { store.columns[$0] },
          store.propertyIndex["quote"].flatMap { store.columns[$0] }
        )
      }
      var evidence: [NodeID] = []
      if case .nodes(let list)? = columns?.evidence?[Int(edge.index)] { evidence = list }
      var quote: String?
      if case .string(let q)? = columns?.quote?[Int(edge.index)] { quote = q }
      return (evidence, quote)
    }
    var rows: [GapRow] = []
    rows.reserveCapacity(before.count + after.count)
    var matched = [Bool](repeating: false, count: before.count)
    for (c, h, edge) in after {
      var was = Holding.absent
      if let i = beforeIndex(c) {
        matched[i] = true
        was = before[i].holding
      }
      let change: GapRow.Change
      switch (was, h) {
      case (.absent, _): change = .added
      case (.rated(let a), .rated(let b)): change = b > a ? .raised : b == a ? .unchanged : .lowered
      // Required on both sides, rated on neither: the same requirement, not one that cannot be compared.
      case (.unrated, .unrated): change = .unchanged
      default: change = .unrated
      }
      let (evidence, quote) = sources(edge)
      rows.append(
        GapRow(competency: c, before: was, after: h, change: change, evidence: evidence, quote: quote))
    }
    // A removed requirement shows the start's evidence: what the target no longer asks for, and why the
    // start did.
    for (i, (c, h, edge)) in before.enumerated() where !matched[i] {
      let (evidence, quote) = sources(edge)
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
