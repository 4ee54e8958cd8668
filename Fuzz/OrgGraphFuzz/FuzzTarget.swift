import Foundation
import OrgDiagram
import OrgExport
import OrgGraph
import OrgImport
import OrgQuery
import OrgRender
import OrgRenderTestSupport

/// What the fuzzer feeds bytes to. Each target must never crash, hang or grow without bound on any input;
/// a returned error is fine.
enum FuzzTarget: String, CaseIterable {
  /// The lexer, parser and checker, on text.
  case query
  /// The evaluator on the default graph, with a query built from the grammar by the bytes' choices.
  case evaluate
  /// The YAML graph loader.
  case yaml
  /// The JSON graph loader.
  case json
  /// The DOT and Mermaid writers with labels from the bytes; the DOT is read back by Graphviz's parser.
  case writers
  /// The importer: bytes as a ladder page through cmark-gfm, libxml2, the reader, the linker and the Graph
  /// folder writer; what it writes must load.
  case importer = "import"
  /// The exporters: bytes as a graph file, exported in every format; GraphML must be well-formed XML.
  case exporters = "export"
  /// The CSV table loader: bytes as a node table (`people.csv`) or, when the first byte is odd, an edge
  /// table (`assessed.csv`) beside a small graph, loaded from a folder as `--graph DIR` loads it.
  case tables
  /// The render path: a diagram from the bytes (as `writers` makes it) laid out in the Graphviz helper
  /// process (`orgraph __render-worker`, named by `ORGRAPH_RENDER_WORKER_EXECUTABLE`); whatever Graphviz does
  /// there, this side must get SVG or an error, and never crash.
  case render

  static let graph: Graph? = try? GraphLoader.loadDefault()
  /// A small taxonomy (the default graph's makes every written folder slow to load under ASan, and fuzzing
  /// crawl): names, aliases, a US spelling and a phrase inside another.
  static let linker: CompetencyLinker? = {
    let yaml = """
      orgraph: 1
      name: fuzz taxonomy
      competencies:
        - {id: competency:kubernetes, name: Kubernetes, aliases: [k8s, kube]}
        - {id: competency:security, name: Security}
        - {id: competency:cloud-security, name: Cloud security}
        - {id: competency:virtualisation, name: Virtualisation}
        - {id: competency:mentoring, name: Mentoring, aliases: [coaching]}
      """
    return (try? GraphLoader.load(yaml: yaml)).flatMap { try? CompetencyLinker(taxonomy: $0) }
  }()
  static let worker: RenderWorker? = ProcessInfo.processInfo.environment["ORGRAPH_RENDER_WORKER_EXECUTABLE"]
    .map {
      RenderWorker(executable: $0, timeout: 10)
    }

  func run(_ data: Data) {
    switch self {
    case .query:
      guard let graph = Self.graph else { return }
      _ = QuerySession(graph: graph).check(String(decoding: data, as: UTF8.self))
    case .evaluate:
      guard let graph = Self.graph else { return }
      var session = QuerySession(graph: graph)
      session.timeout = 2
      session.maxRows = 200_000
      _ = session.run(QueryGrammar.query(from: data, graph: graph))
    case .yaml:
      _ = try? GraphLoader.load(yaml: String(decoding: data, as: UTF8.self), path: "fuzz.yaml")
    case .json:
      _ = try? GraphLoader.loadJSON(String(decoding: data, as: UTF8.self), path: "fuzz.json")
    case .importer:
      let text = String(decoding: data, as: UTF8.self)
      _ = HTMLFragment.parse(text)
      // Every reader, whatever the page looks like, as the importer runs it (references found too); and the
      // pages that introduce a folder (`README.md` with --reader auto).
      let documents =
        ReaderChoice.allCases.compactMap {
          try? Importer.read(text, path: "f/L3-Fuzz-\($0.rawValue).md", reader: $0)
        }
        + [try? Importer.read(text, path: "f/README.md", reader: .auto)].compactMap { $0 }
        // The same bytes as a CSV matrix, a structured file and a workbook (the readers that read bytes).
        + ["f/fuzz.csv", "f/fuzz.yaml", "f/fuzz.json"].compactMap {
          try? Importer.read(text, path: $0, reader: .auto)
        }
        + [
          try? Importer.read(
            SourceDocument(path: "f/fuzz.xlsx", bytes: data, text: nil), reader: .matrix)
        ].compactMap { $0 }
      guard !documents.isEmpty else { return }
      var reading = Importer.Reading(documents: documents)
      if let linker = Self.linker { Importer.link(&reading, with: linker) }
      _ = ImportReport.text(reading)
      _ = ImportReport.json(reading)
      // Each document alone, and all of them as one import (where their references resolve to each other).
      for batch in reading.documents.map({ [$0] }) + [reading.documents] {
        let files = GraphFolderWriter.files(for: batch, organisation: "Fuzz", linker: Self.linker)
        do {
          _ = try GraphLoader.load(files: files.map { ($0.path, $0.text) })
        } catch {
          fatalError("an import does not load: \(error.diagnostics.first.map { "\($0)" } ?? "")")
        }
      }
    case .tables:
      let folder = FileManager.default.temporaryDirectory.appending(
        path: "orgraph-fuzz-tables-\(ProcessInfo.processInfo.processIdentifier)")
      try? FileManager.default.removeItem(at: folder)
      guard (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil
      else { return }
      defer { try? FileManager.default.removeItem(at: folder) }
      let manifest = """
        orgraph: 1
        name: fuzz
        competencies:
          - {id: competency:k8s, name: Kubernetes}
        levels:
          - {id: level:a/l1, name: L1}
        roles:
          - {id: role:a/r, name: R, has_level: [level:a/l1]}

        """
      let edgeTable = (data.first ?? 0) % 2 == 1
      let people = "id,name\nperson:a,Ada\nperson:b,Grace\n"
      try? Data(manifest.utf8).write(to: folder.appending(path: "orgraph.yaml"))
      try? (edgeTable ? Data(people.utf8) : data).write(to: folder.appending(path: "people.csv"))
      if edgeTable { try? data.dropFirst().write(to: folder.appending(path: "assessed.csv")) }
      _ = try? GraphLoader.load(folder: folder.path)
    case .exporters:
      guard let graph = try? GraphLoader.load(yaml: String(decoding: data, as: UTF8.self), path: "fuzz.yaml")
      else { return }
      // Every format and variant the registry holds: a new format is fuzzed with nothing to add here.
      for format in ExportFormat.allCases {
        for variant in format.exporter.variants {
          guard let output = try? format.export(graph, options: variant.options) else { continue }
          if format == ExportFormat(GraphMLExporter.self), case .text(let graphML) = output,
            HTMLFragment.parse(graphML).isEmpty
          {
            fatalError("the GraphML export is empty")
          }
        }
      }
    case .render:
      guard let worker = Self.worker else { return }
      GraphvizRenderer.worker = worker
      if let svg = try? GraphvizRenderer.svg(Self.diagram(from: data)), !svg.contains("<svg") {
        fatalError("the helper answered something that is not SVG")
      }
    case .writers:
      let diagram = Self.diagram(from: data)
      _ = diagram.mermaid
      // What the writer wrote, Graphviz's own parser must read, with the same number of nodes.
      if case .success(let parsed) = GraphvizParser.parse(diagram.dot),
        parsed.nodes.count != diagram.nodes.count
      {
        fatalError("the DOT writer lost nodes: \(parsed.nodes.count) of \(diagram.nodes.count)")
      }
    }
  }

  /// A diagram from bytes: parts split at U+0001 are node labels (and ids, kept distinct), chained by edges
  /// labelled the same way, the first two in a cluster.
  static func diagram(from data: Data) -> Diagram {
    let text = String(decoding: data, as: UTF8.self)
    let parts = text.split(separator: "\u{1}", omittingEmptySubsequences: false).prefix(60).map(String.init)
    var diagram = Diagram(name: parts.first ?? "", direction: .leftToRight)
    for (i, part) in parts.enumerated() {
      // `n<i>:` first keeps ids distinct whatever the labels are.
      diagram.nodes.append(Diagram.Node(id: "n\(i):" + part, label: .text(part)))
      if i > 0 {
        diagram.edges.append(
          Diagram.Edge(from: diagram.nodes[i - 1].id, to: diagram.nodes[i].id, label: .text(part)))
      }
    }
    var cluster = Diagram.Cluster(id: parts.last ?? "c", label: .text(parts.first ?? ""))
    cluster.nodes = diagram.nodes.prefix(2).map(\.id)
    diagram.clusters.append(cluster)
    return diagram
  }
}

/// Queries built from the grammar, each choice read from the fuzzer's bytes: sources, steps over the
/// schema's edges with quantifiers and filters, and commands.
enum QueryGrammar {
  struct Choices {
    var bytes: [UInt8]
    var index = 0
    mutating func next(_ count: Int) -> Int {
      guard count > 0 else { return 0 }
      defer { index += 1 }
      return index < bytes.count ? Int(bytes[index]) % count : 0
    }
    var more: Bool { index < bytes.count }
  }

  static func query(from data: Data, graph: Graph) -> String {
    var c = Choices(bytes: [UInt8](data))
    let kinds = graph.schema.kinds
    let edges = graph.schema.edgeTypes.map(\.name)
    let names = ["Cloud Engineer", "SRE Engineer", "Kubernetes", "Cloud", "Security Engineer", "x"]
    var q: String
    switch c.next(4) {
    case 0: q = kinds[c.next(kinds.count)].plural
    case 1: q = kinds[c.next(kinds.count)].name + " \"" + names[c.next(names.count)] + "\""
    case 2:
      return "path from role \"Backend Engineer\" to level \"Senior Cloud Security Engineer\" via -- "
        + edges[c.next(edges.count)] + ["", "+", "{1,3}"][c.next(3)]
        + [" shortest", " all shortest", ""][c.next(3)]
    default:
      q = "gap from role \"Cloud Engineer\" to level \"Senior Cloud Security Engineer\""
    }
    var stages = 0
    while c.more, stages < 12 {
      stages += 1
      switch c.next(7) {
      case 0, 1, 2:
        let arrow = ["->", "<-", "--"][c.next(3)]
        let edge = edges[c.next(edges.count)]
        let quantifier = ["", "+", "*", "?", "{1,2}", "{0,3}"][c.next(6)]
        let filter = ["", "[proficiency >= working]", "[origin = declared]", "[score > 0.1]"][c.next(4)]
        q += " \(arrow) \(edge)\(quantifier)\(filter)"
      case 3:
        q +=
          [
            " | where name ~ \"e\"", " | where exists(-> requires)", " | where count(<- requires) > 1",
            " | where not name = \"x\" and depth() >= 0",
          ][c.next(4)]
      case 4: q += [" | select name", " | select name, count(-> requires) as n | sort by n desc"][c.next(2)]
      case 5: q += [" | distinct", " | count", " | limit 5", " | group by kind"][c.next(4)]
      default: q += [" | union (roles)", " | intersect (levels)", " | except (competencies)"][c.next(3)]
      }
    }
    return q
  }
}
