import Foundation
import OrgGraph
import Testing

@testable import OrgImport

/// The Octopus ladder reader on fixtures written for each quirk of the format, compared whole with golden
/// files (the report, and the Graph folder it writes), and on documents that are not ladders at all.
@Suite("Import")
struct ImportTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(
    path: "Fixtures")

  static func folderText(_ files: [ExportFile]) -> String {
    files.map { "== \($0.path)\n\($0.text)" }.joined()
  }

  @Test func fixturesImportAsTheGoldenFilesSay() throws {
    var reading = Importer.read([Self.fixtures.path])
    let linker = try CompetencyLinker(taxonomy: try GraphLoader.loadDefault())
    Importer.link(&reading, with: linker)
    Golden.check(ImportReport.text(reading), "fixtures-report.txt")
    Golden.check(ImportReport.json(reading), "fixtures-report.json")
    let files = GraphFolderWriter.files(for: reading.documents, organisation: "Acme", linker: linker)
    Golden.check(Self.folderText(files), "fixtures-graph.txt")
    // What the importer writes loads as a graph, with every statement and example in it.
    let graph = try GraphLoader.load(
      files: files.filter { $0.path.hasSuffix(".yaml") }.map { ($0.path, $0.text) })
    let statements =
      reading.documents.flatMap(\.levels).reduce(0) { $0 + $1.statements.count }
      + reading.documents.flatMap(\.roles).reduce(0) { $0 + $1.statements.count }
    let examples = reading.documents.flatMap(\.levels).reduce(0) { $0 + $1.examples.count }
    #expect(graph.nodes(ofKind: "expectation").count == statements)
    #expect(graph.nodes(ofKind: "example").count == examples)
    #expect(graph.nodes(ofKind: "level").count == 8)
    // Links become derived requirements, with the expectation as evidence.
    let l2 = try #require(graph.node(withID: "level:acme/fixtures-l2-platform-engineer"))
    #expect(graph.neighbors(of: l2, via: "requires").map { graph.name(of: $0.node) }.contains("Kubernetes"))
  }

  /// Levels that build on others become `includes` (and require what those require); a statement measured
  /// against another level `refers_to` it; a discipline's README describes its folder's track; an area's page
  /// gives its team a purpose — on the fixtures, as a graph.
  @Test func cumulativeLevelsReferencesTracksAndTeams() throws {
    var reading = Importer.read([Self.fixtures.path])
    Importer.link(&reading, with: try CompetencyLinker(taxonomy: try GraphLoader.loadDefault()))
    let files = GraphFolderWriter.files(
      for: reading.documents, organisation: "Acme",
      linker: try CompetencyLinker(taxonomy: try GraphLoader.loadDefault()))
    let graph = try GraphLoader.load(
      files: files.filter { $0.path.hasSuffix(".yaml") }.map { ($0.path, $0.text) })
    func pairs(_ edge: String) -> [String] {
      graph.nodes.flatMap { n in
        graph.neighbors(of: n, via: edge).map { "\(graph.name(of: n)) → \(graph.name(of: $0.node))" }
      }.sorted()
    }
    #expect(
      pairs("includes") == [
        "Backend Engineer → Junior Backend Engineer", "Data Coach → Junior Data Coach",
        "Senior Backend Engineer → Backend Engineer", "Senior Data Coach → Data Coach",
        "Senior Platform Engineer → Platform Engineer",
      ])
    #expect(
      pairs("refers_to") == [
        "I mentor data coaches. (Equivalent to L3 Senior Platform Engineer in mentoring.) → Senior Platform Engineer"
      ])
    // A cumulative roles page is a ladder: ranked by seniority, promoted in order.
    #expect(
      pairs("promotes_to").filter { $0.contains("Backend") } == [
        "Backend Engineer → Senior Backend Engineer", "Junior Backend Engineer → Backend Engineer",
      ])
    // The senior level requires what the levels it includes require ("unit tests", two levels down).
    let senior = try #require(
      graph.node(withID: "level:acme/fixtures-cumulative-backend-roles/senior-backend-engineer"))
    #expect(
      Set(graph.neighbors(of: senior, via: "requires").map { graph.name(of: $0.node) }).isSuperset(of: [
        "Test automation", "Mentoring",
      ]))
    let track = try #require(graph.node(withID: "track:acme/fixtures"))
    #expect(
      graph.property("description", of: track)?.displayText
        == "Platform Engineers keep the build and deploy platform fast, safe and boring.")
    let team = try #require(graph.node(withID: "team:acme/data"))
    #expect(
      graph.property("purpose", of: team)?.displayText
        == "The data area turns what our customers do into decisions the company can trust.")
  }

  /// Two roles that each say they add to the other would include each other round a circle: neither
  /// `includes` is written (the folder must load), and the report says why.
  @Test func levelsThatBuildOnEachOtherAreNotLinkedRoundACircle() throws {
    let page = """
      # Roles

      ### Junior Tester:

      In addition to a senior tester's responsibilities, they learn.

      Responsibilities:

      * Test

      ### Senior Tester:

      In addition to a junior tester's responsibilities, they lead.
      """
    let reading = Importer.Reading(documents: [try Importer.read(page, path: "roles.md", reader: .auto)])
    #expect(reading.documents[0].levels.map(\.title) == ["Junior Tester", "Senior Tester"])
    let files = GraphFolderWriter.files(for: reading.documents, organisation: "Acme")
    #expect(!files.contains { $0.text.contains("includes:") })
    _ = try GraphLoader.load(files: files.filter { $0.path.hasSuffix(".yaml") }.map { ($0.path, $0.text) })
    let report = ImportReport.text(reading)
    #expect(
      report.contains(
        "    includes roles.md:5: senior tester → not linked: the levels would include each other round a circle\n"
      ))
    #expect(
      report.contains(
        "    includes roles.md:13: junior tester → not linked: the levels would include each other round a circle\n"
      ))
  }

  /// HTML that is not well-formed is read as libxml2 repairs it — an item's own words, not those of the items
  /// it swallowed — and each repair is a warning at its line; a `<details>` a heading ends is one too.
  @Test func htmlThatIsNotWellFormedIsReadAndWarnedAbout() throws {
    let page = """
      # L2: Tester

      ## 🦉 Domain

      <ul><li>I mentor <new hires & juniors.</li><li>I review code</ul>

      <details>
      <summary>Examples</summary>
      <ul><li>I did a <b>thing<li>I did another</ul>

      ## 🌱 Teaching

      - I teach.
      """
    let document = try Importer.read(page, path: "L2-Tester.md", reader: .auto)
    let level = try #require(document.levels.first)
    #expect(level.statements.map(\.text) == ["I mentor", "I review code", "I teach."])
    #expect(level.examples.map(\.text) == ["I did a thing", "I did another"])
    #expect(
      document.warnings.map { "\($0.line): \($0.reason)" }.sorted() == [
        "5: HTML that is not well-formed (libxml2: error parsing attribute name): read as libxml2 repairs it, as “I mentor”, “I review code”; check it against the page",
        "7: a `<details>` block not closed before the heading at line 11: what came between was read as examples",
        "9: HTML that is not well-formed (libxml2: Opening and ending tag mismatch: ul and b): read as libxml2 repairs it, as “I did a thing”, “I did another”; check it against the page",
      ])
  }

  /// A statement's id comes from its words, not its place: a bullet added above it leaves every other id as
  /// it was, so an export of the changed handbook diffs cleanly.
  @Test func statementIdsDoNotMoveWhenABulletIsAdded() throws {
    let text = try String(
      contentsOf: Self.fixtures.appending(path: "L2 Platform Engineer.md"), encoding: .utf8)
    func ids(_ page: String) throws -> [String: String] {
      let document = try Importer.read(page, path: "L2.md", reader: .octopus)
      let files = GraphFolderWriter.files(for: [document], organisation: "Acme")
      let graph = try GraphLoader.load(
        files: files.filter { $0.path.hasSuffix(".yaml") }.map { ($0.path, $0.text) })
      return Dictionary(
        graph.nodes(ofKind: "expectation").map {
          (graph.property("text", of: $0)?.displayText ?? "", graph.id(of: $0))
        },
        uniquingKeysWith: { a, _ in a })
    }
    let before = try ids(text)
    let after = try ids(
      text.replacingOccurrences(
        of: "- I can deploy the platform.\n",
        with:
          "- I write runbooks.\n- I can deploy the platform.\n- I can deploy the platform to every region.\n")
    )
    // Two new statements, one starting as an existing one does: no existing id moves.
    #expect(after.count == before.count + 2)
    #expect(before.allSatisfy { after[$0.key] == $0.value })
    #expect(after["I write runbooks."] == "expectation:acme/l2/i-write-runbooks-1d23")
    #expect(after["I can deploy the platform."] != after["I can deploy the platform to every region."])
  }

  /// A group heading written a level too high (`## I help our customers` under `## Senior Solutions
  /// Architect`) is a group of the role above, with a warning — not a role called "I help our customers".
  @Test func aFirstPersonRoleHeadingIsAGroupOfTheRoleAbove() throws {
    let page = """
      # Solutions Roles

      ## Solutions Architect

      ### I help our customers

      - I answer questions.

      ## Senior Solutions Architect

      ## I help our customers

      - I lead workshops.
      """
    let document = try Importer.read(page, path: "Solutions.md", reader: .auto)
    #expect(document.roles.map(\.title) == ["Solutions Architect", "Senior Solutions Architect"])
    #expect(
      document.roles[1].statements.map { "\($0.section ?? ""): \($0.text)" } == [
        "I help our customers: I lead workshops."
      ])
    #expect(
      document.warnings.map { "\($0.line): \($0.reason)" } == [
        "11: a role's heading in the first person: read as a group of the role above, as `###` would be"
      ])
  }

  /// The merge `--update` makes: each side's changes where only it changed, the person's where both did.
  @Test func threeWayMergeOfLines() {
    let base = ["a", "b", "c", "d", "e"]
    // The person edits b and adds a comment at the top; the documents change d and add f.
    let mine = ["# note", "a", "B", "c", "d", "e"]
    let theirs = ["a", "b", "c", "D", "e", "f"]
    let clean = ImportUpdate.threeWay(base: base, mine: mine, theirs: theirs)
    #expect(clean.lines == ["# note", "a", "B", "c", "D", "e", "f"])
    #expect(clean.conflicts.isEmpty)
    // Both change c: the person's line is kept, the documents' reported at its line.
    let both = ImportUpdate.threeWay(
      base: base, mine: ["a", "b", "mine", "d", "e"], theirs: ["a", "b", "theirs", "d", "e"])
    #expect(both.lines == ["a", "b", "mine", "d", "e"])
    #expect(both.conflicts == [ImportUpdate.Conflict(line: 3, theirs: ["theirs"])])
    // The same change on both sides is no conflict; a line both removed stays removed.
    let same = ImportUpdate.threeWay(base: base, mine: ["a", "c", "x", "e"], theirs: ["a", "c", "x", "e"])
    #expect(same.lines == ["a", "c", "x", "e"] && same.conflicts.isEmpty)
  }

  @Test func everyQuirkIsRead() throws {
    let text = try String(
      contentsOf: Self.fixtures.appending(path: "L2 Platform Engineer.md"), encoding: .utf8)
    let document = try Importer.read(text, path: "L2 Platform Engineer.md", reader: .octopus)
    let level = try #require(document.levels.first)
    // A heading without the colon; bold-line and bullet metadata; an unknown key skipped with why.
    #expect(level.code == "L2" && level.title == "Platform Engineer")
    #expect(
      level.metadata.mapValues(\.text) == [
        "planning_horizon": "Current cycle", "impact_radius": "Self", "evaluation": "Manager",
      ])
    #expect(document.skipped.contains { $0.line == 8 && $0.reason.hasPrefix("metadata `Mood`") })
    // Shortcodes and mis-decoded emoji repaired; a `>` summary, nested bullets, an "Examples" line, HTML lists.
    #expect(
      Set(level.statements.compactMap(\.section)) == [
        "🦉 Domain expertise", "🦉 Working together", "🚩 Delivery",
      ])
    #expect(level.statements.map(\.text).contains("I know the tools the team uses."))
    #expect(level.statements.map(\.text).contains("learning Terraform."))
    #expect(level.examples.map(\.text).contains("I deployed a fix on my own."))
    #expect(level.examples.map(\.text).contains("I paired with a senior engineer & learned."))
    // "(Equivalent to L1 Junior Platform Engineer.)" names the level the statement is measured against.
    #expect(
      level.statements.flatMap(\.refersTo) == [
        LevelReference(name: "L1 Junior Platform Engineer", document: nil, file: nil, line: 25)
      ])
    // The unclosed `<details>` is reported at its line.
    #expect(document.skipped.contains { $0.line == 36 && $0.reason.contains("never closed") })
  }

  @Test func aFileWithoutASuffixAndBrokenEmphasis() throws {
    let text = try String(
      contentsOf: Self.fixtures.appending(path: "L3-Senior-Platform-Engineer"), encoding: .utf8)
    let document = try Importer.read(text, path: "L3-Senior-Platform-Engineer", reader: .auto)
    let level = try #require(document.levels.first)
    #expect(level.code == "L3" && level.title == "Senior Platform Engineer")
    #expect(level.archetype == "I lead the platform's day-to-day work.")
    #expect(level.statements.map(\.section) == ["Core Competencies", "Core Competencies", "Growth"])
    #expect(document.skipped.isEmpty)
  }

  @Test func badDocumentsAreRefusedWithTheirLine() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let big = folder.appending(path: "L1-Huge.md")
    try Data(repeating: 0x41, count: 50_000_000).write(to: big)
    let reading = Importer.read([big.path, Self.fixtures.appending(path: "archive.zip").path])
    #expect(reading.documents.isEmpty)
    #expect(
      reading.failures.map(\.description) == [
        "L1-Huge.md: is 50 MB; handbook pages are a few kilobytes",
        "archive.zip: is a zip archive (an XLSX or DOCX file is one), not a text document (it holds NUL bytes)",
      ])
    #expect(Importer.firstInvalidUTF8(Array("ok".utf8) + [0xC3, 0x28]) == 2)
    #expect(Importer.firstInvalidUTF8(Array("🦉 é".utf8)) == nil)
  }

  @Test func mojibakeAndShortcodes() {
    #expect(TextRepair.heading("\u{F8FF}ü¶â Domain expertise") == "🦉 Domain expertise")
    #expect(TextRepair.heading("\u{F8FF}üå± Teaching") == "🌱 Teaching")
    #expect(TextRepair.heading(":octopus: Culture") == "🐙 Culture")
    // Real accented words are left alone.
    #expect(TextRepair.heading("Développeur café") == "Développeur café")
  }
}
