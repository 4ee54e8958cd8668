import Foundation
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `orgraph serve` as a client sees it: the JSON API answering as `orgraph query --format json` does,
/// errors as diagnostics with a 4xx status, read-only, bounded, no traversal out of the pages, the headers
/// that keep a browser safe, a token beyond loopback, a line per request, and a clean stop on SIGTERM.
@Suite("orgraph serve", .serialized)
struct ServeTests {
  /// A running server: the process, its port, and what it wrote to standard error.
  final class Server: @unchecked Sendable {
    let process = Process()
    let log = Box()
    var port = 0
    let lock = NSLock()

    var stderr: String {
      lock.lock()
      defer { lock.unlock() }
      return String(decoding: log.data, as: UTF8.self)
    }

    init(_ arguments: [String], environment extra: [String: String] = [:]) throws {
      process.executableURL = try #require(Tool.executable, "orgraph was not built next to the tests")
      process.arguments = ["serve", "--port", "0"] + arguments
      var environment = ProcessInfo.processInfo.environment
      environment["ORGRAPH_TOKEN"] = nil
      for (k, v) in extra { environment[k] = v }
      process.environment = environment
      let err = Pipe()
      process.standardError = err
      process.standardOutput = FileHandle.nullDevice
      try process.run()
      let handle = err.fileHandleForReading
      let thread = Thread { [self] in
        while true {
          let chunk = handle.availableData
          if chunk.isEmpty { break }
          lock.lock()
          log.data.append(chunk)
          lock.unlock()
        }
      }
      thread.start()
    }

    /// Waits for the "serving … on http://…:PORT/" line; the port, or `nil` if the server ended.
    func waitUntilServing() -> Int? {
      for _ in 0..<400 {
        if let match = stderr.firstMatch(of: /on http:\/\/[^:]+:(\d+)\//) {
          port = Int(match.output.1) ?? 0
          return port
        }
        if !process.isRunning { return nil }
        Thread.sleep(forTimeInterval: 0.05)
      }
      return nil
    }

    func stop() -> Int32 {
      if process.isRunning { process.terminate() }
      process.waitUntilExit()
      return process.terminationStatus
    }

    struct Answer {
      var status: Int
      var headers: [String: String]
      var body: String
    }

    func request(_ method: String, _ path: String, body: String? = nil, headers: [String: String] = [:])
      throws
      -> Answer
    {
      var request = URLRequest(url: try #require(URL(string: "http://127.0.0.1:\(port)\(path)")))
      request.httpMethod = method
      request.httpBody = body.map { Data($0.utf8) }
      for (k, v) in headers { request.setValue(v, forHTTPHeaderField: k) }
      let done = DispatchSemaphore(value: 0)
      let box = AnswerBox()
      URLSession.shared.dataTask(with: request) { data, response, error in
        let http = response as? HTTPURLResponse
        box.answer = Answer(
          status: http?.statusCode ?? -1,
          headers: (http?.allHeaderFields as? [String: String]) ?? [:],
          body: data.map { String(decoding: $0, as: UTF8.self) } ?? "\(error.map { "\($0)" } ?? "")")
        done.signal()
      }.resume()
      done.wait()
      return try #require(box.answer)
    }
  }

  final class AnswerBox: @unchecked Sendable { var answer: Server.Answer? }

  @Test func theAPIAnswersAsTheCommandLineDoes() throws {
    let server = try Server([])
    defer { _ = server.stop() }
    try #require(server.waitUntilServing() != nil, "\(server.stderr)")
    let health = try server.request("GET", "/api/health")
    #expect(health.status == 200)
    #expect(health.body.contains(#""status":"ok","graph":"OrgGraph default graph""#))
    let query = #"levels | where rank >= 3 | select name, code | sort by name"#
    let answer = try server.request(
      "POST", "/api/query", body: #"{"query": "levels | where rank >= 3 | select name, code | sort by name"}"#
    )
    #expect(answer.status == 200)
    #expect(answer.body == (try Tool.run(["query", "--format", "json", query])).stdout)
    let parameter = try server.request(
      "POST", "/api/query", body: #"{"query": "levels | where rank >= $min | count", "params": {"min": 4}}"#)
    #expect(parameter.status == 200, "\(parameter.body)")
    #expect(
      parameter.body
        == (try Tool.run([
          "query", "--format", "json", "--param", "min=4", "levels | where rank >= $min | count",
        ])).stdout)
    // An error: the diagnostics' JSON, and the text a terminal shows.
    let error = try server.request("POST", "/api/query", body: #"{"query": "rols | count"}"#)
    #expect(error.status == 400)
    #expect(error.body.contains(#""code":"Q103""#))
    #expect(error.body.contains(#"  = help: did you mean `roles`?"#))
    let schema = try server.request("GET", "/api/schema")
    #expect(schema.status == 200 && schema.body.contains(#""name":"competency""#))
    let node = try server.request("GET", "/api/nodes/role:rocket-chat%2Fsre-engineer")
    #expect(node.status == 200 && node.body.contains(#""type":"in_track""#), "\(node.body)")
    #expect(try server.request("GET", "/api/nodes/role:nobody").status == 404)
    let complete = try server.request("GET", "/api/complete?text=rol&cursor=3")
    #expect(complete.body == "{\"replace\":3,\"candidates\":[\"roles\",\"role\"]}\n")
    let svg = try server.request(
      "POST", "/api/render",
      body: #"{"query": "role \"SRE Engineer\" -> in_track -> has_level", "format": "svg"}"#)
    #expect(svg.status == 200 && svg.body.contains("<svg"), "\(svg.body)")
    #expect(svg.headers["Content-Type"] == "image/svg+xml")
    // The pages: the console, the compare view, the site's pages made on request.
    let console = try server.request("GET", "/")
    #expect(console.status == 200 && console.body.contains(#"<script src="/assets/console.js"></script>"#))
    #expect(!console.body.contains("<script>"))
    #expect(try server.request("GET", "/site/").body.contains("<h1>OrgGraph default graph</h1>"))
    #expect(
      try server.request("GET", "/site/level/octopus-deploy~senior-cloud-security-engineer.html").status
        == 200)
    #expect(try server.request("GET", "/compare").status == 200)
    // A line per request on standard error.
    #expect(server.stderr.contains("POST /api/query 200 "))
    #expect(server.stderr.contains("GET /api/nodes/role:nobody 404 "))
  }

  @Test func itIsReadOnlyBoundedAndClosed() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let server = try Server(["--timeout", "1", "--max-rows", "1000"])
    defer { _ = server.stop() }
    try #require(server.waitUntilServing() != nil, "\(server.stderr)")
    let write = try server.request(
      "POST", "/api/query", body: #"{"query": "roles | render svg to \"/tmp/orgraph-serve-leak.svg\""}"#)
    #expect(write.status == 400)
    #expect(write.body.contains("the server writes no files"))
    #expect(!FileManager.default.fileExists(atPath: "/tmp/orgraph-serve-leak.svg"))
    let big = try server.request(
      "POST", "/api/query", body: #"{"query": ""# + String(repeating: "x", count: 70_000) + #""}"#)
    #expect(big.status == 413, "\(big.body)")
    let rows = try server.request(
      "POST", "/api/query", body: #"{"query": "expectations, expectations, expectations"}"#)
    #expect(rows.status == 400 || rows.status == 408, "\(rows.status) \(rows.body.prefix(200))")
    for path in [
      "/site/../Package.swift", "/site/..%2F..%2FPackage.swift", "/site/%2e%2e/%2e%2e/etc/passwd",
      "/../../etc/passwd",
      "/site/level/..%2F..%2F..%2Fetc%2Fpasswd.html",
    ] {
      let answer = try server.request("GET", path)
      #expect(answer.status == 404, "\(path): \(answer.status)")
      #expect(!answer.body.contains("root:"), "\(path)")
    }
    let page = try server.request("GET", "/")
    #expect(page.headers["Content-Security-Policy"]?.contains("script-src 'self'") == true)
    #expect(page.headers["X-Content-Type-Options"] == "nosniff")
    #expect(page.headers["Access-Control-Allow-Origin"] == nil)
    #expect(try server.request("DELETE", "/api/query").status == 405)
    #expect(try server.request("POST", "/api/query", body: "not json").status == 400)
  }

  @Test func beyondLoopbackATokenIsRequiredAndChecked() throws {
    let refused = try Tool.run(["serve", "--host", "0.0.0.0", "--port", "0"])
    #expect(refused.status == 64)
    #expect(refused.stderr.contains("give a token with --token or ORGRAPH_TOKEN"), "\(refused.stderr)")
    let token = "0123456789abcdef0123"
    let server = try Server(["--host", "127.0.0.1"], environment: ["ORGRAPH_TOKEN": token])
    defer { _ = server.stop() }
    try #require(server.waitUntilServing() != nil, "\(server.stderr)")
    #expect(try server.request("GET", "/api/health").status == 401)
    #expect(
      try server.request("GET", "/api/health", headers: ["Authorization": "Bearer wrong-token-xxxxxxx"])
        .status == 401)
    #expect(
      try server.request("GET", "/api/health", headers: ["Authorization": "Bearer \(token)"]).status == 200)
    #expect(!server.stderr.contains(token))
  }

  static let schemathesis = Paths.repository.appending(path: ".venv/bin/schemathesis")

  /// The server against its OpenAPI document, by schemathesis: every operation, generated valid and invalid
  /// requests, every check but "schema-valid data is accepted" (a query is any string to JSON Schema, but
  /// not every string is a query: those answer 400 with their diagnostics, as documented).
  @Test(
    .enabled(
      if: FileManager.default.isExecutableFile(atPath: schemathesis.path),
      "schemathesis is not in .venv (scripts/setup.sh installs it): the OpenAPI check is skipped"))
  func theServerHoldsToItsOpenAPIDocument() throws {
    let server = try Server([])
    defer { _ = server.stop() }
    let port = try #require(server.waitUntilServing(), "\(server.stderr)")
    let (output, status) = try Tool.runMerged(
      Self.schemathesis,
      [
        "run", Paths.repository.appending(path: "docs/openapi.yaml").path, "--url",
        "http://127.0.0.1:\(port)",
        "--max-examples", "40", "--checks", "all", "--exclude-checks", "positive_data_acceptance", "--seed",
        "1",
      ], in: try Paths.temporaryFolder())
    #expect(status == 0, "\(output)")
    #expect(output.contains("Selected: 6/6"), "\(output)")
  }

  /// The console in a real browser: completion, a run, the table and the drawing, a node's page, an error
  /// as the terminal shows it, a comparison — on the fixture whose names hold a script, which never runs.
  @Test(
    .enabled(
      if: SiteCommandTests.haveBrowser,
      "chromium, chromium-driver or the venv's selenium are not installed (scripts/setup.sh installs them): skipped"
    ))
  func theConsoleWorksInABrowser() throws {
    let server = try Server(["--graph", SiteCommandTests.fixture.path])
    defer { _ = server.stop() }
    let port = try #require(server.waitUntilServing(), "\(server.stderr)")
    let (output, status) = try Tool.runMerged(
      SiteCommandTests.python,
      [
        Paths.repository.appending(path: "scripts/serve-browser-test.py").path, "http://127.0.0.1:\(port)",
        Paths.repository.appending(path: ".build/serve-screenshots").path,
      ], in: try Paths.temporaryFolder())
    #expect(status == 0, "\(output)")
    for check in [
      "ok   Tab completes", "ok   Ctrl+Enter runs", "ok   a node in the result links to its page",
      "ok   an error shows as in the terminal", "ok   compare:",
    ] {
      #expect(output.contains(check), "\(check) missing from:\n\(output)")
    }
  }

  @Test func sigtermStopsItCleanly() throws {
    let server = try Server([])
    try #require(server.waitUntilServing() != nil, "\(server.stderr)")
    #expect(try server.request("GET", "/api/health").status == 200)
    #expect(server.stop() == 0, "\(server.stderr)")
  }
}
