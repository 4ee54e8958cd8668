/// A property value of a node or an edge.
///
/// Values are typed by the schema: each property has one ``PropertyType`` and every value stored under it
/// has the matching case.
public enum Value: Sendable, Hashable {
  /// A string (`string` and `text` properties).
  case string(String)
  /// An integer.
  case int(Int)
  /// A number.
  case number(Double)
  /// A boolean.
  case bool(Bool)
  /// A case of an enum, such as the proficiency `advanced`.
  case enumCase(EnumCase)
  /// A list of strings (`strings` properties, such as a competency's aliases).
  case strings([String])
  /// A list of nodes (`nodes` properties, such as the evidence of a derived `requires` edge).
  case nodes([NodeID])
  /// Where a statement comes from: a document and a line.
  case source(SourceReference)

  /// The value as text, the way tables print it.
  public var displayText: String {
    switch self {
    case .string(let s): return s
    case .int(let i): return String(i)
    case .number(let d):
      if d.rounded() == d, abs(d) < 1e15 { return String(Int(d)) }
      return String(d)
    case .bool(let b): return b ? "true" : "false"
    case .enumCase(let c): return c.name
    case .strings(let list): return list.joined(separator: ", ")
    case .nodes(let ids): return ids.map { "#\($0.rawValue)" }.joined(separator: ", ")
    case .source(let s): return s.description
    }
  }
}

/// A case of an ordered enum such as `proficiency`.
///
/// Cases compare by their position in the enum (`awareness < … < expert`), never by spelling.
public struct EnumCase: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The enum's name, such as `proficiency`.
  public let enumName: String
  /// The case's name, such as `advanced`.
  public let name: String
  /// The 1-based position of the case in its enum.
  public let rank: Int

  /// Creates a case; prefer ``Schema/enumCase(_:in:)`` which checks the name.
  public init(enumName: String, name: String, rank: Int) {
    self.enumName = enumName
    self.name = name
    self.rank = rank
  }

  /// Orders by position.
  public static func < (lhs: EnumCase, rhs: EnumCase) -> Bool { lhs.rank < rhs.rank }

  /// The case's name.
  public var description: String { name }
}

/// A place in a source document: the document's id (declared in the manifest) and a 1-based line.
public struct SourceReference: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The document id, such as `seed-000`.
  public let document: String
  /// The 1-based line number in the document.
  public let line: Int

  /// Creates a reference to `line` of `document`.
  public init(document: String, line: Int) {
    self.document = document
    self.line = line
  }

  /// `document:line`.
  public var description: String { "\(document):\(line)" }
}
