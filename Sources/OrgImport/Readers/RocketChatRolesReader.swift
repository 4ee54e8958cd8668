import Foundation

/// Reads roles-and-responsibilities pages: one heading per role, ending in `:` (`### Backend Engineer:`,
/// anchors aside), a purpose paragraph, a second paragraph describing the role, and a Responsibilities list;
/// or roles laid out as an HTML `<table>` whose header names the roles and whose cells hold `<ul><li>` lists.
public enum RocketChatRolesReader {
  /// Whether `text` looks like a roles page: a heading ending in `:` and a Responsibilities line, or a table.
  public static func recognises(_ text: String) -> Bool {
    let lines = text.components(separatedBy: "\n")
    let roleHeading = lines.contains { line in
      guard line.hasPrefix("#") else { return false }
      let plain = line.replacingOccurrences(of: #"<[^>]*>"#, with: "", options: .regularExpression)
        .trimmingCharacters(in: .whitespaces)
      return plain.hasSuffix(":")
    }
    let table = lines.contains { $0.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("<table") }
    return (roleHeading && text.contains("Responsibilities")) || table
  }

  /// Reads one roles page.
  public static func read(_ text: String, path: String) throws(ImportError) -> ImportedDocument {
    let lines = text.components(separatedBy: "\n")
    var used = Set<Int>()
    var skipped: [SkippedLine] = []
    var warnings: [SkippedLine] = []
    var body = text
    // Front matter: its description describes the page, which the graph keeps only as a document title.
    if let front = FrontMatter(text) {
      _ = try front.fields(path: path)
      used.formUnion(front.fences)
      skipped += front.skipped(
        lines, reason: "the page's front matter: the graph keeps the page as a document, with its title")
      body = front.body
    }
    let blocks = Markdown.parse(body)
    var title = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    var roles: [ImportedRole] = []
    var paragraphs = 0
    // The label of the list being read ("People Management"), when a line ending in `:` gave one.
    var section: String?

    func use(_ block: MarkdownBlock) { used.formUnion(block.lines) }
    func skip(_ block: MarkdownBlock, _ reason: String) {
      skipped += LineAccount.skipped(block, in: lines, reason: reason)
    }

    for block in blocks {
      switch block.kind {
      case .heading(1):
        title = block.text
        use(block)
      case .heading:
        // Every heading below the title starts a role (`### Backend Engineer:`); one with no words
        // (`#### ****`, an emptied heading) names none.
        let name = block.text.trimmingCharacters(in: CharacterSet(charactersIn: ": *_"))
        guard name.contains(where: { $0.isLetter || $0.isNumber }) else {
          use(block)
          continue
        }
        roles.append(ImportedRole(title: name, line: block.lines.lowerBound))
        paragraphs = 0
        section = nil
        use(block)
      case .paragraph:
        let plain = block.text.trimmingCharacters(in: .whitespaces)
        guard !roles.isEmpty else {
          skip(block, "text before the first role")
          continue
        }
        let r = roles.count - 1
        if plain.lowercased().hasPrefix("responsibilities") && plain.count <= 20 {
          section = "Responsibilities"
          use(block)
          continue
        }
        // A short line ending in `:` ("Hiring (Squad Formation):", "People Management:") labels the list
        // under it: it is the section of what follows, never the role's purpose or description.
        if plain.hasSuffix(":"), plain.count <= 60, !plain.dropLast().contains(":") {
          section = String(plain.dropLast()).trimmingCharacters(in: .whitespaces)
          use(block)
          continue
        }
        let t = ImportedText(text: plain, section: nil, line: block.lines.lowerBound)
        if paragraphs == 0 {
          roles[r].purpose = t
        } else if paragraphs == 1 {
          roles[r].description = t
        } else {
          var s = t
          s.section = section ?? "Responsibilities"
          roles[r].statements.append(s)
        }
        paragraphs += 1
        use(block)
      case .list:
        guard !roles.isEmpty else {
          skip(block, "a list before the first role")
          continue
        }
        for item in block.children where !item.text.isEmpty {
          roles[roles.count - 1].statements.append(
            ImportedText(text: item.text, section: section ?? "Responsibilities", line: item.lines.lowerBound)
          )
        }
        use(block)
      case .html:
        let html = HTMLFragment.read(block.text)
        let elements = html.elements
        warnings += LineAccount.warning(html, in: block, lines: lines)
        let tables = HTMLFragment.all("table", in: elements)
        guard !tables.isEmpty else {
          skip(block, "HTML that holds no table of roles")
          continue
        }
        // A table of roles: the header row names them; each cell below holds that role's list. When the
        // header labels its columns instead (`Role | Responsibilities`), each row is a role: its first cell
        // names it, and its other cells hold its lists, under their column's label.
        for table in tables {
          let rows = HTMLFragment.all("tr", in: [table])
          guard let header = rows.first else { continue }
          let names = header.children.filter { $0.name == "th" || $0.name == "td" }.map(\.text)
          if let label = names.first, Self.columnLabels.contains(label.lowercased()) {
            for row in rows.dropFirst() {
              let cells = row.children.filter { $0.name == "td" || $0.name == "th" }
              guard let name = cells.first?.text.trimmingCharacters(in: .whitespaces), !name.isEmpty else {
                continue
              }
              let nameLine =
                OctopusLadderReader.lineOf(name, in: lines, within: block.lines) ?? block.lines.lowerBound
              var role = ImportedRole(title: name, line: nameLine)
              for (c, cell) in cells.enumerated().dropFirst() {
                let items = HTMLFragment.all("li", in: [cell])
                for text in (items.isEmpty ? [cell.text] : items.map(\.text)) where !text.isEmpty {
                  let line =
                    OctopusLadderReader.lineOf(text, in: lines, within: block.lines) ?? block.lines.lowerBound
                  let section = c < names.count && !names[c].isEmpty ? names[c] : "Responsibilities"
                  role.statements.append(ImportedText(text: text, section: section, line: line))
                }
              }
              roles.append(role)
            }
            continue
          }
          let first = roles.count
          for name in names { roles.append(ImportedRole(title: name, line: block.lines.lowerBound)) }
          for row in rows.dropFirst() {
            let cells = row.children.filter { $0.name == "td" || $0.name == "th" }
            for (c, cell) in cells.enumerated() where c < names.count {
              let items = HTMLFragment.all("li", in: [cell])
              let texts = items.isEmpty ? [cell.text] : items.map(\.text)
              for text in texts where !text.isEmpty {
                let line =
                  OctopusLadderReader.lineOf(text, in: lines, within: block.lines) ?? block.lines.lowerBound
                roles[first + c].statements.append(
                  ImportedText(text: text, section: "Responsibilities", line: line))
              }
            }
          }
        }
        use(block)
      case .rule:
        use(block)
      default:
        skip(block, "a block a roles page does not use (\(block.kind))")
      }
    }
    guard !roles.isEmpty else {
      throw ImportError(
        path: path, message: "no roles: no heading ending in `:` and no table of roles",
        help:
          "a roles page has a heading per role (`### Backend Engineer:`) or a `<table>` whose header names them",
        unrecognised: true)
    }
    // Lines that carry text and no block took (HTML comments, stray markup) are reported too.
    skipped = LineAccount.complete(skipped, used: used, lines: lines)
    var document = ImportedDocument(
      path: path, reader: .rocketchatRoles, title: title, levels: [], roles: roles, skipped: skipped,
      used: used, warnings: warnings)
    cumulate(&document)
    return document
  }

  /// Header words that label a table's columns rather than name a role: such a table has a role per row.
  static let columnLabels: Set<String> = [
    "role", "roles", "position", "positions", "title", "job", "level", "levels", "name",
  ]

  /// Seniority words, by the rank of the level they name.
  static let seniority: [String: Int] = [
    "intern": 0, "trainee": 0, "junior": 1, "associate": 1, "intermediate": 2, "mid": 2, "senior": 3,
    "staff": 4, "lead": 4, "principal": 5, "distinguished": 6, "fellow": 7,
  ]

  /// A page whose roles build on each other ("In addition to a junior's responsibilities, a senior backend
  /// engineer also …") describes the levels of one ladder: its roles become levels, ranked by their seniority
  /// words (a title with none sits between junior and senior), each `includes` the one it names.
  static func cumulate(_ document: inout ImportedDocument) {
    var includes: [[LevelReference]] = []
    for role in document.roles {
      let texts = [role.purpose, role.description].compactMap { $0 } + role.statements
      includes.append(
        texts.flatMap {
          LevelReferences.find(in: $0.text, links: $0.hyperlinks, line: $0.line, path: document.path)
        })
    }
    // The page is cumulative when a role names another role of the page.
    let asLevels = document.roles.indices.map { i in
      ImportedLevel(
        code: nil, rank: nil, title: document.roles[i].title, line: document.roles[i].line,
        archetype: nil, metadata: [:], statements: [], examples: [])
    }
    let probe = ImportedDocument(
      path: document.path, reader: document.reader, title: document.title, levels: asLevels, skipped: [],
      used: [])
    let index = LevelReferences.Index([probe])
    let cumulative = includes.enumerated().contains { i, refs in
      refs.contains {
        index.resolve($0, from: 0, roles: false, excluding: .level(document: 0, index: i)) != .missing
      }
    }
    guard cumulative else { return }
    document.levels = document.roles.enumerated().map { i, role in
      let words = LevelReferences.normalised(role.title).split(separator: " ").map(String.init)
      var statements = role.description.map { [$0] } ?? []
      statements += role.statements
      return ImportedLevel(
        code: nil, rank: words.compactMap { seniority[$0] }.first ?? 2, title: role.title, line: role.line,
        archetype: nil, description: role.purpose?.text, metadata: [:], statements: statements, examples: [],
        includes: includes[i])
    }
    document.roles = []
  }
}

extension RocketChatRolesReader: TextDocumentReader {
  /// The name `--reader` takes.
  public static let name = "rocketchat-roles"
  /// What it reads.
  public static let summary =
    "roles pages (a heading per role ending in `:` with purpose, description and Responsibilities, or an HTML table of roles)"
  /// Its place in lists.
  public static let position = 30

  /// A role heading and a Responsibilities line, or a table.
  public static func recognise(_ document: SourceDocument) -> Recognition {
    guard let text = document.text, recognises(text) else { return .no }
    if text.lowercased().contains("<table") {
      // A table whose header names levels and whose first column names competencies is a matrix.
      if MatrixReader.grids(document).contains(where: MatrixReader.isMatrix) { return .no }
      return Recognition(.likely, "an HTML table of roles")
    }
    return Recognition(.likely, "role headings ending in `:` and a Responsibilities list")
  }
}

extension ReaderChoice {
  /// Rocket.Chat roles pages.
  public static let rocketchatRoles = ReaderChoice(RocketChatRolesReader.self)
}
