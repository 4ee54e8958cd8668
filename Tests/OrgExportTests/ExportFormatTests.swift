import Foundation
import OrgGraph
import Testing

@testable import OrgExport

/// Every export format, walked from the registry: each variant compared whole with its golden file (named
/// `VARIANT.EXTENSION`, folders as `== path` sections in `FORMAT.txt`), the same bytes twice, and a help
/// line and example of its own.
@Suite("Export formats")
struct ExportFormatTests {
  static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appending(path: "Fixtures/graph.yaml")

  static var variants: [(format: ExportFormat, variant: ExportVariant)] {
    ExportFormat.allCases.flatMap { format in format.exporter.variants.map { (format, $0) } }
  }

  /// The files of a folder export as `== path` sections in path order; a binary file (a workbook) as the
  /// `== path` sections of the zip's entries, in the archive's order.
  static func text(_ output: ExportOutput) throws -> String {
    switch output {
    case .text(let text): return text
    case .files(let files):
      return files.sorted { $0.path < $1.path }.map { "== \($0.path)\n\($0.text)" }.joined()
    case .bytes(let data): return try ZipEntries.text(data)
    }
  }

  /// The golden file of a variant: `VARIANT.EXTENSION`, or `VARIANT.txt` for a folder or a binary file.
  static func golden(_ format: ExportFormat, _ variant: ExportVariant) -> String {
    let exporter = format.exporter
    return "\(variant.name).\(format.writesBytes ? "txt" : exporter.fileExtension ?? "txt")"
  }

  @Test(arguments: variants.indices)
  func eachVariantMatchesItsGoldenFile(_ index: Int) throws {
    let (format, variant) = Self.variants[index]
    let graph = try GraphLoader.load(path: Self.fixture.path)
    let first = try format.export(graph, options: variant.options)
    let second = try format.export(graph, options: variant.options)
    #expect(first == second, "two exports of \(variant.name) differ")
    switch first {
    case .text: #expect(!format.writesFolder && !format.writesBytes)
    case .files: #expect(format.writesFolder)
    case .bytes: #expect(format.writesBytes)
    }
    Golden.check(try Self.text(first), Self.golden(format, variant))
  }

  /// Every golden file belongs to a format: one left behind by a removed format fails here.
  @Test func everyGoldenFileHasAFormat() throws {
    let names = Set(Self.variants.map { Self.golden($0.format, $0.variant) })
    let files = try FileManager.default.contentsOfDirectory(atPath: Golden.directory().path)
    #expect(Set(files) == names)
  }

  @Test func theRegistryHoldsEachFormatOnceInOrder() {
    let names = ExportFormat.allCases.map(\.rawValue)
    // The six formats of the first round, in their order, with JSON (the default) first; a new format
    // takes a position of its own.
    #expect(
      names.filter { ["json", "graphml", "cypher", "neo4j", "csv", "mermaid"].contains($0) }
        == ["json", "graphml", "cypher", "neo4j", "csv", "mermaid"])
    #expect(names.first == "json")
    #expect(Set(names).count == names.count)
    let positions = ExportFormat.allCases.map { $0.exporter.position }
    #expect(Set(positions).count == positions.count, "two formats share a position")
    #expect(ExportFormat(rawValue: "graphml")?.exporter == GraphMLExporter.self)
    #expect(ExportFormat(rawValue: "xml") == nil)
    for format in ExportFormat.allCases {
      #expect(!format.exporter.summary.isEmpty)
      #expect(!format.exporter.examples.isEmpty)
      #expect(format.exporter.examples.allSatisfy { $0.arguments.hasPrefix("--format \(format.rawValue)") })
    }
  }
}

/// The workbook's own rules: sheet names Excel accepts, text XML can hold, cells a spreadsheet holds.
@Suite("XLSX workbook")
struct XLSXExporterTests {
  @Test func sheetNamesAreOnesExcelAccepts() {
    #expect(
      XLSXExporter.sheetNames([
        "Dev/Ops: [core]", "Managers", "managers", String(repeating: "x", count: 40), "'quoted'", "   ",
        String(repeating: "x", count: 40),
      ]) == [
        "Dev Ops   core", "Managers", "managers (2)", String(repeating: "x", count: 31), "quoted", "Ladder",
        String(repeating: "x", count: 27) + " (2)",
      ])
  }

  @Test func textXMLCannotHoldIsReplaced() {
    #expect(
      XMLText.escape("a\u{1}b\tc<&>\"'\u{FFFE}") == "a\u{FFFD}b\tc&lt;&amp;&gt;&quot;&apos;\u{FFFD}")
    #expect(
      XLSXExporter.column(0) == "A" && XLSXExporter.column(25) == "Z" && XLSXExporter.column(26) == "AA")
  }

  /// A statement longer than a cell holds is an error naming the cell, never a workbook Excel refuses.
  @Test func aCellTooLongIsAnError() throws {
    let long = String(repeating: "word ", count: 7_000)
    let yaml = """
      orgraph: 1
      name: long
      roles:
        - id: role:t
          name: T
          has_level:
            - {id: "level:a", name: A, rank: 1, expects: [{text: "\(long)"}]}
      """
    let graph = try GraphLoader.load(files: [("graph.yaml", yaml)])
    #expect(
      throws: ExportError(
        "the cell B2 of the sheet `T` holds 35000 characters; a spreadsheet cell holds at most 32767",
        help: ["`orgraph export --format matrix` writes the same matrices as CSV, which has no such limit"])
    ) { try XLSXExporter.export(graph, options: ExportOptions()) }
  }
}
