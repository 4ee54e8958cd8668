import Foundation
import OrgGraph
import Testing

@testable import OrgImport

/// XLSX workbooks (made by Workbooks/make-workbooks.py): a sheet per ladder, shared and inline strings,
/// cells of several lines, a formula, a sheet of notes; a part that expands to 40 MB and a workbook of 1,000
/// sheets, both read within bounds.
@Suite("Workbooks")
struct WorkbookTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Workbooks")

  static func source(_ name: String) throws -> OrgImport.SourceDocument {
    let bytes = try Data(contentsOf: folder.appending(path: name))
    return OrgImport.SourceDocument(path: name, bytes: bytes, text: nil)
  }

  @Test func aSheetPerLadder() throws {
    let document = try Importer.read(try Self.source("framework.xlsx"), reader: .auto)
    #expect(document.reader == .matrix)
    #expect(document.readBecause == "a workbook of 2 sheets whose header names levels")
    #expect(
      document.levels.map { "\($0.code ?? "-") \($0.title) [\($0.track ?? "-")]" } == [
        "L1 Junior Engineer [Engineering]", "L2 Engineer [Engineering]", "L3 Senior Engineer [Engineering]",
        "M1 Engineering Manager [Management]", "M2 Senior Engineering Manager [Management]",
      ])
    #expect(document.levels.map(\.statements.count) == [2, 3, 2, 1, 1])
    #expect(
      document.levels[1].statements.map(\.text) == [
        "Reviews code of others.", "Refactors safely.", "Runs services on Kubernetes.",
      ])
    #expect(document.levels[2].statements.first?.text == "Sets the review bar for the team.")
    #expect(
      document.competencies.map { "\($0.name) (\($0.area ?? "-"))" } == [
        "Code review (Delivery)", "Kubernetes (Delivery)", "Hiring (-)",
      ])
    #expect(
      document.warnings.map(\.reason) == [
        "a sheet whose header names no levels: not read",
        "a spreadsheet formula, not its value: kept as written; export the sheet with values (sheet `Engineering`)",
      ])
  }

  @Test func aPartThatExpandsToGigabytesIsRefused() throws {
    #expect(
      throws: ImportError(
        path: "bomb.xlsx",
        message: "its part `xl/worksheets/sheet1.xml` expands to 40 MB, more than a framework holds",
        help: "a competency matrix is a few sheets of text; save the framework's sheets alone")
    ) { try Importer.read(try Self.source("bomb.xlsx"), reader: .auto) }
  }

  @Test func aThousandSheetsAreReadUpToTheLimit() throws {
    let document = try Importer.read(try Self.source("many-sheets.xlsx"), reader: .auto)
    #expect(document.levels.count == 2 * Workbook.maximumSheets)
    #expect(document.warnings.map(\.text) == ["744 sheets"])
  }

  /// Bytes that are a zip but no workbook, or no zip at all, are refused with what they are.
  @Test func notAWorkbook() throws {
    let zip = try Data(
      contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appending(path: "Fixtures/archive.zip"))
    #expect(throws: ImportError.self) {
      try Importer.read(OrgImport.SourceDocument(path: "archive.zip", bytes: zip, text: nil), reader: .matrix)
    }
    #expect(throws: ImportError.self) {
      try Importer.read(
        OrgImport.SourceDocument(path: "x.xlsx", bytes: Data([1, 2, 3, 0]), text: nil), reader: .auto)
    }
  }

  /// The workbook imports as a graph that loads, its sheets as two tracks.
  @Test func theImportLoads() throws {
    var reading = Importer.Reading(documents: [
      try Importer.read(try Self.source("framework.xlsx"), reader: .auto)
    ])
    let (files, failure, _) = GraphFolderWriter.loadableFiles(for: &reading, organisation: "Acme")
    #expect(failure == nil)
    let graph = try GraphLoader.load(
      files: files.filter { $0.path.hasSuffix(".yaml") }.map { ($0.path, $0.text) })
    #expect(
      graph.nodes(ofKind: "track").map { graph.name(of: $0) }.sorted() == ["Engineering", "Management"])
  }
}
