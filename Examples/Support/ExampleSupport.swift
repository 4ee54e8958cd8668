import Foundation

/// Prints `message` on standard error and exits with `status`.
public func fail(_ message: String, status: Int32) -> Never {
  FileHandle.standardError.write(Data((message + "\n").utf8))
  exit(status)
}

/// What every example says of `--graph`.
public enum GraphArgument {
  /// The help text of `--graph PATH`.
  public static let help =
    "A Graph folder, or a .json file written by `orgraph export` (default: the built-in graph)."
}
