import Foundation
import OrgGraph
import Testing

/// docs/default-graph.md's figures come from the graph: its generated blocks (between
/// `<!-- figures: NAME -->` and `<!-- end figures -->`) are compared with what the graph says now. After an
/// intended change to Graph/, `ORGRAPH_RECORD=1 swift test --filter DefaultGraphFigures` writes them again.
/// Every `requires` edge shows where it comes from: statements as evidence, or the quoted sentence.
@Suite("Default graph figures and evidence")
struct DefaultGraphFiguresTests {
  let graph: Graph

  init() throws { graph = try GraphLoader.loadDefault() }

  static let page = Paths.repository.appending(path: "docs/default-graph.md")

  func required(_ node: NodeID) -> Set<NodeID> { Set(graph.neighbors(of: node, via: "requires").map(\.node)) }

  /// The nodes that require something, in graph order.
  var requirers: [NodeID] { graph.nodes.filter { !required($0).isEmpty } }

  func declaredCount(_ node: NodeID) -> Int {
    graph.neighbors(of: node, via: "requires").filter { graph.origin(of: $0.edge) == "declared" }.count
  }

  /// The similarity as the query language prints it (four decimals).
  static func score(_ x: Double) -> String { Value.number((x * 10_000).rounded() / 10_000).displayText }

  func figures() -> [String: String] {
    var out: [String: String] = [:]
    var kinds = "| kind | count |\n|---|---|\n"
    for kind in graph.schema.kinds {
      let n = graph.nodes(ofKind: kind.name).count
      if n > 0 { kinds += "| \(kind.name) | \(n) |\n" }
    }
    kinds += "\nEdges: \(graph.edgeCount), of which "
    let derived = graph.edgeCount(ofType: "requires") - requirers.reduce(0) { $0 + declaredCount($1) }
    let inferred = graph.nodes.reduce(0) { total, node in
      total
        + graph.neighbors(of: node, via: "lateral").filter { graph.origin(of: $0.edge) == "inferred" }.count
    }
    kinds += "\(derived) derived `requires` and \(inferred) inferred `lateral`"
    kinds += " (`orgraph check` counts them the same way).\n"
    out["kinds"] = kinds

    var requirements = "| node | competencies | of them declared from a sentence |\n|---|---|---|\n"
    for node in requirers {
      requirements += "| \(graph.name(of: node)) | \(required(node).count) | \(declaredCount(node)) |\n"
    }
    out["requirements"] = requirements

    let threshold = graph.manifest.lateralThreshold ?? GraphManifest.defaultLateralThreshold
    var pairs: [(a: NodeID, b: NodeID, score: Double, shared: Set<NodeID>, union: Int)] = []
    let nodes = requirers
    for i in nodes.indices {
      for j in nodes.indices where j > i {
        let x = required(nodes[i])
        let y = required(nodes[j])
        pairs.append(
          (nodes[i], nodes[j], graph.similarity(nodes[i], nodes[j]), x.intersection(y), x.union(y).count))
      }
    }
    pairs.sort { $0.score != $1.score ? $0.score > $1.score : $0.a.index < $1.a.index }
    var table =
      "| pair | shared / union | Jaccard | inferred move | shared competencies |\n|---|---|---|---|---|\n"
    for p in pairs {
      let shared = p.shared.map { graph.name(of: $0) }.sorted().joined(separator: ", ")
      table += "| \(graph.name(of: p.a)) ~ \(graph.name(of: p.b)) | \(p.shared.count)/\(p.union) | "
      table += "\(Self.score(p.score)) | \(p.score >= threshold ? "yes" : "no") | \(shared) |\n"
    }
    let above = pairs.filter { $0.score >= threshold }
    let below = pairs.filter { $0.score < threshold }
    table +=
      "\nWith `lateral_threshold: \(Value.number(threshold).displayText)`, \(above.count) pairs get inferred moves"
    table += " (\(above.count * 2) edges, one each way)"
    if let low = above.last?.score, let high = below.first?.score {
      table +=
        "; the lowest pair above the threshold scores \(Self.score(low)) and the highest below it \(Self.score(high))"
    }
    table += ".\n"
    out["pairs"] = table
    return out
  }

  @Test func thePageShowsTheGraphsFigures() throws {
    var text = try String(contentsOf: Self.page, encoding: .utf8)
    let expected = figures()
    var seen: Set<String> = []
    for (name, body) in expected.sorted(by: { $0.key < $1.key }) {
      let open = "<!-- figures: \(name) -->\n"
      let close = "<!-- end figures -->"
      guard let start = text.range(of: open),
        let end = text.range(of: close, range: start.upperBound..<text.endIndex)
      else {
        Issue.record("docs/default-graph.md has no block `\(open.dropLast())`")
        continue
      }
      seen.insert(name)
      let current = String(text[start.upperBound..<end.lowerBound])
      if Golden.recording {
        text.replaceSubrange(start.upperBound..<end.lowerBound, with: body)
      } else {
        #expect(current == body, "the `\(name)` figures of docs/default-graph.md differ from the graph")
      }
    }
    if Golden.recording { try text.write(to: Self.page, atomically: true, encoding: .utf8) }
    #expect(seen == Set(expected.keys))
  }

  @Test func everyRequirementShowsWhereItComesFrom() throws {
    var checked = 0
    for node in requirers {
      for (competency, edge) in graph.neighbors(of: node, via: "requires") {
        var evidence: [NodeID] = []
        if case .nodes(let list)? = graph.property("evidence", of: edge) { evidence = list }
        let quote = graph.property("quote", of: edge)
        let source = graph.property("quote_source", of: edge)
        #expect(
          !evidence.isEmpty || (quote != nil && source != nil),
          "\(graph.name(of: node)) → \(graph.name(of: competency)) has neither evidence nor a quoted sentence"
        )
        if quote != nil { #expect(source != nil, "a quote without its source: \(graph.name(of: node))") }
        checked += 1
      }
    }
    #expect(checked == graph.edgeCount(ofType: "requires"))
  }

  /// A quoted sentence is on the line its `quote_source` names (spacing aside), in the seed document.
  @Test(.enabled(if: Paths.haveSeeds, "../shared/seeds is not beside the repository"))
  func quotesAreVerbatim() throws {
    let files = [
      "seed-000": "000_50be83f1cc82fc44.txt", "seed-001": "001_9fee2b121a654e92.txt",
      "seed-002": "002_71ed0c4c6d282dfb.txt",
    ]
    func squeeze(_ s: String) -> String {
      s.replacingOccurrences(of: "_", with: "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
    for node in requirers {
      for (_, edge) in graph.neighbors(of: node, via: "requires") {
        guard case .string(let quote)? = graph.property("quote", of: edge),
          case .source(let source)? = graph.property("quote_source", of: edge),
          let file = files[source.document]
        else { continue }
        let lines = try String(contentsOf: Paths.seeds.appending(path: file), encoding: .utf8)
          .components(separatedBy: "\n")
        let line = try #require(source.line >= 1 && source.line <= lines.count ? lines[source.line - 1] : nil)
        #expect(squeeze(line).contains(squeeze(quote)), "\(source): “\(quote)” is not on that line")
      }
    }
  }
}
