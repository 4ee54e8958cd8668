import Foundation
import Hummingbird
import OrgGraph
import OrgTool

/// The pages: the query console at `/`, the compare view at `/compare`, the site's pages under `/site/`
/// (made on request by the same code as `orgraph site`), and their assets. No page holds a script of its
/// own text: scripts are files, so the Content-Security-Policy forbids any other.
struct Pages: Sendable {
  let graph: Graph
  /// The site's pages, made on request from what was worked out once.
  let site: Site.Renderer
  /// The search index, made once: it covers the whole graph.
  let searchIndex: String

  init(graph: Graph) {
    self.graph = graph
    // The pages served live link back to the console, which a published site has not.
    self.site = Site.Renderer(graph: graph, options: Site.Options(console: "/"))
    self.searchIndex = site.file(at: "assets/search-index.js") ?? ""
  }

  func answer(_ path: String) throws -> Response {
    switch path {
    case "/", "/index.html": return .text(console, type: "text/html; charset=utf-8")
    case "/compare": return .text(compare, type: "text/html; charset=utf-8")
    case "/assets/console.js": return .text(ConsoleAssets.script, type: "text/javascript; charset=utf-8")
    case "/assets/console.css": return .text(ConsoleAssets.style, type: "text/css; charset=utf-8")
    case "/site": return redirect("/site/")
    case "/favicon.ico": return Response(status: .noContent)
    default: break
    }
    guard path.hasPrefix("/site/") else {
      throw HTTPFailure(.notFound, "no page at \(path)", help: "the console is at /, the site at /site/")
    }
    let inside = String(path.dropFirst("/site/".count))
    // Paths are looked up, never joined to a folder: `..`, encoded or not, finds nothing.
    let decoded = inside.removingPercentEncoding ?? inside
    if decoded == "assets/search-index.js" {
      return .text(searchIndex, type: "text/javascript; charset=utf-8")
    }
    guard let text = site.file(at: decoded) else {
      throw HTTPFailure(.notFound, "the site has no page \(inside)", help: "start at /site/")
    }
    let type =
      decoded.hasSuffix(".css")
      ? "text/css; charset=utf-8"
      : decoded.hasSuffix(".js") ? "text/javascript; charset=utf-8" : "text/html; charset=utf-8"
    return .text(text, type: type)
  }

  func redirect(_ to: String) -> Response {
    var response = Response(status: .movedPermanently)
    response.headers[.location] = to
    return response
  }

  func shell(title: String, body: String) -> String {
    """
    <!doctype html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>\(Site.escape(title)) — \(Site.escape(graph.manifest.name))</title>
    <link rel="stylesheet" href="/assets/console.css">
    </head>
    <body>
    <header><nav aria-label="Server"><strong>\(Site.escape(graph.manifest.name))</strong> <a href="/">Query</a> <a href="/compare">Compare</a> <a href="/site/">Site</a></nav></header>
    <main id="main">
    \(body)
    </main>
    <script src="/assets/console.js"></script>
    </body>
    </html>

    """
  }

  var console: String {
    shell(
      title: "Query",
      body: """
        <h1>Query</h1>
        <form id="query-form" class="console">
        <label for="query">Query <span class="hint">(Tab completes; Ctrl+Enter runs; ↑ in an empty box brings back history)</span></label>
        <textarea id="query" name="query" rows="4" spellcheck="false" autocapitalize="off">roles | select name</textarea>
        <ul id="completions" class="completions" aria-label="Completions"></ul>
        <p><button type="submit">Run</button> <button type="button" id="render">Draw</button>
        <span class="exports">Export: <a id="export-csv" href="#" download="result.csv">CSV</a> <a id="export-json" href="#" download="result.json">JSON</a> <a id="export-svg" href="#" download="result.svg">SVG</a> <a id="export-html" href="#" download="result.html">HTML</a></span></p>
        </form>
        <p id="status" class="status" aria-live="polite"></p>
        <pre id="error" class="error" hidden></pre>
        <div class="panes"><div id="result" class="result"></div><figure id="diagram" class="diagram" aria-label="The result drawn"></figure></div>
        <section><h2>History</h2><ol id="history" class="history"></ol></section>
        """)
  }

  var compare: String {
    // Options name nodes by id (two ladders may each have a "Senior"); a level's label gives its ladder.
    func options(_ kind: String) -> String {
      graph.nodes(ofKind: kind).map { node -> (label: String, value: String) in
        var label = graph.name(of: node)
        if kind == "level" {
          let ladders = graph.neighbors(of: node, via: "has_level", direction: .backward).map {
            graph.name(of: $0.node)
          }
          if !ladders.isEmpty { label += " (" + ladders.joined(separator: ", ") + ")" }
        }
        return (label, "\(kind) \"\(graph.id(of: node))\"")
      }
      .sorted { $0.label < $1.label }
      .map { "<option value=\"\(Site.escape($0.value))\">\(kind): \(Site.escape($0.label))</option>" }
      .joined(separator: "\n")
    }
    let all = options("level") + "\n" + options("role") + "\n" + options("person")
    return shell(
      title: "Compare",
      body: """
        <h1>Compare</h1>
        <form id="compare-form" class="compare">
        <p><label for="from">From</label> <select id="from">\(all)</select></p>
        <p><label for="to">To</label> <select id="to">\(all)</select></p>
        <p><button type="submit">Compare</button></p>
        </form>
        <p id="status" class="status" aria-live="polite"></p>
        <pre id="error" class="error" hidden></pre>
        <h2>Gap</h2><div class="panes"><div id="gap" class="result"></div><figure id="profile" class="diagram" aria-label="Profile chart of the two"></figure></div>
        <h2>Overlap</h2><div class="panes"><div id="overlap" class="result"></div><figure id="overlap-diagram" class="diagram" aria-label="Overlap diagram"></figure></div>
        """)
  }
}
