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
    #expect(result.stderr == "wrote acme: 69 nodes, 28 edges; `orgraph check --graph acme` passes\n")
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
    #expect((object?["documents"] as? [Any])?.count == 3)
    #expect((object?["refused"] as? [Any])?.count == 4)
  }
}
