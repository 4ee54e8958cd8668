import Foundation
import Testing

/// The examples are real tools: each is built with the package, run here as a user runs it, and its whole
/// output compared with a golden file (re-record with `ORGRAPH_RECORD=1 swift test --filter ExamplesTests`).
@Suite("Examples")
struct ExamplesTests {
  // MARK: - promotion-report

  static let reports: [(golden: String, arguments: [String])] = [
    ("promotion-report/security-engineer.md", []),
    ("promotion-report/cloud-security-engineer.md", ["Cloud Security Engineer"]),
    ("promotion-report/engineering-common-track.md", ["Engineering common track"]),
    ("promotion-report/engineering-ic-track.md", ["track:rocket-chat/engineering-ic"]),
    ("promotion-report/backend-engineer.md", ["Backend Engineer"]),
  ]

  @Test(arguments: reports.map(\.golden))
  func promotionReport(_ golden: String) throws {
    let arguments = try #require(Self.reports.first { $0.golden == golden }).arguments
    let result = try Example.run("promotion-report", arguments)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty)
    Golden.check(result.stdout, golden)
  }

  /// The default report is about the Security Engineer track, and says honestly that its levels have no
  /// statements, while the Cloud Security Engineer report lists what its level adds.
  @Test func promotionReportContents() throws {
    let track = try Example.run("promotion-report").stdout
    #expect(track.hasPrefix("# Promotion report: Security Engineer\n"))
    #expect(track.contains("| 1 | Security Engineer | L2 | 2 | 0 | 0 |"))
    #expect(track.contains("cannot say what a promotion adds"))
    let role = try Example.run("promotion-report", ["Cloud Security Engineer"]).stdout
    #expect(role.contains("| added | Serverless |  | advanced | “I am proficient with virtualisation"))
  }

  /// `--graph` reads a Graph folder: the repository's Graph/ gives the built-in graph's report.
  @Test func promotionReportReadsAGraphFolder() throws {
    let builtIn = try Example.run("promotion-report", ["Cloud Security Engineer"])
    let folder = try Example.run(
      "promotion-report", ["--graph", Paths.graph.path, "Cloud Security Engineer"])
    #expect(folder.status == 0, "\(folder.stderr)")
    #expect(folder.stdout == builtIn.stdout)
  }

  // MARK: - overlap-matrix

  @Test func overlapMatrixMarkdown() throws {
    let result = try Example.run("overlap-matrix")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("| Backend Engineer | Frontend Engineer | 0.600 | 6 | 2 | 2 |"))
    Golden.check(result.stdout, "overlap-matrix/roles.md")
  }

  @Test func overlapMatrixCSV() throws {
    let result = try Example.run("overlap-matrix", ["--levels", "--format", "csv"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("a,b,a_id,b_id,similarity,shared,only_a,only_b,shared_competencies\r\n"))
    Golden.check(result.stdout, "overlap-matrix/roles-and-levels.csv")
    #expect(try Example.run("overlap-matrix", ["--format=csv", "--levels"]).stdout == result.stdout)
  }

  // MARK: - career-atlas

  @Test func careerAtlas() throws {
    let folder = try Paths.temporaryFolder()
    let result = try Example.run("career-atlas", ["--out", "atlas"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    Golden.check(result.stdout, "career-atlas/stdout.txt")
    let index = try String(contentsOf: folder.appending(path: "atlas/index.html"), encoding: .utf8)
    Golden.check(index, "career-atlas/index.html")
    // Every file listed exists; the diagrams are SVG.
    let listed = result.stdout.split(separator: "\n").filter { $0.hasPrefix("atlas/") }
    #expect(listed.count > 8)
    for file in listed where file.hasSuffix(".svg") {
      let svg = try String(contentsOf: folder.appending(path: String(file)), encoding: .utf8)
      #expect(svg.contains("<svg") && svg.hasSuffix("</svg>\n"), "\(file) is not an SVG document")
      #expect(
        index.contains("href=\"\(file.dropFirst("atlas/".count))\""), "index.html does not link \(file)")
    }
  }

  // MARK: - framework-diff

  /// Edits that plant known changes in a copy of Graph/: file, text to find, text to put instead.
  static let plants: [(file: String, find: String, replace: String)] = [
    // A changed statement text.
    (
      "octopus-deploy/cloud-security-engineer.yaml", "      - text: I am advanced in my team's domain.\n",
      "      - text: I am advanced in my team's cloud domain.\n"
    ),
    // A removed expectation.
    (
      "octopus-deploy/cloud-security-engineer.yaml",
      """
            - text: I identify, qualify and reduce technical debt as appropriate to my team's priorities.
              section: 🦉 Domain expertise
              source: seed-002:18
              expresses: [competency:technical-debt]

      """, ""
    ),
    // A raised proficiency.
    (
      "octopus-deploy/cloud-security-engineer.yaml",
      "          - to: competency:virtualisation\n            proficiency: advanced\n",
      "          - to: competency:virtualisation\n            proficiency: expert\n"
    ),
    // An added level, on the Security Engineer track, promoted to from its technical lead.
    (
      "octopus-deploy/organisation.yaml", "      - level:octopus-deploy/security-engineer-technical-lead\n",
      "      - level:octopus-deploy/security-engineer-technical-lead\n"
        + "      - level:octopus-deploy/principal-security-engineer\n"
    ),
    (
      "octopus-deploy/security-ladders.yaml",
      "    direction_needed: Takes brand new ideas from inception to production with limited supervision.\n",
      "    direction_needed: Takes brand new ideas from inception to production with limited supervision.\n"
        + "    promotes_to: level:octopus-deploy/principal-security-engineer\n"
    ),
    (
      "octopus-deploy/security-ladders.yaml", "levels:\n",
      """
      levels:
        - id: level:octopus-deploy/principal-security-engineer
          name: Principal Security Engineer
          code: L5
          rank: 5

      """
    ),
  ]

  /// A copy of Graph/ called `name` in `folder`, with the plants applied when `planted`.
  static func copyOfGraph(named name: String, in folder: URL, planted: Bool) throws {
    let copy = folder.appending(path: name)
    try FileManager.default.copyItem(at: Paths.graph, to: copy)
    guard planted else { return }
    for plant in plants {
      let url = copy.appending(path: plant.file)
      var text = try String(contentsOf: url, encoding: .utf8)
      // The last occurrence: the technical lead is the last level of security-ladders.yaml.
      let range = try #require(
        text.range(of: plant.find, options: .backwards), "\(plant.file) no longer has: \(plant.find)")
      text.replaceSubrange(range, with: plant.replace)
      try Data(text.utf8).write(to: url)
    }
  }

  @Test func frameworkDiffReportsPlantedChanges() throws {
    let folder = try Paths.temporaryFolder()
    try Self.copyOfGraph(named: "planted", in: folder, planted: true)
    let result = try Example.run("framework-diff", ["planted"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let expected = """
      ## Career framework changes

      From the built-in default graph to `planted`.

      | | added | removed | changed |
      |---|---:|---:|---:|
      | levels | 1 | 0 | 1 |
      | statements | 0 | 1 | 1 |
      | requirements | 0 | 1 | 1 |

      ### Levels

      - **added** `level:octopus-deploy/principal-security-engineer` Principal Security Engineer (L5) on Security Engineer
      - **changed** `level:octopus-deploy/security-engineer-technical-lead` Security Engineer Technical Lead (L4) on Security Engineer: promotes to: + `level:octopus-deploy/principal-security-engineer`

      ### Statements

      **Senior Cloud Security Engineer** (`level:octopus-deploy/senior-cloud-security-engineer`)

      - **changed** expectation, 🦉 Domain expertise:
        - before: “I am advanced in my team's domain.”
        - after: “I am advanced in my team's cloud domain.”
      - **removed** expectation, 🦉 Domain expertise: “I identify, qualify and reduce technical debt as appropriate to my team's priorities.”

      ### Requirements

      | role or level | competency | before | after | change |
      |---|---|---|---|---|
      | Senior Cloud Security Engineer | Technical debt management | unrated | — | removed |
      | Senior Cloud Security Engineer | Virtualisation | advanced | expert | raised |

      """
    #expect(result.stdout == expected)
  }

  /// Two versions named on the command line, and the same graph twice: no changes, exit status 0.
  @Test func frameworkDiffWithoutChanges() throws {
    let folder = try Paths.temporaryFolder()
    try Self.copyOfGraph(named: "before", in: folder, planted: false)
    try Self.copyOfGraph(named: "after", in: folder, planted: false)
    let result = try Example.run("framework-diff", ["before", "after"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout
        == "## Career framework changes\n\nFrom `before` to `after`.\n\nNo changes to levels, statements or requirements.\n"
    )
    // And backwards, with --graph naming the base: the planted changes reversed.
    try Self.copyOfGraph(named: "planted", in: folder, planted: true)
    let reversed = try Example.run("framework-diff", ["--graph", "planted", "before"], in: folder)
    #expect(reversed.status == 0)
    #expect(reversed.stdout.contains("- **removed** `level:octopus-deploy/principal-security-engineer`"))
    #expect(
      reversed.stdout.contains(
        "| Senior Cloud Security Engineer | Virtualisation | expert | advanced | lowered |"))
    #expect(reversed.stdout.contains("- **added** expectation, 🦉 Domain expertise: “I identify, qualify"))
  }

  /// A version that does not load: its diagnostics on standard error, exit status 1, nothing on stdout.
  @Test func frameworkDiffOnABrokenGraph() throws {
    let folder = try Paths.temporaryFolder()
    try Self.copyOfGraph(named: "broken", in: folder, planted: false)
    let file = folder.appending(path: "broken/competencies.yaml")
    let text = try String(contentsOf: file, encoding: .utf8)
    try Data(text.replacingOccurrences(of: "area: Learning", with: "area: [Learning").utf8).write(to: file)
    let result = try Example.run("framework-diff", ["broken"], in: folder)
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.hasPrefix("error: `broken` does not load:\nerror[G001]"))
    #expect(result.stderr.contains("--> broken/competencies.yaml:"))
  }

  // MARK: - Every example: help, usage errors, graphs that do not load

  static let examples = ["promotion-report", "overlap-matrix", "career-atlas", "framework-diff"]

  @Test(arguments: examples)
  func help(_ example: String) throws {
    let result = try Example.run(example, ["--help"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("OVERVIEW: "))
    #expect(result.stdout.contains("USAGE: \(example) "))
    #expect(result.stdout.contains("--graph"))
  }

  static let usageErrors: [(example: String, arguments: [String], message: String)] = [
    ("promotion-report", ["--bogus"], "Error: Unknown option '--bogus'"),
    ("promotion-report", ["A", "B"], "Error: give one role or track, not 2"),
    ("promotion-report", ["--graph"], "Error: Missing value for '--graph <path>'"),
    ("overlap-matrix", ["--format", "xml"], "Error: The value 'xml' is invalid for '--format <format>'"),
    ("overlap-matrix", ["roles"], "Error: Unexpected argument 'roles'"),
    ("career-atlas", ["--out"], "Error: Missing value for '--out <dir>'"),
    ("career-atlas", ["--to="], "Error: Missing value for '--to <level>'"),
    ("framework-diff", [], "Error: name the new version of the graph"),
    ("framework-diff", ["a", "b", "c"], "Error: give the base version once"),
    ("framework-diff", ["--graph", "a", "b", "c"], "Error: give the base version once"),
  ]

  @Test(arguments: usageErrors.indices)
  func usageError(_ index: Int) throws {
    let (example, arguments, message) = Self.usageErrors[index]
    let result = try Example.run(example, arguments)
    #expect(result.status == 64, "\(example) \(arguments)")
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.hasPrefix(message), "\(result.stderr)")
    #expect(result.stderr.contains("Usage: \(example)"))
  }

  @Test(arguments: examples)
  func graphThatDoesNotLoad(_ example: String) throws {
    let arguments =
      ["--graph", "/nonexistent/graph"] + (example == "framework-diff" ? ["/nonexistent/graph"] : [])
    let result = try Example.run(example, arguments)
    #expect(result.status == 1)
    #expect(
      result.stderr.contains("error[G002]: there is no graph at `/nonexistent/graph`"), "\(result.stderr)")
  }

  /// Names that are not in the graph are errors with the alternatives, not crashes.
  @Test func unknownNames() throws {
    let report = try Example.run("promotion-report", ["Security Enginer"])
    #expect(report.status == 1)
    #expect(report.stderr.hasPrefix("error: no track, role or level is called “Security Enginer”"))
    #expect(report.stderr.contains("did you mean “Security Engineer”?"))
    let atlas = try Example.run("career-atlas", ["--to", "Nobody", "--out", "unused"])
    #expect(atlas.status == 1)
    #expect(atlas.stderr.hasPrefix("error: no level is called “Nobody”"))
  }
}
