import Foundation

/// Reads Octopus discipline pages, many roles or levels in one file: `# Product Roles` then a `## Product
/// Manager` per role (or `## L4 Engineering Manager` per level), a `>` line under each, then `### I …` or
/// `### :owl: …` groups of first-person bullets; the older single-role pages (`# UX and UI Designer`, a `>`
/// line, bullets); and pages for everyone (`# Everyone`, an introduction, then `## I am …` groups).
public enum OctopusDisciplineReader {
  /// Whether `text` looks like a discipline page: a title and first-person bullets (`- I …`).
  public static func recognises(_ text: String) -> Bool {
    let lines = text.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    guard lines.first(where: { !$0.isEmpty })?.hasPrefix("# ") == true else { return false }
    return lines.contains { $0.hasPrefix("- I ") || $0.hasPrefix("* I ") }
  }

  /// Reads one discipline page.
  public static func read(_ text: String, path: String) throws(ImportError) -> ImportedDocument {
    let lines = text.components(separatedBy: "\n")
    let blocks = Markdown.parse(text)
    guard let titleIndex = blocks.firstIndex(where: { $0.kind == .heading(1) }) else {
      throw ImportError(path: path, line: 1, message: "no `# Title` heading", unrecognised: true)
    }
    let title = blocks[titleIndex].text
    let manyRoles = title.lowercased().hasSuffix(" roles")
    var used = Set(blocks[titleIndex].lines)
    var skipped: [SkippedLine] = []
    var roles: [ImportedRole] = []
    var levels: [ImportedLevel] = []
    // What the statements under the current heading belong to.
    enum Owner { case none, role(Int), level(Int) }
    var owner: Owner = .none
    var section: String?
    var inDetails = false
    var quoteTaken = false
    if !manyRoles {
      roles.append(ImportedRole(title: title, line: blocks[titleIndex].lines.lowerBound))
      owner = .role(0)
    }

    func use(_ block: MarkdownBlock) { used.formUnion(block.lines) }
    func skip(_ block: MarkdownBlock, _ reason: String) {
      skipped += LineAccount.skipped(block, in: lines, reason: reason)
    }
    func add(_ text: String, _ line: Int, example: Bool = false) -> Bool {
      let t = ImportedText(text: text, section: section, line: line)
      switch owner {
      case .none: return false
      case .role(let r):
        roles[r].statements.append(t)
      case .level(let l):
        if example { levels[l].examples.append(t) } else { levels[l].statements.append(t) }
      }
      return true
    }
    func items(_ list: MarkdownBlock) -> [(String, Int)] {
      list.children.flatMap { item -> [(String, Int)] in
        let own = item.text.isEmpty ? [] : [(item.text, item.lines.lowerBound)]
        return own + item.children.filter { $0.kind == .list }.flatMap(items)
      }
    }

    for (index, block) in blocks.enumerated() where index != titleIndex {
      switch block.kind {
      case .heading(2) where manyRoles:
        if let level = OctopusLadderReader.levelHeading(block.text) {
          levels.append(
            ImportedLevel(
              code: level.code, rank: level.rank, title: level.title, line: block.lines.lowerBound,
              archetype: nil,
              metadata: [:], statements: [], examples: [], mentions: []))
          owner = .level(levels.count - 1)
        } else {
          roles.append(ImportedRole(title: block.text, line: block.lines.lowerBound))
          owner = .role(roles.count - 1)
        }
        section = nil
        inDetails = false
        quoteTaken = false
        use(block)
      case .heading:
        section = TextRepair.heading(block.text)
        inDetails = false
        use(block)
      case .quote where !quoteTaken && section == nil:
        switch owner {
        case .role(let r):
          roles[r].purpose = ImportedText(text: block.text, section: nil, line: block.lines.lowerBound)
        case .level(let l): levels[l].archetype = block.text
        case .none:
          skip(block, "a quote before the first role")
          continue
        }
        quoteTaken = true
        use(block)
      case .quote, .paragraph:
        if inDetails, add(block.text, block.lines.lowerBound, example: true) {
          use(block)
        } else if section == nil, case .role(let r) = owner, !manyRoles || roles[r].statements.isEmpty,
          roles[r].description == nil, roles.count == 1, !quoteTaken
        {
          // The introduction of a single-role page describes it.
          roles[r].description = ImportedText(text: block.text, section: nil, line: block.lines.lowerBound)
          use(block)
        } else if add(block.text, block.lines.lowerBound) {
          use(block)
        } else {
          skip(block, "the page's introduction, before the first role")
        }
      case .list:
        var any = false
        for (text, line) in items(block) { any = add(text, line, example: inDetails) || any }
        if any { use(block) } else { skip(block, "a list before the first role") }
      case .html:
        let lower = block.text.lowercased()
        if lower.contains("<details") { inDetails = true }
        var found = lower.contains("<details") || lower.contains("</details>") || lower.contains("<summary")
        for li in HTMLFragment.all("li", in: HTMLFragment.parse(block.text)) where !li.text.isEmpty {
          let line =
            OctopusLadderReader.lineOf(li.text, in: lines, within: block.lines) ?? block.lines.lowerBound
          found = add(li.text, line, example: inDetails) || found
        }
        if lower.contains("</details>") { inDetails = false }
        if found { use(block) } else { skip(block, "HTML that holds no list or examples") }
      case .rule:
        use(block)
      default:
        skip(block, "a block a discipline page does not use (\(block.kind))")
      }
    }
    return ImportedDocument(
      path: path, reader: "octopus-roles", title: title, levels: levels, roles: roles,
      skipped: LineAccount.complete(skipped, used: used, lines: lines), used: used)
  }
}
