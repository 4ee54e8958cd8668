import Foundation
import Hummingbird
import OrgDiagram
import OrgGraph
import OrgQuery
import OrgRender
import OrgTool

/// The JSON API (docs/openapi.yaml): queries answered as `orgraph query --format json` answers them,
/// renders, the schema, a node, completion and health. Errors are the diagnostics' JSON with a 4xx status.
struct API: Sendable {
  let graph: Graph
  let options: ServerOptions

  func answer(_ request: Request, path: String) async throws -> Response {
    switch (request.method, path) {
    case (.get, "/api/health"):
      return json(
        .object([
          ("status", .string("ok")), ("graph", .string(graph.manifest.name)),
          ("nodes", .int(graph.nodeCount)),
          ("edges", .int(graph.edgeCount)), ("version", .string(OrgGraphVersion.string)),
        ]))
    case (.get, "/api/schema"):
      return json(schema)
    case (.get, "/api/complete"):
      let text = request.uri.queryParameters["text"].map(String.init) ?? ""
      var cursor = text.count
      if let given = request.uri.queryParameters["cursor"] {
        // A cursor past the end is at the end: completion is a hint, not a check.
        let digits = String(given)
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else {
          throw HTTPFailure(.badRequest, "`cursor` must be a position in `text`, from 0 to \(text.count)")
        }
        // Digits only; a number too long for an Int is past the end too.
        cursor = min(Int(digits) ?? Int.max, text.count)
      }
      let completion = QuerySession(graph: graph).complete(String(text.prefix(cursor)))
      return json(
        .object([
          ("replace", .int(completion.replacedLength)),
          ("candidates", .array(completion.candidates.prefix(200).map(JSON.string))),
        ]))
    case (.post, "/api/query"):
      let body = try await self.body(request)
      return try query(body)
    case (.post, "/api/render"):
      let body = try await self.body(request)
      return try render(body)
    case (.get, _) where path.hasPrefix("/api/nodes/"):
      let raw = String(path.dropFirst("/api/nodes/".count))
      let id = raw.removingPercentEncoding ?? raw
      guard let node = graph.node(withID: id) else {
        throw HTTPFailure(
          .notFound, "the graph has no node `\(id)`",
          help:
            "ids look like `level:octopus-deploy/senior-cloud-security-engineer`; GET /api/complete suggests them"
        )
      }
      var edges: [JSON] = []
      for type in graph.schema.edgeTypes {
        for direction in [Direction.forward, .backward] {
          for (other, edge) in graph.neighbors(of: node, via: type.name, direction: direction).prefix(1_000) {
            edges.append(
              .object([
                ("type", .string(type.name)), ("direction", .string(direction == .forward ? "out" : "in")),
                ("node", .string(graph.id(of: other))), ("name", .string(graph.name(of: other))),
                ("origin", .string(graph.origin(of: edge))),
              ]))
          }
        }
      }
      var object = graph.nodeJSON(node)
      if case .object(var pairs) = object {
        if !pairs.contains(where: { $0.0 == "name" }) {
          pairs.append(("name", .string(graph.name(of: node))))
        }
        pairs.append(("edges", .array(edges)))
        object = .object(pairs)
      }
      return json(object)
    case (_, "/api/health"), (_, "/api/schema"), (_, "/api/complete"), (_, "/api/query"), (_, "/api/render"):
      let allowed = ["/api/query", "/api/render"].contains(path) ? "POST" : "GET"
      var failure = HTTPFailure(
        .methodNotAllowed, "\(request.method) \(path) is not served; use \(allowed) (docs/openapi.yaml)")
      failure.headers[.allow] = allowed
      throw failure
    case (_, _) where path.hasPrefix("/api/nodes/"):
      var failure = HTTPFailure(.methodNotAllowed, "nodes are read with GET")
      failure.headers[.allow] = "GET"
      throw failure
    default:
      throw HTTPFailure(.notFound, "no API at \(path)", help: "the API is described in docs/openapi.yaml")
    }
  }

  func json(_ value: JSON, status: HTTPResponse.Status = .ok) -> Response {
    .text(value.compact + "\n", type: "application/json; charset=utf-8", status: status)
  }

  /// A request's body: the query, its parameters, and for a render the format.
  struct Body: Decodable {
    var query: String?
    var format: String?
    var params: [String: Parameter]?
  }

  /// A parameter's value: text, a number, or true/false.
  enum Parameter: Decodable {
    case text(String)
    case number(Double)
    case bool(Bool)

    init(from decoder: any Decoder) throws {
      let value = try decoder.singleValueContainer()
      if let b = try? value.decode(Bool.self) {
        self = .bool(b)
      } else if let n = try? value.decode(Double.self) {
        self = .number(n)
      } else {
        self = .text(try value.decode(String.self))
      }
    }
  }

  /// The request's JSON body, within the body cap.
  func body(_ request: Request) async throws -> Body {
    let buffer: ByteBuffer
    do {
      buffer = try await request.body.collect(upTo: options.maxBody)
    } catch {
      throw HTTPFailure(.contentTooLarge, "the request body is over \(options.maxBody / 1024) KB")
    }
    do {
      return try JSONDecoder().decode(Body.self, from: Data(buffer.readableBytesView))
    } catch {
      throw HTTPFailure(
        .badRequest,
        "the body is not a JSON object of `query`, `params` (strings, numbers or true/false) and `format`",
        help: #"send {"query": "roles | count"}"#)
    }
  }

  /// A session for one request: the query's parameters, the time budget and the row cap.
  func session(_ body: Body) -> QuerySession {
    var parameters: [String: QueryValue] = [:]
    for (name, value) in body.params ?? [:] {
      switch value {
      case .text(let s): parameters[name] = .string(s)
      case .number(let n): parameters[name] = .number(n)
      case .bool(let b): parameters[name] = .bool(b)
      }
    }
    var session = QuerySession(graph: graph, parameters: parameters)
    session.timeout = options.timeout
    session.maxRows = options.maxRows
    return session
  }

  func text(_ body: Body) throws -> String {
    guard let text = body.query, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
      throw HTTPFailure(
        .badRequest, "the body needs `query`, the query's text", help: #"{"query": "roles | count"}"#)
    }
    return text
  }

  /// Diagnostics as the API answers them: their JSON, and the text a terminal shows (caret, help, notes).
  func failure(_ runner: ScriptRunner, _ diagnostics: [Diagnostic], text: String) -> HTTPFailure {
    var shown = runner
    shown.format = .table
    var failure = HTTPFailure(.badRequest, diagnostics.first?.message ?? "the query failed")
    // Past its time budget (Q304) is 408, as docs/openapi.yaml says; every other diagnostic is 400.
    if diagnostics.contains(where: { $0.code == .Q304 }) { failure.status = .requestTimeout }
    failure.body =
      JSON.object([
        ("error", .string(diagnostics.first?.message ?? "the query failed")),
        ("diagnostics", .array(diagnostics.map(\.json))),
        ("text", .string(shown.report(diagnostics, text: text, file: "<query>"))),
      ]).compact + "\n"
    return failure
  }

  func query(_ body: Body) throws -> Response {
    let text = try self.text(body)
    var runner = ScriptRunner(session: session(body), format: .json, renderer: Self.readOnly)
    let output = runner.run(text)
    guard output.succeeded else { throw failure(runner, output.diagnostics, text: text) }
    return .text(output.stdout, type: "application/json; charset=utf-8")
  }

  /// Renders inside queries: to the answer only — the server writes no file.
  static let readOnly: ScriptRunner.Renderer = { request, result, graph in
    if request.file != nil {
      throw Diagnostic(
        code: .Q403, message: "the server writes no files", range: request.range,
        help: ["leave out `to \"…\"`, or POST the query to /api/render to get the drawing"])
    }
    return try Rendering.render(request, result: result, graph: graph, limits: .standard)
  }

  func render(_ body: Body) throws -> Response {
    let text = try self.text(body)
    let types: [RenderFormat: String] = [
      .svg: "image/svg+xml", .png: "image/png", .dot: "text/vnd.graphviz; charset=utf-8",
      .mermaid: "text/plain; charset=utf-8", .html: "text/html; charset=utf-8",
    ]
    let name = body.format ?? "svg"
    guard let format = RenderFormat(rawValue: name), let type = types[format] else {
      throw HTTPFailure(.badRequest, "`format` is svg, png, dot, mermaid or html; got `\(name)`")
    }
    var runner = ScriptRunner(session: session(body), format: .json, renderer: Self.readOnly)
    let output = runner.run(text)
    guard output.succeeded else { throw failure(runner, output.diagnostics, text: text) }
    guard let result = output.results.last(where: { $0.kind != .binding }) else {
      throw HTTPFailure(.badRequest, "the query has no result to draw")
    }
    do {
      // The drawing `orgraph render` makes, from the same function.
      let data = try Rendering.drawing(
        of: result, as: format, query: text, graph: graph, limits: .standard, range: nil)
      return Response(
        status: .ok, headers: [.contentType: type], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    } catch {
      var failure = self.failure(runner, [error], text: text)
      failure.status = .unprocessableContent
      throw failure
    }
  }

  /// The schema: kinds with their properties, edge types with their ends and properties, enums.
  var schema: JSON {
    func properties(_ list: [PropertyDefinition]) -> JSON {
      .array(
        list.map {
          .object([
            ("name", .string($0.name)), ("type", .string("\($0.type)")), ("description", .string($0.summary)),
          ])
        })
    }
    return .object([
      (
        "kinds",
        .array(
          graph.schema.kinds.map {
            .object([
              ("name", .string($0.name)), ("plural", .string($0.plural)),
              ("description", .string($0.summary)),
              ("count", .int(graph.nodes(ofKind: $0.name).count)), ("properties", properties($0.properties)),
            ])
          })
      ),
      (
        "edge_types",
        .array(
          graph.schema.edgeTypes.map {
            .object([
              ("name", .string($0.name)), ("from", .array($0.from.map(JSON.string))),
              ("to", .array($0.to.map(JSON.string))), ("description", .string($0.summary)),
              ("properties", properties($0.properties)),
            ])
          })
      ),
      (
        "enums",
        .object(graph.schema.enums.map { ($0.name, JSON.array($0.cases.map(JSON.string))) })
      ),
    ])
  }
}
