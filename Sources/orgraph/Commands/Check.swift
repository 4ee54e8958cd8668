import ArgumentParser
import CLineEdit
import Foundation
import OrgDiagram
import OrgGraph
import OrgQuery
import OrgRender
import OrgTool

struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Validate a graph and report every problem with its file:line:column.",
    discussion: """
      Exits 0 when the graph is sound, 1 with all diagnostics on standard error when it is not.

      --strict adds the framework lint rules as warnings, and fails on them: expectations linked to no
      competency (L101), competencies nobody requires (L102), a statement repeated within one role or level
      (L103), a level that no promotion reaches and that promotes nowhere (L104), a team with no roles (L105).

      Examples:
        orgraph check
        orgraph check --graph Graph/
        orgraph check --graph Graph/ --strict        (for a framework repository's CI)
        orgraph check --graph Graph/ --format json
      """)

  @OptionGroup var options: GraphOptions
  @Option(help: "text, or json (one object with `ok` and `diagnostics` on standard output).")
  var format: TextFormat = .text
  @Flag(help: "Also apply the framework lint rules (L101–L105), and exit 1 on their warnings.")
  var strict = false

  func run() throws {
    try Terminal.write(
      GraphTool.check(
        graphPath: options.graph, format: format.toolFormat, color: Terminal.colorOnStderr, strict: strict))
  }
}
