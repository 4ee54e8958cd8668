import Foundation
import OrgGraph
import Testing

@testable import OrgImport

/// The readers are one list, made from `Readers/`: each has a name of its own, help, and a document it is
/// surest of; auto-detection picks it for that document and says why.
@Suite("Reader registry")
struct ReaderRegistryTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(
    path: "Fixtures")

  /// A fixture of each reader's shape.
  static let samples: [String: String] = [
    "octopus": "L2 Platform Engineer.md",
    "octopus-roles": "cumulative/Data-Coaching.md",
    "rocketchat-jd": "area/README.md",
    "rocketchat-roles": "cumulative/backend-roles.md",
    "matrix": "../Matrices/engineering-matrix.md",
    "level-pages": "../LevelPages/developer.md",
    "structured": "../Structured/framework.yaml",
  ]

  @Test func theReadersAreOneListWithNamesOfTheirOwn() {
    let names = ReaderChoice.readers.map { $0.name }
    #expect(ReaderChoice.allCases.map(\.rawValue) == ["auto"] + names)
    #expect(Set(names).count == names.count)
    #expect(ReaderChoice.readers.allSatisfy { !$0.summary.isEmpty })
    #expect(ReaderChoice(rawValue: "octopus") == .octopus)
    #expect(ReaderChoice(rawValue: "auto") == .auto)
    #expect(ReaderChoice(rawValue: "word") == nil)
    #expect(Set(names) == Set(Self.samples.keys), "a reader without a sample document here")
  }

  @Test(arguments: samples.sorted { $0.key < $1.key })
  func autoPicksEachReaderForItsShapeAndSaysWhy(_ sample: (reader: String, file: String)) throws {
    let text = try String(contentsOf: Self.fixtures.appending(path: sample.file), encoding: .utf8)
    let document = try Importer.read(text, path: sample.file, reader: .auto)
    #expect(document.reader.rawValue == sample.reader)
    #expect(document.readBecause?.isEmpty == false)
    let named = try Importer.read(text, path: sample.file, reader: document.reader)
    #expect(named.readBecause == "named by --reader")
  }

  /// A document that is not text reaches no text reader: it is refused, saying what it is.
  @Test func bytesThatAreNotTextReachNoTextReader() {
    let source = SourceDocument(
      path: "sheet.xlsx", bytes: Data([0x50, 0x4B, 0x03, 0x04, 0, 0, 0x0A]), text: nil)
    // Named like a workbook, it is the workbook reader's to refuse, saying what is wrong with it.
    #expect(
      throws: ImportError(
        path: "sheet.xlsx", message: "is not a zip archive that can be read",
        help: "save the workbook again as .xlsx")
    ) {
      try Importer.read(source, reader: .auto)
    }
    // A reader of text never sees it.
    #expect(
      throws: ImportError(
        path: "sheet.xlsx",
        message: "is a zip archive (an XLSX or DOCX file is one), not a text document (it holds NUL bytes)",
        help: "import Markdown pages or CSV files; save a spreadsheet as CSV")
    ) {
      try Importer.read(source, reader: .octopus)
    }
  }

  /// Links a reader set are kept: the linker adds the competencies they do not name.
  @Test func theLinkerAddsToTheLinksAReaderSet() throws {
    var document = try Importer.read(
      "# L3: Senior\n\n## Craft\n\n- I run Kubernetes clusters.\n", path: "L3.md", reader: .auto)
    let preset = CompetencyLinker.Link(
      competency: "competency:reliability", proficiency: "advanced", aspect: nil, matchedBy: "a matrix row",
      confidence: 1)
    document.levels[0].statements[0].links = [preset]
    var reading = Importer.Reading(documents: [document])
    Importer.link(&reading, with: try CompetencyLinker(taxonomy: GraphLoader.loadDefault()))
    let links = reading.documents[0].levels[0].statements[0].links
    #expect(links.first == preset)
    #expect(links.map(\.competency) == ["competency:reliability", "competency:kubernetes"])
  }
}

/// What an import writes always loads: a document whose file would not is reported and left out, and the
/// others are written (one bad page never stops an import).
@Suite("Loadable imports")
struct LoadableImportTests {
  @Test func aDocumentThatWouldNotLoadIsLeftOutAndTheRestWritten() throws {
    let good = try Importer.read(
      "# L2: Engineer\n\n## Craft\n\n- I write tests.\n", path: "L2.md", reader: .auto)
    var bad = try Importer.read("# L3: Senior\n\n## Craft\n\n- I lead.\n", path: "L3.md", reader: .auto)
    // A shape no reader makes today, which the loader refuses: a competency the page names itself, at a
    // proficiency that is not on the scale.
    bad.competencies = [ImportedCompetency(name: "Leading", area: nil, line: 5)]
    bad.levels[0].statements[0].competency = 0
    bad.levels[0].statements[0].proficiency = "superb"
    var reading = Importer.Reading(documents: [good, bad])
    let (files, failure, _) = GraphFolderWriter.loadableFiles(for: &reading, organisation: "Acme")
    #expect(failure == nil)
    #expect(reading.documents.map(\.path) == ["L2.md"])
    let refused = try #require(reading.failures.first)
    #expect(refused.path == "L3.md")
    #expect(refused.message.hasPrefix("the octopus reader read it, but what it made does not load (G"))
    #expect(
      refused.help
        == "the other documents are written; please report this document, or try another reader with --reader"
    )
    let graph = try GraphLoader.load(
      files: files.filter { $0.path.hasSuffix(".yaml") }.map { ($0.path, $0.text) })
    #expect(graph.nodes(ofKind: "level").count == 1)
  }
}

/// Documents of one name in one folder with different endings are different documents (the import fuzz
/// target found `f/fuzz.csv`, `f/fuzz.yaml` and `f/fuzz.json` written as one).
@Suite("Document ids")
struct DocumentIDTests {
  @Test func endingsKeepDocumentsApart() throws {
    let matrix =
      "Competency,Junior (L1),Senior (L2)\nTesting,Writes unit tests for code.,Designs the test strategy.\n"
    let structured =
      "levels: [{id: 1, name: Junior}]\ncompetencies:\n  - {level: 1, theme: t, summary: Writes tests.}\n"
    let documents = [
      try Importer.read(matrix, path: "f/skills.csv", reader: .auto),
      try Importer.read(structured, path: "f/skills.yaml", reader: .auto),
      try Importer.read("# L2: Skills\n\n## Craft\n\n- I test.\n", path: "f/skills.md", reader: .auto),
    ]
    #expect(documents.map(GraphFolderWriter.documentID) == ["f-skills-csv", "f-skills-yaml", "f-skills"])
    var reading = Importer.Reading(documents: documents)
    let (_, failure, _) = GraphFolderWriter.loadableFiles(for: &reading, organisation: "Acme")
    #expect(failure == nil)
    #expect(reading.failures.isEmpty)
  }
}

/// A page that is one role and its bullets — a title, then what the role does, in any organisation's words
/// — is read without naming a reader; a heading with no words in it names no role.
@Suite("A role and its bullets")
struct TitleAndBulletsTests {
  @Test func aTitleAndItsBulletsAreOneRole() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appending(path: "RolePages/head-of-support.md")
    let document = try Importer.read(
      try String(contentsOf: url, encoding: .utf8), path: "head-of-support.md", reader: .auto)
    #expect(document.reader == .octopusRoles)
    #expect(document.readBecause == "a title and a list of bullets: one role")
    #expect(document.roles.map(\.title) == ["Head of Support"])
    #expect(document.roles.first?.statements.map(\.line) == [3, 4, 5, 6])
    #expect(document.skipped.isEmpty)
    // The roles reader, named, takes no role from the emptied heading.
    let named = try Importer.read(
      try String(contentsOf: url, encoding: .utf8), path: "head-of-support.md", reader: .octopusRoles)
    #expect(named.roles.count == 1)
    #expect(throws: ImportError.self) {
      try Importer.read(
        try String(contentsOf: url, encoding: .utf8), path: "head-of-support.md", reader: .rocketchatRoles)
    }
  }
}
