import Foundation
import OrgGraph

/// Runs checked plans over a graph with set semantics: steps and closures compute sets breadth-first with a
/// visited set; only `path` enumerates paths.
struct Evaluator {
  let graph: Graph
  var bindings: [String: Frame]
  let hopCap: Int
  let isCancelled: (@Sendable () -> Bool)?
  var warnings: [Diagnostic] = []
  var render: RenderRequest?
  var regexCache: [String: NSRegularExpression] = [:]
  var ticks = 0
  /// When the query must stop (`DispatchTime` uptime nanoseconds), if it has a time budget.
  let deadline: UInt64?
  /// The most rows one step may make.
  let maxRows: Int
  /// Whether an empty step explains itself (not inside a function's relative pipeline, run once per row).
  var explaining = true

  init(
    graph: Graph, bindings: [String: Frame], hopCap: Int, isCancelled: (@Sendable () -> Bool)?,
    deadline: UInt64? = nil, maxRows: Int = .max
  ) {
    self.graph = graph
    self.bindings = bindings
    self.hopCap = hopCap
    self.isCancelled = isCancelled
    self.deadline = deadline
    self.maxRows = maxRows
  }

  /// Polls the cancellation check and the time budget now and then.
  mutating func tick() throws(Cancelled) {
    ticks &+= 1
    guard ticks & 0x3FF == 0 else { return }
    if let isCancelled, isCancelled() { throw Cancelled() }
    try checkDeadline()
  }

  /// Stops the query when it is past its time budget.
  func checkDeadline() throws(Cancelled) {
    if let deadline, DispatchTime.now().uptimeNanoseconds > deadline { throw Cancelled(reason: .timedOut) }
  }

  /// Whether the query is past its time budget or cancelled, for work that cannot throw (a regular
  /// expression match in progress); it captures only the budget and the cancellation check.
  var stopCheck: () -> Bool {
    { [deadline, isCancelled] in
      if let deadline, DispatchTime.now().uptimeNanoseconds > deadline { return true }
      return isCancelled?() ?? false
    }
  }

  mutating func warn(
    _ code: DiagnosticCode, _ message: String, at range: SourceRange?, label: String? = nil,
    help: [String] = [],
    notes: [String] = []
  ) {
    let d = Diagnostic(
      .warning, code: code, message: message, range: range, label: label, help: help, notes: notes)
    if !warnings.contains(d) { warnings.append(d) }
  }

  // MARK: - Pipelines

  mutating func run(_ plan: PipelinePlan, from current: Row? = nil) throws(Cancelled) -> Frame {
    let wasExplaining = explaining
    if case .current = plan.source { explaining = false }
    defer { explaining = wasExplaining }
    var frame: Frame
    switch plan.source {
    case .kind(let k):
      frame = Frame(rows: graph.nodes(ofKindNumber: k).map { Row(node: $0) }, shape: .nodes([k]))
    case .nodes(let nodes):
      frame = Frame(
        rows: nodes.map { Row(node: $0) }, shape: .nodes(Set(nodes.map { graph.kindNumber(of: $0) })))
    case .variable(let name):
      frame = bindings[name] ?? Frame(rows: [], shape: Shape(nodeKinds: []))
    case .pipeline(let inner):
      frame = try run(inner)
    case .current:
      frame = Frame(
        rows: current.flatMap { $0.node.map { [Row(node: $0)] } } ?? [], shape: Shape(nodeKinds: []))
    }
    try apply(plan.stages, to: &frame)
    frame.shape = plan.shape
    return frame
  }

  mutating func apply(_ stages: [StagePlan], to frame: inout Frame) throws(Cancelled) {
    for stage in stages {
      try tick()
      switch stage {
      case .step(let step):
        let from = frame.rows
        frame.rows = try walk(step, from: from)
        if explaining, frame.rows.isEmpty, !from.isEmpty, !step.isClosure {
          try explainEmptyStep(step, from: from.compactMap(\.node))
        }
      case .filter(let condition):
        var kept: [Row] = []
        for row in frame.rows where try evaluate(condition, row).isTrue { kept.append(row) }
        frame.rows = kept
      case .select(let items):
        var rows: [Row] = []
        for row in frame.rows {
          var out = row
          out.values = []
          for (expr, _) in items { out.values.append(try evaluate(expr, row)) }
          rows.append(out)
        }
        frame.rows = rows
      case .sort(let keys):
        var keyed: [(Row, [QueryValue])] = []
        for row in frame.rows {
          var values: [QueryValue] = []
          for (expr, _) in keys { values.append(try evaluate(expr, row)) }
          keyed.append((row, values))
        }
        // Stable: equal keys keep their order.
        let indexed = keyed.enumerated().sorted { a, b in
          for (i, (_, descending)) in keys.enumerated() {
            let order = Self.order(a.element.1[i], b.element.1[i], graph: graph, descending: descending)
            if order != 0 { return order < 0 }
          }
          return a.offset < b.offset
        }
        frame.rows = indexed.map(\.element.0)
      case .group(let keys):
        var order: [[QueryValue]] = []
        var groups: [[QueryValue]: [Row]] = [:]
        for row in frame.rows {
          var key: [QueryValue] = []
          for (expr, _) in keys { key.append(try evaluate(expr, row)) }
          if groups[key] == nil { order.append(key) }
          groups[key, default: []].append(row)
        }
        frame.rows = order.map { key in
          let members = groups[key] ?? []
          return Row(
            values: key + [
              .number(Double(members.count)), .list(members.compactMap { $0.node.map(QueryValue.node) }),
            ])
        }
      case .distinct:
        var seen = Set<Row>()
        var kept: [Row] = []
        for row in frame.rows {
          let key =
            row.values.isEmpty
            ? Row(node: row.node, carried: row.carried) : Row(values: row.values, carried: row.carried)
          if seen.insert(key).inserted { kept.append(row) }
        }
        frame.rows = kept
      case .count:
        frame.rows = [Row(values: [.number(Double(frame.rows.count))])]
      case .limit(let n):
        frame.rows = Array(frame.rows.prefix(max(n, 0)))
      case .render(let request):
        render = request
      case .remember:
        for i in frame.rows.indices {
          let row = frame.rows[i]
          frame.rows[i].carried.append(
            CarriedValue(value: row.node.map(QueryValue.node) ?? .null, edge: row.edge))
        }
      case .carryColumns(let column):
        frame.rows = frame.rows.map { row in
          var node: NodeID?
          if column < row.values.count, case .node(let n) = row.values[column] { node = n }
          return Row(node: node, carried: row.carried + row.values.map { CarriedValue(value: $0) })
        }
      case .setOperation(let op, let pipeline, let variable):
        let other: Frame
        if let pipeline {
          other = try run(pipeline)
        } else {
          other = bindings[variable ?? ""] ?? Frame(rows: [], shape: Shape())
        }
        let otherNodes = Set(other.rows.compactMap(\.node))
        switch op {
        case .union:
          var have = Set(frame.rows.compactMap(\.node))
          for row in other.rows {
            if let n = row.node, have.insert(n).inserted { frame.rows.append(Row(node: n)) }
          }
        case .intersect:
          frame.rows = frame.rows.filter { $0.node.map(otherNodes.contains) ?? false }
        case .except:
          frame.rows = frame.rows.filter { !($0.node.map(otherNodes.contains) ?? false) }
        }
      }
    }
  }

  // MARK: - Steps

  /// The edges a step may cross from `node`: each neighbour with its edge, in edge order, forward first.
  func crossings(_ step: StepPlan, from node: NodeID) -> [(NodeID, EdgeID)] {
    var out: [(NodeID, EdgeID)] = []
    for type in step.edgeTypes {
      if step.direction != .backward {
        for pair in graph.neighbors(of: node, via: type, direction: .forward) { out.append(pair) }
      }
      if step.direction != .forward {
        for pair in graph.neighbors(of: node, via: type, direction: .backward) { out.append(pair) }
      }
    }
    return out
  }

  mutating func passes(_ step: StepPlan, _ node: NodeID, _ edge: EdgeID) throws(Cancelled) -> Bool {
    if let only = step.onlyNode { return only == node }
    guard let filter = step.filter else { return true }
    return try evaluate(filter, Row(node: node, edge: edge, depth: 1)).isTrue
  }

  mutating func walk(_ step: StepPlan, from rows: [Row]) throws(Cancelled) -> [Row] {
    if !step.isClosure {
      var out: [Row] = []
      // A row that carries names costs what it carries: the cap bounds memory, not only rows (a nine-step
      // chain with eight names once reached 2.67 GB under the five-million-row cap).
      var cost = 0
      for row in rows {
        guard let node = row.node else { continue }
        for (next, edge) in crossings(step, from: node) where try passes(step, next, edge) {
          try tick()
          cost += 1 + row.carried.count
          guard cost <= maxRows else { throw Cancelled(reason: .tooManyRows(step.range)) }
          out.append(Row(node: next, edge: edge, depth: 1, carried: row.carried))
        }
      }
      return out
    }
    // Rows that carry names walk on separately, so each keeps where it came from.
    var groups: [[CarriedValue]: [NodeID]] = [:]
    var order: [[CarriedValue]] = []
    for row in rows {
      guard let n = row.node else { continue }
      if groups[row.carried] == nil { order.append(row.carried) }
      groups[row.carried, default: []].append(n)
    }
    var out: [Row] = []
    for carried in order {
      out += try closure(step, from: groups[carried] ?? [], carrying: carried, counted: out.count)
    }
    return out
  }

  /// A closure: breadth-first from every start at once, each node once, at its shortest depth.
  mutating func closure(_ step: StepPlan, from rows: [NodeID], carrying carried: [CarriedValue], counted: Int)
    throws(Cancelled) -> [Row]
  {
    var starts: [NodeID] = []
    var seen = Set<NodeID>()
    for n in rows where seen.insert(n).inserted { starts.append(n) }
    var out: [Row] = step.min == 0 ? starts.map { Row(node: $0, depth: 0, carried: carried) } : []
    var frontier = starts
    var depth = 0
    let limit = step.max ?? Int.max
    while !frontier.isEmpty && depth < limit {
      if depth >= hopCap {
        warn(
          .Q302, "the closure stopped at the hop cap of \(hopCap); the result may be incomplete",
          at: step.range,
          help: ["bound the step, like `{1,\(hopCap)}`, or raise the cap (`:set hops N` in the REPL)"])
        break
      }
      depth += 1
      var next: [NodeID] = []
      for node in frontier {
        for (m, edge) in crossings(step, from: node) where !seen.contains(m) {
          try tick()
          guard try passes(step, m, edge) else { continue }
          seen.insert(m)
          next.append(m)
          if depth >= step.min {
            guard (counted + out.count) * (1 + carried.count) < maxRows else {
              throw Cancelled(reason: .tooManyRows(step.range))
            }
            out.append(Row(node: m, depth: depth, carried: carried))
          }
        }
      }
      frontier = next
    }
    return out
  }
}

extension Graph {
  /// The nodes of the kind numbered `kind`.
  func nodes(ofKindNumber kind: Int) -> [NodeID] {
    kind < schema.kinds.count ? nodes(ofKind: schema.kinds[kind].name) : []
  }
}
