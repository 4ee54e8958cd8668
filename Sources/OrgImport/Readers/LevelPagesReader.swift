import Foundation

/// Reads a role's ladder kept as one page with a heading per level, in any organisation's words:
///
/// ```text
/// # Developer
///
/// | Level | Title       |
/// |-------|-------------|
/// | D1    | Developer 1 |
/// | D2    | Developer 2 |
///
/// ## D1 - Developer 1
///
/// * **Adopts**: actively learns and adopts the technology and tools of the team.
/// * **Specializes**: is becoming an expert in a language.
/// ```
///
/// Each heading that names a level (`## D1 - Developer 1`, `## L3: Senior Engineer`, `## Senior Engineer`)
/// starts a level; its bullets and paragraphs are the level's statements, verbatim, and a bold lead-in
/// (`**Adopts**:`) is the statement's section. A table of levels before the first level heading gives the
/// levels' order; otherwise the headings do. Pictures are skipped and reported.
public enum LevelPagesReader: DocumentReader {
  /// The name `--reader` takes.
  public static let name = "level-pages"
  /// What it reads.
  public static let summary =
    "a ladder on one page, a heading per level (`## D1 - Developer 1`, `## Senior Engineer`) with bullets under each, a bold lead-in (`**Adopts**:`) as the bullet's section"
  /// Its place in lists: after the readers of particular organisations' shapes.
  public static let position = 60

  /// A heading read as a level: `D1 - Developer 1` → D1, "Developer 1"; `L3: Senior Engineer`; a title with
  /// a level word (`Senior Engineer`).
  static func level(_ heading: String) -> (code: String?, title: String)? {
    let text = TextRepair.heading(heading).trimmingCharacters(in: .whitespaces)
    if let match = text.firstMatch(of: /^([A-Z]{1,3}\d+(?:\.\d+)?)\s*(?:[-–—:]\s*)?(.*)$/) {
      let title = String(match.2).trimmingCharacters(in: .whitespaces)
      return (String(match.1), title.isEmpty ? String(match.1) : title)
    }
    if MatrixReader.namesLevel(text), text.split(separator: " ").count <= 6 { return (nil, text) }
    return nil
  }

  /// The level headings of a page: the depth at which at least two headings name levels, and those headings.
  static func levelHeadings(_ blocks: [MarkdownBlock]) -> (depth: Int, indices: [Int])? {
    var byDepth: [Int: [Int]] = [:]
    for (i, block) in blocks.enumerated() {
      if case .heading(let depth) = block.kind, level(block.text) != nil {
        byDepth[depth, default: []].append(i)
      }
    }
    guard let best = byDepth.filter({ $0.value.count >= 2 }).min(by: { $0.key < $1.key }) else { return nil }
    // A heading at that depth that the others build their titles on (`Support Engineer` under `Senior Support
    // Engineer`) is the ladder's first level, though it names no level word.
    let titles = best.value.map { blocks[$0].text.lowercased() }
    var indices = best.value
    for (i, block) in blocks.enumerated() where block.kind == .heading(best.key) && !indices.contains(i) {
      let title = block.text.lowercased()
      if titles.contains(where: { $0.hasSuffix(" " + title) }) { indices.append(i) }
    }
    return (best.key, indices.sorted())
  }

  /// Two headings or more at one depth that name levels.
  public static func recognise(_ document: SourceDocument) -> Recognition {
    guard let text = document.text,
      let found = levelHeadings(Markdown.parse(FrontMatter(text)?.body ?? text))
    else { return .no }
    return Recognition(.possible, "\(found.indices.count) headings that name levels")
  }

  /// The levels of the page, their statements, and what was skipped.
  public static func read(_ document: SourceDocument) throws(ImportError) -> ImportedDocument {
    let text = document.text ?? ""
    let lines = text.components(separatedBy: "\n")
    let blocks = Markdown.parse(FrontMatter(text)?.body ?? text)
    guard let found = levelHeadings(blocks) else {
      throw ImportError(
        path: document.path, message: "no two headings at one depth that name levels",
        help:
          "a level's heading starts with its code or names it: `## D1 - Developer 1`, `## Senior Engineer`")
    }
    var used = Set<Int>()
    var skipped: [SkippedLine] = []
    func skip(_ block: MarkdownBlock, _ reason: String) {
      skipped += LineAccount.skipped(block, in: lines, reason: reason)
    }
    if let front = FrontMatter(text) {
      skipped += front.skipped(lines, reason: "the page's front matter: the levels come from its headings")
      used.formUnion(front.fences)
    }
    func isPicture(_ block: MarkdownBlock) -> Bool {
      block.kind == .paragraph && lines.indices.contains(block.lines.lowerBound - 1)
        && lines[block.lines.lowerBound - 1].trimmingCharacters(in: .whitespaces).hasPrefix("![")
    }
    let title =
      blocks.first { if case .heading = $0.kind { true } else { false } }?.text
      ?? URL(fileURLWithPath: document.path).deletingPathExtension().lastPathComponent
    // A table of levels before the first level heading: its first column's codes or names, in order.
    var order: [String] = []
    for (i, block) in blocks[..<found.indices[0]].enumerated() {
      if block.kind == .table {
        let rows = block.children.filter { $0.kind == .tableRow }.dropFirst()
        order = rows.compactMap { $0.children.first?.text.lowercased() }
        for line in block.lines { used.insert(line) }
      } else if isPicture(block) {
        skip(block, "a picture; its words are not text to import")
      } else if i > 0 || block.kind != .heading(1) {
        skip(block, "the page's introduction, before the first level")
      }
    }
    var levels: [ImportedLevel] = []
    for (n, start) in found.indices.enumerated() {
      let heading = blocks[start]
      let (code, name) = level(heading.text) ?? (nil, TextRepair.heading(heading.text))
      used.insert(heading.lines.lowerBound)
      var level = ImportedLevel(
        code: code, rank: nil, title: name, line: heading.lines.lowerBound, archetype: nil, metadata: [:],
        statements: [], examples: [])
      let end = n + 1 < found.indices.count ? found.indices[n + 1] : blocks.count
      var section: String?
      for block in blocks[(start + 1)..<end] {
        switch block.kind {
        case .heading(let depth) where depth > found.depth:
          section = TextRepair.heading(block.text)
          used.insert(block.lines.lowerBound)
        case .heading:
          skip(block, "a heading above the levels' depth inside a level")
        case .list:
          for item in Markdown.items(block) {
            var statement = ImportedText(text: item.text, section: section, line: item.lines.lowerBound)
            if let lead = item.text.firstMatch(of: /^([^:]{1,40}):\s/),
              lines.indices.contains(item.lines.lowerBound - 1),
              lines[item.lines.lowerBound - 1].contains("**")
            {
              statement.section = String(lead.1)
            }
            // Under a heading that says so ("Examples of impact"), bullets are examples.
            if section?.lowercased().contains("example") == true {
              level.examples.append(statement)
            } else {
              level.statements.append(statement)
            }
            used.insert(item.lines.lowerBound)
          }
          used.formUnion(block.lines)
        case .paragraph where isPicture(block):
          skip(block, "a picture; its words are not text to import")
        case .paragraph, .quote:
          // Said of the whole level before its first section ("In addition to everything a Developer 2
          // does:", "Building on the D2 level."): the level includes the one it names. A lead-in ending in
          // `:` introduces the bullets and is the level's description; a sentence is a statement too.
          let builds =
            section == nil && level.statements.isEmpty
            ? LevelReferences.find(
              in: block.text, links: block.links, line: block.lines.lowerBound, path: document.path) : []
          level.includes += builds
          if !builds.isEmpty && block.text.hasSuffix(":") && level.description == nil {
            level.description = block.text
          } else {
            level.statements.append(
              ImportedText(text: block.text, section: section, line: block.lines.lowerBound))
          }
          for line in block.lines { used.insert(line) }
        default:
          skip(block, "not a heading, a list or a paragraph under a level")
        }
      }
      levels.append(level)
    }
    // Rank: the code's number; else the place in the table of levels; else the heading's place.
    for (i, level) in levels.enumerated() {
      let byCode = level.code.flatMap { Int($0.drop(while: \.isLetter).split(separator: ".").first ?? "") }
      let byTable = order.firstIndex { $0 == level.code?.lowercased() || $0 == level.title.lowercased() }
      levels[i].rank = byCode ?? byTable.map { $0 + 1 } ?? (i + 1)
    }
    if !order.isEmpty && levels.allSatisfy({ $0.code == nil }) {
      levels.sort { ($0.rank ?? 0) < ($1.rank ?? 0) }
    }
    if let first = blocks.first, case .heading = first.kind { used.insert(first.lines.lowerBound) }
    return ImportedDocument(
      path: document.path, reader: ReaderChoice(LevelPagesReader.self), title: title, levels: levels,
      skipped: LineAccount.complete(skipped, used: used, lines: lines), used: used)
  }
}

extension ReaderChoice {
  /// A ladder on one page, a heading per level.
  public static let levelPages = ReaderChoice(LevelPagesReader.self)
}
