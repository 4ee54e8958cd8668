/// L105: a team with no roles — none `in_team` it, nor in any of its sub-teams (teams `part_of` it).
struct EmptyTeamRule: LintRule {
  let code = DiagnosticCode.L105

  func check(_ graph: Graph) -> [Diagnostic] {
    var out: [Diagnostic] = []
    for team in graph.nodes(ofKind: "team") {
      let (hasRoles, subTeams) = Self.search(from: team, in: graph)
      guard !hasRoles else { continue }
      let id = graph.id(of: team)
      var notes: [String] = []
      if !subTeams.isEmpty {
        notes.append("its sub-teams have none either: \(LintRules.idList(subTeams, in: graph))")
      }
      notes.append("a team counts the roles of its sub-teams too (teams `part_of` it)")
      out.append(
        Diagnostic(
          .warning, code: code, message: "the team `\(id)` has no roles",
          range: graph.sourceRange(of: team), label: "no role is in this team",
          help: ["add `in_team: \(id)` to the roles that belong to it, or remove the team"], notes: notes))
    }
    return out
  }

  /// Whether a role is in the team or in one of its sub-teams (breadth-first, cycle-safe), and the
  /// sub-teams visited.
  static func search(from team: NodeID, in graph: Graph) -> (hasRoles: Bool, subTeams: [NodeID]) {
    var visited: Set<NodeID> = [team]
    var queue = [team]
    var head = 0
    while head < queue.count {
      let next = queue[head]
      head += 1
      let members = graph.neighbors(of: next, via: "in_team", direction: .backward)
      if members.contains(where: { graph.kind(of: $0.node).name == "role" }) { return (true, []) }
      for (part, _) in graph.neighbors(of: next, via: "part_of", direction: .backward)
      where graph.kind(of: part).name == "team" && visited.insert(part).inserted {
        queue.append(part)
      }
    }
    return (false, Array(queue.dropFirst()))
  }
}
