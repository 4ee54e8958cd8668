import OrgGraph

/// What Tab offers: replacements for the last `replacedLength` characters before the cursor.
public struct Completion: Sendable, Hashable {
  /// How many characters before the cursor the candidates replace.
  public var replacedLength: Int
  /// The candidates, whole (names quoted where they need it).
  public var candidates: [String]

  /// Creates a completion.
  public init(replacedLength: Int, candidates: [String]) {
    self.replacedLength = replacedLength
    self.candidates = candidates
  }

  /// Nothing to offer.
  public static let none = Completion(replacedLength: 0, candidates: [])
}

extension QuerySession {
  /// Completions for the text before the cursor, from the same pools the checker's "did you mean" uses: kinds
  /// at the start, edge types that can leave the current rows after an arrow, names of a kind after the kind
  /// word (quoted when they contain spaces), properties and enum cases inside conditions, commands after `|`,
  /// and `$variables`.
  public func complete(_ textBeforeCursor: String) -> Completion {
    // The statement being typed: after the last `;` outside a string.
    var statementStart = textBeforeCursor.startIndex
    var inString: Character?
    for i in textBeforeCursor.indices {
      let c = textBeforeCursor[i]
      if let q = inString {
        if c == q { inString = nil }
      } else if c == "\"" || c == "'" {
        inString = c
      } else if c == ";" {
        statementStart = textBeforeCursor.index(after: i)
      } else if c == "#" {
        break
      }
    }
    let statement = String(textBeforeCursor[statementStart...])
    // The partial word: an open quoted name, or the identifier characters at the end.
    var partial = ""
    var quoted = false
    if let q = inString, let open = statement.lastIndex(of: q) {
      partial = String(statement[open...])
      quoted = true
    } else {
      var start = statement.endIndex
      while start > statement.startIndex {
        let before = statement.index(before: start)
        let c = statement[before]
        if c.isLetter || c.isNumber || c == "_" || c == "$" || c == "." { start = before } else { break }
      }
      partial = String(statement[start...])
    }
    let head = String(statement.dropLast(partial.count))
    var lexer = Lexer(head, file: nil)
    let tokens = lexer.tokenize().filter { $0.kind != .endOfInput }
    let candidates = candidates(for: partial, quoted: quoted, head: head, tokens: tokens)
    let matching = filter(candidates, by: partial, quoted: quoted)
    return Completion(replacedLength: partial.count, candidates: matching)
  }

  func filter(_ candidates: [String], by partial: String, quoted: Bool) -> [String] {
    let needle = (quoted ? String(partial.dropFirst()) : partial).lowercased()
    var seen = Set<String>()
    return candidates.filter { candidate in
      let plain = candidate.hasPrefix("\"") ? String(candidate.dropFirst()) : candidate
      return plain.lowercased().hasPrefix(needle) && seen.insert(candidate).inserted
    }
  }

  func candidates(for partial: String, quoted: Bool, head: String, tokens: [Token]) -> [String] {
    let schema = graph.schema
    let checker = Checker(graph: graph, bindings: bindingShapes, parameters: parameters, text: head)
    if partial.hasPrefix("$") {
      return (bindingTexts.map(\.name) + parameters.keys.sorted()).map { "$" + $0 }
    }
    guard let last = tokens.last else {
      return schema.kinds.map(\.plural) + ["let", "path", "gap", "overlap", "find"] + schema.kinds.map(\.name)
    }
    let previous = tokens.count >= 2 ? tokens[tokens.count - 2] : nil
    // After an arrow, or inside an edge set `-> (a | `: edge types that can be walked from here.
    if let arrowIndex = arrowIndex(tokens) {
      let arrow = tokens[arrowIndex]
      let direction = StepDirection(rawValue: arrow.text) ?? .forward
      let kinds = shapeBefore(arrow, head: head)?.nodeKinds
      let pool =
        kinds.map { checker.walkable(from: $0, direction: direction).map(\.name) }
        ?? schema.edgeTypes.map(\.name)
      return pool
    }
    // A kind word: the names of that kind.
    if last.kind == .identifier, let kind = schema.kind(last.text),
      !isValuePosition(tokens) || previous?.kind == .symbol
    {
      // Display names first; an alias only for a node whose name does not match what was typed.
      let needle = (quoted ? String(partial.dropFirst()) : partial).lowercased()
      var pool: [String] = []
      for node in graph.nodes(ofKind: kind.name) {
        let name = graph.name(of: node)
        if name.lowercased().hasPrefix(needle) {
          pool.append(checker.quoted(name))
        } else if case .strings(let aliases)? = graph.property("aliases", of: node) {
          pool += aliases.filter { $0.lowercased().hasPrefix(needle) }.map(checker.quoted)
        }
      }
      return pool
    }
    if last.isSymbol("@") {
      // Level codes on the ladder of the node before `@` (or, in `gap … to @`, of the start).
      var names: [String] = []
      if tokens.count >= 3, let kind = schema.kind(tokens[tokens.count - 3].text),
        case .found(let node) = graph.resolve(tokens[tokens.count - 2].text, kind: kind.name)
      {
        names = checker.ladderCodes(of: node)
      } else if let from = tokens.firstIndex(where: { $0.isKeyword("from") }), from + 2 < tokens.count,
        let kind = schema.kind(tokens[from + 1].text),
        case .found(let node) = graph.resolve(tokens[from + 2].text, kind: kind.name)
      {
        names = checker.ladderCodes(
          of: kind.name == "person" ? graph.neighbors(of: node, via: "holds").first?.node ?? node : node)
      }
      return names
    }
    if last.isSymbol("|") { return Keywords.commands }
    if last.isKeyword("from") || last.isKeyword("to") || last.isKeyword("overlap")
      || (last.isSymbol(",") && tokens.contains { $0.isKeyword("overlap") })
    {
      return schema.kinds.map(\.name) + (last.isKeyword("to") ? ["@"] : [])
    }
    if last.isSymbol(";") {
      return schema.kinds.map(\.plural) + ["let", "path", "gap", "overlap", "find"] + schema.kinds.map(\.name)
    }
    if last.isKeyword("sort") || last.isKeyword("group") { return ["by"] }
    // `find "words" in ` and `, ` after it: the kinds to search.
    if tokens.first?.isKeyword("find") == true, last.isKeyword("in") || last.isSymbol(","),
      !tokens.contains(where: { $0.isSymbol("|") })
    {
      return schema.kinds.map(\.plural)
    }
    if tokens.count == 2, tokens[0].isKeyword("find"), last.kind == .string { return ["in"] }
    // Inside a condition or a column list: enum cases after a comparison with an enum, else names.
    if let shape = conditionShape(tokens, head: head) {
      if let enumName = enumBeingCompared(tokens, shape: shape, checker: checker) {
        return checker.schemaEnum(enumName)?.cases ?? []
      }
      if last.kind == .identifier || last.kind == .string || last.kind == .number || last.isSymbol(")")
        || last.isSymbol("]")
      {
        return ["and", "or", "as", "asc", "desc", "in"]
      }
      if let dot = partial.firstIndex(of: ".") {
        let owner = String(partial[..<dot])
        return checker.qualifiedNames(owner, shape: shape).map { owner + "." + $0 }
      }
      return checker.candidateNames(shape) + Function.allCases.map { $0.rawValue + "(" } + ["not"]
    }
    return []
  }

  /// The position of the arrow whose edge name is being typed (`-> `, `-> (a | `), if any.
  func arrowIndex(_ tokens: [Token]) -> Int? {
    guard let last = tokens.last else { return nil }
    if last.isSymbol("->") || last.isSymbol("<-") || last.isSymbol("--") { return tokens.count - 1 }
    if last.isSymbol("(") || last.isSymbol("|") {
      // Inside `( a | b | ` right after an arrow?
      var i = tokens.count - 1
      while i >= 0 {
        let t = tokens[i]
        if t.isSymbol("(") {
          if i >= 1, ["->", "<-", "--"].contains(tokens[i - 1].text), tokens[i - 1].kind == .symbol {
            return i - 1
          }
          return nil
        }
        if !(t.kind == .identifier || t.isSymbol("|")) { return nil }
        i -= 1
      }
    }
    return nil
  }

  /// Whether the tokens end inside a condition or column list (where a kind word would be a node reference
  /// in a value, not the start of the pipeline).
  func isValuePosition(_ tokens: [Token]) -> Bool {
    tokens.contains { ["where", "select", "sort", "group"].contains($0.text) && $0.kind == .keyword }
  }

  /// The shape of the rows just before `token` (an arrow, a `|`, a `[`), by checking the text before it.
  func shapeBefore(_ token: Token, head: String) -> Shape? {
    let end = token.range.start
    let lines = head.split(separator: "\n", omittingEmptySubsequences: false)
    guard end.line - 1 < lines.count else { return nil }
    var prefix = lines[0..<(end.line - 1)].joined(separator: "\n")
    if end.line > 1 { prefix += "\n" }
    prefix += String(lines[end.line - 1].unicodeScalars.prefix(end.column - 1))
    // Strip a trailing `|` and the command words the pipeline cannot end with.
    var text = prefix.trimmingCharacters(in: .whitespaces)
    if text.hasSuffix("|") { text = String(text.dropLast()) }
    let (syntax, errors) = Parser.parse(text)
    guard errors.isEmpty, let statement = syntax.statements.last else { return nil }
    var checker = Checker(graph: graph, bindings: bindingShapes, parameters: parameters, text: text)
    switch statement {
    case .pipeline(let p), .let(_, let p, _):
      return checker.check(p, relative: nil)?.shape
    case .gap, .overlap, .path, .find:
      switch checker.check(statement) {
      case .gap(_, _, _, _, let shape)?, .overlap(_, _, _, let shape)?, .path(_, _, _, _, _, let shape)?,
        .find(_, _, _, let shape)?:
        return shape
      default: return nil
      }
    }
  }

  /// The rows a condition or column list being typed talks about.
  func conditionShape(_ tokens: [Token], head: String) -> Shape? {
    // The innermost open `[` (a step filter) or the last command keyword.
    var depth = 0
    for i in stride(from: tokens.count - 1, through: 0, by: -1) {
      let t = tokens[i]
      if t.isSymbol("]") { depth += 1 }
      // A `[` after `in`, a comparison, `(` or `,` opens a list, not a step filter.
      let opensList =
        i >= 1
        && (tokens[i - 1].isKeyword("in") || tokens[i - 1].isSymbol("(") || tokens[i - 1].isSymbol(",")
          || tokens[i - 1].kind == .symbol
            && ["=", "!=", "<", "<=", ">", ">=", "["].contains(tokens[i - 1].text))
      if t.isSymbol("[") && opensList {
        if depth > 0 { depth -= 1 }
        continue
      }
      if t.isSymbol("[") {
        if depth == 0 {
          // A step filter: the rows are what the step reaches, with its edges.
          guard i >= 1 else { return nil }
          var j = i - 1
          while j >= 0, !["->", "<-", "--"].contains(tokens[j].text) { j -= 1 }
          guard j >= 0, let base = shapeBefore(tokens[j], head: head), let kinds = base.nodeKinds else {
            return nil
          }
          let names = tokens[(j + 1)..<i].filter { $0.kind == .identifier }.map(\.text)
          let checker = Checker(graph: graph, bindings: [:], parameters: [:], text: "")
          var reached = Set<Int>()
          var types = Set<Int>()
          for name in names {
            guard let e = graph.schema.edgeType(name), let n = graph.schema.edgeTypeNumber(name) else {
              continue
            }
            reached.formUnion(
              checker.ends(of: e, from: kinds, direction: StepDirection(rawValue: tokens[j].text) ?? .forward)
            )
            types.insert(n)
          }
          return Shape(nodeKinds: reached, edgeTypes: types)
        }
        depth -= 1
      }
      if depth == 0, t.kind == .keyword, ["where", "select", "sort", "group"].contains(t.text) {
        guard i >= 1 else { return nil }
        return shapeBefore(tokens[i - 1], head: head)
      }
    }
    return nil
  }

  /// The enum of the property being compared (`proficiency >=`, `change in [added, `), if any.
  func enumBeingCompared(_ tokens: [Token], shape: Shape, checker: Checker) -> String? {
    var i = tokens.count - 1
    // Skip back over a list being written: `in [a, b, `.
    while i >= 0,
      tokens[i].isSymbol(",")
        || tokens[i].kind == .identifier && i >= 1
          && (tokens[i - 1].isSymbol(",") || tokens[i - 1].isSymbol("["))
    {
      i -= 1
    }
    if i >= 0, tokens[i].isSymbol("[") { i -= 1 }
    guard i >= 1 else { return nil }
    let op = tokens[i]
    let isComparison =
      op.kind == .symbol && ["=", "!=", "<", "<=", ">", ">="].contains(op.text) || op.isKeyword("in")
    guard isComparison else { return nil }
    let name = tokens[i - 1].text
    if let column = shape.columns.first(where: { $0.name == name }), case .enumeration(let e) = column.type {
      return e
    }
    if let p = checker.nodeProperty(name, shape: shape) ?? checker.edgeProperty(name, shape: shape),
      case .enumeration(let e) = p.type
    {
      return e
    }
    return nil
  }
}
