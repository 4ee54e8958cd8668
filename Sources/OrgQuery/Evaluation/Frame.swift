import OrgGraph

/// A row while a query runs: the row's node and the edge it came by (when it has them), the depth reached
/// by a closure, and the values of named columns.
struct Row: Sendable, Hashable {
  var node: NodeID?
  var edge: EdgeID?
  var depth = 0
  var values: [QueryValue] = []
  /// The values of the names carried from earlier stages (``Shape/carried``), in the same order.
  var carried: [CarriedValue] = []
}

/// What a row remembers of a named stage: the node (or a carried column's value) and the edge it came by.
struct CarriedValue: Sendable, Hashable {
  var value: QueryValue
  var edge: EdgeID?
}

/// Rows and what they hold.
struct Frame: Sendable {
  var rows: [Row]
  var shape: Shape
  /// Paths, for `path` results (also in the `path` column).
  var paths: [GraphPath] = []
  /// Pairwise similarities, for `overlap` results.
  var similarity: [Similarity] = []
  /// The nodes compared, for `gap` and `overlap`.
  var compared: [NodeID] = []
}

/// The Jaccard similarity of two compared nodes' competencies.
public struct Similarity: Sendable, Hashable {
  /// One node.
  public var a: NodeID
  /// The other.
  public var b: NodeID
  /// |A ∩ B| / |A ∪ B|, from 0 to 1.
  public var score: Double
}

/// The query was stopped: cancelled (Ctrl-C in the REPL, or the caller's cancellation check), past its time
/// budget, or making more rows than allowed.
struct Cancelled: Error {
  enum Reason {
    case interrupted
    case timedOut
    case tooManyRows(SourceRange?)
  }

  var reason = Reason.interrupted
}
