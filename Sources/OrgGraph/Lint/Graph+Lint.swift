extension Graph {
  /// Checks the graph against the framework lint rules, the ones `orgraph check --strict` adds: warnings
  /// about things that load fine but make a career framework weaker.
  ///
  /// | code | finds |
  /// |---|---|
  /// | `L101` | an expectation linked to no competency (or value), so no gap or overlap counts it |
  /// | `L102` | a competency that no role or level requires, directly or through a narrower competency |
  /// | `L103` | a statement repeated within one role or level |
  /// | `L104` | a level that no promotion reaches and that promotes nowhere |
  /// | `L105` | a team with no roles, in it or in its sub-teams |
  ///
  /// Every diagnostic is a warning with the node's place in its file (for graphs loaded from files), a
  /// help line with a fix, and notes. They come in file and line order; diagnostics without a place last.
  ///
  /// ```swift
  /// let graph = try GraphLoader.load(path: "Graph")
  /// for warning in graph.lint() { print(warning) }   // Graph/teams.yaml:12:9: warning[L105]: …
  /// ```
  public func lint() -> [Diagnostic] {
    var found: [Diagnostic] = []
    for rule in LintRules.all { found += rule.check(self) }
    return found.enumerated().sorted { a, b in
      let ka = LintRules.sortKey(a.element)
      let kb = LintRules.sortKey(b.element)
      if ka != kb { return ka < kb }
      return a.offset < b.offset
    }.map(\.element)
  }
}

/// One framework lint rule: a code, and a check that returns its warnings.
protocol LintRule: Sendable {
  /// The rule's stable code, `L1xx`.
  var code: DiagnosticCode { get }
  /// The rule's warnings for `graph`, in node order.
  func check(_ graph: Graph) -> [Diagnostic]
}

/// The lint rules, and helpers they share.
enum LintRules {
  static let all: [any LintRule] = [
    UnlinkedExpectationRule(), UnrequiredCompetencyRule(), RepeatedStatementRule(), IsolatedLevelRule(),
    EmptyTeamRule(),
  ]

  /// Diagnostics with a place first, by file, line and column; then by code.
  static func sortKey(_ d: Diagnostic) -> SortKey {
    SortKey(
      placeless: d.range == nil, file: d.range?.file ?? "",
      start: d.range?.start ?? SourceLocation(line: 0, column: 0), code: d.code)
  }

  struct SortKey: Comparable {
    var placeless: Bool
    var file: String
    var start: SourceLocation
    var code: DiagnosticCode

    static func < (a: SortKey, b: SortKey) -> Bool {
      if a.placeless != b.placeless { return !a.placeless }
      if a.file != b.file { return a.file < b.file }
      if a.start != b.start { return a.start < b.start }
      return a.code < b.code
    }
  }

  /// A statement's text cut to about 60 characters, for messages.
  static func excerpt(_ text: String, limit: Int = 60) -> String {
    let collapsed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    guard collapsed.count > limit else { return collapsed }
    return String(collapsed.prefix(limit - 1)) + "…"
  }

  /// A statement's text, or its name when it has no `text`.
  static func text(of node: NodeID, in graph: Graph) -> String {
    if case .string(let text)? = graph.property("text", of: node) { return text }
    return graph.name(of: node)
  }

  /// `` `id` `` lists, at most `limit` of them, then `and N more`.
  static func idList(_ nodes: [NodeID], in graph: Graph, limit: Int = 4) -> String {
    var words = nodes.prefix(limit).map { "`\(graph.id(of: $0))`" }
    if nodes.count > limit { words.append("and \(nodes.count - limit) more") }
    return words.joined(separator: ", ")
  }

  /// The roles and levels that expect a statement or give it as an example.
  static func owners(of statement: NodeID, in graph: Graph) -> [NodeID] {
    var owners: [NodeID] = []
    for type in ["expects", "has_example"] {
      for (owner, _) in graph.neighbors(of: statement, via: type, direction: .backward)
      where !owners.contains(owner) {
        owners.append(owner)
      }
    }
    return owners
  }
}
