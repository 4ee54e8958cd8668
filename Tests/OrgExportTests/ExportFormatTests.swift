import Foundation
import OrgExport
import OrgGraph
import Testing

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

  /// The files of a folder export as `== path` sections in path order.
  static func text(_ output: ExportOutput) -> String {
    switch output {
    case .text(let text): text
    case .files(let files): files.sorted { $0.path < $1.path }.map { "== \($0.path)\n\($0.text)" }.joined()
    }
  }

  @Test(arguments: variants.indices)
  func eachVariantMatchesItsGoldenFile(_ index: Int) throws {
    let (format, variant) = Self.variants[index]
    let graph = try GraphLoader.load(path: Self.fixture.path)
    let first = try format.export(graph, options: variant.options)
    let second = try format.export(graph, options: variant.options)
    #expect(first == second, "two exports of \(variant.name) differ")
    switch first {
    case .text: #expect(!format.writesFolder)
    case .files: #expect(format.writesFolder)
    }
    Golden.check(Self.text(first), "\(variant.name).\(format.exporter.fileExtension ?? "txt")")
  }

  /// Every golden file belongs to a format: one left behind by a removed format fails here.
  @Test func everyGoldenFileHasAFormat() throws {
    let names = Set(
      Self.variants.map { "\($0.variant.name).\($0.format.exporter.fileExtension ?? "txt")" })
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
