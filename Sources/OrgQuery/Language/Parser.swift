import OrgGraph

/// A recursive-descent parser for the query language (DESIGN.md, "Query language").
///
/// It reports the first unexpected token of each statement at its own span, then recovers at the next `;`
/// so one run reports one error per broken statement. Nesting deeper than ``Parser/maximumDepth`` is an
/// error, never a stack overflow.
public struct Parser {
  /// How deeply parentheses, sub-pipelines and expressions may nest.
  public static let maximumDepth = 64

  var tokens: [Token]
  var index = 0
  var depth = 0
  var diagnostics: [Diagnostic] = []

  struct Failure: Error {
    var diagnostic: Diagnostic
  }

  /// Parses `text` (from `file`, starting at `firstLine`) into statements and the diagnostics found.
  public static func parse(_ text: String, file: String? = nil, firstLine: Int = 1) -> (
    QuerySyntax, [Diagnostic]
  ) {
    var lexer = Lexer(text, file: file, firstLine: firstLine)
    let tokens = lexer.tokenize()
    var parser = Parser(tokens: tokens)
    parser.diagnostics = lexer.diagnostics
    let query = parser.parseQuery()
    return (query, parser.diagnostics)
  }

  init(tokens: [Token]) { self.tokens = tokens }

  // MARK: - Tokens

  var current: Token { tokens[min(index, tokens.count - 1)] }
  func peek(_ offset: Int = 1) -> Token { tokens[min(index + offset, tokens.count - 1)] }
  var previous: Token { tokens[max(min(index - 1, tokens.count - 1), 0)] }

  @discardableResult
  mutating func advance() -> Token {
    let token = current
    if index < tokens.count - 1 { index += 1 }
    return token
  }

  var atEnd: Bool { current.kind == .endOfInput }

  func failure(
    _ message: String, at token: Token? = nil, code: DiagnosticCode = .Q001, label: String? = nil,
    help: [String] = [],
    notes: [String] = []
  ) -> Failure {
    let token = token ?? current
    return Failure(
      diagnostic: Diagnostic(
        code: code, message: message, range: token.range, label: label ?? "found \(token.described)",
        help: help,
        notes: notes))
  }

  mutating func expectSymbol(_ symbol: String, _ what: String, help: [String] = []) throws(Failure) -> Token {
    guard current.isSymbol(symbol) else {
      throw failure("expected \(what), found \(current.described)", help: help)
    }
    return advance()
  }

  mutating func expectKeyword(_ word: String, help: [String] = []) throws(Failure) -> Token {
    guard current.isKeyword(word) else {
      throw failure("expected `\(word)`, found \(current.described)", help: help)
    }
    return advance()
  }

  mutating func nest() throws(Failure) {
    depth += 1
    if depth > Self.maximumDepth {
      throw failure(
        "the query nests more than \(Self.maximumDepth) levels deep", code: .Q005, label: "too deep here",
        help: ["split it with `let`: `let part = …` then use `$part`"])
    }
  }

  mutating func unnest() { depth -= 1 }

  // MARK: - Statements

  mutating func parseQuery() -> QuerySyntax {
    var statements: [StatementSyntax] = []
    while !atEnd {
      if current.isSymbol(";") {
        advance()
        continue
      }
      do throws(Failure) {
        statements.append(try parseStatement())
        if !atEnd && !current.isSymbol(";") {
          throw unexpectedAfterStatement()
        }
      } catch {
        diagnostics.append(error.diagnostic)
        // Recover at the next statement.
        while !atEnd && !current.isSymbol(";") { advance() }
      }
    }
    return QuerySyntax(statements: statements)
  }

  func unexpectedAfterStatement() -> Failure {
    let token = current
    if token.kind == .identifier || token.kind == .levelCode, previousWasBareName {
      return failure(
        "unexpected \(token.described) after a name", label: "the name ended before this word",
        help: [
          "a name with spaces needs quotes, like `role \"Cloud Engineer\"`; if `\(previousNodeRefText)` is a kind, "
            + "write `\(previousNodeRefText) \"\(previous.text) \(token.text)\"`"
        ])
    }
    if token.kind == .identifier, let command = Keywords.synonyms[token.text.lowercased()] {
      return failure(
        "unexpected \(token.described)", label: "not a command",
        help: ["commands follow `|`; " + Suggestions.question("| \(command)")])
    }
    if token.kind == .keyword && previous.kind == .identifier
      && (index < 2 || tokens[index - 2].kind != .symbol || tokens[index - 2].isSymbol(";"))
    {
      return failure(
        "unexpected reserved word `\(token.text)`", label: "a reserved word is never a name",
        help: ["to name a node `\(token.text)`, quote it: `\(previous.text) \"\(token.text)\"`"])
    }
    if token.kind == .identifier && previous.kind == .identifier {
      return failure(
        "unexpected \(token.described)", label: "expected `|`, a step like `->`, `;` or the end",
        help: ["stages start with `|` (`| where …`) or an arrow (`-> requires`)"])
    }
    return failure(
      "unexpected \(token.described)", label: "expected `|`, a step like `->`, `;` or the end",
      help: token.isSymbol(")") ? ["this `)` has no matching `(`"] : [])
  }

  /// Whether the token before the current one was a bare-word name of a node reference.
  var previousWasBareName: Bool {
    index >= 2 && tokens[index - 1].kind == .identifier && tokens[index - 2].kind == .identifier
      && (index < 3 || !tokens[index - 3].isSymbol("."))
  }

  var previousNodeRefText: String { index >= 2 ? tokens[index - 2].text : "" }

  mutating func parseStatement() throws(Failure) -> StatementSyntax {
    let start = current.range
    if current.isKeyword("let") {
      advance()
      let name = try identifier(
        "a name for the result", example: "let sre = role \"SRE Engineer\" -> requires")
      _ = try expectSymbol("=", "`=`", help: ["write `let \(name.name) = …`"])
      let pipeline = try parsePipeline()
      return .let(name, pipeline, start.through(pipeline.range))
    }
    if current.isKeyword("path") {
      advance()
      _ = try expectKeyword("from", help: ["write `path from A to B via -> (promotes_to | lateral)`"])
      let from = try parseSource()
      _ = try expectKeyword("to", help: ["write `path from A to B via -> (promotes_to | lateral)`"])
      let to = try parseSource()
      _ = try expectKeyword("via", help: ["name the edges to walk: `via -> (promotes_to | lateral)`"])
      guard isArrow(current) else {
        throw failure(
          "expected a step after `via`, found \(current.described)",
          help: ["write the direction and edges: `via -> (promotes_to | lateral)`"])
      }
      let step = try parseStep()
      var mode: PathModeSyntax?
      if current.isKeyword("shortest") {
        advance()
        if current.isKeyword("by") {
          advance()
          mode = .shortestBy(try identifier("a numeric edge property", example: "shortest by cost"))
        } else {
          mode = .shortest
        }
      } else if current.isKeyword("all") {
        advance()
        if current.isKeyword("shortest") {
          advance()
          mode = .allShortest
        } else if current.isKeyword("simple") {
          advance()
          mode = .allSimple
        } else {
          throw failure("expected `shortest` or `simple` after `all`, found \(current.described)")
        }
      }
      let stages = try parseStages()
      return .path(from: from, to: to, via: step, mode: mode, stages: stages, start.through(previous.range))
    }
    if current.isKeyword("gap") {
      advance()
      _ = try expectKeyword("from", help: ["write `gap from role \"A\" to level \"B\"`"])
      let from = try parseNodeRef(context: "after `gap from`")
      _ = try expectKeyword("to", help: ["write `gap from \(from.kind.name) … to level \"…\"`, or `to @ L3`"])
      var to: NodeRefSyntax?
      var code: NameSyntax?
      if current.isSymbol("@") {
        advance()
        code = try parseName(after: "`@`")
      } else {
        to = try parseNodeRef(context: "after `to`")
      }
      var via: Identifier?
      if current.isKeyword("via") {
        advance()
        via = try identifier("an edge type", example: "via assessed")
      }
      let stages = try parseStages()
      return .gap(from: from, to: to, code: code, via: via, stages: stages, start.through(previous.range))
    }
    if current.isKeyword("overlap") {
      advance()
      var refs = [try parseNodeRef(context: "after `overlap`")]
      guard current.isSymbol(",") else {
        throw failure(
          "`overlap` compares two or more nodes, found \(current.described)",
          help: ["separate them with commas: `overlap role \"A\", role \"B\"`"])
      }
      while current.isSymbol(",") {
        advance()
        refs.append(try parseNodeRef(context: "after `,`"))
      }
      var via: Identifier?
      if current.isKeyword("via") {
        advance()
        via = try identifier("an edge type", example: "via requires")
      }
      let stages = try parseStages()
      return .overlap(refs, via: via, stages: stages, start.through(previous.range))
    }
    if current.isKeyword("find") {
      advance()
      guard current.kind == .string || current.kind == .identifier || current.kind == .levelCode else {
        throw failure(
          "expected the words to find after `find`, found \(current.described)",
          help: ["write `find \"mentoring\"`, or `find \"kubernetes k8s\" in expectations`"])
      }
      let words = try parseName(after: "after `find`")
      var kinds: [Identifier] = []
      if current.isKeyword("in") {
        repeat {
          advance()
          kinds.append(
            try identifier("a kind to search, in the plural", example: "find \"mentoring\" in expectations"))
        } while current.isSymbol(",")
      }
      let stages = try parseStages()
      return .find(words, kinds: kinds, stages: stages, start.through(previous.range))
    }
    return .pipeline(try parsePipeline())
  }

  // MARK: - Pipelines

  mutating func parsePipeline() throws(Failure) -> PipelineSyntax {
    try nest()
    defer { unnest() }
    let source = try parseSource()
    let sourceName = try parseStageName(example: "competencies as c <- requires | select c.name, name")
    let stages = try parseStages()
    return PipelineSyntax(
      source: source, sourceName: sourceName, stages: stages, range: source.range.through(previous.range))
  }

  /// `as NAME` after a source or a step.
  mutating func parseStageName(example: String) throws(Failure) -> Identifier? {
    guard current.isKeyword("as") else { return nil }
    advance()
    return try newName("a name for these rows", example: example)
  }

  /// A name the user gives after `as`; a reserved word there gets a fresh name to use instead.
  mutating func newName(_ what: String, example: String) throws(Failure) -> Identifier {
    let token = current
    if token.kind == .keyword {
      let fresh = token.text == "count" ? "n" : token.text + "_"
      throw failure(
        "`\(token.text)` is a reserved word, so it cannot name \(what == "a column name" ? "a column" : "rows")",
        label: "reserved word", help: ["pick another name, like `as \(fresh)`"])
    }
    return try identifier(what, example: example)
  }

  mutating func parseSource() throws(Failure) -> SourceSyntax {
    let token = current
    switch token.kind {
    case .symbol where token.isSymbol("("):
      advance()
      let pipeline = try parsePipeline()
      _ = try expectSymbol(")", "`)` to close the `(`", help: ["add the missing `)`"])
      return .pipeline(pipeline)
    case .variable:
      advance()
      return .variable(Identifier(name: token.text, range: token.range))
    case .identifier:
      if isName(peek()) { return .node(try parseNodeRef(context: "")) }
      advance()
      return .kind(Identifier(name: token.text, range: token.range))
    case .string:
      throw failure(
        "a name needs its kind in front", label: "which kind of node is this?",
        help: [
          "say which kind: `role \"\(token.text)\"`, `level \"\(token.text)\"`, `team \"\(token.text)\"` …"
        ])
    case .keyword:
      throw failure(
        "`\(token.text)` is a reserved word and cannot start a query", label: "reserved word",
        help: token.text == "count" || token.text == "where"
          ? ["start with what to look at, like `roles`, then `| \(token.text) …`"]
          : ["quote a name that is also a reserved word: `team \"\(token.text)\"`"])
    case .endOfInput:
      throw failure(
        "expected a query, found the end",
        help: ["start with a kind like `roles` or a node like `role \"Cloud Engineer\"`"])
    default:
      throw failure(
        "expected what to start from, found \(token.described)",
        help: ["start with a kind like `roles`, a node like `role \"Cloud Engineer\"`, or `$name`"])
    }
  }

  func isName(_ token: Token) -> Bool {
    token.kind == .identifier || token.kind == .string || token.kind == .levelCode
  }

  func isArrow(_ token: Token) -> Bool {
    token.isSymbol("->") || token.isSymbol("<-") || token.isSymbol("--")
  }

  mutating func parseName(after context: String) throws(Failure) -> NameSyntax {
    let token = current
    switch token.kind {
    case .identifier:
      advance()
      return NameSyntax(text: token.text, style: .identifier, range: token.range)
    case .string:
      advance()
      return NameSyntax(text: token.text, style: .string, range: token.range)
    case .levelCode:
      advance()
      return NameSyntax(text: token.text, style: .levelCode, range: token.range)
    case .keyword:
      throw failure(
        "`\(token.text)` is a reserved word, not a name", label: "reserved word",
        help: ["quote it: `\"\(token.text)\"`"])
    default:
      throw failure(
        "expected a name \(context), found \(token.described)",
        help: ["write a name, quoted if it has spaces: `\"Cloud Engineer\"`"])
    }
  }

  mutating func parseNodeRef(context: String) throws(Failure) -> NodeRefSyntax {
    let kindToken = current
    guard kindToken.kind == .identifier else {
      if kindToken.kind == .string {
        throw failure(
          "a name needs its kind in front", label: "which kind of node is this?",
          help: ["say which kind: `role \"\(kindToken.text)\"` or `level \"\(kindToken.text)\"`"])
      }
      throw failure(
        "expected a node \(context), like `role \"Cloud Engineer\"`, found \(kindToken.described)")
    }
    advance()
    let kind = Identifier(name: kindToken.text, range: kindToken.range)
    guard isName(current) else {
      throw failure(
        "expected a name after `\(kind.name)`, found \(current.described)",
        help: ["name the node: `\(kind.name) \"…\"`"])
    }
    let name = try parseName(after: "after `\(kind.name)`")
    var code: NameSyntax?
    if current.isSymbol("@") {
      advance()
      code = try parseName(after: "after `@`")
    }
    return NodeRefSyntax(kind: kind, name: name, code: code, range: kind.range.through(previous.range))
  }

  mutating func identifier(_ what: String, example: String) throws(Failure) -> Identifier {
    let token = current
    guard token.kind == .identifier else {
      if token.kind == .keyword {
        throw failure(
          "`\(token.text)` is a reserved word, expected \(what)", label: "reserved word",
          help: ["for example: `\(example)`"])
      }
      throw failure("expected \(what), found \(token.described)", help: ["for example: `\(example)`"])
    }
    advance()
    return Identifier(name: token.text, range: token.range)
  }

  mutating func parseStages() throws(Failure) -> [StageSyntax] {
    var stages: [StageSyntax] = []
    while true {
      if isArrow(current) {
        stages.append(.step(try parseStep()))
      } else if current.isSymbol("|") {
        advance()
        if isArrow(current) {
          stages.append(.step(try parseStep()))
        } else {
          stages.append(.command(try parseCommand()))
        }
      } else if current.kind == .keyword, Keywords.commands.contains(current.text), current.text != "count" {
        let token = current
        throw failure(
          "`\(token.text)` needs a `|` in front", code: .Q007, label: "missing `|` before this command",
          help: ["write `| \(token.text) …`"])
      } else {
        return stages
      }
    }
  }

  mutating func parseStep() throws(Failure) -> StepSyntax {
    let arrow = advance()
    guard let direction = StepDirection(rawValue: arrow.text) else {
      throw failure("expected `->`, `<-` or `--`", at: arrow)
    }
    var edges: [Identifier] = []
    if current.isSymbol("(") {
      advance()
      edges.append(try edgeName(after: "`(`"))
      while current.isSymbol("|") {
        advance()
        edges.append(try edgeName(after: "`|`"))
      }
      _ = try expectSymbol(")", "`)` or `|` between edge types", help: ["write `(promotes_to | lateral)`"])
    } else {
      edges.append(try edgeName(after: "`\(arrow.text)`"))
    }
    var quantifier: QuantifierSyntax?
    let q = current
    if q.isSymbol("+") || q.isSymbol("*") || q.isSymbol("?") {
      advance()
      let bounds: (Int, Int?) = q.text == "+" ? (1, nil) : q.text == "*" ? (0, nil) : (0, 1)
      quantifier = QuantifierSyntax(min: bounds.0, max: bounds.1, text: q.text, range: q.range)
    } else if q.isSymbol("{") {
      quantifier = try parseBounds()
    }
    var filter: ExprSyntax?
    if current.isSymbol("[") {
      advance()
      try nest()
      filter = try parseExpr()
      unnest()
      _ = try expectSymbol("]", "`]` to close the step filter")
    }
    let range = arrow.range.through(previous.range)
    let name = try parseStageName(example: "competencies <- requires as r | select name, r.proficiency")
    return StepSyntax(
      direction: direction, edges: edges, quantifier: quantifier, filter: filter, name: name, range: range)
  }

  mutating func edgeName(after context: String) throws(Failure) -> Identifier {
    let token = current
    guard token.kind == .identifier else {
      if token.kind == .keyword {
        throw failure("`\(token.text)` is a reserved word, not an edge type", label: "reserved word")
      }
      throw failure(
        "expected an edge type after \(context), found \(token.described)",
        help: ["write an edge type, like `-> requires`"])
    }
    advance()
    return Identifier(name: token.text, range: token.range)
  }

  mutating func parseBounds() throws(Failure) -> QuantifierSyntax {
    let open = advance()
    func integer() throws(Failure) -> Int {
      let token = current
      guard token.kind == .number, let n = Int(token.text), n <= 1_000_000 else {
        throw failure(
          "expected a whole number of hops, found \(token.described)", code: .Q004,
          help: ["write bounds like `{1,3}` or `{2,}`"])
      }
      advance()
      return n
    }
    let low = try integer()
    var high: Int? = low
    if current.isSymbol(",") {
      advance()
      high = current.kind == .number ? try integer() : nil
    }
    let close = try expectSymbol("}", "`}` to close the bounds")
    let range = open.range.through(close.range)
    if let high, high < low {
      throw Failure(
        diagnostic: Diagnostic(
          code: .Q004, message: "the bounds `{\(low),\(high)}` are empty: \(high) is less than \(low)",
          range: range,
          label: "no number of hops fits", help: ["write `{\(high),\(low)}`"]))
    }
    let text = high == low ? "{\(low)}" : "{\(low),\(high.map(String.init) ?? "")}"
    return QuantifierSyntax(min: low, max: high, text: text, range: range)
  }

  // MARK: - Commands

  /// `EXPR [as NAME], …` after `select` or `group by`.
  mutating func parseItems(example: String) throws(Failure) -> [SelectItemSyntax] {
    var items: [SelectItemSyntax] = []
    repeat {
      if !items.isEmpty { advance() }
      let expr = try parseExpr()
      var alias: Identifier?
      if current.isKeyword("as") {
        advance()
        alias = try newName("a column name", example: example)
      }
      items.append(SelectItemSyntax(expr: expr, alias: alias))
    } while current.isSymbol(",")
    return items
  }

  mutating func parseCommand() throws(Failure) -> CommandSyntax {
    let token = current
    guard token.kind == .keyword, let command = QueryCommand(rawValue: token.text) else {
      var help: [String] = []
      let word = token.text.lowercased()
      if let synonym = Keywords.synonyms[word] {
        help = [Suggestions.question(synonym)]
      } else if token.kind == .identifier {
        help = Suggestions.didYouMean(word, in: Keywords.commands)
      }
      throw failure(
        "expected a command or a step after `|`, found \(token.described)", label: "not a command",
        help: help,
        notes: ["commands: " + Keywords.commands.joined(separator: ", ")])
    }
    advance()
    switch command {
    case .where:
      let expr = try parseExpr()
      return .where(expr, token.range.through(previous.range))
    case .select:
      let items = try parseItems(example: "select count(-> requires) as demand")
      return .select(items, token.range.through(previous.range))
    case .sort:
      _ = try expectKeyword("by", help: ["write `sort by name`"])
      var keys: [SortKeySyntax] = []
      repeat {
        if !keys.isEmpty { advance() }
        let expr = try parseExpr()
        var descending = false
        if current.isKeyword("desc") {
          advance()
          descending = true
        } else if current.isKeyword("asc") {
          advance()
        }
        keys.append(SortKeySyntax(expr: expr, descending: descending))
      } while current.isSymbol(",")
      return .sort(keys, token.range.through(previous.range))
    case .group:
      _ = try expectKeyword("by", help: ["write `group by area`"])
      let items = try parseItems(example: "group by area as domain")
      return .group(items, token.range.through(previous.range))
    case .distinct:
      return .distinct(token.range)
    case .count:
      return .count(token.range)
    case .limit:
      let n = current
      guard n.kind == .number, let value = Int(n.text) else {
        throw failure(
          "expected a number of rows after `limit`, found \(n.described)", help: ["write `limit 10`"])
      }
      advance()
      return .limit(value, token.range.through(n.range))
    case .render:
      var format: Identifier?
      if current.kind == .identifier {
        let f = advance()
        format = Identifier(name: f.text, range: f.range)
      }
      var file: NameSyntax?
      if current.isKeyword("to") {
        advance()
        guard current.kind == .string else {
          throw failure(
            "expected a file name in quotes after `to`, found \(current.described)",
            help: ["write `render svg to \"path.svg\"`"])
        }
        let f = advance()
        file = NameSyntax(text: f.text, style: .string, range: f.range)
      }
      return .render(format: format, file: file, token.range.through(previous.range))
    case .union, .intersect, .except:
      let op = Identifier(name: token.text, range: token.range)
      if current.kind == .variable {
        let v = advance()
        return .setOperation(
          op, .variable(Identifier(name: v.text, range: v.range)), token.range.through(v.range))
      }
      guard current.isSymbol("(") else {
        throw failure(
          "expected `(` or `$name` after `\(token.text)`, found \(current.described)",
          help: ["write `| \(token.text) (roles -> requires)` or `| \(token.text) $name`"])
      }
      advance()
      let pipeline = try parsePipeline()
      _ = try expectSymbol(")", "`)` to close the `(`")
      return .setOperation(op, .pipeline(pipeline), token.range.through(previous.range))
    }
  }

  // MARK: - Expressions

  mutating func parseExpr() throws(Failure) -> ExprSyntax {
    try nest()
    defer { unnest() }
    var operands = [try parseAnd()]
    while current.isKeyword("or") {
      advance()
      operands.append(try parseAnd())
    }
    return Self.balanced(.or, operands[...])
  }

  mutating func parseAnd() throws(Failure) -> ExprSyntax {
    var operands = [try parseNot()]
    while current.isKeyword("and") {
      advance()
      operands.append(try parseNot())
    }
    return Self.balanced(.and, operands[...])
  }

  /// A chain `a and b and c …` (or `or`) as a balanced tree rather than a left-deep one. Both operators are
  /// associative, so the meaning and the left-to-right order of the operands are the same, but the tree is
  /// only log₂(n) deep: a chain of any length cannot drive the checker's, evaluator's or printers'
  /// recursion deep enough to overflow the stack (a left-deep chain of 900 terms did). The left half takes
  /// the extra operand, so chains of two and three read as before: `(a and b) and c`.
  static func balanced(_ op: BinaryOperator, _ operands: ArraySlice<ExprSyntax>) -> ExprSyntax {
    guard operands.count > 1, let first = operands.first, let last = operands.last else {
      return operands.first ?? .literal(.bool(true), SourceRange(file: nil, line: 1, column: 1))
    }
    let middle = operands.startIndex + (operands.count + 1) / 2
    let left = balanced(op, operands[..<middle])
    let right = balanced(op, operands[middle...])
    return .binary(op, left, right, first.range.through(last.range))
  }

  mutating func parseNot() throws(Failure) -> ExprSyntax {
    if current.isKeyword("not") {
      let token = advance()
      try nest()
      defer { unnest() }
      let operand = try parseNot()
      return .not(operand, token.range.through(operand.range))
    }
    return try parseComparison()
  }

  mutating func parseComparison() throws(Failure) -> ExprSyntax {
    let left = try parseTerm()
    let token = current
    if token.kind == .symbol, let op = BinaryOperator(rawValue: token.text),
      [.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual].contains(op)
    {
      advance()
      let right = try parseTerm()
      return .binary(op, left, right, left.range.through(right.range))
    }
    if token.isKeyword("in") {
      advance()
      let right = try parseTerm()
      return .binary(.in, left, right, left.range.through(right.range))
    }
    if token.isSymbol("~") {
      advance()
      if current.kind == .variable {
        let v = advance()
        let variable = ExprSyntax.variable(Identifier(name: v.text, range: v.range))
        return .binary(.matches, left, variable, left.range.through(v.range))
      }
      guard current.kind == .string else {
        throw failure(
          "expected a pattern in quotes after `~`, found \(current.described)",
          help: ["write `name ~ \"Engineer\"`"])
      }
      let pattern = advance()
      return .binary(
        .matches, left, .literal(.string(pattern.text), pattern.range), left.range.through(pattern.range))
    }
    return left
  }

  mutating func parseTerm() throws(Failure) -> ExprSyntax {
    let token = current
    switch token.kind {
    case .string:
      advance()
      return .literal(.string(token.text), token.range)
    case .number:
      advance()
      return .literal(.number(Double(token.text) ?? 0), token.range)
    case .levelCode:
      advance()
      return .literal(.levelCode(token.text), token.range)
    case .variable:
      advance()
      return .variable(Identifier(name: token.text, range: token.range))
    case .keyword where token.text == "true" || token.text == "false":
      advance()
      return .literal(.bool(token.text == "true"), token.range)
    case .keyword where token.text == "count" && peek().isSymbol("("):
      return try parseCall()
    case .identifier:
      if peek().isSymbol("(") { return try parseCall() }
      if isName(peek()) && !peek().isSymbol(".") { return .node(try parseNodeRef(context: "")) }
      advance()
      var parts = [Identifier(name: token.text, range: token.range)]
      while current.isSymbol(".") {
        advance()
        let part = current
        guard part.kind == .identifier else {
          throw failure("expected a property name after `.`, found \(part.described)")
        }
        advance()
        parts.append(Identifier(name: part.text, range: part.range))
      }
      return .name(parts, token.range.through(previous.range))
    case .symbol where token.isSymbol("("):
      advance()
      let inner = try parseExpr()
      _ = try expectSymbol(")", "`)` to close the `(`")
      return inner
    case .symbol where token.isSymbol("["):
      advance()
      try nest()
      defer { unnest() }
      var items: [ExprSyntax] = []
      if !current.isSymbol("]") {
        items.append(try parseExpr())
        while current.isSymbol(",") {
          advance()
          items.append(try parseExpr())
        }
      }
      let close = try expectSymbol("]", "`]` or `,` in the list")
      return .list(items, token.range.through(close.range))
    case .symbol where isArrow(token):
      return .bareStep(try parseStep())
    case .symbol where token.isSymbol(">") && previous.isSymbol("="):
      throw failure(
        "`=>` is not an operator", at: previous, label: Suggestions.question(">="),
        help: ["write `>=` (or `<=`)"])
    case .keyword:
      var help = ["a reserved word is never a name; quote a value that collides: `\"\(token.text)\"`"]
      if token.text == "count" {
        help = ["as a function: `count(-> requires)`; after `group by`, the count is `size`"]
      }
      throw failure(
        "expected a value, found the reserved word `\(token.text)`", label: "reserved word", help: help)
    default:
      throw failure(
        "expected a value, found \(token.described)",
        help: token.kind == .endOfInput ? ["finish the condition, like `proficiency >= advanced`"] : [])
    }
  }

  mutating func parseCall() throws(Failure) -> ExprSyntax {
    let nameToken = advance()
    let name = Identifier(name: nameToken.text, range: nameToken.range)
    _ = try expectSymbol("(", "`(`")
    try nest()
    defer { unnest() }
    var arguments: [ArgumentSyntax] = []
    if !current.isSymbol(")") {
      repeat {
        if !arguments.isEmpty { advance() }
        if isArrow(current) {
          let step = try parseStep()
          let stages = try parseStages()
          arguments.append(.pipeline(step, stages, step.range.through(previous.range)))
        } else {
          arguments.append(.expr(try parseExpr()))
        }
      } while current.isSymbol(",")
    }
    let close = try expectSymbol(")", "`)` to close `\(name.name)(`")
    return .call(name, arguments, nameToken.range.through(close.range))
  }
}

extension Parser {
  /// Why a REPL line is unfinished.
  public enum OpenInput: Sendable, Equatable {
    /// A quote is open at the end of the line: the next line continues the string (joined with a space).
    case quote
    /// A bracket is open, or the line ends with `|`, an arrow, `,`, `and`, `or` or `not`.
    case expression
  }

  /// Whether `text` is unfinished, and why; `nil` when it can run.
  public static func openInput(_ text: String) -> OpenInput? {
    var scanner = InputScanner()
    scanner.feed(text)
    return scanner.open
  }

  /// Whether input read so far is unfinished, fed a piece at a time: a shell that reads a long query line
  /// by line feeds each line once, instead of scanning everything read so far again for every line (2,000
  /// continued lines took 38 seconds that way).
  public struct InputScanner: Sendable {
    var depth = 0
    var quote: Character?
    var inComment = false
    /// A string ran past the end of a line: the input is complete, and the lexer reports the string.
    var brokenString = false
    var lastSignificant: [Character] = []
    var currentLine = ""
    var lastLine = ""

    /// A scanner that has read nothing.
    public init() {}

    /// Reads more input.
    public mutating func feed(_ text: some StringProtocol) {
      for c in text {
        if c == "\n" {
          if !currentLine.isEmpty { lastLine = currentLine }
          currentLine = ""
        } else {
          currentLine.append(c)
        }
        if inComment {
          if c == "\n" { inComment = false }
          continue
        }
        if let q = quote {
          if c == q { quote = nil }
          if c == "\n" {
            brokenString = true
            quote = nil
          }
          continue
        }
        switch c {
        case "\"", "'": quote = c
        case "#": inComment = true
        case "(", "[", "{": depth += 1
        case ")", "]", "}": depth -= 1
        default: break
        }
        if !c.isWhitespace && !inComment {
          lastSignificant.append(c)
          if lastSignificant.count > 3 { lastSignificant.removeFirst() }
        }
      }
    }

    /// Whether what was read is unfinished, and why; `nil` when it can run.
    public var open: OpenInput? {
      if brokenString { return nil }  // a string cannot span lines: let the lexer report it
      if quote != nil { return .quote }
      if depth > 0 { return .expression }
      let tail = String(lastSignificant)
      if ["|", "->", "<-", "--", ","].contains(where: { tail.hasSuffix($0) }) { return .expression }
      let line = currentLine.isEmpty ? lastLine : currentLine
      let code = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
      if let word = code.split(separator: " ").last, ["and", "or", "not"].contains(String(word)) {
        return .expression
      }
      return nil
    }
  }
}
