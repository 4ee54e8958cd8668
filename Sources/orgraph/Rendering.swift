import Foundation
import OrgGraph
import OrgQuery

extension Rendering {
  /// Draws a result as its render request asks.
  static func perform(
    _ request: RenderRequest, result: QueryResult, graph: Graph, defaultFormat: String?,
    write: (String) -> Void
  ) throws(RenderFailure) {
    throw RenderFailure(
      diagnostic: Diagnostic(
        code: "Q402", message: "rendering is not built into this orgraph yet", range: request.range))
  }
}
