import OrgGraph

/// A parsed query: one or more statements.
public struct QuerySyntax: Sendable, Hashable {
  /// The statements, in order.
  public var statements: [StatementSyntax]
}

/// A word of the query with its span.
public struct Identifier: Sendable, Hashable {
  /// The word.
  public var name: String
  /// Where it is.
  public var range: SourceRange
}

/// A name as written after a kind: `Cloud`, `"Cloud Engineer"`, `L3`.
public struct NameSyntax: Sendable, Hashable {
  /// How the name was written.
  public enum Style: Sendable, Hashable {
    /// A bare word.
    case identifier
    /// A quoted string.
    case string
    /// A level code such as `L3`.
    case levelCode
  }

  /// The name's text (a string's contents, unquoted).
  public var text: String
  /// How it was written.
  public var style: Style
  /// Where it is.
  public var range: SourceRange
}

/// A reference to one node: `role "Cloud Engineer"`, `role "Cloud Security Engineer" @ L3`.
public struct NodeRefSyntax: Sendable, Hashable {
  /// The kind word (singular).
  public var kind: Identifier
  /// The node's name, id or alias.
  public var name: NameSyntax
  /// A level code after `@`.
  public var code: NameSyntax?
  /// Where the reference is.
  public var range: SourceRange
}

/// Where a pipeline starts.
public indirect enum SourceSyntax: Sendable, Hashable {
  /// Every node of a kind: `roles`.
  case kind(Identifier)
  /// One node.
  case node(NodeRefSyntax)
  /// A bound variable or parameter: `$sre`.
  case variable(Identifier)
  /// A parenthesised pipeline.
  case pipeline(PipelineSyntax)

  /// Where the source is.
  public var range: SourceRange {
    switch self {
    case .kind(let i), .variable(let i): return i.range
    case .node(let n): return n.range
    case .pipeline(let p): return p.range
    }
  }
}

/// The direction of a step: `->`, `<-` or `--`.
public enum StepDirection: String, Sendable, Hashable {
  /// `->`: along edges.
  case forward = "->"
  /// `<-`: against edges.
  case backward = "<-"
  /// `--`: either way.
  case both = "--"
}

/// How many hops a step takes: `+`, `*`, `?`, `{n,m}`.
public struct QuantifierSyntax: Sendable, Hashable {
  /// The fewest hops.
  public var min: Int
  /// The most hops; `nil` for no bound (then the hop cap applies).
  public var max: Int?
  /// As written.
  public var text: String
  /// Where it is.
  public var range: SourceRange
}

/// A step along edges: `-> requires[proficiency >= advanced]`, `<- (promotes_to | lateral)+`.
public struct StepSyntax: Sendable, Hashable {
  /// The direction.
  public var direction: StepDirection
  /// The edge types (one, or several in parentheses).
  public var edges: [Identifier]
  /// The number of hops, when not one.
  public var quantifier: QuantifierSyntax?
  /// A condition every crossed edge (and the node it leads to) must meet.
  public var filter: ExprSyntax?
  /// The name given with `as`: later stages reach the node this step arrived at (and the edge it came by)
  /// as `NAME` and `NAME.property`.
  public var name: Identifier? = nil
  /// Where the step is.
  public var range: SourceRange
}

/// A sort key.
public struct SortKeySyntax: Sendable, Hashable {
  /// The expression sorted by.
  public var expr: ExprSyntax
  /// Whether it sorts from high to low.
  public var descending: Bool
}

/// A `select` item.
public struct SelectItemSyntax: Sendable, Hashable {
  /// The expression.
  public var expr: ExprSyntax
  /// The column name given with `as`.
  public var alias: Identifier?
}

/// A set operation's operand.
public indirect enum SetOperandSyntax: Sendable, Hashable {
  /// `(pipeline)`.
  case pipeline(PipelineSyntax)
  /// `$name`.
  case variable(Identifier)
}

/// A command after `|`.
public indirect enum CommandSyntax: Sendable, Hashable {
  /// `where EXPR`.
  case `where`(ExprSyntax, SourceRange)
  /// `select ITEM, …`.
  case select([SelectItemSyntax], SourceRange)
  /// `sort by KEY, …`.
  case sort([SortKeySyntax], SourceRange)
  /// `group by EXPR [as NAME], …`.
  case group([SelectItemSyntax], SourceRange)
  /// `distinct`.
  case distinct(SourceRange)
  /// `count`.
  case count(SourceRange)
  /// `limit N`.
  case limit(Int, SourceRange)
  /// `render [FORMAT] [to "FILE"]`.
  case render(format: Identifier?, file: NameSyntax?, SourceRange)
  /// `union`, `intersect` or `except` with an operand.
  case setOperation(Identifier, SetOperandSyntax, SourceRange)

  /// Where the command is.
  public var range: SourceRange {
    switch self {
    case .where(_, let r), .select(_, let r), .sort(_, let r), .group(_, let r), .distinct(let r),
      .count(let r),
      .limit(_, let r), .render(_, _, let r), .setOperation(_, _, let r):
      return r
    }
  }
}

/// A stage of a pipeline.
public indirect enum StageSyntax: Sendable, Hashable {
  /// A step along edges.
  case step(StepSyntax)
  /// A command.
  case command(CommandSyntax)

  /// Where the stage is.
  public var range: SourceRange {
    switch self {
    case .step(let s): return s.range
    case .command(let c): return c.range
    }
  }
}

/// A pipeline: a source and stages, read left to right.
public struct PipelineSyntax: Sendable, Hashable {
  /// Where rows come from.
  public var source: SourceSyntax
  /// The name given to the source's rows with `as`: `competencies as c`.
  public var sourceName: Identifier? = nil
  /// What happens to them.
  public var stages: [StageSyntax]
  /// Where the pipeline is.
  public var range: SourceRange
}

/// How `path` chooses paths.
public enum PathModeSyntax: Sendable, Hashable {
  /// One shortest path (breadth-first).
  case shortest
  /// One cheapest path by a numeric edge property (Dijkstra).
  case shortestBy(Identifier)
  /// Every path of the shortest length.
  case allShortest
  /// Every simple path within the step's bound.
  case allSimple
}

/// A statement.
public indirect enum StatementSyntax: Sendable, Hashable {
  /// `let NAME = PIPELINE`.
  case `let`(Identifier, PipelineSyntax, SourceRange)
  /// `path from A to B via STEP [MODE] …`.
  case path(
    from: SourceSyntax, to: SourceSyntax, via: StepSyntax, mode: PathModeSyntax?, stages: [StageSyntax],
    SourceRange)
  /// `gap from A to B [via EDGE] …`; `to` is `nil` when the target is `@ CODE` (then `code` is set).
  case gap(
    from: NodeRefSyntax, to: NodeRefSyntax?, code: NameSyntax?, via: Identifier?, stages: [StageSyntax],
    SourceRange)
  /// `overlap A, B, … [via EDGE] …`.
  case overlap([NodeRefSyntax], via: Identifier?, stages: [StageSyntax], SourceRange)
  /// `find "WORDS" [in KINDS, …] …`: nodes whose names, aliases or text contain the words, ranked.
  case find(NameSyntax, kinds: [Identifier], stages: [StageSyntax], SourceRange)
  /// A pipeline.
  case pipeline(PipelineSyntax)

  /// Where the statement is.
  public var range: SourceRange {
    switch self {
    case .let(_, _, let r), .path(_, _, _, _, _, let r), .gap(_, _, _, _, _, let r), .overlap(_, _, _, let r),
      .find(_, _, _, let r):
      return r
    case .pipeline(let p): return p.range
    }
  }
}

/// A literal value.
public enum LiteralSyntax: Sendable, Hashable {
  /// A string.
  case string(String)
  /// A number.
  case number(Double)
  /// A level code such as `L3`.
  case levelCode(String)
  /// `true` or `false`.
  case bool(Bool)
}

/// A function argument: a relative pipeline (`-> requires | …`) or an expression.
public indirect enum ArgumentSyntax: Sendable, Hashable {
  /// A pipeline starting at the row's node.
  case pipeline(StepSyntax, [StageSyntax], SourceRange)
  /// An expression.
  case expr(ExprSyntax)

  /// Where the argument is.
  public var range: SourceRange {
    switch self {
    case .pipeline(_, _, let r): return r
    case .expr(let e): return e.range
    }
  }
}

/// Binary operators.
public enum BinaryOperator: String, Sendable, Hashable {
  case or, and
  case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
  case `in`
  case matches = "~"
}

/// An expression.
public indirect enum ExprSyntax: Sendable, Hashable {
  /// A literal.
  case literal(LiteralSyntax, SourceRange)
  /// `$name`.
  case variable(Identifier)
  /// A node: `competency Kubernetes`.
  case node(NodeRefSyntax)
  /// A function call.
  case call(Identifier, [ArgumentSyntax], SourceRange)
  /// A name or dotted path: `name`, `edge.proficiency`.
  case name([Identifier], SourceRange)
  /// `not EXPR`.
  case not(ExprSyntax, SourceRange)
  /// A binary operation.
  case binary(BinaryOperator, ExprSyntax, ExprSyntax, SourceRange)
  /// A list: `[a, b]`.
  case list([ExprSyntax], SourceRange)
  /// A step written where a value belongs (an error the checker explains).
  case bareStep(StepSyntax)

  /// Where the expression is.
  public var range: SourceRange {
    switch self {
    case .literal(_, let r), .call(_, _, let r), .name(_, let r), .not(_, let r), .binary(_, _, _, let r),
      .list(_, let r):
      return r
    case .variable(let i): return i.range
    case .node(let n): return n.range
    case .bareStep(let s): return s.range
    }
  }
}

extension SourceRange {
  /// The range from the start of `self` to the end of `other`.
  func through(_ other: SourceRange) -> SourceRange {
    SourceRange(file: file, start: start, end: other.end)
  }
}
