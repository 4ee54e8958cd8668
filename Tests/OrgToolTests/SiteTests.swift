import Foundation
import OrgGraph
import OrgTool
import Testing

/// `orgraph site`: the pages of a fixture graph compared whole with golden files, every link and anchor
/// resolving, text from the graph never becoming markup, and the default graph's site complete.
@Suite("site")
struct SiteTests {
  static let fixture = Paths.repository.appending(path: "Tests/OrgToolTests/Fixtures/site.yaml")
  static let date = Date(timeIntervalSince1970: 1_796_000_000)

  static func files(_ graph: Graph, diagrams: Bool = false) -> [String: String] {
    Dictionary(
      Site.build(graph, options: Site.Options(date: date, diagrams: diagrams)).map { ($0.path, $0.text) },
      uniquingKeysWith: { a, _ in a })
  }

  @Test(arguments: [
    "index.html", "competencies.html", "level/acme~engineer-2.html", "level/acme~engineer-1.html",
    "role/acme~engineer.html", "competency/kubernetes.html", "team/acme~platform.html",
    "value/acme~candour.html",
    "track/none.html", "assets/search-index.js",
  ])
  func aPageIsAsTheGoldenFileSays(_ path: String) throws {
    let graph = try GraphLoader.load(path: Self.fixture.path)
    let files = Self.files(graph)
    if path == "track/none.html" {
      // The fixture has no tracks: no track pages.
      #expect(!files.keys.contains { $0.hasPrefix("track/") })
      return
    }
    let text = try #require(files[path], "no page \(path); pages: \(files.keys.sorted())")
    Golden.check(text, "site/" + path.replacingOccurrences(of: "/", with: "__"))
  }

  /// Every relative link (in the pages and in their drawings) points at a page of the site, and every
  /// `#anchor` at an id on that page.
  @Test func everyLinkAndAnchorResolves() throws {
    // With the ladders drawn: each level in a drawing links to its page too.
    for graph in [try GraphLoader.load(path: Self.fixture.path), try GraphLoader.loadDefault()] {
      let files = Self.files(graph, diagrams: true)
      var checked = 0
      for (path, text) in files where path.hasSuffix(".html") {
        let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) + "/" : ""
        for match in text.matches(of: /href="([^"]+)"/) {
          let href = String(match.output.1)
          if href.hasPrefix("http") { continue }
          let parts = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(
            String.init)
          let target =
            parts[0].isEmpty
            ? path : URL(fileURLWithPath: "/" + folder + parts[0]).standardized.path.dropFirst().description
          let page = try #require(files[target], "\(path) links to \(href), which is no page")
          if parts.count > 1 {
            #expect(page.contains("id=\"\(parts[1])\""), "\(path) links to \(href): no such anchor")
          }
          checked += 1
        }
      }
      #expect(checked > 50)
    }
  }

  /// The hostile texts of the fixture are text: escaped in elements and attributes, and unable to end the
  /// search index's script.
  @Test func textFromTheGraphNeverBecomesMarkup() throws {
    let files = Self.files(try GraphLoader.load(path: Self.fixture.path))
    for (path, text) in files {
      #expect(!text.contains("<script>window"), "\(path)")
      #expect(!text.contains("onmouseover=\"window"), "\(path)")
      #expect(!text.contains("href=\"javascript:"), "\(path)")
    }
    let index = try #require(files["assets/search-index.js"])
    #expect(!index.contains("</script"))
    #expect(!index.contains("<"))
    let value = try #require(files["value/acme~candour.html"])
    #expect(value.contains("We say what we see &quot; onmouseover=&quot;window.__pwned=1&quot; x=&quot;."))
  }

  /// The default graph: a page for every role, level, track, competency, team and value; each level page
  /// with its ladder drawn by Graphviz; the ids' pages stable.
  @Test func theDefaultGraphHasEveryPage() throws {
    let graph = try GraphLoader.loadDefault()
    let files = Self.files(graph, diagrams: true)
    for kind in Site.pageKinds {
      for node in graph.nodes(ofKind: kind) {
        let path = try #require(Site.path(of: node, in: graph))
        #expect(files[path] != nil, "\(path)")
      }
    }
    let level = try #require(files["level/octopus-deploy~senior-cloud-security-engineer.html"])
    #expect(
      level.contains(
        "<figure class=\"diagram\" role=\"img\" aria-label=\"The ladder of Cloud Security Engineer\">\n<svg"))
    #expect(level.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"profile\""))
    #expect(level.contains("id=\"s-octopus-deploy~senior-cloud-security-engineer~"))
    #expect(Site.slug("level:A/b c") == "_41_~b_20_c")
  }
}
