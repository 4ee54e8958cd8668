import Foundation
import OrgGraph
import OrgQuery
import Testing

/// The mistakes newcomers make, each with its whole rendered diagnostic: where, what, and how to fix it.
@Suite("Query diagnostics")
struct DiagnosticsTests {
  static let cases: [(String, String)] = [
    // Edges.
    ("edge-typo", #"role "Cloud Engineer" -> require[proficiency >= advanced]"#),
    ("edge-wrong-direction", "competency Kubernetes -> requires"),
    ("edge-unrelated-word", #"role "Cloud Engineer" -> salary"#),
    ("edge-is-a-kind", "roles -> competencies"),
    ("edge-after-select", "roles | select name -> requires"),
    // Kinds.
    ("kind-typo", "rolez"),
    ("kind-long-form", "organisations | count"),
    ("kind-singular-source", "role"),
    ("kind-plural-in-reference", #"roles "Cloud Engineer""#),
    ("kind-unknown-in-reference", #"postion "Cloud Engineer""#),
    // Names.
    ("name-typo", #"role "Cloud Enginer""#),
    ("name-wrong-kind", #"role "Senior Cloud Security Engineer""#),
    ("name-unknown-no-suggestion", #"role "Astronaut""#),
    ("name-unquoted-spaces", "role Cloud Engineer"),
    ("level-code-unknown", #"role "Cloud Security Engineer" @ L9"#),
    // Properties and enum cases.
    ("property-typo", "roles | where nmae = \"x\""),
    ("property-unknown-no-suggestion", "roles | select salary"),
    (
      "property-of-a-list",
      #"gap from role "Frontend Engineer" to role "Backend Engineer" | select evidence.source"#
    ),
    ("enum-typo", #"role "Cloud Engineer" -> requires[proficiency >= advnced]"#),
    ("enum-synonym", #"role "Cloud Engineer" -> requires[proficiency >= proficient]"#),
    ("enum-vs-number", #"role "Cloud Engineer" -> requires[proficiency >= 3]"#),
    ("edge-property-without-edge", "roles | where edge.proficiency = expert"),
    // Syntax.
    ("missing-quote", #"role "Cloud Engineer -> requires"#),
    ("missing-pipe", "roles where name = \"x\""),
    ("command-synonym", "roles | filter name = \"x\""),
    ("command-typo", "roles | selct name"),
    ("take-instead-of-limit", "roles | take 3"),
    ("bad-character", "roles | where a && b"),
    ("unclosed-paren", "(roles -> requires"),
    ("empty-bounds", "levels -> promotes_to{3,1}"),
    ("reserved-word-as-name", "team by"),
    ("count-as-column", "competencies | group by area | select area, count"),
    ("dangling-arrow", #"role "Cloud Engineer" ->"#),
    // Meaning.
    ("set-as-condition", "roles | where -> requires"),
    ("variable-as-condition", "let x = roles; roles | where $x"),
    ("number-as-condition", "roles | where count(-> requires)"),
    ("unbound-variable", "roles | intersect $sre"),
    ("unknown-function", "roles | where size(-> requires) > 3"),
    ("function-arity", "roles | select count()"),
    (
      "all-simple-unbounded",
      "path from role \"Backend Engineer\" to role \"Cloud Engineer\" via -> lateral all simple"
    ),
    (
      "shortest-by-text",
      "path from role \"Backend Engineer\" to role \"Cloud Engineer\" via -> lateral shortest by name"
    ),
    ("bad-pattern", "roles | where name ~ \"(\""),
    ("gap-code-not-on-ladder", "gap from role \"Cloud Engineer\" to @ L3"),
    ("render-format", "roles | render jpg"),
    ("several-statements", "rolez; roles -> requirez"),
  ]

  static func render(_ text: String) throws -> String {
    var session = QuerySession(graph: try GraphLoader.loadDefault())
    let outcome = session.run(text, file: "<repl>")
    #expect(!outcome.succeeded, "expected an error for: \(text)")
    return DiagnosticRenderer(sources: ["<repl>": text]).render(outcome.diagnostics, summary: false)
  }

  @Test(arguments: cases.map(\.0))
  func diagnostic(_ name: String) throws {
    let text = try #require(Self.cases.first { $0.0 == name }?.1)
    Golden.check(try Self.render(text), "errors/\(name).txt")
  }

  /// Conservative "did you mean": far-off words get no suggestion, and suggestions are valid there.
  @Test func suggestionsAreScoped() throws {
    #expect(!(try Self.render(#"role "Cloud Engineer" -> salary"#)).contains("did you mean"))
    // `requires` leaves roles; a typo of an edge that cannot leave a role suggests only edges that can.
    let typo = try Self.render(#"role "Cloud Engineer" -> expresse"#)
    #expect(!typo.contains("did you mean `expresses`"))
    #expect(try Self.render("roles | wher x").contains("did you mean `where`?"))
  }

  /// Every code is documented in docs/errors.md, which is generated from ErrorIndex.
  @Test func everyCodeIsDocumented() throws {
    let url = Paths.repository.appending(path: "docs/errors.md")
    if Golden.recording { try Data(ErrorIndex.markdown.utf8).write(to: url) }
    let doc = try String(contentsOf: url, encoding: .utf8)
    #expect(doc == ErrorIndex.markdown, "docs/errors.md differs from ErrorIndex; see the file's header")
    // Every code the goldens show has an entry.
    let goldens = try FileManager.default.contentsOfDirectory(
      atPath: Golden.directory().appending(path: "errors").path)
    for name in goldens {
      let text = try String(contentsOf: Golden.directory().appending(path: "errors/\(name)"), encoding: .utf8)
      for line in text.split(separator: "\n") where line.hasPrefix("error[") || line.hasPrefix("warning[") {
        let code = line.split(separator: "[")[1].prefix(4)
        #expect(ErrorIndex.entry(String(code)) != nil, "\(code) has no entry")
      }
    }
  }
}
