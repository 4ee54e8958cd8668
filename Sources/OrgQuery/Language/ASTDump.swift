import OrgGraph

/// A tree dump of a parsed query with the source range of every node, as the REPL's `:ast` prints it:
///
/// ```text
/// Pipeline @1:1-1:34
/// ├─ Source.node role "Cloud Engineer" @1:1-1:22
/// └─ Step -> requires @1:23-1:34
/// ```
public enum ASTDump {
  struct Node {
    var label: String
    var range: SourceRange?
    var children: [Node] = []
  }

  /// The dump of every statement of `query`.
  public static func dump(_ query: QuerySyntax) -> String {
    var out = ""
    for statement in query.statements { write(node(statement), prefix: "", childPrefix: "", to: &out) }
    return out
  }

  static func write(_ node: Node, prefix: String, childPrefix: String, to out: inout String) {
    out += prefix + node.label
    if let r = node.range { out += " @\(r.start.line):\(r.start.column)-\(r.end.line):\(r.end.column)" }
    out += "\n"
    for (i, child) in node.children.enumerated() {
      let last = i == node.children.count - 1
      write(
        child, prefix: childPrefix + (last ? "└─ " : "├─ "),
        childPrefix: childPrefix + (last ? "   " : "│  "), to: &out)
    }
  }

  static func node(_ s: StatementSyntax) -> Node {
    switch s {
    case .let(let name, let pipeline, let r):
      return Node(label: "Let \(name.name)", range: r, children: [node(pipeline)])
    case .path(let from, let to, let via, let mode, let stages, let r):
      var modeText = "shortest"
      switch mode {
      case .shortestBy(let p)?: modeText = "shortest by \(p.name)"
      case .allShortest?: modeText = "all shortest"
      case .allSimple?: modeText = "all simple"
      default: break
      }
      return Node(
        label: "Path \(modeText)", range: r,
        children: [
          Node(label: "From", children: [node(from)]), Node(label: "To", children: [node(to)]),
          Node(label: "Via", children: [node(via)]),
        ] + stages.map(node))
    case .gap(let from, let to, let code, let via, let stages, let r):
      var children = [Node(label: "From", children: [node(from)])]
      if let to { children.append(Node(label: "To", children: [node(to)])) }
      if let code { children.append(Node(label: "To @ \(code.text)", range: code.range)) }
      if let via { children.append(Node(label: "Via \(via.name)", range: via.range)) }
      return Node(label: "Gap", range: r, children: children + stages.map(node))
    case .overlap(let refs, let via, let stages, let r):
      var children = refs.map(node)
      if let via { children.append(Node(label: "Via \(via.name)", range: via.range)) }
      return Node(label: "Overlap", range: r, children: children + stages.map(node))
    case .find(let words, let kinds, let stages, let r):
      var label = "Find \(text(words))"
      if !kinds.isEmpty { label += " in " + kinds.map(\.name).joined(separator: ", ") }
      return Node(label: label, range: r, children: stages.map(node))
    case .pipeline(let p):
      return node(p)
    }
  }

  static func node(_ p: PipelineSyntax) -> Node {
    var source = node(p.source)
    if let name = p.sourceName { source.label += " as \(name.name)" }
    return Node(label: "Pipeline", range: p.range, children: [source] + p.stages.map(node))
  }

  static func node(_ s: SourceSyntax) -> Node {
    switch s {
    case .kind(let i): return Node(label: "Source.kind \(i.name)", range: i.range)
    case .node(let n): return Node(label: "Source.node \(text(n))", range: n.range)
    case .variable(let v): return Node(label: "Source.variable $\(v.name)", range: v.range)
    case .pipeline(let p): return Node(label: "Source.pipeline", range: p.range, children: [node(p)])
    }
  }

  static func text(_ n: NodeRefSyntax) -> String {
    var t = "\(n.kind.name) \(text(n.name))"
    if let code = n.code { t += " @ \(text(code))" }
    return t
  }

  static func text(_ n: NameSyntax) -> String {
    n.style == .string ? "\"\(n.text)\"" : n.text
  }

  static func node(_ n: NodeRefSyntax) -> Node { Node(label: "Node \(text(n))", range: n.range) }

  static func node(_ stage: StageSyntax) -> Node {
    switch stage {
    case .step(let s): return node(s)
    case .command(let c): return node(c)
    }
  }

  static func node(_ s: StepSyntax) -> Node {
    var label = "Step \(s.direction.rawValue) "
    label += s.edges.count == 1 ? s.edges[0].name : "(" + s.edges.map(\.name).joined(separator: " | ") + ")"
    if let q = s.quantifier { label += " \(q.text)" }
    var children: [Node] = []
    if let f = s.filter { children.append(Node(label: "Filter", children: [node(f)])) }
    if let name = s.name { label += " as \(name.name)" }
    return Node(label: label, range: s.range, children: children)
  }

  static func node(_ c: CommandSyntax) -> Node {
    switch c {
    case .where(let e, let r): return Node(label: "Where", range: r, children: [node(e)])
    case .select(let items, let r):
      return Node(
        label: "Select", range: r,
        children: items.map { item in
          Node(label: item.alias.map { "Item as \($0.name)" } ?? "Item", children: [node(item.expr)])
        })
    case .sort(let keys, let r):
      return Node(
        label: "Sort", range: r,
        children: keys.map { Node(label: $0.descending ? "Key desc" : "Key asc", children: [node($0.expr)]) })
    case .group(let items, let r):
      return Node(
        label: "Group", range: r,
        children: items.map { item in
          item.alias.map { Node(label: "Key as \($0.name)", children: [node(item.expr)]) } ?? node(item.expr)
        })
    case .distinct(let r): return Node(label: "Distinct", range: r)
    case .count(let r): return Node(label: "Count", range: r)
    case .limit(let n, let r): return Node(label: "Limit \(n)", range: r)
    case .render(let format, let file, let r):
      var label = "Render"
      if let format { label += " \(format.name)" }
      if let file { label += " to \"\(file.text)\"" }
      return Node(label: label, range: r)
    case .setOperation(let op, let operand, let r):
      switch operand {
      case .variable(let v): return Node(label: "\(op.name.capitalized) $\(v.name)", range: r)
      case .pipeline(let p): return Node(label: op.name.capitalized, range: r, children: [node(p)])
      }
    }
  }

  static func node(_ e: ExprSyntax) -> Node {
    switch e {
    case .literal(let l, let r):
      switch l {
      case .string(let s): return Node(label: "String \"\(s)\"", range: r)
      case .number(let d): return Node(label: "Number \(Value.number(d).displayText)", range: r)
      case .levelCode(let c): return Node(label: "LevelCode \(c)", range: r)
      case .bool(let b): return Node(label: "Bool \(b)", range: r)
      }
    case .variable(let v): return Node(label: "Variable $\(v.name)", range: v.range)
    case .node(let n): return node(n)
    case .call(let name, let args, let r):
      return Node(
        label: "Call \(name.name)", range: r,
        children: args.map { arg in
          switch arg {
          case .expr(let e): return node(e)
          case .pipeline(let step, let stages, let r):
            return Node(label: "Relative", range: r, children: [node(step)] + stages.map(node))
          }
        })
    case .name(let parts, let r):
      return Node(label: "Name " + parts.map(\.name).joined(separator: "."), range: r)
    case .not(let inner, let r): return Node(label: "Not", range: r, children: [node(inner)])
    case .binary(let op, let a, let b, let r):
      return Node(label: "Binary \(op.rawValue)", range: r, children: [node(a), node(b)])
    case .list(let items, let r): return Node(label: "List", range: r, children: items.map(node))
    case .bareStep(let s): return node(s)
    }
  }
}
