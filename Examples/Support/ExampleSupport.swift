import ArgumentParser
import Foundation

/// Prints `message` on standard error and exits with `status`.
public func fail(_ message: String, status: Int32) -> Never {
  FileHandle.standardError.write(Data((message + "\n").utf8))
  exit(status)
}

/// `--graph PATH`, as every example (and `orgraph`) takes it.
public struct GraphOption: ParsableArguments {
  /// A Graph folder or a JSON export; `nil` for the built-in default graph.
  @Option(
    help: ArgumentHelp(
      "A Graph folder, or a .json file written by `orgraph export` (default: the built-in graph).",
      valueName: "path"))
  public var graph: String?

  /// Reads `--graph` from the command line.
  public init() {}
}
