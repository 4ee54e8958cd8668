import Foundation
import OrgGraph
import Testing

/// The framework lint rules of `orgraph check --strict`: each finds one problem planted in a copy of the
/// default graph, at the exact place, and the real default graph passes.
@Suite("Lint rules")
struct LintTests {
  /// One problem planted in a copy of Graph/: in `file`, each edit's `replace` becomes its `with`, and lint
  /// then reports exactly one new warning, with `code` and `message`, at the first line of the copy that
  /// starts with `at` (at the column where `column` starts in it, or the line's first column).
  struct Plant: Sendable, CustomTestStringConvertible {
    var code: DiagnosticCode
    var file: String
    var edits: [Edit]
    var at: String
    var column: String?
    var message: String
    var label: String
    var help: String

    var testDescription: String { code.rawValue }
  }

  /// Text replaced in a file.
  struct Edit: Sendable {
    var replace: String
    var with: String
  }

  static let plants: [Plant] = [
    Plant(
      code: .L101, file: "rocket-chat/engineering-roles.yaml",
      edits: [
        Edit(
          replace:
            "        source: seed-001:18\n        expresses: [competency:collaboration]\n",
          with: "        source: seed-001:18\n")
      ],
      at: "      - text: Work with the product and engineering team on different initiatives;",
      column: "text:",
      message:
        "the expectation “Work with the product and engineering team on different ini…” is linked to no competency",
      label: "expresses nothing",
      help:
        "link it to the competency it states: `expresses: [competency:…]`, with a `proficiency` when the text gives one"
    ),
    Plant(
      code: .L102, file: "competencies.yaml",
      edits: [
        Edit(
          replace: "competencies:\n",
          with: "competencies:\n  - id: competency:lint-orphan\n    name: Lint orphan\n    area: Learning\n")
      ],
      at: "  - id: competency:lint-orphan", column: "competency:",
      message: "no role or level requires the competency `competency:lint-orphan`",
      label: "required by nobody",
      help:
        "link the statements that call for it: `expresses: [competency:lint-orphan]`, or remove it from the taxonomy"
    ),
    Plant(
      code: .L103, file: "rocket-chat/engineering-roles.yaml",
      edits: [
        Edit(
          replace: "      - text: Be a Rocketeer",
          with: """
                  - text: Identify  blockers on processes or software.
                    section: Responsibilities
                    source: seed-001:19
                    expresses: [competency:removing-blockers]
                  - text: Be a Rocketeer
            """)
      ],
      at: "      - text: Identify  blockers on processes or software.", column: "text:",
      message:
        "the role `role:rocket-chat/backend-engineer` states “Identify blockers on processes or software.” twice",
      label: "repeated here", help: "remove one of the two, or reword one if they mean different things"),
    Plant(
      code: .L104, file: "rocket-chat/career-path.yaml",
      edits: [
        Edit(
          replace: "      - level:rocket-chat/intern\n",
          with: "      - level:rocket-chat/apprentice\n      - level:rocket-chat/intern\n"),
        Edit(
          replace: "levels:\n",
          with:
            "levels:\n  - id: level:rocket-chat/apprentice\n    name: Apprentice\n    code: Apprentice\n    rank: 0\n"
        ),
      ],
      at: "  - id: level:rocket-chat/apprentice", column: "level:",
      message: "no promotion reaches the level `level:rocket-chat/apprentice`, and it promotes nowhere",
      label: "a level on its own",
      help: "if `level:rocket-chat/intern` is the next step up, add `promotes_to: level:rocket-chat/intern`"),
    Plant(
      code: .L105, file: "rocket-chat/organisation.yaml",
      edits: [
        Edit(
          replace: "teams:\n",
          with:
            "teams:\n  - id: team:rocket-chat/lint-empty\n    name: Lint empty\n    part_of: org:rocket-chat\n"
        )
      ],
      at: "  - id: team:rocket-chat/lint-empty", column: "team:",
      message: "the team `team:rocket-chat/lint-empty` has no roles", label: "no role is in this team",
      help: "add `in_team: team:rocket-chat/lint-empty` to the roles that belong to it, or remove the team"),
  ]

  /// A copy of Graph/ in a fresh folder, with `plant` applied.
  static func brokenCopy(_ plant: Plant?) throws -> (folder: String, text: String?) {
    let folder = try Paths.temporaryFolder().appending(path: "Graph")
    try FileManager.default.copyItem(at: Paths.graph, to: folder)
    guard let plant else { return (folder.path, nil) }
    let url = folder.appending(path: plant.file)
    var text = try String(contentsOf: url, encoding: .utf8)
    for edit in plant.edits {
      let range = try #require(
        text.range(of: edit.replace), "the anchor of \(plant.code) is not in \(plant.file)")
      text.replaceSubrange(range, with: edit.with)
    }
    try Data(text.utf8).write(to: url)
    return (folder.path, text)
  }

  /// `line:column` of the first line of `text` that starts with `prefix`, at `column`'s text in it.
  static func location(of prefix: String, column: String?, in text: String) -> OrgGraph.SourceLocation? {
    for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    where line.hasPrefix(prefix) {
      let target = column.flatMap { line.range(of: $0)?.lowerBound } ?? line.startIndex
      return SourceLocation(
        line: i + 1, column: line.unicodeScalars.distance(from: line.startIndex, to: target) + 1)
    }
    return nil
  }

  /// Findings that are not about the plant: what the unbroken copy already reports.
  static func baseline() throws -> Set<String> {
    let (folder, _) = try brokenCopy(nil)
    return Set(try GraphLoader.load(path: folder).lint().map(\.message))
  }

  @Test(arguments: plants)
  func ruleFindsItsPlant(_ plant: Plant) throws {
    let (folder, text) = try Self.brokenCopy(plant)
    let graph = try GraphLoader.load(path: folder)
    let baseline = try Self.baseline()
    let found = graph.lint().filter { !baseline.contains($0.message) }
    #expect(
      found.count == 1, "expected one new warning, got:\n\(found.map(\.description).joined(separator: "\n"))")
    let warning = try #require(found.first)
    let where_ = try #require(Self.location(of: plant.at, column: plant.column, in: text ?? ""))
    #expect(warning.code == plant.code)
    #expect(warning.severity == .warning)
    #expect(warning.message == plant.message)
    #expect(warning.range?.file == folder + "/" + plant.file)
    #expect(warning.range?.start == where_)
    #expect(warning.label == plant.label)
    #expect(warning.help == [plant.help])
    #expect(!warning.notes.isEmpty)

    // The same warning as `orgraph check --strict` prints it: its file:line:column and source line.
    let rendered = DiagnosticRenderer(sources: ["\(folder)/\(plant.file)": text ?? ""]).render(
      found, summary: false)
    #expect(rendered.contains("warning[\(plant.code)]: \(plant.message)"))
    #expect(rendered.contains("--> \(folder)/\(plant.file):\(where_.line):\(where_.column)"))
    #expect(rendered.contains("\(where_.line) | \(plant.at)"))
    #expect(rendered.contains("= help: \(plant.help)"))
  }

  /// The notes say where the first of two repeated statements is.
  @Test func repeatedStatementNamesTheFirst() throws {
    let plant = try #require(Self.plants.first { $0.code == .L103 })
    let (folder, text) = try Self.brokenCopy(plant)
    let warning = try #require(try GraphLoader.load(path: folder).lint().first { $0.code == .L103 })
    let first = try #require(
      Self.location(
        of: "      - text: Identify blockers on processes or software;", column: "text:", in: text ?? ""))
    #expect(
      warning.notes == [
        "first stated as `expectation:rocket-chat/backend-engineer/3` at \(folder)/\(plant.file):\(first)"
      ])
  }

  /// The real default graph passes `check --strict`.
  @Test func defaultGraphPassesStrictCheck() throws {
    let warnings = try GraphLoader.loadDefault().lint()
    #expect(warnings.isEmpty, "\(warnings.map(\.description).joined(separator: "\n"))")
  }

  /// A graph built in code has no source ranges: its warnings still come, placeless, after placed ones.
  @Test func builtGraphsAreLintedToo() throws {
    var builder = GraphBuilder()
    let org = try builder.addNode(kind: "org", id: "org:acme", name: "Acme")
    let team = try builder.addNode(kind: "team", id: "team:acme/empty", name: "Empty")
    try builder.addEdge("part_of", from: team, to: org)
    let graph = try builder.build()
    let warnings = graph.lint()
    #expect(warnings.map(\.code) == [.L105])
    #expect(warnings.first?.range == nil)
    #expect(warnings.first?.message == "the team `team:acme/empty` has no roles")
  }
}
