import OrgGraph

/// The CSV files of `neo4j-admin database import`, with a script for it and one for Kuzu (a folder).
public enum Neo4jExporter: GraphExporter {
  /// The name `--format` takes.
  public static let name = "neo4j"
  /// What the format is for, in `export --help`.
  public static let summary = "a folder of neo4j-admin import files, with scripts"
  /// Where it stands in lists.
  public static let position = 30
  /// It writes a folder of files.
  public static let writesFolder = true
  /// Command lines for `export --help`.
  public static var examples: [ExportExample] {
    [
      ExportExample(
        arguments: "--format neo4j -o neo4j-import", comment: "then: cd neo4j-import && sh import-neo4j.sh")
    ]
  }

  /// The whole graph in this format.
  public static func export(_ graph: Graph, options: ExportOptions) throws(ExportError) -> ExportOutput {
    .files(graph.exportNeo4jCSV())
  }
}

extension ExportFormat {
  /// The CSV files of `neo4j-admin database import`, with scripts for it and for Kuzu (a folder).
  public static let neo4j = ExportFormat(Neo4jExporter.self)
}

/// The files `neo4j-admin database import` reads.
extension Graph {
  /// The files of `neo4j-admin database import full`: `nodes/KIND.csv` (`id:ID`, then typed property
  /// columns), `relationships/TYPE--FROM--TO.csv` (`:START_ID`, `:END_ID`, properties) — one file per pair of
  /// kinds, so that Kuzu can load them too — `import-neo4j.sh` with the command that reads them, and
  /// `load-kuzu.cypher`, which declares Kuzu's tables and `COPY`s the same files (run it from the folder).
  /// Lists are joined with `;`, neo4j-admin's array delimiter.
  public func exportNeo4jCSV() -> [ExportFile] {
    func header(_ c: ExportColumn) -> String {
      switch c.type {
      case .int: return "\(c.name):long"
      case .number: return "\(c.name):double"
      case .bool: return "\(c.name):boolean"
      case .strings, .nodes: return "\(c.name):string[]"
      default: return c.name
      }
    }
    var files: [ExportFile] = []
    var nodeOptions: [String] = []
    var relationshipOptions: [String] = []
    var copies: [String] = []
    for kind in schema.kinds where !nodes(ofKind: kind.name).isEmpty {
      let columns = exportColumns(ofKind: kind)
      var text = Self.csvLine(["id:ID"] + columns.map(header))
      for node in nodes(ofKind: kind.name) {
        text += Self.csvLine(
          [id(of: node)] + columns.map { c in exportValue(c, of: node).map { exportText($0) } ?? "" })
      }
      let path = "nodes/\(kind.name).csv"
      files.append(ExportFile(path: path, text: text))
      nodeOptions.append("--nodes=\(Self.label(kind.name))=\(path)")
      copies.append("COPY \(Self.label(kind.name)) FROM '\(path)' (HEADER=true);")
    }
    for t in schema.edgeTypes.indices {
      let columns = exportColumns(ofEdgeType: t)
      let name = schema.edgeTypes[t].name
      var byEnds: [String: (from: String, to: String, text: String)] = [:]
      var order: [String] = []
      for edge in edges(ofType: t) {
        let a = source(of: edge)
        let b = target(of: edge)
        let key = "\(kind(of: a).name)--\(kind(of: b).name)"
        if byEnds[key] == nil {
          byEnds[key] = (
            kind(of: a).name, kind(of: b).name, Self.csvLine([":START_ID", ":END_ID"] + columns.map(header))
          )
          order.append(key)
        }
        byEnds[key]?.text += Self.csvLine(
          [id(of: a), id(of: b)] + columns.map { c in exportValue(c, of: edge).map { exportText($0) } ?? "" })
      }
      for key in order {
        guard let file = byEnds[key] else { continue }
        let path = "relationships/\(name)--\(key).csv"
        files.append(ExportFile(path: path, text: file.text))
        relationshipOptions.append("--relationships=\(name)=\(path)")
        copies.append(
          "COPY \(Self.cypherName(name)) FROM '\(path)' (HEADER=true, from='\(Self.label(file.from))', to='\(Self.label(file.to))');"
        )
      }
    }
    var script =
      "#!/bin/sh\n# Loads this folder into a new Neo4j database (stop the database first). Run from this folder.\n"
    script += "set -e\nneo4j-admin database import full --array-delimiter=';' \\\n"
    script += (nodeOptions + relationshipOptions).map { "  \($0) \\\n" }.joined()
    script += "  \"${1:-neo4j}\"\n"
    files.append(ExportFile(path: "import-neo4j.sh", text: script))
    var kuzu = "// Loads this folder into Kuzu: run it from this folder, statement by statement.\n"
    kuzu += kuzuSchema(listsAsText: true)
    kuzu += copies.joined(separator: "\n") + "\n"
    files.append(ExportFile(path: "load-kuzu.cypher", text: kuzu))
    return files
  }
}
