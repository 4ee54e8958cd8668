/// L102: a competency that no role or level requires, neither directly nor through a narrower competency
/// (one that names it as `broader`), when statements express it (they are expected by nobody) or when it
/// stands alone (no statement, no `broader` link either way, no ESCO skill). It takes part in no gap,
/// overlap or path. A competency of the canonical layer that is placed in the hierarchy or tied to ESCO is
/// vocabulary waiting for the documents that will use it, not a mistake.
struct UnrequiredCompetencyRule: LintRule {
  let code = DiagnosticCode.L102

  func check(_ graph: Graph) -> [Diagnostic] {
    var out: [Diagnostic] = []
    for competency in graph.nodes(ofKind: "competency") where !isRequired(competency, in: graph) {
      let expressedBy = graph.neighbors(of: competency, via: "expresses", direction: .backward).map(\.node)
      if expressedBy.isEmpty && isPlaced(competency, in: graph) { continue }
      var notes: [String] = []
      if !expressedBy.isEmpty {
        notes.append(
          "\(Grammar.count(expressedBy.count, "statement")) express\(expressedBy.count == 1 ? "es" : "") it, "
            + "but no role or level expects \(expressedBy.count == 1 ? "that statement" : "them")")
      }
      notes.append("roles and levels require what their expectations express (`expects`, then `expresses`)")
      out.append(
        Diagnostic(
          .warning, code: code,
          message: "no role or level requires the competency `\(graph.id(of: competency))`",
          range: graph.sourceRange(of: competency), label: "required by nobody",
          help: [
            "link the statements that call for it: `expresses: [\(graph.id(of: competency))]`, or remove it from the taxonomy"
          ],
          notes: notes))
    }
    return out
  }

  /// Whether the competency is part of the taxonomy's structure: it has a `broader` link either way, or
  /// an ESCO skill.
  func isPlaced(_ competency: NodeID, in graph: Graph) -> Bool {
    if case .strings(let uris)? = graph.property("esco", of: competency), !uris.isEmpty { return true }
    return !graph.neighbors(of: competency, via: "broader", direction: .forward).isEmpty
      || !graph.neighbors(of: competency, via: "broader", direction: .backward).isEmpty
  }

  /// Whether a `requires` edge enters the competency or any narrower one (breadth-first, cycle-safe).
  func isRequired(_ competency: NodeID, in graph: Graph) -> Bool {
    var visited: Set<NodeID> = [competency]
    var queue = [competency]
    var head = 0
    while head < queue.count {
      let next = queue[head]
      head += 1
      if !graph.neighbors(of: next, via: "requires", direction: .backward).isEmpty { return true }
      for (narrower, _) in graph.neighbors(of: next, via: "broader", direction: .backward)
      where visited.insert(narrower).inserted {
        queue.append(narrower)
      }
    }
    return false
  }
}
