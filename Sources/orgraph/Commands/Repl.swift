import ArgumentParser
import CLineEdit
import Foundation
import OrgDiagram
import OrgGraph
import OrgQuery
import OrgRender
import OrgTool

/// What the shell takes, with or without the `repl` command.
struct ShellOptions: ParsableArguments {
  @OptionGroup var options: GraphOptions
  @OptionGroup var limits: LimitOptions
  @OptionGroup var writes: WriteOptions

  /// Loads the graph and runs the shell; throws its exit status when it is not 0.
  func start() throws {
    let graph = try loadGraphOrExit(options.graph, limits: limits)
    let status = REPL.run(graph: graph, graphPath: options.graph, limits: limits, writes: writes.policy)
    if status != 0 { throw ExitCode(status) }
  }
}

struct Repl: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Start the interactive shell (history, Tab completion, :help).",
    discussion: """
      Examples:
        orgraph repl
        orgraph repl --graph Graph/
        echo 'team Cloud <- in_team' | orgraph repl        (not a terminal: one query per line)
      """)

  @OptionGroup var shell: ShellOptions

  func run() throws { try shell.start() }
}
