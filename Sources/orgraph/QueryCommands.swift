import ArgumentParser
import Foundation
import OrgDiagram
import OrgGraph
import OrgQuery
import OrgRender
import OrgTool

/// Options shared by the commands that run queries.
struct QueryOptions: ParsableArguments {
  @Option(help: "table, json or csv.")
  var format: ResultFormatter.Format = .table

  @Option(
    name: .customLong("param"),
    help: ArgumentHelp(
      "Bind `$NAME` to VALUE (a number, true/false, or text). Repeatable.", valueName: "NAME=VALUE"))
  var parameters: [String] = []

  @Option(
    help: ArgumentHelp(
      "Fit tables to this many columns, wrapping long cells onto more lines (0: no limit). By default tables fit the terminal when standard output is one; written to a file or a pipe, every cell is printed whole on one line.",
      valueName: "n"))
  var width: Int?

  func validate() throws {
    if let width, width != 0, !(20...10_000).contains(width) {
      throw ValidationError(
        "--width takes a number of columns from 20 to 10000, or 0 for no limit; got \(width)")
    }
  }

  /// The width tables are fitted to: `--width`, else the terminal's when standard output is one.
  var tableWidth: Int? {
    if let width { return width > 0 ? width : nil }
    return isatty(1) != 0 ? REPL.terminalColumns() : nil
  }

  func parsedParameters() throws -> [String: QueryValue] {
    try Self.parameters(parameters + ParameterArguments.extracted)
  }

  /// `NAME=VALUE` texts as parameters (a later name wins).
  static func parameters(_ texts: [String]) throws -> [String: QueryValue] {
    var out: [String: QueryValue] = [:]
    for p in texts {
      guard let eq = p.firstIndex(of: "="), eq != p.startIndex else {
        throw ValidationError("--param takes NAME=VALUE, like --param min=3; got `\(p)`")
      }
      out[String(p[..<eq])] = .parameter(String(p[p.index(after: eq)...]))
    }
    return out
  }

}

extension ResultFormatter.Format: ExpressibleByArgument {}

/// `--param NAME=VALUE` options, taken out of the command line before swift-argument-parser reads it. Its
/// parser merges an array option's input origins once per element, which made 4,000 `--param`s take 25
/// seconds (quadratic); taken out here, any number costs one pass. `--help` still documents the option, and
/// commands that do not take it still refuse it.
enum ParameterArguments {
  /// The values of the `--param` options taken out, in order.
  nonisolated(unsafe) static var extracted: [String] = []
  /// The commands that take `--param`.
  static let commands: Set<String> = ["query", "run", "render"]

  /// `arguments` without their `--param NAME=VALUE` and `--param=NAME=VALUE` options, which are kept in
  /// ``extracted``; unchanged for other commands, and after `--`.
  static func extract(from arguments: [String]) -> [String] {
    guard let command = arguments.first, commands.contains(command) else { return arguments }
    var rest: [String] = []
    var i = 0
    while i < arguments.count {
      let argument = arguments[i]
      if argument == "--" {
        rest += arguments[i...]
        break
      }
      if argument == "--param", i + 1 < arguments.count {
        extracted.append(arguments[i + 1])
        i += 2
      } else if argument.hasPrefix("--param=") {
        extracted.append(String(argument.dropFirst("--param=".count)))
        i += 1
      } else {
        rest.append(argument)
        i += 1
      }
    }
    return rest
  }
}

/// Which files queries may write, and whether existing files may be replaced.
struct WriteOptions: ParsableArguments {
  @Flag(help: "Replace files that already exist (otherwise only files this run wrote are replaced).")
  var force = false

  @Option(
    help: ArgumentHelp(
      "The folder files named inside queries (`| render … to \"FILE\"`) may be written in (default: the working directory).",
      valueName: "dir"))
  var writeDir: String?

  var policy: WritePolicy {
    var policy = WritePolicy(replaceExisting: force)
    if let writeDir { policy.queryFolder = writeDir }
    return policy
  }
}

/// How long a query may run and how many rows a step may make.
struct LimitOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Stop a query that runs longer than this many seconds (0: no limit).", valueName: "seconds"))
  var timeout: String = "30"

  @Option(help: ArgumentHelp("Stop a query when one step makes more rows than this.", valueName: "n"))
  var maxRows: Int = QuerySession.defaultMaxRows

  func validate() throws {
    if case .failure(let error) = QuerySession.validTimeout(timeout) {
      throw ValidationError("--timeout: \(error.message)")
    }
    guard maxRows >= 1 else { throw ValidationError("--max-rows takes a number of rows, 1 or more") }
  }

  /// `session` with these limits.
  func apply(to session: QuerySession) -> QuerySession {
    var session = session
    session.timeout = (try? QuerySession.validTimeout(timeout).get()) ?? nil
    session.maxRows = maxRows
    return session
  }
}

struct Query: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run a query and print its result.",
    discussion: """
      Examples:
        orgraph query 'team Cloud <- in_team'
        orgraph query 'competency k8s <- requires | select name, proficiency'
        orgraph query --format json 'roles | select name, count(-> requires) as n'
        orgraph query --param min=20 'roles | where count(-> requires) >= $min'
        orgraph query 'gap from level "Security Engineer" to @ L3'

      docs/query-language.md is the language reference; docs/errors.md explains every error code.
      """)

  @OptionGroup var graphOptions: GraphOptions
  @OptionGroup var options: QueryOptions
  @OptionGroup var limits: LimitOptions
  @OptionGroup var writes: WriteOptions
  @Argument(help: "The query. Quote it for the shell: 'role \"Cloud Engineer\" -> requires'.")
  var query: String

  func validate() throws {
    let (syntax, errors) = Parser.parse(query)
    if syntax.statements.isEmpty && errors.isEmpty {
      throw ValidationError(
        "the query is empty\(query.contains("#") ? " (it holds only a comment)" : ""): give one, like 'roles | count'"
      )
    }
  }

  func run() throws {
    let graph = try loadGraphOrExit(graphOptions.graph)
    var runner = ScriptRunner(
      session: limits.apply(to: QuerySession(graph: graph, parameters: try options.parsedParameters())),
      format: options.format,
      color: Terminal.colorOnStderr, renderer: Rendering.renderer(writes: writes.policy))
    runner.tableWidth = options.tableWidth
    if !Terminal.write(runner.run(query)) { throw ExitCode(1) }
  }
}

struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run query files (.oq) in order, in one session.",
    discussion: """
      A file holds one or more statements separated by `;`, with `#` comments. `let` bindings of one file are seen by the files after it.

      Examples:
        orgraph run Queries/01-cloud-team-roles.oq
        orgraph run --format csv Queries/*.oq
      """)

  @OptionGroup var graphOptions: GraphOptions
  @OptionGroup var options: QueryOptions
  @OptionGroup var limits: LimitOptions
  @OptionGroup var writes: WriteOptions
  @Argument(help: "Query files.")
  var files: [String]

  func run() throws {
    let graph = try loadGraphOrExit(graphOptions.graph)
    var runner = ScriptRunner(
      session: limits.apply(to: QuerySession(graph: graph, parameters: try options.parsedParameters())),
      format: options.format,
      color: Terminal.colorOnStderr, renderer: Rendering.renderer(writes: writes.policy))
    runner.tableWidth = options.tableWidth
    var ok = true
    for file in files {
      guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
        FileHandle.standardError.write(Data("error: cannot read `\(file)`\n".utf8))
        ok = false
        continue
      }
      ok = Terminal.write(runner.run(text, file: file)) && ok
    }
    if !ok { throw ExitCode(1) }
  }
}

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

extension Terminal {
  /// Prints a runner's output; returns whether it succeeded.
  static func write(_ output: ScriptRunner.Output) -> Bool {
    if !output.stderr.isEmpty { FileHandle.standardError.write(Data(output.stderr.utf8)) }
    if !output.stdout.isEmpty { FileHandle.standardOutput.write(Data(output.stdout.utf8)) }
    return output.succeeded
  }
}

struct Render: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run a query and draw its result: a career path, an overlap, ladders, or a subgraph.",
    discussion: """
      The diagram follows from the result: a path is drawn as a career path, a gap or an overlap as an overlap diagram, a set of levels (or of roles and tracks with levels) as ladders, anything else as the subgraph of its nodes. Text formats (dot, svg, mermaid) go to standard output when no file is named; png and pdf need -o. Files are written atomically.

      Examples:
        orgraph render --format svg -o ladder.svg 'levels | where code = L3'
        orgraph render --format png -o team.png 'team Cloud <- in_team'
        orgraph render --format mermaid 'track "Security Engineer"'
        orgraph render --format dot 'overlap role "Cloud Engineer", role "SRE Engineer"'
      """)

  @OptionGroup var graphOptions: GraphOptions
  @Option(help: "dot, svg, png, pdf or mermaid.")
  var format: DiagramFormat
  @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The file to write.", valueName: "path"))
  var output: String?
  @Option(help: ArgumentHelp("Draw diagrams of up to this many nodes (default 150).", valueName: "n"))
  var maxNodes: Int?
  @Option(
    name: .customLong("param"),
    help: ArgumentHelp("Bind `$NAME` to VALUE. Repeatable.", valueName: "NAME=VALUE"))
  var parameters: [String] = []
  @OptionGroup var queryLimits: LimitOptions
  @OptionGroup var writes: WriteOptions
  @Argument(help: "The query whose result to draw.")
  var query: String

  func run() throws {
    let graph = try loadGraphOrExit(graphOptions.graph)
    let parameters = try QueryOptions.parameters(self.parameters + ParameterArguments.extracted)
    let limits = maxNodes.map { DiagramLimits(maxNodes: $0) } ?? .standard
    try Terminal.write(
      Rendering.renderQuery(
        query, session: queryLimits.apply(to: QuerySession(graph: graph, parameters: parameters)),
        format: format,
        output: output,
        limits: limits, writes: writes.policy, color: Terminal.colorOnStderr))
  }
}

extension DiagramFormat: ExpressibleByArgument {}

/// The line a long load prints on a terminal: how much of the tables has been read, rewritten in place at
/// most ten times a second, and erased when the load ends. Nothing is printed when standard error is not a
/// terminal, or for loads under a second.
final class ProgressLine: @unchecked Sendable {
  private let lock = NSLock()
  private let start = Date()
  private var last = Date.distantPast
  private var shown = false

  var handler: LoadProgress.Handler? {
    guard isatty(2) != 0 else { return nil }
    return { [self] progress in update(progress) }
  }

  private func update(_ progress: LoadProgress) {
    guard progress.totalBytes > 0 else { return }
    let percent = Int(Double(progress.bytesRead) / Double(progress.totalBytes) * 100)
    let read = ByteCountFormatter.string(fromByteCount: Int64(progress.bytesRead), countStyle: .file)
    let total = ByteCountFormatter.string(fromByteCount: Int64(progress.totalBytes), countStyle: .file)
    show("loading tables: \(read) of \(total) (\(percent) %)")
  }

  /// A handler for work counted in items (`importing documents: 120 of 2,000 (6 %)`), on a terminal only.
  func counter(_ what: String) -> (@Sendable (Int, Int) -> Void)? {
    guard isatty(2) != 0 else { return nil }
    return { [self] done, total in
      guard total > 0 else { return }
      show("\(what): \(done.formatted()) of \(total.formatted()) (\(done * 100 / total) %)")
    }
  }

  /// Says which step the work is at (`linking statements to competencies`), on a terminal only.
  func status(_ text: String) {
    guard isatty(2) != 0 else { return }
    show(text, always: true)
  }

  /// Rewrites the line in place, once the work has run a second, at most ten times a second (a new step
  /// `always`).
  private func show(_ text: String, always: Bool = false) {
    lock.lock()
    defer { lock.unlock() }
    let now = Date()
    guard now.timeIntervalSince(start) > 1, always || now.timeIntervalSince(last) > 0.1 else { return }
    last = now
    shown = true
    FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
  }

  func finish() {
    lock.lock()
    defer { lock.unlock() }
    if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    shown = false
  }
}
