import Foundation
import OrgGraph
import OrgQuery

/// Carries out `| render` requests for the command line and the REPL.
enum Rendering {
  static let renderer: ScriptRunner.Renderer = { request, _, _ in
    throw Diagnostic(
      code: "Q402", message: "rendering is not built into this orgraph yet", range: request.range)
  }
}
