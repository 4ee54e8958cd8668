import ArgumentParser
import CLineEdit
import Foundation
import OrgDiagram
import OrgGraph
import OrgQuery
import OrgRender
import OrgTool

struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run query files (.oq) in order, in one session.",
    discussion: """
      A file holds one or more statements separated by `;`, with `#` comments. `let` bindings of one file are seen by the files after it.

      Examples:
        orgraph run Queries/01-cloud-team-roles.oq
        orgraph run --format csv Queries/*.oq
      """)

  @OptionGroup var graphOptions: GraphOptions
  @OptionGroup var options: QueryOptions
  @OptionGroup var limits: LimitOptions
  @OptionGroup var writes: WriteOptions
  @Argument(help: "Query files.")
  var files: [String]

  func run() throws {
    var runner = try makeRunner(
      graphPath: graphOptions.graph, options: options, limits: limits, writes: writes)
    var ok = true
    for file in files {
      guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
        FileHandle.standardError.write(Data("error: cannot read `\(file)`\n".utf8))
        ok = false
        continue
      }
      ok = Terminal.write(runner.run(text, file: file)) && ok
    }
    if !ok { throw ExitCode(1) }
  }
}
