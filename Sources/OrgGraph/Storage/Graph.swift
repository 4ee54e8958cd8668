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

  let nodeKinds: Vector<UInt16>
  let nodeLocal: Vector<Int32>
  let nodeIDs: StringTable
  let nodeNames: StringTable
  let nodeRanges: [Int32: SourceRange]
  /// Per kind: the kind's nodes in id order, and the kind's property columns (dense over those nodes).
  package let kindMembers: [Vector<NodeID>]
  let kindColumns: [[Column?]]
  let edgeStores: [EdgeStore]
  /// String ids → nodes.
  let idIndex: HashIndex
  /// Lower-cased names → nodes.
  let nameIndex: HashIndex
  /// Lower-cased aliases → nodes, in node order (aliases that are not also the node's name).
  let aliasIndex: [String: [NodeID]]

  /// The parts of a graph, as a snapshot stores them.
  struct Parts {
    var schema: Schema
    var manifest: GraphManifest
    var nodeKinds: Vector<UInt16>
    var nodeLocal: Vector<Int32>
    var nodeIDs: StringTable
    var nodeNames: StringTable
    var nodeRanges: [Int32: SourceRange]
    var kindMembers: [Vector<NodeID>]
    var kindColumns: [[Column?]]
    var edgeStores: [EdgeStore]
    var idIndex: HashIndex
    var nameIndex: HashIndex
    var aliasIndex: [String: [NodeID]]
  }

  init(parts: Parts) {
    schema = parts.schema
    manifest = parts.manifest
    nodeKinds = parts.nodeKinds
    nodeLocal = parts.nodeLocal
    nodeIDs = parts.nodeIDs
    nodeNames = parts.nodeNames
    nodeRanges = parts.nodeRanges
    kindMembers = parts.kindMembers
    kindColumns = parts.kindColumns
    edgeStores = parts.edgeStores
    idIndex = parts.idIndex
    nameIndex = parts.nameIndex
    aliasIndex = parts.aliasIndex
  }

  var parts: Parts {
    Parts(
      schema: schema, manifest: manifest, nodeKinds: nodeKinds, nodeLocal: nodeLocal, nodeIDs: nodeIDs,
      nodeNames: nodeNames, nodeRanges: nodeRanges, kindMembers: kindMembers, kindColumns: kindColumns,
      edgeStores: edgeStores, idIndex: idIndex, nameIndex: nameIndex, aliasIndex: aliasIndex)
  }

  init(builder: GraphBuilder) {
    schema = builder.schema
    manifest = builder.manifest
    nodeKinds = Vector(builder.nodeKinds)
    // The ids' table and index, built once: a load that read edge tables made them to resolve ids already.
    let ids =
      builder.idLookup.flatMap { $0.nodes.isEmpty && $0.table.count == builder.nodeCount ? $0 : nil }
      ?? IDLookup(builder.nodeIDs)
    nodeIDs = ids.table
    idIndex = ids.index
    nodeNames = StringTable(builder.nodeNames)
    nodeRanges = builder.nodeRanges
    let count = builder.nodeCount

    var members = [Vector<NodeID>](repeating: Vector(), count: schema.kinds.count)
    var local = Vector<Int32>(repeating: 0, count: count)
    for node in 0..<count {
      let k = Int(builder.nodeKinds[node])
      local[node] = Int32(members[k].count)
      members[k].append(NodeID(Int32(node)))
    }
    nodeLocal = local
    kindMembers = members

    // Kinds whose nodes have no properties at all (a million people with an id and a name) are skipped
    // whole, instead of looking each property up in each node's empty dictionary.
    var withProperties = [Bool](repeating: false, count: schema.kinds.count)
    for node in 0..<count where !builder.nodeProperties[node].isEmpty {
      withProperties[Int(builder.nodeKinds[node])] = true
    }
    var columns: [[Column?]] = []
    for (k, kind) in schema.kinds.enumerated() {
      var kindColumns = [Column?](repeating: nil, count: kind.properties.count)
      for (p, property) in kind.properties.enumerated() where property.name != "name" && withProperties[k] {
        var column: Column?
        for (i, node) in members[k].enumerated() {
          if let value = builder.nodeProperties[node.index][property.name] {
            if column == nil { column = Column(type: property.type, schema: schema, count: members[k].count) }
            column?.set(i, value)
          }
        }
        kindColumns[p] = column
      }
      columns.append(kindColumns)
    }
    kindColumns = columns

    edgeStores = builder.edges.map { EdgeStore(table: $0, nodeCount: count) }

    var names = HashIndex(capacityFor: count)
    for node in 0..<count {
      names.insert(Int32(node), hash: HashIndex.hash(builder.nodeNames[node].lowercased()))
    }
    nameIndex = names
    var aliases: [String: [NodeID]] = [:]
    if let k = schema.kindNumber("competency"),
      let p = schema.kinds[k].properties.firstIndex(where: { $0.name == "aliases" }),
      let column = columns[k][p]
    {
      for (i, node) in members[k].enumerated() {
        guard case .strings(let list)? = column[i] else { continue }
        for alias in list {
          let key = alias.lowercased()
          if key != builder.nodeNames[node.index].lowercased(), aliases[key]?.contains(node) != true {
            aliases[key, default: []].append(node)
          }
        }
      }
    }
    aliasIndex = aliases
  }

  /// The node whose string id is `id`.
  func lookupID(_ id: String) -> NodeID? {
    var id = id
    return id.withUTF8 { key -> NodeID? in
      var found: NodeID?
      idIndex.lookup(hash: HashIndex.hash(key)) { node in
        if nodeIDs.equals(Int(node), key) {
          found = NodeID(node)
          return false
        }
        return true
      }
      return found
    }
  }

  /// The nodes named `lowered` (a lower-cased name or alias), in node order.
  func lookupName(_ lowered: String) -> [NodeID] {
    var found: [NodeID] = []
    nameIndex.lookup(hash: HashIndex.hash(lowered)) { node in
      if nodeNames[Int(node)].lowercased() == lowered { found.append(NodeID(node)) }
      return true
    }
    for node in aliasIndex[lowered] ?? [] where !found.contains(node) { found.append(node) }
    return found.sorted()
  }

  // MARK: - Nodes

  /// The number of nodes.
  public var nodeCount: Int { nodeKinds.count }

  /// Every node, in id order.
  public var nodes: [NodeID] { (0..<Int32(nodeKinds.count)).map(NodeID.init) }

  /// The node with the string id `id` (`role:rocket-chat/cloud-engineer`).
  public func node(withID id: String) -> NodeID? { lookupID(id) }

  /// The nodes of the kind named `kind`, in id order.
  public func nodes(ofKind kind: String) -> [NodeID] {
    schema.kindNumber(kind).map { Array(kindMembers[$0]) } ?? []
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
  let targets: Vector<Int32>
  /// Edge positions; empty when the edges are stored in this order (position = edge index).
  let edgeIndexes: Vector<Int32>
  let type: Int32
  /// The first position.
  public let startIndex: Int
  /// Just past the last position.
  public let endIndex: Int

  static let empty = Adjacency(targets: Vector(), edgeIndexes: Vector(), type: 0, startIndex: 0, endIndex: 0)

  /// The neighbour and the edge at `position`.
  public subscript(position: Int) -> (node: NodeID, edge: EdgeID) {
    (
      NodeID(targets[position]),
      EdgeID(type: type, index: edgeIndexes.isEmpty ? Int32(position) : edgeIndexes[position])
    )
  }
}

/// One edge type's edges, laid out for traversal.
struct EdgeStore: Sendable {
  let from: Vector<Int32>
  let to: Vector<Int32>
  let columns: [Column?]
  let propertyIndex: [String: Int]
  let ranges: [Int32: SourceRange]
  /// Forward CSR: edges leaving node n are positions `forwardOffsets[n] ..< forwardOffsets[n + 1]`. When the
  /// edges were added in order of their sources, as bulk loads add them, the targets are `to` itself and
  /// the positions are the edge indexes: `forwardEdges` is then empty.
  let forwardOffsets: Vector<Int32>
  let forwardTargets: Vector<Int32>
  let forwardEdges: Vector<Int32>
  let reverseOffsets: Vector<Int32>
  let reverseTargets: Vector<Int32>
  let reverseEdges: Vector<Int32>

  var count: Int { from.count }

  init(
    from: Vector<Int32>, to: Vector<Int32>, columns: [Column?], propertyIndex: [String: Int],
    ranges: [Int32: SourceRange], forward: (Vector<Int32>, Vector<Int32>, Vector<Int32>),
    reverse: (Vector<Int32>, Vector<Int32>, Vector<Int32>)
  ) {
    self.from = from
    self.to = to
    self.columns = columns
    self.propertyIndex = propertyIndex
    self.ranges = ranges
    (forwardOffsets, forwardTargets, forwardEdges) = forward
    (reverseOffsets, reverseTargets, reverseEdges) = reverse
  }

  init(table: EdgeTable, nodeCount: Int) {
    from = table.from
    to = table.to
    columns = table.columns
    ranges = table.ranges
    var index: [String: Int] = [:]
    for (i, p) in table.definition.properties.enumerated() { index[p.name] = i }
    propertyIndex = index
    let sorted = table.from.withUnsafeBufferPointer { from in
      from.isEmpty || (1..<from.count).allSatisfy { from[$0 - 1] <= from[$0] }
    }
    if sorted {
      forwardOffsets = Self.offsets(keys: table.from, nodeCount: nodeCount)
      forwardTargets = table.to
      forwardEdges = Vector()
    } else {
      (forwardOffsets, forwardTargets, forwardEdges) = Self.compress(
        keys: table.from, values: table.to, nodeCount: nodeCount)
    }
    (reverseOffsets, reverseTargets, reverseEdges) = Self.compress(
      keys: table.to, values: table.from, nodeCount: nodeCount)
  }

  /// Per node, where its edges start in an array ordered by `keys`.
  static func offsets(keys: Vector<Int32>, nodeCount: Int) -> Vector<Int32> {
    guard !keys.isEmpty else { return Vector() }
    var offsets = Vector<Int32>(repeating: 0, count: nodeCount + 1)
    offsets.withUnsafeMutableBufferPointer { offsets in
      keys.withUnsafeBufferPointer { keys in
        for k in keys { offsets[Int(k) + 1] &+= 1 }
      }
      for i in 0..<nodeCount { offsets[i + 1] &+= offsets[i] }
    }
    return offsets
  }

  /// A stable counting sort of edges by `keys`: offsets per node, the other endpoints, the edge positions.
  static func compress(keys: Vector<Int32>, values: Vector<Int32>, nodeCount: Int) -> (
    Vector<Int32>, Vector<Int32>, Vector<Int32>
  ) {
    guard !keys.isEmpty else { return (Vector(), Vector(), Vector()) }
    let offsets = Self.offsets(keys: keys, nodeCount: nodeCount)
    var cursor = offsets
    var targets = Vector<Int32>(repeating: 0, count: keys.count)
    var edges = Vector<Int32>(repeating: 0, count: keys.count)
    cursor.withUnsafeMutableBufferPointer { cursor in
      targets.withUnsafeMutableBufferPointer { targets in
        edges.withUnsafeMutableBufferPointer { edges in
          keys.withUnsafeBufferPointer { keys in
            values.withUnsafeBufferPointer { values in
              for e in 0..<keys.count {
                let k = Int(keys[e])
                let slot = Int(cursor[k])
                cursor[k] &+= 1
                targets[slot] = values[e]
                edges[slot] = Int32(e)
              }
            }
          }
        }
      }
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
