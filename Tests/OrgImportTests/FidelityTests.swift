import Foundation
import OrgGraph
import Testing

@testable import OrgImport

/// Fidelity defects a trial of newer real pages found (issue 21), each with the document shape that caused
/// it.
@Suite("Fidelity")
struct FidelityTests {
  /// `**Examples:**` written right under the last bullet (no blank line, so CommonMark continues the
  /// bullet) turned the examples into statements, silently.
  @Test func anExamplesLineGluedToTheLastBulletStartsTheExamples() throws {
    let page = """
      # L3: Senior Engineer

      ## 🦉 Craft

      - I design systems others build on.
      - I review designs across teams.
      **Examples:**
      - Led the redesign of the billing service.
      - Reviewed the platform team's storage design.
      """
    let document = try Importer.read(page, path: "L3.md", reader: .auto)
    let level = try #require(document.levels.first)
    #expect(
      level.statements.map(\.text) == ["I design systems others build on.", "I review designs across teams."])
    #expect(
      level.examples.map(\.text) == [
        "Led the redesign of the billing service.", "Reviewed the platform team's storage design.",
      ])
    #expect(document.warnings.map(\.line) == [7])
    #expect(document.warnings.first?.reason.hasPrefix("an Examples line right under a bullet") == true)
  }

  /// "Building on the … role" in a ladder page's `>` summary is read as `includes`, as it is on discipline
  /// pages.
  @Test func buildingOnInTheSummaryIsIncludes() throws {
    let senior = """
      # L3: Senior Engineer

      > Building on the [Engineer](L2-Engineer.md) role, I lead the design of our services.

      ## Craft

      - I lead designs.
      """
    let document = try Importer.read(senior, path: "L3-Senior-Engineer.md", reader: .auto)
    #expect(document.levels.first?.includes.map(\.name) == ["Engineer"])
  }
}

/// Texts YAML would read as something else — `null`, `~`, `yes`, `7` — are written in quotes and load as
/// the texts they are (the import fuzz target found a workbook cell `null` written as `text: null`).
@Suite("Texts that look like YAML")
struct YAMLWordsTests {
  @Test func cellsSayingNullOrYesLoadAsText() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(
      path: "Matrices/yaml-words.csv")
    let document = try Importer.read(
      try String(contentsOf: url, encoding: .utf8), path: "w.csv", reader: .matrix)
    var reading = Importer.Reading(documents: [document])
    let (files, failure, _) = GraphFolderWriter.loadableFiles(for: &reading, organisation: "W")
    #expect(failure == nil)
    #expect(reading.failures.isEmpty)
    let graph = try GraphLoader.load(
      files: files.filter { $0.path.hasSuffix(".yaml") }.map { ($0.path, $0.text) })
    let texts = graph.nodes(ofKind: "expectation").compactMap { node -> String? in
      if case .string(let text)? = graph.property("text", of: node) { return text }
      return nil
    }
    #expect(Set(texts).isSuperset(of: ["null", "~", "yes"]))
    #expect(graph.nodes(ofKind: "competency").map { graph.name(of: $0) }.contains("Null"))
  }
}

/// A roles table whose roles are rows (`Role | Responsibilities`) became two roles called "Role" and
/// "Responsibilities"; its roles now come from the rows, and cumulative ones ("In addition to …") a ladder.
@Suite("Roles in rows")
struct RolesInRowsTests {
  @Test func aTableWithARolePerRow() throws {
    let page = """
      # Support roles and responsibilities

      <table>
      <tr><th>Role</th><th>Responsibilities</th></tr>
      <tr><td>Support Engineer</td><td><ul><li>Answer customer tickets within a day</li><li>Write runbooks</li></ul></td></tr>
      <tr><td>Senior Support Engineer</td><td><ul><li>In addition to the Support Engineer's responsibilities, handle escalations</li><li>Coach the team</li></ul></td></tr>
      </table>
      """
    let document = try Importer.read(page, path: "support.md", reader: .auto)
    #expect(document.roles.isEmpty)
    #expect(document.levels.map(\.title) == ["Support Engineer", "Senior Support Engineer"])
    #expect(document.levels.map { $0.statements.map(\.line) } == [[5, 5], [6, 6]])
    #expect(document.levels[1].statements.first?.section == "Responsibilities")
    #expect(document.levels[1].includes.map(\.name) == ["Support Engineer"])
    #expect(document.skipped.isEmpty)
  }
}

/// Label lines ("Hiring (Squad Formation):", "People Management:") became a role's purpose and description;
/// they label the lists under them.
@Suite("Label lines")
struct LabelLinesTests {
  @Test func aLineEndingInAColonLabelsTheListUnderIt() throws {
    let page = """
      # Engineering management roles and responsibilities

      ### Engineering Manager:

      Leads a squad of engineers and grows them.

      Hiring (Squad Formation):

      - Interviews candidates for the squad
      - Onboards new engineers

      People Management:

      - Holds weekly one-to-ones

      Responsibilities

      - Delivers the squad's roadmap
      """
    let document = try Importer.read(page, path: "managers.md", reader: .rocketchatRoles)
    let role = try #require(document.roles.first)
    #expect(role.purpose?.text == "Leads a squad of engineers and grows them.")
    #expect(role.description == nil)
    #expect(
      role.statements.map { "\($0.section ?? "-"): \($0.text)" } == [
        "Hiring (Squad Formation): Interviews candidates for the squad",
        "Hiring (Squad Formation): Onboards new engineers",
        "People Management: Holds weekly one-to-ones",
        "Responsibilities: Delivers the squad's roadmap",
      ])
  }
}

/// Front matter leaked into role names (`description: Security roles at …`, its `---` making a heading of
/// the line above); it is reported as front matter, and a page with it is recognised by what follows.
@Suite("Front matter")
struct FrontMatterTests {
  @Test func frontMatterIsNoPartOfTheStructure() throws {
    let discipline =
      "---\ndescription: Security roles at Acme\n---\n# Security Roles\n\n## Security Engineer\n\n### I am careful\n\n- I review changes for risk\n"
    let roles = try Importer.read(discipline, path: "Security.md", reader: .auto)
    #expect(roles.reader == .octopusRoles)
    #expect(roles.roles.map(\.title) == ["Security Engineer"])
    #expect(roles.skipped.map(\.line) == [2])
    let ladder = try Importer.read(
      "---\ndescription: A level\n---\n# L3: Senior Engineer\n\n## Craft\n\n- I design things\n",
      path: "L3.md", reader: .auto)
    #expect(ladder.reader == .octopus)
    #expect(ladder.readBecause == "a level heading, `# L3: Senior Engineer`")
    #expect(ladder.levels.first?.statements.map(\.section) == ["Craft"])
    #expect(ladder.skipped.map(\.line) == [2])
  }
}
