import OrgGraph

/// CSV tables per kind and per edge type, for spreadsheets and pandas (a folder).
public enum CSVTablesExporter: GraphExporter {
  /// The name `--format` takes.
  public static let name = "csv"
  /// What the format is for, in `export --help`.
  public static let summary = "a folder of CSV tables per kind and per edge type"
  /// Where it stands in lists.
  public static let position = 40
  /// It writes a folder of files.
  public static let writesFolder = true
  /// Command lines for `export --help`.
  public static var examples: [ExportExample] {
    [
      ExportExample(
        arguments: "--format csv -o tables", comment: "tables/nodes/roles.csv, tables/edges/requires.csv …")
    ]
  }

  /// The whole graph in this format.
  public static func export(_ graph: Graph, options: ExportOptions) throws(ExportError) -> ExportOutput {
    .files(graph.exportCSVTables())
  }
}

extension ExportFormat {
  /// CSV tables per kind and per edge type, for spreadsheets and pandas (a folder).
  public static let csv = ExportFormat(CSVTablesExporter.self)
}

/// CSV tables for spreadsheets and pandas.
extension Graph {
  /// A field of a CSV file (RFC 4180): quoted when it holds a comma, a quote or a line break.
  package static func csvField(_ s: String) -> String {
    if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
      return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return s
  }

  package static func csvLine(_ fields: [String]) -> String {
    fields.map(csvField).joined(separator: ",") + "\n"
  }

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
}
