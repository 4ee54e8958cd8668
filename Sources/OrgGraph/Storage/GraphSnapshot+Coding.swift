/// Bytes written in order: the snapshot's description and header.
struct ByteWriter {
  var data: [UInt8] = []

  mutating func uint8(_ v: UInt8) { data.append(v) }
  mutating func uint32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) } }
  mutating func uint64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) } }
  mutating func int(_ v: Int) { uint64(UInt64(bitPattern: Int64(v))) }
  mutating func double(_ v: Double) { uint64(v.bitPattern) }
  mutating func bool(_ v: Bool) { uint8(v ? 1 : 0) }
  mutating func bytes(_ v: [UInt8]) { data.append(contentsOf: v) }
  mutating func string(_ v: String) {
    int(v.utf8.count)
    data.append(contentsOf: v.utf8)
  }
  mutating func optional(_ v: String?) {
    bool(v != nil)
    if let v { string(v) }
  }
  mutating func strings(_ v: [String]) {
    int(v.count)
    for s in v { string(s) }
  }
}

/// Bytes read in order, every read bounds-checked.
struct ByteReader {
  let bytes: UnsafeRawBufferPointer
  var position = 0

  init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

  mutating func skip(_ n: Int) { position += n }

  private mutating func take(_ n: Int) throws(SnapshotError) -> Int {
    guard n >= 0, position <= bytes.count - n else { throw SnapshotError("its description ends early") }
    defer { position += n }
    return position
  }

  /// Reads a fixed-size value; for the header, whose size was checked before.
  mutating func uint32() -> UInt32 { (try? readUInt32()) ?? 0 }
  mutating func uint64() -> UInt64 { (try? readUInt64()) ?? 0 }

  mutating func readUInt8() throws(SnapshotError) -> UInt8 { bytes[try take(1)] }
  mutating func readUInt32() throws(SnapshotError) -> UInt32 {
    UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: try take(4), as: UInt32.self))
  }
  mutating func readUInt64() throws(SnapshotError) -> UInt64 {
    UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: try take(8), as: UInt64.self))
  }
  mutating func int() throws(SnapshotError) -> Int {
    Int(truncatingIfNeeded: Int64(bitPattern: try readUInt64()))
  }
  /// A count, which must be small enough for the bytes that are left.
  mutating func count() throws(SnapshotError) -> Int {
    let n = try int()
    guard n >= 0, n <= bytes.count - position else {
      throw SnapshotError("a count in its description is wrong")
    }
    return n
  }
  mutating func double() throws(SnapshotError) -> Double { Double(bitPattern: try readUInt64()) }
  mutating func bool() throws(SnapshotError) -> Bool { try readUInt8() != 0 }
  mutating func string() throws(SnapshotError) -> String {
    let n = try count()
    let start = try take(n)
    return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<(start + n)]), as: UTF8.self)
  }
  mutating func optional() throws(SnapshotError) -> String? { try bool() ? try string() : nil }
  mutating func strings() throws(SnapshotError) -> [String] {
    var out: [String] = []
    for _ in 0..<(try count()) { out.append(try string()) }
    return out
  }
}

/// One section of a snapshot: bytes that can be checksummed and written.
struct SnapshotSection {
  let count: Int
  let access: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void

  func withBytes(_ body: (UnsafeRawBufferPointer) throws -> Void) throws { try access(body) }

  func checksum() -> UInt64 {
    var sum: UInt64 = 0
    try? access { sum = Checksum.of($0) }
    return sum
  }
}

/// Turns a graph into a description and sections.
struct SnapshotEncoder {
  var description = ByteWriter()
  var vectors: [SnapshotSection] = []

  /// The description first, then the vectors.
  var sections: [SnapshotSection] {
    let bytes = description.data
    return [SnapshotSection(count: bytes.count) { body in try bytes.withUnsafeBytes { try body($0) } }]
      + vectors
  }

  /// Adds a vector as a section and writes its number.
  mutating func vector<T>(_ v: Vector<T>) {
    description.int(vectors.count + 1)
    vectors.append(
      SnapshotSection(count: v.count * MemoryLayout<T>.stride) { body in
        try v.withUnsafeBufferPointer { try body(UnsafeRawBufferPointer($0)) }
      })
  }

  mutating func encode(_ graph: Graph) {
    let parts = graph.parts
    encode(parts.schema)
    let m = parts.manifest
    description.string(m.name)
    description.optional(m.description)
    description.bool(m.lateralThreshold != nil)
    description.double(m.lateralThreshold ?? 0)
    description.int(m.documents.count)
    for d in m.documents {
      description.string(d.id)
      description.string(d.title)
      description.optional(d.origin)
      description.optional(d.licence)
    }
    description.int(graph.nodeCount)
    vector(parts.nodeKinds)
    vector(parts.nodeLocal)
    vector(parts.nodeIDs.offsets)
    vector(parts.nodeIDs.bytes)
    vector(parts.nodeNames.offsets)
    vector(parts.nodeNames.bytes)
    vector(parts.idIndex.slots)
    vector(parts.nameIndex.slots)
    description.int(parts.nodeRanges.count)
    for (node, range) in parts.nodeRanges.sorted(by: { $0.key < $1.key }) {
      description.int(Int(node))
      encode(range)
    }
    description.int(parts.aliasIndex.count)
    for (key, nodes) in parts.aliasIndex.sorted(by: { $0.key < $1.key }) {
      description.string(key)
      description.int(nodes.count)
      for n in nodes { description.int(n.index) }
    }
    for members in parts.kindMembers { vector(members) }
    for columns in parts.kindColumns { encode(columns) }
    for store in parts.edgeStores {
      vector(store.from)
      vector(store.to)
      encode(store.columns)
      description.int(store.ranges.count)
      for (edge, range) in store.ranges.sorted(by: { $0.key < $1.key }) {
        description.int(Int(edge))
        encode(range)
      }
      for v in [
        store.forwardOffsets, store.forwardTargets, store.forwardEdges, store.reverseOffsets,
        store.reverseTargets, store.reverseEdges,
      ] { vector(v) }
    }
  }

  mutating func encode(_ schema: Schema) {
    func properties(_ list: [PropertyDefinition]) {
      description.int(list.count)
      for p in list {
        description.string(p.name)
        description.string(p.type.description)
        description.string(p.summary)
      }
    }
    description.int(schema.kinds.count)
    for k in schema.kinds {
      description.string(k.name)
      description.string(k.plural)
      description.string(k.summary)
      description.bool(k.isBuiltIn)
      properties(k.properties)
    }
    description.int(schema.edgeTypes.count)
    for t in schema.edgeTypes {
      description.string(t.name)
      description.strings(t.from)
      description.strings(t.to)
      description.string(t.summary)
      description.bool(t.isBuiltIn)
      properties(t.properties)
    }
    description.int(schema.enums.count)
    for e in schema.enums {
      description.string(e.name)
      description.strings(e.cases)
    }
  }

  mutating func encode(_ range: SourceRange) {
    description.optional(range.file)
    for v in [range.start.line, range.start.column, range.end.line, range.end.column] { description.int(v) }
  }

  mutating func encode(_ columns: [Column?]) {
    description.int(columns.count)
    for column in columns {
      switch column {
      case nil: description.uint8(0)
      case .scale(let name, let cases, let ranks)?:
        description.uint8(1)
        description.string(name)
        description.strings(cases)
        vector(ranks)
      case .values(let values)?:
        description.uint8(2)
        description.int(values.count)
        for value in values { encode(value) }
      }
    }
  }

  mutating func encode(_ value: Value?) {
    switch value {
    case nil: description.uint8(0)
    case .string(let s)?:
      description.uint8(1)
      description.string(s)
    case .int(let i)?:
      description.uint8(2)
      description.int(i)
    case .number(let d)?:
      description.uint8(3)
      description.double(d)
    case .bool(let b)?:
      description.uint8(4)
      description.bool(b)
    case .enumCase(let c)?:
      description.uint8(5)
      description.string(c.enumName)
      description.string(c.name)
      description.int(c.rank)
    case .strings(let list)?:
      description.uint8(6)
      description.strings(list)
    case .nodes(let nodes)?:
      description.uint8(7)
      description.int(nodes.count)
      for n in nodes { description.int(n.index) }
    case .source(let s)?:
      description.uint8(8)
      description.string(s.document)
      description.int(s.line)
    }
  }
}

/// Reads a graph back from a snapshot's sections, borrowing the mapped arrays.
struct SnapshotDecoder {
  var reader: ByteReader
  let sections: [UnsafeRawBufferPointer]
  let owner: Mapping

  init(sections: [UnsafeRawBufferPointer], owner: Mapping) {
    self.sections = sections
    self.owner = owner
    reader = ByteReader(sections[0])
  }

  mutating func vector<T>(_: T.Type = T.self) throws(SnapshotError) -> Vector<T> {
    let number = try reader.int()
    guard number > 0, number < sections.count else {
      throw SnapshotError("it names a section it does not have")
    }
    let section = sections[number]
    let stride = MemoryLayout<T>.stride
    guard section.count % stride == 0 else { throw SnapshotError("section \(number) has a partial value") }
    guard let base = section.baseAddress, section.count > 0 else { return Vector() }
    return Vector(
      borrowing: base.assumingMemoryBound(to: T.self), count: section.count / stride, owner: owner)
  }

  mutating func decode() throws(SnapshotError) -> Graph {
    let schema = try decodeSchema()
    let name = try reader.string()
    let summary = try reader.optional()
    let hasThreshold = try reader.bool()
    let threshold = try reader.double()
    var documents: [SourceDocument] = []
    for _ in 0..<(try reader.count()) {
      documents.append(
        SourceDocument(
          id: try reader.string(), title: try reader.string(), origin: try reader.optional(),
          licence: try reader.optional()))
    }
    let manifest = GraphManifest(
      name: name, description: summary, lateralThreshold: hasThreshold ? threshold : nil, documents: documents
    )
    let nodeCount = try reader.int()
    let nodeKinds: Vector<UInt16> = try vector()
    let nodeLocal: Vector<Int32> = try vector()
    let ids = StringTable(offsets: try vector(), bytes: try vector())
    let names = StringTable(offsets: try vector(), bytes: try vector())
    let idIndex = HashIndex(slots: try vector())
    let nameIndex = HashIndex(slots: try vector())
    var ranges: [Int32: SourceRange] = [:]
    for _ in 0..<(try reader.count()) {
      ranges[Int32(truncatingIfNeeded: try reader.int())] = try decodeRange()
    }
    var aliases: [String: [NodeID]] = [:]
    for _ in 0..<(try reader.count()) {
      let key = try reader.string()
      var nodes: [NodeID] = []
      for _ in 0..<(try reader.count()) { nodes.append(NodeID(Int32(truncatingIfNeeded: try reader.int()))) }
      aliases[key] = nodes
    }
    var members: [Vector<NodeID>] = []
    for _ in schema.kinds { members.append(try vector()) }
    var kindColumns: [[Column?]] = []
    for _ in schema.kinds { kindColumns.append(try decodeColumns()) }
    var stores: [EdgeStore] = []
    for definition in schema.edgeTypes {
      let from: Vector<Int32> = try vector()
      let to: Vector<Int32> = try vector()
      let columns = try decodeColumns()
      var edgeRanges: [Int32: SourceRange] = [:]
      for _ in 0..<(try reader.count()) {
        edgeRanges[Int32(truncatingIfNeeded: try reader.int())] = try decodeRange()
      }
      var index: [String: Int] = [:]
      for (i, p) in definition.properties.enumerated() { index[p.name] = i }
      stores.append(
        EdgeStore(
          from: from, to: to, columns: columns, propertyIndex: index, ranges: edgeRanges,
          forward: (try vector(), try vector(), try vector()),
          reverse: (try vector(), try vector(), try vector())))
    }
    let parts = Graph.Parts(
      schema: schema, manifest: manifest, nodeKinds: nodeKinds, nodeLocal: nodeLocal, nodeIDs: ids,
      nodeNames: names,
      nodeRanges: ranges, kindMembers: members, kindColumns: kindColumns, edgeStores: stores,
      idIndex: idIndex,
      nameIndex: nameIndex, aliasIndex: aliases)
    try Self.validate(parts, nodeCount: nodeCount)
    return Graph(parts: parts)
  }

  /// Checks that every array index the graph will follow is in range, so that even a file made by hand,
  /// with checksums to match, cannot make a query read out of bounds.
  static func validate(_ p: Graph.Parts, nodeCount: Int) throws(SnapshotError) {
    func inRange(_ v: Vector<Int32>, below limit: Int) -> Bool {
      v.withUnsafeBufferPointer { b in b.allSatisfy { $0 >= 0 && Int($0) < limit } }
    }
    func offsetsOK(_ v: Vector<Int32>, count: Int) -> Bool {
      v.isEmpty
        || (v.count == nodeCount + 1 && v[0] == 0 && Int(v[v.count - 1]) == count
          && v.withUnsafeBufferPointer { b in (1..<b.count).allSatisfy { b[$0 - 1] <= b[$0] } })
    }
    func tableOK(_ t: StringTable) -> Bool {
      t.offsets.count == nodeCount + 1 && t.offsets[0] == 0 && Int(t.offsets[nodeCount]) == t.bytes.count
        && t.offsets.withUnsafeBufferPointer { b in (1..<b.count).allSatisfy { b[$0 - 1] <= b[$0] } }
    }
    guard p.nodeKinds.count == nodeCount, p.nodeLocal.count == nodeCount,
      p.nodeKinds.allSatisfy({ Int($0) < p.schema.kinds.count }), tableOK(p.nodeIDs), tableOK(p.nodeNames)
    else { throw SnapshotError("its node arrays do not agree") }
    for index in [p.idIndex, p.nameIndex] {
      let n = index.slots.count
      guard n >= 16, n & (n - 1) == 0,
        index.slots.withUnsafeBufferPointer({ $0.allSatisfy { Int($0) < nodeCount } })
      else { throw SnapshotError("a hash index is malformed") }
    }
    for (k, members) in p.kindMembers.enumerated() {
      guard members.allSatisfy({ $0.index >= 0 && $0.index < nodeCount && Int(p.nodeKinds[$0.index]) == k })
      else {
        throw SnapshotError("a kind's node list is wrong")
      }
    }
    guard
      p.nodeLocal.enumerated().allSatisfy({ i, l in
        let k = Int(p.nodeKinds[i])
        return l >= 0 && Int(l) < p.kindMembers[k].count
      })
    else { throw SnapshotError("node positions are out of range") }
    for (k, columns) in p.kindColumns.enumerated()
    where columns.contains(where: { ($0?.count ?? p.kindMembers[k].count) != p.kindMembers[k].count }) {
      throw SnapshotError("a property column of `\(p.schema.kinds[k].name)` has the wrong length")
    }
    for (t, s) in p.edgeStores.enumerated() {
      let n = s.from.count
      guard s.to.count == n, inRange(s.from, below: nodeCount), inRange(s.to, below: nodeCount),
        offsetsOK(s.forwardOffsets, count: n), offsetsOK(s.reverseOffsets, count: n),
        s.forwardTargets.count == (n == 0 ? 0 : n), inRange(s.forwardTargets, below: nodeCount),
        s.forwardEdges.isEmpty || (s.forwardEdges.count == n && inRange(s.forwardEdges, below: n)),
        s.reverseTargets.count == s.reverseEdges.count, inRange(s.reverseTargets, below: nodeCount),
        inRange(s.reverseEdges, below: n), s.columns.allSatisfy({ ($0?.count ?? n) == n })
      else { throw SnapshotError("the `\(p.schema.edgeTypes[t].name)` edges are malformed") }
    }
  }

  mutating func decodeSchema() throws(SnapshotError) -> Schema {
    func properties() throws(SnapshotError) -> [PropertyDefinition] {
      var out: [PropertyDefinition] = []
      for _ in 0..<(try reader.count()) {
        let name = try reader.string()
        let typeName = try reader.string()
        let summary = try reader.string()
        out.append(PropertyDefinition(name: name, type: PropertyType.named(typeName), summary: summary))
      }
      return out
    }
    var kinds: [KindDefinition] = []
    for _ in 0..<(try reader.count()) {
      let name = try reader.string()
      let plural = try reader.string()
      let summary = try reader.string()
      let builtIn = try reader.bool()
      kinds.append(
        KindDefinition(
          name: name, plural: plural, summary: summary, properties: try properties(), isBuiltIn: builtIn))
    }
    var types: [EdgeTypeDefinition] = []
    for _ in 0..<(try reader.count()) {
      let name = try reader.string()
      let from = try reader.strings()
      let to = try reader.strings()
      let summary = try reader.string()
      let builtIn = try reader.bool()
      types.append(
        EdgeTypeDefinition(
          name: name, from: from, to: to, summary: summary, properties: try properties(), isBuiltIn: builtIn))
    }
    var enums: [EnumDefinition] = []
    for _ in 0..<(try reader.count()) {
      enums.append(EnumDefinition(name: try reader.string(), cases: try reader.strings()))
    }
    return Schema(kinds: kinds, edgeTypes: types, enums: enums)
  }

  mutating func decodeRange() throws(SnapshotError) -> SourceRange {
    let file = try reader.optional()
    let start = SourceLocation(line: try reader.int(), column: try reader.int())
    let end = SourceLocation(line: try reader.int(), column: try reader.int())
    return SourceRange(file: file, start: start, end: end)
  }

  mutating func decodeColumns() throws(SnapshotError) -> [Column?] {
    var out: [Column?] = []
    for _ in 0..<(try reader.count()) {
      switch try reader.readUInt8() {
      case 0: out.append(nil)
      case 1:
        let name = try reader.string()
        let cases = try reader.strings()
        let ranks: Vector<UInt8> = try vector()
        out.append(.scale(enumName: name, cases: cases, ranks: ranks))
      case 2:
        var values: [Value?] = []
        for _ in 0..<(try reader.count()) { values.append(try decodeValue()) }
        out.append(.values(values))
      default: throw SnapshotError("a column has an unknown type")
      }
    }
    return out
  }

  mutating func decodeValue() throws(SnapshotError) -> Value? {
    switch try reader.readUInt8() {
    case 0: return nil
    case 1: return .string(try reader.string())
    case 2: return .int(try reader.int())
    case 3: return .number(try reader.double())
    case 4: return .bool(try reader.bool())
    case 5:
      return .enumCase(
        EnumCase(enumName: try reader.string(), name: try reader.string(), rank: try reader.int()))
    case 6: return .strings(try reader.strings())
    case 7:
      var nodes: [NodeID] = []
      for _ in 0..<(try reader.count()) { nodes.append(NodeID(Int32(truncatingIfNeeded: try reader.int()))) }
      return .nodes(nodes)
    case 8: return .source(SourceReference(document: try reader.string(), line: try reader.int()))
    default: throw SnapshotError("a value has an unknown type")
    }
  }
}
