extension Diagram {
  /// The diagram as DOT text for Graphviz: the same diagram always gives the same bytes.
  ///
  /// Every name and value is quoted; text is written so that Graphviz shows it exactly as given — quotes,
  /// backslashes (`\N` stays `\N`), newlines, HTML-like markup characters, any Unicode — with control
  /// characters shown as their visible Control Pictures. HTML-like labels are written as `<…>` with their
  /// text escaped as character references.
  ///
  /// ```swift
  /// let text = try CareerPathDiagram(graph: graph, nodes: path, edges: steps).dot
  /// ```
  public var dot: String { graphviz.dotText }
}

extension GraphvizGraph {
  /// DOT text that the Graphviz parser turns into exactly this graph.
  package var dotText: String {
    func value(_ v: Value) -> String {
      switch v {
      case .text(let s): return TextEscaping.dotQuoted(s)
      case .html(let markup): return "<" + markup + ">"
      }
    }
    func list(_ attributes: [Attribute]) -> String {
      attributes.map { "\(TextEscaping.dotName($0.name))=\(value($0.value))" }.joined(separator: ", ")
    }
    var out = "digraph \(TextEscaping.dotQuoted(name)) {\n"
    if !graphDefaults.isEmpty { out += "  graph [\(list(graphDefaults))];\n" }
    if !nodeDefaults.isEmpty { out += "  node [\(list(nodeDefaults))];\n" }
    if !edgeDefaults.isEmpty { out += "  edge [\(list(edgeDefaults))];\n" }
    for node in nodes {
      out += "  \(TextEscaping.dotQuoted(node.name))"
      out += node.attributes.isEmpty ? ";\n" : " [\(list(node.attributes))];\n"
    }
    func write(_ subgraph: Subgraph, indent: String) {
      out += "\(indent)subgraph \(TextEscaping.dotQuoted(subgraph.name)) {\n"
      for attribute in subgraph.attributes {
        out += "\(indent)  \(TextEscaping.dotName(attribute.name))=\(value(attribute.value));\n"
      }
      for node in subgraph.nodes { out += "\(indent)  \(TextEscaping.dotQuoted(node));\n" }
      for nested in subgraph.subgraphs { write(nested, indent: indent + "  ") }
      out += "\(indent)}\n"
    }
    for subgraph in subgraphs { write(subgraph, indent: "  ") }
    for edge in edges {
      out += "  \(TextEscaping.dotQuoted(edge.tail)) -> \(TextEscaping.dotQuoted(edge.head))"
      out += edge.attributes.isEmpty ? ";\n" : " [\(list(edge.attributes))];\n"
    }
    for attribute in rootAttributes {
      out += "  \(TextEscaping.dotName(attribute.name))=\(value(attribute.value));\n"
    }
    return out + "}\n"
  }
}
