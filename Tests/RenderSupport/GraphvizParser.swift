import CGraphviz
import Foundation
import OrgDiagram
import OrgRender

/// A graph as Graphviz's own DOT parser read it: names and attribute values as cgraph stores them.
package struct ParsedGraph: Sendable, Hashable {
  /// A node, edge or subgraph with its attributes (only those with a non-empty value).
  package struct Object: Sendable, Hashable {
    /// The name (an edge's is `tail -> head`).
    package var name: String
    /// Attribute values by name.
    package var attributes: [String: String]
    /// The names of attributes whose value is an HTML-like string.
    package var htmlAttributes: Set<String>
  }

  /// Root graph attributes.
  package var graph: Object
  /// Nodes, in order.
  package var nodes: [Object]
  /// Edges, by tail node, in order.
  package var edges: [Object]
  /// Subgraphs, depth first.
  package var subgraphs: [Object]
}

/// Reads DOT text with Graphviz's own parser (`agmemread`), to check what a writer produced. Rendering
/// never goes this way: `agmemread` uses cgraph's default id discipline (see ``GraphvizRenderer``).
package enum GraphvizParser {
  /// The graph in `text`, or a failure with Graphviz's messages when its parser rejects the text.
  package static func parse(_ text: String) -> Result<ParsedGraph, RenderError> {
    GraphvizRenderer.lock.lock()
    defer { GraphvizRenderer.lock.unlock() }
    orgraph_errors_begin()
    guard let g = orgraph_read(text) else {
      let messages = String(cString: orgraph_errors_end())
      return .failure(.graphviz(stage: "parsing DOT", messages: messages))
    }
    defer { agclose(g) }
    _ = orgraph_errors_end()

    return .success(extract(g))
  }

  /// The graph as cgraph holds it: names, attributes, nodes and edges in order, subgraphs depth first.
  /// Callers hold the lock.
  static func extract(_ g: UnsafeMutablePointer<Agraph_t>) -> ParsedGraph {
    func object(_ pointer: UnsafeMutableRawPointer, kind: Int32, name: String) -> ParsedGraph.Object {
      var attributes: [String: String] = [:]
      var html = Set<String>()
      var sym = agnxtattr(g, kind, nil)
      while let s = sym {
        if let key = s.pointee.name, let value = agxget(pointer, s) {
          let v = String(cString: value)
          if !v.isEmpty {
            attributes[String(cString: key)] = v
            if orgraph_is_html(value) != 0 { html.insert(String(cString: key)) }
          }
        }
        sym = agnxtattr(g, kind, s)
      }
      return .init(name: name, attributes: attributes, htmlAttributes: html)
    }
    func name(_ pointer: UnsafeMutableRawPointer) -> String {
      orgraph_name(pointer).map { String(cString: $0) } ?? ""
    }

    var nodes: [ParsedGraph.Object] = []
    var edges: [ParsedGraph.Object] = []
    var n = agfstnode(g)
    while let node = n {
      nodes.append(
        object(UnsafeMutableRawPointer(node), kind: AGNODE, name: name(UnsafeMutableRawPointer(node))))
      var e = agfstout(g, node)
      while let edge = e {
        let tail = orgraph_tail(edge).map { name(UnsafeMutableRawPointer($0)) } ?? ""
        let head = orgraph_head(edge).map { name(UnsafeMutableRawPointer($0)) } ?? ""
        edges.append(object(UnsafeMutableRawPointer(edge), kind: AGEDGE, name: "\(tail) -> \(head)"))
        e = agnxtout(g, edge)
      }
      n = agnxtnode(g, node)
    }
    var subgraphs: [ParsedGraph.Object] = []
    func visit(_ parent: UnsafeMutablePointer<Agraph_t>, depth: Int) {
      guard depth < 64 else { return }
      var s = agfstsubg(parent)
      while let sub = s {
        subgraphs.append(
          object(UnsafeMutableRawPointer(sub), kind: AGRAPH, name: name(UnsafeMutableRawPointer(sub))))
        visit(sub, depth: depth + 1)
        s = agnxtsubg(sub)
      }
    }
    visit(g, depth: 0)
    let root = object(UnsafeMutableRawPointer(g), kind: AGRAPH, name: name(UnsafeMutableRawPointer(g)))
    return ParsedGraph(graph: root, nodes: nodes, edges: edges, subgraphs: subgraphs)
  }

  /// The graph ``GraphvizRenderer`` builds for `diagram` through the cgraph API, read back the same way
  /// as ``parse(_:)`` reads DOT text — so the two can be compared.
  package static func built(_ diagram: Diagram) -> Result<ParsedGraph, RenderError> {
    GraphvizRenderer.lock.lock()
    defer { GraphvizRenderer.lock.unlock() }
    orgraph_errors_begin()
    defer { _ = orgraph_errors_end() }
    do throws(CGraphBuilder.Failure) {
      let g = try CGraphBuilder.build(diagram.graphviz)
      defer { agclose(g) }
      return .success(extract(g))
    } catch {
      return .failure(.graphviz(stage: "building the graph (\(error.what))", messages: ""))
    }
  }

  /// Renders DOT text the way the `dot` command does (parsed by `agmemread`, default id discipline), to
  /// compare with ``GraphvizRenderer``'s graph built through the cgraph API.
  package static func renderText(_ text: String, device: String = "svg:svg:core") -> Result<Data, RenderError>
  {
    GraphvizRenderer.lock.lock()
    defer { GraphvizRenderer.lock.unlock() }
    orgraph_errors_begin()
    defer { _ = orgraph_errors_end() }
    guard let context = GraphvizRenderer.context else {
      return .failure(.graphviz(stage: "creating a context", messages: ""))
    }
    guard let g = orgraph_read(text) else { return .failure(.graphviz(stage: "parsing DOT", messages: "")) }
    defer { agclose(g) }
    do throws(RenderError) {
      return .success(try GraphvizRenderer.layOutAndRender(g, in: context, device: device))
    } catch {
      return .failure(error)
    }
  }
}
