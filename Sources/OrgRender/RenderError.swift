/// Why a diagram could not be rendered or written.
public enum RenderError: Error, Sendable, Hashable, CustomStringConvertible {
  /// Graphviz refused a step (`stage`: building the graph, layout, rendering), with what it reported.
  case graphviz(stage: String, messages: String)
  /// The output could not be written to `path`.
  case cannotWrite(path: String, reason: String)

  /// One line saying what went wrong, then Graphviz's own messages, if any.
  public var description: String {
    switch self {
    case .graphviz(let stage, let messages):
      let trimmed = messages.split(separator: "\n").map { "  = note: graphviz: " + $0 }.joined(
        separator: "\n")
      return "graphviz failed during \(stage)" + (trimmed.isEmpty ? "" : "\n" + trimmed)
    case .cannotWrite(let path, let reason):
      return "cannot write `\(path)`: \(reason)"
    }
  }
}
