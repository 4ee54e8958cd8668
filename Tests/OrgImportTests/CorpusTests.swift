import Foundation
import OrgGraph
import Testing

@testable import OrgImport

/// Every ladder page of ../shared/corpora/octopus-people-2024 imports with the levels, statements and
/// examples it holds — counted here from the file's own lines, independently of the importer — and the
/// whole tree imports into a Graph folder that loads.
@Suite(
  "Octopus corpus",
  .enabled(
    if: Paths.haveCorpora, "../shared/corpora is not beside the repository: the corpus tests are skipped"))
struct CorpusTests {
  static let root = Paths.corpora.appending(path: "octopus-people-2024")

  /// The ladder pages: files named `L<n>…`.
  static var pages: [String] {
    let all = (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? []).sorted()
    return all.filter { path in
      let name = path.split(separator: "/").last.map(String.init) ?? ""
      return name.first == "L" && name.dropFirst().first?.isNumber == true
    }
  }

  /// Statements and examples counted from the lines: bullets (and `<li>` items) after the first dimension
  /// heading (`## …`, or a line starting `***` on the broken pages), and `>` lines there; inside
  /// `<details>…</details>` or after a line "Examples" they are examples.
  static func counts(_ text: String) -> (statements: Int, examples: Int) {
    var statements = 0
    var examples = 0
    var inSection = false
    var inDetails = false
    var afterExamplesLine = false
    for raw in text.components(separatedBy: "\n") {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.hasPrefix("## ") || line.hasPrefix("***") {
        inSection = true
        inDetails = false
        afterExamplesLine = false
        continue
      }
      guard inSection else { continue }
      if line.lowercased().hasPrefix("<details") { inDetails = true }
      if ["examples", "examples:"].contains(line.lowercased()) { afterExamplesLine = true }
      let items = line.components(separatedBy: "<li>").count - 1
      let bullet = line.hasPrefix("- ") || line.hasPrefix("* ") ? 1 : 0
      if inDetails || afterExamplesLine {
        examples += items + bullet
      } else {
        statements += items + bullet + (line.hasPrefix(">") ? 1 : 0)
      }
      if line.lowercased().contains("</details>") { inDetails = false }
    }
    return (statements, examples)
  }

  @Test func thereArePagesToRead() { #expect(Self.pages.count >= 25) }

  @Test(arguments: pages)
  func aPageImportsWhatItHolds(_ page: String) throws {
    let text = try String(contentsOf: Self.root.appending(path: page), encoding: .utf8)
    let document = try Importer.read(text, path: page, reader: .auto)
    #expect(document.levels.count == 1)
    let level = try #require(document.levels.first)
    let expected = Self.counts(text)
    #expect(level.statements.count == expected.statements, "\(page): statements")
    #expect(level.examples.count == expected.examples, "\(page): examples")
    #expect(level.code != nil)
    // Nothing dropped silently: every line with text is used or listed as skipped.
    let lines = text.components(separatedBy: "\n")
    for (i, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
      #expect(
        document.used.contains(i + 1) || document.skipped.contains { $0.line == i + 1 },
        "\(page):\(i + 1) is neither in the graph nor skipped")
    }
  }

  @Test func theWholeTreeImportsIntoAGraphThatLoads() throws {
    let reading = Importer.read([Self.root.path])
    #expect(
      reading.documents.filter { $0.reader == "octopus" && !$0.levels.isEmpty }.count == Self.pages.count)
    // Every other file is refused by name, with why.
    let all = (FileManager.default.enumerator(atPath: Self.root.path)?.allObjects as? [String] ?? []).filter {
      path in
      var isFolder: ObjCBool = false
      return FileManager.default.fileExists(
        atPath: Self.root.appending(path: path).path, isDirectory: &isFolder)
        && !isFolder.boolValue
    }
    #expect(reading.documents.count + reading.failures.count == all.count)
    let files = GraphFolderWriter.files(for: reading.documents, organisation: "Octopus Deploy")
    let graph = try GraphLoader.load(files: files.map { ($0.path, $0.text) })
    #expect(graph.nodes(ofKind: "level").count == reading.documents.flatMap(\.levels).count)
    let statements =
      reading.documents.flatMap(\.levels).reduce(0) { $0 + $1.statements.count }
      + reading.documents.flatMap(\.roles).reduce(0) { $0 + $1.statements.count }
    #expect(graph.nodes(ofKind: "expectation").count == statements)
    // The seed's level comes out as the default graph has it: 20 statements, 18 examples, repaired sections.
    let seed = try #require(
      reading.documents.first { $0.path.hasSuffix("L3-Senior-Cloud-Security-Engineer.md") })
    #expect(seed.levels[0].statements.count == 20)
    #expect(seed.levels[0].examples.count == 18)
    #expect(
      Set(seed.levels[0].statements.compactMap(\.section)) == [
        "🦉 Domain expertise", "🌱 Teaching and Mentoring", "🧭 Culture and Leadership", "🏆 Business Success",
      ])
  }
}

/// The Octopus discipline pages of both snapshots (many roles or levels in one file, or one role) import with
/// nothing dropped: every bullet is a statement or example at its line, or a skipped line, and every line with
/// text is used or skipped.
@Suite(
  "Octopus discipline pages",
  .enabled(
    if: Paths.haveCorpora, "../shared/corpora is not beside the repository: the corpus tests are skipped"))
struct DisciplineCorpusTests {
  static var pages: [String] {
    ["octopus-people-2021", "octopus-people-2024"].flatMap { folder in
      ((try? FileManager.default.contentsOfDirectory(atPath: Paths.corpora.appending(path: folder).path))
        ?? [])
        .filter { $0.hasSuffix(".md") && $0 != "README.md" }.map { "\(folder)/\($0)" }
    }.sorted()
  }

  @Test func thereArePages() { #expect(Self.pages.count >= 20) }

  @Test(arguments: pages)
  func aPageIsAccountedFor(_ page: String) throws {
    let raw = try String(contentsOf: Paths.corpora.appending(path: page), encoding: .utf8)
    let text = raw.replacingOccurrences(of: "\r\n", with: "\n")
    guard OctopusDisciplineReader.recognises(text) else { return }
    let document = try Importer.read(raw, path: page, reader: .auto)
    #expect(document.reader == "octopus-roles")
    let imported = Set(
      (document.roles.flatMap(\.statements) + document.levels.flatMap { $0.statements + $0.examples }).map(
        \.line))
    let skipped = Set(document.skipped.map(\.line))
    for (i, line) in text.components(separatedBy: "\n").enumerated() {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      guard !trimmed.isEmpty else { continue }
      if trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") {
        #expect(
          imported.contains(i + 1) || skipped.contains(i + 1),
          "\(page):\(i + 1) bullet neither imported nor skipped")
      }
      #expect(
        document.used.contains(i + 1) || skipped.contains(i + 1), "\(page):\(i + 1) neither used nor skipped")
    }
    #expect(!imported.isEmpty)
  }
}
