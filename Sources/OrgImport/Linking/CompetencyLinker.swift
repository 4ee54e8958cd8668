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
    /// How sure the match is: 1 for a rule someone wrote; 0.85 for a name or alias of several words, 0.75
    /// for a one-word name, 0.6 for a one-word alias (``CompetencyLinker/confidence(name:words:)``).
    public var confidence: Double
    /// The words that gave the proficiency ("solid understanding"), when a cue did.
    public var cue: String? = nil
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
  /// Each competency's description, by id, where it has one.
  public let descriptions: [String: String]
  /// The folded words of each description, by id, made once (the import's review list asks for them).
  let descriptionWords: [String: Set<String>]
  let phrases: [Phrase]
  /// Phrases the mapping file says to ignore (they look like a competency but are not one).
  let ignored: [[String]]
  /// Words the taxonomy writes in lower case and never capitalises inside a sentence: common words, which
  /// a statement capitalises only when they are a name ("the Cloud Platform", "Support, Sales and TAM").
  let commonWords: Set<String>

  /// A linker over the competencies of `graph` and the rules of a mapping file's text (YAML: `rules:
  /// [{phrase: …, competency: competency:…}]`, `ignore: [phrase, …]`, and the other keys of
  /// ``ImportMapping``).
  public init(taxonomy graph: Graph, mapping: String?) throws(ImportError) {
    try self.init(
      taxonomy: graph,
      mapping: try mapping.map { (text) throws(ImportError) in
        try ImportMapping(yaml: text, path: "mapping")
      } ?? ImportMapping())
  }

  /// A linker over the competencies of `graph` (the default graph's taxonomy, or another) and the linking
  /// rules and ignored phrases of `mapping`; a rule naming no competency of `graph` is an error at its line.
  public init(taxonomy graph: Graph, mapping: ImportMapping = ImportMapping()) throws(ImportError) {
    var competencies: [(String, String, String?, [String])] = []
    var phrases: [Phrase] = []
    var descriptions: [String: String] = [:]
    for node in graph.nodes(ofKind: "competency") {
      let id = graph.id(of: node)
      let name = graph.name(of: node)
      var aliases: [String] = []
      if case .strings(let list)? = graph.property("aliases", of: node) { aliases = list }
      var area: String?
      if case .string(let a)? = graph.property("area", of: node) { area = a }
      competencies.append((id, name, area, aliases))
      if case .string(let d)? = graph.property("description", of: node) { descriptions[id] = d }
      // A name or alias, and a compound of two words said as a verb and its object: "code review" as
      // "reviews code", "customer support" as "supports customers" — less sure than the compound. Not one that
      // is already a verb and its object, or an adjective and its noun ("developing people", "engaged team").
      for (text, isName) in [(name, true)] + aliases.map({ ($0, false) }) {
        let words = Self.words(text)
        let how = "\(isName ? "name" : "alias") \"\(text)\""
        phrases.append(
          Phrase(
            words: words, competency: id, how: how,
            confidence: Self.confidence(name: isName, words: words.count)))
        let written = Self.tokens(text).map { $0.lowercased() }
        if words.count == 2, words[0] != words[1], written.count == 2,
          !written[0].hasSuffix("ing"), !written[0].hasSuffix("ed")
        {
          phrases.append(
            Phrase(words: words.reversed(), competency: id, how: how + " (as a verb)", confidence: 0.75))
        }
      }
    }
    let known = Set(competencies.map(\.0))
    for rule in mapping.rules {
      guard known.contains(rule.competency) else {
        let close = Suggestions.closest(to: rule.competency, in: known, limit: 1).first
        throw ImportError(
          path: "mapping", line: rule.line,
          message: "the rule for \"\(rule.phrase)\" names `\(rule.competency)`, which is not a competency",
          help: close.map(Suggestions.question)
            ?? "`orgraph query 'competencies | select id, name'` lists the competencies")
      }
      phrases.append(
        Phrase(
          words: Self.words(rule.phrase), competency: rule.competency, how: "rule \"\(rule.phrase)\"",
          confidence: 1))
    }
    let ignored = mapping.ignore.map(Self.words) + Self.sizes
    self.competencies = competencies
    self.descriptions = descriptions
    self.descriptionWords = descriptions.mapValues { Set(Self.words($0)) }
    // Longer phrases first, so "cloud security" wins over "security"; at one length, rules before names
    // before aliases.
    self.phrases = phrases.filter { !$0.words.isEmpty }.sorted {
      ($0.words.count, $0.confidence) > ($1.words.count, $1.confidence)
    }
    self.ignored = ignored
    var lower = Set<String>()
    var capitalised = Set<String>()
    for c in competencies {
      for text in [c.1] + c.3 + [descriptions[c.0] ?? ""] {
        for (n, token) in Self.tokens(text).enumerated() {
          let first = token.first.map { $0.isUppercase } ?? false
          let folded = Self.words(String(token))
          if first && n > 0 { capitalised.formUnion(folded) } else if !first { lower.formUnion(folded) }
        }
      }
    }
    self.commonWords = lower.subtracting(capitalised)
  }

  /// Words with case, accents, US spellings and common endings folded: `Virtualization` → `virtualisation`,
  /// `mentoring` → `mentor`, `SLAs` → `sla`, `processes` → `process`.
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
        [
          ("behavior", "behaviour"), ("behaviors", "behaviours"), ("favor", "favour"),
          ("modeling", "modelling"),
          ("labeled", "labelled"), ("center", "centre"), ("centers", "centres"), ("catalog", "catalogue"),
          ("defense", "defence"), ("license", "licence"), ("judgment", "judgement"), ("color", "colour"),
        ]
        .first { $0.0 == w }?.1 ?? w
      // Short plurals the shared stemmer leaves alone (`SLAs`, `APIs`, `OKRs`, `1:1s`), and `-ies`.
      if w.hasSuffix("ies"), w.count > 4 {
        w = String(w.dropLast(3)) + "y"
      } else if w.count >= 3, w.count <= 5, w.hasSuffix("s"), !w.hasSuffix("ss"), !w.hasSuffix("us") {
        w.removeLast()
      }
      // "process" keeps its double s, as "processes" does once the stemmer takes "es" off.
      if w.hasSuffix("ss") { return w }
      // A person is not their activity: "influencers", "leaders" and "managers" keep their "-er", so they
      // are not Influence, Leadership or management; "delivers" is still "deliver".
      if w.hasSuffix("ers"), w.count > 5 { w.removeLast() }
      if w.hasSuffix("er"), w.count > 4 { return w }
      // Nor is an "-eer" their field: "software engineers" and "a sales engineer" are people, not Software
      // engineering or Sales engineering, so "engineering" keeps its ending.
      if w.hasSuffix("eering") { return w }
      return Graph.stem(w)
    }
  }

  /// Proficiency cues: the words of a proficiency scale, and the level each gives. A cue rates only the
  /// competencies it modifies — phrases that start within ``cueReach`` words after it ("familiarity with
  /// AWS, Azure and GCP"), or the phrase just before a noun of skill ("security expertise") — so a level is
  /// never guessed from a word elsewhere in the sentence. Manner words ("confidently", "competently") and
  /// "learning" give none: they say how or that, not how well.
  static let proficiencyCues: [(phrase: String, proficiency: String)] = [
    ("expertise", "expert"), ("expert", "expert"), ("mastery", "expert"),
    ("advanced", "advanced"), ("proficient", "advanced"), ("proficiency", "advanced"),
    ("deep understanding", "advanced"), ("deep knowledge", "advanced"), ("strong understanding", "advanced"),
    ("strong knowledge", "advanced"), ("in depth knowledge", "advanced"),
    ("in depth understanding", "advanced"),
    ("solid understanding", "working"), ("solid knowledge", "working"), ("solid grasp", "working"),
    ("good understanding", "working"), ("good knowledge", "working"), ("working knowledge", "working"),
    ("experience with", "working"), ("experience in", "working"), ("experienced with", "working"),
    ("experienced in", "working"), ("hands on experience", "working"), ("competent", "working"),
    ("becoming proficient", "foundational"), ("basic understanding", "foundational"),
    ("basic knowledge", "foundational"), ("foundational knowledge", "foundational"),
    ("familiarity", "awareness"), ("familiar", "awareness"), ("awareness of", "awareness"),
    ("aware of", "awareness"), ("exposure to", "awareness"),
  ]

  /// The nouns of skill that rate the phrase just before them: "security expertise", "Go experience".
  static let trailingCues: [(phrase: String, proficiency: String)] = [
    ("expertise", "expert"), ("proficiency", "advanced"), ("experience", "working"),
  ]

  /// The nouns of skill among the cues: they rate a phrase after them only through a preposition.
  static let nounCues: Set<[String]> = Set(
    ["expertise", "mastery", "proficiency", "familiarity"].map { words($0) })

  /// The prepositions that carry a noun of skill to what it rates: "expertise in", "familiarity with".
  static let cuePrepositions: Set<String> = Set(words("in with of on across around for"))

  /// Words in -ing that are no verb a noun of skill could be about: "expertise during reviews".
  static let notVerbs: Set<String> = [
    "during", "including", "regarding", "concerning", "following", "according", "something", "anything",
    "nothing", "everything",
  ]

  /// The words right before a phrase that say it is absent: "little collaboration", "no documentation",
  /// "without supervision".
  static let negations: Set<String> = Set(words("no little without"))

  /// How many words after a cue a phrase may start and still be the cue's.
  static let cueReach = 4

  /// Aspect cues: a phrase after one of these is taught or led.
  static let aspectCues: [(phrase: String, aspect: String)] = [
    ("mentor", "teach"), ("teach", "teach"), ("coach", "teach"), ("train others", "teach"),
    ("lead", "lead"), ("guide my team", "lead"), ("drive", "lead"),
  ]

  /// The cues folded once, like a statement's words (`learning` → `learn`), longest first.
  static let foldedProficiencyCues = proficiencyCues.map {
    (phrase: words($0.phrase), proficiency: $0.proficiency)
  }
  .sorted { $0.phrase.count > $1.phrase.count }
  static let foldedTrailingCues = trailingCues.map { (phrase: words($0.phrase), proficiency: $0.proficiency) }
  static let foldedAspectCues = aspectCues.map { (phrase: words($0.phrase), aspect: $0.aspect) }
    .sorted { $0.phrase.count > $1.phrase.count }

  /// Where `phrase` starts in `words`, word for word.
  static func contains(_ words: [String], _ phrase: [String]) -> Int? {
    guard let first = phrase.first, words.count >= phrase.count else { return nil }
    for i in 0...(words.count - phrase.count) where words[i] == first {
      if matches(words, phrase, at: i) { return i }
    }
    return nil
  }

  /// Whether `phrase` is at `i` in `words`.
  static func matches(_ words: [String], _ phrase: [String], at i: Int) -> Bool {
    guard i >= 0, i + phrase.count <= words.count else { return false }
    for k in phrase.indices where words[i + k] != phrase[k] { return false }
    return true
  }

  /// A cue found in a statement: where its words are, and what it gives.
  struct Cue {
    var start: Int
    var end: Int
    var value: String
  }

  /// The cues of `table` in `words`, left to right, the longest at each place, none overlapping.
  static func cues(_ words: [String], _ table: [(phrase: [String], value: String)]) -> [Cue] {
    var out: [Cue] = []
    var i = 0
    while i < words.count {
      if let cue = table.first(where: { matches(words, $0.phrase, at: i) }) {
        out.append(Cue(start: i, end: i + cue.phrase.count, value: cue.value))
        i += cue.phrase.count
      } else {
        i += 1
      }
    }
    return out
  }

  /// The confidence of a match, as measured on the labelled set (docs/link-quality.md): a phrase of several
  /// words, name or alias, is right about four times in five; a single word less often, a single alias
  /// little more than half the time — those are the links to review.
  static func confidence(name: Bool, words: Int) -> Double {
    switch (name, words > 1) {
    case (_, true): return 0.85
    case (true, false): return 0.75
    case (false, false): return 0.6
    }
  }

  /// The words a team, a group or a channel is named with: "the sales team", "UX and operations teams",
  /// "product managers". A competency's phrase right before one (or before "and X" and one) names people,
  /// not the skill.
  static let groupNouns: Set<String> = Set(
    words(
      "team teams group groups department departments org organisation organization function functions channel channels manager managers engineer engineers leaders folks colleagues"
    ))

  /// Competencies whose name is also the name of a part of a company: after "to", "its", "their", "with" or
  /// "like" ("presents to leadership", "partner with marketing and customer success", "teams like support"),
  /// or after "and"/"or" and one of them, they name the people, not the skill.
  static let departments: [[String]] = [
    "leadership", "marketing", "sales", "support", "customer success", "finance", "legal", "operations",
  ].map { words($0) }

  /// The words before a department's name that make it the people: "to leadership", "with marketing".
  static let departmentCues: Set<String> = Set(words("to its their with like"))

  /// Whether the phrase `range` is a department's name used for its people (``departments``), alone or in a
  /// list of them ("teams like support, sales and customer success"). "Experience with sales" is the skill.
  static func namesADepartment(_ words: [String], _ range: Range<Int>) -> Bool {
    guard departments.contains(Array(words[range])) else { return false }
    var i = range.lowerBound
    while i > 0 {
      if departmentCues.contains(words[i - 1]) {
        return !(words[i - 1] == "with" && i >= 2 && skillBeforeWith.contains(words[i - 2]))
      }
      var j = i
      if ["and", "or"].contains(words[j - 1]) { j -= 1 }
      guard let previous = departments.first(where: { j >= $0.count && matches(words, $0, at: j - $0.count) })
      else { return false }
      i = j - previous.count
    }
    return false
  }

  /// Words that make "with" a skill's: "experience with sales", "familiar with marketing".
  static let skillBeforeWith: Set<String> = Set(words("experience experienced familiar familiarity skilled"))

  /// Words of size, not of a skill: "large-scale projects" and "at scale" are not Scalability.
  static let sizes: [[String]] = ["large scale", "small scale", "full scale", "at scale"].map { words($0) }

  /// The words of `text` as written (case kept), split as ``words(_:)`` splits them.
  static func tokens(_ text: String) -> [Substring] {
    text.split(whereSeparator: { !($0.isLetter || $0.isNumber) })
  }

  /// Whether the phrase ending before `end` names a group of people: a group noun follows it, or follows
  /// "and"/"or" and one more word.
  static func namesAGroup(_ words: [String], end: Int) -> Bool {
    if end < words.count, groupNouns.contains(words[end]) { return true }
    if end + 2 < words.count, ["and", "or"].contains(words[end]), groupNouns.contains(words[end + 2]) {
      return true
    }
    return false
  }

  /// Whether the words `range` of a statement are a name: a channel or handle (`#product-delivery`), or
  /// words each capitalised, not at the start of a sentence, in a statement that is not written in title
  /// case, and common words of the taxonomy ("the Cloud Platform").
  func isAName(_ range: Range<Int>, in text: String, tokens: [Substring], words: [String]) -> Bool {
    guard tokens.count == words.count else { return false }
    // A channel or a handle: `#product-delivery`, `@support`.
    let start = tokens[range.lowerBound].startIndex
    if start > text.startIndex, "#@".contains(text[text.index(before: start)]) { return true }
    guard range.lowerBound > 0 else { return false }
    let capitalisedCount = tokens.filter { $0.first?.isUppercase == true }.count
    guard capitalisedCount * 2 < tokens.count else { return false }
    for k in range {
      guard tokens[k].first?.isUppercase == true, tokens[k].dropFirst().allSatisfy({ !$0.isUppercase }),
        commonWords.contains(words[k])
      else { return false }
    }
    // The character before the first word, spaces aside: a sentence's end or a list's mark starts anew.
    var i = tokens[range.lowerBound].startIndex
    while i > text.startIndex {
      i = text.index(before: i)
      let c = text[i]
      if c == " " { continue }
      return !".!?:;•*\"“(".contains(c)
    }
    return false
  }

  /// The competencies `text` expresses.
  public func links(for text: String) -> [Link] {
    var words = Self.words(text)
    let written = Graph.searchWords(text)
    let cased = Self.tokens(text)
    for phrase in ignored {
      while let i = Self.contains(words, phrase) {
        words.replaceSubrange(i..<(i + phrase.count), with: Array(repeating: "·", count: phrase.count))
      }
    }
    let proficiencies = Self.cues(words, Self.foldedProficiencyCues.map { ($0.phrase, $0.proficiency) })
    let aspects = Self.cues(words, Self.foldedAspectCues.map { ($0.phrase, $0.aspect) })
    var found: [(link: Link, start: Int)] = []
    var taken = words
    // Cue words are no competency's words ("experience with" is not a competency called Experience).
    for cue in proficiencies {
      for k in cue.start..<cue.end { taken[k] = "·" }
    }
    // Where a comma, a full stop or a bracket falls between two words: a phrase does not run across one
    // ("teams like support, customer advisory" has no Customer support). A slash joins ("CI/CD").
    var breaks = Set<Int>()
    if cased.count == words.count {
      for k in cased.indices.dropFirst()
      where text[cased[k - 1].endIndex..<cased[k].startIndex].contains(where: { ",;.:!?()[]|".contains($0) })
      {
        breaks.insert(k)
      }
    }
    // Only phrases whose first word the statement has can match (the taxonomy has hundreds).
    let present = Set(words)
    for phrase in phrases where present.contains(phrase.words[0]) {
      guard let i = Self.contains(taken, phrase.words) else { continue }
      if phrase.confidence < 1, ((i + 1)..<(i + phrase.words.count)).contains(where: breaks.contains) {
        continue
      }
      // The same words said again mean what they meant the first time: "trusted to get them done and get
      // them done right" is Dependability twice, not Delivery the second time.
      if let first = Self.contains(words, phrase.words), first < i,
        taken[first..<(first + phrase.words.count)].allSatisfy({ $0 == "·" })
      {
        for k in i..<(i + phrase.words.count) { taken[k] = "·" }
        continue
      }
      // A matched phrase is used up, so "cloud security" does not also give "security"; positions stay. So
      // is a second phrase of a competency already linked ("continuous delivery" is not also Delivery).
      let end = i + phrase.words.count
      for k in i..<end { taken[k] = "·" }
      guard !found.contains(where: { $0.link.competency == phrase.competency }) else { continue }
      // The sense of a shared word: "the sales team" and "the Cloud Platform" name people and things.
      if phrase.confidence < 1 {
        if Self.namesAGroup(words, end: end) || Self.namesADepartment(words, i..<end) { continue }
        if isAName(i..<end, in: text, tokens: cased, words: words) { continue }
      }
      var link = Link(
        competency: phrase.competency, proficiency: nil, aspect: nil, matchedBy: phrase.how,
        confidence: phrase.confidence)
      // Said as absent ("tasks that require little collaboration", "with no documentation"): not linked.
      if phrase.confidence < 1, i > 0, Self.negations.contains(words[i - 1]) { continue }
      if let cue = proficiencies.last(where: {
        $0.end <= i && i - $0.end <= Self.cueReach
          // A noun of skill rates what follows only through a preposition or a verb in -ing: "expertise in
          // Go", "expertise deploying software", not "security expertise during peer reviews for codebases".
          && (!Self.nounCues.contains(Array(words[$0.start..<$0.end]))
            || ($0.end < words.count
              && (Self.cuePrepositions.contains(words[$0.end])
                || (written.count == words.count && written[$0.end].hasSuffix("ing")
                  && !Self.notVerbs.contains(written[$0.end].lowercased())))))
      }) {
        link.proficiency = cue.value
        link.cue = written[cue.start..<cue.end].joined(separator: " ")
      } else if let trailing = Self.foldedTrailingCues.first(where: {
        Self.matches(words, $0.phrase, at: end)
      }) {
        link.proficiency = trailing.proficiency
        link.cue = written[end..<(end + trailing.phrase.count)].joined(separator: " ")
      }
      link.aspect = aspects.last(where: { $0.start <= i })?.value
      found.append((link, i))
    }
    // In the statement's order, so a reader sees them as the sentence says them.
    return found.sorted { $0.start < $1.start }.map(\.link)
  }
}
