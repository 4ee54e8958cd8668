import OrgGraph
import OrgQuery
import Testing

/// The README's "Use it as a library" example, verbatim inside a function whose `print` collects the lines,
/// so the example is known to compile and to print what the README says.
@Suite("README example")
struct ReadmeExampleTests {
  @Test func readmeExampleCompilesAndAnswers() throws {
    var printed: [String] = []
    func print(_ items: Any...) { printed.append(items.map { "\($0)" }.joined(separator: " ")) }

    // ---- README: begin ----
    let graph = try GraphLoader.loadDefault()  // built in; GraphLoader.load(path: "Graph") reads a folder

    // A question in the query language; the answer is a table of typed values.
    var session = QuerySession(graph: graph)
    let outcome = session.run(
      #"role "Cloud Engineer" -> requires[proficiency >= advanced] | select name, proficiency"#)
    for diagnostic in outcome.diagnostics { print(diagnostic) }  // errors and warnings are values
    if let result = outcome.results.last {
      for row in result.rows {
        if case .string(let name) = row[0], case .enumCase(let proficiency) = row[1] {
          print(name, proficiency)  // Kubernetes expert …
        }
      }
    }

    // The model answers without the language too, with Swift types.
    if case .found(let cloud) = graph.resolve("Cloud Engineer", kind: "role"),
      case .found(let senior) = graph.resolve("Senior Cloud Security Engineer", kind: "level")
    {
      for row in graph.gap(from: cloud, to: senior) where row.change == .added {
        print("+", graph.name(of: row.competency), row.after)  // + Code review unrated …
      }
    }
    // ---- README: end ----

    #expect(printed.contains("Kubernetes expert"))
    #expect(printed.contains("+ Containerisation advanced"))
    #expect(!printed.contains { $0.contains("error[") })
  }
}
