import Foundation
import Testing

/// `orgraph import` as a user runs it: the report on standard output, the Graph folder written in one step
/// and loadable, an existing folder kept unless --force, and the exit status telling refused documents apart.
@Suite("orgraph import")
struct ImportCommandTests {
  static let fixtures = Paths.repository.appending(path: "Tests/OrgImportTests/Fixtures")

  @Test func importWritesAGraphThatQueriesAnswer() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = Self.fixtures.appending(path: "L2 Platform Engineer.md").path
    let second = Self.fixtures.appending(path: "L3-Senior-Platform-Engineer").path
    let result = try Tool.run(["import", "--organisation", "Acme", page, second, "-o", "acme"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout.hasPrefix(
        "L2 Platform Engineer.md  (octopus reader: a level heading, `# L2 Platform Engineer`)\n"))
    #expect(result.stderr == "wrote acme: 234 nodes, 37 edges; `orgraph check --graph acme` passes\n")
    let check = try Tool.run(["check", "--graph", "acme"], in: folder)
    #expect(check.status == 0, "\(check.stderr)")
    let query = try Tool.run(
      ["query", "--graph", "acme", "levels | select code, name, count(-> expects) as statements"], in: folder)
    #expect(
      query.stdout == """
        code  name                      statements
        ----  ------------------------  ----------
        L2    Platform Engineer                  7
        L3    Senior Platform Engineer           3
        (2 rows)

        """)
    // An existing folder is kept unless --force; one an import wrote points to --update first.
    let again = try Tool.run(["import", page, "-o", "acme"], in: folder)
    #expect(again.status == 1)
    #expect(
      again.stderr.hasSuffix(
        "error: cannot write `acme`: it exists\n  = help: an earlier import wrote it: import into it with `--update` to keep the edits made there; `--force` replaces it, edits and all\n"
      ))
    #expect(try Tool.run(["import", page, "-o", "acme", "--force"], in: folder).status == 0)
  }

  /// `--update` merges what the handbook changed into the files as a reviewer left them: reviewed links,
  /// comments and reworded statements stay; where both changed the same lines, the reviewer's are kept and the
  /// handbook's reported; what changed is reported.
  @Test func updateMergesTheHandbooksChangesIntoTheReviewersFiles() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = folder.appending(path: "L2 Platform Engineer.md")
    try FileManager.default.copyItem(at: Self.fixtures.appending(path: "L2 Platform Engineer.md"), to: page)
    let file = folder.appending(path: "acme/l2-platform-engineer.yaml")
    func edit(_ url: URL, _ old: String, _ new: String) throws {
      let text = try String(contentsOf: url, encoding: .utf8)
      #expect(text.contains(old), "\(url.lastPathComponent) holds \(old)")
      try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
    }
    func update() throws -> String {
      let result = try Tool.run(
        ["import", "--organisation", "Acme", page.path, "-o", "acme", "--update"], in: folder)
      #expect(result.status == 0, "\(result.stderr)")
      return result.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("update: ") }.joined(
        separator: "\n")
    }
    #expect(
      try Tool.run(["import", "--organisation", "Acme", page.path, "-o", "acme"], in: folder).status == 0)
    // A reviewer raises the proficiency of one link, marks it reviewed, and leaves a comment.
    let reviewed = "    - to: competency:kubernetes\n      reviewed: true\n      proficiency: working\n"
    let comment = "# Reviewed by Ana: the Kubernetes level is right.\n"
    try edit(file, "    - to: competency:kubernetes\n      proficiency: awareness\n", reviewed)
    try edit(file, "levels:\n", comment + "levels:\n")
    // … and a note just above a source line that the handbook's change will move.
    let note = "    # Checked against the handbook.\n"
    try edit(file, "    source: l2-platform-engineer:34\n", note + "    source: l2-platform-engineer:34\n")
    // The handbook gains a statement: it is merged into the file as the reviewer left it.
    try edit(page, "- I can deploy the platform.\n", "- I can deploy the platform.\n- I write runbooks.\n")
    #expect(
      try update() == """
        update: 1 reviewed link kept
        update: kept your edits to l2-platform-engineer.yaml
        update: changed l2-platform-engineer.yaml: 1 statement added, 0 removed
        """)
    let after = try String(contentsOf: file, encoding: .utf8)
    #expect(
      after.contains(reviewed) && after.contains(comment) && after.contains("  text: I write runbooks.\n"))
    // The note stays, above the moved source line.
    #expect(after.contains(note + "    source: l2-platform-engineer:35\n"))
    // The reviewer rewords the new statement, and so does the handbook: the reviewer's words are kept (at the
    // line the report names), and the handbook's reported.
    try edit(file, "  text: I write runbooks.\n", "  text: I write runbooks for every service.\n")
    try edit(page, "- I write runbooks.", "- I write runbooks and postmortems.")
    let conflict = try update()
    #expect(
      conflict == """
        update: 1 reviewed link kept
        update: kept your edits to l2-platform-engineer.yaml
        update: conflict l2-platform-engineer.yaml:25: you edited lines the documents changed; kept yours, the import has: - id: expectation:acme/l2-platform-engineer/i-write-runbooks-and-postmortems-78dd / text: I write runbooks and postmortems. (a comment above them says so)
        update: changed l2-platform-engineer.yaml: no statement added or removed; 6 lines changed
        """, "\(conflict)")
    // The reviewer's line is kept where the report says, under a comment with the handbook's, which stays
    // until someone settles it.
    let merged = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
    #expect(
      Array(merged[21...25]) == [
        "  # orgraph import --update: you edited these lines, and the documents changed them; they now say:",
        "  #   - id: expectation:acme/l2-platform-engineer/i-write-runbooks-and-postmortems-78dd",
        "  #     text: I write runbooks and postmortems.",
        "  - id: expectation:acme/l2-platform-engineer/i-write-runbooks-1d23",
        "    text: I write runbooks for every service.",
      ])
    // Nothing changed: the edits kept, and the conflict still open, are all there is to report.
    let again = try update()
    #expect(
      again == """
        update: 1 reviewed link kept
        update: kept your edits to l2-platform-engineer.yaml
        update: conflict l2-platform-engineer.yaml:22: still open, from an earlier update: settle it and delete the comment
        """, "\(again)")
    // Without --organisation, an update keeps the organisation the folder was imported for (its ids).
    let plain = try Tool.run(["import", page.path, "-o", "acme", "--update"], in: folder)
    #expect(plain.status == 0, "\(plain.stderr)")
    #expect(try String(contentsOf: file, encoding: .utf8).contains("- id: level:acme/l2-platform-engineer\n"))
    // A folder an import did not write is refused.
    try FileManager.default.createDirectory(
      at: folder.appending(path: "mine"), withIntermediateDirectories: true)
    let refused = try Tool.run(["import", page.path, "-o", "mine", "--update"], in: folder)
    #expect(refused.status == 1)
    #expect(
      refused.stderr.contains(
        "error: `--update` needs a folder an earlier `orgraph import` wrote, and `mine` is not one"))
  }

  @Test func refusedDocumentsMakeTheStatus() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // A document no reader recognises is listed, not an error.
    let notes = try Tool.run(["import", Self.fixtures.appending(path: "notes.md").path], in: folder)
    #expect(notes.status == 0)
    #expect(notes.stdout.contains("not imported: notes.md: no reader recognises this document"))
    // A binary document is an error, and with nothing read nothing is written.
    let binary = try Tool.run(
      ["import", Self.fixtures.appending(path: "archive.zip").path, "-o", "out"], in: folder)
    #expect(binary.status == 1)
    #expect(
      binary.stdout.contains(
        "error: archive.zip: is a zip archive (an XLSX or DOCX file is one), not a text document (it holds NUL bytes)\n"
          + "  = help: import Markdown pages or CSV files; save a spreadsheet as CSV\n"))
    #expect(binary.stderr == "error: no document could be read, so nothing was written\n")
    #expect(!FileManager.default.fileExists(atPath: folder.appending(path: "out").path))
    // The JSON report is JSON.
    let json = try Tool.run(["import", "--format", "json", Self.fixtures.path], in: folder)
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    #expect((object?["documents"] as? [Any])?.count == 7)
    #expect((object?["refused"] as? [Any])?.count == 4)
  }

  /// Several organisations in one run and a mapping file, as a user types them: `--organisation NAME=PATTERN`
  /// names one folder's, a file names its own, a mapping file names a structured file's fields; a mapping
  /// file's mistake stops the import at its line, before anything is read or written.
  @Test func organisationsAndAMappingFile() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let mapping = Paths.repository.appending(path: "Tests/OrgImportTests/Mapping")
    let result = try Tool.run(
      [
        "import", mapping.appending(path: "orgs").path, "--organisation", "Beta Ltd=beta/*", "-o", "both",
      ], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout.contains(
        "orgs/acme/framework.yaml  (structured reader: `competencies` records that name their level)  of Acme Inc\n"
      ))
    #expect(
      result.stdout.contains(
        "orgs/beta/matrix.csv  (matrix reader: a table whose header names levels)  of Beta Ltd\n"))
    let orgs = try Tool.run(
      ["query", "--graph", "both", "orgs | select name | sort by name", "--format", "csv"], in: folder)
    #expect(orgs.stdout == "name\r\nAcme Inc\r\nBeta Ltd\r\n")
    let grades = try Tool.run(
      [
        "import", mapping.appending(path: "grades.yaml").path, "--mapping",
        mapping.appending(path: "grades-mapping.yaml").path, "-o", "gamma",
      ], in: folder)
    #expect(grades.status == 0, "\(grades.stderr)")
    #expect(
      grades.stdout.contains(
        "  proficiency words: Developing → working, Emerging → foundational, Leads → expert\n"))
    let levels = try Tool.run(
      [
        "query", "--graph", "gamma",
        "org \"Gamma Support\" <- part_of -> has_level | select name, count(-> expects) as n", "--format",
        "csv",
      ],
      in: folder)
    #expect(
      levels.stdout == "name,n\r\nSupport Engineer,2\r\nSenior Support Engineer,2\r\n", "\(levels.stderr)")
    let misspelt = mapping.appending(path: "misspelt.yaml").path
    let bad = try Tool.run(
      ["import", mapping.appending(path: "grades.yaml").path, "--mapping", misspelt, "-o", "x"], in: folder)
    #expect(bad.status == 1)
    #expect(bad.stdout.isEmpty)
    #expect(
      bad.stderr == "error: \(misspelt):2: `feilds` is no key of a mapping file (did you mean `fields`?)\n"
        + "  = help: its keys are `organisation`, `organisations`, `readers`, `fields`, `proficiency`, `rules`, `ignore`\n"
    )
    #expect(!FileManager.default.fileExists(atPath: folder.appending(path: "x").path))
  }
}
