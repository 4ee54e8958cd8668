/// The type of a property.
public enum PropertyType: Sendable, Hashable, CustomStringConvertible {
  /// A short string (a name, a code, a section).
  case string
  /// A long string (a statement, a purpose).
  case text
  /// An integer.
  case int
  /// An integer or decimal number.
  case number
  /// `true` or `false`.
  case bool
  /// A list of strings.
  case strings
  /// A reference to a line of a source document.
  case source
  /// A list of node ids.
  case nodes
  /// A case of the named enum.
  case enumeration(String)

  /// The name the graph format uses for the type.
  public var description: String {
    switch self {
    case .string: return "string"
    case .text: return "text"
    case .int: return "int"
    case .number: return "number"
    case .bool: return "bool"
    case .strings: return "strings"
    case .source: return "source"
    case .nodes: return "nodes"
    case .enumeration(let name): return name
    }
  }

  /// Parses a type name as written in a manifest's schema section; enum names are checked by the caller.
  static func named(_ name: String) -> PropertyType {
    switch name {
    case "string": return .string
    case "text": return .text
    case "int": return .int
    case "number": return .number
    case "bool": return .bool
    case "strings": return .strings
    case "source": return .source
    case "nodes": return .nodes
    default: return .enumeration(name)
    }
  }
}

/// A property a kind or an edge type may carry.
public struct PropertyDefinition: Sendable, Hashable {
  /// The property's snake_case name.
  public let name: String
  /// The property's type.
  public let type: PropertyType
  /// A sentence saying what the property holds.
  public let summary: String

  /// Creates a property definition.
  public init(name: String, type: PropertyType, summary: String = "") {
    self.name = name
    self.type = type
    self.summary = summary
  }
}

/// An ordered enum: a named list of cases, compared by position.
public struct EnumDefinition: Sendable, Hashable {
  /// The enum's name, such as `proficiency`.
  public let name: String
  /// The cases, lowest first.
  public let cases: [String]

  /// Creates an enum.
  public init(name: String, cases: [String]) {
    self.name = name
    self.cases = cases
  }

  /// The case named `name`, if there is one.
  public func enumCase(_ name: String) -> EnumCase? {
    guard let index = cases.firstIndex(of: name) else { return nil }
    return EnumCase(enumName: self.name, name: name, rank: index + 1)
  }
}

/// A kind of node, such as `role`.
public struct KindDefinition: Sendable, Hashable {
  /// The singular name (`role`), used in ids and node references.
  public let name: String
  /// The plural name (`roles`), used as a source of all nodes of the kind and as a graph file section.
  public let plural: String
  /// What the kind stands for.
  public let summary: String
  /// The kind's properties, `name` first.
  public internal(set) var properties: [PropertyDefinition]
  /// Whether the built-in schema defines the kind.
  public let isBuiltIn: Bool

  /// Creates a kind.
  public init(
    name: String, plural: String, summary: String = "", properties: [PropertyDefinition],
    isBuiltIn: Bool = false
  ) {
    self.name = name
    self.plural = plural
    self.summary = summary
    self.properties = properties
    self.isBuiltIn = isBuiltIn
  }

  /// The property named `name`, if the kind has it.
  public func property(_ name: String) -> PropertyDefinition? {
    properties.first { $0.name == name }
  }
}

/// A type of edge, such as `requires`, with the kinds it may leave and enter.
public struct EdgeTypeDefinition: Sendable, Hashable {
  /// The edge type's name, a verb (`requires`).
  public let name: String
  /// The kinds an edge of this type may leave.
  public let from: [String]
  /// The kinds an edge of this type may enter.
  public let to: [String]
  /// What the edge means.
  public let summary: String
  /// The edge type's properties.
  public internal(set) var properties: [PropertyDefinition]
  /// Whether the built-in schema defines the edge type.
  public let isBuiltIn: Bool

  /// Creates an edge type.
  public init(
    name: String, from: [String], to: [String], summary: String = "",
    properties: [PropertyDefinition] = [], isBuiltIn: Bool = false
  ) {
    self.name = name
    self.from = from
    self.to = to
    self.summary = summary
    self.properties = properties
    self.isBuiltIn = isBuiltIn
  }

  /// The property named `name`, if the edge type has it.
  public func property(_ name: String) -> PropertyDefinition? {
    properties.first { $0.name == name }
  }
}

/// The schema of a graph: its kinds, edge types, enums and properties.
///
/// The schema is data. ``Schema/builtIn`` declares the kinds and edges every graph has; a graph's manifest
/// may add kinds, edge types, enums and properties, and everything downstream (loading, the query language,
/// completion) reads them from here.
public struct Schema: Sendable, Hashable {
  /// The kinds, in declaration order.
  public private(set) var kinds: [KindDefinition]
  /// The edge types, in declaration order.
  public private(set) var edgeTypes: [EdgeTypeDefinition]
  /// The enums, in declaration order.
  public private(set) var enums: [EnumDefinition]

  private var kindIndex: [String: Int]
  private var pluralIndex: [String: Int]
  private var edgeIndex: [String: Int]
  private var enumIndex: [String: Int]

  /// Creates a schema from its parts.
  public init(kinds: [KindDefinition], edgeTypes: [EdgeTypeDefinition], enums: [EnumDefinition]) {
    self.kinds = []
    self.edgeTypes = []
    self.enums = []
    kindIndex = [:]
    pluralIndex = [:]
    edgeIndex = [:]
    enumIndex = [:]
    for e in enums { add(e) }
    for k in kinds { add(k) }
    for e in edgeTypes { add(e) }
  }

  mutating func add(_ definition: EnumDefinition) {
    enumIndex[definition.name] = enums.count
    enums.append(definition)
  }

  mutating func add(_ definition: KindDefinition) {
    kindIndex[definition.name] = kinds.count
    pluralIndex[definition.plural] = kinds.count
    kinds.append(definition)
  }

  mutating func add(_ definition: EdgeTypeDefinition) {
    edgeIndex[definition.name] = edgeTypes.count
    edgeTypes.append(definition)
  }

  mutating func addProperty(_ property: PropertyDefinition, toKind kind: String) {
    guard let index = kindIndex[kind] else { return }
    kinds[index].properties.append(property)
  }

  mutating func addProperty(_ property: PropertyDefinition, toEdgeType edge: String) {
    guard let index = edgeIndex[edge] else { return }
    edgeTypes[index].properties.append(property)
  }

  /// The kind named `name` (singular).
  public func kind(_ name: String) -> KindDefinition? {
    kindIndex[name].map { kinds[$0] }
  }

  /// The kind whose plural is `plural`.
  public func kind(plural: String) -> KindDefinition? {
    pluralIndex[plural].map { kinds[$0] }
  }

  /// The edge type named `name`.
  public func edgeType(_ name: String) -> EdgeTypeDefinition? {
    edgeIndex[name].map { edgeTypes[$0] }
  }

  /// The enum named `name`.
  public func enumDefinition(_ name: String) -> EnumDefinition? {
    enumIndex[name].map { enums[$0] }
  }

  /// The case `name` of the enum `enumName`.
  public func enumCase(_ name: String, in enumName: String) -> EnumCase? {
    enumDefinition(enumName)?.enumCase(name)
  }

  /// The position of a kind in ``kinds``.
  package func kindNumber(_ name: String) -> Int? { kindIndex[name] }

  /// The position of an edge type in ``edgeTypes``.
  package func edgeTypeNumber(_ name: String) -> Int? { edgeIndex[name] }

  /// The edge types that may leave a node of `kind`.
  public func edgeTypes(leaving kind: String) -> [EdgeTypeDefinition] {
    edgeTypes.filter { $0.from.contains(kind) }
  }

  /// The edge types that may enter a node of `kind`.
  public func edgeTypes(entering kind: String) -> [EdgeTypeDefinition] {
    edgeTypes.filter { $0.to.contains(kind) }
  }
}
