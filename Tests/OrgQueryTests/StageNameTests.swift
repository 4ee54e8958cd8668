import OrgGraph
import OrgQuery
import Testing

/// Stages named with `as` travel with their rows: through steps, closures, `distinct`, `group by` and set
/// operations, and from `gap`, `overlap` and `path` tables into later steps.
@Suite("Named stages")
struct StageNameTests {
  let graph: Graph

  init() throws { graph = try GraphLoader.loadDefault() }

  /// The result's columns and its rows as text.
  func table(_ query: String) -> (columns: [String], rows: [[String]]) {
    var session = QuerySession(graph: graph)
    let outcome = session.run(query)
    #expect(outcome.diagnostics.filter { $0.severity == .error }.isEmpty, "\(query)")
    let formatter = ResultFormatter(graph: graph)
    guard let result = outcome.results.last else { return ([], []) }
    return (result.columns, result.rows.map { $0.map(formatter.text) })
  }

  @Test func aClosureWalksFromEachNamedOriginSeparately() {
    // Without a name, every level is a start and a closure never returns to its starts: nothing is left.
    #expect(table("levels -> promotes_to+ | count").rows == [["0"]])
    // Named, each level walks on its own: L1 of the analyst ladder reaches L2, L3 and L4.
    let named = table(
      #"levels as l | where l.name = "Junior Security Analyst" -> promotes_to+ | select l, name"#)
    #expect(named.columns == ["l", "name"])
    #expect(
      named.rows == [
        ["Junior Security Analyst", "Security Analyst"],
        ["Junior Security Analyst", "Senior Security Analyst"],
        ["Junior Security Analyst", "Security Analyst Technical Lead"],
      ])
    #expect(table("levels as l -> promotes_to+ | count").rows == [["69"]])
  }

  @Test func distinctComparesTheNamesToo() {
    let plain = table("competencies <- requires | distinct | count").rows
    let named = table("competencies as c <- requires | distinct | count").rows
    let pairs = table("competencies <- requires | count").rows
    #expect(plain != named)
    #expect(named == pairs, "each (competency, requirer) pair is one edge, so none repeats")
  }

  @Test func aNamedStepKeepsItsEdge() {
    let t = table(
      #"level "Senior Cloud Security Engineer" as l -> requires as r -> broader? | where r.proficiency = advanced | select l, r, r.proficiency | limit 1"#
    )
    // A qualified name's column is its last part, as for `edge.proficiency`.
    #expect(t.columns == ["l", "r", "proficiency"])
    #expect(t.rows.first?.last == "advanced")
  }

  @Test func unionedRowsCarryNoName() {
    let t = table(#"roles as r -> in_team | union (role "Cloud Engineer") | where name ~ "Cloud""#)
    #expect(t.columns == ["r", "node"])
    // The team Cloud was reached from a role; the role added by `union` comes from no stage.
    #expect(t.rows == [["Cloud Engineer", "Cloud"], ["", "Cloud Engineer"]])
  }

  @Test func overlapRowsWalkOnFromTheirCompetency() {
    let t = table(
      #"overlap role "Cloud Engineer", role "SRE Engineer" | where shared_by = 2 <- requires | where kind = "level" | select competency, name"#
    )
    #expect(t.columns == ["competency", "name"])
    #expect(
      t.rows
        == [
          "Collaboration", "Infrastructure as code", "Infrastructure maintenance", "Reliability",
          "Scalability",
        ].map { [$0, "Senior Cloud Security Engineer"] })
  }
}
