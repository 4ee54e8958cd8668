import Foundation
import OrgGraph
import OrgQuery
import OrgTestSupport
import Testing

/// Golden AST dumps with source ranges for every construct of the grammar.
@Suite("Parser")
struct ParserTests {
  static let cases: [(String, String)] = [
    ("kind-source", "roles"),
    ("node-source", #"role "Cloud Engineer""#),
    ("node-bare-name", "team Cloud"),
    ("node-at-code", #"role "Cloud Security Engineer" @ L3"#),
    ("variable-source", "$sre -> requires"),
    ("pipeline-source", "(roles -> requires) | distinct"),
    ("steps", "competency Kubernetes <- requires -- broader -> broader"),
    ("edge-set", "level Senior -> (promotes_to | lateral)"),
    (
      "quantifiers",
      "levels -> promotes_to+ -> promotes_to* -> promotes_to? -> promotes_to{2} -> promotes_to{1,3} -> promotes_to{2,}"
    ),
    ("step-filter", "roles -> requires[proficiency >= advanced and origin = derived]"),
    ("where", #"roles | where name ~ "Engineer" or not exists(-> in_team)"#),
    ("select-as", "roles | select name, count(-> requires) as demand"),
    ("sort", "competencies | sort by area asc, name desc"),
    ("group", "competencies | group by area, len(name)"),
    ("distinct-count-limit", "roles -> requires | distinct | limit 5 | count"),
    ("render", #"roles | render svg to "roles.svg""#),
    ("render-bare", "roles | render"),
    ("set-operations", "roles | union (levels) | intersect $x | except (roles -> lateral)"),
    ("let", #"let sre = role "SRE Engineer" -> requires"#),
    ("statements", "let a = roles; $a | count"),
    (
      "path-shortest",
      #"path from role "Backend Engineer" to level "Senior Cloud Security Engineer" via -> (promotes_to | lateral) shortest"#
    ),
    ("path-by", "path from role A to role B via -> lateral shortest by cost"),
    ("path-all-shortest", "path from role A to role B via <- lateral all shortest"),
    ("path-all-simple", "path from role A to role B via -- lateral{1,6} all simple | limit 3"),
    (
      "gap",
      #"gap from role "Cloud Engineer" to level "Senior Cloud Security Engineer" | where change in [added, raised]"#
    ),
    ("gap-at-code", "gap from person Ana to @ L3 via assessed"),
    ("overlap", #"overlap role A, role B, level "C" via requires | where shared_by >= 2"#),
    ("literals", #"roles | where x = "text" or x = 3.5 or x = L3.2 or x = true or x = false or x in []"#),
    ("comparisons", "roles | where a = 1 and b != 2 and c < 3 and d <= 4 and e > 5 and f >= 6"),
    ("qualified-names", "roles -> requires | select node.name, edge.proficiency, competency.area"),
    (
      "functions",
      "roles | select count(-> requires | intersect $sre), exists(-> in_team), depth(), min(1, 2), max(-> requires | select proficiency), lower(name), upper(name), len(name), similarity(role X)"
    ),
    ("node-in-expression", "roles | where similarity(role \"SRE Engineer\") > 0.2"),
    ("comment-and-lines", "# a comment\nroles  # trailing\n  | select name"),
    ("parameter-pattern", "values | where text ~ $word"),
  ]

  @Test(arguments: cases.map(\.0))
  func dump(_ name: String) throws {
    let text = try #require(Self.cases.first { $0.0 == name }?.1)
    let (query, diagnostics) = Parser.parse(text)
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    Golden.check(
      "# \(text.replacingOccurrences(of: "\n", with: "\n# "))\n" + ASTDump.dump(query), "ast/\(name).txt")
  }

  /// Ranges are 1-based line:column and cover the whole token, also on later lines.
  @Test func rangesAreOneBasedAndMultiLine() {
    let (query, _) = Parser.parse("roles\n  | where name ~ \"x\"")
    guard case .pipeline(let p)? = query.statements.first, case .command(.where(let e, _))? = p.stages.first
    else {
      Issue.record("unexpected parse")
      return
    }
    #expect(p.range.start == SourceLocation(line: 1, column: 1))
    #expect(e.range.start == SourceLocation(line: 2, column: 11))
    #expect(e.range.end == SourceLocation(line: 2, column: 21))
  }

  /// Deep nesting is an error, never a stack overflow.
  @Test func deepNestingIsRefused() {
    let deep = String(repeating: "(", count: 10_000) + "roles" + String(repeating: ")", count: 10_000)
    let (_, diagnostics) = Parser.parse(deep)
    #expect(diagnostics.map(\.code) == [.Q005])
    let deepExpr = "roles | where " + String(repeating: "not ", count: 5_000) + "true"
    #expect(Parser.parse(deepExpr).1.map(\.code) == [.Q005])
    let deepList = "roles | where x in " + String(repeating: "[", count: 5_000)
    #expect(Parser.parse(deepList).1.map(\.code) == [.Q005])
  }

  /// Long `and`/`or` chains are trees only log₂(n) deep, so checking, running and printing them cannot
  /// overflow the stack (a left-deep chain of about 900 terms did, in the checker); they mean what they say.
  @Test(arguments: ["and", "or"])
  func longOperatorChainsRunAndKeepTheirMeaning(_ op: String) throws {
    let graph = try GraphLoader.loadDefault()
    let terms = 20_000
    let value = op == "and" ? "true" : "false"
    let chain = Array(repeating: value, count: terms - 1).joined(separator: " \(op) ")
    // All but the last term are neutral (`true and`, `false or`): the last decides.
    for (last, roles) in [("true", 5), ("false", 0)] {
      var session = QuerySession(graph: graph)
      let outcome = session.run("roles | where \(chain) \(op) \(last)")
      #expect(outcome.diagnostics.isEmpty)
      #expect(outcome.results.last?.rows.count == roles)
    }
    // The tree's depth is logarithmic, and its operands keep their order.
    let (syntax, errors) = Parser.parse("roles | where \(chain)")
    #expect(errors.isEmpty)
    #expect(!ASTDump.dump(syntax).isEmpty)
    #expect(
      ASTDump.dump(Parser.parse("roles | where a \(op) b \(op) c").0).contains(
        "Binary \(op) @1:15-1:\(op == "and" ? 22 : 21)"))
  }

  /// Fed a line at a time, the input scanner says what scanning the whole text says.
  @Test func inputScannerFedInPiecesAgreesWithTheWholeText() throws {
    let texts = [
      "roles |", "roles\n| where name ~ \"a", "roles | where (a and", "roles | where a and # comment",
      "roles -> requires", "team \"x\nroles", "roles # (", "[1,\n2,", "roles | where a or\nb", "'a\nb'",
    ]
    let queries = try FileManager.default.contentsOfDirectory(atPath: Paths.repository.path + "/Queries")
      .filter { $0.hasSuffix(".oq") }
      .map { try String(contentsOfFile: Paths.repository.path + "/Queries/" + $0, encoding: .utf8) }
    for text in texts + queries {
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
      for cut in 0...lines.count {
        let prefix = lines.prefix(cut).joined(separator: "\n")
        var scanner = Parser.InputScanner()
        for (i, line) in lines.prefix(cut).enumerated() { scanner.feed((i == 0 ? "" : "\n") + line) }
        #expect(scanner.open == Parser.openInput(prefix), "\(prefix)")
      }
    }
  }

  /// One error per broken statement: the parser recovers at `;`.
  @Test func recoversAtSemicolons() {
    let (query, diagnostics) = Parser.parse("roles | wher x; roles; roles -> ; levels")
    #expect(diagnostics.count == 2)
    #expect(query.statements.count == 2)
  }
}
