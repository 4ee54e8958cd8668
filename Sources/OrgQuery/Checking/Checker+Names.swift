import OrgGraph

/// Rule: node names resolve to exactly one node of the kind (Q201 unknown, Q202 ambiguous), and `@ CODE`
/// names a level on that node's ladder (Q204).
extension Checker {
  mutating func resolveNode(_ ref: NodeRefSyntax) -> NodeID? {
    guard let kind = resolveSingularKind(ref.kind) else { return nil }
    var node: NodeID
    switch graph.resolve(ref.name.text, kind: kind.name) {
    case .found(let n):
      node = n
    case .ambiguous(let candidates):
      let list = candidates.prefix(4).map { "`\(graph.id(of: $0))`" }.joined(separator: ", ")
      error(
        .Q202, "\(candidates.count) \(kind.plural) are called \"\(ref.name.text)\"", at: ref.name.range,
        label: "ambiguous name",
        help: ["name one by its id: `\(kind.name) \"\(graph.id(of: candidates[0]))\"`"],
        notes: ["candidates: \(list)\(candidates.count > 4 ? ", …" : "")"])
      return nil
    case .notFound(let suggestions):
      var help = suggestions.prefix(2).map { Suggestions.question("\(kind.name) \(quoted($0))") }
      if help.isEmpty, ref.name.style == .identifier {
        // A name with spaces split by the lexer is caught by the parser; here, maybe another kind has it.
        if case .found(let other) = graph.resolve(ref.name.text, kind: nil) {
          let otherKind = graph.kind(of: other).name
          help = [
            "\"\(ref.name.text)\" is \(Grammar.a(otherKind)): `\(otherKind) \(quoted(graph.name(of: other)))`"
          ]
        }
      } else if help.isEmpty, case .found(let other) = graph.resolve(ref.name.text, kind: nil) {
        let otherKind = graph.kind(of: other).name
        help = [
          "\"\(ref.name.text)\" is \(Grammar.a(otherKind)): `\(otherKind) \(quoted(graph.name(of: other)))`"
        ]
      }
      let count = graph.nodes(ofKind: kind.name).count
      var notes =
        count <= 8 && count > 0
        ? [
          "\(kind.plural): "
            + graph.nodes(ofKind: kind.name).map { quoted(graph.name(of: $0)) }.joined(separator: ", ")
        ]
        : ["`\(kind.plural) | select name` lists them"]
      // A part of a name, an alias or a level code: list the nodes whose words contain it.
      let matches = help.isEmpty ? graph.search(ref.name.text, kinds: [kind.name], fields: .names) : []
      if !matches.isEmpty {
        let shown = matches.prefix(4).map { "`\(kind.name) \(quoted(graph.name(of: $0.node)))`" }
        let lead =
          matches.count == 1
          ? "1 \(kind.name) matches \"\(ref.name.text)\""
          : "\(matches.count) \(kind.plural) match \"\(ref.name.text)\""
        help = [lead + ": " + shown.joined(separator: ", ") + (matches.count > 4 ? ", …" : "")]
        notes = [
          "`find \(stringLiteral(ref.name.text)) in \(kind.plural)` lists \(matches.count > 4 ? "them all" : "them") with what matched; `find` alone searches statements too"
        ]
      }
      error(
        .Q201, "no \(kind.name) is called \"\(ref.name.text)\"", at: ref.name.range,
        label: "unknown \(kind.name)", help: help, notes: notes)
      return nil
    }
    if let code = ref.code {
      guard let level = graph.level(withCode: code.text, on: node) else {
        let codes = ladderCodes(of: node)
        error(
          .Q204, "\(graph.name(of: node)) has no level with the code \(code.text)", at: code.range,
          label: "unknown level code",
          help: Suggestions.didYouMean(code.text, in: codes, limit: 1, written: { "@ \($0)" }),
          notes: codes.isEmpty
            ? ["\(graph.name(of: node)) has no levels"] : ["codes: " + codes.joined(separator: ", ")])
        return nil
      }
      node = level
    }
    return node
  }

  func ladderCodes(of node: NodeID) -> [String] {
    var owners = [node]
    if graph.kind(of: node).name == "level" {
      owners = graph.neighbors(of: node, via: "has_level", direction: .backward).map(\.node)
    }
    var codes: [String] = []
    for owner in owners {
      for (level, _) in graph.neighbors(of: owner, via: "has_level") {
        if case .string(let c)? = graph.property("code", of: level), !codes.contains(c) { codes.append(c) }
      }
    }
    return codes
  }

  /// Text as a string literal of the language: `"…"` with `\` and `"` escaped.
  func stringLiteral(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
      + "\""
  }

  /// A name as a user would type it: bare when it is one word, quoted otherwise.
  func quoted(_ name: String) -> String {
    let simple =
      name.unicodeScalars.allSatisfy { Lexer.isIdentifierPart($0) }
      && name.unicodeScalars.first.map(Lexer.isIdentifierStart) == true && !Keywords.all.contains(name)
    return simple ? name : stringLiteral(name)
  }

  mutating func reportUnbound(_ name: Identifier) {
    let known = Array(bindings.keys) + Array(parameters.keys)
    error(
      .Q203, "`$\(name.name)` is not bound", at: name.range, label: "no value",
      help: Suggestions.didYouMean(name.name, in: known, limit: 1, written: { "$\($0)" })
        + ["bind it first: `let \(name.name) = …`, or pass `--param \(name.name)=VALUE`"],
      notes: known.isEmpty ? [] : ["bound: " + known.sorted().map { "$\($0)" }.joined(separator: ", ")])
  }
}
