import Foundation
import OrgGraph
import Yams

/// Links imported statements to competencies, deterministically and explainably: the statement's text is
/// normalised (case, accents, British and US spellings folded), its proficiency and aspect cues are read
/// ("familiarity with" → awareness, "proficient" → advanced, "mentor" → teach …), and its words are matched
/// against each competency's name and aliases and against the rules of a reviewable mapping file. Every link
/// says how it was made (`matched_by`) and how sure it is (`confidence`).
public struct CompetencyLinker: Sendable {
  /// One competency a statement expresses.
  public struct Link: Sendable, Hashable {
    /// The competency's id.
    public var competency: String
    /// The proficiency the statement's words give, if any.
    public var proficiency: String?
    /// `teach` or `lead`, when the statement is about teaching or leading it.
    public var aspect: String?
    /// How the link was made: `name "Kubernetes"`, `alias "k8s"`, `rule "infra as code"`.
    public var matchedBy: String
    /// 1 for a rule someone wrote, 0.9 for a name, 0.8 for an alias.
    public var confidence: Double
  }

  /// A phrase that points at a competency.
  struct Phrase: Sendable {
    var words: [String]
    var competency: String
    var how: String
    var confidence: Double
  }

  /// The competencies links may point at: id, name and aliases (for the Graph folder's competencies file).
  public let competencies: [(id: String, name: String, area: String?, aliases: [String])]
  let phrases: [Phrase]
  /// Phrases the mapping file says to ignore (they look like a competency but are not one).
  let ignored: [[String]]

  /// A linker over the competencies of `graph` (the default graph's taxonomy, or another) and the rules of a
  /// mapping file (YAML: `rules: [{phrase: …, competency: competency:…}]`, `ignore: [phrase, …]`).
  public init(taxonomy graph: Graph, mapping: String? = nil) throws(ImportError) {
    var competencies: [(String, String, String?, [String])] = []
    var phrases: [Phrase] = []
    for node in graph.nodes(ofKind: "competency") {
      let id = graph.id(of: node)
      let name = graph.name(of: node)
      var aliases: [String] = []
      if case .strings(let list)? = graph.property("aliases", of: node) { aliases = list }
      var area: String?
      if case .string(let a)? = graph.property("area", of: node) { area = a }
      competencies.append((id, name, area, aliases))
      phrases.append(
        Phrase(words: Self.words(name), competency: id, how: "name \"\(name)\"", confidence: 0.9))
      for alias in aliases {
        phrases.append(
          Phrase(words: Self.words(alias), competency: id, how: "alias \"\(alias)\"", confidence: 0.8))
      }
    }
    var ignored: [[String]] = []
    if let mapping {
      let known = Set(competencies.map(\.0))
      do {
        guard let root = try Yams.load(yaml: mapping) as? [String: Any] else {
          throw ImportError(path: "mapping", message: "is not a YAML mapping with `rules:` and `ignore:`")
        }
        for rule in root["rules"] as? [[String: Any]] ?? [] {
          guard let phrase = rule["phrase"] as? String, let id = rule["competency"] as? String else {
            throw ImportError(path: "mapping", message: "a rule needs `phrase:` and `competency:`")
          }
          guard known.contains(id) else {
            throw ImportError(
              path: "mapping", message: "the rule for \"\(phrase)\" names `\(id)`, which is not a competency")
          }
          phrases.append(
            Phrase(words: Self.words(phrase), competency: id, how: "rule \"\(phrase)\"", confidence: 1))
        }
        ignored = (root["ignore"] as? [String] ?? []).map(Self.words)
      } catch let error as ImportError {
        throw error
      } catch {
        throw ImportError(path: "mapping", message: "is not valid YAML: \(error)")
      }
    }
    self.competencies = competencies
    // Longer phrases first, so "cloud security" wins over "security"; at one length, rules before names
    // before aliases.
    self.phrases = phrases.filter { !$0.words.isEmpty }.sorted {
      ($0.words.count, $0.confidence) > ($1.words.count, $1.confidence)
    }
    self.ignored = ignored
  }

  /// Words with case, accents, US spellings and common endings folded: `Virtualization` → `virtualisation`,
  /// `mentoring` → `mentor`.
  static func words(_ text: String) -> [String] {
    Graph.searchWords(text).map { word -> String in
      var w = word
      for (us, uk) in [
        ("ization", "isation"), ("izing", "ising"), ("ized", "ised"), ("yzing", "ysing"), ("yze", "yse"),
      ]
      where w.hasSuffix(us) {
        w = String(w.dropLast(us.count)) + uk
      }
      if w.hasSuffix("ize"), w.count > 5 { w = String(w.dropLast(3)) + "ise" }
      w =
        [("behavior", "behaviour"), ("favor", "favour"), ("modeling", "modelling"), ("labeled", "labelled")]
        .first { $0.0 == w }?.1 ?? w
      return Graph.stem(w)
    }
  }

  /// Proficiency cues, strongest first.
  static let proficiencyCues: [(phrase: [String], proficiency: String)] = [
    (["expertise"], "expert"), (["expert"], "expert"), (["advanced"], "advanced"),
    (["proficient"], "advanced"),
    (["deep", "understanding"], "advanced"), (["competently"], "working"), (["confidently"], "working"),
    (["solid"], "working"), (["experience", "with"], "working"), (["experienced"], "working"),
    (["becoming", "proficient"], "foundational"), (["learning"], "foundational"),
    (["developing"], "foundational"),
    (["familiarity"], "awareness"), (["familiar"], "awareness"), (["awareness"], "awareness"),
    (["basic"], "awareness"),
  ]

  static let aspectCues: [(phrase: [String], aspect: String)] = [
    (["mentor"], "teach"), (["mentoring"], "teach"), (["teach"], "teach"), (["coach"], "teach"),
    (["train", "others"], "teach"), (["lead"], "lead"), (["guide", "my", "team"], "lead"),
    (["drive"], "lead"),
  ]

  /// The cues folded once, like a statement's words (`learning` → `learn`).
  static let foldedProficiencyCues = proficiencyCues.map {
    (phrase: words($0.phrase.joined(separator: " ")), proficiency: $0.proficiency)
  }
  static let foldedAspectCues = aspectCues.map {
    (phrase: words($0.phrase.joined(separator: " ")), aspect: $0.aspect)
  }

  /// Where `phrase` starts in `words`, word for word.
  static func contains(_ words: [String], _ phrase: [String]) -> Int? {
    guard let first = phrase.first, words.count >= phrase.count else { return nil }
    for i in 0...(words.count - phrase.count) where words[i] == first {
      var k = 1
      while k < phrase.count, words[i + k] == phrase[k] { k += 1 }
      if k == phrase.count { return i }
    }
    return nil
  }

  /// The competencies `text` expresses.
  public func links(for text: String) -> [Link] {
    var words = Self.words(text)
    for phrase in ignored {
      while let i = Self.contains(words, phrase) {
        words.replaceSubrange(i..<(i + phrase.count), with: ["·"])
      }
    }
    let proficiency = Self.foldedProficiencyCues.first { Self.contains(words, $0.phrase) != nil }?.proficiency
    let aspect = Self.foldedAspectCues.first { Self.contains(words, $0.phrase) != nil }?.aspect
    var out: [Link] = []
    var taken = words
    // Only phrases whose first word the statement has can match (the taxonomy has hundreds).
    let present = Set(words)
    for phrase in phrases where present.contains(phrase.words[0]) {
      guard let i = Self.contains(taken, phrase.words),
        !out.contains(where: { $0.competency == phrase.competency })
      else { continue }
      // A matched phrase is used up, so "cloud security" does not also give "security".
      taken.replaceSubrange(i..<(i + phrase.words.count), with: ["·"])
      out.append(
        Link(
          competency: phrase.competency, proficiency: proficiency, aspect: aspect, matchedBy: phrase.how,
          confidence: phrase.confidence))
    }
    return out
  }
}
