import OrgGraph

/// Checks a parsed query against the loaded graph's schema and names, and turns it into a plan the
/// evaluator runs. Each class of mistake is one rule, in its own file (`Checker+Edges.swift`, …); every
/// rule reports in the user's words, at the exact span, with a fix where there is one.
struct Checker {
  let graph: Graph
  var schema: Schema { graph.schema }
  /// Shapes of the session's `let` results.
  var bindings: [String: Shape]
  /// Parameters bound from the command line or from Swift.
  var parameters: [String: QueryValue]
  /// The query text, to name columns after the expressions that made them.
  let text: String
  /// The line the text starts on (queries read from a file start further down).
  let firstLine: Int
  var diagnostics: [Diagnostic] = []

  init(
    graph: Graph, bindings: [String: Shape], parameters: [String: QueryValue], text: String,
    firstLine: Int = 1
  ) {
    self.graph = graph
    self.bindings = bindings
    self.parameters = parameters
    self.text = text
    self.firstLine = firstLine
  }

  mutating func error(
    _ code: DiagnosticCode, _ message: String, at range: SourceRange, label: String? = nil,
    help: [String] = [],
    notes: [String] = []
  ) {
    diagnostics.append(
      Diagnostic(code: code, message: message, range: range, label: label, help: help, notes: notes))
  }

  /// The text of the query between two locations of one range (for column names).
  func slice(_ range: SourceRange) -> String {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let index = range.start.line - firstLine
    guard range.start.line == range.end.line, index >= 0, index < lines.count else { return "" }
    let scalars = Array(lines[index].unicodeScalars)
    let a = max(0, min(range.start.column - 1, scalars.count))
    let b = max(a, min(range.end.column - 1, scalars.count))
    var out = ""
    out.unicodeScalars.append(contentsOf: scalars[a..<b])
    return out
  }

  func kindNames(_ kinds: Set<Int>?) -> String {
    guard let kinds, !kinds.isEmpty else { return "nodes" }
    let names = kinds.sorted().map { schema.kinds[$0].plural }
    return names.count == 1
      ? names[0] : names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
  }

  // MARK: - Statements

  mutating func check(_ statement: StatementSyntax) -> StatementPlan? {
    switch statement {
    case .let(let name, let pipeline, _):
      guard let plan = check(pipeline, relative: nil) else { return nil }
      bindings[name.name] = plan.shape
      return .bind(name.name, plan)
    case .pipeline(let pipeline):
      return check(pipeline, relative: nil).map(StatementPlan.pipeline)
    case .path(let from, let to, let via, let mode, let stages, let range):
      return checkPath(from: from, to: to, via: via, mode: mode, stages: stages, range: range)
    case .gap(let from, let to, let code, let via, let stages, _):
      return checkGap(from: from, to: to, code: code, via: via, stages: stages)
    case .overlap(let refs, let via, let stages, _):
      return checkOverlap(refs, via: via, stages: stages)
    case .find(let words, let kinds, let stages, _):
      return checkFind(words, kinds: kinds, stages: stages)
    }
  }

  // MARK: - Pipelines

  /// Checks a pipeline; `relative` is the shape of the row a relative pipeline starts from.
  mutating func check(_ pipeline: PipelineSyntax, relative: Shape?) -> PipelinePlan? {
    // When the source fails, its rows are unknown: checking the stages would only report consequences.
    guard let (source, shape) = checkSource(pipeline.source) else { return nil }
    var current = shape
    var named: [StagePlan] = []
    if let name = pipeline.sourceName {
      guard remember(name, shape: &current) else { return nil }
      named = [.remember]
    }
    guard let stages = checkStages(pipeline.stages, shape: &current) else { return nil }
    return PipelinePlan(source: source, stages: named + stages, shape: current)
  }

  mutating func checkSource(_ source: SourceSyntax) -> (SourcePlan, Shape)? {
    switch source {
    case .kind(let word):
      guard let kind = resolvePluralKind(word) else { return nil }
      return (.kind(kind), .nodes([kind]))
    case .node(let ref):
      guard let node = resolveNode(ref) else { return nil }
      return (.nodes([node]), .nodes([graph.kindNumber(of: node)]))
    case .variable(let name):
      if let shape = bindings[name.name] { return (.variable(name.name), shape) }
      if let value = parameters[name.name] {
        let nodes: [NodeID]
        switch value {
        case .node(let n): nodes = [n]
        case .list(let items):
          nodes = items.compactMap { if case .node(let n) = $0 { return n } else { return nil } }
        default: nodes = []
        }
        if nodes.isEmpty {
          error(
            .Q109, "`$\(name.name)` is \(Self.describe(value)), not a set of nodes to start from",
            at: name.range,
            label: "a parameter value",
            help: ["use it in a condition instead: `roles | where name = $\(name.name)`"])
          return nil
        }
        return (.nodes(nodes), .nodes(Set(nodes.map { graph.kindNumber(of: $0) })))
      }
      reportUnbound(name)
      return nil
    case .pipeline(let pipeline):
      guard let plan = check(pipeline, relative: nil) else { return nil }
      return (.pipeline(plan), plan.shape)
    }
  }

  static func describe(_ value: QueryValue) -> String {
    switch value {
    case .string(let s): return "the text \"\(s)\""
    case .number(let n): return "the number \(Value.number(n).displayText)"
    case .bool(let b): return "`\(b)`"
    default: return "a value"
    }
  }

  mutating func checkStages(_ stages: [StageSyntax], shape: inout Shape) -> [StagePlan]? {
    var plans: [StagePlan] = []
    var ok = true
    for stage in stages {
      switch stage {
      case .step(let step):
        if let walked = checkNamedStep(step, shape: &shape) { plans += walked } else { ok = false }
      case .command(let command):
        if let plan = checkCommand(command, shape: &shape) { plans.append(plan) } else { ok = false }
      }
      if !ok && shape.nodeKinds == nil && shape.columns.isEmpty { break }
    }
    return ok ? plans : nil
  }

  mutating func checkCommand(_ command: CommandSyntax, shape: inout Shape) -> StagePlan? {
    switch command {
    case .where(let expr, _):
      guard let (plan, type) = checkExpr(expr, shape: shape) else { return nil }
      guard requireCondition(expr, type: type) else { return nil }
      return .filter(plan)
    case .select(let items, _):
      var plans: [(ExprPlan, String)] = []
      var columns: [(String, ValueType)] = []
      var ok = true
      for item in items {
        guard let (plan, type) = checkExpr(item.expr, shape: shape) else {
          ok = false
          continue
        }
        if type == .set {
          error(
            .Q110, "a set of rows cannot be a column", at: item.expr.range, label: "this is a set",
            help: ["count it: `count(…)`"])
          ok = false
          continue
        }
        var name = item.alias?.name ?? columnName(item.expr)
        if item.alias == nil, columns.contains(where: { $0.0 == name }) {
          // `select c.name, r.name`: the second column is named as written.
          let written = slice(item.expr.range)
          if !written.isEmpty { name = written }
        }
        plans.append((plan, name))
        columns.append((name, type))
      }
      guard ok else { return nil }
      shape.columns = columns
      shape.walkColumn = nil
      return .select(plans)
    case .sort(let keys, _):
      var plans: [(ExprPlan, Bool)] = []
      for key in keys {
        guard let (plan, type) = checkExpr(key.expr, shape: shape) else { return nil }
        if type == .set {
          error(
            .Q110, "cannot sort by a set of rows", at: key.expr.range, help: ["sort by its size: `count(…)`"]
          )
          return nil
        }
        plans.append((plan, key.descending))
      }
      return .sort(plans)
    case .group(let items, _):
      var plans: [(ExprPlan, String)] = []
      var columns: [(String, ValueType)] = []
      for item in items {
        guard let (plan, type) = checkExpr(item.expr, shape: shape) else { return nil }
        let name = item.alias?.name ?? columnName(item.expr)
        plans.append((plan, name))
        columns.append((name, type))
      }
      columns.append(("size", .number))
      columns.append(("members", .list(.node(shape.nodeKinds ?? []))))
      shape = Shape(nodeKinds: nil, columns: columns)
      return .group(plans)
    case .distinct:
      return .distinct
    case .count:
      shape = Shape(nodeKinds: nil, columns: [("count", .number)])
      return .count
    case .limit(let n, _):
      return .limit(n)
    case .render(let format, let file, let range):
      let names = RenderFormat.allCases.map(\.rawValue)
      var chosen: RenderFormat?
      if let format {
        guard let named = RenderFormat(rawValue: format.name) else {
          error(
            .Q111, "`\(format.name)` is not an output format", at: format.range, label: "unknown format",
            help: Suggestions.didYouMean(format.name, in: names),
            notes: ["formats: " + names.joined(separator: ", ")])
          return nil
        }
        chosen = named
      } else if let file {
        // The format follows from the file's extension.
        chosen = RenderFormat(fileName: file.text)
      }
      return .render(RenderRequest(format: chosen, file: file?.text, range: range))
    case .setOperation(let op, let operand, _):
      guard let operation = SetOperation(rawValue: op.name) else {
        let names = SetOperation.allCases.map(\.rawValue)
        error(
          .Q112, "`\(op.name)` is not a set operation", at: op.range, label: "not union, intersect or except",
          help: Suggestions.didYouMean(op.name, in: names),
          notes: ["set operations: " + names.joined(separator: ", ")])
        return nil
      }
      guard shape.isNodeSet || shape.nodeKinds != nil else {
        error(
          .Q109, "`\(op.name)` combines sets of nodes, but these rows are a table", at: op.range,
          help: ["put `\(op.name)` before `select`"])
        return nil
      }
      switch operand {
      case .variable(let v):
        guard let other = bindings[v.name] else {
          if parameters[v.name] != nil {
            // A parameter is a value (`--param sre=x`), not a set: say so rather than "not bound".
            error(
              .Q109, "`\(op.name)` combines sets of nodes, but `$\(v.name)` is a parameter, a single value",
              at: v.range, label: "a value, not a set",
              help: [
                "bind a set with `let`, in the same run: `let \(v.name) = role \"SRE Engineer\" -> requires; …`"
              ])
          } else {
            reportUnbound(v)
          }
          return nil
        }
        if other.nodeKinds == nil {
          error(.Q109, "`$\(v.name)` is a table, not a set of nodes", at: v.range)
          return nil
        }
        if operation == .union { shape.nodeKinds = (shape.nodeKinds ?? []).union(other.nodeKinds ?? []) }
        return .setOperation(operation, nil, v.name)
      case .pipeline(let p):
        guard let plan = check(p, relative: nil) else { return nil }
        if plan.shape.nodeKinds == nil {
          error(.Q109, "the rows of `\(op.name) (…)` are a table, not a set of nodes", at: p.range)
          return nil
        }
        if operation == .union { shape.nodeKinds = (shape.nodeKinds ?? []).union(plan.shape.nodeKinds ?? []) }
        return .setOperation(operation, plan, nil)
      }
    }
  }

  /// A column name for an expression: a property's name, or the expression as written.
  func columnName(_ expr: ExprSyntax) -> String {
    if case .name(let parts, _) = expr, let last = parts.last { return last.name }
    let written = slice(expr.range)
    return written.isEmpty ? "value" : written
  }
}
