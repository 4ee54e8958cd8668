import OrgGraph

/// OrgGraph's own JSON, which `--graph FILE.json` loads back. The model writes and reads it
/// (``Graph/exportJSON()`` and `GraphLoader.loadJSON`), since it is a graph file format as much as an export.
public enum JSONExporter: GraphExporter {
  /// The name `--format` takes.
  public static let name = "json"
  /// What the format is for, in `export --help`.
  public static let summary = "OrgGraph's JSON, the default; --graph loads it back"
  /// Where it stands in lists.
  public static let position = 0
  /// Command lines for `export --help`.
  public static var examples: [ExportExample] {
    [ExportExample(arguments: "--format json -o graph.json", comment: "orgraph query --graph graph.json …")]
  }

  /// The whole graph in this format.
  public static func export(_ graph: Graph, options: ExportOptions) throws(ExportError) -> ExportOutput {
    .text(graph.exportJSON())
  }
}

extension ExportFormat {
  /// OrgGraph's own JSON, which `--graph FILE.json` loads back.
  public static let json = ExportFormat(JSONExporter.self)
}
