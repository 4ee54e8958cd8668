/// A graph that could not be loaded: every diagnostic of the load, and the texts they point into.
public struct GraphLoadFailure: Error, Sendable, CustomStringConvertible {
  /// The errors (and warnings), in file and line order.
  public var diagnostics: [Diagnostic]
  /// The texts of the files read, by the path the diagnostics use, so a renderer can echo lines.
  public var sources: [String: String]

  /// Creates a failure.
  public init(diagnostics: [Diagnostic], sources: [String: String] = [:]) {
    self.diagnostics = diagnostics
    self.sources = sources
  }

  /// The diagnostics rendered without colour.
  public var description: String {
    DiagnosticRenderer(sources: sources).render(diagnostics)
  }
}
