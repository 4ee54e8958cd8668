import Foundation
import OrgGraph

extension GraphTool {
  /// `orgraph site -o DIR`: the graph as a static site ([`Site`](doc:Site)), written in one step; an existing
  /// folder is replaced only with `replacing` (`--force`), and only one OrgGraph wrote.
  public static func site(
    graphPath: String?, to output: String, replacing: Bool = false, options: Site.Options = Site.Options(),
    color: Bool = false
  ) -> ToolOutput {
    let graph: Graph
    do throws(GraphLoadFailure) {
      graph = try loadGraph(graphPath)
    } catch {
      return ToolOutput(stderr: render(error, format: .text, color: color), status: 1)
    }
    let started = Date()
    let files = Site.build(graph, options: options)
    do throws(OutputFileError) {
      try OutputFolder.write(files, to: output, replacing: replacing)
    } catch {
      let refusal =
        error.exists
        ? WritePolicy.exists(output)
        : WriteRefusal(
          message: "cannot write `\(output)`: \(error.reason)",
          help: error.refused ? [] : ["pick a folder you can write to"])
      return ToolOutput(stderr: DiagnosticRenderer.plainError(refusal.message, help: refusal.help), status: 1)
    }
    let pages = files.filter { $0.path.hasSuffix(".html") }.count
    let bytes = files.reduce(0) { $0 + $1.text.utf8.count }
    let seconds = Date().timeIntervalSince(started)
    let index = URL(fileURLWithPath: output).appending(path: "index.html").path
    return ToolOutput(
      stderr:
        "wrote \(output): \(pages) pages, \(bytes / 1024) KB in \(String(format: "%.2f", seconds)) s; open \(index)\n"
    )
  }
}
