import Foundation
import OrgExport
import OrgGraph

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
      ToolOutput(stderr: DiagnosticRenderer.plainError(refusal.message, help: refusal.help), status: 1)
    }
    let made: ExportOutput
    do throws(ExportError) {
      made = try format.export(graph, options: ExportOptions(dialect: dialect))
    } catch {
      return ToolOutput(stderr: DiagnosticRenderer.plainError(error.message, help: error.help), status: 1)
    }
    switch made {
    case .files(let files):
      guard let output else {
        return ToolOutput(
          stderr: DiagnosticRenderer.plainError(
            "`--format \(format.rawValue)` writes a folder of files",
            help: [
              "name the folder: `orgraph export --format \(format.rawValue) -o \(format.rawValue)-export`"
            ]),
          status: 64)
      }
      do throws(OutputFileError) {
        try OutputFolder.write(files, to: output, replacing: replacing)
        return ToolOutput()
      } catch {
        if error.exists { return failed(WritePolicy.exists(output)) }
        return failed(
          WriteRefusal(
            message: "cannot write `\(output)`: \(error.reason)",
            help: error.refused ? [] : ["pick a folder you can write to"]))
      }
    case .bytes(let data):
      guard let output else {
        return ToolOutput(
          stderr: DiagnosticRenderer.plainError(
            "`--format \(format.rawValue)` writes a binary file, which is not for standard output",
            help: [
              "name the file: `orgraph export --format \(format.rawValue) -o graph.\(format.exporter.fileExtension ?? format.rawValue)`"
            ]),
          status: 64)
      }
      return write(data, to: output)
    case .text(let text):
      guard let output else { return ToolOutput(stdout: text) }
      return write(Data(text.utf8), to: output)
    }
    /// One file, written atomically to `output`; an existing one replaced only with `replacing`.
    func write(_ data: Data, to output: String) -> ToolOutput {
      do throws(WriteRefusal) {
        try WritePolicy(replaceExisting: replacing).write(data, to: output, fromQuery: false)
        return ToolOutput()
      } catch {
        return failed(error)
      }
    }
  }
}
