import OrgDiagram
import OrgGraph

/// A Mermaid flowchart of the whole graph, drawn by the subgraph diagram style.
public enum MermaidExporter: GraphExporter {
  /// The name `--format` takes.
  public static let name = "mermaid"
  /// What the format is for, in `export --help`.
  public static let summary = "a Mermaid flowchart of the whole graph"
  /// Where it stands in lists.
  public static let position = 50
  /// The ending of its files.
  public static let fileExtension: String? = "mmd"
  /// Command lines for `export --help`.
  public static var examples: [ExportExample] {
    [ExportExample(arguments: "--format mermaid -o graph.mmd", comment: "for a Markdown page")]
  }

  /// The whole graph in this format.
  public static func export(_ graph: Graph, options: ExportOptions) throws(ExportError) -> ExportOutput {
    do {
      let diagram = try SubgraphDiagram(
        graph: graph, nodes: graph.nodes, title: graph.manifest.name, limits: .forced
      ).diagram
      return .text(diagram.mermaid)
    } catch {
      throw ExportError("cannot draw the graph: \(error)")
    }
  }
}

extension ExportFormat {
  /// A Mermaid flowchart of the whole graph.
  public static let mermaid = ExportFormat(MermaidExporter.self)
}
