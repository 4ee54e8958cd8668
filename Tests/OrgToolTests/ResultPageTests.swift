import Foundation
import OrgGraph
import OrgQuery
import OrgTool
import Testing

/// A result as one self-contained HTML page: compared whole with its golden file (the diagram stands in as
/// a placeholder: Graphviz's SVG is checked by the command's test), everything the user wrote escaped.
@Suite("Result page")
struct ResultPageTests {
  static let date = Date(timeIntervalSince1970: 1_796_000_000)

  @Test func aPageHoldsTheQueryTheTableAndTheDiagram() throws {
    var session = QuerySession(graph: try GraphLoader.loadDefault())
    let query = #"team Cloud <- in_team | select name, count(-> requires) as requirements | sort by name"#
    let outcome = session.run(query, file: "<t>")
    let result = try #require(outcome.results.last)
    let page = ResultPage.html(
      query: query, result: result, graph: session.graph, svg: "<?xml version=\"1.0\"?>\n<svg>diagram</svg>",
      note: nil, date: Self.date)
    Golden.check(page, "result-page.html")
  }

  /// What a person wrote is text, never markup: a query naming `<script>` shows it.
  @Test func everythingIsEscaped() throws {
    var session = QuerySession(graph: try GraphLoader.loadDefault())
    let query = #"roles | where name ~ "<script>alert('x')</script>" | select name"#
    let outcome = session.run(query, file: "<t>")
    let page = ResultPage.html(
      query: query, result: try #require(outcome.results.last), graph: session.graph, svg: nil,
      note: "No diagram: <b>none</b>", date: Self.date)
    #expect(!page.contains("<script"))
    #expect(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
    #expect(page.contains("<p>No diagram: &lt;b&gt;none&lt;/b&gt;</p>"))
    #expect(page.contains("<p>0 rows</p>"))
  }
}
