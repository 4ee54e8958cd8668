import ArgumentParser
import CLineEdit
import Foundation
import OrgDiagram
import OrgGraph
import OrgQuery
import OrgRender
import OrgTool

struct Render: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run a query and draw its result: a career path, an overlap, ladders, or a subgraph.",
    discussion: """
      The diagram follows from the result: a path is drawn as a career path, a gap or an overlap as an overlap diagram, a set of levels (or of roles and tracks with levels) as ladders, anything else as the subgraph of its nodes. Text formats (dot, svg, mermaid) go to standard output when no file is named; png and pdf need -o. Files are written atomically.

      Examples:
        orgraph render --format svg -o ladder.svg 'levels | where code = L3'
        orgraph render --format png -o team.png 'team Cloud <- in_team'
        orgraph render --format mermaid 'track "Security Engineer"'
        orgraph render --format dot 'overlap role "Cloud Engineer", role "SRE Engineer"'
        orgraph render --format html -o result.html 'gap from role "Cloud Engineer" to level "Senior Cloud Security Engineer"'
      """)

  @OptionGroup var graphOptions: GraphOptions
  @Option(
    help:
      "dot, svg, png, pdf, mermaid, or html (one self-contained page: the query, the table and the diagram).")
  var format: RenderFormat
  @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The file to write.", valueName: "path"))
  var output: String?
  @Option(help: ArgumentHelp("Draw diagrams of up to this many nodes (default 150).", valueName: "n"))
  var maxNodes: Int?
  @Option(
    name: .customLong("param"),
    help: ArgumentHelp("Bind `$NAME` to VALUE. Repeatable.", valueName: "NAME=VALUE"))
  var parameters: [String] = []
  @OptionGroup var queryLimits: LimitOptions
  @OptionGroup var writes: WriteOptions
  @Argument(help: "The query whose result to draw.")
  var query: String

  func run() throws {
    let graph = try loadGraphOrExit(graphOptions.graph, limits: queryLimits)
    let parameters = try QueryOptions.parameters(self.parameters + ParameterArguments.extracted)
    let limits = maxNodes.map { DiagramLimits(maxNodes: $0) } ?? .standard
    try Terminal.write(
      Rendering.renderQuery(
        query, session: queryLimits.apply(to: QuerySession(graph: graph, parameters: parameters)),
        as: format,
        output: output,
        limits: limits, writes: writes.policy, color: Terminal.colorOnStderr))
  }
}

extension DiagramFormat: ExpressibleByArgument {}
extension RenderFormat: ExpressibleByArgument {}
