import ArgumentParser
import CLineEdit
import Foundation
import OrgDiagram
import OrgGraph
import OrgQuery
import OrgRender
import OrgTool

struct Stats: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Count the nodes of each kind and the edges of each type.",
    discussion: """
      Examples:
        orgraph stats
        orgraph stats --format json
        orgraph stats --graph Graph/
      """)

  @OptionGroup var options: GraphOptions
  @Option(help: "table or json.")
  var format: TableFormat = .table

  func run() throws {
    try Terminal.write(
      GraphTool.stats(graphPath: options.graph, format: format.toolFormat, color: Terminal.colorOnStderr))
  }
}
