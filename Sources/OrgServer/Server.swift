import Foundation
import Hummingbird
import Logging
import OrgDiagram
import OrgGraph
import OrgQuery
import OrgRender
import OrgTool

/// How `orgraph serve` listens and what it allows.
public struct ServerOptions: Sendable {
  /// The address to listen on: loopback unless told otherwise.
  public var host = "127.0.0.1"
  /// The port; 0 picks a free one.
  public var port = 8080
  /// The bearer token every request must carry; required to listen beyond loopback.
  public var token: String?
  /// The one origin allowed to call the API from another site (`--cors`); none by default.
  public var cors: String?
  /// A query's time budget, in seconds.
  public var timeout: Double? = 10
  /// The most rows a query may make.
  public var maxRows = QuerySession.defaultMaxRows
  /// The largest request body, in bytes.
  public var maxBody = 64 * 1024
  /// How many queries run at once; the rest wait up to `queueWait` seconds, then get 503.
  public var concurrent = max(2, ProcessInfo.processInfo.activeProcessorCount)
  /// How long a query waits for a turn.
  public var queueWait = 2.0
  /// Where the line per request goes (standard error for the command).
  public var log: @Sendable (String) -> Void = { _ in }

  /// The defaults.
  public init() {}

  /// Whether `host` is a loopback address.
  public var isLoopback: Bool { ["127.0.0.1", "::1", "localhost"].contains(host) || host.hasPrefix("127.") }

  /// Why the options cannot be served, if they cannot: a wider address without a token.
  public func problem() -> String? {
    if !isLoopback && (token ?? "").isEmpty {
      return
        "listening on \(host) lets other machines query the graph; give a token with --token or ORGRAPH_TOKEN"
    }
    if let token, token.count < 16 {
      return "the token is \(token.count) characters; use at least 16 (`openssl rand -hex 16` makes one)"
    }
    return nil
  }
}

/// The graph over HTTP: the site's pages made on request, a query console, a compare view, and a JSON
/// API (`docs/openapi.yaml`), read-only and bounded.
public enum GraphServer {
  /// Serves `graph` until SIGINT or SIGTERM, finishing the requests in flight; `onReady` gets the port.
  public static func run(graph: Graph, options: ServerOptions, onReady: @escaping @Sendable (Int) -> Void)
    async throws
  {
    let app = application(graph: graph, options: options, onReady: onReady)
    // SIGTERM and SIGINT end it gracefully: the requests in flight finish first.
    try await app.runService()
  }

  /// The server as a Hummingbird application, not yet running: what ``run(graph:options:onReady:)`` runs,
  /// and what the tests drive through HummingbirdTesting.
  package static func application(
    graph: Graph, options: ServerOptions, onReady: @escaping @Sendable (Int) -> Void = { _ in }
  ) -> some ApplicationProtocol {
    application(handler: Handler(graph: graph, options: options), onReady: onReady)
  }

  /// The application around `handler` (the tests hold its gate).
  static func application(handler: Handler, onReady: @escaping @Sendable (Int) -> Void = { _ in })
    -> some ApplicationProtocol
  {
    let options = handler.options
    return Application(
      responder: handler,
      configuration: ApplicationConfiguration(
        address: .hostname(options.host, port: options.port), serverName: nil),
      onServerRunning: { channel in onReady(channel.localAddress?.port ?? options.port) },
      logger: Logger(label: "orgraph.serve", factory: { _ in SwiftLogNoOpLogHandler() }))
  }
}

/// Lets at most `limit` callers in at once; the others wait their turn, in order, for a while.
actor Gate {
  let limit: Int
  var running = 0
  var waiting: [(id: Int, turn: CheckedContinuation<Bool, Never>)] = []
  var next = 0

  init(limit: Int) { self.limit = limit }

  /// Whether a turn came within `seconds`.
  func enter(within seconds: Double) async -> Bool {
    if running < limit {
      running += 1
      return true
    }
    next += 1
    let id = next
    return await withCheckedContinuation { turn in
      waiting.append((id, turn))
      Task {
        try? await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
        self.giveUp(id)
      }
    }
  }

  /// A waiter whose time ran out leaves the queue, answered "no".
  func giveUp(_ id: Int) {
    guard let i = waiting.firstIndex(where: { $0.id == id }) else { return }
    waiting.remove(at: i).turn.resume(returning: false)
  }

  /// A caller leaves: its turn goes to the first waiter, if any.
  func leave() {
    if waiting.isEmpty {
      running -= 1
    } else {
      waiting.removeFirst().turn.resume(returning: true)
    }
  }
}

/// Every request: authentication, routing, limits, headers, and the log line.
struct Handler: HTTPResponder {
  typealias Context = BasicRequestContext

  let graph: Graph
  let options: ServerOptions
  let gate: Gate
  let api: API
  let pages: Pages

  init(graph: Graph, options: ServerOptions) {
    self.graph = graph
    self.options = options
    self.gate = Gate(limit: options.concurrent)
    self.api = API(graph: graph, options: options)
    self.pages = Pages(graph: graph)
  }

  func respond(to request: Request, context: Context) async throws -> Response {
    let started = DispatchTime.now().uptimeNanoseconds
    var response: Response
    do {
      response = try await answer(request)
    } catch let error as HTTPFailure {
      response = error.response
    } catch {
      response = HTTPFailure(.internalServerError, "the server failed: \(error)").response
    }
    response.headers[.contentSecurityPolicy] =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    response.headers[.xContentTypeOptions] = "nosniff"
    if let referrer = HTTPFields.Element.Name("Referrer-Policy") {
      response.headers[referrer] = "no-referrer"
    }
    response.headers[.cacheControl] = "no-store"
    if let cors = options.cors {
      response.headers[.accessControlAllowOrigin] = cors
      response.headers[.vary] = "Origin"
    }
    let ms = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
    // Never the token: the path without its query string.
    options.log(
      "\(request.method) \(request.uri.path) \(response.status.code) \(String(format: "%.1f", ms)) ms")
    return response
  }

  func answer(_ request: Request) async throws -> Response {
    let path = request.uri.path
    if request.method == .options, options.cors != nil {
      var response = Response(status: .noContent)
      response.headers[.accessControlAllowMethods] = "GET, POST"
      response.headers[.accessControlAllowHeaders] = "Authorization, Content-Type"
      return response
    }
    if let token = options.token {
      if let offered = request.uri.queryParameters["token"].map(String.init), request.method == .get,
        !path.hasPrefix("/api/")
      {
        // A browser opens `/?token=…` once; the token then rides in a cookie only this site reads.
        guard Self.same(offered, token) else { throw HTTPFailure(.unauthorized, "the token is not right") }
        var response = Response(status: .seeOther)
        response.headers[.location] = path
        response.headers[.setCookie] = "orgraph_token=\(token); HttpOnly; SameSite=Strict; Path=/"
        return response
      }
      guard Self.same(Self.offeredToken(request) ?? "", token) else {
        var failure = HTTPFailure(
          .unauthorized, "this server needs a token",
          help: "send `Authorization: Bearer TOKEN`, or open /?token=TOKEN once in a browser")
        failure.headers[.wwwAuthenticate] = "Bearer"
        throw failure
      }
    }
    if path.hasPrefix("/api/") {
      guard await gate.enter(within: options.queueWait) else {
        var failure = HTTPFailure(
          .serviceUnavailable, "\(options.concurrent) queries are running; try again in a moment")
        failure.headers[.retryAfter] = "1"
        throw failure
      }
      do {
        let response = try await api.answer(request, path: path)
        await gate.leave()
        return response
      } catch {
        await gate.leave()
        throw error
      }
    }
    guard request.method == .get || request.method == .head else {
      var failure = HTTPFailure(
        .methodNotAllowed, "\(request.method) is not served here; pages are read with GET")
      failure.headers[.allow] = "GET, HEAD"
      throw failure
    }
    return try pages.answer(path)
  }

  /// The token a request offers: a bearer token, or the cookie a browser was given.
  static func offeredToken(_ request: Request) -> String? {
    if let header = request.headers[.authorization], header.hasPrefix("Bearer ") {
      return String(header.dropFirst("Bearer ".count))
    }
    for cookie in request.headers[values: .cookie].flatMap({ $0.split(separator: ";") }) {
      let pair = cookie.trimmingCharacters(in: .whitespaces)
      if pair.hasPrefix("orgraph_token=") { return String(pair.dropFirst("orgraph_token=".count)) }
    }
    return nil
  }

  /// Whether two tokens are equal, in time that depends on their lengths only.
  static func same(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8)
    let y = Array(b.utf8)
    var difference = UInt8(x.count == y.count ? 0 : 1)
    for i in 0..<max(x.count, y.count) {
      difference |= (i < x.count ? x[i] : 0) ^ (i < y.count ? y[i] : 0)
    }
    return difference == 0
  }
}

/// An answer that is not a success: a status, and a JSON body that says why and what to do.
struct HTTPFailure: Error {
  var status: HTTPResponse.Status
  var message: String
  var help: String?
  var headers: HTTPFields = [:]
  var body: String?

  init(_ status: HTTPResponse.Status, _ message: String, help: String? = nil) {
    self.status = status
    self.message = message
    self.help = help
  }

  var response: Response {
    let text =
      body
      ?? JSON.object(
        [("error", .string(message))] + (help.map { [("help", JSON.string($0))] } ?? [])
      ).compact + "\n"
    var response = Response.text(text, type: "application/json; charset=utf-8", status: status)
    for field in headers { response.headers.append(field) }
    return response
  }
}

extension Response {
  /// A response of `text` with a content type.
  static func text(_ text: String, type: String, status: HTTPResponse.Status = .ok) -> Response {
    Response(
      status: status, headers: [.contentType: type], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
  }
}
