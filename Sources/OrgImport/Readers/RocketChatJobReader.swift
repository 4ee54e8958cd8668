import Foundation
import Yams

/// Reads Rocket.Chat-style job descriptions: front matter (read with Yams), `# Title`, an Identification list
/// (Position, Area, Lead), then sections — numbered or not, in upper case or not — for the purpose, the
/// challenges, the key activities, the performance standards, the key skills and the values and rules of
/// behaviour, with `*` bullets and GitBook escapes such as `\(`.
public enum RocketChatJobReader {
  /// Whether `text` looks like a job description: an `## Identification` heading.
  public static func recognises(_ text: String) -> Bool {
    let lines = text.components(separatedBy: "\n")
    guard
      let heading = lines.firstIndex(where: { line in
        line.hasPrefix("##")
          && line.trimmingCharacters(in: CharacterSet(charactersIn: "# ")).lowercased() == "identification"
      })
    else { return false }
    // A filled-in Identification list, not a template that only describes one: it names a Position.
    return lines[heading...].prefix(12).contains { line in
      let plain = line.replacingOccurrences(of: "*", with: "").trimmingCharacters(in: .whitespaces)
        .lowercased()
      return plain.hasPrefix("- position") || plain.hasPrefix("position")
    }
  }

  /// The sections a job description has (their names in lower case, numbers dropped), by prefix.
  static let knownSections = [
    "identification", "definitions", "purpose", "challenges", "key activities", "performance standards",
    "key skills", "values", "responsibilities", "requirements", "skills",
  ]

  /// A section heading without its number, in sentence case: `6. KEY SKILLS` → `Key skills`.
  static func sectionName(_ heading: String) -> String {
    var text = heading.trimmingCharacters(in: .whitespaces)
    if let dot = text.firstIndex(of: "."), text[..<dot].allSatisfy(\.isNumber), !text[..<dot].isEmpty {
      text = String(text[text.index(after: dot)...]).trimmingCharacters(in: .whitespaces)
    }
    let lower = text.lowercased()
    return lower.prefix(1).uppercased() + lower.dropFirst()
  }

  /// Reads one job description.
  public static func read(_ text: String, path: String) throws(ImportError) -> ImportedDocument {
    let lines = text.components(separatedBy: "\n")
    var used = Set<Int>()
    var skipped: [SkippedLine] = []
    var body = text
    var bodyOffset = 0
    var description: ImportedText?
    // Front matter: `---` … `---`, read as YAML.
    if let frontMatter = FrontMatter(text) {
      let front = try frontMatter.fields(path: path)
      for n in 1...frontMatter.closing { used.insert(n) }
      if let d = front["description"] as? String {
        description = ImportedText(text: Markdown.collapse(d), section: nil, line: 2)
      }
      for key in front.keys.sorted() where key != "description" {
        if let n = lines.firstIndex(where: { $0.hasPrefix(key + ":") }) {
          used.remove(n + 1)
          skipped.append(
            SkippedLine(
              line: n + 1, text: lines[n], reason: "front matter `\(key)` has no place in the graph"))
        }
      }
      bodyOffset = frontMatter.closing
      body = frontMatter.body
    }
    let blocks = Markdown.parse(body)
    guard let titleIndex = blocks.firstIndex(where: { $0.kind == .heading(1) }) else {
      throw ImportError(
        path: path, line: bodyOffset + 1, message: "no `# Title` heading",
        help: "a job description starts with `# <Position>` and an `## Identification` list")
    }
    var role = ImportedRole(title: blocks[titleIndex].text, line: blocks[titleIndex].lines.lowerBound)
    used.formUnion(blocks[titleIndex].lines)
    role.description = description
    var section: String?
    var subsection: String?

    func use(_ block: MarkdownBlock) { used.formUnion(block.lines) }
    func skip(_ block: MarkdownBlock, _ reason: String) {
      skipped += LineAccount.skipped(block, in: lines, reason: reason)
    }
    func items(_ list: MarkdownBlock) -> [ImportedText] {
      list.children.flatMap { item -> [ImportedText] in
        let own =
          item.text.isEmpty
          ? [] : [ImportedText(text: item.text, section: nil, line: item.lines.lowerBound)]
        return own + item.children.filter { $0.kind == .list }.flatMap(items)
      }
    }

    for (index, block) in blocks.enumerated() where index != titleIndex {
      switch block.kind {
      case .heading:
        // Heading levels vary between pages (`## Identification`, `### Identification`): the names decide.
        let name = sectionName(block.text)
        let key = name.lowercased()
        if key == "identification" {
          section = "identification"
          subsection = nil
        } else if key == "definitions" {
          section = nil
          subsection = nil
        } else if Self.knownSections.contains(where: { key.hasPrefix($0) }) || section == nil
          || section == "identification"
        {
          section = name
          subsection = nil
        } else {
          subsection = block.text.trimmingCharacters(in: CharacterSet(charactersIn: ": "))
        }
        use(block)
      case .list:
        let kind = (section ?? "").lowercased()
        if kind == "identification" {
          for item in block.children {
            let plain = item.text
            guard let colon = plain.firstIndex(of: ":") else {
              skip(item, "an Identification bullet that is not `Key: value`")
              continue
            }
            let key = plain[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = ImportedText(
              text: plain[plain.index(after: colon)...].trimmingCharacters(in: .whitespaces), section: nil,
              line: item.lines.lowerBound)
            switch key {
            case "position": role.title = value.text
            case "area": role.area = value
            case "lead", "leader": role.lead = value
            default:
              skip(item, "`\(plain[..<colon])` has no place in the graph (position, area and lead do)")
              continue
            }
            use(item)
          }
          continue
        }
        var found = items(block)
        for i in found.indices {
          found[i].section = subsection.map { "\(section ?? ""): \($0)" } ?? section
        }
        if kind.hasPrefix("challenge") {
          role.challenges += found
        } else if kind.hasPrefix("performance standard") {
          role.performanceStandards += found
        } else if kind.hasPrefix("values") {
          role.values += found
        } else if kind.hasPrefix("purpose of the area") {
          skip(block, "a list about the area, not the role (teams hold no statements)")
          continue
        } else if section == nil {
          skip(block, "a list outside any section")
          continue
        } else {
          role.statements += found.map { t in
            var t = t
            if kind == "purpose of the position" || kind == "purpose" {
              t.section = subsection == nil ? "Purpose" : t.section
            }
            return t
          }
        }
        use(block)
      case .paragraph:
        let kind = (section ?? "").lowercased()
        let text = ImportedText(text: block.text, section: nil, line: block.lines.lowerBound)
        if kind.hasPrefix("purpose of the area") {
          role.areaPurpose =
            role.areaPurpose.map {
              ImportedText(text: $0.text + " " + block.text, section: nil, line: $0.line)
            } ?? text
          use(block)
        } else if (kind == "purpose" || kind == "purpose of the position"), role.purpose == nil {
          role.purpose = text
          use(block)
        } else if section != nil {
          var t = text
          t.section = section
          role.statements.append(t)
          use(block)
        } else {
          skip(block, "text outside any section")
        }
      case .rule:
        use(block)
      default:
        skip(block, "a block a job description does not use (\(block.kind))")
      }
    }
    // Lines that carry text and no block took (HTML comments, stray markup) are reported too.
    skipped = LineAccount.complete(skipped, used: used, lines: lines)
    return ImportedDocument(
      path: path, reader: .rocketchatJD, title: blocks[titleIndex].text, levels: [], roles: [role],
      skipped: skipped, used: used)
  }
}

extension RocketChatJobReader: DocumentReader {
  /// The name `--reader` takes.
  public static let name = "rocketchat-jd"
  /// What it reads.
  public static let summary =
    "job descriptions (front matter, an `## Identification` list, numbered sections), and an area's or team's page with its purpose"
  /// Its place in lists.
  public static let position = 20

  /// A filled-in Identification list; an area's or team's page, if nothing surer reads it.
  public static func recognise(_ document: SourceDocument) -> Recognition {
    guard let text = document.text else { return .no }
    if recognises(text) { return Recognition(.likely, "an `## Identification` list naming a position") }
    if IndexPages.recognisesTeam(text, path: document.path) {
      return Recognition(.possible, "a title and a purpose section: an area's or team's page")
    }
    return .no
  }

  /// A job description; an area's or team's page as its team.
  public static func read(_ document: SourceDocument) throws(ImportError) -> ImportedDocument {
    let text = document.text ?? ""
    if !recognises(text) && IndexPages.recognisesTeam(text, path: document.path) {
      return try IndexPages.readTeam(text, path: document.path)
    }
    return try read(text, path: document.path)
  }
}

extension ReaderChoice {
  /// Rocket.Chat job descriptions and area pages.
  public static let rocketchatJD = ReaderChoice(RocketChatJobReader.self)
}
