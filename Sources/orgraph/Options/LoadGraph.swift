import ArgumentParser
import Foundation
import OrgGraph
import OrgQuery
import OrgTool

/// Loads the graph for a command, or prints why not and exits 1. A command that takes `--timeout` gives the
/// load the same budget as its queries (`limits`); the others load without one.
func loadGraphOrExit(_ path: String?, limits: LimitOptions? = nil) throws -> Graph {
  let line = ProgressLine()
  defer { line.finish() }
  do {
    return try GraphTool.loadGraph(path, progress: line.handler, timeout: limits?.seconds)
  } catch {
    line.finish()
    FileHandle.standardError.write(
      Data(GraphTool.render(error, format: .text, color: Terminal.colorOnStderr).utf8))
    throw ExitCode(1)
  }
}

/// The runner `query` and `run` share: the graph at `graphPath`, with the parameters, output format, limits
/// and write policy of their options.
func makeRunner(graphPath: String?, options: QueryOptions, limits: LimitOptions, writes: WriteOptions) throws
  -> ScriptRunner
{
  let graph = try loadGraphOrExit(graphPath, limits: limits)
  var runner = ScriptRunner(
    session: limits.apply(to: QuerySession(graph: graph, parameters: try options.parsedParameters())),
    format: options.format,
    color: Terminal.colorOnStderr, renderer: Rendering.renderer(writes: writes.policy))
  runner.tableWidth = options.tableWidth
  return runner
}
