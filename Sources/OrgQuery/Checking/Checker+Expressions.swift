import Foundation
import OrgGraph

/// Rules for expressions: names resolve to a column, a property of the row's node or edge (Q104, Q107),
/// enum words are cases of their enum (Q106), comparisons compare like with like (Q109), conditions are
/// true or false and sets are not used as conditions (Q110), and patterns are valid (Q205).
extension Checker {
  mutating func checkExpr(_ expr: ExprSyntax, shape: Shape, expected: ValueType? = nil) -> (
    ExprPlan, ValueType
  )? {
    switch expr {
    case .literal(let literal, _):
      switch literal {
      case .string(let s):
        if case .enumeration(let e)? = expected, let c = schemaEnum(e)?.enumCase(s) {
          return (.literal(.enumCase(c)), .enumeration(e))
        }
        return (.literal(.string(s)), .string)
      case .number(let d): return (.literal(.number(d)), .number)
      case .levelCode(let c): return (.literal(.string(c)), .string)
      case .bool(let b): return (.literal(.bool(b)), .bool)
      }
    case .variable(let name):
      if bindings[name.name] != nil { return (.variable(name.name), .set) }
      if let value = parameters[name.name] { return (.literal(value), type(of: value)) }
      reportUnbound(name)
      return nil
    case .node(let ref):
      guard let node = resolveNode(ref) else { return nil }
      return (.literal(.node(node)), .node([graph.kindNumber(of: node)]))
    case .call(let name, let arguments, let range):
      return checkCall(name, arguments, range: range, shape: shape)
    case .name(let parts, _):
      return resolveName(parts, shape: shape, expected: expected)
    case .not(let inner, _):
      guard let (plan, type) = checkExpr(inner, shape: shape), requireCondition(inner, type: type) else {
        return nil
      }
      return (.not(plan), .bool)
    case .binary(let op, let left, let right, _):
      return checkBinary(op, left, right, shape: shape)
    case .list(let items, _):
      var plans: [ExprPlan] = []
      var element: ValueType = .any
      var elementExpected: ValueType? = nil
      if case .list(let e)? = expected { elementExpected = e }
      for item in items {
        guard let (plan, type) = checkExpr(item, shape: shape, expected: elementExpected) else { return nil }
        plans.append(plan)
        element = element == .any ? type : element
      }
      return (.list(plans), .list(element))
    case .bareStep(let step):
      error(
        .Q110, "a step is a set of rows, not a value", at: step.range, label: "a set of rows",
        help: [
          "to test whether it finds anything, write `exists(\(slice(step.range)))`",
          "to count what it finds, write `count(\(slice(step.range)))`",
        ])
      return nil
    }
  }

  func schemaEnum(_ name: String) -> EnumDefinition? {
    if name == ChangeEnum.name { return EnumDefinition(name: name, cases: ChangeEnum.cases) }
    return schema.enumDefinition(name)
  }

  func type(of value: QueryValue) -> ValueType {
    switch value {
    case .null, .unrated: return .any
    case .bool: return .bool
    case .number: return .number
    case .string: return .string
    case .enumCase(let c): return .enumeration(c.enumName)
    case .node(let n): return .node([graph.kindNumber(of: n)])
    case .edge: return .edge
    case .list: return .list(.any)
    case .path: return .path
    case .source: return .source
    }
  }

  /// A condition must be true or false: a set (Q110) or another value (Q109) is not.
  mutating func requireCondition(_ expr: ExprSyntax, type: ValueType) -> Bool {
    switch type {
    case .bool, .any: return true
    case .set:
      var help = ["to test whether it has rows, write `exists(…)`"]
      if case .variable(let v) = expr { help = ["to test membership, write `in $\(v.name)`"] }
      error(
        .Q110, "a set of rows is not a condition", at: expr.range, label: "a set, not true or false",
        help: help)
      return false
    case .number:
      error(
        .Q109, "a condition must be true or false, but this is a number", at: expr.range, label: "a number",
        help: ["compare it: `\(slice(expr.range)) > 0`"])
      return false
    default:
      error(
        .Q109, "a condition must be true or false, but this is \(type.name)", at: expr.range,
        label: type.name, help: ["compare it with something: `\(slice(expr.range)) = …`"])
      return false
    }
  }

  // MARK: - Names

  /// Properties of the row's node kinds and edge types.
  func nodeProperty(_ name: String, shape: Shape) -> PropertyDefinition? {
    for k in (shape.nodeKinds ?? []).sorted() { if let p = schema.kinds[k].property(name) { return p } }
    return nil
  }

  func edgeProperty(_ name: String, shape: Shape) -> PropertyDefinition? {
    for t in shape.edgeTypes.sorted() { if let p = schema.edgeTypes[t].property(name) { return p } }
    return nil
  }

  func candidateNames(_ shape: Shape) -> [String] {
    var names = shape.columns.map(\.name) + shape.carried.map(\.name)
    for k in (shape.nodeKinds ?? []).sorted() { names += schema.kinds[k].properties.map(\.name) }
    for t in shape.edgeTypes.sorted() { names += schema.edgeTypes[t].properties.map(\.name) }
    if shape.nodeKinds != nil { names += ["id", "kind"] }
    var seen = Set<String>()
    return names.filter { seen.insert($0).inserted }
  }

  mutating func resolveName(_ parts: [Identifier], shape: Shape, expected: ValueType?) -> (
    ExprPlan, ValueType
  )? {
    guard let first = parts.first else { return nil }
    let range = first.range.through(parts.last?.range ?? first.range)
    if !shape.columns.contains(where: { $0.name == first.name }),
      let carried = resolveCarried(parts, shape: shape)
    {
      return carried
    }
    if parts.count == 1 {
      let name = first.name
      if let i = shape.columns.firstIndex(where: { $0.name == name }) {
        return (.column(i), shape.columns[i].type)
      }
      if shape.nodeKinds != nil {
        let nodeP = nodeProperty(name, shape: shape)
        let edgeP = edgeProperty(name, shape: shape)
        if let nodeP, let edgeP {
          error(
            .Q107, "`\(name)` is a property of both the node and the edge", at: range, label: "ambiguous",
            help: ["write `node.\(name)` or `edge.\(name)`"])
          _ = (nodeP, edgeP)
          return nil
        }
        if let nodeP { return (.nodeProperty(name), ValueType(nodeP.type)) }
        if let edgeP { return (.edgeProperty(name), ValueType(edgeP.type)) }
        if name == "id" { return (.nodeID, .string) }
        if name == "kind" { return (.nodeKind, .string) }
      }
      if case .enumeration(let e)? = expected, let definition = schemaEnum(e) {
        if let c = definition.enumCase(name) { return (.literal(.enumCase(c)), .enumeration(e)) }
        var help = Suggestions.didYouMean(name, in: definition.cases)
        if help.isEmpty, e == "proficiency", let mapped = Self.proficiencyWords[name.lowercased()] {
          help = [Suggestions.question(mapped) + " (“\(name)” maps to \(mapped) on the scale)"]
        }
        error(
          .Q106, "`\(name)` is not \(e == "proficiency" ? "a proficiency" : "a case of `\(e)`")", at: range,
          label: "unknown \(e)", help: help,
          notes: ["\(e): " + definition.cases.joined(separator: e == "proficiency" ? " < " : ", ")])
        return nil
      }
      reportUnknownName(name, range: range, shape: shape)
      return nil
    }
    // Qualified names: node.x, edge.x, column.x, and the parts of a source (`source.document`).
    let property = parts[1].name
    if parts.count == 2, !["node", "edge"].contains(first.name),
      let (base, type) = sourceBase(first.name, shape: shape),
      type == .source
    {
      guard Self.sourceParts.contains(property) else {
        error(
          .Q104, "`\(first.name)` is where a statement comes from; it has no part `\(property)`",
          at: parts[1].range, label: "not a part of a source",
          help: Suggestions.didYouMean(property, in: Self.sourceParts, written: { "\(first.name).\($0)" }),
          notes: ["a source has `\(first.name).document`, `\(first.name).line` and `\(first.name).title`"])
        return nil
      }
      return (.sourcePart(base, property), property == "line" ? .number : .string)
    }
    switch first.name {
    case "node":
      if property == "id" { return (.nodeID, .string) }
      if property == "kind" { return (.nodeKind, .string) }
      if let p = nodeProperty(property, shape: shape) { return (.nodeProperty(property), ValueType(p.type)) }
    case "edge":
      if property == "type", !shape.edgeTypes.isEmpty { return (.edgeType, .string) }
      if let p = edgeProperty(property, shape: shape) { return (.edgeProperty(property), ValueType(p.type)) }
      if shape.edgeTypes.isEmpty {
        error(
          .Q104, "these rows came by no edge", at: range, label: "no edge here",
          help: ["`edge.…` works right after a one-hop step like `-> requires`"])
        return nil
      }
    default:
      if let i = shape.columns.firstIndex(where: { $0.name == first.name }),
        case .node(let kinds) = shape.columns[i].type
      {
        let all = kinds.isEmpty ? Set(0..<schema.kinds.count) : kinds
        if property == "id" || property == "name" || property == "kind"
          || all.contains(where: { schema.kinds[$0].property(property) != nil })
        {
          let type =
            all.compactMap { schema.kinds[$0].property(property) }.first.map { ValueType($0.type) } ?? .string
          return (.columnProperty(i, property), type)
        }
      }
    }
    // A column that holds values, not nodes (a gap's `evidence` list): say what it is and where its
    // statements' properties are.
    if parts.count == 2, let column = shape.columns.first(where: { $0.name == first.name }) {
      if case .list = column.type {
        error(
          .Q104, "`\(first.name)` is \(column.type.name), not a node: it has no property `\(property)`",
          at: parts[1].range, label: "not a node",
          help: [
            "`select \(first.name)` shows it whole; for the statements behind a requirement and where they are, start from the level or role: `level \"…\" -> expects | select text, \(property)`"
          ])
        return nil
      }
    }
    if parts.count > 2 || ["node", "edge"].contains(first.name) == false {
      if shape.columns.contains(where: { $0.name == first.name }) == false {
        reportUnknownName(first.name, range: first.range, shape: shape)
        return nil
      }
    }
    let pool: [String]
    if first.name == "edge" {
      pool = shape.edgeTypes.sorted().flatMap { schema.edgeTypes[$0].properties.map(\.name) }
    } else {
      pool = (shape.nodeKinds ?? []).sorted().flatMap { schema.kinds[$0].properties.map(\.name) }
    }
    error(
      .Q104, "`\(first.name)` has no property `\(property)`", at: parts[1].range, label: "unknown property",
      help: Suggestions.didYouMean(property, in: pool, written: { "\(first.name).\($0)" }))
    return nil
  }

  static let sourceParts = ["document", "line", "title"]

  /// A single name that is a column, a carried name or a property of the rows, resolved without reporting.
  func sourceBase(_ name: String, shape: Shape) -> (ExprPlan, ValueType)? {
    if let i = shape.columns.firstIndex(where: { $0.name == name }) {
      return (.column(i), shape.columns[i].type)
    }
    if let i = shape.carried.firstIndex(where: { $0.name == name }) {
      return (.carried(i), shape.carried[i].type)
    }
    if let p = nodeProperty(name, shape: shape) { return (.nodeProperty(name), ValueType(p.type)) }
    if let p = edgeProperty(name, shape: shape) { return (.edgeProperty(name), ValueType(p.type)) }
    return nil
  }

  static let proficiencyWords: [String: String] = [
    "familiar": "awareness", "familiarity": "awareness", "basic": "foundational", "beginner": "foundational",
    "experience": "working", "experienced": "working", "intermediate": "working", "competent": "working",
    "proficient": "advanced", "strong": "advanced", "expertise": "expert", "master": "expert",
  ]

  mutating func reportUnknownName(_ name: String, range: SourceRange, shape: Shape) {
    let candidates = candidateNames(shape)
    var help = Suggestions.didYouMean(name, in: candidates)
    var label = "unknown name"
    if help.isEmpty, case .found = graph.resolve(name, kind: nil) {
      label = "the name of a node, not a column"
      help = ["to compare with text, quote it: `\"\(name)\"`"]
    }
    if help.isEmpty {
      // A word that only makes sense elsewhere: an enum case with nothing to compare to, a kind, an edge.
      if let e = schema.enums.first(where: { $0.cases.contains(name) }) {
        label = "a `\(e.name)` word"
        help = ["compare it with a property: `proficiency >= \(name)`"]
      } else if schema.edgeType(name) != nil {
        help = ["to follow `\(name)` edges, write `exists(-> \(name))` or `count(-> \(name))`"]
      } else if let kind = schema.kind(name) ?? schema.kind(plural: name) {
        help = [
          "to keep the \(kind.name) an earlier stage was at, name that stage with `as`: "
            + "`\(kind.plural) as \(kind.name.prefix(1)) … | select \(kind.name.prefix(1))`",
          "to name one node, write `\(kind.name) \"Name\"`",
        ]
      }
    }
    let rows = shape.nodeKinds == nil ? "these rows" : "the rows here (\(kindNames(shape.nodeKinds)))"
    error(
      .Q104, "\(rows) have no column or property `\(name)`", at: range, label: label, help: help,
      notes: candidates.isEmpty ? [] : ["available: " + candidates.joined(separator: ", ")])
  }

  // MARK: - Operators

  mutating func checkBinary(_ op: BinaryOperator, _ left: ExprSyntax, _ right: ExprSyntax, shape: Shape)
    -> (ExprPlan, ValueType)?
  {
    switch op {
    case .and, .or:
      let l = checkExpr(left, shape: shape)
      let r = checkExpr(right, shape: shape)
      guard let (lp, lt) = l, let (rp, rt) = r else { return nil }
      guard requireCondition(left, type: lt), requireCondition(right, type: rt) else { return nil }
      return (.binary(op, lp, rp), .bool)
    case .matches:
      guard let (lp, lt) = checkExpr(left, shape: shape) else { return nil }
      var pattern = ""
      let range = right.range
      switch right {
      case .literal(.string(let p), _): pattern = p
      case .variable(let v):
        guard let value = parameters[v.name] else {
          if bindings[v.name] != nil {
            error(
              .Q109, "`~` takes a pattern, but `$\(v.name)` is a set of rows", at: v.range, label: "a set")
          } else {
            reportUnbound(v)
          }
          return nil
        }
        guard case .string(let p) = value else {
          error(
            .Q109, "`~` takes a pattern, but `$\(v.name)` is \(Self.describe(value))", at: v.range,
            label: "not text")
          return nil
        }
        pattern = p
      default: return nil
      }
      if lt == .set || lt == .number || lt == .bool {
        error(.Q109, "`~` matches text, but this is \(lt.name)", at: left.range, label: lt.name)
        return nil
      }
      do {
        _ = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
      } catch {
        self.error(
          .Q205, "`\(pattern)` is not a valid pattern", at: range, label: "invalid regular expression",
          help: ["escape special characters with `\\\\`, or match plain text: `~ \"Engineer\"`"])
        return nil
      }
      return (.binary(.matches, lp, .literal(.string(pattern))), .bool)
    case .in:
      guard let (lp, lt) = checkExpr(left, shape: shape) else { return nil }
      guard let (rp, rt) = checkExpr(right, shape: shape, expected: .list(lt)) else { return nil }
      switch rt {
      case .list, .set, .any: break
      default:
        error(
          .Q109, "`in` needs a list or a set on its right, but this is \(rt.name)", at: right.range,
          label: rt.name, help: ["write a list: `in [a, b]`, or a bound set: `in $name`"])
        return nil
      }
      return (.binary(.in, lp, rp), .bool)
    default:
      // Check the side that names a property first, so the other side's enum words resolve against it.
      let leftFirst = !isBareUnknownName(left, shape: shape) || isBareUnknownName(right, shape: shape)
      var lr: (ExprPlan, ValueType)?
      var rr: (ExprPlan, ValueType)?
      // When the first side fails, a bare word on the other side is not reported again: it was probably
      // meant as a case of the failed side's enum.
      if leftFirst {
        lr = checkExpr(left, shape: shape)
        if lr != nil || !isBareUnknownName(right, shape: shape) {
          rr = checkExpr(right, shape: shape, expected: lr?.1)
        }
      } else {
        rr = checkExpr(right, shape: shape)
        if rr != nil || !isBareUnknownName(left, shape: shape) {
          lr = checkExpr(left, shape: shape, expected: rr?.1)
        }
      }
      guard let (lp, lt) = lr, let (rp, rt) = rr else { return nil }
      guard comparable(lt, rt) else {
        var help: [String] = []
        if case .enumeration(let e) = lt, let cases = schemaEnum(e)?.cases, let last = cases.last {
          // Text that names a case in other letters: suggest that case.
          var word = last
          if case .literal(.string(let s), _) = right,
            let match = cases.first(where: { $0 == s.lowercased() })
          {
            word = match
          }
          help = ["compare with a `\(e)` word, unquoted: `\(slice(left.range)) \(op.rawValue) \(word)`"]
        } else if lt == .set || rt == .set {
          help = ["compare its size: `count(…) \(op.rawValue) …`"]
        }
        error(
          .Q109, "cannot compare \(lt.name) with \(rt.name)", at: left.range.through(right.range),
          label: "\(lt.name) \(op.rawValue) \(rt.name)", help: help)
        return nil
      }
      return (.binary(op, lp, rp), .bool)
    }
  }

  func isBareUnknownName(_ expr: ExprSyntax, shape: Shape) -> Bool {
    guard case .name(let parts, _) = expr, parts.count == 1, let name = parts.first?.name else {
      return false
    }
    if shape.columns.contains(where: { $0.name == name }) { return false }
    if shape.nodeKinds != nil {
      if nodeProperty(name, shape: shape) != nil || edgeProperty(name, shape: shape) != nil { return false }
      if name == "id" || name == "kind" { return false }
    }
    return true
  }

  func comparable(_ a: ValueType, _ b: ValueType) -> Bool {
    switch (a, b) {
    case (.any, _), (_, .any): return true
    case (.enumeration(let x), .enumeration(let y)): return x == y
    case (.node, .node): return true
    case (.list, .list): return true
    case (.set, _), (_, .set): return false
    default: return a == b
    }
  }

  // MARK: - Functions

  mutating func checkCall(_ name: Identifier, _ arguments: [ArgumentSyntax], range: SourceRange, shape: Shape)
    -> (ExprPlan, ValueType)?
  {
    guard let function = Function(rawValue: name.name) else {
      let synonyms = [
        "size": "count", "length": "len", "any": "exists", "some": "exists", "lowercase": "lower",
        "uppercase": "upper", "sim": "similarity", "jaccard": "similarity",
      ]
      var help = Suggestions.didYouMean(
        name.name, in: Function.allCases.map(\.rawValue), written: { "\($0)(…)" })
      if help.isEmpty, let s = synonyms[name.name.lowercased()] { help = [Suggestions.question("\(s)(…)")] }
      error(
        .Q105, "unknown function `\(name.name)`", at: name.range, label: "not a function", help: help,
        notes: ["functions: " + Function.allCases.map { "\($0.rawValue)()" }.joined(separator: ", ")])
      return nil
    }
    func arity(_ expected: ClosedRange<Int>, _ usage: String) -> Bool {
      if expected.contains(arguments.count) { return true }
      error(
        .Q108,
        "`\(name.name)` takes \(expected.lowerBound == expected.upperBound ? String(expected.lowerBound) : "\(expected.lowerBound) to \(expected.upperBound)") argument\(expected.upperBound == 1 ? "" : "s"), not \(arguments.count)",
        at: range, label: "wrong number of arguments", help: ["write `\(usage)`"])
      return false
    }
    var plans: [ArgumentPlan] = []
    var types: [ValueType] = []
    for argument in arguments {
      switch argument {
      case .pipeline(let step, let stages, let r):
        guard let kinds = shape.nodeKinds else {
          error(
            .Q102, "a relative pipeline starts from the row's node, but these rows are a table", at: r,
            help: ["use it before `select` or `group`"])
          return nil
        }
        var relative = Shape.nodes(kinds)
        guard let first = checkNamedStep(step, shape: &relative),
          let rest = checkStages(stages, shape: &relative)
        else { return nil }
        plans.append(.pipeline(PipelinePlan(source: .current, stages: first + rest, shape: relative)))
        types.append(.set)
      case .expr(let e):
        guard let (plan, type) = checkExpr(e, shape: shape) else { return nil }
        plans.append(.expr(plan))
        types.append(type)
      }
    }
    switch function {
    case .count:
      guard arity(1...1, "count(-> requires)") else { return nil }
      guard [.set].contains(types[0]) || isList(types[0]) else {
        error(
          .Q108, "`count` counts a set or a list, not \(types[0].name)", at: arguments[0].range,
          help: ["write `count(-> requires)`"])
        return nil
      }
      return (.call(.count, plans), .number)
    case .exists:
      guard arity(1...1, "exists(-> requires[proficiency = expert])") else { return nil }
      guard types[0] == .set || isList(types[0]) else {
        error(
          .Q108, "`exists` tests a set of rows, not \(types[0].name)", at: arguments[0].range,
          help: ["write `exists(-> requires)`"])
        return nil
      }
      return (.call(.exists, plans), .bool)
    case .depth:
      guard arity(0...0, "depth()") else { return nil }
      return (.depth, .number)
    case .min, .max:
      guard arity(1...16, "\(name.name)(-> requires | select proficiency)") else { return nil }
      if plans.count == 1, case .pipeline(let p) = plans[0] {
        guard p.shape.columns.count == 1 else {
          error(
            .Q108, "`\(name.name)` needs one value per row; end the pipeline with `| select …`",
            at: arguments[0].range,
            help: ["write `\(name.name)(\(slice(arguments[0].range)) | select proficiency)`"])
          return nil
        }
        return (.call(function, plans), p.shape.columns[0].type)
      }
      if plans.count == 1, case .list(let element) = types[0] { return (.call(function, plans), element) }
      return (.call(function, plans), types.first ?? .any)
    case .lower, .upper:
      guard arity(1...1, "\(name.name)(name)") else { return nil }
      return (.call(function, plans), .string)
    case .len:
      guard arity(1...1, "len(name)") else { return nil }
      return (.call(.len, plans), .number)
    case .similarity:
      guard arity(1...1, "similarity(role \"SRE Engineer\")") else { return nil }
      guard case .node = types[0] else {
        error(
          .Q108, "`similarity` compares the row's node with another node", at: arguments[0].range,
          help: ["write `similarity(role \"SRE Engineer\")`"])
        return nil
      }
      return (.call(.similarity, plans), .number)
    }
  }

  func isList(_ type: ValueType) -> Bool {
    if case .list = type { return true }
    return false
  }
}
