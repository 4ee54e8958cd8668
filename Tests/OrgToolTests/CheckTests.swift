import Foundation
import OrgGraph
import OrgTool
import Testing

/// `GraphTool.check`, as `orgraph check` runs it: the lint rules' warnings printed with their place, and
/// failing the check only with `strict`.
@Suite("check")
struct CheckTests {
  /// A copy of the default graph with a team that has no roles (lint rule L105), and its path.
  static func graphWithAnEmptyTeam() throws -> (folder: String, file: String) {
    let folder = try Paths.temporaryFolder().appending(path: "Graph")
    try FileManager.default.copyItem(at: Paths.graph, to: folder)
    let url = folder.appending(path: "rocket-chat/organisation.yaml")
    let text = try String(contentsOf: url, encoding: .utf8)
    try Data(
      text.replacingOccurrences(
        of: "teams:\n",
        with:
          "teams:\n  - id: team:rocket-chat/lint-empty\n    name: Lint empty\n    part_of: org:rocket-chat\n"
      ).utf8
    ).write(to: url)
    return (folder.path, url.path)
  }

  @Test func strictFailsOnLintWarningsWithTheirPlace() throws {
    let (folder, file) = try Self.graphWithAnEmptyTeam()
    let strict = GraphTool.check(graphPath: folder, strict: true)
    #expect(strict.status == 1)
    #expect(strict.stdout.isEmpty)
    #expect(
      strict.stderr
        == """
        warning[L105]: the team `team:rocket-chat/lint-empty` has no roles
          --> \(file):11:9
           |
        11 |   - id: team:rocket-chat/lint-empty
           |         ^^^^^^^^^^^^^^^^^^^^^^^^^^^ no role is in this team
           = help: add `in_team: team:rocket-chat/lint-empty` to the roles that belong to it, or remove the team
           = note: a team counts the roles of its sub-teams too (teams `part_of` it)

        `\(folder)` loads, but has 1 lint warning; fix it and run `orgraph check --strict` again

        """)
    #expect(GraphTool.check(graphPath: folder).status == 0)
  }

  /// With --format json, warnings come in the one object `check` prints, with `ok: false`.
  @Test func strictJSON() throws {
    let (folder, _) = try Self.graphWithAnEmptyTeam()
    let output = GraphTool.check(graphPath: folder, format: .json, strict: true)
    #expect(output.status == 1)
    #expect(output.stderr.isEmpty)
    #expect(output.stdout.contains(#""ok": false"#))
    #expect(output.stdout.contains(#""severity": "warning", "code": "L105""#))
  }

  /// The real default graph passes `check --strict`.
  @Test func defaultGraphPassesStrictCheck() {
    let output = GraphTool.check(graphPath: nil, strict: true)
    #expect(output.status == 0, "\(output.stderr)")
  }
}
