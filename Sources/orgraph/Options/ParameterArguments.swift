import ArgumentParser
import CLineEdit
import Foundation
import OrgDiagram
import OrgGraph
import OrgQuery
import OrgRender
import OrgTool

/// `--param NAME=VALUE` options, taken out of the command line before swift-argument-parser reads it. Its
/// parser merges an array option's input origins once per element, which made 4,000 `--param`s take 25
/// seconds (quadratic); taken out here, any number costs one pass. `--help` still documents the option, and
/// commands that do not take it still refuse it.
enum ParameterArguments {
  /// The values of the `--param` options taken out, in order.
  nonisolated(unsafe) static var extracted: [String] = []
  /// The commands that take `--param`.
  static let commands: Set<String> = ["query", "run", "render"]

  /// `arguments` without their `--param NAME=VALUE` and `--param=NAME=VALUE` options, which are kept in
  /// ``extracted``; unchanged for other commands, and after `--`.
  static func extract(from arguments: [String]) -> [String] {
    guard let command = arguments.first, commands.contains(command) else { return arguments }
    var rest: [String] = []
    var i = 0
    while i < arguments.count {
      let argument = arguments[i]
      if argument == "--" {
        rest += arguments[i...]
        break
      }
      if argument == "--param", i + 1 < arguments.count {
        extracted.append(arguments[i + 1])
        i += 2
      } else if argument.hasPrefix("--param=") {
        extracted.append(String(argument.dropFirst("--param=".count)))
        i += 1
      } else {
        rest.append(argument)
        i += 1
      }
    }
    return rest
  }
}
