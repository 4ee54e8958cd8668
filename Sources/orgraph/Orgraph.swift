import ArgumentParser
import CLineEdit
import Foundation
import OrgGraph
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
        orgraph export --format graphml -o g.graphml   for yEd, Gephi, networkx (also cypher, neo4j, csv, mermaid)
        orgraph import handbook/ -o graph            read Markdown handbooks into a Graph folder
        orgraph generate --scale L -o org            a synthetic organisation of a million people, as CSV
        orgraph snapshot --graph org/csv -o org.orgsnap   save a built graph; --graph org.orgsnap opens it at once
      """,
    version: OrgGraphVersion.string,
    subcommands: [
      Repl.self, Query.self, Run.self, Render.self, Check.self, Stats.self, Export.self, Import.self,
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
    main(ParameterArguments.extract(from: Array(CommandLine.arguments.dropFirst())))
  }

  @OptionGroup var shell: ShellOptions

  /// With no command: the REPL on a terminal; otherwise queries read line by line from standard input.
  func run() throws { try shell.start() }
}

/// What the shell takes, with or without the `repl` command.
struct ShellOptions: ParsableArguments {
  @OptionGroup var options: GraphOptions
  @OptionGroup var limits: LimitOptions
  @OptionGroup var writes: WriteOptions

  /// Loads the graph and runs the shell; throws its exit status when it is not 0.
  func start() throws {
    let graph = try loadGraphOrExit(options.graph)
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

/// Options every command that reads a graph takes.
struct GraphOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "A Graph folder (YAML files and CSV tables), a snapshot written by `orgraph snapshot`, or a .json file written by `orgraph export`.",
      valueName: "path"))
  var graph: String?
}

enum Terminal {
  static var colorOnStderr: Bool { isatty(2) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil }

  static func write(_ output: ToolOutput) throws {
    if !output.stdout.isEmpty { FileHandle.standardOutput.write(Data(output.stdout.utf8)) }
    if !output.stderr.isEmpty { FileHandle.standardError.write(Data(output.stderr.utf8)) }
    if output.status != 0 { throw ExitCode(output.status) }
  }
}

struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Validate a graph and report every problem with its file:line:column.",
    discussion: """
      Exits 0 when the graph is sound, 1 with all diagnostics on standard error when it is not.

      --strict adds the framework lint rules as warnings, and fails on them: expectations linked to no
      competency (L101), competencies nobody requires (L102), a statement repeated within one role or level
      (L103), a level that no promotion reaches and that promotes nowhere (L104), a team with no roles (L105).

      Examples:
        orgraph check
        orgraph check --graph Graph/
        orgraph check --graph Graph/ --strict        (for a framework repository's CI)
        orgraph check --graph Graph/ --format json
      """)

  @OptionGroup var options: GraphOptions
  @Option(help: "text, or json (one object with `ok` and `diagnostics` on standard output).")
  var format: TextFormat = .text
  @Flag(help: "Also apply the framework lint rules (L101–L105), and exit 1 on their warnings.")
  var strict = false

  func run() throws {
    try Terminal.write(
      GraphTool.check(
        graphPath: options.graph, format: format.toolFormat, color: Terminal.colorOnStderr, strict: strict))
  }
}

struct Stats: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Count the nodes of each kind and the edges of each type.",
    discussion: """
      Examples:
        orgraph stats
        orgraph stats --format json
        orgraph stats --graph Graph/
      """)

  @OptionGroup var options: GraphOptions
  @Option(help: "table or json.")
  var format: TableFormat = .table

  func run() throws {
    try Terminal.write(
      GraphTool.stats(graphPath: options.graph, format: format.toolFormat, color: Terminal.colorOnStderr))
  }
}

struct Export: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write the whole graph, derived and inferred edges marked, for other tools.",
    discussion: """
      Every format holds every node with its id and properties and every edge with its properties, derived and inferred ones marked by `origin`; ids are the graph's, so two exports diff cleanly. `--graph FILE.json` loads a JSON export back: derived and inferred edges are computed again, not doubled. Files and folders are written in one step, and an existing one is replaced only with --force. docs/export.md describes each format.

      Examples:
        orgraph export --format json -o graph.json
        orgraph export --format graphml -o graph.graphml            # open in yEd or Gephi
        orgraph export --format cypher -o graph.cypher              # cypher-shell -f graph.cypher
        orgraph export --format cypher --dialect kuzu -o kuzu.cypher
        orgraph export --format neo4j -o neo4j-import               # then: cd neo4j-import && sh import-neo4j.sh
        orgraph export --format csv -o tables                       # tables/nodes/roles.csv, tables/edges/requires.csv …
        orgraph export --format mermaid -o graph.mmd
      """)

  @OptionGroup var options: GraphOptions
  @Option(
    help: ArgumentHelp(
      "json (the default; --graph loads it back), graphml (yEd, Gephi, networkx), cypher (a script for Neo4j, or Kuzu with --dialect kuzu), neo4j (a folder of neo4j-admin import CSV files, with scripts for neo4j-admin and Kuzu), csv (a folder of tables per kind and per edge type), or mermaid.",
      valueName: "format"))
  var format: ExportFormat = .json
  @Option(help: ArgumentHelp("For --format cypher: neo4j (the default) or kuzu.", valueName: "dialect"))
  var dialect: CypherDialect = .neo4j
  @Option(
    name: [.short, .customLong("output")],
    help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "path"))
  var output: String?
  @OptionGroup var writes: WriteOptions

  func run() throws {
    try Terminal.write(
      GraphTool.export(
        graphPath: options.graph, as: format, dialect: dialect, to: output, replacing: writes.force,
        color: Terminal.colorOnStderr))
  }
}

enum TextFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json
  var toolFormat: GraphTool.Format { self == .json ? .json : .text }
}

enum TableFormat: String, ExpressibleByArgument, CaseIterable {
  case table, json
  var toolFormat: GraphTool.Format { self == .json ? .json : .table }
}

extension ExportFormat: ExpressibleByArgument {}
extension CypherDialect: ExpressibleByArgument {}
