import OrgDiagram
import OrgGraph
import OrgQuery
import OrgRender

/// The REPL's `:` commands, written once: `:help meta`, Tab completion, "did you mean" and dispatch
/// (``Shell/meta(_:)``) are all made from this list.
enum MetaCommand: String, CaseIterable {
  case help, schema, explain, load, graph, format, set, render, ast, history, quit

  /// Other names that run the command.
  var aliases: [String] {
    switch self {
    case .help: ["h", "?"]
    case .quit: ["q", "exit"]
    default: []
    }
  }

  /// How the command is written, as `:help meta` shows it.
  var usage: String {
    switch self {
    case .help: ":help [topic]"
    case .schema: ":schema [kind]"
    case .explain: ":explain CODE"
    case .load: ":load FILE.oq"
    case .graph: ":graph DIR"
    case .format: ":format " + ResultFormatter.Format.allCases.map(\.rawValue).joined(separator: "|")
    case .set: ":set NAME VALUE"
    case .render: ":render FORMAT FILE"
    case .ast: ":ast QUERY"
    case .history: ":history"
    case .quit: ":quit"
    }
  }

  /// What it does, in a few words.
  var summary: String {
    switch self {
    case .help: "this help"
    case .schema: "kinds, edges, properties"
    case .explain: "what an error means"
    case .load: "run a query file"
    case .graph: "switch graph (bindings kept)"
    case .format: "how results are printed"
    case .set: "change a setting (below)"
    case .render: "draw the last result"
    case .ast: "the parse tree"
    case .history: "earlier entries"
    case .quit: "leave (or Ctrl-D)"
    }
  }

  /// What Tab offers after the command's name.
  enum Argument {
    case none, helpTopic, queryFile, graphPath, resultFormat, setting, errorCode, diagramFormat, schemaName,
      query
  }

  /// What the command takes.
  var argument: Argument {
    switch self {
    case .help: .helpTopic
    case .schema: .schemaName
    case .explain: .errorCode
    case .load: .queryFile
    case .graph: .graphPath
    case .format: .resultFormat
    case .set: .setting
    case .render: .diagramFormat
    case .ast: .query
    case .history, .quit: .none
    }
  }

  /// The command called `name` (its name or an alias).
  init?(named name: String) {
    guard let command = Self.allCases.first(where: { $0.rawValue == name || $0.aliases.contains(name) })
    else { return nil }
    self = command
  }

  /// Every name a command answers to, for "did you mean".
  static var allNames: [String] { allCases.flatMap { [$0.rawValue] + $0.aliases } }

  /// The formats `:render` takes: every diagram format.
  static var diagramFormats: [String] { DiagramFormat.allCases.map(\.rawValue) }
}

/// The REPL's settings (`:set NAME VALUE`), written once: `:help meta`, completion, "did you mean" and
/// ``Shell/set(_:)`` are made from this list.
enum Setting: String, CaseIterable {
  case hops, rows, width, timing, nodes, timeout, maxrows, overwrite

  /// The value it takes, as `:help meta` shows it.
  var value: String {
    switch self {
    case .hops: "N"
    case .rows: "N"
    case .width: "N|auto"
    case .timing: "on|off"
    case .nodes: "N"
    case .timeout: "SECONDS"
    case .maxrows: "N"
    case .overwrite: "on|off"
    }
  }

  /// What it changes.
  var summary: String {
    switch self {
    case .hops: "the most hops a closure or path walks (1–100000)"
    case .rows: "the most rows a table shows (0: all)"
    case .width: "wrap tables to N columns (auto: the terminal's; 0: never)"
    case .timing: "print how long each query took"
    case .nodes: "the most nodes a diagram may have"
    case .timeout: "stop a query, or loading a graph (:graph), after this long (0: never)"
    case .maxrows: "stop a query when one step makes more rows"
    case .overwrite: "let renders replace files that exist"
    }
  }

  /// The values Tab offers.
  var completions: [String] {
    switch self {
    case .timing, .overwrite: ["on", "off"]
    case .width: ["auto"]
    default: []
    }
  }
}
