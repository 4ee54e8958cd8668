import OrgGraph
import Testing

/// `Graph.search`: words found in names, aliases, codes and text, ranked by the share of words found and
/// where, with light stemming; what `find` and the candidates of an unknown name (Q201) use.
@Suite("Search by words")
struct SearchTests {
  let graph: Graph

  init() throws { graph = try GraphLoader.loadDefault() }

  func hits(_ query: String, kinds: Set<String>? = nil, fields: SearchFields = .all) -> [String] {
    graph.search(query, kinds: kinds, fields: fields).map {
      "\($0.score) \(graph.name(of: $0.node)) [\($0.field)]"
    }
  }

  @Test func wordsAreFoldedAndSplit() {
    #expect(Graph.searchWords("Développeur (k8s), CI/CD!") == ["developpeur", "k8s", "ci", "cd"])
    #expect(Graph.searchWords("ＡＢＣ") == ["abc"])
  }

  @Test func endingsMeet() {
    // mentoring, mentored and the section "Teaching and Mentoring" all meet `mentor`.
    let found = hits("mentor", kinds: ["expectation", "example", "competency"])
    #expect(found.first == "1.0 Mentoring [name]")
    #expect(
      found.contains(
        "1.0 I mentored a team member, and they went on to achieve something they couldn't have before. [name]"
      ))
  }

  @Test func anyWordMatchesAndBothRankHigher() {
    #expect(
      hits("Kubernetes or k8s") == [
        "0.9 Kubernetes [name]", "0.5 Expertise with orchestration systems (k8s) [name]",
      ])
  }

  @Test func namesAliasesAndCodes() {
    #expect(
      hits("Mongo", fields: .names) == [
        "1.0 Manage Mongo clusters [name]", "0.8 Database operations [aliases]",
      ])
    #expect(
      hits("L3", kinds: ["level"], fields: .names) == [
        "0.8 Senior Cloud Security Engineer [code]", "0.8 Senior Security Analyst [code]",
        "0.8 Senior Security Engineer [code]",
      ])
    #expect(hits("SRE", kinds: ["role"], fields: .names) == ["1.0 SRE Engineer [name]"])
  }

  @Test func nothingToFind() {
    #expect(hits("zzzz").isEmpty)
    // Stop words are dropped beside other words, and searched when there is nothing else.
    #expect(hits("the kubernetes of") == hits("kubernetes"))
    #expect(!hits("the of").isEmpty)
    #expect(hits("!!!").isEmpty)
  }
}
