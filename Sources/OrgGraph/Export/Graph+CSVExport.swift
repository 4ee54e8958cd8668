/// One file of an export that writes a folder: its path inside the folder and its text.
public struct ExportFile: Sendable, Hashable {
  /// The path inside the export's folder, with `/` between folders.
  public var path: String
  /// The file's contents.
  public var text: String

  /// A file at `path` (inside the folder) holding `text`.
  public init(path: String, text: String) {
    self.path = path
    self.text = text
  }
}

/// CSV exports: tables for spreadsheets and pandas, and the files `neo4j-admin database import` reads.
extension Graph {
  /// A field of a CSV file (RFC 4180): quoted when it holds a comma, a quote or a line break.
  static func csvField(_ s: String) -> String {
    if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
      return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return s
  }

  static func csvLine(_ fields: [String]) -> String { fields.map(csvField).joined(separator: ",") + "\n" }

  /// Tables for spreadsheets: `nodes/PLURAL.csv` per kind (`id`, `name`, then the properties) and
  /// `edges/TYPE.csv` per edge type (`from`, `from_name`, `to`, `to_name`, the properties, `origin`). Lists are
  /// joined with `; `; sources are `DOCUMENT:LINE`. Kinds and types with nothing in them have no file.
  public func exportCSVTables() -> [ExportFile] {
    var files: [ExportFile] = []
    for kind in schema.kinds where !nodes(ofKind: kind.name).isEmpty {
      let columns = exportColumns(ofKind: kind)
      var text = Self.csvLine(["id"] + columns.map(\.name))
      for node in nodes(ofKind: kind.name) {
        text += Self.csvLine(
          [id(of: node)]
            + columns.map { c in exportValue(c, of: node).map { exportText($0, separator: "; ") } ?? "" })
      }
      files.append(ExportFile(path: "nodes/\(kind.plural).csv", text: text))
    }
    for t in schema.edgeTypes.indices where !edges(ofType: t).isEmpty {
      let columns = exportColumns(ofEdgeType: t)
      var text = Self.csvLine(["from", "from_name", "to", "to_name"] + columns.map(\.name))
      for edge in edges(ofType: t) {
        let a = source(of: edge)
        let b = target(of: edge)
        text += Self.csvLine(
          [id(of: a), name(of: a), id(of: b), name(of: b)]
            + columns.map { c in exportValue(c, of: edge).map { exportText($0, separator: "; ") } ?? "" })
      }
      files.append(ExportFile(path: "edges/\(schema.edgeTypes[t].name).csv", text: text))
    }
    return files
  }

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
