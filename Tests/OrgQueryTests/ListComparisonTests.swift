import Foundation
import OrgGraph
import OrgQuery
import Testing

/// Lists compare as equal or not, and have no order: `where esco != []` keeps the competencies that carry
/// ESCO URIs (it kept none: unequal lists compared as "cannot compare", which is false), and a missing
/// property still compares false with everything.
@Suite("List comparison")
struct ListComparisonTests {
  static func count(_ query: String) throws -> String {
    let graph = try GraphLoader.loadDefault()
    var session = QuerySession(graph: graph)
    let outcome = session.run(query)
    let result = try #require(outcome.results.last, "\(outcome.diagnostics.map(\.message))")
    return ResultFormatter(graph: graph).format(result, as: .csv)
  }

  @Test func listsAreEqualOrNot() throws {
    let carrying = try Self.count("competencies | where exists(esco) | count")
    #expect(carrying != "count\r\n0\r\n")
    #expect(try Self.count("competencies | where esco != [] | count") == carrying)
    #expect(try Self.count("competencies | where esco = [] | count") == "count\r\n0\r\n")
    #expect(try Self.count("competencies | where esco < [] | count") == "count\r\n0\r\n")
    #expect(
      try Self.count(#"competencies | where aliases = ["k8s", "kube", "Helm"] | count"#) == "count\r\n1\r\n")
  }

  /// A table shows a list of sentences as sentences ("… domain. I advocate …"), other lists with `; `; CSV
  /// keeps `; ` between every item.
  @Test func aTableShowsSentencesAsSentences() throws {
    let graph = try GraphLoader.loadDefault()
    var session = QuerySession(graph: graph)
    let query =
      #"level "Senior Cloud Security Engineer" -> requires | where name = "Cloud security" | select evidence"#
    let result = try #require(session.run(query).results.last)
    let formatter = ResultFormatter(graph: graph)
    let table = formatter.format(result, as: .table)
    #expect(table.contains("I am advanced in my team's domain. I advocate for improving"))
    #expect(!table.contains(".; "))
    #expect(formatter.format(result, as: .csv).contains("I am advanced in my team's domain.; I advocate"))
    let aliases = try #require(session.run(#"competency "Kubernetes" | select aliases"#).results.last)
    #expect(formatter.format(aliases, as: .table).contains("k8s; kube; Helm"))
  }
}
