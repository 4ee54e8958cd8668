import OrgGraph

/// Rule: kind words name kinds of the loaded schema (Q103) — plurals as sources, singulars in node references.
extension Checker {
  mutating func resolvePluralKind(_ word: Identifier) -> Int? {
    if let kind = schema.kind(plural: word.name), let n = schema.kindNumber(kind.name) { return n }
    if let singular = schema.kind(word.name) {
      error(
        .Q103, "`\(word.name)` names one \(word.name); every \(word.name) is `\(singular.plural)`",
        at: word.range,
        label: "a kind, but singular",
        help: ["write `\(singular.plural)` for all of them, or `\(word.name) \"Name\"` for one"])
      return nil
    }
    if schema.edgeType(word.name) != nil {
      error(
        .Q103, "`\(word.name)` is an edge type, and a query starts from nodes", at: word.range,
        label: "edge type", help: ["start from nodes and follow the edge: `roles -> \(word.name)`"])
      return nil
    }
    if ["help", "quit", "exit", "q", "h", "schema", "explain"].contains(word.name.lowercased()) {
      let command =
        ["q": "quit", "exit": "quit", "h": "help"][word.name.lowercased()] ?? word.name.lowercased()
      error(
        .Q103, "`\(word.name)` is not a kind of node", at: word.range, label: "not a query",
        help: ["commands of the shell start with `:`: `:\(command)`"],
        notes: ["kinds: " + schema.kinds.map(\.plural).joined(separator: ", ")])
      return nil
    }
    let plurals = schema.kinds.map(\.plural)
    var suggestion = Suggestions.closest(to: word.name, in: plurals + schema.kinds.map(\.name))
      .compactMap { schema.kind(plural: $0)?.plural ?? schema.kind($0)?.plural }
    // A kind whose name is short for the word written: `organisations` is `orgs`.
    if suggestion.isEmpty, let kind = abbreviated(word.name) { suggestion = [kind.plural] }
    error(
      .Q103, "unknown kind `\(word.name)`", at: word.range, label: "not a kind of node",
      help: Array(Set(suggestion)).sorted().prefix(1).map(Suggestions.question),
      notes: ["kinds: " + plurals.joined(separator: ", ")])
    return nil
  }

  /// The kind whose name the word starts with, when it is a longer form of it (`organisation` for `org`).
  func abbreviated(_ word: String) -> KindDefinition? {
    let lower = word.lowercased()
    return schema.kinds.filter {
      $0.name.count >= 3 && lower.hasPrefix($0.name) && lower.count > $0.name.count
    }
    .max { $0.name.count < $1.name.count }
  }

  mutating func resolveSingularKind(_ word: Identifier) -> KindDefinition? {
    if let kind = schema.kind(word.name) { return kind }
    if let kind = schema.kind(plural: word.name) {
      error(
        .Q103, "a node reference takes the singular kind: `\(kind.name)`, not `\(word.name)`",
        at: word.range,
        label: "plural", help: ["write `\(kind.name) …`"])
      return nil
    }
    let names = schema.kinds.map(\.name)
    let close = Suggestions.didYouMean(word.name, in: names, limit: 1)
    error(
      .Q103, "unknown kind `\(word.name)`", at: word.range, label: "not a kind of node",
      help: close.isEmpty ? abbreviated(word.name).map { [Suggestions.question($0.name)] } ?? [] : close,
      notes: ["kinds: " + names.joined(separator: ", ")])
    return nil
  }
}
