import OrgGraph
import OrgQuery
import Testing

/// The snippets of the getting-started article (Sources/OrgGraph/OrgGraph.docc/GettingStarted.md), run as
/// written, so the article stays true.
@Suite("Getting started article")
struct GettingStartedTests {
  @Test func snippetsRunAsWritten() throws {
    var printed: [String] = []
    func print(_ items: Any...) { printed.append(items.map { "\($0)" }.joined(separator: " ")) }

    let graph = try GraphLoader.loadDefault()

    var session = QuerySession(graph: graph)
    let outcome = session.run(
      """
      gap from role "Cloud Engineer" to level "Senior Cloud Security Engineer"
      | where change in [added, raised]
      """)
    for diagnostic in outcome.diagnostics { print(diagnostic) }
    if let result = outcome.results.last {
      print(ResultFormatter(graph: graph).format(result, as: .table))
    }
    #expect(printed.count == 1)
    #expect(printed.first?.hasPrefix("competency") == true)

    printed = []
    if let gap = outcome.results.last, let change = gap.columns.firstIndex(of: "change") {
      for (row, competency) in zip(gap.rows, gap.rowNodes) {
        guard let competency, case .enumCase(let what) = row[change] else { continue }
        print(what.name, graph.name(of: competency))  // added Code review …
      }
    }
    #expect(printed.first == "added Code review")

    printed = []
    if case .found(let role) = graph.resolve("SRE Engineer", kind: "role") {
      var session = QuerySession(graph: graph, parameters: ["role": .node(role), "min": .number(3)])
      let outcome = session.run("roles | where count(-> requires | intersect ($role -> requires)) >= $min")
      print(outcome.results.last?.nodes.map { graph.name(of: $0) } ?? [])
    }
    #expect(printed == [#"["Cloud Engineer", "Backend Engineer", "Frontend Engineer", "SRE Engineer"]"#])

    let query = try PreparedQuery("roles | where count(-> requires) >= $min | select name")
    let few = query.run(on: graph, parameters: ["min": .number(10)])
    #expect(few.succeeded)
  }
}
