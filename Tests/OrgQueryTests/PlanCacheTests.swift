import Foundation
import OrgGraph
import Testing

@testable import OrgQuery

/// A text run again reuses its plan — and only in the state it was made in: a changed parameter, a new
/// `let`, another graph each make the text checked again, so a cached plan never answers for a state it was
/// not checked in.
@Suite("Plan cache")
struct PlanCacheTests {
  static let graph: Graph = {
    do { return try GraphLoader.loadDefault() } catch {
      fatalError("the default graph does not load: \(error)")
    }
  }()

  static func count(_ outcome: QueryOutcome) -> String {
    guard let result = outcome.results.last else { return "\(outcome.diagnostics.map(\.message))" }
    return ResultFormatter(graph: graph).format(result, as: .csv)
  }

  @Test func aTextRunAgainReusesItsPlanInTheSameState() throws {
    var session = QuerySession(graph: Self.graph)
    let query = "levels | where rank >= 3 | count"
    let first = Self.count(session.run(query))
    #expect(session.plans.count == 1)
    #expect(Self.count(session.run(query)) == first)
    #expect(session.plans.count == 1)
    // An error is never cached: it is reported each time.
    #expect(!session.run("rols | count").succeeded)
    #expect(!session.run("rols | count").succeeded)
    #expect(session.plans.count == 1)
  }

  @Test func aChangedParameterOrBindingIsCheckedAgain() throws {
    var session = QuerySession(graph: Self.graph, parameters: ["min": .number(1)])
    let query = "levels | where rank >= $min | count"
    let all = Self.count(session.run(query))
    session.parameters["min"] = .number(4)
    let few = Self.count(session.run(query))
    #expect(all != few)
    // A parameter that was a number and is now nodes changes what the query may do: checked again.
    session.parameters["min"] = .string("x")
    #expect(!session.run(query).succeeded || Self.count(session.run(query)) != few)
    // A name bound again to another kind: the text that uses it is checked against the new shape.
    var bound = QuerySession(graph: Self.graph)
    _ = bound.run("let x = roles")
    let roles = Self.count(bound.run("$x | count"))
    _ = bound.run("let x = competencies")
    let competencies = Self.count(bound.run("$x | count"))
    #expect(roles != competencies)
    _ = bound.run("let x = roles | select name")
    #expect(!bound.run("$x -> requires | count").succeeded)
  }

  @Test func anotherGraphEmptiesTheCache() throws {
    var session = QuerySession(graph: Self.graph)
    _ = session.run("roles | count")
    #expect(session.plans.count == 1)
    _ = session.replaceGraph(with: Self.graph)
    #expect(session.plans.isEmpty)
  }
}
