import ArgumentParser
import CLineEdit
import Foundation
import OrgDiagram
import OrgGraph
import OrgQuery
import OrgRender
import OrgTool

/// Options shared by the commands that run queries.
struct QueryOptions: ParsableArguments {
  @Option(help: "table, json or csv.")
  var format: ResultFormatter.Format = .table

  @Option(
    name: .customLong("param"),
    help: ArgumentHelp(
      "Bind `$NAME` to VALUE (a number, true/false, or text). Repeatable.", valueName: "NAME=VALUE"))
  var parameters: [String] = []

  @Option(
    help: ArgumentHelp(
      "Fit tables to this many columns, wrapping long cells onto more lines (0: no limit). By default tables fit the terminal when standard output is one; written to a file or a pipe, every cell is printed whole on one line.",
      valueName: "n"))
  var width: Int?

  func validate() throws {
    if let width, width != 0, !(20...10_000).contains(width) {
      throw ValidationError(
        "--width takes a number of columns from 20 to 10000, or 0 for no limit; got \(width)")
    }
  }

  /// The width tables are fitted to: `--width`, else the terminal's when standard output is one.
  var tableWidth: Int? {
    if let width { return width > 0 ? width : nil }
    return isatty(1) != 0 ? REPL.terminalColumns() : nil
  }

  func parsedParameters() throws -> [String: QueryValue] {
    try Self.parameters(parameters + ParameterArguments.extracted)
  }

  /// `NAME=VALUE` texts as parameters (a later name wins).
  static func parameters(_ texts: [String]) throws -> [String: QueryValue] {
    var out: [String: QueryValue] = [:]
    for p in texts {
      guard let eq = p.firstIndex(of: "="), eq != p.startIndex else {
        throw ValidationError("--param takes NAME=VALUE, like --param min=3; got `\(p)`")
      }
      out[String(p[..<eq])] = .parameter(String(p[p.index(after: eq)...]))
    }
    return out
  }

}

extension ResultFormatter.Format: ExpressibleByArgument {}
