import OrgGraph
import OrgQuery
import Testing

/// Tab completion knows where the cursor is, and offers what the checker would accept there.
@Suite("Completion")
struct CompletionTests {
  let session: QuerySession

  init() throws {
    var s = QuerySession(graph: try GraphLoader.loadDefault())
    _ = s.run(#"let sre = role "SRE Engineer" -> requires"#)
    session = s
  }

  func complete(_ text: String) -> Completion { session.complete(text) }

  @Test func kindsAtTheStart() {
    #expect(complete("ro").candidates == ["roles", "role"])
    #expect(complete("").candidates.contains("competencies"))
    #expect(complete("roles; lev").candidates == ["levels", "level"])
  }

  @Test func edgesValidFromTheCurrentKind() {
    let c = complete(#"role "Cloud Engineer" -> req"#)
    #expect(c.candidates == ["requires"])
    #expect(c.replacedLength == 3)
    // From a competency, only `broader` leaves; `requires` enters.
    #expect(complete("competency Kubernetes -> ").candidates == ["broader"])
    #expect(complete("competency Kubernetes <- ").candidates.contains("requires"))
    #expect(complete("levels -> (promotes_to | la").candidates == ["lateral"])
  }

  @Test func namesOfTheKindQuotedWhenNeeded() {
    let c = complete(#"role "Cloud S"#)
    #expect(c.candidates == [#""Cloud Security Engineer""#])
    #expect(c.replacedLength == 8)
    #expect(complete("role Cl").candidates == [#""Cloud Security Engineer""#, #""Cloud Engineer""#])
    #expect(complete("competency k8").candidates == ["k8s"])
    // A node whose name matches is offered by name only, not also by alias.
    #expect(complete("competency Kub").candidates == ["Kubernetes"])
  }

  @Test func propertiesAndEnumCasesInConditions() {
    #expect(complete(#"role "Cloud Engineer" -> requires[prof"#).candidates == ["proficiency"])
    #expect(
      complete(#"role "Cloud Engineer" -> requires[proficiency >= a"#).candidates == [
        "awareness", "advanced",
      ])
    #expect(complete("roles | where na").candidates == ["name"])
    let gap = complete(
      #"gap from role "Cloud Engineer" to level "Senior Cloud Security Engineer" | where change in [added, r"#
    )
    #expect(gap.candidates == ["raised", "removed"])
  }

  @Test func namedStagesAreNamesInScope() {
    #expect(complete("competencies as cmp <- requires | select cm").candidates == ["cmp"])
    #expect(complete("competencies as cmp <- requires as req | where re").candidates == ["req"])
    #expect(complete("competencies as cmp <- requires | select cmp.ar").candidates == ["cmp.area"])
    #expect(complete("levels -> expects as s -> expresses | select s.te").candidates == ["s.text"])
  }

  @Test func findTakesKindsAfterIn() {
    #expect(complete("fi").candidates == ["find"])
    #expect(complete(#"find "mentor" "#).candidates == ["in"])
    #expect(complete(#"find "mentor" in exp"#).candidates == ["expectations"])
    #expect(complete(#"find "mentor" in expectations, ex"#).candidates == ["expectations", "examples"])
    #expect(complete(#"find "mentor" | where sc"#).candidates == ["score"])
  }

  @Test func levelCodesAfterAt() {
    #expect(complete(#"role "Cloud Security Engineer" @ "#).candidates == ["L3"])
    #expect(complete(#"gap from level "Security Engineer" to @ L"#).candidates == ["L2", "L3", "L4"])
  }

  @Test func commandsAfterAPipe() {
    #expect(complete("roles | s").candidates == ["select", "sort"])
  }

  @Test func variables() {
    #expect(complete("roles | intersect $s").candidates == ["$sre"])
  }
}

@Suite("Prepared queries")
struct PreparedQueryTests {
  @Test func parametersFromSwiftValues() throws {
    let graph = try GraphLoader.loadDefault()
    let query = try PreparedQuery("roles | where count(-> requires) >= $min | select name | sort by name")
    let names = { (n: Double) in
      query.run(on: graph, parameters: ["min": .number(n)]).results.last?.rows.map {
        ResultFormatter(graph: graph).text($0[0])
      } ?? []
    }
    #expect(names(20) == ["Cloud Engineer"])
    #expect(names(1).count == 4)
    // Nodes as a source.
    let cloud = try #require(graph.node(withID: "team:rocket-chat/cloud"))
    let roles = try PreparedQuery("$team <- in_team").run(on: graph, parameters: ["team": .node(cloud)])
    let ids = roles.results.last?.rowNodes.compactMap { $0.map { graph.id(of: $0) } }
    #expect(ids == ["role:rocket-chat/cloud-engineer"])
    #expect(throws: DiagnosticList.self) { try PreparedQuery("roles |") }
  }
}
