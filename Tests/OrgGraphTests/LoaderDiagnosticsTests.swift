import Foundation
import OrgGraph
import Testing

/// Each class of bad graph file gives its diagnostic at the right file:line:column, rendered whole.
@Suite("Graph file diagnostics")
struct LoaderDiagnosticsTests {
  static let manifest = """
    orgraph: 1
    name: Acme
    documents:
      - id: ladder
        title: Acme ladder

    """

  static let valid = """
    orgs:
      - id: org:acme
        name: Acme
    teams:
      - id: team:acme/platform
        name: Platform
        part_of: org:acme
    tracks:
      - id: track:acme/engineering
        name: Engineering
        track_type: ic
        part_of: org:acme
        has_level: [level:acme/engineer, level:acme/senior-engineer]
    roles:
      - id: role:acme/platform-engineer
        name: Platform Engineer
        in_team: team:acme/platform
        expects:
          - text: Expertise with Kubernetes.
            section: Key skills
            source: ladder:7
            expresses:
              - to: competency:kubernetes
                proficiency: expert
    levels:
      - id: level:acme/engineer
        name: Engineer
        code: L2
        rank: 2
        promotes_to: level:acme/senior-engineer
      - id: level:acme/senior-engineer
        name: Senior Engineer
        code: L3
        rank: 3
    competencies:
      - id: competency:kubernetes
        name: Kubernetes
        aliases: [k8s]

    """

  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var files: [(String, String)]
    var testDescription: String { name }
  }

  /// The valid graph with each `old` replaced by its `new` in the data file.
  static func broken(_ name: String, _ replacements: (String, String)...) -> Case {
    var text = valid
    for (old, new) in replacements {
      precondition(text.contains(old), "fixture text not found: \(old)")
      text = text.replacingOccurrences(of: old, with: new)
    }
    return Case(name: name, files: [("g/orgraph.yaml", manifest), ("g/acme.yaml", text)])
  }

  static func broken(_ name: String, _ old: String, _ new: String) -> Case {
    broken(name, (old, new))
  }

  static let cases: [Case] = [
    broken("yaml-syntax", "    name: Platform\n", "    name: Platform: core\n"),
    broken("yaml-unclosed-quote", "name: Acme\n", "name: \"Acme\n"),
    Case(name: "no-manifest", files: [("g/acme.yaml", valid)]),
    Case(
      name: "two-manifests",
      files: [("g/a.yaml", manifest), ("g/b.yaml", manifest), ("g/acme.yaml", valid)]),
    broken("section-singular", "roles:\n", "role:\n"),
    broken("section-typo", "competencies:\n", "competences:\n"),
    broken("unknown-property", "    code: L2\n", "    kode: L2\n"),
    broken("wrong-type-int", "rank: 3", "rank: three"),
    broken("wrong-type-list", "aliases: [k8s]", "aliases: k8s"),
    broken("unknown-proficiency-typo", "proficiency: expert", "proficiency: expret"),
    broken("unknown-proficiency-synonym", "proficiency: expert", "proficiency: proficient"),
    broken("unknown-enum", "track_type: ic", "track_type: individual"),
    broken("unknown-reference", "to: competency:kubernetes", "to: competency:kubernets"),
    broken("unknown-reference-wrong-kind", "in_team: team:acme/platform", "in_team: org:acme"),
    broken(
      "duplicate-id", "  - id: level:acme/senior-engineer", "  - id: level:acme/engineer"),
    broken("id-wrong-prefix", "id: role:acme/platform-engineer", "id: roles:acme/platform-engineer"),
    broken("id-bad-characters", "id: team:acme/platform", "id: team:Acme Platform"),
    broken(
      "promotion-cycle", "    rank: 3\n",
      "    rank: 3\n    promotes_to: level:acme/engineer\n"),
    broken(
      "orphan-level", "has_level: [level:acme/engineer, level:acme/senior-engineer]",
      "has_level: [level:acme/engineer]"),
    broken(
      "edge-wrong-source", "    part_of: org:acme\n    has_level",
      "    part_of: org:acme\n    requires: competency:kubernetes\n    has_level"),
    broken("undeclared-document", "source: ladder:7", "source: handbook:7"),
    broken("missing-name", "    name: Platform Engineer\n", ""),
    broken("missing-text", "      - text: Expertise with Kubernetes.\n        section", "      - section"),
    broken("origin-written", "proficiency: expert", "proficiency: expert\n            origin: derived"),
    broken(
      "several-errors", ("to: competency:kubernetes", "to: competency:kubernets"), ("rank: 3", "rank: three"),
      ("track_type: ic", "track_type: ics")),
    broken("string-reads-as-number", "code: L2", "code: 2"),
  ]

  @Test(arguments: cases)
  func diagnostic(_ testCase: Case) {
    do {
      let graph = try GraphLoader.load(files: testCase.files)
      Issue.record("loaded a broken graph with \(graph.nodeCount) nodes")
    } catch {
      #expect(!error.diagnostics.isEmpty)
      Golden.check(error.description, "diagnostics/\(testCase.name).txt")
    }
  }

  @Test func theValidFixtureLoads() throws {
    let graph = try GraphLoader.load(files: [("g/orgraph.yaml", Self.manifest), ("g/acme.yaml", Self.valid)])
    #expect(graph.nodeCount == 8)
    #expect(graph._checkInvariants().isEmpty)
  }

  @Test func coloursOnlyWhenAsked() {
    let d = Diagnostic(code: .G201, message: "no node has the id `x`", help: ["did you mean `y`?"])
    #expect(!DiagnosticRenderer(color: false).render(d).contains("\u{1B}"))
    #expect(DiagnosticRenderer(color: true).render(d).contains("\u{1B}[1;31m"))
  }

  /// A temporary folder holding a copy of Graph/ (in `Graph` below it).
  static func copyOfTheDefaultGraph() throws -> (folder: URL, copy: URL) {
    let folder = try Paths.temporaryFolder()
    let copy = folder.appending(path: "Graph")
    try FileManager.default.copyItem(at: Paths.graph, to: copy)
    return (folder, copy)
  }

  /// One file that is not valid YAML is one error: the ids it would have defined are not also reported as
  /// unknown wherever they are used (one unquoted `: ` used to make 98 errors).
  @Test func aFileThatDoesNotParseIsOneError() throws {
    let (folder, copy) = try Self.copyOfTheDefaultGraph()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = copy.appending(path: "competencies.yaml")
    let text = try String(contentsOf: file, encoding: .utf8)
    try text.replacingOccurrences(
      of: "description: Working out what a task or problem needs and solving it pragmatically",
      with: "description: Working out what a task or problem needs: and solving it pragmatically"
    ).write(to: file, atomically: true, encoding: .utf8)
    do {
      _ = try GraphLoader.load(path: copy.path)
      Issue.record("a graph with a file that does not parse loaded")
    } catch {
      #expect(error.diagnostics.map(\.code) == [.G001])
      let note = try #require(error.diagnostics.first?.notes.last)
      #expect(note.first?.isNumber == true, "\(note)")
      #expect(
        note.contains(
          " references to unknown ids not reported: they may be defined in `\(file.path)`; fix this first"))
    }
  }

  /// A broken copy of the real default graph fails with the right file and line.
  @Test func brokenCopyOfTheDefaultGraph() throws {
    let (folder, copy) = try Self.copyOfTheDefaultGraph()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = copy.appending(path: "rocket-chat/cloud-engineer.yaml")
    let text = try String(contentsOf: file, encoding: .utf8)
    let lines = text.components(separatedBy: "\n")
    let index = try #require(lines.firstIndex { $0.contains("competency:kubernetes") })
    var broken = lines
    broken[index] = broken[index].replacingOccurrences(
      of: "competency:kubernetes", with: "competency:kubernetis")
    try broken.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
    let column =
      try #require(lines[index].range(of: "competency:kubernetes")).lowerBound.utf16Offset(in: lines[index])
      + 1

    #expect(throws: GraphLoadFailure.self) { try GraphLoader.load(path: copy.path) }
    do {
      _ = try GraphLoader.load(path: copy.path)
    } catch {
      let d = try #require(error.diagnostics.first)
      #expect(error.diagnostics.count == 1)
      #expect(d.code == .G201)
      #expect(d.range?.file == copy.path + "/rocket-chat/cloud-engineer.yaml")
      #expect(d.range?.start == OrgGraph.SourceLocation(line: index + 1, column: column))
      #expect(d.help == ["did you mean `competency:kubernetes`?"])
    }
  }

  /// Every file the JSON Schema rejects, the loader rejects too; the schema's valid fixtures load.
  @Test func loaderAgreesWithTheJSONSchemaFixtures() throws {
    let fixtures = Paths.repository.appending(path: "Tests/OrgGraphTests/Fixtures/schema")
    for valid in ["valid", "valid-extended"] {
      let graph = try GraphLoader.load(path: fixtures.appending(path: valid).path)
      #expect(graph.nodeCount > 0)
    }
    let invalid = fixtures.appending(path: "invalid")
    let manifest = try String(contentsOf: fixtures.appending(path: "valid/orgraph.yaml"), encoding: .utf8)
    for name in try FileManager.default.contentsOfDirectory(atPath: invalid.path).sorted() {
      let text = try String(contentsOf: invalid.appending(path: name), encoding: .utf8)
      let isManifest = text.contains("orgraph:")
      var files = [(name, text)]
      if !isManifest { files.append(("orgraph.yaml", manifest)) }
      #expect(throws: GraphLoadFailure.self, "\(name) should be rejected") {
        try GraphLoader.load(files: files)
      }
    }
  }
}

/// Thousands of unknown ids (each once compared with every id of the graph for "did you mean": 10,000 took
/// 28 s) are reported in linear time: the first hundred — as many as a report shows — with suggestions.
@Suite("Unknown ids at scale")
struct UnknownIDsAtScaleTests {
  @Test func onlyTheFirstHundredGetSuggestions() throws {
    var text =
      "orgraph: 1\nname: u\ncompetencies:\n  - id: competency:kubernetes\n    name: Kubernetes\nroles:\n"
    for i in 0..<3_000 {
      text += "  - id: role:a/r\(i)\n    name: R\(i)\n    requires: competency:kubernetez\n"
    }
    var found: GraphLoadFailure?
    do throws(GraphLoadFailure) {
      _ = try GraphLoader.load(yaml: text)
    } catch {
      found = error
    }
    let failure = try #require(found)
    let unknown = failure.diagnostics.filter { $0.code == .G201 }
    #expect(unknown.count == 3_000)
    #expect(unknown.prefix(100).allSatisfy { $0.help == ["did you mean `competency:kubernetes`?"] })
    #expect(
      unknown.dropFirst(100).allSatisfy {
        $0.help == ["define a node with `id: competency:kubernetez`, or correct the id"]
      })
  }
}

/// The one CSV tokenizer, as documents use it.
@Suite("CSV rows")
struct CSVRowsTests {
  /// Windows line ends (what spreadsheets and RFC 4180 write): "\r\n" is one Swift Character, and a text
  /// split on "\n" alone stayed one line.
  @Test func windowsLineEndsAndCellsOfSeveralLines() throws {
    let rows = try CSVRows.parse("a,b\r\n1,\"x\r\ny\"\r\n\r\n2,z\r\n").get()
    #expect(rows.map(\.line) == [1, 2, 5])
    #expect(rows.map(\.lastLine) == [1, 3, 5])
    #expect(rows.map(\.fields) == [["a", "b"], ["1", "x\ny"], ["2", "z"]])
  }

  @Test func aQuoteNeverClosedIsAnErrorAtItsRow() {
    guard case .failure(let problem) = CSVRows.parse("a,b\n1,\"open\n2,3\n") else {
      Issue.record("expected a problem")
      return
    }
    #expect(problem.line == 2)
    #expect(problem.message == "this quoted field is never closed")
  }
}
