/// A node's dense position in a ``Graph``, assigned when the graph is built.
///
/// Node ids are only meaningful within the graph (or builder) that made them; the stable, human-facing
/// identity of a node is its string id (`role:rocket-chat/cloud-engineer`).
public struct NodeID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible, BitwiseCopyable {
  /// The position, from 0.
  public let rawValue: Int32

  /// Wraps a position.
  public init(_ rawValue: Int32) { self.rawValue = rawValue }

  /// The position as an `Int`, for indexing.
  @inlinable public var index: Int { Int(rawValue) }

  /// Orders by position.
  public static func < (lhs: NodeID, rhs: NodeID) -> Bool { lhs.rawValue < rhs.rawValue }

  /// `#n`.
  public var description: String { "#\(rawValue)" }
}

/// An edge of a ``Graph``: its type's position in the schema and its position among that type's edges.
public struct EdgeID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  /// The edge type's position in ``Schema/edgeTypes``.
  public let type: Int32
  /// The edge's position among the edges of its type.
  public let index: Int32

  /// Creates an edge id.
  public init(type: Int32, index: Int32) {
    self.type = type
    self.index = index
  }

  /// Orders by position.
  public static func < (lhs: EdgeID, rhs: EdgeID) -> Bool { (lhs.type, lhs.index) < (rhs.type, rhs.index) }

  /// `type#index`.
  public var description: String { "\(type)#\(index)" }
}

/// The direction a step follows edges in.
public enum Direction: Sendable, Hashable {
  /// From an edge's source to its target (`->`).
  case forward
  /// From an edge's target to its source (`<-`).
  case backward
}
