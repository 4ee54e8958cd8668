import OrgGraph
import OrgQuery

extension Diagram {
  /// The diagram a query result calls for, chosen from its shape (DESIGN.md, "Rendering"):
  ///
  /// - one path → a career path; several paths → the subgraph of their nodes;
  /// - a `gap` or `overlap` result → an overlap diagram of the compared nodes;
  /// - a set of levels → the ladders they belong to (a role's levels with their promotions form a ladder);
  ///   a set of roles or tracks that have levels → their ladders;
  /// - any other set of nodes → its induced subgraph, coloured by kind and clustered by team or organisation.
  ///
  /// - Throws: ``DiagramError`` when there is nothing to draw or the diagram would be too large.
  public static func forResult(
    _ result: QueryResult, graph: Graph, title: String? = nil, limits: DiagramLimits = .standard
  ) throws(DiagramError) -> Diagram {
    switch result.kind {
    case .paths:
      if result.paths.count == 1, let path = result.paths.first {
        return try CareerPathDiagram(graph: graph, nodes: path.nodes, edges: path.edges, limits: limits)
          .diagram
      }
      var seen = Set<NodeID>()
      let nodes = result.paths.flatMap(\.nodes).filter { seen.insert($0).inserted }
      guard !nodes.isEmpty else {
        throw .nothingToDraw(style: "career path", reason: "no path was found")
      }
      return try SubgraphDiagram(
        graph: graph, nodes: nodes, title: title ?? "\(result.paths.count) paths", limits: limits
      ).diagram
    case .gap, .overlap:
      guard result.compared.count >= 2 else {
        throw .nothingToDraw(style: "overlap", reason: "an overlap needs two or more compared nodes")
      }
      return try OverlapDiagram(graph: graph, compared: result.compared, limits: limits).diagram
    default:
      let nodes = result.nodes
      guard !nodes.isEmpty else { throw .nothingToDraw(style: "subgraph", reason: "the result has no nodes") }
      let kinds = Set(nodes.map { graph.kind(of: $0).name })
      if kinds == ["level"] {
        var owners: [NodeID] = []
        for level in nodes {
          for (owner, _) in graph.neighbors(of: level, via: "has_level", direction: .backward)
          where !owners.contains(owner) {
            owners.append(owner)
          }
        }
        if !owners.isEmpty { return try LadderDiagram(graph: graph, owners: owners, limits: limits).diagram }
      }
      if kinds.isSubset(of: ["role", "track"]),
        nodes.allSatisfy({ !graph.neighbors(of: $0, via: "has_level").isEmpty })
      {
        return try LadderDiagram(graph: graph, owners: nodes, limits: limits).diagram
      }
      return try SubgraphDiagram(graph: graph, nodes: nodes, title: title, limits: limits).diagram
    }
  }
}
