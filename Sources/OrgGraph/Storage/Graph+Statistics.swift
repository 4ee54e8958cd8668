/// How many nodes of each kind and edges of each type a graph holds.
public struct GraphStatistics: Sendable, Hashable, Codable {
  /// A kind and its node count.
  public struct KindCount: Sendable, Hashable, Codable {
    /// The kind's plural.
    public var kind: String
    /// How many nodes.
    public var count: Int
  }

  /// An edge type and its edge counts by origin.
  public struct EdgeCount: Sendable, Hashable, Codable {
    /// The edge type.
    public var type: String
    /// How many edges in all.
    public var count: Int
    /// How many were declared in files.
    public var declared: Int
    /// How many were derived (`requires` from expectations).
    public var derived: Int
    /// How many were inferred (`lateral` from overlap).
    public var inferred: Int
  }

  /// The graph's name.
  public var name: String
  /// All nodes.
  public var nodes: Int
  /// All edges.
  public var edges: Int
  /// Nodes per kind, in schema order.
  public var kinds: [KindCount]
  /// Edges per type, in schema order.
  public var edgeTypes: [EdgeCount]
}

extension Graph {
  /// Counts of nodes per kind and edges per type (by origin).
  public var statistics: GraphStatistics {
    let kinds = schema.kinds.enumerated().map { k, kind in
      GraphStatistics.KindCount(kind: kind.plural, count: kindMembers[k].count)
    }
    let edges = schema.edgeTypes.enumerated().map { t, type in
      var counts = [0, 0, 0, 0]
      let store = edgeStores[t]
      if let p = store.propertyIndex["origin"], let column = store.columns[p] {
        for e in 0..<store.count {
          if case .enumCase(let c)? = column[e], c.rank <= 3 { counts[c.rank] += 1 } else { counts[1] += 1 }
        }
      } else {
        counts[1] = store.count
      }
      return GraphStatistics.EdgeCount(
        type: type.name, count: store.count, declared: counts[1], derived: counts[2], inferred: counts[3])
    }
    return GraphStatistics(
      name: manifest.name, nodes: nodeCount, edges: edgeCount, kinds: kinds, edgeTypes: edges)
  }
}
