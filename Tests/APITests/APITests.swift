import Foundation
import OrgDiagram
import OrgGraph
import OrgQuery
import OrgRender
import Testing

/// The public API as a tool builder uses it: the products imported without `@testable`.
@Suite("Public API")
struct APITests {
  static func defaultGraph() throws -> Graph { try GraphLoader.loadDefault() }

  /// The one node of `kind` called `name`.
  static func node(_ name: String, _ kind: String, in graph: Graph) throws -> NodeID {
    guard case .found(let node) = graph.resolve(name, kind: kind) else {
      Issue.record("no single \(kind) called \(name)")
      throw CancellationError()
    }
    return node
  }

  /// Runs `query` in a fresh session and returns its last result, recording the diagnostics on failure.
  static func run(_ query: String, on graph: Graph, parameters: [String: QueryValue] = [:]) throws
    -> QueryResult
  {
    var session = QuerySession(graph: graph, parameters: parameters)
    let outcome = session.run(query)
    #expect(outcome.succeeded, "\(outcome.diagnostics.map(\.description))")
    return try #require(outcome.results.last)
  }

  // MARK: - Loading

  @Test func loadTheDefaultGraph() throws {
    let graph = try Self.defaultGraph()
    #expect(graph.manifest.name == "OrgGraph default graph")
    #expect(
      graph.nodes(ofKind: "role").map { graph.name(of: $0) }.sorted() == [
        "Backend Engineer", "Cloud Engineer", "Cloud Security Engineer", "Frontend Engineer", "SRE Engineer",
      ])
    // Every node knows where it was defined.
    let cloud = try Self.node("Cloud Engineer", "role", in: graph)
    #expect(graph.id(of: cloud) == "role:rocket-chat/cloud-engineer")
    #expect(graph.sourceRange(of: cloud)?.file == "Graph/rocket-chat/cloud-engineer.yaml")
    #expect(GraphLoader.defaultGraphFiles.contains { $0.path == "Graph/orgraph.yaml" })
  }

  @Test func exportAndLoadBack() throws {
    let graph = try Self.defaultGraph()
    let again = try GraphLoader.loadJSON(graph.exportJSON())
    #expect(again.statistics == graph.statistics)
  }

  // MARK: - Building a graph in code

  static func acme() throws -> Graph {
    var builder = GraphBuilder()
    let expert = try #require(builder.schema.enumCase("expert", in: "proficiency"))
    let org = try builder.addNode(kind: "org", id: "org:acme", name: "Acme")
    let team = try builder.addNode(kind: "team", id: "team:acme/platform", name: "Platform")
    let role = try builder.addNode(
      kind: "role", id: "role:acme/platform-engineer", name: "Platform Engineer",
      properties: ["purpose": .string("Keeps the platform fast, safe and cheap.")])
    let statement = try builder.addNode(
      kind: "expectation", id: "expectation:acme/platform-engineer/1", name: "Expertise with Kubernetes.",
      properties: ["text": .string("Expertise with Kubernetes."), "section": .string("Key skills")])
    let kubernetes = try builder.addNode(
      kind: "competency", id: "competency:kubernetes", name: "Kubernetes",
      properties: ["area": .string("Infrastructure"), "aliases": .strings(["k8s"])])
    try builder.addEdge("part_of", from: team, to: org)
    try builder.addEdge("in_team", from: role, to: team)
    try builder.addEdge("expects", from: role, to: statement)
    try builder.addEdge(
      "expresses", from: statement, to: kubernetes, properties: ["proficiency": .enumCase(expert)])
    return try builder.build()
  }

  @Test func buildAGraphInCode() throws {
    let graph = try Self.acme()
    let role = try Self.node("Platform Engineer", "role", in: graph)
    // The `requires` edge is derived from the expectation, with its proficiency and evidence.
    let requirements = graph.holdings(of: role)
    #expect(requirements.count == 1)
    let requirement = try #require(requirements.first)
    #expect(graph.name(of: requirement.competency) == "Kubernetes")
    #expect(requirement.holding.description == "expert")
    #expect(graph.origin(of: requirement.edge) == "derived")
    // It answers queries like any loaded graph; aliases name competencies.
    let result = try Self.run("competency k8s <- requires | select name, proficiency", on: graph)
    #expect(result.rows.count == 1)
    #expect(result.rows.first?.first == .string("Platform Engineer"))
    #expect(graph.lint().isEmpty)
  }

  @Test func builderRejectsBadInputAsDiagnostics() throws {
    var builder = GraphBuilder()
    #expect(throws: Diagnostic.self) { try builder.addNode(kind: "rolez", id: "role:x", name: "X") }
    do {
      try builder.addNode(kind: "role", id: "roles:acme/x", name: "X")
      Issue.record("a malformed id was accepted")
    } catch {
      #expect(error.code == .G203)
      #expect(error.help == ["write it `role:acme/x`"])
    }
  }

  // MARK: - Queries and typed results

  @Test func nodeSetResults() throws {
    let graph = try Self.defaultGraph()
    let result = try Self.run("team Cloud <- in_team", on: graph)
    #expect(result.kind == .nodes)
    #expect(result.columns == ["role"])
    #expect(result.nodes == [try Self.node("Cloud Engineer", "role", in: graph)])
    // After a one-hop step each row carries the edge's properties.
    let expert = try Self.run("role \"Cloud Engineer\" -> requires[proficiency = expert]", on: graph)
    #expect(expert.columns.prefix(2) == ["competency", "proficiency"])
    for row in expert.rows {
      guard case .enumCase(let proficiency) = row[1] else {
        Issue.record("proficiency is not an enum case: \(row[1])")
        continue
      }
      #expect(proficiency.name == "expert")
      #expect(proficiency.rank == 5)
    }
  }

  @Test func pathResults() throws {
    let graph = try Self.defaultGraph()
    let result = try Self.run(
      #"path from role "Backend Engineer" to level "Senior Cloud Security Engineer" via -> (promotes_to | lateral) shortest"#,
      on: graph)
    #expect(result.kind == .paths)
    let path = try #require(result.paths.first)
    #expect(path.length == 2)
    #expect(
      path.nodes.map { graph.name(of: $0) } == [
        "Backend Engineer", "SRE Engineer", "Senior Cloud Security Engineer",
      ])
    #expect(
      path.edges.allSatisfy { graph.type(of: $0).name == "lateral" && graph.origin(of: $0) == "inferred" })
    // The inferred moves are a warning on the result, not silence.
    #expect(result.warnings.map(\.code) == [.Q401])
    #expect(
      ResultFormatter(graph: graph).pathText(path)
        == "Backend Engineer -[lateral~]-> SRE Engineer -[lateral~]-> Senior Cloud Security Engineer")
  }

  @Test func gapAndOverlapResults() throws {
    let graph = try Self.defaultGraph()
    let cloud = try Self.node("Cloud Engineer", "role", in: graph)
    let senior = try Self.node("Senior Cloud Security Engineer", "level", in: graph)
    let gap = try Self.run(
      #"gap from role "Cloud Engineer" to level "Senior Cloud Security Engineer""#, on: graph)
    #expect(gap.kind == .gap)
    #expect(gap.compared == [cloud, senior])
    #expect(gap.columns == ["competency", "before", "after", "change", "evidence"])
    // The query's rows and the model's typed gap agree, row by row.
    let typed = graph.gap(from: cloud, to: senior)
    #expect(gap.rowNodes == typed.map(\.competency))
    let change = try #require(gap.columns.firstIndex(of: "change"))
    for (row, expected) in zip(gap.rows, typed) {
      guard case .enumCase(let c) = row[change] else {
        Issue.record("change is not an enum case")
        continue
      }
      #expect(c.name == expected.change.rawValue)
    }
    let overlap = try Self.run(#"overlap role "Cloud Engineer", role "SRE Engineer""#, on: graph)
    #expect(overlap.kind == .overlap)
    let similarity = try #require(overlap.similarity.first)
    #expect(abs(similarity.score - 5.0 / 30.0) < 1e-4)  // 5 shared of 30
    #expect(
      abs(similarity.score - graph.similarity(cloud, try Self.node("SRE Engineer", "role", in: graph))) < 1e-4
    )
  }

  // MARK: - Parameters from Swift values

  @Test func parametersFromSwiftValues() throws {
    let graph = try Self.defaultGraph()
    let cloud = try Self.node("Cloud Engineer", "role", in: graph)
    let sre = try Self.node("SRE Engineer", "role", in: graph)
    let parameters: [String: QueryValue] = [
      "role": .node(cloud), "pair": .list([.node(cloud), .node(sre)]), "min": .number(6),
      "word": .string("^(cloud engineer|sre)"),
    ]
    let counted = try Self.run("$role -> requires | count", on: graph, parameters: parameters)
    #expect(counted.rows == [[.number(Double(graph.holdings(of: cloud).count))]])
    let many = try Self.run(
      "roles | where count(-> requires) >= $min | select name", on: graph, parameters: parameters)
    #expect(
      many.rows == [
        [.string("Cloud Engineer")], [.string("Backend Engineer")], [.string("Frontend Engineer")],
        [.string("SRE Engineer")],
      ])
    let named = try Self.run("roles | where name ~ $word | select name", on: graph, parameters: parameters)
    #expect(named.rows == [[.string("Cloud Engineer")], [.string("SRE Engineer")]])
    let both = try Self.run("$pair -> requires | distinct | count", on: graph, parameters: parameters)
    let union = Set(graph.holdings(of: cloud).map(\.competency)).union(
      graph.holdings(of: sre).map(\.competency))
    #expect(both.rows == [[.number(Double(union.count))]])
    // Text parameters, as from the command line.
    #expect(QueryValue.parameter("3") == .number(3))
    #expect(QueryValue.parameter("true") == .bool(true))
    #expect(QueryValue.parameter("SRE") == .string("SRE"))
  }

  @Test func preparedQueriesRunWithDifferentParameters() throws {
    let graph = try Self.defaultGraph()
    let query = try PreparedQuery("roles | where count(-> requires) >= $min | select name")
    let few = query.run(on: graph, parameters: ["min": .number(10)])
    let many = query.run(on: graph, parameters: ["min": .number(1)])
    #expect(few.results.last?.rows == [[.string("Cloud Engineer")]])
    #expect(many.results.last?.rows.count == 4)
    // A prepared query is a Sendable value: run it from many tasks at once.
    let counts = try #require(
      try? PreparedQuery("$team <- in_team | count").run(
        on: graph, parameters: ["team": .node(try Self.node("Engineering", "team", in: graph))]
      ).results.last?.rows)
    #expect(counts == [[.number(3)]])
    // Syntax errors come at once, as values.
    do {
      _ = try PreparedQuery("roles | wher name = \"x\"")
      Issue.record("a query with a syntax error was prepared")
    } catch {
      #expect(error.diagnostics.first?.code == .Q001)
    }
  }

  // MARK: - Diagnostics as values

  @Test func queryDiagnosticsAreValues() throws {
    var session = QuerySession(graph: try Self.defaultGraph())
    let query = #"role "Cloud Engineer" -> require[proficiency >= advanced]"#
    let outcome = session.run(query)
    #expect(!outcome.succeeded)
    #expect(outcome.results.isEmpty)
    let diagnostic = try #require(outcome.diagnostics.first)
    #expect(diagnostic.code == .Q101)
    #expect(diagnostic.severity == .error)
    #expect(diagnostic.range?.start == OrgGraph.SourceLocation(line: 1, column: 26))
    #expect(diagnostic.help == ["did you mean `requires`?"])
    #expect(session.check(query) == outcome.diagnostics)
    // Codable: a round trip through JSON gives the same values.
    let data = try JSONEncoder().encode(outcome.diagnostics)
    #expect(try JSONDecoder().decode([Diagnostic].self, from: data) == outcome.diagnostics)
    // Rendered the way the tool prints them.
    let text = DiagnosticRenderer(anonymousSource: query).render(diagnostic)
    #expect(text.hasPrefix("error[Q101]: unknown edge type `require`\n"))
    #expect(ErrorIndex.entry("Q101")?.title == "unknown edge type")
  }

  @Test func loadDiagnosticsAreValues() throws {
    let yaml = """
      orgraph: 1
      name: Acme
      roles:
        - id: role:acme/x
          name: X
          requires: [competency:kubernets]
      competencies:
        - id: competency:kubernetes
          name: Kubernetes

      """
    do {
      _ = try GraphLoader.load(yaml: yaml, path: "acme.yaml")
      Issue.record("a graph with an unknown id loaded")
    } catch {
      let diagnostic = try #require(error.diagnostics.first)
      #expect(diagnostic.code == .G201)
      #expect(diagnostic.range?.description == "acme.yaml:6:16")
      #expect(diagnostic.help == ["did you mean `competency:kubernetes`?"])
      let data = try JSONEncoder().encode(error.diagnostics)
      #expect(try JSONDecoder().decode([Diagnostic].self, from: data) == error.diagnostics)
      #expect(error.description.contains("6 |     requires: [competency:kubernets]"))
    }
  }

  @Test func lintWarningsAreValues() throws {
    let warnings = try Self.defaultGraph().lint()
    #expect(
      warnings.allSatisfy { $0.severity == .warning && $0.code.rawValue.hasPrefix("L1") && $0.range != nil })
    for warning in warnings { #expect(ErrorIndex.entry(warning.code.rawValue) != nil) }
  }

  // MARK: - Rendering

  @Test func renderToDOTMermaidAndSVG() throws {
    let graph = try Self.defaultGraph()
    let result = try Self.run(
      #"path from role "Backend Engineer" to level "Senior Cloud Security Engineer" via -> (promotes_to | lateral) shortest"#,
      on: graph)
    let path = try #require(result.paths.first)
    let diagram = try CareerPathDiagram(graph: graph, nodes: path.nodes, edges: path.edges)
    #expect(diagram.dot.hasPrefix("digraph "))
    #expect(diagram.dot.contains("SRE Engineer"))
    #expect(diagram.mermaid.contains("SRE Engineer"))
    let svg = try GraphvizRenderer.svg(diagram.diagram)
    #expect(svg.contains("<svg"))
    #expect(svg.contains("SRE Engineer"))
    // Any format through one call; DOT and Mermaid need no Graphviz.
    let dot = try GraphvizRenderer.data(for: diagram.diagram, as: .dot)
    #expect(String(decoding: dot, as: UTF8.self) == diagram.dot)
    // The diagram a result calls for, chosen from its shape.
    #expect(try Diagram.forResult(result, graph: graph) == diagram.diagram)
    let ladder = try Self.run(#"track "Security Engineer" -> has_level"#, on: graph)
    #expect(
      try Diagram.forResult(ladder, graph: graph).dot.contains(
        "\"level:octopus-deploy/security-engineer-technical-lead\""))
    // Other styles from other results.
    let overlap = try Self.run(
      #"overlap role "Cloud Engineer", level "Senior Cloud Security Engineer""#, on: graph)
    #expect(try OverlapDiagram(graph: graph, compared: overlap.compared).dot.contains("Cloud Engineer"))
    let track = try Self.node("Security Engineer", "track", in: graph)
    #expect(try LadderDiagram(graph: graph, owner: track).mermaid.contains("Senior Security Engineer"))
    // Bad input is an error, not a crash.
    #expect(throws: DiagramError.self) { try CareerPathDiagram(graph: graph, nodes: [], edges: []) }
  }

  // MARK: - Concurrency

  static let queries = [
    "team Cloud <- in_team",
    #"role "Cloud Engineer" -> requires[proficiency >= advanced] | select name, proficiency"#,
    "roles | select name, count(-> requires) as n | sort by n desc",
    #"gap from role "Cloud Engineer" to level "Senior Cloud Security Engineer" | where change in [added, raised]"#,
    #"overlap role "Cloud Engineer", role "SRE Engineer", level "Senior Cloud Security Engineer""#,
    #"path from role "Backend Engineer" to level "Senior Cloud Security Engineer" via -> (promotes_to | lateral) shortest"#,
    #"level "Security Engineer" -> promotes_to+ | select name, code, depth() as steps"#,
    "competencies | select name, count(<- requires) as demand | sort by demand desc | limit 10",
    "roles | where exists(-> requires[proficiency = expert]) and not name ~ \"Manager\"",
    "let sre = role \"SRE Engineer\" -> requires; roles | select name, count(-> requires | intersect $sre) as shared",
  ]

  /// A query's whole answer as text: every result as JSON, then the diagnostics.
  static func answer(_ query: String, on graph: Graph) -> String {
    var session = QuerySession(graph: graph)
    let outcome = session.run(query)
    let formatter = ResultFormatter(graph: graph)
    return outcome.results.map { formatter.format($0, as: .json) }.joined()
      + outcome.diagnostics.map(\.description).joined(separator: "\n")
  }

  @Test func hundredsOfConcurrentQueriesOnOneGraph() async throws {
    let graph = try Self.defaultGraph()
    let sequential = Self.queries.map { Self.answer($0, on: graph) }
    let count = 400
    let concurrent = await withTaskGroup(of: (Int, String).self) { group in
      for i in 0..<count {
        group.addTask { (i, Self.answer(Self.queries[i % Self.queries.count], on: graph)) }
      }
      var answers = [String](repeating: "", count: count)
      for await (i, answer) in group { answers[i] = answer }
      return answers
    }
    for (i, answer) in concurrent.enumerated() {
      #expect(answer == sequential[i % Self.queries.count], "query \(i % Self.queries.count) differs")
    }
  }

  /// Diagrams of the default graph: a path, an overlap, two ladders.
  static func diagrams(of graph: Graph) throws -> [Diagram] {
    let path = try #require(
      try run(
        #"path from role "Backend Engineer" to level "Senior Cloud Security Engineer" via -> (promotes_to | lateral) shortest"#,
        on: graph
      ).paths.first)
    let cloud = try node("Cloud Engineer", "role", in: graph)
    let senior = try node("Senior Cloud Security Engineer", "level", in: graph)
    return [
      try CareerPathDiagram(graph: graph, nodes: path.nodes, edges: path.edges).diagram,
      try OverlapDiagram(graph: graph, compared: [cloud, senior]).diagram,
      try LadderDiagram(graph: graph, owner: try node("Security Engineer", "track", in: graph)).diagram,
      try LadderDiagram(graph: graph, owner: try node("Engineering common track", "track", in: graph))
        .diagram,
    ]
  }

  @Test func concurrentRendersMatchSequentialOnes() async throws {
    let graph = try Self.defaultGraph()
    let diagrams = try Self.diagrams(of: graph)
    var sequential: [String] = []
    for diagram in diagrams { sequential.append(try GraphvizRenderer.svg(diagram)) }
    let count = 32
    let concurrent = await withTaskGroup(of: (Int, String?).self) { group in
      for i in 0..<count {
        group.addTask {
          // Queries and renders at once: the diagrams are built from a query in each task.
          guard let built = try? Self.diagrams(of: graph) else { return (i, nil) }
          return (i, try? GraphvizRenderer.svg(built[i % built.count]))
        }
      }
      var svgs = [String?](repeating: nil, count: count)
      for await (i, svg) in group { svgs[i] = svg }
      return svgs
    }
    for (i, svg) in concurrent.enumerated() {
      #expect(svg == sequential[i % diagrams.count], "render \(i) differs from the sequential one")
    }
  }
}
