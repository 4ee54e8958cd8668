import Foundation
import OrgGraph

/// What running a query gave: a result per statement, or the diagnostics that stopped it.
public struct QueryOutcome: Sendable {
  /// One result per statement that ran.
  public var results: [QueryResult]
  /// Errors that stopped the query (nothing runs when the query has an error), and the warnings of the
  /// statements that ran.
  public var diagnostics: [Diagnostic]
  /// Whether the query was cancelled while it ran.
  public var cancelled = false

  /// Whether the query ran without error.
  public var succeeded: Bool { !cancelled && !diagnostics.contains { $0.severity == .error } }
}

/// A query session over one graph: `let` bindings live as long as the session, parameters can be bound
/// from the command line or from Swift, and settings such as the hop cap apply to every query.
///
/// ```swift
/// var session = QuerySession(graph: try GraphLoader.loadDefault())
/// let outcome = session.run("roles | where exists(-> requires[proficiency = expert]) | select name")
/// for row in outcome.results.last?.rows ?? [] { print(row) }
/// ```
///
/// A session is a value: copy it to branch, run it from any task. The graph it reads is immutable.
public struct QuerySession: Sendable {
  /// The graph queries read.
  public private(set) var graph: Graph
  /// Parameters, used as `$name`.
  public var parameters: [String: QueryValue] {
    didSet { state &+= 1 }
  }
  /// The most hops a closure or path search takes before it stops with a warning.
  public var hopCap: Int = 32
  /// How long one run may take, in seconds, before it stops with error Q304; `nil` for no limit (the
  /// default in the library; the command line and the REPL give 30 seconds).
  public var timeout: Double?
  /// The most rows one step may make before the query stops with error Q305: a few steps over dense edges
  /// multiply rows quickly, and each costs memory.
  public var maxRows = QuerySession.defaultMaxRows
  /// The default of ``maxRows``: five million.
  public static let defaultMaxRows = 5_000_000
  /// The longest ``timeout`` a user may set, in seconds: a million (eleven and a half days). Longer values
  /// are refused by ``validTimeout(_:)``; the session itself treats anything longer as no limit.
  public static let maximumTimeout: Double = 1_000_000

  /// `text` read as a timeout in seconds — `nil` for no limit when it is 0 — or the reason it is not one.
  /// The command line's `--timeout` and the shell's `:set timeout` read through this, so they accept the
  /// same values and say the same thing.
  public static func validTimeout(_ text: String) -> Result<Double?, TimeoutError> {
    guard let seconds = Double(text.trimmingCharacters(in: .whitespaces)), seconds.isFinite,
      (0...maximumTimeout).contains(seconds)
    else { return .failure(TimeoutError(text: text)) }
    return .success(seconds > 0 ? seconds : nil)
  }

  /// A timeout that is not a number of seconds from 0 to ``maximumTimeout``.
  public struct TimeoutError: Error, Sendable, Equatable {
    /// What the user typed.
    public var text: String
    /// The sentence to show: what was wrong and what is accepted.
    public var message: String {
      "`\(text)` is not a timeout: give seconds from 0 (no limit) to \(Int(QuerySession.maximumTimeout)), like 30"
    }
  }

  /// The moment `timeout` seconds from now, in the uptime clock's nanoseconds; `nil` when there is no
  /// limit or the limit lies past what the clock counts (so no value of `timeout` can trap).
  static func deadline(after timeout: Double?) -> UInt64? {
    guard let timeout, !timeout.isNaN else { return nil }
    let now = DispatchTime.now().uptimeNanoseconds
    guard timeout > 0 else { return now }
    // 1e18 ns is 31 years: past that (and for infinity) the clock would overflow, and no query waits so long.
    let nanoseconds = timeout * 1e9
    guard nanoseconds < 1e18 else { return nil }
    return now + UInt64(nanoseconds)
  }

  var bindings: [String: Frame] = [:]
  var bindingShapes: [String: Shape] = [:]
  /// What checking a text depends on besides the text — the graph, the bindings' shapes, the parameters —
  /// counted up whenever one changes, so a cached plan is used only in the state it was made in.
  var state = 0
  /// The plans of texts run before, by text and ``state``: a query run again skips parsing and checking.
  var plans: [PlanKey: [(StatementPlan, StatementSyntax)]] = [:]
  /// The most texts whose plans are kept; past it the cache starts afresh.
  static let plansKept = 256

  /// A text as it was run, in the session's state then.
  struct PlanKey: Hashable {
    var text: String
    var file: String?
    var firstLine: Int
    var state: Int
  }
  /// The text of each `let`, in order, so bindings survive a change of graph.
  var bindingTexts: [(name: String, text: String)] = []

  /// Creates a session over `graph` with `parameters`.
  public init(graph: Graph, parameters: [String: QueryValue] = [:]) {
    self.graph = graph
    self.parameters = parameters
  }

  /// The names bound by `let` so far, in order.
  public var boundNames: [String] { bindingTexts.map(\.name) }

  /// Switches to another graph, running the session's `let` statements again on it. Bindings that no longer
  /// check (a name the new graph lacks) are dropped and their diagnostics returned.
  public mutating func replaceGraph(with graph: Graph) -> [Diagnostic] {
    self.graph = graph
    state &+= 1
    plans = [:]
    let texts = bindingTexts
    bindings = [:]
    bindingShapes = [:]
    bindingTexts = []
    var problems: [Diagnostic] = []
    for (_, text) in texts {
      let outcome = run(text)
      problems += outcome.diagnostics.filter { $0.severity == .error }
    }
    return problems
  }

  /// Parses and checks `text` without running it: the diagnostics a run would stop with.
  public func check(_ text: String, file: String? = nil, firstLine: Int = 1) -> [Diagnostic] {
    let (syntax, syntaxErrors) = Parser.parse(text, file: file, firstLine: firstLine)
    if !syntaxErrors.isEmpty { return syntaxErrors }
    var checker = Checker(
      graph: graph, bindings: bindingShapes, parameters: parameters, text: text, firstLine: firstLine)
    for statement in syntax.statements { _ = checker.check(statement) }
    return checker.diagnostics
  }

  /// Runs every statement of `text`. Nothing runs when the text has a syntax or checking error.
  ///
  /// - Parameters:
  ///   - file: the file the text came from, for diagnostics (`nil` for typed queries).
  ///   - firstLine: the line of `file` the text starts on.
  ///   - isCancelled: polled while the query runs; return `true` to stop it (Ctrl-C in the REPL).
  ///
  /// A text run again in the same state (no `let`, parameter or graph changed since) reuses its plan: the
  /// fixed cost of a repeated query is a dictionary lookup, not lexing, parsing and checking.
  public mutating func run(
    _ text: String, file: String? = nil, firstLine: Int = 1, isCancelled: (@Sendable () -> Bool)? = nil
  ) -> QueryOutcome {
    let key = PlanKey(text: text, file: file, firstLine: firstLine, state: state)
    if let cached = plans[key] {
      return evaluate(cached, text: text, firstLine: firstLine, isCancelled: isCancelled)
    }
    let (syntax, syntaxErrors) = Parser.parse(text, file: file, firstLine: firstLine)
    if !syntaxErrors.isEmpty { return QueryOutcome(results: [], diagnostics: syntaxErrors) }
    return run(syntax, text: text, firstLine: firstLine, isCancelled: isCancelled, key: key)
  }

  /// Checks and runs parsed statements; with `key`, keeps the plan for that text and state.
  mutating func run(
    _ syntax: QuerySyntax, text: String, firstLine: Int, isCancelled: (@Sendable () -> Bool)?,
    key: PlanKey? = nil
  ) -> QueryOutcome {
    var checker = Checker(
      graph: graph, bindings: bindingShapes, parameters: parameters, text: text, firstLine: firstLine)
    var checked: [(StatementPlan, StatementSyntax)] = []
    for statement in syntax.statements {
      if let plan = checker.check(statement) { checked.append((plan, statement)) }
    }
    if !checker.diagnostics.isEmpty { return QueryOutcome(results: [], diagnostics: checker.diagnostics) }
    if let key {
      if plans.count >= Self.plansKept { plans = [:] }
      plans[key] = checked
    }
    return evaluate(checked, text: text, firstLine: firstLine, isCancelled: isCancelled)
  }

  /// Runs checked statements in order.
  mutating func evaluate(
    _ plans: [(StatementPlan, StatementSyntax)], text: String, firstLine: Int,
    isCancelled: (@Sendable () -> Bool)?
  ) -> QueryOutcome {

    var results: [QueryResult] = []
    var warnings: [Diagnostic] = []
    // The text's lines, split once when a `let` first needs them.
    var lines: [[Unicode.Scalar]]?
    let deadline = Self.deadline(after: timeout)
    for (plan, statement) in plans {
      // The evaluator lives only while it runs: it shares `bindings`, and a `let` that changed them while it
      // lived would copy them whole, making thousands of `let`s in one call quadratic.
      let evaluated: (frame: Frame, warnings: [Diagnostic], render: RenderRequest?)
      do {
        var evaluator = Evaluator(
          graph: graph, bindings: bindings, hopCap: hopCap, isCancelled: isCancelled, deadline: deadline,
          maxRows: maxRows)
        let frame = try evaluator.run(plan)
        evaluated = (frame, evaluator.warnings, evaluator.render)
      } catch let stop as Cancelled {
        switch stop.reason {
        case .interrupted:
          return QueryOutcome(results: results, diagnostics: warnings, cancelled: true)
        case .timedOut:
          return QueryOutcome(
            results: results, diagnostics: warnings + [timedOut(statement.range)], cancelled: false)
        case .tooManyRows(let range):
          return QueryOutcome(
            results: results, diagnostics: warnings + [tooManyRows(range ?? statement.range)],
            cancelled: false)
        }
      } catch {
        return QueryOutcome(results: results, diagnostics: warnings, cancelled: true)
      }
      let frame = evaluated.frame
      warnings += evaluated.warnings
      var kind: QueryResult.Kind
      var binding: String?
      switch plan {
      case .bind(let name, let pipeline):
        kind = .binding
        binding = name
        // A name bound again moves to the end; looked for only when it was bound (thousands of `let`s in one
        // call stay linear).
        if bindings[name] != nil { bindingTexts.removeAll { $0.name == name } }
        bindings[name] = frame
        bindingShapes[name] = pipeline.shape
        state &+= 1
        if lines == nil { lines = Self.scalarLines(text) }
        bindingTexts.append(
          (name, Self.text(of: statement.range, lines: lines ?? [], whole: text, firstLine: firstLine)))
      case .pipeline: kind = .nodes
      case .path: kind = .paths
      case .gap: kind = .gap
      case .overlap: kind = .overlap
      case .find: kind = .table
      }
      var render = evaluated.render
      if render != nil {
        if lines == nil { lines = Self.scalarLines(text) }
        render?.query = Self.text(of: statement.range, lines: lines ?? [], whole: text, firstLine: firstLine)
      }
      results.append(
        QueryResult(
          frame: frame, graph: graph, kind: kind, warnings: evaluated.warnings, render: render,
          binding: binding))
    }
    return QueryOutcome(results: results, diagnostics: warnings)
  }

  /// The text a range covers.
  static func text(of range: SourceRange, in text: String, firstLine: Int) -> String {
    Self.text(of: range, lines: scalarLines(text), whole: text, firstLine: firstLine)
  }

  /// A text's lines as arrays of scalars, so a range's columns slice them without walking from the start
  /// (thousands of `let`s on one line stay linear).
  static func scalarLines(_ text: String) -> [[Unicode.Scalar]] {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
  }

  /// The text a range covers, in a text already split into scalar `lines`.
  static func text(of range: SourceRange, lines: [[Unicode.Scalar]], whole text: String, firstLine: Int)
    -> String
  {
    let first = range.start.line - firstLine
    let last = range.end.line - firstLine
    guard first >= 0, last < lines.count, first <= last else { return text }
    var parts: [String] = []
    for n in first...last {
      let line = lines[n]
      let start = n == first ? min(max(range.start.column - 1, 0), line.count) : 0
      let end = n == last ? min(max(range.end.column - 1, 0), line.count) : line.count
      var part = String.UnicodeScalarView()
      part.append(contentsOf: line[start..<max(start, end)])
      parts.append(String(part))
    }
    return parts.joined(separator: "\n")
  }
}

extension QueryValue {
  /// A parameter value from text: a number, `true`/`false`, or a string.
  public static func parameter(_ text: String) -> QueryValue {
    if let d = Double(text), d.isFinite { return .number(d) }
    if text == "true" || text == "false" { return .bool(text == "true") }
    return .string(text)
  }
}

extension QuerySession {
  /// Error Q304: the run went past ``timeout``.
  func timedOut(_ range: SourceRange) -> Diagnostic {
    let seconds = String(format: "%g", timeout ?? 0)
    return Diagnostic(
      code: .Q304,
      message: "the query ran for more than \(seconds) second\(seconds == "1" ? "" : "s") and was stopped",
      range: range,
      label: "still running here",
      help: [
        "narrow it: a `where` before the steps, fewer steps, bounded closures (`{1,3}`), simpler patterns",
        "or give it more time: `--timeout 120` on the command line, `:set timeout 120` in the shell",
      ])
  }

  /// Error Q305: a step made more than ``maxRows`` rows.
  func tooManyRows(_ range: SourceRange) -> Diagnostic {
    Diagnostic(
      code: .Q305, message: "this step made more than \(maxRows) rows, and the query was stopped",
      range: range, label: "one row per edge crossed",
      help: [
        "narrow it (a `where` before this step), or add `| distinct` after steps that repeat nodes",
        "or raise the limit: `--max-rows N` on the command line, `:set maxrows N` in the shell",
      ])
  }
}
