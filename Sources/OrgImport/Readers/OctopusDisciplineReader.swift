import Foundation

/// Reads Octopus discipline pages, many roles or levels in one file: `# Product Roles` then a `## Product
/// Manager` per role (or `## L4 Engineering Manager` per level), a `>` line under each, then `### I …` or
/// `### :owl: …` groups of first-person bullets; the older single-role pages (`# UX and UI Designer`, a `>`
/// line, bullets); and pages for everyone (`# Everyone`, an introduction, then `## I am …` groups).
public enum OctopusDisciplineReader {
  /// Whether `text` looks like a discipline page: a heading first and first-person bullets (`- I …`).
  public static func recognises(_ text: String) -> Bool {
    let lines = (FrontMatter(text)?.body ?? text).components(separatedBy: "\n").map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    guard let first = lines.first(where: { !$0.isEmpty }), first.hasPrefix("#") else { return false }
    return lines.contains { $0.hasPrefix("- I ") || $0.hasPrefix("* I ") }
  }

  /// A heading in the first person (`I help our customers`, `I'm …`): a group of statements, never a role.
  static func firstPerson(_ text: String) -> Bool {
    let plain = TextRepair.heading(text)
    return plain.hasPrefix("I ") || plain.hasPrefix("I'm ") || plain.hasPrefix("I’m ")
  }

  /// A level heading: `L4 Engineering Manager`, `L3: Senior Engineer`, `Junior Quality Coach (Level 1)`.
  static func levelHeading(_ text: String) -> (code: String, rank: Int, title: String)? {
    if let heading = OctopusLadderReader.levelHeading(text) { return heading }
    guard let (title, rank) = LevelReferences.levelInParentheses(text), !title.isEmpty else { return nil }
    return ("L\(rank)", rank, title)
  }

  /// Reads one discipline page.
  public static func read(_ text: String, path: String) throws(ImportError) -> ImportedDocument {
    let lines = text.components(separatedBy: "\n")
    // Front matter is no part of the page's structure (its `---` would make its last line a heading).
    let front = FrontMatter(text)
    let blocks = Markdown.parse(front?.body ?? text)
    guard let titleIndex = blocks.firstIndex(where: { if case .heading = $0.kind { true } else { false } }),
      case .heading(let titleDepth) = blocks[titleIndex].kind
    else {
      throw ImportError(path: path, line: 1, message: "no `# Title` heading", unrecognised: true)
    }
    let title = blocks[titleIndex].text
    // The headings that start a role or level: `##` under a "… Roles" title, or — on pages that put a `##`
    // title above `#` headings (Quality-Coaching.md) — the headings as high as the title or higher.
    let depths = blocks[(titleIndex + 1)...].compactMap { b -> Int? in
      if case .heading(let n) = b.kind, n <= titleDepth { n } else { nil }
    }
    let unitDepth: Int? = depths.min() ?? (title.lowercased().hasSuffix(" roles") ? 2 : nil)
    let manyRoles = unitDepth != nil
    var used = Set(blocks[titleIndex].lines)
    if let front { used.formUnion(front.fences) }
    var skipped: [SkippedLine] =
      front?.skipped(lines, reason: "the page's front matter: the roles come from its headings") ?? []
    var warnings: [SkippedLine] = []
    var detailsLine = 0
    var roles: [ImportedRole] = []
    var levels: [ImportedLevel] = []
    // What the statements under the current heading belong to.
    enum Owner { case none, role(Int), level(Int) }
    func isNone(_ owner: Owner) -> Bool { if case .none = owner { true } else { false } }
    var owner: Owner = .none
    var section: String?
    var inDetails = false
    var quoteTaken = false
    if !manyRoles {
      roles.append(ImportedRole(title: title, line: blocks[titleIndex].lines.lowerBound))
      owner = .role(0)
    }

    func use(_ block: MarkdownBlock) { used.formUnion(block.lines) }
    /// A heading ends an open `<details>`: say so, as what came after it was read as examples.
    func unclosedDetails(before heading: MarkdownBlock) {
      if inDetails { warnings.append(LineAccount.unclosedDetails(at: detailsLine, before: heading)) }
      inDetails = false
    }
    func skip(_ block: MarkdownBlock, _ reason: String) {
      skipped += LineAccount.skipped(block, in: lines, reason: reason)
    }
    func add(_ text: String, _ line: Int, example: Bool = false, links: [MarkdownLink] = []) -> Bool {
      let t = ImportedText(text: text, section: section, line: line, hyperlinks: links)
      switch owner {
      case .none: return false
      case .role(let r):
        roles[r].statements.append(t)
      case .level(let l):
        if example { levels[l].examples.append(t) } else { levels[l].statements.append(t) }
      }
      return true
    }

    for (index, block) in blocks.enumerated() where index != titleIndex {
      switch block.kind {
      case .heading(let depth) where depth == unitDepth && firstPerson(block.text) && !isNone(owner):
        // `## I help our customers` under a role: a group whose heading is a level too high (as in
        // Solutions.md), not a role called "I help our customers".
        section = TextRepair.heading(block.text)
        unclosedDetails(before: block)
        warnings.append(
          SkippedLine(
            line: block.lines.lowerBound, text: lines[block.lines.lowerBound - 1],
            reason:
              "a role's heading in the first person: read as a group of the role above, as `###` would be"))
        use(block)
      case .heading(let depth) where depth == unitDepth:
        if let level = levelHeading(block.text) {
          levels.append(
            ImportedLevel(
              code: level.code, rank: level.rank, title: level.title, line: block.lines.lowerBound,
              archetype: nil, metadata: [:], statements: [], examples: []))
          owner = .level(levels.count - 1)
        } else {
          // Under a title of its own (`## Quality Coaching` above `# Everyone`), a role is the page's part of a
          // wider one: "Quality Coaching: Everyone", not a second "Everyone" beside Everyone.md's.
          let name = depths.isEmpty ? block.text : "\(title): \(block.text)"
          roles.append(ImportedRole(title: name, line: block.lines.lowerBound))
          owner = .role(roles.count - 1)
        }
        section = nil
        unclosedDetails(before: block)
        quoteTaken = false
        use(block)
      case .heading:
        section = TextRepair.heading(block.text)
        unclosedDetails(before: block)
        use(block)
      case .quote where !quoteTaken && section == nil:
        switch owner {
        case .role(let r):
          roles[r].purpose = ImportedText(text: block.text, section: nil, line: block.lines.lowerBound)
        case .level(let l):
          levels[l].archetype = block.text
          // "> Building on the Quality Coach (Level 2) role, I am …": the level includes that one.
          levels[l].includes += LevelReferences.find(
            in: block.text, links: block.links, line: block.lines.lowerBound, path: path)
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
        } else if add(block.text, block.lines.lowerBound, links: block.links) {
          if section == nil, case .level(let l) = owner {
            // "I encompass all of the qualities listed in the L4 Engineering Manager definition, and I build on
            // them": said of the whole level, before its first group.
            levels[l].includes += LevelReferences.find(
              in: block.text, links: block.links, line: block.lines.lowerBound, path: path)
          }
          use(block)
        } else {
          skip(block, "the page's introduction, before the first role")
        }
      case .list:
        var any = false
        for item in Markdown.items(block) {
          any = add(item.text, item.lines.lowerBound, example: inDetails, links: item.links) || any
        }
        if any { use(block) } else { skip(block, "a list before the first role") }
      case .html:
        let lower = block.text.lowercased()
        if lower.contains("<details") {
          inDetails = true
          detailsLine = block.lines.lowerBound
        }
        var found = lower.contains("<details") || lower.contains("</details>") || lower.contains("<summary")
        let html = HTMLFragment.read(block.text)
        warnings += LineAccount.warning(html, in: block, lines: lines)
        for li in HTMLFragment.all("li", in: html.elements) where !li.text.isEmpty {
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
    if inDetails {
      warnings.append(
        SkippedLine(
          line: detailsLine, text: "<details>",
          reason: "a `<details>` block that is never closed: everything after it was read as examples"))
    }
    return ImportedDocument(
      path: path, reader: .octopusRoles, title: title, levels: levels, roles: roles,
      skipped: LineAccount.complete(skipped, used: used, lines: lines), used: used, warnings: warnings)
  }
}

extension OctopusDisciplineReader: TextDocumentReader {
  /// The name `--reader` takes.
  public static let name = "octopus-roles"
  /// What it reads.
  public static let summary =
    "discipline pages, many roles or levels in one file (`# Product Roles`, a `##` per role or level, `### I …` groups of `- I …` bullets); and a page that is a role's title and its bullets"
  /// Its place in lists.
  public static let position = 40

  /// A heading first and first-person bullets.
  public static func recognise(_ document: SourceDocument) -> Recognition {
    guard let text = document.text else { return .no }
    if recognises(text) { return Recognition(.likely, "a title and first-person `- I …` bullets") }
    // Only a page: a data file's `# comment` is no title.
    guard ["", "md", "markdown"].contains((document.path as NSString).pathExtension.lowercased()) else {
      return .no
    }
    return isTitleAndBullets(text) ? Recognition(.possible, "a title and a list of bullets: one role") : .no
  }

  /// A page that is one role and its bullets, and nothing else: its one heading with words is its first
  /// block, and a list of two or more items follows (`# Head of Community`, then what the role does).
  static func isTitleAndBullets(_ text: String) -> Bool {
    let blocks = Markdown.parse(FrontMatter(text)?.body ?? text)
    let headings = blocks.filter {
      if case .heading = $0.kind { return $0.text.contains { $0.isLetter || $0.isNumber } }
      return false
    }
    guard headings.count == 1, let first = blocks.first, first == headings[0] else { return false }
    return blocks.contains { $0.kind == .list && $0.children.count >= 2 }
  }
}

extension ReaderChoice {
  /// Octopus discipline pages.
  public static let octopusRoles = ReaderChoice(OctopusDisciplineReader.self)
}
