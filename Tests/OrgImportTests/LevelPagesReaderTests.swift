import Foundation
import OrgGraph
import Testing

@testable import OrgImport

/// Ladders kept as one page with a heading per level, counted by hand.
@Suite("Level pages reader")
struct LevelPagesReaderTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(
    path: "LevelPages")

  static func read(_ name: String) throws -> ImportedDocument {
    let text = try String(contentsOf: folder.appending(path: name), encoding: .utf8)
    return try Importer.read(text, path: name, reader: .auto)
  }

  /// developer.md: a table of levels (not a matrix), three `## Dn - …` headings, bold lead-ins, two
  /// pictures and front matter reported.
  @Test func codedHeadingsWithLeadIns() throws {
    let document = try Self.read("developer.md")
    #expect(document.reader == .levelPages)
    #expect(document.readBecause == "3 headings that name levels")
    #expect(
      document.levels.map { "\($0.code ?? "-") \($0.title) \($0.rank ?? 0)" } == [
        "D1 Developer 1 1", "D2 Developer 2 2", "D3 Senior Developer 3",
      ])
    #expect(document.levels.map(\.statements.count) == [2, 2, 1])
    #expect(
      document.levels[0].statements.map { "\($0.section ?? "-"): \($0.text)" } == [
        "Adopts: Adopts: actively learns and adopts the technology and tools of the team.",
        "Specializes: Specializes: is becoming an expert in a language.",
      ])
    #expect(
      document.skipped.map { "\($0.line): \($0.reason)" } == [
        "2: the page's front matter: the levels come from its headings",
        "12: a picture; its words are not text to import", "24: a picture; its words are not text to import",
      ])
  }

  /// senior-titles.md: titles with level words, the first level named by the others' titles, examples
  /// under their own heading.
  @Test func titlesAndExamples() throws {
    let document = try Self.read("senior-titles.md")
    #expect(
      document.levels.map { "\($0.title) \($0.rank ?? 0)" } == [
        "Support Engineer 1", "Senior Support Engineer 2", "Staff Support Engineer 3",
      ])
    #expect(document.levels.map(\.statements.count) == [2, 2, 1])
    #expect(document.levels[1].examples.map(\.text) == ["Cut the ticket backlog by half."])
    #expect(document.skipped.isEmpty)
  }

  /// The import loads, with a promotion from each level to the next.
  /// cumulative.md: a lead-in that builds on the level below is the level's description and its
  /// `includes`, never a statement; a sentence that builds on it is both.
  @Test func levelsThatBuildOnOthers() throws {
    let document = try Self.read("cumulative.md")
    #expect(document.reader == .levelPages)
    #expect(document.levels.map(\.statements.count) == [2, 1, 2])
    #expect(document.levels[1].description == "In addition to everything an Analyst 1 does:")
    #expect(document.levels[1].includes.map(\.name) == ["Analyst 1"])
    #expect(document.levels[2].includes.map(\.name) == ["Analyst 2"])
    #expect(document.levels[2].statements.first?.line == 16)
    let files = GraphFolderWriter.files(for: [document], organisation: "Acme")
    let graph = try GraphLoader.load(files: files.map { ($0.path, $0.text) })
    let a3 = try #require(graph.nodes(ofKind: "level").first { graph.name(of: $0) == "Analyst 3" })
    #expect(graph.neighbors(of: a3, via: "includes").map { graph.name(of: $0.node) } == ["Analyst 2"])
  }

  @Test func theLadderLoads() throws {
    let reading = Importer.Reading(documents: [
      try Self.read("developer.md"), try Self.read("senior-titles.md"),
    ])
    let files = GraphFolderWriter.files(for: reading.documents, organisation: "Acme")
    let graph = try GraphLoader.load(
      files: files.filter { $0.path.hasSuffix(".yaml") }.map { ($0.path, $0.text) })
    #expect(graph.nodes(ofKind: "level").count == 6)
    let promotions = graph.edges(ofType: graph.schema.edgeTypeNumber("promotes_to") ?? 0).count
    #expect(promotions == 4)
  }
}
