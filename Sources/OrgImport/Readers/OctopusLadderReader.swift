import Foundation

/// Reads Octopus-style ladder pages, one level per file: `# L3: Senior Cloud Security Engineer` (the colon
/// may be missing, the code may be `L3.2`), a `>` archetype, metadata as bullets or bold lines
/// (`**Planning horizon**: …`), then dimensions — `##` headings with an emoji, a GitHub shortcode or mis-decoded
/// bytes — holding first-person bullets (nested bullets too), an optional `>` summary, and examples in a
/// `<details>` block or after an "Examples" line.
public enum OctopusLadderReader {
  /// The metadata keys the pages use, as level properties.
  static let metadataKeys: [String: String] = [
    "planning horizon": "planning_horizon", "impact radius": "impact_radius", "evaluation": "evaluation",
    "responsibility and direction needed": "direction_needed", "direction needed": "direction_needed",
    "responsibility & direction needed": "direction_needed", "responsibility": "direction_needed",
  ]

  /// `L3: Title`, `L3.2: Title`, `L3 Title`.
  static func levelHeading(_ text: String) -> (code: String, rank: Int, title: String)? {
    let scalars = Array(text)
    guard scalars.first == "L" || scalars.first == "l" else { return nil }
    var i = 1
    var digits = ""
    while i < scalars.count, scalars[i].isNumber {
      digits.append(scalars[i])
      i += 1
    }
    guard let rank = Int(digits) else { return nil }
    var code = "L" + digits
    if i + 1 < scalars.count, scalars[i] == ".", scalars[i + 1].isNumber {
      var minor = ""
      i += 1
      while i < scalars.count, scalars[i].isNumber {
        minor.append(scalars[i])
        i += 1
      }
      code += "." + minor
    }
    if i < scalars.count, scalars[i] == ":" { i += 1 }
    guard i < scalars.count, scalars[i] == " " else { return nil }
    let title = String(scalars[i...]).trimmingCharacters(in: .whitespaces)
    return title.isEmpty ? nil : (code, rank, title)
  }

  /// Whether `text` looks like a ladder page (for `--reader auto`): a level heading, or — for the pages
  /// whose Markdown is broken — a file named like one (`L3-Customer-Success-Manager`) with bullets.
  public static func recognises(_ text: String, path: String = "") -> Bool {
    let text = FrontMatter(text)?.body ?? text
    guard
      let first = text.split(separator: "\n").first(where: {
        !$0.trimmingCharacters(in: .whitespaces).isEmpty
      })
    else { return false }
    let line = first.trimmingCharacters(in: .whitespaces)
    if line.hasPrefix("# ") && levelHeading(String(line.dropFirst(2))) != nil { return true }
    return fileLevel(path) != nil && text.contains("\n- ")
  }

  /// The level a file name gives: `L3-Customer-Success-Manager` → L3, "Customer Success Manager".
  static func fileLevel(_ path: String) -> (code: String, rank: Int, title: String)? {
    var name = String(path.split(separator: "/").last ?? "")
    if name.hasSuffix(".md") { name.removeLast(3) }
    guard let dash = name.firstIndex(of: "-") else { return nil }
    let title = name[name.index(after: dash)...].replacingOccurrences(of: "-", with: " ")
    return levelHeading(String(name[..<dash]) + " " + title)
  }

  /// A line of broken emphasis used as a heading: `***Core Competencies`, `**Customer Success Manager`.
  static func brokenHeading(_ text: String) -> String? {
    guard text.hasPrefix("*") else { return nil }
    let stripped = text.trimmingCharacters(in: CharacterSet(charactersIn: "* "))
    guard !stripped.isEmpty, stripped.count <= 60, !stripped.hasSuffix("."), !stripped.contains("*") else {
      return nil
    }
    return stripped
  }

  /// Whether a source line is an "Examples" label: `**Examples:**`, `Examples:`, `_Example_`.
  static func isExamplesLine(_ line: String) -> Bool {
    let plain = line.trimmingCharacters(in: CharacterSet(charactersIn: " *_")).lowercased()
    return ["examples", "examples:", "example", "example:"].contains(plain)
  }

  /// Reads one ladder page.
  public static func read(_ text: String, path: String) throws(ImportError) -> ImportedDocument {
    let lines = text.components(separatedBy: "\n")
    // Front matter is no part of the page's structure (its `---` would make its last line a heading).
    let front = FrontMatter(text)
    let blocks = Markdown.parse(front?.body ?? text)
    var headingIndex = blocks.firstIndex(where: { $0.kind == .heading(1) }) ?? -1
    var heading = headingIndex >= 0 ? levelHeading(blocks[headingIndex].text) : nil
    if heading == nil, let fromName = fileLevel(path) {
      // A page whose heading is broken (`**Customer Success Manager`): the file name gives the level, and the
      // broken title line, if there is one, is part of the structure.
      heading = fromName
      headingIndex = blocks.firstIndex { $0.kind == .paragraph && brokenHeading($0.text) != nil } ?? -1
    }
    guard let heading else {
      throw ImportError(
        path: path, line: blocks.first?.lines.lowerBound,
        message: "no level heading like `# L3: Senior Engineer`",
        help: "an Octopus ladder page starts with `# L<n>: <Title>`; try `--reader auto`")
    }
    var level = ImportedLevel(
      code: heading.code, rank: heading.rank, title: heading.title,
      line: headingIndex >= 0 ? blocks[headingIndex].lines.lowerBound : 1,
      archetype: nil, metadata: [:], statements: [], examples: [])
    var used = Set<Int>()
    if let front { used.formUnion(front.fences) }
    var skipped: [SkippedLine] =
      front?.skipped(lines, reason: "the page's front matter: the level comes from its heading") ?? []
    var warnings: [SkippedLine] = []
    var section: String?
    var inDetails = false
    var examplesNext = false
    var detailsLine = 0

    func use(_ block: MarkdownBlock) { used.formUnion(block.lines) }
    /// A heading ends an open `<details>`: say so, as what came after it was read as examples.
    func unclosedDetails(before heading: MarkdownBlock) {
      if inDetails { warnings.append(LineAccount.unclosedDetails(at: detailsLine, before: heading)) }
      inDetails = false
    }
    func skip(_ block: MarkdownBlock, _ reason: String) {
      skipped += LineAccount.skipped(block, in: lines, reason: reason)
    }
    func statement(_ text: String, _ line: Int, _ links: [MarkdownLink] = []) {
      level.statements.append(ImportedText(text: text, section: section, line: line, hyperlinks: links))
    }

    for (index, block) in blocks.enumerated() {
      if index == headingIndex {
        use(block)
        continue
      }
      switch block.kind {
      case .heading(let n) where n >= 2:
        section = TextRepair.heading(block.text)
        unclosedDetails(before: block)
        examplesNext = false
        use(block)
      case .heading:
        skip(block, "a second level heading in one file: one level per file")
      case .quote:
        if block.text.isBlank {
          skip(block, "an empty quote")
          continue
        } else if section == nil && level.archetype == nil {
          level.archetype = block.text
          // "> Building on the Security Engineer role, I …": the level includes that one, as the discipline
          // pages' summaries are read.
          level.includes += LevelReferences.find(
            in: block.text, links: block.links, line: block.lines.lowerBound, path: path)
        } else {
          statement(block.text, block.lines.lowerBound)
        }
        use(block)
      case .list:
        if section == nil {
          for item in block.children {
            guard let (key, value) = keyValue(item.text) else {
              skip(item, "a bullet before the first dimension that is not `Key: value` metadata")
              continue
            }
            guard let property = metadataKeys[key.lowercased()] else {
              skip(
                item,
                "metadata `\(key)` is not a level property (planning horizon, impact radius, evaluation, direction needed)"
              )
              continue
            }
            level.metadata[property] = ImportedText(text: value, section: nil, line: item.lines.lowerBound)
            use(item)
          }
        } else if inDetails || examplesNext {
          for item in Markdown.items(block) {
            level.examples.append(
              ImportedText(text: item.text, section: section, line: item.lines.lowerBound))
          }
          examplesNext = false
          use(block)
        } else {
          // An "Examples:" line written right under the last bullet (no blank line, so Markdown continues
          // the bullet) starts the examples: the bullets after it are examples, and the reader says so.
          var asExamples = false
          for item in Markdown.items(block) {
            if asExamples {
              level.examples.append(
                ImportedText(text: item.text, section: section, line: item.lines.lowerBound))
              continue
            }
            let glued = item.lines.dropFirst().first { n in
              n - 1 < lines.count && Self.isExamplesLine(lines[n - 1])
            }
            guard let glued else {
              statement(item.text, item.lines.lowerBound, item.links)
              continue
            }
            let text = item.text.replacing(/\s*Examples?:?\s*$/.ignoresCase(), with: "")
            statement(text, item.lines.lowerBound, item.links)
            warnings.append(
              SkippedLine(
                line: glued, text: lines[glued - 1].trimmingCharacters(in: .whitespaces),
                reason:
                  "an Examples line right under a bullet, with no blank line (so Markdown continues the bullet): read as the start of examples; put a blank line above it"
              ))
            asExamples = true
          }
          use(block)
        }
      case .paragraph:
        let plain = block.text.trimmingCharacters(in: .whitespaces)
        if let dimension = brokenHeading(plain) {
          // `***Core Competencies`: a dimension whose heading markup is broken.
          section = TextRepair.heading(dimension)
          unclosedDetails(before: block)
          examplesNext = false
          use(block)
        } else if section != nil,
          ["examples", "examples:", "example", "example:"].contains(plain.lowercased())
        {
          examplesNext = true
          use(block)
        } else if section == nil, let pairs = metadataLines(block, lines) {
          // `**Planning horizon**: …` lines, one paragraph: each line is one field.
          for (key, value, line) in pairs {
            if let property = metadataKeys[key.lowercased()] {
              level.metadata[property] = ImportedText(text: value, section: nil, line: line)
              used.insert(line)
            } else {
              skipped.append(
                SkippedLine(
                  line: line, text: lines[line - 1].trimmingCharacters(in: .whitespaces),
                  reason:
                    "metadata `\(key)` is not a level property (planning horizon, impact radius, evaluation, direction needed)"
                ))
            }
          }
        } else if section == nil, level.description == nil {
          level.description = plain
          // "The expectations … are equivalent to a [Junior Software Engineer](…)": the level includes it.
          level.includes += LevelReferences.find(
            in: plain, links: block.links, line: block.lines.lowerBound, path: path)
          use(block)
        } else if section == nil {
          skip(block, "text between the archetype and the first dimension")
        } else if inDetails || examplesNext {
          level.examples.append(ImportedText(text: plain, section: section, line: block.lines.lowerBound))
          use(block)
        } else {
          statement(plain, block.lines.lowerBound, block.links)
          use(block)
        }
      case .html:
        let lower = block.text.lowercased()
        let html = HTMLFragment.read(block.text)
        let elements = html.elements
        warnings += LineAccount.warning(html, in: block, lines: lines)
        var found = false
        if lower.contains("<details") {
          inDetails = true
          detailsLine = block.lines.lowerBound
          found = true
        }
        for li in HTMLFragment.all("li", in: elements) where !li.text.isEmpty {
          let line = lineOf(li.text, in: lines, within: block.lines) ?? block.lines.lowerBound
          if inDetails {
            level.examples.append(ImportedText(text: li.text, section: section, line: line))
          } else {
            statement(li.text, line)
          }
          found = true
        }
        // Bullets written inside the HTML block (no blank line after `<summary>`): GitHub shows them as text
        // lines; they are the examples all the same.
        for n in block.lines where n - 1 < lines.count {
          let raw = lines[n - 1].trimmingCharacters(in: .whitespaces)
          guard raw.hasPrefix("- ") || raw.hasPrefix("* ") else { continue }
          let text = Markdown.parse(String(raw.dropFirst(2))).map(\.text).joined(separator: " ")
          guard !text.isEmpty else { continue }
          if inDetails {
            level.examples.append(ImportedText(text: text, section: section, line: n))
          } else {
            statement(text, n)
          }
          found = true
        }
        if lower.contains("</details>") {
          inDetails = false
          found = true
        }
        if lower.contains("<summary") || found {
          use(block)
        } else {
          skip(block, "HTML that holds no list or examples")
        }
      case .rule:
        use(block)
      default:
        skip(block, "a block the ladder format does not use (\(block.kind))")
      }
    }
    if inDetails {
      skipped.append(
        SkippedLine(
          line: detailsLine, text: "<details>",
          reason: "a `<details>` block that is never closed: everything after it was read as examples"))
    }
    // Lines that carry text and no block took (HTML comments, stray markup) are reported too.
    skipped = LineAccount.complete(skipped, used: used, lines: lines)
    let title =
      headingIndex >= 0
      ? (brokenHeading(blocks[headingIndex].text) ?? blocks[headingIndex].text) : heading.title
    return ImportedDocument(
      path: path, reader: .octopus, title: title, levels: [level], skipped: skipped, used: used,
      warnings: warnings)
  }

  /// The `Key: value` fields of a paragraph of bold lines, one per source line; `nil` unless every line is one.
  static func metadataLines(_ block: MarkdownBlock, _ lines: [String]) -> [(String, String, Int)]? {
    var out: [(String, String, Int)] = []
    for n in block.lines where n - 1 < lines.count {
      let raw = lines[n - 1].trimmingCharacters(in: .whitespaces)
      if raw.isEmpty { continue }
      let plain = Markdown.collapse(
        raw.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: ""))
      guard let (key, value) = keyValue(plain) else { return nil }
      out.append((key, value, n))
    }
    return out.isEmpty ? nil : out
  }

  /// `Key: value` (the key short, without sentence punctuation).
  static func keyValue(_ text: String) -> (String, String)? {
    guard let colon = text.firstIndex(of: ":") else { return nil }
    let key = text[..<colon].trimmingCharacters(in: .whitespaces)
    let value = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    guard !key.isEmpty, key.count <= 40, !value.isEmpty, !key.contains(".") else { return nil }
    return (key, value)
  }

  /// The line within `range` whose text contains `text` (markup aside), for items found in HTML.
  static func lineOf(_ text: String, in lines: [String], within range: ClosedRange<Int>) -> Int? {
    let probe = String(text.prefix(30))
    for n in range where n - 1 < lines.count {
      let plain = Markdown.collapse(
        lines[n - 1].replacingOccurrences(of: #"<[^>]+>"#, with: " ", options: .regularExpression))
      if plain.contains(probe) { return n }
    }
    return nil
  }
}

extension OctopusLadderReader: DocumentReader {
  /// The name `--reader` takes.
  public static let name = "octopus"
  /// What it reads.
  public static let summary =
    "ladder pages, one level per file (`# L3: Senior Engineer`, a `>` archetype, metadata bullets, emoji-headed dimensions, `<details>` examples), and a discipline's README that lists them"
  /// Its place in lists.
  public static let position = 10

  /// A level heading first (or a file named like a level, with bullets); a discipline's README that links
  /// to level pages, for certain.
  public static func recognise(_ document: SourceDocument) -> Recognition {
    guard let text = document.text else { return .no }
    if document.isNamed("readme.md") && IndexPages.recognisesTrack(text) {
      return Recognition(.certain, "a README that lists ladder pages")
    }
    guard recognises(text, path: document.path) else { return .no }
    let body = FrontMatter(text)?.body ?? text
    let first = body.split(separator: "\n").first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    if let first, first.hasPrefix("# "), levelHeading(String(first.dropFirst(2))) != nil {
      return Recognition(.likely, "a level heading, `\(first.trimmingCharacters(in: .whitespaces))`")
    }
    return Recognition(.likely, "a file named like a level, with bullets")
  }

  /// A ladder page; a page that lists ladder pages (a discipline's README) is read as its track.
  public static func read(_ document: SourceDocument) throws(ImportError) -> ImportedDocument {
    let text = document.text ?? ""
    if IndexPages.recognisesTrack(text)
      && (document.isNamed("readme.md") || !recognises(text, path: document.path))
    {
      return try IndexPages.readTrack(text, path: document.path)
    }
    return try read(text, path: document.path)
  }
}

extension ReaderChoice {
  /// Octopus ladder pages.
  public static let octopus = ReaderChoice(OctopusLadderReader.self)
}
