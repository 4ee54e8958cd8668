import ArgumentParser
import OrgRender

/// `orgraph __render-worker`: serves Graphviz renders on standard input and output for the `orgraph` that
/// started it (see ``OrgRender/RenderWorker``). Not for people: it reads length-prefixed frames.
struct RenderWorkerCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: RenderWorker.command,
    abstract: "Serve Graphviz renders for another orgraph process (internal).",
    shouldDisplay: false)

  func run() throws {
    RenderWorker.serve()
  }
}
