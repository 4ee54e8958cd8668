/// Why a diagram could not be made.
public enum DiagramError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The diagram would have more nodes than its ``DiagramLimits`` allow.
  case tooLarge(style: String, nodes: Int, limit: Int)
  /// The input does not describe a diagram of this style (a node id from another graph, a path whose
  /// edges do not join its nodes…).
  case invalidInput(style: String, reason: String)
  /// The input is valid but there is nothing to draw (a role without levels asked for as a ladder).
  case nothingToDraw(style: String, reason: String)

  /// One line saying what is wrong, then `help:` lines saying what to do.
  public var description: String {
    switch self {
    case .tooLarge(let style, let nodes, let limit):
      return """
        the \(style) diagram would have \(nodes) nodes, more than the \(limit) a diagram can show legibly
          = help: narrow the query: a `where` filter, fewer starting nodes, or `| limit \(limit)`
          = help: or draw it anyway with a higher limit or `force` (library: \
        `DiagramLimits(maxNodes: \(nodes))` or `DiagramLimits(force: true)`)
        """
    case .invalidInput(let style, let reason):
      return "cannot draw a \(style) diagram: \(reason)"
    case .nothingToDraw(let style, let reason):
      return "nothing to draw as a \(style) diagram: \(reason)"
    }
  }
}

/// How large a diagram may be before it is refused as illegible.
///
/// Graphviz lays out hundreds of nodes, but a page-sized diagram stops being readable long before: the
/// default, ``defaultMaxNodes`` (150), keeps labels legible on a printed page or a screen.
///
/// ```swift
/// let diagram = try SubgraphDiagram(graph: graph, nodes: nodes, limits: DiagramLimits(maxNodes: 400))
/// let anyway = try SubgraphDiagram(graph: graph, nodes: nodes, limits: .forced)
/// ```
public struct DiagramLimits: Sendable, Hashable {
  /// The default limit on the number of nodes: 150.
  public static let defaultMaxNodes = 150
  /// The default limits.
  public static let standard = DiagramLimits()
  /// No limit.
  public static let forced = DiagramLimits(force: true)

  /// The largest number of nodes drawn.
  public var maxNodes: Int
  /// Draw whatever the size.
  public var force: Bool

  /// Creates limits.
  public init(maxNodes: Int = DiagramLimits.defaultMaxNodes, force: Bool = false) {
    self.maxNodes = maxNodes
    self.force = force
  }

  /// Throws ``DiagramError/tooLarge(style:nodes:limit:)`` when `nodeCount` exceeds the limit (unless
  /// forced).
  public func check(nodeCount: Int, style: String) throws(DiagramError) {
    if !force, nodeCount > maxNodes {
      throw .tooLarge(style: style, nodes: nodeCount, limit: max(maxNodes, 0))
    }
  }
}
