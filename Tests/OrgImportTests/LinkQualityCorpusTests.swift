import Foundation
import OrgGraph
import Testing

@testable import OrgImport

/// The linker against the labelled set (Tests/OrgImportTests/LinkQuality/labels.tsv): each family's
/// precision and recall — over all links, and over the links at least 0.8 sure — stay within two points of
/// the figures recorded in docs/link-quality.md, and every labelled statement is still found.
@Suite("Link quality on the labelled set")
struct LinkQualityCorpusTests {
  static let fixtureFamilies = ["Matrices", "Structured", "LevelPages"]
  static let corpusFamilies = ["octopus-people-2024", "octopus-people-2021", "rocketchat-handbook-2021"]

  /// The recorded figures: family → (precision, recall, precision ≥ 0.8, recall ≥ 0.8).
  static func recorded() throws -> [String: [Double]] {
    let text = try String(
      contentsOf: Paths.repository.appending(path: "docs/link-quality.md"), encoding: .utf8)
    let start = try #require(text.range(of: "<!-- figures: link-quality -->"))
    let end = try #require(text.range(of: "<!-- end figures -->"))
    var out: [String: [Double]] = [:]
    for line in text[start.upperBound..<end.lowerBound].split(separator: "\n") {
      let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
      guard cells.count == 6, let precision = Double(cells[2]) else { continue }
      out[cells[0]] = [precision] + cells[3...5].compactMap { Double($0) }
    }
    return out
  }

  /// The scores of the families in `folders` (as `scripts/link-quality` gets them, in-process).
  static func scores(_ folders: [URL]) throws -> (
    all: [LinkQuality.Score], sure: [LinkQuality.Score], found: Int
  ) {
    let labels = try String(
      contentsOf: Paths.repository.appending(path: "Tests/OrgImportTests/LinkQuality/labels.tsv"),
      encoding: .utf8)
    var reading = Importer.read(folders.map(\.path))
    let taxonomy = try GraphLoader.loadDefault()
    Importer.link(&reading, with: try CompetencyLinker(taxonomy: taxonomy))
    let canonical = Set(taxonomy.nodes(ofKind: "competency").map { taxonomy.id(of: $0) })
    let families = Set(folders.map(\.lastPathComponent))
    let quality = try LinkQuality(parsing: labels)
    let kept = try LinkQuality(
      parsing: quality.labels.filter { families.contains($0.family) }.map { label in
        labels.split(separator: "\n")[label.line - 1]
      }.joined(separator: "\n"))
    let statements = LinkedStatement.all(in: reading)
    let all = kept.score(statements, canonical: canonical).scores
    let sure = kept.score(statements, canonical: canonical, minimumConfidence: 0.8).scores
    return (all, sure, all.last?.found ?? 0)
  }

  func check(_ folders: [URL]) throws {
    let recorded = try Self.recorded()
    let (all, sure, found) = try Self.scores(folders)
    #expect(
      found == all.last?.labelled, "labelled statements no longer found: a reader or a document changed")
    for (score, strict) in zip(all.dropLast(), sure.dropLast()) {
      let figures = try #require(
        recorded[score.family], "docs/link-quality.md has no row for \(score.family)")
      let measured = [score.precision, score.recall, strict.precision, strict.recall]
      for (name, (now, then)) in zip(
        ["precision", "recall", "precision ≥ 0.8", "recall ≥ 0.8"], zip(measured, figures))
      {
        #expect(now >= then - 0.02, "\(score.family): \(name) is \(now), recorded \(then)")
      }
    }
  }

  @Test func theFixtureFamiliesHoldTheirFigures() throws {
    try check(Self.fixtureFamilies.map { Paths.repository.appending(path: "Tests/OrgImportTests/\($0)") })
  }

  @Test(
    .enabled(
      if: Paths.haveCorpora,
      "../shared/corpora is not beside the repository: the corpus families are not scored"))
  func theCorpusFamiliesHoldTheirFigures() throws {
    try check(Self.corpusFamilies.map { Paths.corpora.appending(path: $0) })
  }
}
