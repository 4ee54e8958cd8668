/// Why a diagram could not be rendered or written.
public enum RenderError: Error, Sendable, Hashable, CustomStringConvertible {
  /// Graphviz refused a step (`stage`: building the graph, layout, rendering), with what it reported.
  case graphviz(stage: String, messages: String)
  /// The output could not be written to `path`.
  case cannotWrite(path: String, reason: String)
  /// The helper process that runs Graphviz (``RenderWorker``) crashed or was stopped; the reason says which.
  /// The calling program is unaffected, and the next render starts a new helper.
  case layoutFailed(String)

  /// One line saying what went wrong, then Graphviz's own messages, if any.
  public var description: String {
    switch self {
    case .graphviz(let stage, let messages):
      let trimmed = messages.split(separator: "\n").map { "  = note: graphviz: " + $0 }.joined(
        separator: "\n")
      return "graphviz failed during \(stage)" + (trimmed.isEmpty ? "" : "\n" + trimmed)
    case .cannotWrite(let path, let reason):
      return "cannot write `\(path)`: \(reason)"
    case .layoutFailed(let reason):
      return reason + "; the diagram was not drawn (a new Graphviz helper is started for the next one)"
    }
  }
}
