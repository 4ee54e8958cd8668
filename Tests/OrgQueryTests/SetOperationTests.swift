import OrgGraph
import Testing

@testable import OrgQuery

/// `union`, `intersect` and `except` are a closed set: a syntax tree that names another operation (built
/// by a program, since the parser reads only those three words) is a checker error, never a silent `except`.
@Suite("Set operations")
struct SetOperationTests {
  /// The tree of `roles | except (roles)` with the operation's word replaced by `word`.
  static func tree(_ word: String) throws -> StatementSyntax {
    let (syntax, errors) = Parser.parse("roles | except (roles)", file: "<query>")
    #expect(errors.isEmpty)
    guard case .pipeline(var pipeline)? = syntax.statements.first,
      case .command(.setOperation(let op, let operand, let range))? = pipeline.stages.first
    else {
      Issue.record("not the expected tree")
      throw CancellationError()
    }
    pipeline.stages[0] = .command(
      .setOperation(Identifier(name: word, range: op.range), operand, range))
    return .pipeline(pipeline)
  }

  static func check(_ word: String) throws -> [Diagnostic] {
    var checker = Checker(
      graph: try GraphLoader.loadDefault(), bindings: [:], parameters: [:], text: "roles | except (roles)")
    _ = checker.check(try tree(word))
    return checker.diagnostics
  }

  @Test(arguments: SetOperation.allCases)
  func theThreeOperationsCheck(_ operation: SetOperation) throws {
    #expect(try Self.check(operation.rawValue).isEmpty)
  }

  @Test func anotherWordIsAnError() throws {
    let diagnostics = try Self.check("exept")
    #expect(diagnostics.map(\.code) == [.Q112])
    #expect(diagnostics.first?.message == "`exept` is not a set operation")
    #expect(diagnostics.first?.help == ["did you mean `except`?"])
    #expect(diagnostics.first?.notes == ["set operations: union, intersect, except"])
    let far = try Self.check("minus")
    #expect(far.map(\.code) == [.Q112])
    #expect(far.first?.help == [])
  }

  @Test func theOperationsAnswerAsDocumented() throws {
    var session = QuerySession(graph: try GraphLoader.loadDefault())
    func names(_ query: String) -> [String] {
      session.run(query).results.last?.rows.compactMap { row -> String? in
        if case .node(let n)? = row.first { return session.graph.name(of: n) }
        return nil
      } ?? []
    }
    let cloud = #"role "Cloud Engineer""#
    let sre = #"role "SRE Engineer""#
    #expect(names("\(cloud) | union (\(sre))") == ["Cloud Engineer", "SRE Engineer"])
    #expect(names("roles | intersect (\(sre))") == ["SRE Engineer"])
    #expect(!names("roles | except (\(sre))").contains("SRE Engineer"))
    #expect(names("roles | except (\(sre))").count == names("roles").count - 1)
  }

  /// A parameter is a value: combining it as a set says so, instead of calling it unbound.
  @Test func aParameterIsNotASet() throws {
    var session = QuerySession(graph: try GraphLoader.loadDefault(), parameters: ["sre": .parameter("x")])
    let outcome = session.run("roles | select name, count(-> requires | intersect $sre) as shared")
    #expect(outcome.diagnostics.map(\.code) == [.Q109])
    #expect(
      outcome.diagnostics.first?.message
        == "`intersect` combines sets of nodes, but `$sre` is a parameter, a single value")
  }
}
