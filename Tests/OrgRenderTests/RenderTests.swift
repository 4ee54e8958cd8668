import Foundation
import OrgDiagram
import OrgGraph
import OrgRender
import OrgRenderTestSupport
import Testing

/// Rendering the default graph's diagrams in-process: formats, completeness, determinism, errors.
@Suite("Rendering")
struct RenderTests {
  let fixtures: Fixtures

  init() throws { fixtures = try Fixtures() }

  static let styles: [(name: String, make: @Sendable (Fixtures) throws -> any DiagramStyle)] = [
    ("career path", { try $0.careerPath() }),
    ("overlap", { try $0.overlap() }),
    ("security engineer ladder", { try $0.securityEngineerLadder() }),
    ("octopus ladders", { try $0.octopusLadders() }),
    ("rocket.chat ladders", { try $0.rocketChatLadders() }),
    ("cloud team", { try $0.cloudTeam() }),
    ("cloud team with competencies", { try $0.cloudTeamWithCompetencies() }),
  ]

  func diagram(_ name: String) throws -> Diagram {
    let make = try #require(Self.styles.first { $0.name == name }?.make)
    return try make(fixtures).diagram
  }

  @Test(arguments: styles.map(\.name))
  func svgIsXMLWithEveryNode(_ name: String) throws {
    let diagram = try diagram(name)
    let text = try GraphvizRenderer.svg(diagram)
    let svg = SVGText(Data(text.utf8))
    #expect(svg.parsed, "not XML: \(String(describing: svg.error))")
    #expect(text.hasPrefix("<?xml"))
    #expect(Set(svg.titles(of: "node")) == Set(diagram.nodes.map(\.id)))
    #expect(svg.titles(of: "cluster").count == countClusters(diagram.clusters))
    #expect(svg.titles(of: "edge").count == diagram.edges.count)
  }

  func countClusters(_ clusters: [Diagram.Cluster]) -> Int {
    clusters.reduce(0) { $0 + 1 + countClusters($1.clusters) }
  }

  @Test(arguments: styles.map(\.name))
  func pngAndPDFHaveTheirMagic(_ name: String) throws {
    let diagram = try diagram(name)
    let png = try GraphvizRenderer.render(diagram, format: .png)
    #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    let pdf = try GraphvizRenderer.render(diagram, format: .pdf)
    #expect(pdf.starts(with: Data("%PDF-".utf8)))
    let laidOut = String(decoding: try GraphvizRenderer.render(diagram, format: .laidOutDOT), as: UTF8.self)
    #expect(laidOut.contains("pos=") && laidOut.contains("bb="))
  }

  /// PNG resolution: the default is 144 dpi, and a given resolution is used.
  @Test func pngResolution() throws {
    let diagram = try diagram("security engineer ladder")
    func width(_ png: Data) -> Int { png.dropFirst(16).prefix(4).reduce(0) { $0 << 8 | Int($1) } }
    let standard = width(try GraphvizRenderer.render(diagram, format: .png))
    let low = width(try GraphvizRenderer.render(diagram, format: .png, dpi: 72))
    #expect(standard > 0 && low > 0)
    #expect(abs(Double(standard) / Double(low) - 2) < 0.05)
  }

  /// The graph built through the cgraph API is the graph the DOT text describes: the same nodes, edges and
  /// attributes in the same order, the same subgraphs (whose order the parser's default id discipline
  /// leaves to the heap).
  @Test(arguments: styles.map(\.name))
  func builtGraphMatchesParsedDOT(_ name: String) throws {
    let diagram = try diagram(name)
    let built = try GraphvizParser.built(diagram).get()
    let parsed = try GraphvizParser.parse(diagram.dot).get()
    #expect(built.graph == parsed.graph)
    #expect(built.nodes == parsed.nodes)
    #expect(built.edges == parsed.edges)
    #expect(built.subgraphs.sorted { $0.name < $1.name } == parsed.subgraphs.sorted { $0.name < $1.name })
    #expect(!built.nodes.isEmpty)
  }

  /// Without clusters, order cannot differ: rendering the built graph and the parsed DOT text gives the
  /// same SVG, byte for byte.
  @Test func builtAndParsedRenderAlikeWithoutClusters() throws {
    let diagram = try diagram("career path")
    #expect(diagram.clusters.isEmpty)
    let built = try GraphvizRenderer.render(diagram, format: .svg)
    let parsed = try GraphvizParser.renderText(diagram.dot).get()
    #expect(String(decoding: built, as: UTF8.self) == String(decoding: parsed, as: UTF8.self))
  }

  /// The id discipline at work: a clustered diagram rendered 200 times in one process gives one output.
  @Test(arguments: ["octopus ladders", "cloud team"])
  func repeatedRendersAreIdentical(_ name: String) throws {
    let diagram = try diagram(name)
    var outputs = Set<Data>()
    for _ in 0..<200 { outputs.insert(try GraphvizRenderer.render(diagram, format: .svg)) }
    #expect(outputs.count == 1)
  }

  /// Renders from many tasks at once are serialized and agree.
  @Test func concurrentRendersAgree() async throws {
    let diagram = try diagram("rocket.chat ladders")
    let outputs = try await withThrowingTaskGroup(of: Data.self) { group in
      for _ in 0..<16 { group.addTask { try GraphvizRenderer.render(diagram, format: .svg) } }
      var all = Set<Data>()
      for try await data in group { all.insert(data) }
      return all
    }
    #expect(outputs.count == 1)
  }

  /// Graphviz's complaints come back as a value, not on stderr.
  @Test func parserErrorsAreCaptured() throws {
    let result = GraphvizParser.parse("digraph { a -> }")
    guard case .failure(let error) = result else {
      Issue.record("a broken graph was accepted")
      return
    }
    #expect(error.description.contains("syntax error"))
    // And the parser still works afterwards.
    #expect((try? GraphvizParser.parse("digraph { a -> b }").get())?.nodes.count == 2)
  }

  /// A refusal from Graphviz is an error carrying its message, and the next render works.
  @Test func graphvizRefusalsAreErrors() throws {
    let diagram = try diagram("career path")
    do {
      _ = try GraphvizRenderer.render(diagram.graphviz, device: "no-such-format")
      Issue.record("an unknown format rendered")
    } catch {
      #expect(error.description.hasPrefix("graphviz failed during rendering no-such-format"))
      #expect(
        error.description.contains("= note: graphviz: Error: renderer for no-such-format is unavailable"))
    }
    #expect(try GraphvizRenderer.svg(diagram).hasPrefix("<?xml"))
  }

  @Test func everyDiagramFormat() throws {
    let diagram = try diagram("career path")
    for format in DiagramFormat.allCases {
      let data = try GraphvizRenderer.data(for: diagram, as: format)
      switch format {
      case .dot: #expect(data == Data(diagram.dot.utf8))
      case .mermaid: #expect(data == Data(diagram.mermaid.utf8))
      case .svg: #expect(data.starts(with: Data("<?xml".utf8)))
      case .png: #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]))
      case .pdf: #expect(data.starts(with: Data("%PDF".utf8)))
      }
      #expect(format.isText == (format != .png && format != .pdf))
    }
  }
}
