/// What a command printed and how it ended.
public struct ToolOutput: Sendable, Hashable {
  /// Text for standard output.
  public var stdout: String
  /// Text for standard error (diagnostics).
  public var stderr: String
  /// The exit status: 0 success, 1 a graph or query error, 64 a usage error.
  public var status: Int32

  /// Creates an output.
  public init(stdout: String = "", stderr: String = "", status: Int32 = 0) {
    self.stdout = stdout
    self.stderr = stderr
    self.status = status
  }
}
