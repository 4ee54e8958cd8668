import Foundation
import OrgGraph

extension Evaluator {
  mutating func evaluate(_ expr: ExprPlan, _ row: Row) throws(Cancelled) -> QueryValue {
    switch expr {
    case .literal(let v): return v
    case .variable(let name):
      guard let frame = bindings[name] else { return .null }
      if frame.shape.columns.isEmpty { return .list(frame.rows.compactMap { $0.node.map(QueryValue.node) }) }
      return .list(frame.rows.map { $0.values.first ?? .null })
    case .nodeProperty(let name):
      guard let node = row.node else { return .null }
      return graph.property(name, of: node).map(QueryValue.init) ?? .null
    case .edgeProperty(let name):
      guard let edge = row.edge else { return .null }
      if let value = graph.property(name, of: edge) { return QueryValue(value) }
      return name == "proficiency" ? .unrated : .null
    case .nodeID:
      return row.node.map { .string(graph.id(of: $0)) } ?? .null
    case .nodeKind:
      return row.node.map { .string(graph.kind(of: $0).name) } ?? .null
    case .edgeType:
      return row.edge.map { .string(graph.type(of: $0).name) } ?? .null
    case .column(let i):
      return i < row.values.count ? row.values[i] : .null
    case .columnProperty(let i, let name):
      guard i < row.values.count, case .node(let node) = row.values[i] else { return .null }
      switch name {
      case "id": return .string(graph.id(of: node))
      case "kind": return .string(graph.kind(of: node).name)
      default: return graph.property(name, of: node).map(QueryValue.init) ?? .null
      }
    case .carried(let i):
      return i < row.carried.count ? row.carried[i].value : .null
    case .carriedProperty(let i, let name):
      guard i < row.carried.count, case .node(let node) = row.carried[i].value else { return .null }
      switch name {
      case "id": return .string(graph.id(of: node))
      case "kind": return .string(graph.kind(of: node).name)
      case "name": return .string(graph.name(of: node))
      default: return graph.property(name, of: node).map(QueryValue.init) ?? .null
      }
    case .carriedEdgeProperty(let i, let name):
      guard i < row.carried.count, let edge = row.carried[i].edge else { return .null }
      if let value = graph.property(name, of: edge) { return QueryValue(value) }
      return name == "proficiency" ? .unrated : .null
    case .sourcePart(let base, let part):
      guard case .source(let s) = try evaluate(base, row) else { return .null }
      switch part {
      case "document": return .string(s.document)
      case "line": return .number(Double(s.line))
      default: return graph.manifest.document(s.document).map { .string($0.title) } ?? .string(s.document)
      }
    case .depth:
      return .number(Double(row.depth))
    case .not(let inner):
      let v = try evaluate(inner, row)
      if case .bool(let b) = v { return .bool(!b) }
      return .null
    case .list(let items):
      var out: [QueryValue] = []
      for item in items { out.append(try evaluate(item, row)) }
      return .list(out)
    case .binary(let op, let left, let right):
      return try binary(op, left, right, row)
    case .call(let function, let arguments):
      return try call(function, arguments, row)
    }
  }

  mutating func binary(_ op: BinaryOperator, _ left: ExprPlan, _ right: ExprPlan, _ row: Row)
    throws(Cancelled)
    -> QueryValue
  {
    switch op {
    case .and:
      guard try evaluate(left, row).isTrue else { return .bool(false) }
      return .bool(try evaluate(right, row).isTrue)
    case .or:
      if try evaluate(left, row).isTrue { return .bool(true) }
      return .bool(try evaluate(right, row).isTrue)
    case .in:
      let value = try evaluate(left, row)
      guard case .list(let items) = try evaluate(right, row) else { return .bool(false) }
      return .bool(items.contains { Self.compare(value, $0) == 0 })
    case .matches:
      let value = try evaluate(left, row)
      guard case .literal(.string(let pattern)) = right else { return .bool(false) }
      let text: String
      switch value {
      case .string(let s): text = s
      case .node(let n): text = graph.name(of: n)
      case .enumCase(let c): text = c.name
      default: return .bool(false)
      }
      if regexCache[pattern] == nil {
        regexCache[pattern] = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
      }
      guard let regex = regexCache[pattern] else { return .bool(false) }
      // NSRegularExpression backtracks, and some patterns take exponential time: the match reports its
      // progress, and stops when the query is past its time budget or cancelled.
      var found = false
      var stopped = false
      let shouldStop = stopCheck
      regex.enumerateMatches(
        in: text, options: [.reportProgress], range: NSRange(text.startIndex..., in: text)
      ) {
        match, _, stop in
        if match != nil {
          found = true
          stop.pointee = true
        } else if shouldStop() {
          stopped = true
          stop.pointee = true
        }
      }
      if stopped {
        if let isCancelled, isCancelled() { throw Cancelled() }
        throw Cancelled(reason: .timedOut)
      }
      return .bool(found)
    default:
      let a = try evaluate(left, row)
      let b = try evaluate(right, row)
      // Two lists are equal or not; they have no order (`where esco != []`).
      if case .list(let x) = a, case .list(let y) = b {
        switch op {
        case .equal: return .bool(x == y)
        case .notEqual: return .bool(x != y)
        default: return .bool(false)
        }
      }
      guard let order = Self.compare(a, b) else { return .bool(false) }
      switch op {
      case .equal: return .bool(order == 0)
      case .notEqual: return .bool(order != 0)
      case .less: return .bool(order < 0)
      case .lessOrEqual: return .bool(order <= 0)
      case .greater: return .bool(order > 0)
      case .greaterOrEqual: return .bool(order >= 0)
      default: return .bool(false)
      }
    }
  }

  /// Compares two values of one type: negative, zero or positive; `nil` when they cannot be compared (a
  /// missing value or an unrated proficiency compares false with everything).
  static func compare(_ a: QueryValue, _ b: QueryValue) -> Int? {
    switch (a, b) {
    case (.number(let x), .number(let y)): return x < y ? -1 : x > y ? 1 : 0
    case (.string(let x), .string(let y)): return x < y ? -1 : x > y ? 1 : 0
    case (.enumCase(let x), .enumCase(let y)):
      guard x.enumName == y.enumName else { return nil }
      return x.rank - y.rank
    case (.bool(let x), .bool(let y)): return x == y ? 0 : (x ? 1 : -1)
    case (.node(let x), .node(let y)): return x == y ? 0 : (x < y ? -1 : 1)
    case (.edge(let x), .edge(let y)): return x == y ? 0 : (x < y ? -1 : 1)
    case (.source(let x), .source(let y)):
      return x == y ? 0 : ((x.document, x.line) < (y.document, y.line) ? -1 : 1)
    case (.list(let x), .list(let y)): return x == y ? 0 : nil
    default: return nil
    }
  }

  /// The order of sort keys: comparable values in order, nodes by name, missing values last either way.
  static func order(_ a: QueryValue, _ b: QueryValue, graph: Graph, descending: Bool) -> Int {
    let aMissing = a == .null || a == .unrated
    let bMissing = b == .null || b == .unrated
    if aMissing || bMissing {
      if aMissing && bMissing { return a == b ? 0 : (a == .unrated ? -1 : 1) }
      return aMissing ? 1 : -1
    }
    var result: Int
    switch (a, b) {
    case (.node(let x), .node(let y)):
      let nx = graph.name(of: x).lowercased()
      let ny = graph.name(of: y).lowercased()
      result = nx < ny ? -1 : nx > ny ? 1 : Int(x.rawValue) - Int(y.rawValue)
    case (.string(let x), .string(let y)):
      let lx = x.lowercased()
      let ly = y.lowercased()
      result = lx < ly ? -1 : lx > ly ? 1 : (x < y ? -1 : x > y ? 1 : 0)
    default:
      result = compare(a, b) ?? 0
    }
    return descending ? -result : result
  }

  mutating func call(_ function: Function, _ arguments: [ArgumentPlan], _ row: Row) throws(Cancelled)
    -> QueryValue
  {
    func rows(_ argument: ArgumentPlan) throws(Cancelled) -> [QueryValue]? {
      switch argument {
      case .pipeline(let plan):
        let frame = try run(plan, from: row)
        return frame.rows.map { r in
          if plan.shape.columns.isEmpty { return r.node.map(QueryValue.node) ?? .null }
          return r.values.first ?? .null
        }
      case .expr(let e):
        if case .list(let items) = try evaluate(e, row) { return items }
        return nil
      }
    }
    switch function {
    case .count:
      guard let first = arguments.first, let items = try rows(first) else { return .null }
      return .number(Double(items.count))
    case .exists:
      guard let first = arguments.first, let items = try rows(first) else { return .bool(false) }
      return .bool(!items.isEmpty)
    case .depth:
      return .number(Double(row.depth))
    case .min, .max:
      var values: [QueryValue] = []
      if arguments.count == 1, let items = try rows(arguments[0]) {
        values = items
      } else {
        for argument in arguments {
          if case .expr(let e) = argument { values.append(try evaluate(e, row)) }
        }
      }
      let present = values.filter { $0 != .null && $0 != .unrated }
      guard var best = present.first else { return .null }
      for v in present.dropFirst() {
        guard let order = Self.compare(v, best) else { continue }
        if function == .min ? order < 0 : order > 0 { best = v }
      }
      return best
    case .lower, .upper, .len:
      guard case .expr(let e)? = arguments.first else { return .null }
      let v = try evaluate(e, row)
      switch (function, v) {
      case (.lower, .string(let s)): return .string(s.lowercased())
      case (.upper, .string(let s)): return .string(s.uppercased())
      case (.len, .string(let s)): return .number(Double(s.count))
      case (.len, .list(let items)): return .number(Double(items.count))
      case (.lower, .node(let n)): return .string(graph.name(of: n).lowercased())
      case (.upper, .node(let n)): return .string(graph.name(of: n).uppercased())
      default: return .null
      }
    case .similarity:
      guard let node = row.node, case .expr(let e)? = arguments.first,
        case .node(let other) = try evaluate(e, row)
      else { return .null }
      return .number((graph.similarity(node, other) * 10_000).rounded() / 10_000)
    }
  }
}
