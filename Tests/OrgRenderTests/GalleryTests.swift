import Foundation
import OrgDiagram
import OrgGraph
import OrgQuery
import OrgRender
import Testing

/// The gallery in docs/gallery: the diagrams of the queries in docs/gallery/queries.txt, as SVG.
///
/// `scripts/gallery.sh` renders them again with `orgraph render`; this test checks that the committed files
/// are the SVG this build draws for those queries (through the same result-to-diagram choice).
@Suite("Gallery")
struct GalleryTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appending(path: "docs/gallery")

  static var entries: [(name: String, query: String)] {
    let text = (try? String(contentsOf: folder.appending(path: "queries.txt"), encoding: .utf8)) ?? ""
    return text.split(separator: "\n").compactMap { line in
      guard !line.hasPrefix("#"), let colon = line.range(of: ": ") else { return nil }
      return (String(line[..<colon.lowerBound]), String(line[colon.upperBound...]))
    }
  }

  @Test func theGalleryHasTheDiagramsTheIssueAsksFor() {
    #expect(
      Self.entries.map(\.name).sorted() == [
        "career-path", "cloud-team", "octopus-security-ladders", "overlap", "rocket-chat-career-path",
      ])
  }

  @Test(arguments: entries.map(\.name))
  func galleryIsCurrent(_ name: String) throws {
    let query = try #require(Self.entries.first { $0.name == name }?.query)
    let graph = try GraphLoader.loadDefault()
    var session = QuerySession(graph: graph)
    let outcome = session.run(query)
    let result = try #require(outcome.results.last, "\(outcome.diagnostics)")
    let svg = try GraphvizRenderer.svg(try Diagram.forResult(result, graph: graph))
    let committed = try String(contentsOf: Self.folder.appending(path: "\(name).svg"), encoding: .utf8)
    #expect(committed == svg, "docs/gallery/\(name).svg is stale: run scripts/gallery.sh")
  }
}
