import OrgGraph

/// The static type of an expression or column, as far as the checker knows it.
indirect enum ValueType: Sendable, Hashable {
  case any
  case bool
  case number
  case string
  case enumeration(String)
  /// A node of one of these kinds (schema kind numbers); empty means any kind.
  case node(Set<Int>)
  case edge
  case list(ValueType)
  /// A set of rows, such as a `let` result or a relative pipeline: not a value a condition can use.
  case set
  case path
  case source

  var name: String {
    switch self {
    case .any: return "a value"
    case .bool: return "true or false"
    case .number: return "a number"
    case .string: return "text"
    case .enumeration(let e): return "a `\(e)`"
    case .node: return "a node"
    case .edge: return "an edge"
    case .list: return "a list"
    case .set: return "a set of rows"
    case .path: return "a path"
    case .source: return "a source"
    }
  }

  init(_ type: PropertyType) {
    switch type {
    case .string, .text: self = .string
    case .int, .number: self = .number
    case .bool: self = .bool
    case .strings: self = .list(.string)
    case .source: self = .source
    case .nodes: self = .list(.node([]))
    case .enumeration(let e): self = .enumeration(e)
    }
  }
}

/// A name in scope that the rows carry along their steps: a source or step named with `as`, or a column of
/// a `gap`, `overlap` or `path` table that a step walked on from.
struct CarriedName: Sendable, Hashable {
  var name: String
  var type: ValueType
  /// The edge types the named step came by (empty for a source or a column).
  var edgeTypes: Set<Int> = []
}

/// What the rows at a point of a pipeline hold.
struct Shape: Sendable, Hashable {
  /// The kinds of the rows' nodes (schema numbers); `nil` when rows have no node.
  var nodeKinds: Set<Int>?
  /// The edge types rows may carry (after a one-hop step).
  var edgeTypes: Set<Int> = []
  /// Named columns (after `select`, `group`, `gap`, `overlap`, `path`).
  var columns: [(name: String, type: ValueType)] = []
  /// Whether rows carry a depth (after a closure).
  var hasDepth = false
  /// Names the rows carry from earlier stages, in the order they were given.
  var carried: [CarriedName] = []
  /// For a `gap`, `overlap` or `path` table: the column whose node a step walks on from.
  var walkColumn: Int?
  /// Whether the rows are a plain node set (no columns of their own).
  var isNodeSet: Bool { columns.isEmpty && nodeKinds != nil }

  static func nodes(_ kinds: Set<Int>) -> Shape { Shape(nodeKinds: kinds) }

  static func == (lhs: Shape, rhs: Shape) -> Bool {
    lhs.nodeKinds == rhs.nodeKinds && lhs.edgeTypes == rhs.edgeTypes && lhs.hasDepth == rhs.hasDepth
      && lhs.columns.map(\.name) == rhs.columns.map(\.name)
      && lhs.columns.map(\.type) == rhs.columns.map(\.type) && lhs.carried == rhs.carried
      && lhs.walkColumn == rhs.walkColumn
  }

  func hash(into hasher: inout Hasher) {
    hasher.combine(nodeKinds)
    hasher.combine(columns.map(\.name))
    hasher.combine(carried)
  }
}

/// A checked step.
struct StepPlan: Sendable {
  var direction: StepDirection
  var edgeTypes: [Int]
  var min: Int
  var max: Int?
  var isClosure: Bool
  var filter: ExprPlan?
  var range: SourceRange
  /// For a filter that is exactly `id = "ID"`: the one node it lets through (`nil` inside when no node has
  /// that id), so that a step compares node numbers instead of evaluating the filter on every edge — the
  /// selective side of `-> assessed[id = "competency:go"]` over a thousand people's assessments.
  var onlyNode: NodeID??
}

/// A checked pipeline source.
indirect enum SourcePlan: Sendable {
  case kind(Int)
  case nodes([NodeID])
  case variable(String)
  case pipeline(PipelinePlan)
  /// The current row's node (relative pipelines inside expressions).
  case current
}

/// A render request: draw the result, in a format, to a file (or standard output).
public struct RenderRequest: Sendable, Hashable {
  /// The format the query named, or the one its file's ending names; `nil` when neither did (the caller
  /// picks).
  public var format: RenderFormat?
  /// The file to write, when given.
  public var file: String?
  /// Where the `render` stage is.
  public var range: SourceRange
  /// The text of the statement the stage ends, for a rendering that shows its query (`html`); set when the
  /// query runs.
  public var query: String? = nil

  /// Creates a request.
  public init(format: RenderFormat?, file: String?, range: SourceRange) {
    self.format = format
    self.file = file
    self.range = range
  }

  /// Creates a request from a format's name; an unknown name is no format.
  @available(*, deprecated, message: "name the format as a RenderFormat: `.svg`, `RenderFormat(rawValue:)`")
  public init(format: String?, file: String?, range: SourceRange) {
    self.init(format: format.flatMap(RenderFormat.init(rawValue:)), file: file, range: range)
  }
}

/// A checked stage.
indirect enum StagePlan: Sendable {
  case step(StepPlan)
  case filter(ExprPlan)
  case select([(ExprPlan, String)])
  case sort([(ExprPlan, Bool)])
  case group([(ExprPlan, String)])
  case distinct
  case count
  case limit(Int)
  case render(RenderRequest)
  case setOperation(SetOperation, PipelinePlan?, String?)
  /// `as NAME`: each row remembers its node and the edge it came by.
  case remember
  /// A step after a `gap`, `overlap` or `path` table: the row's columns become carried names, and the row
  /// walks on from the node in this column.
  case carryColumns(Int)
}

/// How a `union`, `intersect` or `except` stage combines the rows' nodes with another set.
enum SetOperation: String, CaseIterable, Sendable {
  /// Both sets, the rows' nodes first.
  case union
  /// The rows whose node is in the other set.
  case intersect
  /// The rows whose node is not in the other set.
  case except
}

/// A checked pipeline.
struct PipelinePlan: Sendable {
  var source: SourcePlan
  var stages: [StagePlan]
  var shape: Shape
}

/// Built-in functions.
enum Function: String, CaseIterable, Sendable {
  case count, exists, depth, min, max, lower, upper, len, similarity
}

/// A checked expression.
indirect enum ExprPlan: Sendable {
  case literal(QueryValue)
  case variable(String)
  case nodeProperty(String)
  case edgeProperty(String)
  case nodeID
  case nodeKind
  case edgeType
  case column(Int)
  /// A property of the node held in a column: `competency.area` in a gap.
  case columnProperty(Int, String)
  /// A carried name's value: the node a named stage reached, or a carried column.
  case carried(Int)
  /// A property of a carried node: `c.area`.
  case carriedProperty(Int, String)
  /// A property of the edge a named step came by: `r.proficiency`.
  case carriedEdgeProperty(Int, String)
  /// A part of a source reference: `source.document`, `source.line`, `source.title` (the document's title).
  case sourcePart(ExprPlan, String)
  case call(Function, [ArgumentPlan])
  case not(ExprPlan)
  case binary(BinaryOperator, ExprPlan, ExprPlan)
  case list([ExprPlan])
  case depth
}

/// A checked function argument.
indirect enum ArgumentPlan: Sendable {
  case pipeline(PipelinePlan)
  case expr(ExprPlan)
}

/// A checked statement.
indirect enum StatementPlan: Sendable {
  case bind(String, PipelinePlan)
  case pipeline(PipelinePlan)
  case path(
    from: PipelinePlan, to: PipelinePlan, via: StepPlan, mode: PathMode, stages: [StagePlan], shape: Shape)
  case gap(from: NodeID, to: NodeID, via: String?, stages: [StagePlan], shape: Shape)
  case overlap([NodeID], via: String?, stages: [StagePlan], shape: Shape)
  case find(String, kinds: Set<String>?, stages: [StagePlan], shape: Shape)
}

/// How `path` picks paths.
enum PathMode: Sendable, Equatable {
  case shortest
  case shortestBy(String)
  case allShortest
  case allSimple
}
