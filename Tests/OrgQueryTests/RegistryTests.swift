import OrgGraph
import Testing

@testable import OrgQuery

/// The language's lists are written once: every query command and render format is parsed, completed,
/// offered in "did you mean" and listed in help from ``QueryCommand`` and ``RenderFormat``.
@Suite("Registries")
struct RegistryTests {
  /// A query that uses each command.
  static func example(_ command: QueryCommand) -> String {
    switch command {
    case .where: "roles | where name ~ \"Engineer\""
    case .select: "roles | select name as role"
    case .sort: "roles | sort by name desc"
    case .group: "competencies | group by area"
    case .distinct: "roles -> requires | distinct"
    case .count: "roles | count"
    case .limit: "roles | limit 2"
    case .render: "roles | render dot"
    case .union, .intersect, .except: "roles | \(command.keyword) (roles | limit 1)"
    }
  }

  @Test(arguments: QueryCommand.allCases)
  func eachCommandParsesChecksAndRuns(_ command: QueryCommand) throws {
    var session = QuerySession(graph: try GraphLoader.loadDefault())
    let outcome = session.run(Self.example(command), file: "<test>")
    #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics)")
    #expect(outcome.succeeded)
  }

  @Test func completionAndKeywordsComeFromTheCommands() throws {
    let session = QuerySession(graph: try GraphLoader.loadDefault())
    let keywords = QueryCommand.allCases.map(\.keyword)
    #expect(Keywords.commands == keywords)
    #expect(session.complete("roles | ").candidates == keywords)
    #expect(keywords.allSatisfy { Keywords.all.contains($0) })
  }

  @Test func anUnknownCommandListsThemAll() throws {
    var session = QuerySession(graph: try GraphLoader.loadDefault())
    let outcome = session.run("roles | whre name = \"x\"", file: "<test>")
    let diagnostic = try #require(outcome.diagnostics.first)
    #expect(diagnostic.help == ["did you mean `where`?"])
    #expect(diagnostic.notes == ["commands: " + QueryCommand.allCases.map(\.keyword).joined(separator: ", ")])
  }

  @Test func helpListsEveryCommand() {
    #expect(
      QueryCommand.helpText == """
        Commands follow `|`:
          | where CONDITION              keep the rows where the condition holds
          | select a, b as c             the columns to show, each an expression, named with `as`
          | sort by a desc, b            order the rows, ascending unless `desc`
          | group by a [as b]            one row per distinct key, with `size` and `members`
          | distinct                     drop repeated rows
          | count                        the number of rows
          | limit N                      the first N rows
          | render FORMAT [to "FILE"]    draw the result (table, json, csv, dot, svg, png, pdf, mermaid, html)
          | union (QUERY) or $name       the rows' nodes and the other set's
          | intersect (QUERY) or $name   the rows whose node is in the other set
          | except (QUERY) or $name      the rows whose node is not in the other set

        """)
  }

  @Test func anUnknownRenderFormatListsThemAll() throws {
    var session = QuerySession(graph: try GraphLoader.loadDefault())
    let outcome = session.run("roles | render svgg", file: "<test>")
    let diagnostic = try #require(outcome.diagnostics.first)
    #expect(diagnostic.code == .Q111)
    #expect(diagnostic.help == ["did you mean `svg`?"])
    #expect(diagnostic.notes == ["formats: " + RenderFormat.allCases.map(\.rawValue).joined(separator: ", ")])
  }

  /// Each format by name, and each file ending that names one.
  @Test(arguments: RenderFormat.allCases)
  func eachRenderFormatIsNamedAndFollowsFromItsEnding(_ format: RenderFormat) throws {
    for ending in format.fileExtensions {
      #expect(RenderFormat(fileName: "out.\(ending)") == format)
      #expect(RenderFormat(fileName: "OUT.\(ending.uppercased())") == format)
    }
    var session = QuerySession(graph: try GraphLoader.loadDefault())
    let outcome = session.run(
      "roles | render \(format.rawValue) to \"x.\(format.fileExtensions[0])\"", file: "<t>")
    #expect(outcome.succeeded, "\(outcome.diagnostics)")
    #expect(RenderFormat(fileName: "out.txt") == nil)
    #expect(RenderFormat(fileName: "noending") == nil)
  }
}
