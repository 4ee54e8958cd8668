import ArgumentParser
import Foundation
import OrgGraph
import OrgQuery

/// Options shared by the commands that run queries.
struct QueryOptions: ParsableArguments {
  @Option(help: "table, json or csv.")
  var format: ResultFormatter.Format = .table

  @Option(
    name: .customLong("param"),
    help: ArgumentHelp(
      "Bind `$NAME` to VALUE (a number, true/false, or text). Repeatable.", valueName: "NAME=VALUE"))
  var parameters: [String] = []

  func parsedParameters() throws -> [String: QueryValue] {
    var out: [String: QueryValue] = [:]
    for p in parameters {
      guard let eq = p.firstIndex(of: "="), eq != p.startIndex else {
        throw ValidationError("--param takes NAME=VALUE, like --param min=3; got `\(p)`")
      }
      out[String(p[..<eq])] = .parameter(String(p[p.index(after: eq)...]))
    }
    return out
  }
}

extension ResultFormatter.Format: ExpressibleByArgument {}

/// Runs query text and prints results and diagnostics the way `query`, `run` and piped input do.
struct QueryRunner {
  var session: QuerySession
  var format: ResultFormatter.Format
  var color: Bool
  var out: (String) -> Void = { FileHandle.standardOutput.write(Data($0.utf8)) }
  var err: (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }
  var printedResults = 0
  /// How diagnostics name text that came from no file: `<query>` on the command line, `<repl>` in the REPL.
  var anonymousName = "<query>"

  /// Runs `text`; returns whether it succeeded.
  mutating func run(_ text: String, file: String? = nil, firstLine: Int = 1) -> Bool {
    let file = file ?? anonymousName
    let outcome = session.run(text, file: file, firstLine: firstLine)
    report(outcome.diagnostics, text: text, file: file, firstLine: firstLine)
    let formatter = ResultFormatter(graph: session.graph)
    for result in outcome.results {
      if result.kind == .binding && format != .table { continue }
      if printedResults > 0 && format == .table { out("\n") }
      out(formatter.format(result, as: format))
      printedResults += 1
      if let request = result.render {
        do {
          try Rendering.perform(request, result: result, graph: session.graph, defaultFormat: nil, write: out)
        } catch {
          report([error.diagnostic], text: text, file: file, firstLine: firstLine)
          return false
        }
      }
    }
    if outcome.cancelled { err("cancelled\n") }
    return outcome.succeeded
  }

  func report(_ diagnostics: [Diagnostic], text: String, file: String?, firstLine: Int) {
    guard !diagnostics.isEmpty else { return }
    if format == .json {
      err(diagnostics.map { GraphTool.diagnosticJSON($0).compact + "\n" }.joined())
      return
    }
    // Pad the text so line numbers of a file line up with the renderer's line lookup.
    let padded = String(repeating: "\n", count: max(firstLine - 1, 0)) + text
    var renderer = DiagnosticRenderer(color: color)
    if let file { renderer.sources[file] = padded }
    err(renderer.render(diagnostics, summary: false))
  }
}

struct Query: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run a query and print its result.",
    discussion: """
      Examples:
        orgraph query 'team Cloud <- in_team'
        orgraph query 'role "Cloud Engineer" -> requires[proficiency >= advanced] | select name, proficiency'
        orgraph query --format json 'competencies | select name, count(<- requires) as demand | sort by demand desc | limit 5'
        orgraph query --param min=3 'roles | where count(-> requires) >= $min | select name'
        orgraph query 'gap from role "Cloud Engineer" to level "Senior Cloud Security Engineer" | where change in [added, raised]'

      docs/query-language.md is the language reference; docs/errors.md explains every error code.
      """)

  @OptionGroup var graphOptions: GraphOptions
  @OptionGroup var options: QueryOptions
  @Argument(help: "The query. Quote it for the shell: 'role \"Cloud Engineer\" -> requires'.")
  var query: String

  func run() throws {
    let graph = try loadGraphOrExit(graphOptions.graph)
    var runner = QueryRunner(
      session: QuerySession(graph: graph, parameters: try options.parsedParameters()), format: options.format,
      color: Terminal.colorOnStderr)
    if !runner.run(query) { throw ExitCode(1) }
  }
}

struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run query files (.oq) in order, in one session.",
    discussion: """
      A file holds one or more statements separated by `;`, with `#` comments. `let` bindings of one file are
      seen by the files after it.

      Examples:
        orgraph run Queries/01-cloud-team-roles.oq
        orgraph run --format csv Queries/*.oq
      """)

  @OptionGroup var graphOptions: GraphOptions
  @OptionGroup var options: QueryOptions
  @Argument(help: "Query files.")
  var files: [String]

  func run() throws {
    let graph = try loadGraphOrExit(graphOptions.graph)
    var runner = QueryRunner(
      session: QuerySession(graph: graph, parameters: try options.parsedParameters()), format: options.format,
      color: Terminal.colorOnStderr)
    var ok = true
    for file in files {
      guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
        FileHandle.standardError.write(Data("error: cannot read `\(file)`\n".utf8))
        ok = false
        continue
      }
      ok = runner.run(text, file: file) && ok
    }
    if !ok { throw ExitCode(1) }
  }
}

/// Loads the graph for a command, or prints why not and exits 1.
func loadGraphOrExit(_ path: String?) throws -> Graph {
  do {
    return try GraphTool.loadGraph(path)
  } catch {
    FileHandle.standardError.write(
      Data(GraphTool.render(error, format: .text, color: Terminal.colorOnStderr).utf8))
    throw ExitCode(1)
  }
}

/// Carries out `| render` requests. Rendering lands with OrgRender; see Rendering.swift.
enum Rendering {}

struct RenderFailure: Error {
  var diagnostic: Diagnostic
}
