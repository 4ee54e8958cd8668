import Foundation
import OrgDiagram
import OrgGraph
import OrgRender
import Testing

/// In-process rendering against the `dot` command on the same DOT text, for docs/performance.md.
///
/// Runs only with `ORGRAPH_TIMING=1` (and the `dot` command from Debian's `graphviz` package on the PATH):
/// `ORGRAPH_TIMING=1 swift test -c release --filter RenderTimingTests`.
@Suite("Render timing")
struct RenderTimingTests {
  static var enabled: Bool { ProcessInfo.processInfo.environment["ORGRAPH_TIMING"] == "1" }

  /// A synthetic diagram of `count` nodes: ten clustered ladders of `count / 10` levels, promotions up
  /// each, a lateral move between neighbouring ladders every third level.
  static func synthetic(_ count: Int) -> Diagram {
    var diagram = Diagram(name: "synthetic", direction: .bottomToTop)
    diagram.nodeDefaults = [
      "shape": "box", "style": "rounded,filled", "fontname": "DejaVu Sans", "fillcolor": "#E7F3E8",
    ]
    let per = max(count / 10, 1)
    for ladder in 0..<10 {
      var cluster = Diagram.Cluster(id: "ladder \(ladder)", label: .text("Ladder \(ladder)"))
      for level in 0..<per {
        let id = "l\(ladder)-\(level)"
        diagram.nodes.append(Diagram.Node(id: id, label: .text("Ladder \(ladder)\nLevel \(level + 1)")))
        cluster.nodes.append(id)
        if level > 0 { diagram.edges.append(Diagram.Edge(from: "l\(ladder)-\(level - 1)", to: id)) }
        if ladder > 0, level % 3 == 0 {
          diagram.edges.append(
            Diagram.Edge(
              from: "l\(ladder - 1)-\(level)", to: id, attributes: ["style": "dashed", "constraint": "false"])
          )
        }
      }
      diagram.clusters.append(cluster)
    }
    return diagram
  }

  static func median(_ samples: [Double]) -> Double {
    let sorted = samples.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
  }

  static func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
  }

  @Test(.enabled(if: enabled)) func inProcessAgainstDotCommand() throws {
    let graph = try GraphLoader.loadDefault()
    let whole = try SubgraphDiagram(graph: graph, nodes: graph.nodes, limits: .forced).diagram
    let cases: [(String, Diagram)] = [
      ("synthetic, 200 nodes, 10 clusters", Self.synthetic(200)),
      ("default graph as a subgraph, \(whole.nodes.count) nodes, \(whole.edges.count) edges", whole),
      ("career path (3 nodes)", try Fixtures().careerPath().diagram),
    ]
    let folder = FileManager.default.temporaryDirectory.appending(path: "orgraph-timing-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let runs = 7
    for (name, diagram) in cases {
      let dotFile = folder.appending(path: "input.dot")
      try OutputFile.write(diagram.dot, to: dotFile.path)
      _ = try GraphvizRenderer.render(diagram, format: .svg)  // warm-up
      var writer: [Double] = []
      var svg: [Double] = []
      var png: [Double] = []
      var command: [Double] = []
      var commandPNG: [Double] = []
      for _ in 0..<runs {
        writer.append(Self.milliseconds { _ = diagram.dot })
        svg.append(try Self.milliseconds { _ = try GraphvizRenderer.render(diagram, format: .svg) })
        png.append(try Self.milliseconds { _ = try GraphvizRenderer.render(diagram, format: .png, dpi: 96) })
        for (format, into) in [("svg", 0), ("png", 1)] {
          let process = Process()
          process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
          process.arguments = [
            "dot", "-T\(format)", dotFile.path, "-o", folder.appending(path: "out.\(format)").path,
          ]
          let time = try Self.milliseconds {
            try process.run()
            process.waitUntilExit()
          }
          #expect(process.terminationStatus == 0, "the dot command failed (install Debian's graphviz)")
          if into == 0 { command.append(time) } else { commandPNG.append(time) }
        }
      }
      func f(_ v: Double) -> String { String(format: "%.1f", v) }
      print(
        "TIMING | \(name) | DOT text \(f(Self.median(writer))) ms | in-process SVG \(f(Self.median(svg))) ms | "
          + "`dot -Tsvg` \(f(Self.median(command))) ms | in-process PNG \(f(Self.median(png))) ms | "
          + "`dot -Tpng` \(f(Self.median(commandPNG))) ms |")
    }
    try? FileManager.default.removeItem(at: folder)
  }
}
