// render-benchmarks: what containing Graphviz in a helper process costs per render, beside rendering
// in-process. `swift run -c release render-benchmarks` prints a Markdown table for docs/performance.md.
//
// For each diagram: the median of 15 renders after a warm-up, in-process and through a warm worker (this
// program started again as `render-benchmarks __render-worker`), and the first render through a new worker
// (starting it included).
//
// `render-benchmarks --against-dot` compares rendering in-process with the `dot` command (Debian's `graphviz`
// package, which OrgGraph does not need) on the same DOT text instead.

import Foundation
import OrgDiagram
import OrgGraph
import OrgQuery
import OrgRender

RenderWorker.serveIfRequested()

func milliseconds(_ body: () throws -> Void) rethrows -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  try body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}

func median(_ samples: [Double]) -> Double {
  let sorted = samples.sorted()
  return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}

func f(_ v: Double) -> String { String(format: "%.1f", v) }

struct QueryFailed: Error, CustomStringConvertible {
  var description: String
}

extension QuerySession {
  /// The diagram of `query`'s last result.
  mutating func diagram(_ query: String) throws -> Diagram {
    let outcome = run(query)
    guard outcome.succeeded, let result = outcome.results.last else {
      throw QueryFailed(description: "\(query): \(outcome.diagnostics)")
    }
    return try Diagram.forResult(result, graph: graph)
  }
}

/// A synthetic diagram of `count` nodes: ten clustered ladders of `count / 10` levels, promotions up each,
/// a lateral move between neighbouring ladders every third level.
func synthetic(_ count: Int) -> Diagram {
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
            from: "l\(ladder - 1)-\(level)", to: id, attributes: ["style": "dashed", "constraint": "false"]))
      }
    }
    diagram.clusters.append(cluster)
  }
  return diagram
}

/// In-process against the `dot` command, on the same DOT text.
func againstDot(graph: Graph, session: inout QuerySession) throws {
  let whole = try SubgraphDiagram(graph: graph, nodes: graph.nodes, limits: .forced).diagram
  let cases: [(String, Diagram)] = [
    ("synthetic, 200 nodes, 10 clusters", synthetic(200)),
    ("default graph as a subgraph, \(whole.nodes.count) nodes, \(whole.edges.count) edges", whole),
    (
      "career path, 3 nodes",
      try session.diagram(
        #"path from role "Backend Engineer" to level "Senior Cloud Security Engineer" via -> (promotes_to | lateral)"#
      )
    ),
  ]
  let folder = FileManager.default.temporaryDirectory.appending(
    path: "render-benchmarks-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: folder) }
  print(
    "| diagram | DOT text (Swift) | in-process SVG | `dot -Tsvg` | in-process PNG (96 dpi) | `dot -Tpng` |")
  print("|---|---:|---:|---:|---:|---:|")
  for (name, diagram) in cases {
    let dotFile = folder.appending(path: "input.dot")
    try Data(diagram.dot.utf8).write(to: dotFile)
    _ = try GraphvizRenderer.render(diagram, format: .svg)
    var writer: [Double] = []
    var svg: [Double] = []
    var png: [Double] = []
    var command: [Double] = []
    var commandPNG: [Double] = []
    for _ in 0..<7 {
      writer.append(milliseconds { _ = diagram.dot })
      svg.append(try milliseconds { _ = try GraphvizRenderer.render(diagram, format: .svg) })
      png.append(try milliseconds { _ = try GraphvizRenderer.render(diagram, format: .png, dpi: 96) })
      for format in ["svg", "png"] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
          "dot", "-T\(format)", dotFile.path, "-o", folder.appending(path: "out.\(format)").path,
        ]
        let time = try milliseconds {
          try process.run()
          process.waitUntilExit()
        }
        guard process.terminationStatus == 0 else { throw QueryFailed(description: "the dot command failed") }
        if format == "svg" { command.append(time) } else { commandPNG.append(time) }
      }
    }
    print(
      "| \(name) | \(f(median(writer))) ms | \(f(median(svg))) ms | \(f(median(command))) ms | "
        + "\(f(median(png))) ms | \(f(median(commandPNG))) ms |")
  }
}

do {
  let graph = try GraphLoader.loadDefault()
  var session = QuerySession(graph: graph)
  if CommandLine.arguments.contains("--against-dot") {
    try againstDot(graph: graph, session: &session)
    exit(0)
  }
  let cases: [(String, Diagram)] = [
    (
      "career path, 3 nodes",
      try session.diagram(
        #"path from role "Backend Engineer" to level "Senior Cloud Security Engineer" via -> (promotes_to | lateral)"#
      )
    ),
    ("Octopus ladders, 8 levels", try session.diagram(#"levels | where id ~ "^level:octopus-deploy/""#)),
    (
      "overlap, 49 nodes",
      try session.diagram(#"overlap role "Cloud Engineer", level "Senior Cloud Security Engineer""#)
    ),
    (
      "Cloud team subgraph, 40 nodes",
      try session.diagram(
        "let roles = team Cloud <- in_team; team Cloud | union (org \"Rocket.Chat\") | union $roles | union ($roles -> embodies) | union ($roles -> requires)"
      )
    ),
  ]
  let runs = 15
  print(
    "| diagram | in-process SVG | worker SVG (warm) | worker overhead | first render with a new worker | in-process PNG | worker PNG (warm) |"
  )
  print("|---|---:|---:|---:|---:|---:|---:|")
  for (name, diagram) in cases {
    GraphvizRenderer.worker = nil
    _ = try GraphvizRenderer.render(diagram, format: .svg)
    var inSVG: [Double] = []
    var inPNG: [Double] = []
    for _ in 0..<runs {
      inSVG.append(try milliseconds { _ = try GraphvizRenderer.render(diagram, format: .svg) })
      inPNG.append(try milliseconds { _ = try GraphvizRenderer.render(diagram, format: .png) })
    }
    let worker = RenderWorker()
    GraphvizRenderer.worker = worker
    let cold = try milliseconds { _ = try GraphvizRenderer.render(diagram, format: .svg) }
    var wSVG: [Double] = []
    var wPNG: [Double] = []
    for _ in 0..<runs {
      wSVG.append(try milliseconds { _ = try GraphvizRenderer.render(diagram, format: .svg) })
      wPNG.append(try milliseconds { _ = try GraphvizRenderer.render(diagram, format: .png) })
    }
    worker.stop()
    GraphvizRenderer.worker = nil
    print(
      "| \(name) | \(f(median(inSVG))) ms | \(f(median(wSVG))) ms | \(f(median(wSVG) - median(inSVG))) ms | "
        + "\(f(cold)) ms | \(f(median(inPNG))) ms | \(f(median(wPNG))) ms |")
  }
} catch {
  FileHandle.standardError.write(Data("render-benchmarks: \(error)\n".utf8))
  exit(1)
}
