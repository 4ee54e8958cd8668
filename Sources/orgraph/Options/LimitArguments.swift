import ArgumentParser
import Foundation

/// `--timeout` and `--max-rows` belong to the commands that run queries (and the shell). swift-argument-parser
/// lets a command take its parent's options, and the shell's are the root command's, so `orgraph snapshot
/// --timeout 5` used to be accepted and ignored; this refuses them, before the parser reads the command line,
/// for every command that does not use them.
enum LimitArguments {
  /// The commands `--timeout` and `--max-rows` mean something to (`serve` has its own, per request).
  static let commands: Set<String> = ["repl", "query", "run", "render", "serve"]

  /// The options this checks.
  static let options = ["--timeout", "--max-rows"]

  /// A usage error for a limit given to a command that has none, or `nil`.
  static func misplaced(in arguments: [String], commands known: [String]) -> String? {
    // The command is the first word that names one; none is the shell, which takes them.
    guard let command = arguments.first(where: { known.contains($0) }), !commands.contains(command) else {
      return nil
    }
    for argument in arguments {
      if argument == "--" { break }
      if let option = options.first(where: { argument == $0 || argument.hasPrefix($0 + "=") }) {
        let what = option == "--timeout" ? "the queries, and the loading of the graph," : "the queries"
        return
          "`\(option)` does not apply to `orgraph \(command)`: it bounds \(what) of `query`, `run`, `render` and the shell"
      }
    }
    return nil
  }
}
