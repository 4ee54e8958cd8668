import Foundation
import OrgGraph
import OrgQuery
import Testing

@testable import OrgImport

/// Competency matrices — Markdown pipe tables (two in one file, bold categories, italic rows, `<br>` items,
/// a repeated row), CSV (cells of several lines), the transposed shape, and hostile ones — read with
/// exactly the levels, statements and competencies one counts by hand, written as a graph that loads, and
/// reported whole (golden file).
@Suite("Matrix reader")
struct MatrixReaderTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Matrices")

  static func read(_ name: String, reader: ReaderChoice = .auto) throws -> ImportedDocument {
    let url = folder.appending(path: name)
    let text = try String(contentsOf: url, encoding: .utf8)
    return try Importer.read(text, path: name, reader: reader)
  }

  /// Counted by hand in engineering-matrix.md: two tables (Individual contributors: L1–L3; Managers:
  /// M1–M2), statements per level 2, 4, 4, 1, 1 (`<br>` splits one cell in two; the repeated Code quality
  /// row adds one to L3), four competencies with their categories.
  @Test func aMarkdownMatrixWithTwoTables() throws {
    let document = try Self.read("engineering-matrix.md")
    #expect(document.reader == .matrix)
    #expect(document.readBecause == "a table whose header names levels (2 tables)")
    #expect(
      document.levels.map { "\($0.code ?? "-") \($0.title) [\($0.track ?? "")]" } == [
        "L1 Junior Engineer [Individual contributors]", "L2 Engineer [Individual contributors]",
        "L3 Senior Engineer [Individual contributors]", "M1 Engineering Manager [Managers]",
        "M2 Senior Engineering Manager [Managers]",
      ])
    #expect(document.levels.map(\.rank) == [1, 2, 3, 1, 2])
    #expect(document.levels.map(\.statements.count) == [2, 4, 4, 1, 1])
    #expect(
      document.levels[1].statements.map(\.text) == [
        "Reviews code of others.", "Refactors safely.", "Runs services on Kubernetes.", "Helps new joiners.",
      ])
    #expect(
      document.competencies.map { "\($0.name) (\($0.area ?? "-")) :\($0.line)" } == [
        "Code quality (Craft) :10", "Kubernetes (Craft) :11", "Mentoring (People) :13", "Hiring (People) :21",
      ])
    // The repeated row is the same competency.
    #expect(document.levels[2].statements.last?.text == "Writes the team's guidelines.")
    #expect(document.levels[2].statements.last?.competency == 0)
    #expect(document.skipped.map(\.line) == [1, 3])
  }

  /// Counted by hand in html-matrix.md: one HTML table in a Markdown page, split by a blank line (so its
  /// rows after it are an indented code block to CommonMark); P1 has three statements (`<br>` splits one
  /// cell), P2 three (a list of two, one sentence); a bold row spanning the columns is the category.
  @Test func anHTMLTableInAMarkdownPage() throws {
    let document = try Self.read("html-matrix.md")
    #expect(document.reader == .matrix)
    #expect(document.title == "Platform engineers")
    #expect(
      document.levels.map { "\($0.code ?? "-") \($0.title) \($0.rank ?? 0)" } == [
        "P1 Platform Engineer 1", "P2 Senior Platform Engineer 2",
      ])
    #expect(
      document.levels.flatMap(\.statements).map { "\($0.line) \($0.section ?? "-"): \($0.text)" } == [
        "15 Incident response: Joins the on-call rotation after training.",
        "15 Incident response: Writes a timeline for each incident.",
        "25 Infrastructure as code: Changes Terraform modules with review.",
        "16 Incident response: Leads incident reviews without blame.",
        "16 Incident response: Turns repeated incidents into fixes.",
        "26 Infrastructure as code: Designs modules other teams reuse.",
      ])
    #expect(
      document.competencies.map { "\($0.name) (\($0.area ?? "-")) :\($0.line)" } == [
        "Incident response (Operations) :14", "Infrastructure as code (Operations) :24",
      ])
    // The heading the caption outranks, the introduction and the closing line are reported; every line of
    // the table is read.
    #expect(document.skipped.map(\.line) == [1, 3, 31])
  }

  /// Counted by hand in matrix.html: an HTML page of two tables under `<h2>` headings (two ladders), a bold
  /// category row, `<br>` items; the page's `<h1>` is its title, its paragraph and `<head>` are reported.
  @Test func anHTMLPageOfTwoTables() throws {
    let document = try Self.read("matrix.html")
    #expect(document.reader == .matrix)
    #expect(document.title == "Support career framework")
    #expect(
      document.levels.map { "\($0.code ?? "-") \($0.title) [\($0.track ?? "")] \($0.statements.count)" } == [
        "S1 Support Engineer [Individual contributors] 2",
        "S2 Senior Support Engineer [Individual contributors] 2",
        "M1 Support Lead [Managers] 3", "M2 Support Manager [Managers] 2",
      ])
    #expect(
      document.levels[2].statements.map(\.text) == [
        "Interviews candidates for the team.", "Gives weekly feedback to each engineer.", "Runs one-to-ones.",
      ])
    #expect(
      document.competencies.map { "\($0.name) (\($0.area ?? "-"))" } == [
        "Customer care (Customers)", "Product knowledge (Customers)", "Hiring (-)", "Coaching (-)",
      ])
    #expect(document.skipped.map(\.line) == [3, 6])
  }

  /// spreadsheet-quirks.csv, as people type a sheet: levels with no code or level word under a first
  /// cell `Competency` (as `export --format matrix` writes them), a `Notes` column, a bold category typed
  /// as `**Craft**`, a cell past the header; the notes and the stray cell are reported, line by line.
  @Test func aSpreadsheetAsPeopleTypeIt() throws {
    let document = try Self.read("spreadsheet-quirks.csv")
    #expect(document.levels.map { "\($0.rank ?? 0) \($0.title)" } == ["1 Engineer", "2 Senior Engineer"])
    #expect(document.levels.map(\.statements.count) == [2, 2])
    #expect(
      document.competencies.map { "\($0.name) (\($0.area ?? "-"))" } == [
        "Testing (Craft)", "Delivery (Craft)",
      ])
    #expect(
      document.skipped.map { "\($0.line) \($0.text): \($0.reason)" } == [
        "3 Ask QA first.: a cell under `Notes`, a column of notes, not a level",
        "4 Past the header.: a cell past the header's last column",
      ])
  }

  @Test func aCSVMatrixAndACellOfSeveralLines() throws {
    let document = try Self.read("skills.csv")
    #expect(
      document.levels.map { "\($0.code ?? "-") \($0.title) \($0.rank ?? 0)" } == [
        "P1 Associate 1", "P2 Professional 2", "P3 Senior Professional 3",
      ])
    #expect(document.levels.map(\.statements.count) == [3, 3, 3])
    #expect(document.competencies.map(\.name) == ["Test automation", "Kubernetes", "Communication"])
    #expect(document.competencies.allSatisfy { $0.area == "Testing" })
    let cells = try Self.read("multi-line-cell.csv")
    // A cell's lines are its items, as `<br>` separates them in Markdown.
    #expect(cells.levels[0].statements.map(\.text) == ["Writes tests", "and more"])
    #expect(cells.skipped.isEmpty)
  }

  @Test func levelsInRows() throws {
    let document = try Self.read("levels-in-rows.md")
    #expect(document.readBecause == "a table whose first column names levels")
    #expect(
      document.levels.map { "\($0.code ?? "-") \($0.title) :\($0.line)" } == [
        "L1 Junior :3", "L2 Mid :4", "L3 Senior :5",
      ])
    #expect(document.competencies.map(\.name) == ["Delivery", "Collaboration"])
    #expect(
      document.levels[2].statements.map { "\($0.section ?? ""): \($0.text) :\($0.line)" } == [
        "Delivery: Leads projects. :5", "Collaboration: Mentors engineers. :5",
      ])
  }

  @Test func hostileMatricesAreReadWithinBoundsAndReported() throws {
    let document = try Self.read("hostile.md")
    #expect(document.levels.map(\.title) == ["Junior", "Senior"])
    #expect(document.levels[0].statements.first { $0.section == "Long" }?.text.count == 10_000 * 5 - 1)
    #expect(
      document.warnings.map(\.reason) == [
        "a spreadsheet formula, not its value: kept as written; export the sheet with values"
      ])
    #expect(
      document.skipped.map { "\($0.line): \($0.reason)" } == [
        "6: a cell in a row with no competency named", "7: a cell under a column with no level in its header",
      ])
    // A sheet with no levels is no matrix; a quote never closed is an error at its row.
    #expect(throws: ImportError.self) { try Self.read("no-levels.csv") }
    #expect(
      throws: ImportError(
        path: "broken.csv", line: 4,
        message: "is not CSV this reader can read: this quoted field is never closed",
        help: "close the quote where the value ends (a quoted value may hold line breaks)")
    ) { try Self.read("broken.csv") }
  }

  /// The import as a whole: the report (golden), a graph that loads, each level requiring its rows'
  /// competencies — the organisation's and the canonical ones they mean — and the two ladders.
  @Test func theImportLoadsAndTheLevelsRequireTheirRows() throws {
    let names = [
      "engineering-matrix.md", "skills.csv", "levels-in-rows.md", "hostile.md", "html-matrix.md",
      "matrix.html",
    ]
    var reading = Importer.Reading(documents: try names.map { try Self.read($0) })
    let taxonomy = try GraphLoader.loadDefault()
    let linker = try CompetencyLinker(taxonomy: taxonomy)
    Importer.link(&reading, with: linker)
    Golden.check(ImportReport.text(reading), "matrices-report.txt")
    let files = GraphFolderWriter.files(for: reading.documents, organisation: "Acme", linker: linker)
    let graph = try GraphLoader.load(files: files.map { ($0.path, $0.text) })
    var session = QuerySession(graph: graph)
    let outcome = session.run(
      "level \"Senior Engineer\" -> requires | select id | sort by id", file: "<test>")
    let formatter = ResultFormatter(graph: graph)
    let ids = formatter.format(try #require(outcome.results.last), as: .csv).components(separatedBy: "\r\n")
    #expect(ids.contains("competency:acme/code-quality"))
    #expect(ids.contains("competency:acme/kubernetes"))
    #expect(ids.contains("competency:kubernetes"))
    let tracks = session.run(
      "tracks | where name in [\"Individual contributors\", \"Managers\"] | count", file: "<t>")
    // Two ladders each in engineering-matrix.md and matrix.html.
    #expect(formatter.format(try #require(tracks.results.last), as: .csv) == "count\r\n4\r\n")
  }
}
