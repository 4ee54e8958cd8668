import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import OrgGraph
import Testing

@testable import OrgServer

/// The server in-process, through HummingbirdTesting's router client: every endpoint of docs/openapi.yaml,
/// every error status it answers, the limits (body size, rows, time, queries at once) and the token. The
/// end-to-end tests (EndToEndTests/ServeTests) run the same server as the `orgraph serve` binary over a
/// socket, with a browser and schemathesis.
@Suite("Server")
struct ServerTests {
  static let graph: Graph = {
    do { return try GraphLoader.loadDefault() } catch {
      fatalError("the default graph does not load: \(error)")
    }
  }()

  /// A request's answer: its status, headers and body as text.
  struct Answer {
    var status: Int
    var headers: HTTPFields
    var body: String
  }

  /// Runs `requests` against a server with `options`, in order, and gives their answers.
  static func answers(
    _ options: ServerOptions = ServerOptions(),
    _ requests: [(method: HTTPRequest.Method, uri: String, body: String?, headers: HTTPFields)]
  ) async throws -> [Answer] {
    let app = GraphServer.application(graph: graph, options: options)
    return try await app.test(.router) { client in
      var out: [Answer] = []
      for r in requests {
        let response = try await client.execute(
          uri: r.uri, method: r.method, headers: r.headers, body: r.body.map { ByteBuffer(string: $0) })
        out.append(
          Answer(
            status: Int(response.status.code), headers: response.headers, body: String(buffer: response.body))
        )
      }
      return out
    }
  }

  static func one(
    _ method: HTTPRequest.Method, _ uri: String, body: String? = nil, headers: HTTPFields = [:],
    options: ServerOptions = ServerOptions()
  ) async throws -> Answer {
    try await answers(options, [(method, uri, body, headers)])[0]
  }

  /// Each endpoint's success, with the content type it promises.
  @Test func everyEndpointAnswers() async throws {
    let json = "application/json; charset=utf-8"
    let health = try await Self.one(.get, "/api/health")
    #expect(health.status == 200)
    #expect(health.headers[.contentType] == json)
    #expect(health.body.hasPrefix(#"{"status":"ok","graph":"OrgGraph default graph","nodes":"#))
    let query = try await Self.one(
      .post, "/api/query", body: #"{"query": "roles | where name ~ \"SRE\" | select name"}"#)
    #expect(query.status == 200)
    #expect(
      query.body.contains(#""name": "SRE Engineer""#) || query.body.contains(#""name":"SRE Engineer""#),
      "\(query.body)")
    let parameter = try await Self.one(
      .post, "/api/query", body: #"{"query": "levels | where rank >= $min | count", "params": {"min": 4}}"#)
    #expect(parameter.status == 200 && parameter.body.contains("count"), "\(parameter.body)")
    let schema = try await Self.one(.get, "/api/schema")
    #expect(schema.status == 200 && schema.body.contains(#""name":"competency""#))
    let node = try await Self.one(.get, "/api/nodes/role:rocket-chat%2Fsre-engineer")
    #expect(node.status == 200 && node.body.contains(#""type":"in_track""#), "\(node.body)")
    let complete = try await Self.one(.get, "/api/complete?text=rol&cursor=3")
    #expect(complete.body == "{\"replace\":3,\"candidates\":[\"roles\",\"role\"]}\n")
    for (format, type) in [
      ("dot", "text/vnd.graphviz; charset=utf-8"), ("mermaid", "text/plain; charset=utf-8"),
    ] {
      let drawing = try await Self.one(
        .post, "/api/render",
        body: #"{"query": "role \"SRE Engineer\" -> in_track -> has_level", "format": "\#(format)"}"#)
      #expect(drawing.status == 200, "\(format): \(drawing.body)")
      #expect(drawing.headers[.contentType] == type)
      #expect(drawing.body.contains("Intermediate"), "\(format)")
    }
    let console = try await Self.one(.get, "/")
    #expect(console.status == 200 && console.body.contains(#"<script src="/assets/console.js"></script>"#))
    #expect(try await Self.one(.get, "/compare").status == 200)
    // The site's pages, served live, link back to the console (a published site has none).
    let site = try await Self.one(.get, "/site/")
    #expect(site.body.contains("<h1>OrgGraph default graph</h1>"))
    #expect(site.body.contains(#"<a href="/">Query console</a>"#))
    #expect(try await Self.one(.get, "/favicon.ico").status == 204)
  }

  /// Every error status the API answers, each with a JSON body that says why.
  @Test func everyErrorStatus() async throws {
    let cases: [(HTTPRequest.Method, String, String?, Int, String)] = [
      (.post, "/api/query", #"{"query": "rols | count"}"#, 400, #""code":"Q103""#),
      (.post, "/api/query", "not json", 400, "error"),
      (
        .post, "/api/query", #"{"query": "roles | render svg to \"x.svg\""}"#, 400,
        "the server writes no files"
      ),
      (
        .post, "/api/render", #"{"query": "roles", "format": "gif"}"#, 400,
        "`format` is svg, png, dot, mermaid or html"
      ),
      (.get, "/api/complete?text=ro&cursor=x", nil, 400, "`cursor` must be a position"),
      (.get, "/api/nodes/role:nobody", nil, 404, "the graph has no node `role:nobody`"),
      (.get, "/api/nothing", nil, 404, "no API at /api/nothing"),
      (.get, "/site/../Package.swift", nil, 404, "the site has no page"),
      (.get, "/site/%2e%2e/%2e%2e/etc/passwd", nil, 404, "the site has no page"),
      (.delete, "/api/query", nil, 405, "use POST"),
      (.post, "/api/health", nil, 405, "use GET"),
      (.post, "/", nil, 405, "pages are read with GET"),
    ]
    let answers = try await Self.answers(ServerOptions(), cases.map { ($0.0, $0.1, $0.2, [:]) })
    for (answer, c) in zip(answers, cases) {
      #expect(answer.status == c.3, "\(c.0) \(c.1): \(answer.status) \(answer.body)")
      #expect(answer.body.contains(c.4), "\(c.0) \(c.1): \(answer.body)")
      #expect(!answer.body.contains("root:"))
    }
    // A 405 says what is allowed.
    #expect(answers[9].headers[.allow] == "POST")
  }

  /// The limits: a body over the cap (413), a query past its rows or time (400 or 408 with the
  /// diagnostic), and queries beyond the number that run at once wait, then get 503 with Retry-After.
  @Test func theLimitsHold() async throws {
    var options = ServerOptions()
    options.maxBody = 1_024
    options.maxRows = 10
    options.timeout = 1
    let big = try await Self.one(
      .post, "/api/query", body: #"{"query": ""# + String(repeating: "x", count: 2_000) + #""}"#,
      options: options)
    #expect(big.status == 413 && big.body.contains("over 1 KB"), "\(big.body)")
    let rows = try await Self.one(
      .post, "/api/query", body: #"{"query": "expectations -> expresses | count"}"#, options: options)
    #expect(
      rows.status == 400 && rows.body.contains(#""code":"Q305""#), "\(rows.status) \(rows.body.prefix(300))")
    let slow = try await Self.one(
      .post, "/api/query",
      body: #"{"query": "expectations | where text ~ \"(\\\\w+\\\\s?)*\\\\d$\" | count"}"#,
      options: options)
    #expect(slow.status == 408 && slow.body.contains(#""code":"Q304""#), "\(slow.status) \(slow.body)")
    // Queries beyond those that may run at once wait their turn, then are turned away: with the one turn
    // taken, a query waits a twentieth of a second and gets 503 with Retry-After; once it is given back,
    // the next query runs.
    var queue = ServerOptions()
    queue.concurrent = 1
    queue.queueWait = 0.05
    let handler = Handler(graph: Self.graph, options: queue)
    #expect(await handler.gate.enter(within: 1))
    let app = GraphServer.application(handler: handler)
    let (full, freed) = try await app.test(.router) { client in
      let full = try await client.execute(
        uri: "/api/query", method: .post, body: ByteBuffer(string: #"{"query": "roles | count"}"#))
      await handler.gate.leave()
      let freed = try await client.execute(
        uri: "/api/query", method: .post, body: ByteBuffer(string: #"{"query": "roles | count"}"#))
      return (full, freed)
    }
    #expect(full.status == .serviceUnavailable)
    #expect(full.headers[.retryAfter] == "1")
    #expect(String(buffer: full.body).contains("1 queries are running; try again in a moment"))
    #expect(freed.status == .ok)
  }

  /// The gate itself: at most `limit` in at once; a waiter gets the turn a leaver gives back, in order, or
  /// gives up when its time runs out.
  @Test func theGateLetsInAtMostItsLimit() async throws {
    let gate = Gate(limit: 2)
    #expect(await gate.enter(within: 1))
    #expect(await gate.enter(within: 1))
    #expect(await !gate.enter(within: 0.02))
    let waiter = Task { await gate.enter(within: 5) }
    try await Task.sleep(nanoseconds: 50_000_000)
    await gate.leave()
    #expect(await waiter.value)
    #expect(await gate.running == 2)
  }

  /// With a token, every request needs it — as a bearer header, or the cookie `/?token=` sets — and a
  /// wrong one is refused like a missing one; the token is compared whole.
  @Test func theTokenIsRequiredAndChecked() async throws {
    var options = ServerOptions()
    options.token = "0123456789abcdef0123"
    let bearer: HTTPFields = [.authorization: "Bearer 0123456789abcdef0123"]
    let answers = try await Self.answers(
      options,
      [
        (.get, "/api/health", nil, [:]),
        (.get, "/api/health", nil, [.authorization: "Bearer 0123456789abcdef012"]),
        (.get, "/api/health", nil, [.authorization: "Bearer 0123456789abcdef01234"]),
        (.get, "/api/health", nil, bearer),
        (.get, "/?token=0123456789abcdef0123", nil, [:]),
        (.get, "/?token=wrong", nil, [:]),
        (.get, "/", nil, [.cookie: "orgraph_token=0123456789abcdef0123"]),
      ])
    #expect(answers.map(\.status) == [401, 401, 401, 200, 303, 401, 200])
    #expect(answers[0].headers[.wwwAuthenticate] == "Bearer")
    #expect(answers[0].body.contains("send `Authorization: Bearer TOKEN`"))
    #expect(answers[4].headers[.setCookie]?.contains("HttpOnly; SameSite=Strict") == true)
    // Beyond loopback, no token is no server.
    var open = ServerOptions()
    open.host = "0.0.0.0"
    #expect(open.problem()?.contains("give a token with --token or ORGRAPH_TOKEN") == true)
    open.token = "short"
    #expect(open.problem()?.contains("use at least 16") == true)
    open.token = "0123456789abcdef"
    #expect(open.problem() == nil)
  }

  /// Every answer carries the headers that keep a page's data from running as script, and no CORS unless
  /// asked; with `--cors`, the one origin and the preflight.
  @Test func headersAreSafeByDefault() async throws {
    let page = try await Self.one(.get, "/")
    #expect(page.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
    #expect(page.headers[.xContentTypeOptions] == "nosniff")
    #expect(page.headers[.accessControlAllowOrigin] == nil)
    var options = ServerOptions()
    options.cors = "https://tools.example"
    let answers = try await Self.answers(
      options, [(.get, "/api/health", nil, [:]), (.options, "/api/query", nil, [:])])
    #expect(answers[0].headers[.accessControlAllowOrigin] == "https://tools.example")
    #expect(answers[1].status == 204)
    #expect(answers[1].headers[.accessControlAllowMethods] == "GET, POST")
  }
}
