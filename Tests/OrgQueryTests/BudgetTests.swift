import Foundation
import OrgGraph
import OrgQuery
import Testing

/// Work that used to run past the time budget (issue 25) now checks it as it goes: with a budget already
/// spent, each stops with Q304 instead of finishing; and work that was quadratic is linear in its input.
@Suite("Budgets")
struct BudgetTests {
  static func session() throws -> QuerySession {
    var session = QuerySession(graph: try GraphLoader.loadDefault())
    // A budget no query can meet: a query that checks it stops at once.
    session.timeout = 1e-9
    return session
  }

  /// `overlap` of many nodes read each node's competencies once per pair, without a look at the clock.
  @Test func overlapChecksTheBudget() throws {
    var session = try Self.session()
    let nodes = Array(repeating: #"role "Cloud Engineer", role "SRE Engineer""#, count: 100).joined(
      separator: ", ")
    let outcome = session.run("overlap \(nodes)", file: "<test>")
    #expect(outcome.diagnostics.map(\.code) == [.Q304])
    #expect(outcome.results.isEmpty)
  }

  /// `find` with thousands of words scored every node against all of them, without a look at the clock.
  @Test func findChecksTheBudget() throws {
    var session = try Self.session()
    let words = (0..<2_000).map { "word\($0)" }.joined(separator: " ")
    let outcome = session.run("find \"\(words)\"", file: "<test>")
    #expect(outcome.diagnostics.map(\.code) == [.Q304])
  }

  /// Thousands of `let`s in one call (they once copied every binding, and sliced the text from its start,
  /// for each: 24 s for 6,000): each is bound, and the last query sees them all.
  @Test func thousandsOfLetsInOneCall() throws {
    var session = QuerySession(graph: try GraphLoader.loadDefault())
    let lets = (0..<6_000).map { "let x\($0) = roles" }.joined(separator: "; ")
    let outcome = session.run(lets + "; $x5999 | count", file: "<test>")
    #expect(outcome.succeeded)
    #expect(session.boundNames.count == 6_000)
    #expect(session.boundNames.last == "x5999")
    let last = try #require(outcome.results.last)
    #expect(ResultFormatter(graph: session.graph).format(last, as: .csv) == "count\r\n5\r\n")
  }

  /// The overlap answer itself is unchanged by the rewrite: most shared first, then by name.
  @Test func overlapKeepsItsOrder() throws {
    var session = QuerySession(graph: try GraphLoader.loadDefault())
    let outcome = session.run(
      #"overlap role "Cloud Engineer", role "SRE Engineer" | limit 3 | select name, shared_by"#, file: "<t>")
    let text = ResultFormatter(graph: session.graph).format(try #require(outcome.results.last), as: .csv)
    let expected = try #require(
      Graph.overlapOrder(
        session.graph, [#"role:rocket-chat/cloud-engineer"#, "role:rocket-chat/sre-engineer"]))
    #expect(text == expected)
  }
}

extension Graph {
  /// The first three rows of `Graph.overlap` for two roles by id, as CSV of name and shared_by: the
  /// library's own order, to hold the evaluator's to.
  static func overlapOrder(_ graph: Graph, _ ids: [String]) -> String? {
    let nodes = ids.compactMap { graph.node(withID: $0) }
    guard nodes.count == ids.count else { return nil }
    let rows = graph.overlap(nodes).prefix(3)
    return "name,shared_by\r\n"
      + rows.map { "\(graph.name(of: $0.competency)),\($0.sharedBy)\r\n" }.joined()
  }
}

/// Rows that carry names cost what they carry under `maxRows`, so the cap bounds memory, not only rows.
@Suite("Row cost")
struct RowCostTests {
  @Test func namedRowsCountWhatTheyCarry() throws {
    var plain = QuerySession(graph: try GraphLoader.loadDefault())
    let count = plain.run("roles -> requires | count", file: "<t>")
    let text = ResultFormatter(graph: plain.graph).format(try #require(count.results.last), as: .csv)
    let rows = try #require(Int(text.components(separatedBy: "\r\n")[1]))
    // Enough for the rows alone, not for rows carrying one name each.
    var session = QuerySession(graph: plain.graph)
    session.maxRows = rows + 1
    #expect(session.run("roles -> requires", file: "<t>").succeeded)
    let named = session.run("roles as r -> requires", file: "<t>")
    #expect(named.diagnostics.map(\.code) == [.Q305])
    session.maxRows = 2 * rows
    #expect(session.run("roles as r -> requires", file: "<t>").succeeded)
  }
}

/// A gap where a side has no recorded requirements says so (issue 24): it returned 0 rows, or every
/// requirement as "added", silently.
@Suite("Empty gaps")
struct EmptyGapTests {
  @Test func aSideWithNoRequirementsIsNamed() throws {
    var session = QuerySession(graph: try GraphLoader.loadDefault())
    let empty = session.run(#"gap from level "Security Engineer" to @ L3"#, file: "<t>")
    #expect(
      empty.diagnostics.map(\.message) == [
        #"neither level "Security Engineer" nor level "Senior Security Engineer" has recorded requirements, so the gap is empty"#
      ])
    #expect(empty.diagnostics.allSatisfy { $0.code == .Q405 && $0.severity == .warning })
    let oneSided = session.run(
      #"gap from level "Security Engineer" to level "Senior Cloud Security Engineer""#, file: "<t>")
    #expect(
      oneSided.diagnostics.map(\.message) == [
        #"level "Security Engineer" has no recorded requirements, so every requirement of `Senior Cloud Security Engineer` shows as added"#
      ])
    let both = session.run(
      #"gap from role "Cloud Engineer" to level "Senior Cloud Security Engineer""#, file: "<t>")
    #expect(both.diagnostics.isEmpty)
  }
}
