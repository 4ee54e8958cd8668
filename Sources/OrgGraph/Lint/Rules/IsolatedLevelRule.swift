/// L104: a level that no `promotes_to` reaches and that promotes nowhere: nobody can be promoted into it or
/// out of it.
struct IsolatedLevelRule: LintRule {
  let code = DiagnosticCode.L104

  func check(_ graph: Graph) -> [Diagnostic] {
    var out: [Diagnostic] = []
    for level in graph.nodes(ofKind: "level")
    where graph.neighbors(of: level, via: "promotes_to").isEmpty
      && graph.neighbors(of: level, via: "promotes_to", direction: .backward).isEmpty
    {
      let id = graph.id(of: level)
      var help = "add `promotes_to: level:…` to it, or to the level below it"
      var notes: [String] = []
      let owners = graph.neighbors(of: level, via: "has_level", direction: .backward).map(\.node)
      if let owner = owners.first {
        let siblings = graph.neighbors(of: owner, via: "has_level").map(\.node).filter { $0 != level }
        if siblings.isEmpty {
          notes.append("it is the only level of `\(graph.id(of: owner))`")
        } else {
          notes.append("`\(graph.id(of: owner))` also has \(LintRules.idList(siblings, in: graph))")
          if let rank = Self.rank(of: level, in: graph) {
            let ranked = siblings.compactMap { s in Self.rank(of: s, in: graph).map { (s, $0) } }
            if let above = ranked.filter({ $0.1 > rank }).min(by: { $0.1 < $1.1 }) {
              help =
                "if `\(graph.id(of: above.0))` is the next step up, add `promotes_to: \(graph.id(of: above.0))`"
            } else if let below = ranked.filter({ $0.1 < rank }).max(by: { $0.1 < $1.1 }) {
              help =
                "if it is the next step up from `\(graph.id(of: below.0))`, add `promotes_to: \(id)` there"
            }
          }
        }
      }
      out.append(
        Diagnostic(
          .warning, code: code,
          message: "no promotion reaches the level `\(id)`, and it promotes nowhere",
          range: graph.sourceRange(of: level), label: "a level on its own", help: [help], notes: notes))
    }
    return out
  }

  static func rank(of level: NodeID, in graph: Graph) -> Int? {
    if case .int(let rank)? = graph.property("rank", of: level) { return rank }
    return nil
  }
}
