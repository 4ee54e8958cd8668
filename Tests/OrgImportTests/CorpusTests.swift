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
      reading.documents.filter { $0.reader == .octopus && !$0.levels.isEmpty }.count == Self.pages.count)
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
    #expect(document.reader == .octopusRoles)
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

/// All of ../shared/corpora in one import, as `orgraph import ../shared/corpora` reads it: every file is read
/// or named with why; every line of every document read is in the graph or skipped; the levels that build on
/// others and the statements measured against other levels are linked across documents; each discipline's
/// README lists levels that were all imported; and the whole writes a graph that loads.
@Suite(
  "Whole corpora",
  .enabled(
    if: Paths.haveCorpora, "../shared/corpora is not beside the repository: the corpus tests are skipped"))
struct WholeCorpusTests {
  static let reading = Importer.read([Paths.corpora.path])

  @Test func everyFileIsReadOrNamedWithWhy() {
    let files = (FileManager.default.enumerator(atPath: Paths.corpora.path)?.allObjects as? [String] ?? [])
      .filter { path in
        var isFolder: ObjCBool = false
        return !path.split(separator: "/").contains { $0.hasPrefix(".") }
          && FileManager.default.fileExists(
            atPath: Paths.corpora.appending(path: path).path, isDirectory: &isFolder)
          && !isFolder.boolValue
      }
    #expect(Self.reading.documents.count + Self.reading.failures.count == files.count)
    // Nothing is refused; what is not imported is a licence, an index or a page about something else.
    let readme = "a README that introduces the handbook; it describes no level, role or team"
    let none = "no reader recognises this document"
    #expect(
      Self.reading.failures.map { "\($0.path): \($0.message)" } == [
        "corpora/README.md: \(readme)",
        "corpora/octopus-people-2021/LICENSE: \(none)",
        "corpora/octopus-people-2021/README.md: \(readme)",
        "corpora/octopus-people-2024/LICENSE: \(none)",
        "corpora/octopus-people-2024/README.md: \(readme)",
        "corpora/octopus-people-2024/Software-Engineering/Levels-Maturity-And-Performance-Reviews.md: \(none)",
        "corpora/rocketchat-handbook-2021/README.md: \(readme)",
        "corpora/rocketchat-handbook-2021/SUMMARY.md: \(none)",
        "corpora/rocketchat-handbook-2021/license.md: \(none)",
        "corpora/rocketchat-handbook-2021/operations/people/development-check-in.md: \(none)",
        "corpora/rocketchat-handbook-2021/operations/people/jobs/README.md: \(readme)",
        "corpora/rocketchat-handbook-2021/operations/people/our-culture.md: \(none)",
        "corpora/rocketchat-handbook-2021/product/README.md: \(readme)",
      ])
  }

  @Test func everyLineOfEveryDocumentIsInTheGraphOrSkipped() throws {
    for document in Self.reading.documents {
      let path = Paths.corpora.deletingLastPathComponent().appending(path: document.path)
      let text = try String(contentsOf: path, encoding: .utf8).replacingOccurrences(of: "\r\n", with: "\n")
      let skipped = Set(document.skipped.map(\.line))
      for (i, line) in text.components(separatedBy: "\n").enumerated()
      where !line.trimmingCharacters(in: .whitespaces).isEmpty {
        #expect(
          document.used.contains(i + 1) || skipped.contains(i + 1),
          "\(document.path):\(i + 1) is neither in the graph nor skipped")
      }
    }
  }

  @Test func levelsAndStatementsNameOtherLevelsAcrossDocuments() throws {
    let files = GraphFolderWriter.files(
      for: Self.reading.documents, organisation: "Corpora",
      linker: try CompetencyLinker(taxonomy: try GraphLoader.loadDefault()))
    let graph = try GraphLoader.load(
      files: files.filter { $0.path.hasSuffix(".yaml") }.map { ($0.path, $0.text) })
    func pairs(_ edge: String, _ name: (NodeID) -> String) -> [String] {
      graph.nodes.flatMap { n in
        graph.neighbors(of: n, via: edge).map { "\(name(n)) → \(graph.name(of: $0.node))" }
      }.sorted()
    }
    // "Building on …", "I encompass all of the qualities listed in the L4 Engineering Manager definition",
    // "equivalent to a [Junior Software Engineer](…)".
    #expect(
      pairs("includes") { graph.name(of: $0) } == [
        "Graduate Software Engineer → Junior Software Engineer", "Lead Quality Coach → Senior Quality Coach",
        "Quality Coach → Junior Quality Coach", "Senior Engineering Manager → Engineering Manager",
        "Senior Quality Coach → Quality Coach",
      ])
    // "(Equivalent to [L2 Software Engineer](../Software-Engineering/…))", "… listed in [Leadership](https://…)".
    let source = { (n: NodeID) in graph.property("source", of: n)?.displayText ?? "" }
    #expect(
      pairs("refers_to", source) == [
        "corpora-octopus-people-2024-cloud-engineering-l2-cloud-engineer:18 → Junior Software Engineer",
        "corpora-octopus-people-2024-cloud-engineering-l3-senior-cloud-engineer:18 → Software Engineer",
        "corpora-octopus-people-2024-cloud-engineering-l4-cloud-architect:17 → Senior Software Engineer",
        "corpora-octopus-people-2024-cloud-engineering-l4-cloud-architect:54 → Leader",
        "corpora-octopus-people-2024-data-engineering-l3-senior-data-engineer:18 → Software Engineer",
        "corpora-octopus-people-2024-data-engineering-l4-lead-data-engineer:46 → Leader",
        "corpora-octopus-people-2024-security-operations-l4-security-analyst-technical-lead:50 → Leader",
        "corpora-octopus-people-2024-security-operations-l4-security-engineer-technical-lead:50 → Leader",
        "corpora-octopus-people-2024-software-engineering-l4-lead-software-engineer:48 → Leader",
      ])
  }

  @Test func eachDisciplineReadmeListsItsImportedLevels() throws {
    let lookup = LevelReferences.Index(Self.reading.documents)
    let readmes = Self.reading.documents.enumerated().filter { $0.element.track != nil }
    #expect(readmes.count == 5)
    // Those that say what the discipline does describe its track; the others only guide to the pages.
    #expect(
      readmes.map { "\($0.element.path.split(separator: "/")[2]): \($0.element.track?.description != nil)" }
        == [
          "Cloud-Engineering: true", "Data-Engineering: false", "Security-Operations: true",
          "Site-Reliability-Engineering: true", "Software-Engineering: false",
        ])
    let secops = try #require(
      readmes.first { $0.element.path.contains("Security-Operations") }?.element.track)
    #expect(secops.description?.text.hasPrefix("Words that resonate with SecOps") == true)
    #expect(secops.description?.text.contains("\n- Security Analysts are at the forefront") == true)
    for (d, document) in readmes {
      let track = try #require(document.track)
      // The README's own numbered list of level pages, counted from its lines.
      let text = try String(
        contentsOf: Paths.corpora.deletingLastPathComponent().appending(path: document.path), encoding: .utf8)
      let listed = text.components(separatedBy: "\n").filter {
        $0.range(of: #"^\d+\. \[L\d"#, options: .regularExpression) != nil
      }
      #expect(track.levels.count == listed.count, "\(document.path)")
      for level in track.levels {
        guard case .found(.level) = lookup.resolve(level, from: d, roles: false) else {
          Issue.record("\(document.path):\(level.line): \(level.name) is not an imported level")
          continue
        }
      }
    }
  }

  @Test func areaPagesGiveTheirTeamsAPurpose() {
    let teams = Self.reading.documents.compactMap(\.team)
    #expect(
      teams.map { "\($0.name): \($0.purpose == nil ? "no purpose" : "a purpose")" } == [
        "Back-end: a purpose", "Cloud: no purpose", "Front-end: a purpose", "People: no purpose",
        "Operations: no purpose", "Security: no purpose", "Backend: a purpose", "Cloud: a purpose",
      ])
  }
}
