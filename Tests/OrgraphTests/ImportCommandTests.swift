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
    #expect(result.stdout.hasPrefix("L2 Platform Engineer.md  (octopus reader)\n"))
    #expect(result.stderr == "wrote acme: 69 nodes, 31 edges; `orgraph check --graph acme` passes\n")
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
    // An existing folder is kept unless --force.
    let again = try Tool.run(["import", page, "-o", "acme"], in: folder)
    #expect(again.status == 1)
    #expect(
      again.stderr.hasSuffix(
        "error: cannot write `acme`: it exists\n  = help: replace it with `--force`, or name another folder\n"
      ))
    #expect(try Tool.run(["import", page, "-o", "acme", "--force"], in: folder).status == 0)
  }

  /// `--update` keeps the links a person marked reviewed, replaces the rest, and reports what changed.
  @Test func updateKeepsReviewedLinksAndReportsChanges() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = folder.appending(path: "L2 Platform Engineer.md")
    try FileManager.default.copyItem(at: Self.fixtures.appending(path: "L2 Platform Engineer.md"), to: page)
    #expect(
      try Tool.run(["import", "--organisation", "Acme", page.path, "-o", "acme"], in: folder).status == 0)
    // A reviewer raises the proficiency of one link and marks it reviewed.
    let file = folder.appending(path: "acme/l2-platform-engineer.yaml")
    let written = try String(contentsOf: file, encoding: .utf8)
    let link = "    - to: competency:kubernetes\n      proficiency: awareness\n"
    #expect(written.contains(link))
    try written.replacingOccurrences(
      of: link, with: "    - to: competency:kubernetes\n      reviewed: true\n      proficiency: working\n"
    ).write(to: file, atomically: true, encoding: .utf8)
    // The handbook gains a statement.
    let text = try String(contentsOf: page, encoding: .utf8)
    try text.replacingOccurrences(
      of: "- I can deploy the platform.\n", with: "- I can deploy the platform.\n- I write runbooks.\n"
    )
    .write(to: page, atomically: true, encoding: .utf8)
    let update = try Tool.run(
      ["import", "--organisation", "Acme", page.path, "-o", "acme", "--update"], in: folder)
    #expect(update.status == 0, "\(update.stderr)")
    #expect(
      update.stdout.contains(
        "update: 1 reviewed link kept\nupdate: changed l2-platform-engineer.yaml: 1 statement added, 0 removed\n"
      ))
    let after = try String(contentsOf: file, encoding: .utf8)
    #expect(
      after.contains("    - to: competency:kubernetes\n      reviewed: true\n      proficiency: working\n"))
    #expect(after.contains("- text: I write runbooks."))
    // Nothing changed, nothing to report; and a folder an import did not write is refused.
    let again = try Tool.run(
      ["import", "--organisation", "Acme", page.path, "-o", "acme", "--update"], in: folder)
    #expect(again.stdout.contains("update: no changes: the documents say what the folder holds\n"))
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
    #expect(binary.stdout.contains("error: archive.zip:1: is binary, not a text document (a NUL byte)"))
    #expect(binary.stderr == "error: no document could be read, so nothing was written\n")
    #expect(!FileManager.default.fileExists(atPath: folder.appending(path: "out").path))
    // The JSON report is JSON.
    let json = try Tool.run(["import", "--format", "json", Self.fixtures.path], in: folder)
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    #expect((object?["documents"] as? [Any])?.count == 7)
    #expect((object?["refused"] as? [Any])?.count == 4)
  }
}
