import Foundation
import OrgDiagram
import OrgGraph

/// The formats `orgraph export` writes.
public enum ExportFormat: String, Sendable, CaseIterable {
  /// OrgGraph's own JSON, which `--graph FILE.json` loads back.
  case json
  /// GraphML, for yEd, Gephi, Cytoscape and networkx.
  case graphml
  /// A Cypher script (Neo4j or Kuzu, by ``CypherDialect``).
  case cypher
  /// The CSV files of `neo4j-admin database import`, with a script for it and one for Kuzu (a folder).
  case neo4j
  /// CSV tables per kind and per edge type, for spreadsheets and pandas (a folder).
  case csv
  /// A Mermaid flowchart of the whole graph.
  case mermaid

  /// Whether the format is a folder of files rather than one text.
  public var writesFolder: Bool { self == .neo4j || self == .csv }
}

extension GraphTool {
  /// `orgraph export --format FORMAT [-o PATH]`: the whole graph in `format`. One-text formats go to standard
  /// output or, atomically, to `output`; folder formats need `output`, and are written as one step. An
  /// existing file or folder is replaced only with `replacing` (`--force`).
  public static func export(
    graphPath: String?, as format: ExportFormat, dialect: CypherDialect = .neo4j, to output: String?,
    replacing: Bool = false, color: Bool = false
  ) -> ToolOutput {
    let graph: Graph
    do throws(GraphLoadFailure) {
      graph = try loadGraph(graphPath)
    } catch {
      return ToolOutput(stderr: render(error, format: .text, color: color), status: 1)
    }
    func failed(_ refusal: WriteRefusal) -> ToolOutput {
      let help = refusal.help.map { "\n  = help: \($0)" }.joined()
      return ToolOutput(stderr: "error: \(refusal.message)\(help)\n", status: 1)
    }
    if format.writesFolder {
      guard let output else {
        return ToolOutput(
          stderr: "error: `--format \(format.rawValue)` writes a folder of files\n"
            + "  = help: name the folder: `orgraph export --format \(format.rawValue) -o \(format.rawValue)-export`\n",
          status: 64)
      }
      let files = format == .csv ? graph.exportCSVTables() : graph.exportNeo4jCSV()
      do throws(OutputFileError) {
        try OutputFolder.write(files, to: output, replacing: replacing)
        return ToolOutput()
      } catch {
        if error.exists { return failed(WritePolicy.exists(output)) }
        return failed(
          WriteRefusal(
            message: "cannot write `\(output)`: \(error.reason)", help: ["pick a folder you can write to"]))
      }
    }
    let text: String
    switch format {
    case .json: text = graph.exportJSON()
    case .graphml: text = graph.exportGraphML()
    case .cypher: text = graph.exportCypher(dialect: dialect)
    case .mermaid:
      do {
        let diagram = try SubgraphDiagram(
          graph: graph, nodes: graph.nodes, title: graph.manifest.name, limits: .forced
        ).diagram
        text = diagram.mermaid
      } catch {
        return ToolOutput(stderr: "error: cannot draw the graph: \(error)\n", status: 1)
      }
    case .neo4j, .csv: return ToolOutput(status: 1)
    }
    guard let output else { return ToolOutput(stdout: text) }
    do throws(WriteRefusal) {
      try WritePolicy(replaceExisting: replacing).write(Data(text.utf8), to: output, fromQuery: false)
      return ToolOutput()
    } catch {
      return failed(error)
    }
  }
}
