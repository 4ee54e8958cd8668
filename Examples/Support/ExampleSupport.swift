import Foundation

/// Prints `message` on standard error and exits with `status`.
public func fail(_ message: String, status: Int32) -> Never {
  FileHandle.standardError.write(Data((message + "\n").utf8))
  exit(status)
}

/// The command line of an example tool: `--help`, options with values (`--graph PATH`, `--graph=PATH`),
/// flags, and positional arguments. A usage error prints the message and the usage, and exits 64.
public struct CommandLineOptions {
  /// The usage text `--help` prints.
  public let usage: String
  /// The options given, by long name (`--graph`), with their values.
  public private(set) var values: [String: String] = [:]
  /// The flags given.
  public private(set) var flags: Set<String> = []
  /// The arguments that are not options, in order.
  public private(set) var positional: [String] = []

  /// Reads `arguments`.
  ///
  /// - Parameters:
  ///   - options: the options that take a value, by long name, with what they take (`"a path"`).
  ///   - flags: the options that take no value.
  ///   - aliases: short names (`-o`) for long ones (`--out`).
  public init(
    usage: String, options: [String: String], flags: Set<String> = [], aliases: [String: String] = [:],
    arguments: [String] = Array(CommandLine.arguments.dropFirst())
  ) {
    self.usage = usage
    var remaining = arguments[...]
    while let argument = remaining.popFirst() {
      if argument == "--help" || argument == "-h" {
        print(usage, terminator: "")
        exit(0)
      }
      var name = aliases[argument] ?? argument
      var inline: String?
      if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
        name = String(argument[..<equals])
        inline = String(argument[argument.index(after: equals)...])
      }
      if let what = options[name] {
        guard let value = inline ?? remaining.popFirst(), !value.isEmpty else {
          usageError("\(name) needs \(what)")
        }
        values[name] = value
      } else if flags.contains(name) {
        self.flags.insert(name)
      } else if argument.hasPrefix("-") && argument.count > 1 {
        usageError("unknown option `\(argument)`")
      } else {
        positional.append(argument)
      }
    }
  }

  /// Prints `error: MESSAGE`, then the usage, and exits 64.
  public func usageError(_ message: String) -> Never {
    fail("error: \(message)\n\n" + usage, status: 64)
  }
}
