/// L101: an expectation that expresses no competency (or value). Requirements are derived from what
/// expectations express, so such a statement counts in no gap, overlap or path.
struct UnlinkedExpectationRule: LintRule {
  let code = DiagnosticCode.L101

  func check(_ graph: Graph) -> [Diagnostic] {
    var out: [Diagnostic] = []
    for expectation in graph.nodes(ofKind: "expectation")
    where graph.neighbors(of: expectation, via: "expresses").isEmpty {
      let owners = LintRules.owners(of: expectation, in: graph)
      var notes: [String] = []
      if !owners.isEmpty {
        notes.append("expected by \(LintRules.idList(owners, in: graph))")
      }
      notes.append("what a role or level requires is derived from what its expectations express")
      out.append(
        Diagnostic(
          .warning, code: code,
          message:
            "the expectation “\(LintRules.excerpt(LintRules.text(of: expectation, in: graph)))” is linked to no competency",
          range: graph.sourceRange(of: expectation), label: "expresses nothing",
          help: [
            "link it to the competency it states: `expresses: [competency:…]`, with a `proficiency` when the text gives one"
          ],
          notes: notes))
    }
    return out
  }
}
