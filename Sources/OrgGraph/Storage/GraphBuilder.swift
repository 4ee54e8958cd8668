/// Builds an immutable ``Graph``: add nodes and edges, then call ``build()``.
///
/// ```swift
/// var builder = GraphBuilder()
/// let k8s = try builder.addNode(kind: "competency", id: "competency:kubernetes", name: "Kubernetes")
/// let sre = try builder.addNode(kind: "role", id: "role:acme/sre", name: "SRE")
/// try builder.addEdge("requires", from: sre, to: k8s,
///                     properties: ["proficiency": .enumCase(Schema.builtIn.enumCase("expert", in: "proficiency")!)])
/// let graph = try builder.build()
/// ```
///
/// Adding checks what can be checked at once (kinds, id syntax, duplicate ids, property types, edge
/// endpoints); ``build()`` checks the whole (promotion cycles, levels outside any ladder), computes the
/// derived `requires` and inferred `lateral` edges, and lays the edges out in compressed adjacency arrays.
public struct GraphBuilder: Sendable {
  /// The schema nodes and edges are checked against.
  public let schema: Schema
  /// The manifest the graph will carry.
  public var manifest: GraphManifest

  var nodeKinds: [UInt16] = []
  var nodeIDs: [String] = []
  var nodeNames: [String] = []
  var nodeProperties: [[String: Value]] = []
  var nodeRanges: [Int32: SourceRange] = [:]
  var idIndex: [String: Int32] = [:]
  /// The ids laid out by bytes, when a load made them (to read edge tables); the graph reuses them while no
  /// node has been added since.
  var idLookup: IDLookup?
  var edges: [EdgeTable]

  /// Creates an empty builder.
  public init(schema: Schema = .builtIn, manifest: GraphManifest = GraphManifest()) {
    self.schema = schema
    self.manifest = manifest
    edges = schema.edgeTypes.map { EdgeTable(definition: $0, schema: schema) }
  }

  /// The number of nodes added so far.
  public var nodeCount: Int { nodeIDs.count }

  /// The node added with the string id `id`.
  public func node(withID id: String) -> NodeID? { idIndex[id].map(NodeID.init) }

  /// The kind of a node added earlier.
  public func kind(of node: NodeID) -> KindDefinition { schema.kinds[Int(nodeKinds[node.index])] }

  /// Every string id added so far, for "did you mean".
  public var allIDs: Dictionary<String, Int32>.Keys { idIndex.keys }

  /// Adds a node.
  ///
  /// - Throws: a ``Diagnostic`` for an unknown kind, a malformed or duplicate id, an unknown property or a
  ///   value of the wrong type. The diagnostic has `range` when one was given.
  @discardableResult
  public mutating func addNode(
    kind: String, id: String, name: String, properties: [String: Value] = [:], range: SourceRange? = nil
  ) throws(Diagnostic) -> NodeID {
    guard let kindNumber = schema.kindNumber(kind) else {
      throw Diagnostic(
        code: .G101, message: "unknown kind `\(kind)`", range: range,
        help: Suggestions.didYouMean(kind, in: schema.kinds.map(\.name)),
        notes: ["kinds: " + schema.kinds.map(\.name).joined(separator: ", ")])
    }
    if let problem = Self.idProblem(id, kind: kind) {
      throw Diagnostic(code: .G203, message: problem.message, range: range, help: problem.help)
    }
    if let existing = idIndex[id] {
      let other = nodeRanges[existing].map { " at \($0)" } ?? ""
      throw Diagnostic(
        code: .G202, message: "duplicate id `\(id)`", range: range, label: "defined again here",
        help: ["give one of the two nodes another id"], notes: ["first defined\(other)"])
    }
    let definition = schema.kinds[kindNumber]
    for (key, value) in properties {
      guard let property = definition.property(key) else {
        throw Diagnostic(
          code: .G102, message: "\(Grammar.a(kind)) has no property `\(key)`", range: range,
          help: Suggestions.didYouMean(key, in: definition.properties.map(\.name)))
      }
      try Self.check(value, against: property, schema: schema, range: range)
    }
    let number = Int32(nodeIDs.count)
    nodeKinds.append(UInt16(kindNumber))
    nodeIDs.append(id)
    nodeNames.append(name)
    var stored = properties
    stored["name"] = nil
    nodeProperties.append(stored)
    if let range { nodeRanges[number] = range }
    idIndex[id] = number
    return NodeID(number)
  }

  /// Adds an edge of type `type` from `from` to `to`.
  ///
  /// - Throws: a ``Diagnostic`` for an unknown edge type, endpoints of kinds the type does not allow, an
  ///   unknown property or a value of the wrong type.
  public mutating func addEdge(
    _ type: String, from: NodeID, to: NodeID, properties: [String: Value] = [:], range: SourceRange? = nil
  ) throws(Diagnostic) {
    guard let number = schema.edgeTypeNumber(type) else {
      throw Diagnostic(
        code: .G105, message: "unknown edge type `\(type)`", range: range,
        help: Suggestions.didYouMean(type, in: schema.edgeTypes.map(\.name)))
    }
    guard from.index >= 0, from.index < nodeCount, to.index >= 0, to.index < nodeCount else {
      throw Diagnostic(
        code: .G201, message: "an edge `\(type)` names a node that was never added", range: range)
    }
    if edges[number].allows(from: nodeKinds[from.index], to: nodeKinds[to.index]) {
      // The common case: no properties to check beyond their types.
      let definition = schema.edgeTypes[number]
      for (key, value) in properties {
        guard let property = definition.property(key) else { break }
        try Self.check(value, against: property, schema: schema, range: range)
      }
      if properties.keys.allSatisfy({ edges[number].propertyIndex[$0] != nil }) {
        edges[number].append(from: from.rawValue, to: to.rawValue, properties: properties, range: range)
        return
      }
    }
    let definition = schema.edgeTypes[number]
    let fromKind = kind(of: from).name
    let toKind = kind(of: to).name
    guard definition.from.contains(fromKind) else {
      throw Diagnostic(
        code: .G105, message: "\(Grammar.a("`\(type)`")) edge cannot leave \(Grammar.a(fromKind))",
        range: range,
        label: "`\(nodeIDs[from.index])` is \(Grammar.a(fromKind))",
        notes: [
          "`\(type)` leaves \(Suggestions.list(definition.from)); edges leaving \(Grammar.a(fromKind)): "
            + schema.edgeTypes(leaving: fromKind).map(\.name).joined(separator: ", ")
        ])
    }
    guard definition.to.contains(toKind) else {
      throw Diagnostic(
        code: .G105, message: "\(Grammar.a("`\(type)`")) edge cannot enter \(Grammar.a(toKind))",
        range: range,
        label: "`\(nodeIDs[to.index])` is \(Grammar.a(toKind))",
        notes: ["`\(type)` enters \(Suggestions.list(definition.to))"])
    }
    for (key, value) in properties {
      guard let property = definition.property(key) else {
        throw Diagnostic(
          code: .G102, message: "\(Grammar.a("`\(type)`")) edge has no property `\(key)`", range: range,
          help: Suggestions.didYouMean(key, in: definition.properties.map(\.name)),
          notes: definition.properties.isEmpty
            ? [] : ["`\(type)` edges have: " + definition.properties.map(\.name).joined(separator: ", ")])
      }
      try Self.check(value, against: property, schema: schema, range: range)
    }
    edges[number].append(from: from.rawValue, to: to.rawValue, properties: properties, range: range)
  }

  /// Builds the graph: checks it as a whole, derives and infers edges, and lays out adjacency.
  ///
  /// - Throws: ``DiagnosticList`` with every error found (promotion cycles, levels outside any ladder).
  public func build() throws(DiagnosticList) -> Graph {
    let problems = structuralDiagnostics()
    if problems.contains(where: { $0.severity == .error }) { throw DiagnosticList(problems) }
    return buildChecked()
  }

  /// Builds a graph whose structural checks passed already.
  func buildChecked() -> Graph {
    var builder = self
    builder.deriveRequirements()
    builder.inferLateralMoves()
    return Graph(builder: builder)
  }

  // MARK: - Checks

  static func idProblem(_ id: String, kind: String) -> (message: String, help: [String])? {
    guard let colon = id.firstIndex(of: ":") else {
      return ("id `\(id)` has no kind prefix", ["write it `\(kind):\(slug(id))`"])
    }
    let prefix = id[..<colon]
    let path = id[id.index(after: colon)...]
    guard prefix == kind else {
      return (
        "id `\(id)` starts with `\(prefix):` but the node is a \(kind)",
        ["write it `\(kind):\(path)`"]
      )
    }
    func allowed(_ byte: UInt8) -> Bool {
      (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) || byte == 45 || byte == 95 || byte == 46
        || byte == 47
    }
    func startsWell(_ byte: UInt8) -> Bool { (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) }
    guard let first = path.utf8.first, startsWell(first), path.utf8.allSatisfy(allowed) else {
      return (
        "id `\(id)` may use only lower-case letters, digits and `- _ . /` after `\(kind):`",
        ["write it `\(kind):\(slug(String(path)))`"]
      )
    }
    return nil
  }

  /// A lower-case, dash-separated version of `text`, usable in an id.
  package static func slug(_ text: String) -> String {
    var out = ""
    var pendingDash = false
    // Accents folded first: `Otávio` → `otavio`, not `ot-vio`.
    for ch in text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased() {
      if ch.isASCII, ch.isLetter || ch.isNumber || ch == "/" || ch == "." || ch == "_" {
        if pendingDash, !out.isEmpty { out.append("-") }
        out.append(ch)
        pendingDash = false
      } else {
        pendingDash = true
      }
    }
    return out.isEmpty ? "node" : out
  }

  static func check(_ value: Value, against property: PropertyDefinition, schema: Schema, range: SourceRange?)
    throws(Diagnostic)
  {
    let ok: Bool
    switch (property.type, value) {
    case (.string, .string), (.text, .string), (.int, .int), (.number, .number), (.number, .int),
      (.bool, .bool), (.strings, .strings), (.source, .source), (.nodes, .nodes):
      ok = true
    case (.enumeration(let name), .enumCase(let c)):
      ok = c.enumName == name && schema.enumCase(c.name, in: name) != nil
    default:
      ok = false
    }
    if !ok {
      throw Diagnostic(
        code: .G103, message: "`\(property.name)` takes a value of type \(property.type)", range: range)
    }
  }

  func structuralDiagnostics() -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    // A level must belong to a role or track.
    if let levelKind = schema.kindNumber("level"), let hasLevel = schema.edgeTypeNumber("has_level") {
      var owned = [Bool](repeating: false, count: nodeCount)
      for target in edges[hasLevel].to { owned[Int(target)] = true }
      for node in 0..<nodeCount where Int(nodeKinds[node]) == levelKind && !owned[node] {
        diagnostics.append(
          Diagnostic(
            code: .G302, message: "level `\(nodeIDs[node])` belongs to no role or track",
            range: nodeRanges[Int32(node)], label: "this level is on no ladder",
            help: ["list it under a role's or track's `has_level`"]))
      }
    }
    // Promotions and hierarchies must not loop (a self-loop of `promotes_to` is a circle of one).
    let hierarchies: [(edge: String, code: DiagnosticCode, message: String, label: String, help: String)] = [
      (
        "promotes_to", .G301, "promotions go round in a circle", "this promotion closes the circle",
        "remove the `promotes_to` that leads back to a lower level"
      ),
      (
        "includes", .G303, "`includes` edges go round in a circle", "this `includes` closes the circle",
        "remove the `includes` that leads back: a level includes only lower levels"
      ),
      (
        "part_of", .G303, "`part_of` edges go round in a circle", "this `part_of` closes the circle",
        "remove the `part_of` that leads back: a team is part of a larger team or an organisation"
      ),
      (
        "broader", .G303, "`broader` edges go round in a circle", "this `broader` closes the circle",
        "remove the `broader` that leads back: a competency's broader one is more general"
      ),
    ]
    for rule in hierarchies {
      guard let type = schema.edgeTypeNumber(rule.edge) else { continue }
      for cycle in cycles(in: edges[type]) where cycle.count > 1 || rule.code == .G301 {
        let names = cycle.map { "`\(nodeIDs[Int($0)])`" }
        let first = cycle.first ?? 0
        let last = cycle.last ?? 0
        diagnostics.append(
          Diagnostic(
            code: rule.code, message: rule.message,
            range: edges[type].ranges[edges[type].firstEdge(from: last, toAnyOf: [first]) ?? -1]
              ?? nodeRanges[first],
            label: rule.label, help: [rule.help],
            notes: ["the circle: " + (names + [names.first ?? ""]).joined(separator: " → ")]))
      }
    }
    for name in ["includes", "part_of", "broader", "lateral"] {
      guard let type = schema.edgeTypeNumber(name) else { continue }
      let table = edges[type]
      for e in 0..<table.count where table.from[e] == table.to[e] {
        let node = table.from[e]
        diagnostics.append(
          Diagnostic(
            code: .G304, message: "`\(nodeIDs[Int(node)])` has \(Grammar.a("`\(name)`")) edge to itself",
            range: table.ranges[Int32(e)] ?? nodeRanges[node], label: "points at its own node",
            help: ["remove it, or point it at another node"]))
      }
    }
    return diagnostics
  }

  /// The cycles of a directed edge table, one per strongly connected component with a cycle.
  private func cycles(in table: EdgeTable) -> [[Int32]] {
    var adjacency: [Int32: [Int32]] = [:]
    for (f, t) in zip(table.from, table.to) { adjacency[f, default: []].append(t) }
    // Iterative colouring DFS: 0 white, 1 on stack, 2 done.
    var colour: [Int32: UInt8] = [:]
    var found: [[Int32]] = []
    var reported = Set<Int32>()
    for start in adjacency.keys.sorted() where colour[start, default: 0] == 0 {
      var stack: [(node: Int32, next: Int)] = [(start, 0)]
      var path: [Int32] = [start]
      colour[start] = 1
      while let top = stack.last {
        let successors = adjacency[top.node] ?? []
        if top.next < successors.count {
          stack[stack.count - 1].next += 1
          let s = successors[top.next]
          switch colour[s, default: 0] {
          case 0:
            colour[s] = 1
            stack.append((s, 0))
            path.append(s)
          case 1:
            if let i = path.firstIndex(of: s) {
              let cycle = Array(path[i...])
              if !cycle.contains(where: reported.contains) {
                found.append(cycle)
                reported.formUnion(cycle)
              }
            }
          default: break
          }
        } else {
          colour[top.node] = 2
          stack.removeLast()
          path.removeLast()
        }
      }
    }
    return found
  }
}

/// The edges of one type while a graph is being built: endpoints and property columns.
struct EdgeTable: Sendable {
  let definition: EdgeTypeDefinition
  let schema: Schema
  var from = Vector<Int32>()
  var to = Vector<Int32>()
  var columns: [Column?]
  var ranges: [Int32: SourceRange] = [:]
  /// Property name → column position.
  let propertyIndex: [String: Int]
  /// Kind numbers the type may leave and enter.
  let fromKinds: [Bool]
  let toKinds: [Bool]
  /// The `origin` column's position, and the rank of `declared`, written when an edge names no origin.
  let originColumn: Int?
  let declaredRank: Int

  init(definition: EdgeTypeDefinition, schema: Schema) {
    self.definition = definition
    self.schema = schema
    columns = [Column?](repeating: nil, count: definition.properties.count)
    var index: [String: Int] = [:]
    for (i, p) in definition.properties.enumerated() { index[p.name] = i }
    propertyIndex = index
    var fromKinds = [Bool](repeating: false, count: schema.kinds.count)
    var toKinds = fromKinds
    for k in definition.from { if let n = schema.kindNumber(k) { fromKinds[n] = true } }
    for k in definition.to { if let n = schema.kindNumber(k) { toKinds[n] = true } }
    self.fromKinds = fromKinds
    self.toKinds = toKinds
    originColumn = index["origin"]
    declaredRank = schema.enumCase("declared", in: "origin")?.rank ?? 1
  }

  var count: Int { from.count }

  func allows(from: UInt16, to: UInt16) -> Bool {
    Int(from) < fromKinds.count && fromKinds[Int(from)] && Int(to) < toKinds.count && toKinds[Int(to)]
  }

  /// Appends an edge; an edge that names no `origin` is `declared`.
  mutating func append(from: Int32, to: Int32, properties: [String: Value], range: SourceRange?) {
    let position = self.from.count
    self.from.append(from)
    self.to.append(to)
    var written = 0
    for (name, value) in properties {
      guard let i = propertyIndex[name] else { continue }
      if columns[i] == nil {
        columns[i] = Column(type: definition.properties[i].type, schema: schema, count: position)
      }
      columns[i]?.append(value)
      written |= 1 << min(i, 62)
    }
    if let o = originColumn, properties["origin"] == nil {
      if columns[o] == nil {
        columns[o] = Column(type: definition.properties[o].type, schema: schema, count: position)
      }
      columns[o]?.append(
        .enumCase(EnumCase(enumName: "origin", name: "declared", rank: declaredRank)))
      written |= 1 << min(o, 62)
    }
    for i in 0..<columns.count where written & (1 << min(i, 62)) == 0 && columns[i] != nil {
      columns[i]?.append(nil)
    }
    if let range { ranges[Int32(position)] = range }
  }

  /// Sets one edge's property (creating the column when no edge had it yet).
  mutating func set(_ property: String, at position: Int, _ value: Value) {
    guard let i = propertyIndex[property] else { return }
    if columns[i] == nil {
      columns[i] = Column(type: definition.properties[i].type, schema: schema, count: count)
    }
    columns[i]?.set(position, value)
  }

  func value(_ property: String, at position: Int) -> Value? {
    guard let i = definition.properties.firstIndex(where: { $0.name == property }) else { return nil }
    return columns[i]?[position]
  }

  func firstEdge(from source: Int32, toAnyOf targets: Set<Int32>) -> Int32? {
    for i in 0..<from.count where from[i] == source && targets.contains(to[i]) { return Int32(i) }
    return nil
  }
}
