/// L103: the same statement twice within one role or level — two expectations, two examples, or an
/// expectation and an example with the same text (compared without case, repeated spaces or closing
/// punctuation). The second occurrence is reported; the note says where the first is.
struct RepeatedStatementRule: LintRule {
  let code = DiagnosticCode.L103

  func check(_ graph: Graph) -> [Diagnostic] {
    var out: [Diagnostic] = []
    for owner in graph.nodes {
      var first: [String: NodeID] = [:]
      for type in ["expects", "has_example"] {
        for (statement, _) in graph.neighbors(of: owner, via: type) {
          let text = LintRules.text(of: statement, in: graph)
          let key = Self.normalized(text)
          guard !key.isEmpty else { continue }
          guard let earlier = first[key] else {
            first[key] = statement
            continue
          }
          let place = graph.sourceRange(of: earlier).map { " at \($0)" } ?? ""
          out.append(
            Diagnostic(
              .warning, code: code,
              message:
                "the \(graph.kind(of: owner).name) `\(graph.id(of: owner))` states “\(LintRules.excerpt(text))” twice",
              range: graph.sourceRange(of: statement) ?? graph.sourceRange(of: owner), label: "repeated here",
              help: ["remove one of the two, or reword one if they mean different things"],
              notes: ["first stated as `\(graph.id(of: earlier))`\(place)"]))
        }
      }
    }
    return out
  }

  /// Lower case, whitespace collapsed, closing punctuation and spaces dropped.
  static func normalized(_ text: String) -> String {
    var words = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    while let last = words.last, last.isPunctuation || last.isWhitespace { words.removeLast() }
    return words
  }
}
