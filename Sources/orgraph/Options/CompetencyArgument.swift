import ArgumentParser
import Foundation
import OrgGraph

/// The competency an `--competency` option names — its id, or the id without `competency:` — or, when the
/// graph has none, the error with the closest ids, and exit status 1 (`links`, `align`).
func competencyOrExit(_ argument: String, in graph: Graph) throws -> NodeID {
  let id = argument.hasPrefix("competency:") ? argument : "competency:" + argument
  if let node = graph.node(withID: id), graph.kind(of: node).name == "competency" { return node }
  let ids = graph.nodes(ofKind: "competency").map { graph.id(of: $0) }
  let help =
    Suggestions.didYouMean(id, in: ids).first
    ?? "`orgraph query 'competencies | select id, name'` lists them"
  FileHandle.standardError.write(Data("error: the graph has no competency `\(id)`\n  = help: \(help)\n".utf8))
  throw ExitCode(1)
}
