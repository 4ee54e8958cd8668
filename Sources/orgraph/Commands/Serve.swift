import ArgumentParser
import Foundation
import OrgServer
import OrgTool

struct Serve: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Serve the graph over HTTP: a query console, a compare view, the site's pages and a JSON API.",
    discussion: """
      Open http://127.0.0.1:8080/ for the query console (completion, history, results as sortable tables linked to the nodes' pages, drawings, errors as the terminal shows them, exports), /compare to compare two levels, roles or a person and a level, and /site/ for the site's pages, made on request. The JSON API (POST /api/query, POST /api/render, GET /api/schema, /api/nodes/{id}, /api/complete, /api/health) is described in docs/openapi.yaml.

      Safe by default: read-only (a query's `render … to "file"` is refused), every query under --timeout and --max-rows, request bodies capped, a few queries at once (the rest wait, then 503), loopback only unless told otherwise — any other --host needs a token (--token or ORGRAPH_TOKEN, sent as `Authorization: Bearer TOKEN`; a browser opens /?token=TOKEN once). One line per request on standard error (never the token). Ctrl-C or SIGTERM stops it after the requests in flight.

      Examples:
        orgraph serve
        orgraph serve --graph imported --port 9000
        ORGRAPH_TOKEN=$(openssl rand -hex 16) orgraph serve --host 0.0.0.0
        curl -s localhost:8080/api/query -d '{"query": "roles | count"}'
      """)

  @OptionGroup var options: GraphOptions
  @Option(help: ArgumentHelp("The address to listen on.", valueName: "address"))
  var host = "127.0.0.1"
  @Option(help: ArgumentHelp("The port to listen on (0 picks a free one).", valueName: "port"))
  var port = 8080
  @Option(
    help: ArgumentHelp(
      "The bearer token every request must carry (default: ORGRAPH_TOKEN).", valueName: "token"))
  var token: String?
  @Option(help: ArgumentHelp("Allow this origin to call the API from its pages (CORS).", valueName: "origin"))
  var cors: String?
  @Option(help: ArgumentHelp("A query's time budget in seconds.", valueName: "seconds"))
  var timeout: Double = 10
  @Option(help: ArgumentHelp("The most rows a query may make.", valueName: "n"))
  var maxRows = 5_000_000

  func validate() throws {
    guard (0...65535).contains(port) else { throw ValidationError("--port takes 0 to 65535; got \(port)") }
    guard timeout > 0, timeout <= 3600 else {
      throw ValidationError("--timeout takes 0 to 3600 seconds; got \(timeout)")
    }
    guard maxRows > 0 else { throw ValidationError("--max-rows takes a positive number; got \(maxRows)") }
  }

  func run() throws {
    // The tool's commands are synchronous; the server runs on Swift's concurrency until it stops.
    let outcome = Outcome()
    let done = DispatchSemaphore(value: 0)
    let command = self
    Task {
      do {
        try await command.serve()
      } catch {
        outcome.error = error
      }
      done.signal()
    }
    done.wait()
    if let error = outcome.error { throw error }
  }

  /// What the server task ended with.
  final class Outcome: @unchecked Sendable {
    var error: (any Error)?
  }

  func serve() async throws {
    var settings = ServerOptions()
    settings.host = host
    settings.port = port
    settings.token =
      token ?? ProcessInfo.processInfo.environment["ORGRAPH_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
    settings.cors = cors
    settings.timeout = timeout
    settings.maxRows = maxRows
    settings.log = { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }
    if let problem = settings.problem() {
      FileHandle.standardError.write(Data("error: \(problem)\n".utf8))
      throw ExitCode(64)
    }
    let graph = try loadGraphOrExit(options.graph)
    let host = self.host
    do {
      try await GraphServer.run(graph: graph, options: settings) { port in
        let shown = host.contains(":") ? "[\(host)]" : host
        FileHandle.standardError.write(
          Data("serving \(graph.manifest.name) on http://\(shown):\(port)/ (Ctrl-C stops)\n".utf8))
      }
    } catch {
      FileHandle.standardError.write(Data("error: cannot serve on \(host):\(port): \(error)\n".utf8))
      throw ExitCode(1)
    }
    FileHandle.standardError.write(Data("stopped: the requests in flight were answered\n".utf8))
  }
}
