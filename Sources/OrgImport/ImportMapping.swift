import Foundation
import OrgGraph
import Yams

/// A mapping file: what `orgraph import --mapping FILE` is told about a framework that its documents do not
/// say themselves — whose documents they are, which reader reads which, the names a structured file gives
/// its fields, the proficiency words it uses, and rules for linking its sentences to competencies.
///
/// ```yaml
/// organisation: Acme Inc
/// organisations:
///   - {name: Beta Ltd, documents: "beta/*"}
/// readers:
///   - {reader: matrix, documents: "*.csv"}
/// fields: {records: behaviours, level: grade, theme: pillar, text: behaviour, proficiency: rating}
/// proficiency: {Emerging: foundational, Leads: expert}
/// rules:
///   - {phrase: on-call, competency: "competency:incident-response"}
/// ignore: [at scale]
/// ```
///
/// Every key is optional. A key the file does not know is an error at its line, never ignored: a misspelt
/// key would otherwise change nothing, silently. docs/mapping.schema.json is the same contract as a JSON
/// Schema, for editors.
public struct ImportMapping: Sendable, Hashable {
  /// A linking rule: sentences holding `phrase` express `competency`.
  public struct Rule: Sendable, Hashable {
    /// The words, matched as the linker matches a competency's name.
    public var phrase: String
    /// The competency's id: `competency:incident-response`.
    public var competency: String
    /// The rule's line in the mapping file.
    public var line: Int
  }

  /// The organisation of the documents no other rule names (as `--organisation NAME`).
  public var organisation: String?
  /// The organisation of the documents each pattern matches.
  public var organisations: [OrganisationRule] = []
  /// The reader of the documents each pattern matches.
  public var readers: [ReaderRule] = []
  /// The names a structured file gives its fields.
  public var fields = StructuredFields()
  /// Proficiency words the framework uses, each with the scale's case it means (`Emerging: foundational`).
  public var proficiency: [String: String] = [:]
  /// Linking rules.
  public var rules: [Rule] = []
  /// Phrases that look like a competency's name but do not mean it here.
  public var ignore: [String] = []

  /// The keys a mapping file may have.
  public static let keys = [
    "organisation", "organisations", "readers", "fields", "proficiency", "rules", "ignore",
  ]
  /// The scale's cases a proficiency word may mean.
  public static let scale = ["awareness", "foundational", "working", "advanced", "expert"]

  /// An empty mapping: nothing more than the documents say.
  public init() {}

  /// The mapping file `text`, read from `path` (for its errors' places).
  public init(yaml text: String, path: String) throws(ImportError) {
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      let place = "\(error)".firstMatch(of: /(\d+):(\d+)/)
      throw ImportError(
        path: path, line: place.flatMap { Int($0.1) },
        message: "is not valid YAML: \(StructuredReader.problem(error))",
        help: text.contains("\t")
          ? "YAML indents with spaces, never tabs; docs/import.md shows a mapping file"
          : "check the indentation and quotes at that line; docs/import.md shows a mapping file")
    } catch {
      throw ImportError(path: path, message: "is not valid YAML: \(error)")
    }
    guard let root else { return }
    try MappingReader(path: path).read(root, into: &self)
  }

  /// The mapping file at `path`.
  public init(contentsOf path: String) throws(ImportError) {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ImportError(path: path, message: "cannot be read", help: "check the path and its permissions")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ImportError(path: path, message: "is not UTF-8 text")
    }
    try self.init(yaml: Importer.unixLineEnds(text), path: path)
  }

  /// The scale's case `word` means: the mapping's own words first, then the words frameworks commonly use.
  public func proficiency(of word: String) -> String? {
    let key = word.lowercased().trimmingCharacters(in: .whitespaces)
    if let own = proficiency.first(where: { $0.key.lowercased() == key }) { return own.value }
    return StructuredReader.proficiency(of: word)
  }
}

/// The names a structured framework file gives its fields, where they are not the usual ones: each is tried
/// first, then the usual names (docs/import.md lists both).
public struct StructuredFields: Sendable, Hashable {
  /// Each field's usual names, in the order they are tried.
  public static let usual: [(field: String, names: [String], what: String)] = [
    ("levels", ["levels"], "the list of levels"),
    ("themes", ["themes", "areas", "categories"], "the list of themes (the organisation's competencies)"),
    ("records", ["competencies", "expectations", "criteria"], "the list of records, each naming its level"),
    ("id", ["id"], "a level's or theme's id, which records name"),
    ("name", ["name", "title"], "a level's, theme's or topic's name"),
    ("area", ["area", "category"], "a theme's or topic's area"),
    ("level", ["level"], "a record's (or a topic content's) level"),
    ("theme", ["theme", "area", "category", "competency"], "a record's theme"),
    ("text", ["summary", "description", "text", "name"], "a record's statement"),
    ("proficiency", ["proficiency"], "a record's (or a topic content's) proficiency word"),
    ("topics", ["topics"], "the list of topics"),
    ("content", ["content"], "a topic's list of content per level"),
    ("criteria", ["criteria"], "a topic content's list of statements"),
    ("example_criteria", ["exampleCriteria"], "a topic content's list of criteria with examples"),
    ("criterion", ["criteria", "criterion"], "such a criterion's statement"),
    ("examples", ["examples"], "such a criterion's examples"),
  ]

  /// The names the mapping gives, by field.
  public var names: [String: String] = [:]

  /// No names of its own: the usual ones.
  public init(_ names: [String: String] = [:]) { self.names = names }

  /// The names to try for `field`: the mapping's, then the usual ones.
  func keys(_ field: String) -> [String] {
    let usual = Self.usual.first { $0.field == field }?.names ?? [field]
    return names[field].map { [$0] + usual.filter { u in u != names[field] } } ?? usual
  }

  /// The first of `field`'s names that `node` has.
  func value(_ field: String, in node: Node?) -> Node? {
    guard let node else { return nil }
    for key in keys(field) { if let value = node[key] { return value } }
    return nil
  }
}

/// An organisation for the documents a pattern matches: `--organisation "Beta Ltd=beta/*"`.
public struct OrganisationRule: Sendable, Hashable {
  /// The organisation's name.
  public var name: String
  /// A shell pattern, matched as ``ReaderRule/matches(_:)`` matches (`nil`: every document).
  public var pattern: String?

  /// `name` for the documents `pattern` matches.
  public init(_ name: String, pattern: String? = nil) {
    self.name = name
    self.pattern = pattern
  }

  /// `NAME` or `NAME=PATTERN`, as `--organisation` takes it.
  public init(argument: String) {
    let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
    self.init(
      String(parts[0]).trimmingCharacters(in: .whitespaces),
      pattern: parts.count > 1 ? String(parts[1]) : nil)
  }

  /// Whether the rule applies to the document at `path`.
  public func matches(_ path: String) -> Bool { ReaderRule.matches(pattern, path) }
}

/// Reads a mapping file's nodes, with the line of each problem.
private struct MappingReader {
  let path: String

  func line(_ node: Node) -> Int { node.mark?.line ?? 1 }

  func problem(_ node: Node, _ message: String, help: String? = nil) -> ImportError {
    ImportError(path: path, line: line(node), message: message, help: help)
  }

  func string(_ node: Node, _ what: String) throws(ImportError) -> String {
    guard case .scalar(let scalar) = node,
      case let text = scalar.string.trimmingCharacters(in: .whitespaces), !text.isEmpty
    else {
      throw problem(node, "\(what) needs a text")
    }
    return text
  }

  func pairs(_ node: Node, _ what: String, keys: [String]) throws(ImportError) -> [(String, Node)] {
    guard case .mapping(let mapping) = node else {
      throw problem(node, "\(what) needs a mapping (`key: value` lines)")
    }
    var out: [(String, Node)] = []
    for (key, value) in mapping {
      let name = try string(key, "a key")
      guard keys.isEmpty || keys.contains(name) else {
        let suggestion =
          Suggestions.closest(to: name, in: keys, limit: 1).first.map {
            " (\(Suggestions.question($0)))"
          } ?? ""
        throw problem(
          key, "`\(name)` is no key of \(what)\(suggestion)",
          help: "its keys are " + keys.map { "`\($0)`" }.joined(separator: ", "))
      }
      out.append((name, value))
    }
    return out
  }

  /// An organisation's name: a text with a letter or digit in it (ids are made of those).
  func name(_ node: Node, _ what: String) throws(ImportError) -> String {
    let text = try string(node, what)
    guard text.contains(where: { $0.isLetter || $0.isNumber }) else {
      throw problem(node, "\(what) needs a name with a letter or digit in it, like `Acme Inc`")
    }
    return text
  }

  /// A list item of exactly two keys, both needed: `{name: …, documents: …}`.
  func pair(_ item: Node, _ what: String, _ first: String, _ second: String) throws(ImportError) -> (
    Node, Node
  ) {
    let fields = Dictionary(try pairs(item, what, keys: [first, second]), uniquingKeysWith: { a, _ in a })
    guard let a = fields[first], let b = fields[second] else {
      throw problem(item, "\(what) needs `\(first)` and `\(second)`")
    }
    return (a, b)
  }

  func list(_ node: Node, _ what: String) throws(ImportError) -> [Node] {
    guard case .sequence(let sequence) = node else { throw problem(node, "\(what) needs a list") }
    return Array(sequence)
  }

  func read(_ root: Node, into mapping: inout ImportMapping) throws(ImportError) {
    for (key, value) in try pairs(root, "a mapping file", keys: ImportMapping.keys) {
      switch key {
      case "organisation":
        mapping.organisation = try name(value, "`organisation`")
      case "organisations":
        for item in try list(value, "`organisations`") {
          let (name, documents) = try pair(item, "an organisation", "name", "documents")
          mapping.organisations.append(
            OrganisationRule(try self.name(name, "`name`"), pattern: try string(documents, "`documents`")))
        }
      case "readers":
        for item in try list(value, "`readers`") {
          let (name, documents) = try pair(item, "a reader", "reader", "documents")
          let readerName = try string(name, "`reader`")
          guard let choice = ReaderChoice(rawValue: readerName) else {
            let names = ReaderChoice.allCases.map(\.rawValue)
            throw problem(
              name, "`\(readerName)` is no reader",
              help: "the readers are " + names.joined(separator: ", "))
          }
          mapping.readers.append(ReaderRule(choice, pattern: try string(documents, "`documents`")))
        }
      case "fields":
        for (field, name) in try pairs(value, "`fields`", keys: StructuredFields.usual.map(\.field)) {
          mapping.fields.names[field] = try string(name, "`\(field)`")
        }
      case "proficiency":
        for (word, meaning) in try pairs(value, "`proficiency`", keys: []) {
          let scale = try string(meaning, "`\(word)`").lowercased()
          guard ImportMapping.scale.contains(scale) else {
            throw problem(
              meaning, "`\(scale)` is no proficiency of the scale",
              help: "a word means one of " + ImportMapping.scale.joined(separator: ", "))
          }
          mapping.proficiency[word] = scale
        }
      case "rules":
        for item in try list(value, "`rules`") {
          let (phrase, competency) = try pair(item, "a rule", "phrase", "competency")
          mapping.rules.append(
            ImportMapping.Rule(
              phrase: try string(phrase, "`phrase`"), competency: try string(competency, "`competency`"),
              line: line(item)))
        }
      default:  // "ignore"
        mapping.ignore = try list(value, "`ignore`").map { (node) throws(ImportError) in
          try string(node, "a phrase to ignore")
        }
      }
    }
  }
}
