/// An immutable org graph: nodes of the schema's kinds, typed edges, and the indexes queries need.
///
/// A `Graph` is a snapshot built by ``GraphBuilder`` (or loaded with ``GraphLoader``). Nothing mutates it,
/// so any number of tasks may read one graph at once.
///
/// Storage is laid out for large organisations: nodes have dense ids; each edge type keeps its own forward
/// and reverse adjacency in compressed-sparse-row arrays (offsets, targets, and the edge's position in the
/// type's property columns); enum properties take a byte per edge.
public final class Graph: Sendable {
  /// The schema the graph was built with.
  public let schema: Schema
  /// The graph's manifest.
  public let manifest: GraphManifest

  let nodeKinds: [UInt16]
  let nodeLocal: [Int32]
  let nodeIDs: [String]
  let nodeNames: [String]
  let nodeRanges: [Int32: SourceRange]
  /// Per kind: the kind's nodes in id order, and the kind's property columns (dense over those nodes).
  package let kindMembers: [[NodeID]]
  let kindColumns: [[Column?]]
  let edgeStores: [EdgeStore]
  let idIndex: [String: Int32]
  /// Lower-cased names and aliases → nodes, in node order.
  let nameIndex: [String: [NodeID]]

  init(builder: GraphBuilder) {
    schema = builder.schema
    manifest = builder.manifest
    nodeKinds = builder.nodeKinds
    nodeIDs = builder.nodeIDs
    nodeNames = builder.nodeNames
    nodeRanges = builder.nodeRanges
    idIndex = builder.idIndex
    let count = builder.nodeCount

    var members = [[NodeID]](repeating: [], count: schema.kinds.count)
    var local = [Int32](repeating: 0, count: count)
    for node in 0..<count {
      let k = Int(builder.nodeKinds[node])
      local[node] = Int32(members[k].count)
      members[k].append(NodeID(Int32(node)))
    }
    nodeLocal = local
    kindMembers = members

    var columns: [[Column?]] = []
    for (k, kind) in schema.kinds.enumerated() {
      var kindColumns = [Column?](repeating: nil, count: kind.properties.count)
      for (p, property) in kind.properties.enumerated() where property.name != "name" {
        var column = Column(type: property.type, schema: schema, count: members[k].count)
        var any = false
        for (i, node) in members[k].enumerated() {
          if let value = builder.nodeProperties[node.index][property.name] {
            column.set(i, value)
            any = true
          }
        }
        if any { kindColumns[p] = column }
      }
      columns.append(kindColumns)
    }
    kindColumns = columns

    edgeStores = builder.edges.map { EdgeStore(table: $0, nodeCount: count) }

    var names: [String: [NodeID]] = [:]
    let schema = self.schema
    let aliasesColumn = schema.kindNumber("competency").flatMap { k in
      schema.kinds[k].properties.firstIndex { $0.name == "aliases" }.map { (k, $0) }
    }
    for node in 0..<count {
      names[builder.nodeNames[node].lowercased(), default: []].append(NodeID(Int32(node)))
    }
    if let (k, p) = aliasesColumn, let column = columns[k][p] {
      for (i, node) in members[k].enumerated() {
        if case .strings(let aliases)? = column[i] {
          for alias in aliases {
            let key = alias.lowercased()
            if names[key]?.contains(node) != true { names[key, default: []].append(node) }
          }
        }
      }
      for key in names.keys { names[key]?.sort() }
    }
    nameIndex = names
  }

  // MARK: - Nodes

  /// The number of nodes.
  public var nodeCount: Int { nodeIDs.count }

  /// Every node, in id order.
  public var nodes: [NodeID] { (0..<Int32(nodeIDs.count)).map(NodeID.init) }

  /// The node with the string id `id` (`role:rocket-chat/cloud-engineer`).
  public func node(withID id: String) -> NodeID? { idIndex[id].map(NodeID.init) }

  /// The nodes of the kind named `kind`, in id order.
  public func nodes(ofKind kind: String) -> [NodeID] {
    schema.kindNumber(kind).map { kindMembers[$0] } ?? []
  }

  /// A node's kind.
  public func kind(of node: NodeID) -> KindDefinition { schema.kinds[Int(nodeKinds[node.index])] }

  /// A node's kind's position in the schema.
  package func kindNumber(of node: NodeID) -> Int { Int(nodeKinds[node.index]) }

  /// A node's string id.
  public func id(of node: NodeID) -> String { nodeIDs[node.index] }

  /// A node's display name.
  public func name(of node: NodeID) -> String { nodeNames[node.index] }

  /// Where a node was defined, for nodes loaded from files.
  public func sourceRange(of node: NodeID) -> SourceRange? { nodeRanges[node.rawValue] }

  /// The value of a node's property, or `nil` when it has none. `name` is a property too.
  public func property(_ name: String, of node: NodeID) -> Value? {
    if name == "name" { return .string(nodeNames[node.index]) }
    let k = Int(nodeKinds[node.index])
    guard let p = schema.kinds[k].properties.firstIndex(where: { $0.name == name }),
      let column = kindColumns[k][p]
    else { return nil }
    return column[Int(nodeLocal[node.index])]
  }

  /// Every property a node has a value for, in the kind's declaration order, `name` first.
  public func properties(of node: NodeID) -> [(name: String, value: Value)] {
    let k = Int(nodeKinds[node.index])
    var out: [(String, Value)] = [("name", .string(nodeNames[node.index]))]
    for (p, property) in schema.kinds[k].properties.enumerated() where property.name != "name" {
      if let value = kindColumns[k][p]?[Int(nodeLocal[node.index])] { out.append((property.name, value)) }
    }
    return out
  }

  // MARK: - Edges

  /// The number of edges of every type.
  public var edgeCount: Int { edgeStores.reduce(0) { $0 + $1.count } }

  /// The number of edges of the type named `type`.
  public func edgeCount(ofType type: String) -> Int {
    schema.edgeTypeNumber(type).map { edgeStores[$0].count } ?? 0
  }

  /// The edges of one type at one node, in the direction given: each neighbour with the edge that leads
  /// there, in the order the edges were added.
  public func neighbors(of node: NodeID, via type: Int, direction: Direction) -> Adjacency {
    edgeStores[type].adjacency(of: node.rawValue, type: Int32(type), direction: direction)
  }

  /// The edges of the type named `type` at `node`; empty for an unknown type.
  public func neighbors(of node: NodeID, via type: String, direction: Direction = .forward) -> Adjacency {
    guard let number = schema.edgeTypeNumber(type) else { return Adjacency.empty }
    return neighbors(of: node, via: number, direction: direction)
  }

  /// An edge's source node.
  public func source(of edge: EdgeID) -> NodeID { NodeID(edgeStores[Int(edge.type)].from[Int(edge.index)]) }

  /// An edge's target node.
  public func target(of edge: EdgeID) -> NodeID { NodeID(edgeStores[Int(edge.type)].to[Int(edge.index)]) }

  /// An edge's type.
  public func type(of edge: EdgeID) -> EdgeTypeDefinition { schema.edgeTypes[Int(edge.type)] }

  /// The value of an edge's property, or `nil`.
  public func property(_ name: String, of edge: EdgeID) -> Value? {
    let store = edgeStores[Int(edge.type)]
    guard let p = store.propertyIndex[name], let column = store.columns[p] else { return nil }
    return column[Int(edge.index)]
  }

  /// Every property an edge has a value for, in the edge type's declaration order.
  public func properties(of edge: EdgeID) -> [(name: String, value: Value)] {
    let store = edgeStores[Int(edge.type)]
    var out: [(String, Value)] = []
    for (p, property) in schema.edgeTypes[Int(edge.type)].properties.enumerated() {
      if let value = store.columns[p]?[Int(edge.index)] { out.append((property.name, value)) }
    }
    return out
  }

  /// Whether an edge was declared in a file, derived from other edges, or inferred from overlap.
  public func origin(of edge: EdgeID) -> String {
    if case .enumCase(let c)? = property("origin", of: edge) { return c.name }
    return "declared"
  }

  /// Every edge of the type numbered `type`, in the order they were added.
  public func edges(ofType type: Int) -> [EdgeID] {
    (0..<Int32(edgeStores[type].count)).map { EdgeID(type: Int32(type), index: $0) }
  }
}

/// The edges of one type at one node: neighbours, and the edges that lead to them.
public struct Adjacency: RandomAccessCollection, Sendable {
  let targets: [Int32]
  let edgeIndexes: [Int32]
  let type: Int32
  /// The first position.
  public let startIndex: Int
  /// Just past the last position.
  public let endIndex: Int

  static let empty = Adjacency(targets: [], edgeIndexes: [], type: 0, startIndex: 0, endIndex: 0)

  /// The neighbour and the edge at `position`.
  public subscript(position: Int) -> (node: NodeID, edge: EdgeID) {
    (NodeID(targets[position]), EdgeID(type: type, index: edgeIndexes[position]))
  }
}

/// One edge type's edges, laid out for traversal.
struct EdgeStore: Sendable {
  let from: [Int32]
  let to: [Int32]
  let columns: [Column?]
  let propertyIndex: [String: Int]
  let ranges: [Int32: SourceRange]
  /// Forward CSR: edges leaving node n are positions `forwardOffsets[n] ..< forwardOffsets[n + 1]`.
  let forwardOffsets: [Int32]
  let forwardTargets: [Int32]
  let forwardEdges: [Int32]
  let reverseOffsets: [Int32]
  let reverseTargets: [Int32]
  let reverseEdges: [Int32]

  var count: Int { from.count }

  init(table: EdgeTable, nodeCount: Int) {
    from = table.from
    to = table.to
    columns = table.columns
    ranges = table.ranges
    var index: [String: Int] = [:]
    for (i, p) in table.definition.properties.enumerated() { index[p.name] = i }
    propertyIndex = index
    (forwardOffsets, forwardTargets, forwardEdges) = Self.compress(
      keys: table.from, values: table.to, nodeCount: nodeCount)
    (reverseOffsets, reverseTargets, reverseEdges) = Self.compress(
      keys: table.to, values: table.from, nodeCount: nodeCount)
  }

  /// A stable counting sort of edges by `keys`: offsets per node, the other endpoints, the edge positions.
  static func compress(keys: [Int32], values: [Int32], nodeCount: Int) -> ([Int32], [Int32], [Int32]) {
    guard !keys.isEmpty else { return ([], [], []) }
    var offsets = [Int32](repeating: 0, count: nodeCount + 1)
    for k in keys { offsets[Int(k) + 1] &+= 1 }
    for i in 0..<nodeCount { offsets[i + 1] &+= offsets[i] }
    var cursor = offsets
    var targets = [Int32](repeating: 0, count: keys.count)
    var edges = [Int32](repeating: 0, count: keys.count)
    for (e, k) in keys.enumerated() {
      let slot = Int(cursor[Int(k)])
      cursor[Int(k)] &+= 1
      targets[slot] = values[e]
      edges[slot] = Int32(e)
    }
    return (offsets, targets, edges)
  }

  func adjacency(of node: Int32, type: Int32, direction: Direction) -> Adjacency {
    let offsets = direction == .forward ? forwardOffsets : reverseOffsets
    guard !offsets.isEmpty, node >= 0, Int(node) + 1 < offsets.count else { return .empty }
    return Adjacency(
      targets: direction == .forward ? forwardTargets : reverseTargets,
      edgeIndexes: direction == .forward ? forwardEdges : reverseEdges,
      type: type, startIndex: Int(offsets[Int(node)]), endIndex: Int(offsets[Int(node) + 1]))
  }
}
