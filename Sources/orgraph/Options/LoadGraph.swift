import ArgumentParser
import Foundation
import OrgGraph
import OrgQuery
import OrgTool

/// Loads the graph for a command, or prints why not and exits 1.
func loadGraphOrExit(_ path: String?) throws -> Graph {
  let line = ProgressLine()
  defer { line.finish() }
  do {
    return try GraphTool.loadGraph(path, progress: line.handler)
  } catch {
    line.finish()
    FileHandle.standardError.write(
      Data(GraphTool.render(error, format: .text, color: Terminal.colorOnStderr).utf8))
    throw ExitCode(1)
  }
}
