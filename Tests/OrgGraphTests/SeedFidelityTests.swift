import Foundation
import OrgGraph
import Testing

/// Every bullet and paragraph of every seed document is in the default graph verbatim, as a reader sees the
/// rendered document, with its source document and line.
@Suite("Seed fidelity", .enabled(if: Paths.haveSeeds, "../shared/seeds is not beside the repository"))
struct SeedFidelityTests {
  static let documents = [
    "seed-000": "000_50be83f1cc82fc44.txt",
    "seed-001": "001_9fee2b121a654e92.txt",
    "seed-002": "002_71ed0c4c6d282dfb.txt",
  ]

  /// A statement of a seed: its text as rendered, its line, and whether it is a `**Label**: value` bullet.
  struct Statement {
    var text: String
    var line: Int
    var label: String?
  }

  /// The rendered text of a Markdown fragment: escapes and entities decoded, emphasis markers, HTML tags and
  /// link targets dropped, whitespace collapsed. Written independently of the graph files on purpose.
  static func rendered(_ markdown: String) -> String {
    var s = markdown
    s = s.replacingOccurrences(of: #"<[^>]+>"#, with: "", options: .regularExpression)
    s = s.replacingOccurrences(of: #"\[([^\]]*)\]\([^)]*\)"#, with: "$1", options: .regularExpression)
    s = s.replacingOccurrences(of: #"\\([\\`*_{}\[\]()#+\-.!])"#, with: "$1", options: .regularExpression)
    s = s.replacingOccurrences(of: "&#x20;", with: " ").replacingOccurrences(of: "&amp;", with: "&")
    s = s.replacingOccurrences(of: "**", with: "")
    s = s.replacingOccurrences(of: #"(^|\s)_(\S)"#, with: "$1$2", options: .regularExpression)
    s = s.replacingOccurrences(of: #"(\S)_([\s.,;:]|$)"#, with: "$1$2", options: .regularExpression)
    s = s.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
    return s.trimmingCharacters(in: .whitespaces)
  }

  /// Bullets and paragraph lines of a seed (front matter values included; headings and HTML blocks not).
  static func statements(of text: String) -> [Statement] {
    var out: [Statement] = []
    var inFrontMatter = false
    for (i, raw) in text.components(separatedBy: "\n").enumerated() {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line == "---" {
        inFrontMatter.toggle()
        continue
      }
      if inFrontMatter {
        if line.hasPrefix("description:"), !line.hasSuffix(">-") {
          out.append(Statement(text: rendered(String(line.dropFirst("description:".count))), line: i + 1))
        }
        continue
      }
      if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("<") { continue }
      var body = line
      if body.hasPrefix("* ") || body.hasPrefix("- ") || body.hasPrefix("> ") {
        body = String(body.dropFirst(2))
      }
      let text = rendered(body)
      if text.isEmpty || text == "Responsibilities:" { continue }
      if let match = body.range(of: #"^\*\*([^*]+)\*\*:\s*"#, options: .regularExpression) {
        let label = String(body[match]).replacingOccurrences(of: "*", with: "").replacingOccurrences(
          of: ":", with: ""
        )
        .trimmingCharacters(in: .whitespaces)
        out.append(Statement(text: rendered(String(body[match.upperBound...])), line: i + 1, label: label))
      } else {
        out.append(Statement(text: text, line: i + 1))
      }
    }
    // Folded front matter (`description: >-` then indented lines) is one sentence.
    if let start = text.range(of: "description: >-\n") {
      let rest = text[start.upperBound...].components(separatedBy: "\n").prefix { $0.hasPrefix("  ") }
      out.append(Statement(text: rendered(rest.joined(separator: " ")), line: 3))
    }
    return out
  }

  /// Every text the graph holds: names, string and list properties, document titles.
  static func graphTexts(_ graph: Graph) -> Set<String> {
    var texts = Set(graph.manifest.documents.map(\.title))
    for node in graph.nodes {
      for (_, value) in graph.properties(of: node) {
        switch value {
        case .string(let s): texts.insert(s)
        case .strings(let list): texts.formUnion(list)
        default: break
        }
      }
    }
    return texts
  }

  /// Statements (expectations and examples) by text, with their sources.
  static func sourcedStatements(_ graph: Graph) -> [String: [SourceReference]] {
    var out: [String: [SourceReference]] = [:]
    for kind in ["expectation", "example", "value"] {
      for node in graph.nodes(ofKind: kind) {
        guard case .string(let text)? = graph.property("text", of: node) else { continue }
        if case .source(let source)? = graph.property("source", of: node) {
          out[text, default: []].append(source)
        }
      }
    }
    return out
  }

  @Test(arguments: documents.keys.sorted())
  func everyStatementIsInTheGraph(_ document: String) throws {
    let file = try #require(Self.documents[document])
    let text = try String(contentsOf: Paths.seeds.appending(path: file), encoding: .utf8)
    let graph = try GraphLoader.loadDefault()
    let texts = Self.graphTexts(graph)
    let sourced = Self.sourcedStatements(graph)
    let statements = Self.statements(of: text)
    #expect(statements.count > 10)
    for statement in statements {
      let found = texts.contains(statement.text)
      #expect(found, "\(document):\(statement.line) missing: \(statement.text)")
      // Statements kept as nodes carry their own line.
      if let sources = sourced[statement.text], statement.label == nil {
        #expect(
          sources.contains(SourceReference(document: document, line: statement.line)),
          "\(document):\(statement.line) has sources \(sources)")
      }
    }
  }

  /// The repaired emoji of seed 002's headings are the sections of its statements.
  @Test func seed002HeadingsAreRepaired() throws {
    let graph = try GraphLoader.loadDefault()
    var sections = Set<String>()
    for kind in ["expectation", "example"] {
      for node in graph.nodes(ofKind: kind) {
        if case .source(let s)? = graph.property("source", of: node), s.document == "seed-002",
          case .string(let section)? = graph.property("section", of: node)
        {
          sections.insert(section)
        }
      }
    }
    #expect(
      sections == [
        "🦉 Domain expertise", "🌱 Teaching and Mentoring", "🧭 Culture and Leadership", "🏆 Business Success",
      ])
    let level = try #require(graph.node(withID: "level:octopus-deploy/senior-cloud-security-engineer"))
    #expect(graph.neighbors(of: level, via: "expects").count == 20)
    #expect(graph.neighbors(of: level, via: "has_example").count == 18)
  }

  /// Every sourced statement's line really holds that statement.
  @Test func sourceLinesPointAtTheStatement() throws {
    let graph = try GraphLoader.loadDefault()
    var lines: [String: [String]] = [:]
    for (id, file) in Self.documents {
      lines[id] = try String(contentsOf: Paths.seeds.appending(path: file), encoding: .utf8).components(
        separatedBy: "\n")
    }
    var checked = 0
    for (text, sources) in Self.sourcedStatements(graph) {
      for source in sources {
        guard let document = lines[source.document] else { continue }
        let line = source.line <= document.count ? Self.rendered(document[source.line - 1]) : ""
        #expect(line.contains(text), "\(source) does not hold: \(text)")
        checked += 1
      }
    }
    #expect(checked >= 80)
  }
}
