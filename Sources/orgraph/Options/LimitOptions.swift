import ArgumentParser
import CLineEdit
import Foundation
import OrgDiagram
import OrgGraph
import OrgQuery
import OrgRender
import OrgTool

/// How long a query may run and how many rows a step may make.
struct LimitOptions: ParsableArguments {
  // Unconditional, so that `--timeout -1` is a timeout out of range, not a missing value.
  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "Stop a query, or loading the graph, that runs longer than this many seconds (0: no limit).",
      valueName: "seconds"))
  var timeout: String = "30"

  @Option(help: ArgumentHelp("Stop a query when one step makes more rows than this.", valueName: "n"))
  var maxRows: Int = QuerySession.defaultMaxRows

  func validate() throws {
    if case .failure(let error) = QuerySession.validTimeout(timeout) {
      throw ValidationError("--timeout: \(error.message)")
    }
    guard maxRows >= 1 else { throw ValidationError("--max-rows takes a number of rows, 1 or more") }
  }

  /// The time budget in seconds, `nil` for none.
  var seconds: Double? { (try? QuerySession.validTimeout(timeout).get()) ?? nil }

  /// `session` with these limits.
  func apply(to session: QuerySession) -> QuerySession {
    var session = session
    session.timeout = seconds
    session.maxRows = maxRows
    return session
  }
}
