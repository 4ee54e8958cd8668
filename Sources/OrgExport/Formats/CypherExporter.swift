import OrgGraph

/// A Cypher script (Neo4j, or Kuzu with `--dialect kuzu`).
public enum CypherExporter: GraphExporter {
  /// The name `--format` takes.
  public static let name = "cypher"
  /// What the format is for, in `export --help`.
  public static let summary = "a Cypher script for Neo4j, or Kuzu with --dialect kuzu"
  /// Where it stands in lists.
  public static let position = 20
  /// Command lines for `export --help`.
  public static var examples: [ExportExample] {
    [
      ExportExample(arguments: "--format cypher -o graph.cypher", comment: "cypher-shell -f graph.cypher"),
      ExportExample(arguments: "--format cypher --dialect kuzu -o kuzu.cypher", comment: "for Kuzu"),
    ]
  }
  /// The variants tested against golden files of their own.
  public static var variants: [ExportVariant] {
    CypherDialect.allCases.map {
      ExportVariant(name: "cypher-\($0.rawValue)", options: ExportOptions(dialect: $0))
    }
  }

  /// The whole graph in this format.
  public static func export(_ graph: Graph, options: ExportOptions) throws(ExportError) -> ExportOutput {
    .text(graph.exportCypher(dialect: options.dialect))
  }
}

extension ExportFormat {
  /// A Cypher script (Neo4j or Kuzu, by ``CypherDialect``).
  public static let cypher = ExportFormat(CypherExporter.self)
}

/// Which graph database a Cypher script is written for.
public enum CypherDialect: String, Sendable, CaseIterable {
  /// Neo4j and Memgraph: a uniqueness constraint per label, then `CREATE`s.
  case neo4j
  /// Kuzu: node and relationship tables declared first (Kuzu types its tables), then the same `CREATE`s.
  case kuzu
}

/// A Cypher script that builds the graph in a graph database.
extension Graph {
  /// The whole graph as a Cypher script, one statement per line: nodes as `CREATE (:Role {id: …, …})` with
  /// the kind as label (`Role`, `Level` …) and the graph's id in `id`; edges as `MATCH … CREATE
  /// (a)-[:requires {…}]->(b)` with the edge type as relationship type, derived and inferred edges included
  /// and marked by `origin`. Lists stay lists; sources are `DOCUMENT:LINE` strings. For Kuzu the script
  /// starts by declaring a node table per kind and a relationship table per edge type.
  public func exportCypher(dialect: CypherDialect = .neo4j) -> String {
    var out =
      "// \(manifest.name): \(nodes.count) nodes, \(edgeCount) edges, exported by OrgGraph for \(dialect.rawValue).\n"
    switch dialect {
    case .neo4j:
      out += "// Run with cypher-shell -f FILE, or paste into Neo4j Browser.\n"
      for kind in schema.kinds where !nodes(ofKind: kind.name).isEmpty {
        let label = Self.label(kind.name)
        out +=
          "CREATE CONSTRAINT orgraph_\(kind.name)_id IF NOT EXISTS FOR (n:\(label)) REQUIRE n.id IS UNIQUE;\n"
      }
    case .kuzu:
      out += "// Run statement by statement with Kuzu (kuzu shell, or Connection.execute in Python).\n"
      out += kuzuSchema(listsAsText: false)
    }
    for kind in schema.kinds {
      let columns = exportColumns(ofKind: kind)
      let label = Self.label(kind.name)
      for node in nodes(ofKind: kind.name) {
        var fields = ["id: " + Self.cypherString(id(of: node))]
        for c in columns {
          guard let value = exportValue(c, of: node) else { continue }
          fields.append("\(Self.cypherName(c.name)): \(cypherLiteral(value))")
        }
        out += "CREATE (:\(label) {\(fields.joined(separator: ", "))});\n"
      }
    }
    for t in schema.edgeTypes.indices {
      let columns = exportColumns(ofEdgeType: t)
      let type = Self.cypherName(schema.edgeTypes[t].name)
      for edge in edges(ofType: t) {
        let a = source(of: edge)
        let b = target(of: edge)
        var fields: [String] = []
        for c in columns {
          guard let value = exportValue(c, of: edge) else { continue }
          fields.append("\(Self.cypherName(c.name)): \(cypherLiteral(value))")
        }
        let properties = fields.isEmpty ? "" : " {\(fields.joined(separator: ", "))}"
        out += "MATCH (a:\(Self.label(kind(of: a).name)) {id: \(Self.cypherString(id(of: a)))}), "
        out += "(b:\(Self.label(kind(of: b).name)) {id: \(Self.cypherString(id(of: b)))}) "
        out += "CREATE (a)-[:\(type)\(properties)]->(b);\n"
      }
    }
    return out
  }

  /// Kuzu's declarations: a node table per kind (keyed by `id`) and a relationship table per edge type, with
  /// the columns this graph uses. `listsAsText` declares lists as `STRING` (for CSV files that write them
  /// `a;b`) rather than `STRING[]`.
  func kuzuSchema(listsAsText: Bool) -> String {
    func type(_ t: PropertyType) -> String {
      switch t {
      case .int: return "INT64"
      case .number: return "DOUBLE"
      case .bool: return "BOOLEAN"
      case .strings, .nodes: return listsAsText ? "STRING" : "STRING[]"
      default: return "STRING"
      }
    }
    var out = ""
    for kind in schema.kinds {
      let columns = exportColumns(ofKind: kind).map { "\(Self.cypherName($0.name)) \(type($0.type))" }
      out += "CREATE NODE TABLE \(Self.label(kind.name))(id STRING, "
      out += columns.joined(separator: ", ") + ", PRIMARY KEY(id));\n"
    }
    for t in schema.edgeTypes.indices {
      let ends = endKinds(ofEdgeType: t).map {
        "FROM \(Self.label($0.from.name)) TO \(Self.label($0.to.name))"
      }
      guard !ends.isEmpty else { continue }
      let columns = exportColumns(ofEdgeType: t).map { "\(Self.cypherName($0.name)) \(type($0.type))" }
      out += "CREATE REL TABLE \(Self.cypherName(schema.edgeTypes[t].name))("
      out += (ends + columns).joined(separator: ", ") + ");\n"
    }
    return out
  }

  /// A value as a Cypher literal.
  func cypherLiteral(_ value: Value) -> String {
    switch value {
    case .int(let i): return String(i)
    case .number(let d): return d.isFinite ? String(d) : "NULL"
    case .bool(let b): return b ? "true" : "false"
    default:
      if let items = exportItems(value) {
        return "[" + items.map(Self.cypherString).joined(separator: ", ") + "]"
      }
      return Self.cypherString(exportText(value))
    }
  }

  /// A string literal: single quotes, with backslash escapes for `\`, `'` and control characters.
  static func cypherString(_ s: String) -> String {
    "'"
      + ScalarEscaping.replacing(s) { scalar in
        switch scalar {
        case "\\": return "\\\\"
        case "'": return "\\'"
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        default: return scalar.value < 0x20 || scalar.value == 0x7F ? " " : nil
        }
      } + "'"
  }

  /// A property, label or relationship name, in backquotes (`order` and other Cypher words are safe then).
  static func cypherName(_ name: String) -> String {
    "`" + name.replacingOccurrences(of: "`", with: "``") + "`"
  }
}
