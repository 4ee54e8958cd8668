import Foundation
import OrgGraph
import OrgQuery
import Testing

/// No query, however malformed or random, crashes the process (a Swift trap would end the test run).
@Suite("Robustness")
struct RobustnessTests {
  static let vocabulary = [
    "roles", "role", "levels", "competency", "Kubernetes", "\"Cloud Engineer\"", "\"", "->", "<-", "--", "|",
    "(",
    ")", "[", "]", "{", "}", "1", "2", ",", "+", "*", "?", "@", "L3", "where", "select", "sort", "by",
    "group",
    "count", "limit", "distinct", "render", "union", "intersect", "except", "let", "x", "$x", "=", ";",
    "path",
    "from", "to", "via", "shortest", "all", "simple", "gap", "overlap", "requires", "lateral", "promotes_to",
    "proficiency", ">=", "advanced", "and", "or", "not", "in", "~", "exists", "count(", "depth()", "name",
    ".",
    "as", "desc", "\n", "#", "😀", "\u{202E}", "\\", "'", "{1,", "99999999999999999999", "-1",
  ]

  @Test(arguments: [1, 2, 3] as [UInt64])
  func tokenSoupNeverCrashes(seed: UInt64) throws {
    var rng = SeededGenerator(seed: seed)
    var session = QuerySession(graph: try GraphLoader.loadDefault())
    for _ in 0..<1500 {
      let n = Int.random(in: 1...14, using: &rng)
      let text = (0..<n).map { _ in Self.vocabulary.randomElement(using: &rng) ?? "" }.joined(separator: " ")
      let outcome = session.run(text)
      for d in outcome.diagnostics {
        #expect(!d.message.isEmpty)
        _ = DiagnosticRenderer(sources: ["<query>": text]).render(d)
      }
      for result in outcome.results {
        _ = ResultFormatter(graph: session.graph).format(result, as: .table)
      }
    }
  }

  @Test func randomBytesNeverCrash() throws {
    var rng = SeededGenerator(seed: 99)
    var session = QuerySession(graph: try GraphLoader.loadDefault())
    for _ in 0..<2000 {
      let bytes = (0..<Int.random(in: 0...64, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng)
      }
      let text = String(decoding: bytes, as: UTF8.self)
      let outcome = session.run(text)
      for d in outcome.diagnostics { _ = DiagnosticRenderer(sources: ["<query>": text]).render(d) }
    }
  }

  /// Ambiguous names list their candidates with ids.
  @Test func ambiguousNamesListCandidates() throws {
    var builder = GraphBuilder()
    try builder.addNode(kind: "person", id: "person:ana-1", name: "Ana")
    try builder.addNode(kind: "person", id: "person:ana-2", name: "Ana")
    var session = QuerySession(graph: try builder.build())
    let outcome = session.run(#"person "Ana""#, file: "<repl>")
    let text = DiagnosticRenderer(sources: ["<repl>": #"person "Ana""#]).render(
      outcome.diagnostics, summary: false)
    #expect(
      text == """
        error[Q202]: 2 people are called "Ana"
         --> <repl>:1:8
          |
        1 | person "Ana"
          |        ^^^^^ ambiguous name
          = help: name one by its id: `person "person:ana-1"`
          = note: candidates: `person:ana-1`, `person:ana-2`

        """)
    #expect(session.run(#"person "person:ana-2""#).succeeded)
  }

  /// Cancellation stops a running query.
  @Test func cancellationStops() throws {
    var session = QuerySession(graph: try GraphLoader.loadDefault())
    let outcome = session.run("competencies -- broader* -- requires* -- lateral*", isCancelled: { true })
    #expect(outcome.cancelled || outcome.succeeded)
  }

  /// A regular expression that backtracks exponentially is stopped at the time budget, with Q304.
  @Test func catastrophicPatternsStopAtTheTimeBudget() throws {
    var session = QuerySession(graph: try GraphLoader.loadDefault())
    session.timeout = 0.5
    let started = Date()
    let outcome = session.run(#"expectations | where text ~ "(\\w+\\s?)*\\d$""#)
    #expect(Date().timeIntervalSince(started) < 10)
    #expect(outcome.diagnostics.map(\.code) == [.Q304])
    #expect(outcome.diagnostics.first?.message == "the query ran for more than 0.5 seconds and was stopped")
    #expect(!outcome.succeeded && !outcome.cancelled)
    // Without a budget the library does not stop it; a simple pattern is fast either way.
    #expect(session.run(#"expectations | where text ~ "kubernetes" | count"#).succeeded)
  }

  /// Steps that multiply rows stop at the row limit, with Q305 pointing at the step.
  @Test func rowExplosionStopsAtTheRowLimit() throws {
    var session = QuerySession(graph: try GraphLoader.loadDefault())
    session.maxRows = 1_000
    let query = "roles -- requires -- requires -- requires | count"
    let outcome = session.run(query)
    #expect(outcome.diagnostics.map(\.code) == [.Q305])
    let range = try #require(outcome.diagnostics.first?.range)
    // The step that crossed the limit: the third.
    #expect(range.start.column == 31 && range.end.column == 42, "\(range)")
    #expect(
      outcome.diagnostics.first?.message == "this step made more than 1000 rows, and the query was stopped")
    // The same query within the limit runs, and a closure (each node once) never multiplies.
    session.maxRows = QuerySession.defaultMaxRows
    #expect(session.run(query).succeeded)
    session.maxRows = 1_000
    #expect(session.run("roles -- requires{1,3} | count").succeeded)
  }
}
