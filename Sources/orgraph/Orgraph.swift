import ArgumentParser
import CLineEdit
import Foundation
import OrgDiagram
import OrgGraph
import OrgQuery
import OrgRender
import OrgTool

@main
struct Orgraph: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "orgraph",
    abstract: "An org-wide competency graph and query engine.",
    discussion: """
      Without --graph, every command uses the default graph (Rocket.Chat and Octopus Deploy career documents), which is built into the tool.

      With no command, orgraph starts the REPL on a terminal, and otherwise reads one query per line from standard input.

      Shell completion: orgraph --generate-completion-script bash|zsh|fish > FILE (see your shell's docs for where FILE goes).

      Examples:
        orgraph                              the REPL on the default graph
        orgraph query 'team Cloud <- in_team'
        orgraph check                        validate the default graph
        orgraph check --graph Graph/         validate a Graph folder you are editing
        orgraph stats                        count nodes per kind and edges per type
        orgraph export --format graphml -o g.graphml   for yEd, Gephi, networkx (`orgraph export --help` lists every format)
        orgraph import handbook/ -o graph            read a framework's pages, sheets and files into a Graph folder
        orgraph generate --scale L -o org            a synthetic organisation of a million people, as CSV
        orgraph snapshot --graph org/csv -o org.orgsnap   save a built graph; --graph org.orgsnap opens it at once
      """,
    version: OrgGraphVersion.string,
    subcommands: [
      Repl.self, Query.self, Run.self, Render.self, Check.self, Stats.self, Export.self, Import.self,
      Links.self, Align.self, SiteCommand.self, Serve.self,
      Generate.self, Snapshot.self, LineEditorDemo.self,
      RenderWorkerCommand.self,
    ]
  )

  /// Graphviz runs in a helper process (this executable again, `orgraph __render-worker`), started on the
  /// first render and kept warm, so a crash inside Graphviz fails one render, not the tool or the shell.
  /// `ORGRAPH_RENDER=in-process` renders in this process instead (for measuring, and for debuggers).
  /// `ORGRAPH_RENDER_TIMEOUT=SECONDS` changes how long one layout may take (60 seconds by default).
  static func main() {
    let environment = ProcessInfo.processInfo.environment
    if environment["ORGRAPH_RENDER"] != "in-process" {
      let timeout =
        environment["ORGRAPH_RENDER_TIMEOUT"].flatMap(Double.init).flatMap {
          $0.isFinite ? min(max($0, 0.1), 86_400) : nil
        }
        ?? 60
      GraphvizRenderer.worker = RenderWorker(timeout: timeout)
    }
    let arguments = Array(CommandLine.arguments.dropFirst())
    let names = configuration.subcommands.map { $0._commandName }
    if let misplaced = LimitArguments.misplaced(in: arguments, commands: names) {
      exit(withError: ValidationError(misplaced))
    }
    main(ParameterArguments.extract(from: arguments))
  }

  @OptionGroup var shell: ShellOptions

  /// With no command: the REPL on a terminal; otherwise queries read line by line from standard input.
  func run() throws { try shell.start() }
}
