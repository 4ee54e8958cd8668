import Foundation
import Testing

/// Findings of a probe of the landed tool (issue 25), one test each: numbers out of range, nesting past the
/// stack, the working folder, symbolic links out of the query folder, links to folders, killed writes.
@Suite("Safety")
struct SafetyTests {
  /// Timeouts are range-checked with one message on the command line and in the shell, never trapping.
  @Test(arguments: ["2e10", "1e300", "-1", "nan", "inf", "1000001", "soon"])
  func aTimeoutOutOfRangeIsAnError(_ value: String) throws {
    let result = try Tool.run(["query", "--timeout", value, "roles | count"])
    #expect(result.status == 64)
    #expect(
      result.stderr.hasPrefix(
        "Error: --timeout: `\(value)` is not a timeout: give seconds from 0 (no limit) to 1000000, like 30\n")
    )
    // Piped into the shell, the error makes the run's status 1, and the queries after it still run.
    let shell = try Tool.run([], stdin: ":set timeout \(value)\nroles | count\n")
    #expect(shell.status == 1)
    #expect(
      shell.stderr
        == "error: `\(value)` is not a timeout: give seconds from 0 (no limit) to 1000000, like 30\n")
    #expect(shell.stdout == "count\n-----\n    5\n(1 row)\n")
  }

  @Test func theLongestTimeoutIsAccepted() throws {
    let result = try Tool.run(["query", "--timeout", "1000000", "roles | count"])
    #expect(result.status == 0)
    #expect(result.stdout == "count\n-----\n    5\n(1 row)\n")
  }

  /// 3,000 nested quotes (and lists) once overflowed the stack; nesting past 64 is skipped and reported.
  @Test(arguments: [
    "# L3: Deep\n\n" + String(repeating: "> ", count: 3_000) + "deep\n",
    "# L3: Deep\n\n## Craft\n\n" + String(repeating: "- ", count: 3_000) + "item\n",
    "# L3: Deep\n\n## Craft\n\n" + String(repeating: "> - ", count: 2_000) + "item\n",
    "# L3: Deep\n\n- " + String(repeating: "*a ", count: 5_000) + "x" + String(repeating: " a*", count: 5_000)
      + "\n",
    "# L3: Deep\n\n- " + String(repeating: "[", count: 5_000) + "x" + String(repeating: "](u)", count: 5_000)
      + "\n",
  ])
  func deepNestingDoesNotCrashTheImporter(_ page: String) throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try page.write(to: folder.appending(path: "deep.md"), atomically: true, encoding: .utf8)
    let result = try Tool.run(["import", "--reader", "octopus", "deep.md", "-o", "out"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.hasPrefix("wrote out:"))
    #expect(try Tool.run(["check", "--graph", "out"], in: folder).status == 0)
  }

  /// A `>` with nothing after it is reported, not written as an empty archetype the loader refuses.
  @Test func anEmptyQuoteIsSkipped() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try "# L3: Title\n\n>\n\n## Craft\n\n- I do things\n".write(
      to: folder.appending(path: "page.md"), atomically: true, encoding: .utf8)
    let result = try Tool.run(["import", "--reader", "octopus", "page.md", "-o", "out"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("  skipped page.md:3: an empty quote: >\n"))
    #expect(try Tool.run(["check", "--graph", "out"], in: folder).status == 0)
  }

  /// `-o .`, `./` and the folder's own path never replace the working folder, empty or not, with or
  /// without --force, in every command that writes a folder.
  @Test(arguments: [
    ["export", "--format", "csv"], ["export", "--format", "neo4j"], ["generate", "--scale", "S"],
  ])
  func theWorkingFolderIsNeverReplaced(_ command: [String]) throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    for output in [".", "./", folder.path, folder.path + "/"] {
      for force in [[], ["--force"]] {
        let result = try Tool.run(command + ["-o", output] + force, in: folder)
        #expect(result.status == 1)
        #expect(
          result.stderr.hasPrefix(
            "error: cannot write `\(output)`: it is the working folder or holds it, and is never replaced; name a new folder, like `-o out`\n"
          ))
        #expect(FileManager.default.fileExists(atPath: folder.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
      }
    }
  }

  @Test func importNeverReplacesTheWorkingFolder() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = folder.appending(path: "page")
    try FileManager.default.createDirectory(at: page, withIntermediateDirectories: true)
    try "# L3: Title\n\n## Craft\n\n- I do things\n".write(
      to: folder.appending(path: "l3.md"), atomically: true, encoding: .utf8)
    let result = try Tool.run(["import", "../l3.md", "-o", "."], in: page)
    #expect(result.status == 1)
    #expect(result.stderr.contains("it is the working folder or holds it, and is never replaced"))
    #expect(FileManager.default.fileExists(atPath: page.path))
  }

  /// A file named in a query that is a link out of the folder — dangling or not — is refused, and so is a
  /// path whose `..` climbs out through a linked folder.
  @Test func queriesDoNotWriteThroughLinksThatLeave() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let inner = folder.appending(path: "inner")
    let outside = folder.appending(path: "outside")
    try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: inner.appending(path: "leak.svg").path, withDestinationPath: "../outside/leak.svg")
    try FileManager.default.createSymbolicLink(
      atPath: inner.appending(path: "esc").path, withDestinationPath: outside.path)
    let leak = try Tool.run(["query", "roles | render svg to \"leak.svg\""], in: inner)
    #expect(leak.status == 1)
    #expect(
      leak.stderr.hasPrefix(
        "error[Q403]: a query may write only under \(inner.path), and `leak.svg` goes through a symbolic link to "
      ))
    let climb = try Tool.run(["query", "roles | render dot to \"./esc/../x.dot\""], in: inner)
    #expect(climb.status == 1)
    #expect(climb.stderr.contains("`./esc/../x.dot` goes through a symbolic link to"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
    #expect(!FileManager.default.fileExists(atPath: folder.appending(path: "x.dot").path))
    // A link that stays inside is written through.
    try FileManager.default.createSymbolicLink(
      atPath: inner.appending(path: "mine.dot").path, withDestinationPath: "real.dot")
    #expect(try Tool.run(["query", "roles | render dot to \"mine.dot\""], in: inner).status == 0)
    #expect(FileManager.default.fileExists(atPath: inner.appending(path: "real.dot").path))
  }

  /// `--force` onto a link to a folder OrgGraph wrote writes the folder and keeps the link.
  @Test func aLinkToAnOutputFolderStaysALink() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(try Tool.run(["export", "--format", "csv", "-o", "real"], in: folder).status == 0)
    try FileManager.default.createSymbolicLink(
      atPath: folder.appending(path: "link").path, withDestinationPath: "real")
    #expect(try Tool.run(["export", "--format", "csv", "-o", "link", "--force"], in: folder).status == 0)
    #expect(
      try FileManager.default.destinationOfSymbolicLink(atPath: folder.appending(path: "link").path) == "real"
    )
    #expect(FileManager.default.fileExists(atPath: folder.appending(path: "real/nodes/roles.csv").path))
  }

  /// What a killed write left (a temporary file, a staging folder of a process that is gone) is removed by
  /// the next write to the same place; a live process's is left alone.
  @Test func leftoversOfKilledWritesAreCleaned() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let manager = FileManager.default
    // Process ids above the kernel's largest (4,194,304) never run.
    let gone = 9_999_999
    try "half".write(
      to: folder.appending(path: ".graph.json.\(gone).1234.tmp"), atomically: false, encoding: .utf8)
    try manager.createDirectory(
      at: folder.appending(path: ".tables.orgraph-\(gone)-ABCD/nodes"), withIntermediateDirectories: true)
    let live = ProcessInfo.processInfo.processIdentifier
    try "other".write(
      to: folder.appending(path: ".graph.json.\(live).5678.tmp"), atomically: false, encoding: .utf8)
    #expect(try Tool.run(["export", "-o", "graph.json"], in: folder).status == 0)
    #expect(try Tool.run(["export", "--format", "csv", "-o", "tables"], in: folder).status == 0)
    let names = try manager.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(names == [".graph.json.\(live).5678.tmp", "graph.json", "tables"])
  }
}

/// Imports a newcomer tried that ended in "please report this" or in duplicates (issue 21): every one is
/// now written, or refused before anything is read.
@Suite("Import edge cases")
struct ImportEdgeCaseTests {
  static let fixtures = ImportCommandTests.fixtures

  /// Two READMEs named directly from different folders are told apart by their folders.
  @Test func twoReadmesFromDifferentFolders() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try Tool.run(
      [
        "import", "--organisation", "Acme", Self.fixtures.appending(path: "README.md").path,
        Self.fixtures.appending(path: "area/README.md").path, "-o", "out",
      ], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Fixtures/README.md  (octopus reader"))
    #expect(result.stdout.contains("area/README.md  (rocketchat-jd reader"))
    #expect(result.stderr.hasPrefix("wrote out:"))
  }

  /// The same file named twice (or a folder and a file in it) is read once, and the second naming listed.
  @Test func theSameFileTwiceIsReadOnce() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = Self.fixtures.appending(path: "L2 Platform Engineer.md").path
    let result = try Tool.run(["import", "--organisation", "Acme", page, page, "-o", "out"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout.contains(
        "not imported: L2 Platform Engineer.md: is L2 Platform Engineer.md again, which is read once\n"))
    #expect(result.stdout.contains("1 document read, 1 document not recognised"))
  }

  @Test func anOrganisationWithNoNameIsAUsageError() throws {
    let result = try Tool.run(["import", "--organisation", " ", Self.fixtures.path, "-o", "out"])
    #expect(result.status == 64)
    #expect(
      result.stderr.hasPrefix(
        "Error: --organisation needs a name with a letter or digit in it, like `--organisation \"Acme Inc\"` or `--organisation \"Beta Ltd=beta/*\"`\n"
      ))
  }

  /// A page imported alone belongs to the organisation its folder is named after, not to its file name.
  @Test func aSinglePagesOrganisationIsItsFolder() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = Self.fixtures.appending(path: "L2 Platform Engineer.md").path
    #expect(try Tool.run(["import", page, "-o", "out"], in: folder).status == 0)
    let organisation = try String(
      contentsOf: folder.appending(path: "out/organisation.yaml"), encoding: .utf8)
    #expect(organisation.contains("- id: org:fixtures\n  name: Fixtures\n"))
  }
}

/// `--reader NAME=PATTERN`, repeated: a mixed handbook in one run, each document by the reader its path
/// matches, the others by auto; a reader that does not exist is a usage error naming the closest.
@Suite("Readers per document")
struct ReadersPerDocumentTests {
  static let matrices = Paths.repository.appending(path: "Tests/OrgImportTests/Matrices")

  @Test func theFirstMatchingRuleReadsEachDocument() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try Tool.run(
      [
        "import", "--organisation", "Acme", "--reader", "matrix=*.csv", "--reader", "octopus=nothing/*",
        Self.matrices.appending(path: "skills.csv").path,
        Self.matrices.appending(path: "levels-in-rows.md").path,
        "-o", "out",
      ], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("skills.csv  (matrix reader: named by --reader)\n"))
    #expect(
      result.stdout.contains("levels-in-rows.md  (matrix reader: a table whose first column names levels)\n"))
  }

  @Test func anUnknownReaderIsAUsageError() throws {
    let result = try Tool.run(["import", "--reader", "octopuss=*.md", "x.md"])
    #expect(result.status == 64)
    #expect(
      result.stderr.hasPrefix(
        "Error: --reader: `octopuss` is no reader (did you mean `octopus`?); the readers are auto, octopus, ")
    )
  }
}
