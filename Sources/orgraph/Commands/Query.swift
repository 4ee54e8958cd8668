import ArgumentParser
import CLineEdit
import Foundation
import OrgDiagram
import OrgGraph
import OrgQuery
import OrgRender
import OrgTool

struct Query: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run a query and print its result.",
    discussion: """
      Examples:
        orgraph query 'team Cloud <- in_team'
        orgraph query 'competency k8s <- requires | select name, proficiency'
        orgraph query --format json 'roles | select name, count(-> requires) as n'
        orgraph query --param min=20 'roles | where count(-> requires) >= $min'
        orgraph query 'gap from role "Cloud Engineer" to role "Cloud Security Engineer" @ L3'

      docs/query-language.md is the language reference; docs/errors.md explains every error code.
      """)

  @OptionGroup var graphOptions: GraphOptions
  @OptionGroup var options: QueryOptions
  @OptionGroup var limits: LimitOptions
  @OptionGroup var writes: WriteOptions
  @Argument(help: "The query. Quote it for the shell: 'role \"Cloud Engineer\" -> requires'.")
  var query: String

  func validate() throws {
    let (syntax, errors) = Parser.parse(query)
    if syntax.statements.isEmpty && errors.isEmpty {
      throw ValidationError(
        "the query is empty\(query.contains("#") ? " (it holds only a comment)" : ""): give one, like 'roles | count'"
      )
    }
  }

  func run() throws {
    var runner = try makeRunner(
      graphPath: graphOptions.graph, options: options, limits: limits, writes: writes)
    if !Terminal.write(runner.run(query)) { throw ExitCode(1) }
  }
}
