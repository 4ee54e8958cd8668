import Foundation
import OrgDiagram
import OrgGraph
import OrgRender
import Testing

/// Every ladder of the default graph, alone and with every other, renders in-process. A layout that makes
/// Graphviz corrupt its heap would crash this test process (it once did, for a lateral move's other end
/// ranked with a clustered level).
@Suite("Ladder combinations")
struct LadderCombinationTests {
  @Test func everyPairOfLaddersRenders() throws {
    let graph = try GraphLoader.loadDefault()
    let owners = graph.nodes.filter { !graph.neighbors(of: $0, via: "has_level").isEmpty }
    #expect(owners.count >= 6)
    for a in owners {
      for b in owners {
        let ladder = try LadderDiagram(graph: graph, owners: a == b ? [a] : [a, b])
        let svg = try GraphvizRenderer.svg(ladder.diagram)
        #expect(svg.contains("</svg>"))
      }
    }
    let all = try LadderDiagram(graph: graph, owners: owners)
    #expect(try GraphvizRenderer.render(all.diagram, format: .png).starts(with: [0x89, 0x50, 0x4E, 0x47]))
  }
}
