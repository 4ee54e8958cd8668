import OrgGraph

/// A query parsed once and run many times with different parameters.
///
/// ```swift
/// let query = try PreparedQuery("roles | where count(-> requires) >= $min | select name")
/// let few = query.run(on: graph, parameters: ["min": .number(3)])
/// let many = query.run(on: graph, parameters: ["min": .number(10)])
/// ```
///
/// Checking happens at each run, against that run's graph and parameters, so a parameter may hold a number,
/// text, or nodes (`.node`, or a `.list` of nodes) that serve as a source: `$team <- in_team`.
public struct PreparedQuery: Sendable {
  /// The query text.
  public let text: String
  let syntax: QuerySyntax

  /// Parses `text`.
  ///
  /// - Throws: ``DiagnosticList`` with the syntax errors.
  public init(_ text: String) throws(DiagnosticList) {
    let (syntax, errors) = Parser.parse(text)
    if !errors.isEmpty { throw DiagnosticList(errors) }
    self.text = text
    self.syntax = syntax
  }

  /// Runs the query on `graph` with `parameters` bound to `$name`.
  public func run(
    on graph: Graph, parameters: [String: QueryValue] = [:], isCancelled: (@Sendable () -> Bool)? = nil
  )
    -> QueryOutcome
  {
    var session = QuerySession(graph: graph, parameters: parameters)
    return session.run(syntax, text: text, firstLine: 1, isCancelled: isCancelled)
  }

  /// Runs the query in `session` (its bindings and settings apply), with `parameters` added to the session's.
  public func run(in session: inout QuerySession, parameters: [String: QueryValue] = [:]) -> QueryOutcome {
    let saved = session.parameters
    session.parameters.merge(parameters) { $1 }
    defer { session.parameters = saved }
    return session.run(syntax, text: text, firstLine: 1, isCancelled: nil)
  }
}
