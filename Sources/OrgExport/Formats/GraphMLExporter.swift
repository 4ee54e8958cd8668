import OrgGraph

/// GraphML, for yEd, Gephi, Cytoscape and networkx.
public enum GraphMLExporter: GraphExporter {
  /// The name `--format` takes.
  public static let name = "graphml"
  /// What the format is for, in `export --help`.
  public static let summary = "GraphML, for yEd, Gephi, Cytoscape and networkx"
  /// Where it stands in lists.
  public static let position = 10
  /// Command lines for `export --help`.
  public static var examples: [ExportExample] {
    [ExportExample(arguments: "--format graphml -o graph.graphml", comment: "open in yEd or Gephi")]
  }

  /// The whole graph in this format.
  public static func export(_ graph: Graph, options: ExportOptions) throws(ExportError) -> ExportOutput {
    .text(graph.exportGraphML())
  }
}

extension ExportFormat {
  /// GraphML, for yEd, Gephi, Cytoscape and networkx.
  public static let graphml = ExportFormat(GraphMLExporter.self)
}

/// GraphML (http://graphml.graphdrawing.org), for yEd, Gephi, Cytoscape and networkx.
extension Graph {
  /// The whole graph as GraphML: every node with `kind` and its properties, every edge (derived and inferred
  /// ones included, marked by `origin`) with `type` and its properties. Node ids are the graph's ids; edge ids
  /// are `TYPE-N` in graph order. Lists are written as JSON arrays in a string attribute (GraphML has no list
  /// type); sources as `DOCUMENT:LINE`. The same graph always gives the same bytes.
  public func exportGraphML() -> String {
    struct Key {
      var id: String
      var domain: String
      var name: String
      var type: String
    }
    func graphMLType(_ t: PropertyType) -> String {
      switch t {
      case .int: return "long"
      case .number: return "double"
      case .bool: return "boolean"
      default: return "string"
      }
    }
    // Keys: one per attribute name and domain; a name typed differently by two kinds is a string.
    func keys(_ domain: String, first: String, columns: [[ExportColumn]]) -> [Key] {
      let prefix = String(domain.prefix(1)) + "_"
      var keys = [Key(id: prefix + first, domain: domain, name: first, type: "string")]
      for c in columns.joined() {
        let type = graphMLType(c.type)
        if let i = keys.firstIndex(where: { $0.name == c.name }) {
          if keys[i].type != type { keys[i].type = "string" }
        } else {
          keys.append(Key(id: prefix + c.name, domain: domain, name: c.name, type: type))
        }
      }
      return keys
    }
    let nodeKeys = keys("node", first: "kind", columns: schema.kinds.map(exportColumns(ofKind:)))
    let edgeKeys = keys(
      "edge", first: "type", columns: schema.edgeTypes.indices.map(exportColumns(ofEdgeType:)))
    /// The `<data>` lines of the values present, each under its key.
    func attributes(_ values: [(name: String, value: Value?)], keys: [Key]) -> String {
      var out = ""
      for (name, value) in values {
        guard let value, let key = keys.first(where: { $0.name == name }) else { continue }
        let text = exportItems(value).map { JSON.array($0.map(JSON.string)).compact } ?? exportText(value)
        out += "      <data key=\"\(key.id)\">\(XMLText.escape(text))</data>\n"
      }
      return out
    }
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
    out += "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
    out += "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
    out += "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
    for key in nodeKeys + edgeKeys {
      out += "  <key id=\"\(key.id)\" for=\"\(key.domain)\" attr.name=\"\(XMLText.escape(key.name))\" "
      out += "attr.type=\"\(key.type)\"/>\n"
    }
    out += "  <graph id=\"\(XMLText.escape(manifest.name))\" edgedefault=\"directed\">\n"
    for kind in schema.kinds {
      let columns = exportColumns(ofKind: kind)
      for node in nodes(ofKind: kind.name) {
        out += "    <node id=\"\(XMLText.escape(id(of: node)))\">\n"
        out += "      <data key=\"n_kind\">\(XMLText.escape(kind.name))</data>\n"
        out += attributes(columns.map { ($0.name, exportValue($0, of: node)) }, keys: nodeKeys)
        out += "    </node>\n"
      }
    }
    for t in schema.edgeTypes.indices {
      let columns = exportColumns(ofEdgeType: t)
      let name = schema.edgeTypes[t].name
      for (n, edge) in edges(ofType: t).enumerated() {
        let from = XMLText.escape(id(of: source(of: edge)))
        let to = XMLText.escape(id(of: target(of: edge)))
        out += "    <edge id=\"\(XMLText.escape(name))-\(n + 1)\" source=\"\(from)\" target=\"\(to)\">\n"
        out += "      <data key=\"e_type\">\(XMLText.escape(name))</data>\n"
        out += attributes(columns.map { ($0.name, exportValue($0, of: edge)) }, keys: edgeKeys)
        out += "    </edge>\n"
      }
    }
    out += "  </graph>\n</graphml>\n"
    return out
  }
}

/// Text for XML 1.0 content and attribute values.
enum XMLText {
  /// `&`, `<`, `>`, `"` and `'` escaped; characters XML 1.0 cannot hold (controls other than tab, line feed
  /// and carriage return, U+FFFE, U+FFFF) replaced by U+FFFD.
  static func escape(_ text: String) -> String {
    ScalarEscaping.replacing(text) { scalar in
      switch scalar {
      case "&": return "&amp;"
      case "<": return "&lt;"
      case ">": return "&gt;"
      case "\"": return "&quot;"
      case "'": return "&apos;"
      case "\t", "\n": return nil
      case "\r": return "&#13;"
      default:
        return scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF ? "\u{FFFD}" : nil
      }
    }
  }
}
