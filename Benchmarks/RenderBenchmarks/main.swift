// render-benchmarks: what containing Graphviz in a helper process costs per render, beside rendering
// in-process. `swift run -c release render-benchmarks` prints a Markdown table for docs/performance.md.
//
// For each diagram: the median of 15 renders after a warm-up, in-process and through a warm worker (this
// program started again as `render-benchmarks __render-worker`), and the first render through a new worker
// (starting it included).

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

do {
  let graph = try GraphLoader.loadDefault()
  var session = QuerySession(graph: graph)
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
