import Foundation
import OrgGraph
import Yams

/// Reads frameworks kept as structured data — a YAML or JSON file, or a Markdown page's YAML front matter —
/// in the two shapes they come in:
///
/// - **flat records**: lists of `levels` and `themes` (or `areas`, `categories`), then `competencies` (or
///   `expectations`, `criteria`) records that each name their `level` and `theme` by id, with a `summary`
///   (or `description`, `text`) and a `proficiency` word;
/// - **nested topics**: `topics`, each with `content` per `level`, holding `criteria` and `exampleCriteria`
///   (a criterion with its `examples`).
///
/// Levels keep their order; themes and topics become the organisation's competencies, with their summaries;
/// each record or criterion is a statement of its level that expresses its theme. A proficiency word is read
/// through the scale (``proficiency(of:)``): an unknown word is a warning at its line, never a guess.
public enum StructuredReader: DocumentReader {
  /// The name `--reader` takes.
  public static let name = "structured"
  /// What it reads.
  public static let summary =
    "frameworks as YAML or JSON, or a page's YAML front matter: `levels`, `themes` and `competencies` records naming their level and theme, or `topics` with `content` per `level` (`criteria`, `exampleCriteria`)"
  /// Its place in lists.
  public static let position = 45

  /// Proficiency words frameworks use, and the scale's case each means.
  public static let proficiencyWords: [String: String] = [
    "awareness": "awareness", "aware": "awareness", "novice": "awareness", "beginner": "awareness",
    "foundational": "foundational", "foundation": "foundational", "basic": "foundational",
    "working": "working", "working knowledge": "working", "intermediate": "working", "competent": "working",
    "practitioner": "advanced", "advanced": "advanced", "proficient": "advanced", "skilled": "advanced",
    "expert": "expert", "master": "expert", "mastery": "expert", "leading": "expert",
  ]

  /// The scale's case a proficiency word means, or `nil` for a word not on the list.
  public static func proficiency(of word: String) -> String? {
    proficiencyWords[word.lowercased().trimmingCharacters(in: .whitespaces)]
  }

  /// The YAML to read: a YAML or JSON file's text, or a Markdown page's front matter (with the line it
  /// starts at, so lines point into the page).
  static func yaml(_ document: SourceDocument) -> (text: String, firstLine: Int)? {
    guard let text = document.text else { return nil }
    let lower = document.path.lowercased()
    if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") || lower.hasSuffix(".json") { return (text, 1) }
    return FrontMatter(text).map { ($0.yaml, 2) }
  }

  /// The shape of `root`, when it is one of the two.
  enum Shape { case records, topics }

  static func shape(_ root: Node?, _ fields: StructuredFields) -> Shape? {
    guard let root, case .mapping = root else { return nil }
    if let list = fields.value("records", in: root)?.sequence,
      list.contains(where: { fields.value("level", in: $0) != nil })
    {
      return .records
    }
    if let topics = fields.value("topics", in: root)?.sequence,
      topics.contains(where: { fields.value("content", in: $0)?.sequence != nil })
    {
      return .topics
    }
    return nil
  }

  /// A structured framework's keys.
  public static func recognise(_ document: SourceDocument) -> Recognition {
    guard let (text, _) = yaml(document) else { return .no }
    guard let root = try? Yams.compose(yaml: text) else {
      // YAML that does not parse, with a framework's keys in it: this reader says where it breaks.
      let keys = ["topics", "records", "levels", "themes"].flatMap(document.mapping.fields.keys).map {
        $0 + ":"
      }
      return keys.contains(where: text.contains)
        ? Recognition(.possible, "a framework's keys in YAML that does not parse") : .no
    }
    switch shape(root, document.mapping.fields) {
    case .records: return Recognition(.likely, "`competencies` records that name their level")
    case .topics: return Recognition(.likely, "`topics` with `content` per level")
    case nil: return .no
    }
  }

  /// A node's text: a scalar's string, or `nil`.
  static func text(_ node: Node?) -> String? {
    guard case .scalar(let scalar)? = node else { return nil }
    let s = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
    return s.isEmpty ? nil : s
  }

  /// Reads the framework.
  public static func read(_ document: SourceDocument) throws(ImportError) -> ImportedDocument {
    guard let (text, firstLine) = yaml(document) else {
      throw ImportError(
        path: document.path, message: "holds no YAML, JSON or front matter",
        help: "name a .yaml, .yml or .json file, or a page whose front matter holds the framework")
    }
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      // A tab in front matter, a bad indent: an error at its place, and nothing of the document is read.
      let where_ = "\(error)".firstMatch(of: /(\d+):(\d+)/)
      let line = where_.flatMap { Int($0.1) }.map { $0 + firstLine - 1 }
      throw ImportError(
        path: document.path, line: line,
        message: "is not valid YAML\(where_.map { " (column \($0.2))" } ?? ""): \(Self.problem(error))",
        help: text.contains("\t")
          ? "YAML indents with spaces, never tabs; fix the line and import again"
          : "check the indentation and quotes at that line, and import again")
    } catch {
      throw ImportError(path: document.path, message: "is not valid YAML: \(error)")
    }
    guard let root, let shape = shape(root, document.mapping.fields) else {
      throw ImportError(
        path: document.path,
        message: "holds no `competencies` records with a `level`, nor `topics` with `content`",
        help:
          "docs/import.md (\"The structured reader\") shows the two shapes; a mapping file's `fields:` names other keys"
      )
    }
    func line(_ node: Node?) -> Int { (node?.mark?.line ?? 1) + firstLine - 1 }
    var reading = Reading(path: document.path, mapping: document.mapping)
    switch shape {
    case .records: reading.records(root, line: line)
    case .topics: reading.topics(root, line: line)
    }
    let sourceLines = (document.text ?? "").components(separatedBy: "\n")
    // A data file is the framework, every line; a page's front matter is, and its text after is reported.
    let yamlLines = text.components(separatedBy: "\n").count
    let used = Set(1...max(firstLine == 1 ? sourceLines.count : yamlLines + 2, 1))
    var skipped = reading.skipped
    if firstLine > 1 {
      for (i, raw) in sourceLines.enumerated() where i + 1 > yamlLines + 2 {
        let line = raw.trimmingCharacters(in: .whitespaces)
        if !line.isEmpty {
          skipped.append(
            SkippedLine(
              line: i + 1, text: line,
              reason: "the page's text after its front matter, which holds the framework"))
        }
      }
    }
    let title =
      Self.text(root["title"]) ?? Self.text(root["name"])
      ?? URL(fileURLWithPath: document.path).deletingPathExtension().lastPathComponent
    var imported = ImportedDocument(
      path: document.path, reader: ReaderChoice(StructuredReader.self), title: title, levels: reading.levels,
      skipped: skipped.sorted { $0.line < $1.line }, used: used)
    imported.competencies = reading.competencies
    imported.warnings = reading.warnings + unusedFields(document.mapping.fields, in: root)
    imported.proficiencyWords = reading.words
    return imported
  }

  /// A warning for each field name the mapping gives that the file never uses (`themes: pilars` in a file of
  /// `pillars`): that field was read under its usual names, which is seldom what was meant.
  static func unusedFields(_ fields: StructuredFields, in root: Node) -> [SkippedLine] {
    guard !fields.names.isEmpty else { return [] }
    // Every key of every mapping in the file, without recursion (a file may nest deeply).
    var keys = Set<String>()
    var stack = [root]
    while let node = stack.popLast() {
      switch node {
      case .mapping(let mapping):
        for (key, value) in mapping {
          if let text = key.string { keys.insert(text) }
          stack.append(value)
        }
      case .sequence(let sequence): stack.append(contentsOf: sequence)
      default: break
      }
    }
    return fields.names.sorted { $0.key < $1.key }.filter { !keys.contains($0.value) }.map { field, name in
      SkippedLine(
        line: 1, text: name,
        reason:
          "the mapping file names `\(name)` for `\(field)`, and this file has no `\(name)`: its usual names were read instead (\(fields.keys(field).dropFirst().map { "`\($0)`" }.joined(separator: ", ")))"
      )
    }
  }

  /// What libyaml said, without its own place (the error gives the place).
  static func problem(_ error: YamlError) -> String {
    switch error {
    case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _):
      return [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
    default: return "\(error)"
    }
  }

  /// The document as it is read: its levels and competencies by id, and what was skipped or warned about.
  struct Reading {
    let path: String
    var levels: [ImportedLevel] = []
    var levelIDs: [String: Int] = [:]
    var competencies: [ImportedCompetency] = []
    var competencyIDs: [String: Int] = [:]
    var skipped: [SkippedLine] = []
    var warnings: [SkippedLine] = []
    /// The proficiency words read, and what each means.
    var words: [String: String] = [:]

    /// What a mapping file says of the framework: its fields' names, its proficiency words.
    let mapping: ImportMapping
    var fields: StructuredFields { mapping.fields }

    init(path: String, mapping: ImportMapping) {
      self.path = path
      self.mapping = mapping
    }

    /// The text of `field` in `node`.
    func text(_ field: String, _ node: Node?) -> String? {
      StructuredReader.text(fields.value(field, in: node))
    }

    /// The level called `key` (an id or a name), added at the end when it is new.
    mutating func level(_ key: String, name: String? = nil, line: Int) -> Int {
      if let known = levelIDs[key.lowercased()] { return known }
      let (code, title) = MatrixReader.level(name ?? key) ?? (nil, name ?? key)
      levels.append(
        ImportedLevel(
          code: code, rank: levels.count + 1, title: title, line: line, archetype: nil, metadata: [:],
          statements: [], examples: []))
      levelIDs[key.lowercased()] = levels.count - 1
      return levels.count - 1
    }

    /// The competency called `key` (a theme's id or a topic's name), added when it is new.
    mutating func competency(_ key: String, name: String? = nil, area: String? = nil, line: Int) -> Int {
      if let known = competencyIDs[key.lowercased()] { return known }
      competencies.append(ImportedCompetency(name: name ?? key, area: area, line: line))
      competencyIDs[key.lowercased()] = competencies.count - 1
      return competencies.count - 1
    }

    /// A statement of `level` expressing `competency`, with the proficiency its word gives.
    mutating func statement(
      _ text: String, level: Int, competency: Int?, proficiency word: Node?, line: Int, example: Bool = false
    ) {
      var statement = ImportedText(text: text, section: competency.map { competencies[$0].name }, line: line)
      statement.competency = competency
      if let word = StructuredReader.text(word) {
        if let value = mapping.proficiency(of: word) {
          statement.proficiency = value
          words[word] = value
        } else {
          warnings.append(
            SkippedLine(
              line: line, text: word,
              reason:
                "`\(word)` is no proficiency word OrgGraph knows (Awareness, Foundational, Working knowledge, Practitioner, Expert and their kin; docs/import.md lists them)\(mapping.proficiency.isEmpty ? "" : " nor one the mapping file gives"): the statement is read without one; a mapping file's `proficiency:` says what a word means (`\(word): advanced`)"
            ))
        }
      }
      if example {
        levels[level].examples.append(statement)
      } else {
        levels[level].statements.append(statement)
      }
    }

    /// Flat records: `levels`, `themes`, then records naming their level and theme.
    mutating func records(_ root: Node, line: (Node?) -> Int) {
      for node in fields.value("levels", in: root)?.sequence ?? [] {
        guard let id = text("id", node) ?? text("name", node) ?? StructuredReader.text(node) else { continue }
        _ = level(id, name: text("name", node), line: line(node))
      }
      for node in fields.value("themes", in: root)?.sequence ?? [] {
        guard let id = text("id", node) ?? text("name", node) else { continue }
        _ = competency(id, name: text("name", node) ?? id, area: text("area", node), line: line(node))
      }
      for record in fields.value("records", in: root)?.sequence ?? [] {
        let summary = text("text", record)
        guard let levelKey = text("level", record), let summary else {
          skipped.append(
            SkippedLine(
              line: line(record), text: text("text", record) ?? "(a record)",
              reason:
                "a record with no `\(fields.keys("level")[0])` or no "
                + fields.keys("text").map { "`\($0)`" }.joined(separator: ", ")))
          continue
        }
        let theme = text("theme", record)
        let l = level(levelKey, line: line(record))
        let c = theme.map { competency($0, line: line(record)) }
        statement(
          summary, level: l, competency: c, proficiency: fields.value("proficiency", in: record),
          line: line(record))
      }
    }

    /// Nested topics: each topic's `content` per `level`, with `criteria` and `exampleCriteria`.
    mutating func topics(_ root: Node, line: (Node?) -> Int) {
      for topic in fields.value("topics", in: root)?.sequence ?? [] {
        guard let name = text("name", topic) else { continue }
        let c = competency(name, area: text("area", topic), line: line(topic))
        for content in fields.value("content", in: topic)?.sequence ?? [] {
          guard let levelKey = text("level", content) else {
            skipped.append(
              SkippedLine(line: line(content), text: name, reason: "a topic's content with no `level`"))
            continue
          }
          let l = level(levelKey, line: line(fields.value("level", in: content)))
          let proficiency = fields.value("proficiency", in: content)
          for criterion in fields.value("criteria", in: content)?.sequence ?? [] {
            guard let said = StructuredReader.text(criterion) ?? text("criterion", criterion) else {
              continue
            }
            statement(said, level: l, competency: c, proficiency: proficiency, line: line(criterion))
          }
          for entry in fields.value("example_criteria", in: content)?.sequence ?? [] {
            if let said = text("criterion", entry) {
              statement(
                said, level: l, competency: c, proficiency: proficiency,
                line: line(fields.value("criterion", in: entry) ?? entry))
            }
            for example in fields.value("examples", in: entry)?.sequence ?? [] {
              guard let said = StructuredReader.text(example) else { continue }
              statement(said, level: l, competency: c, proficiency: nil, line: line(example), example: true)
            }
          }
        }
      }
    }
  }
}

extension ReaderChoice {
  /// Frameworks as YAML, JSON or front matter.
  public static let structured = ReaderChoice(StructuredReader.self)
}
