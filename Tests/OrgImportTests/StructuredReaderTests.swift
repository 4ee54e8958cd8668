import Foundation
import OrgGraph
import Testing

@testable import OrgImport

/// Frameworks kept as structured data, counted by hand: flat records with proficiency words, topics in
/// front matter with criteria and examples, and YAML that does not parse.
@Suite("Structured reader")
struct StructuredReaderTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(
    path: "Structured")

  static func read(_ name: String) throws -> ImportedDocument {
    let text = try String(contentsOf: folder.appending(path: name), encoding: .utf8)
    return try Importer.read(text, path: name, reader: .auto)
  }

  @Test func flatRecords() throws {
    let document = try Self.read("framework.yaml")
    #expect(document.reader == .structured)
    #expect(document.title == "Data framework")
    #expect(
      document.levels.map { "\($0.title) \($0.rank ?? 0)" } == [
        "Data Analyst 1", "Senior Data Analyst 2", "Lead Data Analyst 3",
      ])
    #expect(document.levels.map(\.statements.count) == [1, 2, 2])
    #expect(document.competencies.map { "\($0.name) :\($0.line)" } == ["SQL :10", "Communication :13"])
    #expect(
      document.levels.flatMap(\.statements).map { "\($0.line) \($0.section ?? "-") \($0.proficiency ?? "-")" }
        == [
          "17 SQL foundational", "21 SQL advanced", "29 Communication working", "25 SQL expert",
          "33 Communication -",
        ])
    #expect(
      document.proficiencyWords == [
        "Foundational": "foundational", "Practitioner": "advanced", "Expert": "expert",
        "Working knowledge": "working",
      ])
    #expect(document.warnings.map(\.line) == [33])
    #expect(document.warnings.first?.text == "Superb")
    #expect(document.skipped.map(\.line) == [37])
  }

  @Test func topicsInFrontMatter() throws {
    let document = try Self.read("topics.md")
    #expect(document.levels.map(\.title) == ["Junior", "Senior"])
    #expect(
      document.levels[0].statements.map { "\($0.line) \($0.section ?? "-"): \($0.text)" } == [
        "9 Code review: Asks for reviews on every change.",
        "11 Code review: Responds to review comments within a day.",
        "22 Testing: Writes unit tests for new code.",
      ])
    #expect(
      document.levels[0].examples.map { "\($0.line): \($0.text)" } == [
        "13: Fixed all comments on a large pull request the same day."
      ])
    #expect(
      document.competencies.map { "\($0.name) (\($0.area ?? "-"))" } == [
        "Code review (Craft)", "Testing (Craft)",
      ])
    #expect(document.skipped.map(\.line) == [24, 26])
  }

  /// A tab in front matter is an error at its line, with what to do; nothing of the document is read.
  @Test func aTabInFrontMatterIsAnErrorAtItsLine() throws {
    #expect(
      throws: ImportError(
        path: "tab.md", line: 3,
        message:
          "is not valid YAML (column 1): while scanning for the next token found character that cannot start any token",
        help: "YAML indents with spaces, never tabs; fix the line and import again")
    ) { try Self.read("tab.md") }
  }

  /// The import loads; proficiencies stated in the document are on the levels' requirements.
  @Test func statedProficienciesAreRequired() throws {
    var reading = Importer.Reading(documents: [try Self.read("framework.yaml"), try Self.read("topics.md")])
    let linker = try CompetencyLinker(taxonomy: GraphLoader.loadDefault())
    Importer.link(&reading, with: linker)
    let (files, failure, _) = GraphFolderWriter.loadableFiles(
      for: &reading, organisation: "Acme", linker: linker)
    #expect(failure == nil)
    #expect(reading.failures.isEmpty)
    let yaml = try #require(files.first { $0.path == "framework-yaml.yaml" }).text
    #expect(
      yaml.contains(
        "    - to: competency:acme/sql\n      proficiency: advanced\n      matched_by: the document names it\n"
      ))
  }
}
