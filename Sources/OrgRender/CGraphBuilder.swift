import CGraphviz
import OrgDiagram

/// Builds a cgraph graph from a lowered diagram through the cgraph API, in the order of the DOT text — the
/// same operations Graphviz's parser would perform on ``OrgDiagram/Diagram/dot`` — but with OrgGraph's
/// counter id discipline (see `orgraph_open` in the CGraphviz shim), so cluster order does not follow the
/// heap. Callers hold ``GraphvizRenderer/lock``.
package enum CGraphBuilder {
  /// A cgraph call that failed.
  package struct Failure: Error {
    /// What was being done.
    package let what: String
  }

  /// The graph, or the first failure (after closing what was built).
  package static func build(_ graph: GraphvizGraph) throws(Failure) -> UnsafeMutablePointer<Agraph_t> {
    guard let g = orgraph_open(graph.name, 1, 0) else { throw Failure(what: "opening the graph") }
    do throws(Failure) {
      try fill(g, with: graph)
      return g
    } catch {
      agclose(g)
      throw error
    }
  }

  private static func fill(_ g: UnsafeMutablePointer<Agraph_t>, with graph: GraphvizGraph) throws(Failure) {
    for a in graph.graphDefaults { try declare(g, kind: AGRAPH, a) }
    for a in graph.nodeDefaults { try declare(g, kind: AGNODE, a) }
    for a in graph.edgeDefaults { try declare(g, kind: AGEDGE, a) }
    var nodes: [String: UnsafeMutablePointer<Agnode_t>] = [:]
    func node(_ name: String, in parent: UnsafeMutablePointer<Agraph_t>) throws(Failure)
      -> UnsafeMutablePointer<Agnode_t>
    {
      guard let n = orgraph_node(parent, name) else { throw Failure(what: "creating node \(name)") }
      nodes[name] = n
      return n
    }
    for n in graph.nodes {
      let created = try node(n.name, in: g)
      for a in n.attributes { try set(UnsafeMutableRawPointer(created), a) }
    }
    func subgraph(_ s: GraphvizGraph.Subgraph, in parent: UnsafeMutablePointer<Agraph_t>) throws(Failure) {
      guard let sg = orgraph_subgraph(parent, s.name) else {
        throw Failure(what: "creating subgraph \(s.name)")
      }
      for a in s.attributes { try declare(sg, kind: AGRAPH, a) }
      for member in s.nodes { _ = try node(member, in: sg) }
      for nested in s.subgraphs { try subgraph(nested, in: sg) }
    }
    for s in graph.subgraphs { try subgraph(s, in: g) }
    for e in graph.edges {
      var tail = nodes[e.tail]
      if tail == nil { tail = try node(e.tail, in: g) }
      var head = nodes[e.head]
      if head == nil { head = try node(e.head, in: g) }
      guard let tail, let head, let edge = orgraph_edge(g, tail, head) else {
        throw Failure(what: "creating edge \(e.tail) -> \(e.head)")
      }
      for a in e.attributes { try set(UnsafeMutableRawPointer(edge), a) }
    }
    for a in graph.rootAttributes { try declare(g, kind: AGRAPH, a) }
  }

  private static func declare(
    _ g: UnsafeMutablePointer<Agraph_t>, kind: Int32, _ a: GraphvizGraph.Attribute
  ) throws(Failure) {
    let (value, html) = split(a.value)
    guard orgraph_declare(g, kind, a.name, value, html) == 0 else {
      throw Failure(what: "setting attribute \(a.name)")
    }
  }

  private static func set(_ object: UnsafeMutableRawPointer, _ a: GraphvizGraph.Attribute) throws(Failure) {
    let (value, html) = split(a.value)
    guard orgraph_set(object, a.name, value, html) == 0 else {
      throw Failure(what: "setting attribute \(a.name)")
    }
  }

  private static func split(_ value: GraphvizGraph.Value) -> (String, Int32) {
    switch value {
    case .text(let s): return (s, 0)
    case .html(let s): return (s, 1)
    }
  }
}
