import Foundation
import OrgDiagram
import OrgGraph
import OrgRender

/// The graph as a static site: an index, a page per role, level, track, competency, team and value at
/// stable URLs made from ids, an offline search, and one stylesheet — it works from `file://` and from any
/// static host, and no request leaves it. `orgraph site` writes it; `orgraph serve` serves the same pages.
///
/// ```swift
/// let files = Site.build(graph, options: Site.Options(date: Date()))
/// try OutputFolder.write(files, to: "site", replacing: true)
/// ```
public enum Site {
  /// How to build the site.
  public struct Options: Sendable {
    /// The date the index says the site was made.
    public var date: Date
    /// Whether to draw each ladder with Graphviz (an SVG inside the level, role and track pages).
    public var diagrams: Bool
    /// Where the query console is, when the pages are served by `orgraph serve` (`/`): every page's
    /// navigation links back to it. `nil` for a published site, which has no console.
    public var console: String?

    /// Options for a site made at `date`.
    public init(date: Date = Date(), diagrams: Bool = true, console: String? = nil) {
      self.date = date
      self.diagrams = diagrams
      self.console = console
    }
  }

  /// The kinds that have pages, in the order the index lists them.
  public static let pageKinds = ["role", "level", "track", "competency", "team", "value"]

  /// One file of the site, made on its own, or `nil` when the site has no such file: `index.html`,
  /// `level/….html`, `assets/site.css` …. To make many, make a ``Renderer`` once.
  public static func file(at path: String, of graph: Graph, options: Options = Options()) -> String? {
    Renderer(graph: graph, options: options).file(at: path)
  }

  /// Makes the site's files one at a time, as `orgraph serve` answers requests: what every page needs (the
  /// competencies' names, the documents, the page of each path) is worked out once, not per request.
  public struct Renderer: Sendable {
    let template: SiteBuilder
    let pages: [String: NodeID]

    /// A renderer of `graph`'s site.
    public init(graph: Graph, options: Options = Options()) {
      template = SiteBuilder(graph: graph, options: options)
      var pages: [String: NodeID] = [:]
      for kind in pageKinds {
        for node in graph.nodes(ofKind: kind) {
          if let path = Site.path(of: node, in: graph) { pages[path] = node }
        }
      }
      self.pages = pages
    }

    /// The file at `path` inside the site, or `nil`.
    public func file(at path: String) -> String? {
      var builder = template
      switch path {
      case "", "index.html": return builder.index()
      case "competencies.html": return builder.competencyIndex()
      case "assets/site.css": return SiteAssets.style + ProfileChart.style
      case "assets/search.js": return SiteAssets.script
      case "assets/search-index.js": return builder.searchIndex()
      default: return pages[path].map { builder.page(for: $0) }
      }
    }
  }

  /// The site's files: pages, the search index and the assets.
  public static func build(_ graph: Graph, options: Options = Options()) -> [ExportFile] {
    var builder = SiteBuilder(graph: graph, options: options)
    return builder.files()
  }

  /// The path of a node's page inside the site (`level/octopus-deploy~senior-cloud-security-engineer.html`),
  /// or `nil` for a kind without pages. Stable across rebuilds: made from the id alone.
  public static func path(of node: NodeID, in graph: Graph) -> String? {
    let kind = graph.kind(of: node).name
    guard pageKinds.contains(kind) else { return nil }
    return "\(kind)/\(slug(graph.id(of: node))).html"
  }

  /// A file name for an id: the id without its `kind:`, lower-case letters, digits, `.` and `-` as they
  /// are, `/` as `~`, every other character as `_` and its code point in hexadecimal — one id, one name,
  /// whatever the file system's case rules.
  public static func slug(_ id: String) -> String {
    let body = id.firstIndex(of: ":").map { id[id.index(after: $0)...] } ?? id[...]
    var out = ""
    for scalar in body.unicodeScalars {
      switch scalar {
      case "a"..."z", "0"..."9", ".", "-": out.unicodeScalars.append(scalar)
      case "/": out += "~"
      default: out += "_" + String(scalar.value, radix: 16) + "_"
      }
    }
    return out.isEmpty ? "_" : String(out.prefix(180))
  }

  /// `text` escaped for HTML text and attributes, as every page of the site escapes it.
  public static func escape(_ text: String) -> String { ResultPage.escape(text) }

  /// An anchor name for an id inside a page: `s-` for a statement, `r-` for a requirement.
  static func anchor(_ prefix: String, _ id: String) -> String { prefix + slug(id) }
}

/// Builds the pages of one graph.
struct SiteBuilder: Sendable {
  let graph: Graph
  let options: Site.Options
  var ladders: [NodeID: String] = [:]
  /// The Graphviz helper this builder's ladders are drawn in; `nil` for the tool's own (or in this process).
  var worker: RenderWorker?
  /// Competency names by id, made once for every profile chart.
  let names: [String: String]
  /// The manifest's documents by id.
  let documents: [String: SourceDocument]
  /// The date the pages say they were made, formatted once.
  let made: String
  /// Each node's page (by its index), made once: a large site links to the same nodes from thousands of
  /// pages.
  let paths: [String?]

  init(graph: Graph, options: Site.Options) {
    self.graph = graph
    self.options = options
    var paths = [String?](repeating: nil, count: graph.nodeCount)
    for kind in Site.pageKinds where graph.schema.kind(kind) != nil {
      for node in graph.nodes(ofKind: kind) { paths[node.index] = Site.path(of: node, in: graph) }
    }
    self.paths = paths
    self.names = ProfileChart.names(in: graph)
    self.documents = Dictionary(graph.manifest.documents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    self.made = ResultPage.stamp(options.date)
  }

  // MARK: - Helpers

  func escape(_ text: String) -> String { ResultPage.escape(text) }

  /// `node`'s page, or `nil` when its kind has none.
  func path(_ node: NodeID) -> String? { node.index < paths.count ? paths[node.index] : nil }

  func string(_ name: String, _ node: NodeID) -> String? {
    switch graph.property(name, of: node) {
    case .string(let s)?: return s
    case .int(let i)?: return String(i)
    default: return nil
    }
  }

  /// A link to `node`'s page from a page `depth` folders down, or its name when it has no page.
  func link(_ node: NodeID, depth: Int, anchor: String? = nil, text: String? = nil) -> String {
    let name = escape(text ?? graph.name(of: node))
    guard let path = path(node) else { return name }
    let href = String(repeating: "../", count: depth) + path + (anchor.map { "#" + $0 } ?? "")
    return "<a href=\"\(href)\">\(name)</a>"
  }

  func neighbors(_ node: NodeID, _ edge: String, _ direction: Direction = .forward) -> [NodeID] {
    graph.neighbors(of: node, via: edge, direction: direction).map(\.node)
  }

  /// Levels in ladder order: rank, then name.
  func ordered(_ levels: [NodeID]) -> [NodeID] {
    levels.sorted {
      let a = Int(string("rank", $0) ?? "") ?? Int.max
      let b = Int(string("rank", $1) ?? "") ?? Int.max
      return (a, graph.name(of: $0), graph.id(of: $0)) < (b, graph.name(of: $1), graph.id(of: $1))
    }
  }

  /// Where a statement comes from, as text with a link to its origin when that is a web address.
  func source(_ node: NodeID) -> String {
    guard case .source(let s)? = graph.property("source", of: node) else { return "" }
    let document = documents[s.document]
    let title = escape(document?.title ?? s.document)
    let origin = document?.origin ?? ""
    let place = "\(title), line \(s.line)"
    if origin.hasPrefix("https://") || origin.hasPrefix("http://") {
      return "<a class=\"origin\" href=\"\(escape(origin))\">\(place)</a>"
    }
    return place
  }

  /// The page shell: head, header with navigation and search, `body`, footer.
  func page(title: String, depth: Int, body: String) -> String {
    let root = String(repeating: "../", count: depth)
    return """
      <!doctype html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta name="generator" content="OrgGraph \(escape(OrgGraphVersion.string))">
      <title>\(escape(title)) — \(escape(graph.manifest.name))</title>
      <link rel="stylesheet" href="\(root)assets/site.css">
      </head>
      <body data-root="\(root)">
      <a class="skip" href="#main">Skip to the content</a>
      <header>
      <nav aria-label="Site"><a href="\(root)index.html">\(escape(graph.manifest.name))</a> <a href="\(root)competencies.html">Competencies</a>\(options.console.map { " <a href=\"\(escape($0))\">Query console</a>" } ?? "")</nav>
      <form class="search" role="search" action="\(root)index.html">
      <label for="search">Search</label>
      <input type="search" id="search" name="q" placeholder="roles, levels, competencies, statements" aria-describedby="search-status">
      <p id="search-status" class="status" aria-live="polite"></p>
      <ul id="search-results" class="results"></ul>
      </form>
      </header>
      <main id="main">
      \(body)
      </main>
      <footer><p>Made by OrgGraph on \(escape(made)) from \(escape(graph.manifest.name)).</p></footer>
      <script src="\(root)assets/search-index.js"></script>
      <script src="\(root)assets/search.js"></script>
      </body>
      </html>

      """
  }

  // MARK: - Files

  mutating func files() -> [ExportFile] {
    let out: [ExportFile] = [
      ExportFile(path: "index.html", text: index()),
      ExportFile(path: "competencies.html", text: competencyIndex()),
      ExportFile(path: "assets/site.css", text: SiteAssets.style + ProfileChart.style),
      ExportFile(path: "assets/search.js", text: SiteAssets.script),
      ExportFile(path: "assets/search-index.js", text: searchIndex()),
    ]
    // Graphviz draws one diagram at a time: the ladders are drawn on one thread while the pages that show
    // none (competencies, teams, values) are made on every core; then the pages that show a ladder (roles,
    // levels, tracks). Tens of thousands of pages for a large graph.
    var plain: [(path: String, node: NodeID)] = []
    var drawn: [(path: String, node: NodeID)] = []
    for kind in Site.pageKinds {
      for node in graph.nodes(ofKind: kind) {
        guard let path = path(node) else { continue }
        if options.diagrams && Self.showsALadder.contains(kind) {
          drawn.append((path, node))
        } else {
          plain.append((path, node))
        }
      }
    }
    let group = DispatchGroup()
    let ladders = Ladders()
    if options.diagrams {
      let owners = ["role", "track"].filter { graph.schema.kind($0) != nil }.flatMap {
        graph.nodes(ofKind: $0)
      }
      // With the tool's Graphviz helper and more than one core, a second helper draws half the ladders of
      // a large site: each process lays out one diagram at a time.
      var shares = [(owners: owners[...], worker: RenderWorker?.none)]
      if let main = GraphvizRenderer.worker, owners.count >= 64,
        ProcessInfo.processInfo.activeProcessorCount > 1
      {
        let half = owners.count / 2
        shares = [
          (owners[..<half], nil),
          (
            owners[half...],
            RenderWorker(executable: main.executable, arguments: main.arguments, timeout: main.timeout)
          ),
        ]
      }
      let template = self
      for share in shares {
        DispatchQueue.global().async(group: group) {
          var drawer = template
          drawer.worker = share.worker
          for owner in share.owners { _ = drawer.ladder(owner) }
          ladders.add(drawer.ladders)
          share.worker?.stop()
        }
      }
    }
    let first = Self.pages(plain, builder: self)
    group.wait()
    self.ladders = ladders.get()
    return out + first + Self.pages(drawn, builder: self)
  }

  /// The kinds whose pages show a ladder.
  static let showsALadder: Set<String> = ["role", "level", "track"]

  /// The ladders drawn on their own threads, handed back.
  final class Ladders: @unchecked Sendable {
    private let lock = NSLock()
    private var drawn: [NodeID: String] = [:]
    func add(_ value: [NodeID: String]) { lock.withLock { drawn.merge(value) { a, _ in a } } }
    func get() -> [NodeID: String] { lock.withLock { drawn } }
  }

  /// The pages of `nodes`, made on every core and returned in `nodes`' order.
  static func pages(_ nodes: [(path: String, node: NodeID)], builder: SiteBuilder) -> [ExportFile] {
    let workers = nodes.count < 256 ? 1 : max(1, min(ProcessInfo.processInfo.activeProcessorCount, 16))
    let share = (nodes.count + workers - 1) / max(workers, 1)
    let pages = PageShares(count: workers)
    DispatchQueue.concurrentPerform(iterations: workers) { w in
      var mine = builder
      let range = min(w * share, nodes.count)..<min((w + 1) * share, nodes.count)
      pages.set(w, nodes[range].map { ExportFile(path: $0.path, text: mine.page(for: $0.node)) })
    }
    return pages.all
  }

  /// The pages each worker made, kept in the workers' order so the files come out in the same order however
  /// the work was shared.
  final class PageShares: @unchecked Sendable {
    private let lock = NSLock()
    private var shares: [[ExportFile]]
    init(count: Int) { shares = Array(repeating: [], count: count) }
    func set(_ index: Int, _ files: [ExportFile]) { lock.withLock { shares[index] = files } }
    var all: [ExportFile] { lock.withLock { shares.flatMap { $0 } } }
  }

  /// The page of a node of a kind with pages.
  mutating func page(for node: NodeID) -> String {
    switch graph.kind(of: node).name {
    case "role": return rolePage(node)
    case "level": return levelPage(node)
    case "track": return trackPage(node)
    case "competency": return competencyPage(node)
    case "team": return teamPage(node)
    default: return valuePage(node)
    }
  }

  // MARK: - Index

  func index() -> String {
    var body = "<h1>\(escape(graph.manifest.name))</h1>\n"
    if let description = graph.manifest.description { body += "<p>\(escape(description))</p>\n" }
    let stats = graph.statistics
    body +=
      "<p class=\"meta\">\(stats.nodes) nodes and \(stats.edges) edges; made \(escape(made)).</p>\n"
    body +=
      "<table class=\"counts\"><caption>What the graph holds</caption><thead><tr><th scope=\"col\">kind</th><th scope=\"col\">count</th></tr></thead><tbody>\n"
    for k in stats.kinds where k.count > 0 {
      body += "<tr><td>\(escape(k.kind))</td><td>\(k.count)</td></tr>\n"
    }
    body += "</tbody></table>\n"
    var listed = Set<NodeID>()
    for org in graph.nodes(ofKind: "org") {
      body += "<section><h2>\(escape(graph.name(of: org)))</h2>\n"
      let teams = neighbors(org, "part_of", .backward).filter { graph.kind(of: $0).name == "team" }
      for team in teams {
        let roles = neighbors(team, "in_team", .backward)
        listed.formUnion(roles)
        body += "<h3>\(link(team, depth: 0))</h3>\n"
        if roles.isEmpty { continue }
        body +=
          "<ul>\n" + roles.map { "<li>\(link($0, depth: 0))\(levelsInline($0))</li>\n" }.joined() + "</ul>\n"
      }
      let tracks = neighbors(org, "part_of", .backward).filter { graph.kind(of: $0).name == "track" }
      if !tracks.isEmpty {
        body += "<h3>Tracks</h3>\n<ul>\n"
        body += tracks.map { "<li>\(link($0, depth: 0))\(levelsInline($0))</li>\n" }.joined() + "</ul>\n"
      }
      body += "</section>\n"
    }
    let others = graph.nodes(ofKind: "role").filter { !listed.contains($0) }
    if !others.isEmpty {
      body += "<section><h2>Roles in no team</h2>\n<ul>\n"
      body +=
        others.map { "<li>\(link($0, depth: 0))\(levelsInline($0))</li>\n" }.joined() + "</ul></section>\n"
    }
    let tracks = graph.nodes(ofKind: "track").filter { neighbors($0, "part_of").isEmpty }
    if !tracks.isEmpty {
      body += "<section><h2>Tracks</h2>\n<ul>\n"
      body +=
        tracks.map { "<li>\(link($0, depth: 0))\(levelsInline($0))</li>\n" }.joined() + "</ul></section>\n"
    }
    let values = graph.nodes(ofKind: "value")
    if !values.isEmpty {
      body += "<section><h2>Values</h2>\n<ul>\n"
      body += values.map { "<li>\(link($0, depth: 0))</li>\n" }.joined() + "</ul></section>\n"
    }
    body +=
      "<p><a href=\"competencies.html\">All \(graph.nodes(ofKind: "competency").count) competencies, by area</a></p>\n"
    return page(title: "Overview", depth: 0, body: body)
  }

  /// ": L1 Junior …, L2 …" after a role or track in a list.
  func levelsInline(_ owner: NodeID) -> String {
    let levels = ordered(neighbors(owner, "has_level"))
    guard !levels.isEmpty else { return "" }
    return ": " + levels.map { link($0, depth: 0, text: levelTitle($0)) }.joined(separator: ", ")
  }

  /// "L3 Senior Cloud Security Engineer"; the name alone when the code is the name ("Intern").
  func levelTitle(_ level: NodeID) -> String {
    let name = graph.name(of: level)
    guard let code = string("code", level), code.lowercased() != name.lowercased() else { return name }
    return code + " " + name
  }

  func competencyIndex() -> String {
    var byArea: [String: [NodeID]] = [:]
    for c in graph.nodes(ofKind: "competency") { byArea[string("area", c) ?? "Other", default: []].append(c) }
    var body =
      "<h1>Competencies</h1>\n<p>\(graph.nodes(ofKind: "competency").count) competencies in \(byArea.count) areas.</p>\n"
    for area in byArea.keys.sorted() {
      body += "<section><h2>\(escape(area))</h2>\n<ul class=\"columns\">\n"
      let sorted = (byArea[area] ?? []).sorted { graph.name(of: $0) < graph.name(of: $1) }
      body += sorted.map { "<li>\(link($0, depth: 0))</li>\n" }.joined() + "</ul></section>\n"
    }
    return page(title: "Competencies", depth: 0, body: body)
  }

  // MARK: - Ladders

  /// The ladder of `owner` (a role or track) as inline SVG, drawn once per owner.
  mutating func ladder(_ owner: NodeID) -> String? {
    guard options.diagrams else { return nil }
    if let svg = ladders[owner] { return svg.isEmpty ? nil : svg }
    var svg = ""
    if var diagram = try? LadderDiagram(graph: graph, owner: owner).diagram {
      // Each level in the drawing links to its page (ladder pages sit one folder down, as every page does).
      for i in diagram.nodes.indices {
        guard let node = graph.node(withID: diagram.nodes[i].id), let path = path(node)
        else {
          continue
        }
        diagram.nodes[i].attributes["URL"] = .text("../" + path)
        diagram.nodes[i].attributes["tooltip"] = .text(graph.name(of: node))
      }
      guard let drawn = try? GraphvizRenderer.svg(diagram, in: worker) else {
        ladders[owner] = ""
        return nil
      }
      svg = ResultPage.inline(drawn)
    }
    ladders[owner] = svg
    return svg.isEmpty ? nil : svg
  }

  func figure(_ svg: String, label: String) -> String {
    "<figure class=\"diagram\" role=\"img\" aria-label=\"\(escape(label))\">\n\(svg)\n</figure>\n"
  }

  // MARK: - Statements and requirements

  /// The statements (or examples) of `owner` through `edge`, grouped by section, each with its anchor.
  func statements(_ owner: NodeID, via edge: String, heading: String, depth: Int) -> String {
    let nodes = neighbors(owner, edge)
    guard !nodes.isEmpty else { return "" }
    var sections: [(String, [NodeID])] = []
    for n in nodes {
      let section = string("section", n) ?? ""
      if let i = sections.firstIndex(where: { $0.0 == section }) {
        sections[i].1.append(n)
      } else {
        sections.append((section, [n]))
      }
    }
    var out = "<section class=\"statements\"><h2>\(escape(heading))</h2>\n"
    for (section, list) in sections {
      if !section.isEmpty { out += "<h3>\(escape(section))</h3>\n" }
      out += "<ul>\n"
      for n in list {
        let text = string("text", n) ?? graph.name(of: n)
        let competencies = neighbors(n, "expresses").filter { graph.kind(of: $0).name == "competency" }
        out += "<li id=\"\(Site.anchor("s-", graph.id(of: n)))\"><q>\(escape(text))</q>"
        out += " <span class=\"source\">\(source(n))</span>"
        if !competencies.isEmpty {
          out += " <span class=\"expresses\">→ "
          out += competencies.map { link($0, depth: depth) }.joined(separator: ", ") + "</span>"
        }
        out += "</li>\n"
      }
      out += "</ul>\n"
    }
    return out + "</section>\n"
  }

  /// The requirements table of a level or role: competency, proficiency, and the sentences behind it.
  func requirements(_ owner: NodeID, depth: Int) -> String {
    let held = graph.holdings(of: owner)
    guard !held.isEmpty else { return "" }
    var out = "<section><h2>Requirements</h2>\n<table><thead><tr><th scope=\"col\">competency</th>"
    out += "<th scope=\"col\">proficiency</th><th scope=\"col\">from</th></tr></thead><tbody>\n"
    let rows = held.sorted { graph.name(of: $0.competency) < graph.name(of: $1.competency) }
    for (competency, holding, edge) in rows {
      var from: [String] = []
      if case .string(let q)? = graph.property("quote", of: edge) { from.append("<q>\(escape(q))</q>") }
      if case .nodes(let list)? = graph.property("evidence", of: edge) {
        for n in list {
          let text = escape(string("text", n) ?? graph.name(of: n))
          from.append("<a href=\"#\(Site.anchor("s-", graph.id(of: n)))\">\(text)</a>")
        }
      }
      out +=
        "<tr id=\"\(Site.anchor("r-", graph.id(of: competency)))\"><td>\(link(competency, depth: depth))</td>"
      out += "<td>\(escape(holding.description))</td><td>\(from.joined(separator: "<br>"))</td></tr>\n"
    }
    return out + "</tbody></table></section>\n"
  }

  // MARK: - Pages

  mutating func levelPage(_ level: NodeID) -> String {
    let depth = 1
    var body = "<article>\n<h1>\(escape(levelTitle(level)))</h1>\n"
    let owners = neighbors(level, "has_level", .backward)
    if !owners.isEmpty {
      body += "<p class=\"meta\">Level of " + owners.map { link($0, depth: depth) }.joined(separator: ", ")
      let teams = owners.flatMap { neighbors($0, "in_team") }
      if !teams.isEmpty { body += " in " + teams.map { link($0, depth: depth) }.joined(separator: ", ") }
      body += "</p>\n"
    }
    if let archetype = string("archetype", level) {
      body += "<blockquote>\(escape(archetype))</blockquote>\n"
    }
    if let description = string("description", level) { body += "<p>\(escape(description))</p>\n" }
    let metadata = [
      ("planning_horizon", "Planning horizon"), ("impact_radius", "Impact radius"),
      ("evaluation", "Evaluation"),
      ("direction_needed", "Responsibility and direction needed"),
    ].compactMap { key, label in string(key, level).map { (label, $0) } }
    if !metadata.isEmpty {
      body += "<dl class=\"metadata\">\n"
      body += metadata.map { "<dt>\(escape($0.0))</dt><dd>\(escape($0.1))</dd>\n" }.joined() + "</dl>\n"
    }
    // What it adds over the level below: the gap from each level promoting to it.
    let below = neighbors(level, "promotes_to", .backward)
    for lower in below {
      let rows = graph.gap(from: lower, to: level).filter { $0.change != .unchanged }
      body += "<section><h2>What it adds over \(link(lower, depth: depth, text: levelTitle(lower)))</h2>\n"
      if graph.holdings(of: level).isEmpty && graph.holdings(of: lower).isEmpty {
        body += "<p>Neither level has recorded requirements: the documents describe them in words only.</p>\n"
      } else if rows.isEmpty {
        body += "<p>The same requirements at the same proficiencies.</p>\n"
      } else {
        if graph.holdings(of: lower).isEmpty {
          body +=
            "<p>The level below has no recorded requirements, so every requirement here shows as added.</p>\n"
        }
        body += "<table><thead><tr><th scope=\"col\">competency</th><th scope=\"col\">before</th>"
        body += "<th scope=\"col\">after</th><th scope=\"col\">change</th></tr></thead><tbody>\n"
        for row in rows {
          body +=
            "<tr><td>\(link(row.competency, depth: depth))</td><td>\(escape(row.before.description))</td>"
          body += "<td>\(escape(row.after.description))</td><td>\(escape(row.change.rawValue))</td></tr>\n"
        }
        body += "</tbody></table>\n"
      }
      body += "</section>\n"
    }
    body += requirements(level, depth: depth)
    let chart =
      below.first.flatMap { ProfileChart.gap(from: $0, to: level, in: graph, names: names) }
      ?? ProfileChart.of(level, in: graph, names: names)
    if let chart {
      body += "<section><h2>Profile</h2>\n"
      body +=
        "<figure class=\"profile\">\n\(chart.svg(title: "Proficiency profile of \(graph.name(of: level))"))\n"
      body +=
        "<figcaption>Rated requirements by proficiency\(chart.series.count > 1 ? ", over the level below (dashed)" : "")"
      body += chart.left > 0 ? "; \(chart.left) more rated competencies are in the table above" : ""
      body += ".</figcaption></figure></section>\n"
    }
    body += statements(level, via: "expects", heading: "Statements", depth: depth)
    body += statements(level, via: "has_example", heading: "Examples", depth: depth)
    body += moves(level, depth: depth)
    for owner in owners {
      if let svg = ladder(owner) {
        body += "<section><h2>Ladder of \(escape(graph.name(of: owner)))</h2>\n"
        body += figure(svg, label: "The ladder of \(graph.name(of: owner))") + "</section>\n"
      }
    }
    body += "</article>\n"
    return page(title: levelTitle(level), depth: depth, body: body)
  }

  /// Promotions and lateral moves into and out of a level or role.
  func moves(_ node: NodeID, depth: Int) -> String {
    let up = neighbors(node, "promotes_to")
    let from = neighbors(node, "promotes_to", .backward)
    let lateral = graph.neighbors(of: node, via: "lateral")
    guard !up.isEmpty || !from.isEmpty || !lateral.isEmpty else { return "" }
    var out = "<section><h2>Moves</h2>\n<ul>\n"
    for n in up { out += "<li>Promotion to \(link(n, depth: depth, text: levelTitle(n)))</li>\n" }
    for n in from { out += "<li>Promotion from \(link(n, depth: depth, text: levelTitle(n)))</li>\n" }
    for (n, edge) in lateral {
      var score = ""
      if case .number(let s)? = graph.property("score", of: edge) {
        score = String(format: " (similarity %.2f)", s)
      }
      let origin = graph.origin(of: edge)
      out +=
        "<li>\(origin == "inferred" ? "Inferred lateral move" : "Lateral move") to \(link(n, depth: depth, text: levelTitle(n)))\(score)</li>\n"
    }
    return out + "</ul></section>\n"
  }

  mutating func rolePage(_ role: NodeID) -> String {
    let depth = 1
    var body = "<article>\n<h1>\(escape(graph.name(of: role)))</h1>\n"
    let teams = neighbors(role, "in_team")
    let tracks = neighbors(role, "in_track")
    if !teams.isEmpty || !tracks.isEmpty {
      body += "<p class=\"meta\">"
      if !teams.isEmpty {
        body += "Team: " + teams.map { link($0, depth: depth) }.joined(separator: ", ") + ". "
      }
      if !tracks.isEmpty {
        body += "Track: " + tracks.map { link($0, depth: depth) }.joined(separator: ", ") + "."
      }
      body += "</p>\n"
    }
    if let purpose = string("purpose", role) { body += "<h2>Purpose</h2>\n<p>\(escape(purpose))</p>\n" }
    if let description = string("description", role) { body += "<p>\(escape(description))</p>\n" }
    let levels = ordered(neighbors(role, "has_level"))
    if !levels.isEmpty {
      body += "<section><h2>Levels</h2>\n<ol>\n"
      for level in levels {
        let next = neighbors(level, "promotes_to")
        body += "<li>\(link(level, depth: depth, text: levelTitle(level)))"
        if !next.isEmpty {
          body += " → " + next.map { link($0, depth: depth, text: levelTitle($0)) }.joined(separator: ", ")
        }
        body += "</li>\n"
      }
      body += "</ol></section>\n"
    }
    let values = neighbors(role, "embodies")
    if !values.isEmpty {
      body +=
        "<section><h2>Values</h2>\n<ul>\n" + values.map { "<li>\(link($0, depth: depth))</li>\n" }.joined()
      body += "</ul></section>\n"
    }
    body += requirements(role, depth: depth)
    body += statements(role, via: "expects", heading: "Statements", depth: depth)
    body += moves(role, depth: depth)
    if let svg = ladder(role) {
      body += "<section><h2>Career path</h2>\n" + figure(svg, label: "The ladder of \(graph.name(of: role))")
      body += "</section>\n"
    }
    body += "</article>\n"
    return page(title: graph.name(of: role), depth: depth, body: body)
  }

  mutating func trackPage(_ track: NodeID) -> String {
    let depth = 1
    var body = "<article>\n<h1>\(escape(graph.name(of: track)))</h1>\n"
    if let description = string("description", track) { body += "<p>\(escape(description))</p>\n" }
    let roles = neighbors(track, "in_track", .backward)
    if !roles.isEmpty {
      body +=
        "<p class=\"meta\">Roles: " + roles.map { link($0, depth: depth) }.joined(separator: ", ") + "</p>\n"
    }
    let levels = ordered(neighbors(track, "has_level"))
    if !levels.isEmpty {
      body += "<section><h2>Levels</h2>\n<ol>\n"
      body +=
        levels.map { "<li>\(link($0, depth: depth, text: levelTitle($0)))</li>\n" }.joined()
        + "</ol></section>\n"
    }
    if let svg = ladder(track) {
      body += "<section><h2>Career path</h2>\n" + figure(svg, label: "The ladder of \(graph.name(of: track))")
      body += "</section>\n"
    }
    body += "</article>\n"
    return page(title: graph.name(of: track), depth: depth, body: body)
  }

  func competencyPage(_ competency: NodeID) -> String {
    let depth = 1
    var body = "<article>\n<h1>\(escape(graph.name(of: competency)))</h1>\n"
    if let area = string("area", competency) { body += "<p class=\"meta\">Area: \(escape(area))</p>\n" }
    if let description = string("description", competency) { body += "<p>\(escape(description))</p>\n" }
    if case .strings(let aliases)? = graph.property("aliases", of: competency), !aliases.isEmpty {
      body +=
        "<p>Also called: "
        + aliases.map { "<span class=\"alias\">\(escape($0))</span>" }.joined(separator: ", ")
      body += "</p>\n"
    }
    let broader = neighbors(competency, "broader")
    let narrower = neighbors(competency, "broader", .backward)
    if !broader.isEmpty {
      body += "<p>Part of: " + broader.map { link($0, depth: depth) }.joined(separator: ", ") + "</p>\n"
    }
    if !narrower.isEmpty {
      body += "<p>Narrower: " + narrower.map { link($0, depth: depth) }.joined(separator: ", ") + "</p>\n"
    }
    if case .strings(let uris)? = graph.property("esco", of: competency), !uris.isEmpty {
      body +=
        "<p>ESCO: "
        + uris.map { uri in
          uri.hasPrefix("http://") || uri.hasPrefix("https://")
            ? "<a href=\"\(escape(uri))\">\(escape(uri))</a>" : escape(uri)
        }.joined(separator: ", ") + "</p>\n"
    }
    let requiredBy = graph.neighbors(of: competency, via: "requires", direction: .backward)
    if !requiredBy.isEmpty {
      body += "<section><h2>Required by</h2>\n<table><thead><tr><th scope=\"col\">role or level</th>"
      body += "<th scope=\"col\">proficiency</th></tr></thead><tbody>\n"
      for (owner, edge) in requiredBy {
        var proficiency = "unrated"
        if case .enumCase(let p)? = graph.property("proficiency", of: edge) { proficiency = p.name }
        let anchor = Site.anchor("r-", graph.id(of: competency))
        let title = graph.kind(of: owner).name == "level" ? levelTitle(owner) : graph.name(of: owner)
        body += "<tr><td>\(link(owner, depth: depth, anchor: anchor, text: title))</td>"
        body += "<td>\(escape(proficiency))</td></tr>\n"
      }
      body += "</tbody></table></section>\n"
    }
    let expressedBy = neighbors(competency, "expresses", .backward)
    if !expressedBy.isEmpty {
      body += "<section><h2>Statements that express it</h2>\n<ul>\n"
      for statement in expressedBy {
        let text = escape(string("text", statement) ?? graph.name(of: statement))
        let owners = neighbors(statement, "expects", .backward)
        let anchor = Site.anchor("s-", graph.id(of: statement))
        body += "<li><q>\(text)</q> — "
        body += owners.map { o in
          link(o, depth: depth, anchor: anchor, text: graph.kind(of: o).name == "level" ? levelTitle(o) : nil)
        }.joined(separator: ", ")
        body += " <span class=\"source\">\(source(statement))</span></li>\n"
      }
      body += "</ul></section>\n"
    }
    body += "</article>\n"
    return page(title: graph.name(of: competency), depth: depth, body: body)
  }

  func teamPage(_ team: NodeID) -> String {
    let depth = 1
    var body = "<article>\n<h1>\(escape(graph.name(of: team)))</h1>\n"
    let parents = neighbors(team, "part_of")
    if !parents.isEmpty {
      body +=
        "<p class=\"meta\">Part of " + parents.map { link($0, depth: depth) }.joined(separator: ", ")
        + "</p>\n"
    }
    if let purpose = string("purpose", team) { body += "<p>\(escape(purpose))</p>\n" }
    let leads = neighbors(team, "leads", .backward)
    if !leads.isEmpty {
      body += "<p>Led by " + leads.map { escape(graph.name(of: $0)) }.joined(separator: ", ") + "</p>\n"
    }
    let roles = neighbors(team, "in_team", .backward)
    if !roles.isEmpty {
      body += "<section><h2>Roles</h2>\n<ul>\n"
      body += roles.map { "<li>\(link($0, depth: depth))</li>\n" }.joined() + "</ul></section>\n"
    }
    let teams = neighbors(team, "part_of", .backward).filter { graph.kind(of: $0).name == "team" }
    if !teams.isEmpty {
      body += "<section><h2>Teams</h2>\n<ul>\n"
      body += teams.map { "<li>\(link($0, depth: depth))</li>\n" }.joined() + "</ul></section>\n"
    }
    let values = neighbors(team, "embodies")
    if !values.isEmpty {
      body += "<section><h2>Values</h2>\n<ul>\n"
      body += values.map { "<li>\(link($0, depth: depth))</li>\n" }.joined() + "</ul></section>\n"
    }
    body += "</article>\n"
    return page(title: graph.name(of: team), depth: depth, body: body)
  }

  func valuePage(_ value: NodeID) -> String {
    let depth = 1
    var body = "<article>\n<h1>\(escape(graph.name(of: value)))</h1>\n"
    if let text = string("text", value) {
      body += "<blockquote>\(escape(text)) <span class=\"source\">\(source(value))</span></blockquote>\n"
    }
    let by = neighbors(value, "embodies", .backward)
    if !by.isEmpty {
      body += "<section><h2>Embodied by</h2>\n<ul>\n"
      body += by.map { "<li>\(link($0, depth: depth))</li>\n" }.joined() + "</ul></section>\n"
    }
    let expressedBy = neighbors(value, "expresses", .backward)
    if !expressedBy.isEmpty {
      body += "<section><h2>Statements that express it</h2>\n<ul>\n"
      for statement in expressedBy {
        body += "<li><q>\(escape(string("text", statement) ?? graph.name(of: statement)))</q></li>\n"
      }
      body += "</ul></section>\n"
    }
    body += "</article>\n"
    return page(title: graph.name(of: value), depth: depth, body: body)
  }

  // MARK: - Search

  /// The search index as a script that sets `ORGRAPH_SEARCH`: one entry per page and per statement —
  /// `[title, kind, path, more words]` — in JSON with every `<` escaped, so no text can end the script.
  func searchIndex() -> String {
    var entries: [[String]] = []
    for kind in Site.pageKinds {
      for node in graph.nodes(ofKind: kind) {
        guard let path = path(node) else { continue }
        var more: [String] = []
        if case .strings(let aliases)? = graph.property("aliases", of: node) { more += aliases }
        if let code = string("code", node) { more.append(code) }
        if let text = string("text", node) { more.append(text) }
        let title = kind == "level" ? levelTitle(node) : graph.name(of: node)
        entries.append([title, kind, path, more.joined(separator: " ")])
      }
    }
    for statement in graph.nodes(ofKind: "expectation") + graph.nodes(ofKind: "example") {
      guard
        let owner = neighbors(statement, "expects", .backward).first
          ?? neighbors(statement, "has_example", .backward).first,
        let path = path(owner)
      else { continue }
      let text = string("text", statement) ?? graph.name(of: statement)
      let where_ = graph.kind(of: owner).name == "level" ? levelTitle(owner) : graph.name(of: owner)
      entries.append([
        String(text.prefix(240)), "statement of \(where_)",
        path + "#" + Site.anchor("s-", graph.id(of: statement)), "",
      ])
    }
    let json = JSON.array(entries.map { JSON.array($0.map(JSON.string)) }).compact
    let safe = json.replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(
      of: "\u{2028}", with: "\\u2028"
    )
    .replacingOccurrences(of: "\u{2029}", with: "\\u2029")
    return
      "// The search index of this site, made by OrgGraph: [title, kind, path, more words].\nwindow.ORGRAPH_SEARCH = \(safe);\n"
  }
}
