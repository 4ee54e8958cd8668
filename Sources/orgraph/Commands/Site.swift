import ArgumentParser
import Foundation
import OrgTool

struct SiteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "site",
    abstract:
      "Publish the graph as a static site: a page per role, level, track, competency, team and value.",
    discussion: """
      The site works from file:// and from any static host (GitHub Pages): an index of organisations, teams, tracks and roles; a level page with its statements by dimension, each with its source, its requirements and the sentences behind them, what it adds over the level below, a profile chart of its proficiencies, its ladder drawn by Graphviz, and its moves; a competency page with its definition, aliases, broader and narrower competencies, ESCO skills, who requires it and the statements that express it; role, track, team and value pages. URLs are made from ids and every statement and requirement has an anchor (`level/…html#s-…`), so links keep working across rebuilds. A search field searches names, aliases and statements offline. Light and dark themes, a print stylesheet, keyboard navigation; no request leaves the page. The folder is written in one step; an existing one is replaced only with --force, and only one OrgGraph wrote. SOURCE_DATE_EPOCH, when set, is the date the pages say they were made (reproducible builds).

      Examples:
        orgraph site -o site                       # the default graph
        orgraph site --graph imported -o site --force
        orgraph site --no-diagrams -o site         # without Graphviz ladders (faster on large graphs)
      """)

  @OptionGroup var options: GraphOptions
  @Option(
    name: [.short, .customLong("output")],
    help: ArgumentHelp("The folder to write the site to.", valueName: "dir"))
  var output: String
  @Flag(help: "Leave out the Graphviz ladder drawings.")
  var noDiagrams = false
  @OptionGroup var writes: WriteOptions

  func run() throws {
    var date = Date()
    if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = Double(epoch) {
      date = Date(timeIntervalSince1970: seconds)
    }
    try Terminal.write(
      GraphTool.site(
        graphPath: options.graph, to: output, replacing: writes.force,
        options: Site.Options(date: date, diagrams: !noDiagrams), color: Terminal.colorOnStderr))
  }
}
