import Foundation
import Testing

/// Rendering the three ways a user can: `orgraph render`, the `| render` stage, and `:render` in the shell;
/// all five formats.
@Suite("Rendering from the command line")
struct RenderCommandTests {
  static let path =
    #"path from role "Backend Engineer" to level "Senior Cloud Security Engineer" via -> (promotes_to | lateral)"#

  @Test(arguments: ["dot", "mermaid", "svg"])
  func textFormatsGoToStandardOutput(_ format: String) throws {
    let result = try Tool.run(["render", "--format", format, #"track "Security Engineer""#])
    #expect(result.status == 0, "\(result.stderr)")
    switch format {
    case "dot": #expect(result.stdout.hasPrefix("digraph"))
    case "mermaid": #expect(result.stdout.contains("flowchart BT"))
    default: #expect(result.stdout.contains("<svg") && result.stdout.contains("Senior Security Engineer"))
    }
    // The same input draws the same bytes.
    #expect(
      try Tool.run(["render", "--format", format, #"track "Security Engineer""#]).stdout == result.stdout)
  }

  @Test(arguments: [
    ("png", [0x89, 0x50, 0x4E, 0x47] as [UInt8]), ("pdf", Array("%PDF".utf8)), ("svg", Array("<?xml".utf8)),
  ])
  func filesAreWritten(_ format: String, _ magic: [UInt8]) throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try Tool.run(["render", "--format", format, "-o", "out.\(format)", Self.path], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let data = try Data(contentsOf: folder.appending(path: "out.\(format)"))
    #expect(Array(data.prefix(magic.count)) == magic)
  }

  @Test func binaryFormatsNeedAFile() throws {
    let result = try Tool.run(["render", "--format", "png", "roles"])
    #expect(result.status == 1)
    // On the command line the way forward is the `-o FILE` flag, not only the in-query stage.
    #expect(
      result.stderr == """
        error[Q402]: PNG is binary and is not printed to the terminal
         --> <query>:1:1
          |
        1 | roles
          | ^^^^^
          = help: name a file: `-o diagram.png`

        """)
  }

  @Test func theRenderStageWritesTheFileItNames() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let query =
      #"overlap role "Cloud Engineer", level "Senior Cloud Security Engineer" | render svg to "o.svg""#
    let result = try Tool.run(["query", query], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let svg = try String(contentsOf: folder.appending(path: "o.svg"), encoding: .utf8)
    #expect(svg.contains("Overlap: Cloud Engineer and Senior Cloud Security Engineer"))
    // Mermaid to standard output, instead of the table: `> out.mmd` is a Mermaid file.
    let mermaid = try Tool.run(["query", "levels | where code = L4 | render mermaid"])
    #expect(mermaid.stdout.hasPrefix("---\ntitle:"))
    #expect(!mermaid.stdout.contains("(2 rows)"))
    let svg2 = try Tool.run(["query", "roles | render svg"])
    #expect(svg2.stdout.hasPrefix("<?xml"))
  }

  @Test func theShellRendersTheLastResult() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let script = "team Cloud <- in_team\n:render pdf team.pdf\n:render dot\n"
    let result = try Tool.run([], in: folder, stdin: script)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try Data(contentsOf: folder.appending(path: "team.pdf")).starts(with: Array("%PDF".utf8)))
    #expect(result.stdout.contains("digraph"))
  }

  @Test func aDiagramTooLargeIsRefusedWithAWayForward() throws {
    let result = try Tool.run([
      "render", "--format", "svg",
      "expectations | union (competencies) | union (examples) | union (levels) | union (values)",
    ])
    #expect(result.status == 1)
    #expect(result.stderr.contains("more than the 150 a diagram shows legibly"))
    #expect(result.stderr.contains("render --max-nodes"))
    let forced = try Tool.run([
      "render", "--format", "dot", "--max-nodes", "400",
      "expectations | union (competencies) | union (examples) | union (levels) | union (values)",
    ])
    #expect(forced.status == 0)
  }
}

/// `gap` from a person reads their assessments; `to @ CODE` finds the level on the ladder they hold.
@Suite("Gap from a person")
struct PersonGapTests {
  @Test func gapFromAssessmentsToTheNextLevel() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let graph = """
      orgraph: 1
      name: People
      competencies:
        - {id: competency:k8s, name: Kubernetes}
        - {id: competency:mentoring, name: Mentoring}
      tracks:
        - id: track:acme/eng
          name: Engineering
          has_level: [level:acme/l2, level:acme/l3]
      levels:
        - {id: level:acme/l2, name: Engineer, code: L2, rank: 2, promotes_to: level:acme/l3}
        - id: level:acme/l3
          name: Senior Engineer
          code: L3
          rank: 3
          requires:
            - {to: competency:k8s, proficiency: advanced}
            - {to: competency:mentoring, proficiency: working}
      people:
        - id: person:acme/ana
          name: Ana
          holds: level:acme/l2
          assessed:
            - {to: competency:k8s, proficiency: working}
      """
    try graph.write(to: folder.appending(path: "graph.yaml"), atomically: true, encoding: .utf8)
    let result = try Tool.run(
      ["query", "--graph", "graph.yaml", #"gap from person Ana to @ L3 | where change in [added, raised]"#],
      in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout == """
        competency  before   after     change  evidence
        ----------  -------  --------  ------  --------
        Mentoring            working   added
        Kubernetes  working  advanced  raised
        (2 rows)

        """)
  }
}

/// `orgraph render --format html` and `| render html to "…"`: one self-contained page.
@Suite("Result as one HTML file")
struct HTMLResultTests {
  @Test func aPageWithTheDiagramAndNothingFromOutside() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let query =
      #"gap from role "Cloud Engineer" to level "Senior Cloud Security Engineer" | where change in [added]"#
    let result = try Tool.run(["render", "--format", "html", "-o", "gap.html", query], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let page = try String(contentsOf: folder.appending(path: "gap.html"), encoding: .utf8)
    #expect(page.hasPrefix("<!doctype html>\n<html lang=\"en\">"))
    #expect(page.contains("<pre><code>gap from role &quot;Cloud Engineer&quot;"))
    #expect(page.contains("<th scope=\"col\">competency</th>"))
    #expect(page.contains("<figure role=\"img\" aria-label=\"Diagram of the result\">\n<svg"))
    // Nothing is fetched: no script, no stylesheet link, no image source.
    for outside in ["<script", "<link", " src=", "@import", "url("] {
      #expect(!page.contains(outside), "\(outside)")
    }
    // From inside a query, to a file; and to standard output.
    let staged = try Tool.run(["query", "roles | render html to \"roles.html\""], in: folder)
    #expect(staged.status == 0, "\(staged.stderr)")
    let roles = try String(contentsOf: folder.appending(path: "roles.html"), encoding: .utf8)
    #expect(roles.contains("<pre><code>roles | render html to &quot;roles.html&quot;</code></pre>"))
    #expect(roles.contains("<p>5 rows</p>"))
    let printed = try Tool.run(["query", "roles | render html"])
    #expect(printed.stdout.hasPrefix("<!doctype html>"))
  }
}
