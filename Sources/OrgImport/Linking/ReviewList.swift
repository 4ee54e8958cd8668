import OrgGraph

/// What a reviewer should look at after an import, per document: the statements that link to no
/// competency and those linked only by a low-confidence match, grouped by a word they share, each group with
/// a suggestion — an alias to add to an existing competency, or a competency of the organisation's own.
package struct ReviewList: Sendable {
  /// Statements that share a word.
  package struct Group: Sendable, Hashable {
    /// The word, as the first of the statements writes it.
    package var word: String
    /// The statements' lines.
    package var lines: [Int]
    /// What to do about them.
    package var suggestion: String
  }

  /// Links below this confidence are listed for review.
  package static let unsure = 0.8

  /// The most groups listed for one document.
  package static let maximumGroups = 5

  /// The words that are no sign of a competency however often they come: a ladder's own voice.
  static let common: Set<String> = Set(
    CompetencyLinker.words(
      """
      team teams work works working able ability ensure ensuring make making help helping understand understanding
      good great other others also well across within their they them what when where which while will would
      should could role roles level levels company organisation organization people person time times have has
      know knows recognise recognize area areas confidently effectively proactively clearly always often need
      needs take takes use uses using can know knowing ways way more most much many some any able how who why
      right best better new own lot things thing sure feel get gets give gives keep keeps like just even
      used upon build builds built based manner are was were been being every out deep into onto about over
      under very really quite each all both either there these those this that then than such
      """))

  /// How the document's statements need review: groups of unmatched statements that share two words in a
  /// row ("support tickets"), then a word some competency's description uses; the biggest groups first.
  package static func groups(
    _ statements: [ImportedText], titles: [String] = [], allStatements: [[String]], linker: CompetencyLinker?
  ) -> [Group] {
    // The document's own titles ("Senior Application Support Engineer") are in its sentences for that reason.
    let titled = Set(titles.flatMap { CompetencyLinker.words($0) })
    let pending = statements.filter { $0.links.isEmpty && $0.competency == nil }
    guard pending.count >= 2 else { return [] }
    // A word in more than one statement in ten of the whole import is the handbook's voice, not a skill.
    var frequency: [String: Int] = [:]
    for words in allStatements { for w in Set(words) { frequency[w, default: 0] += 1 } }
    let ceiling = max(3, allStatements.count / 10)
    let described = linker.map { Set($0.descriptionWords.values.joined()) } ?? []
    var byKey: [String: [Int]] = [:]
    var spelled: [String: String] = [:]
    for statement in pending {
      let raw = Graph.searchWords(statement.text)
      let folded = CompetencyLinker.words(statement.text)
      let content = folded.indices.map { i in
        folded[i].count >= 3 && !Graph.stopWords.contains(raw[i]) && !common.contains(folded[i])
          && !titled.contains(folded[i])
          && (frequency[folded[i]] ?? 0) <= ceiling
      }
      var keys: [(String, String)] = []
      for i in folded.indices where content[i] {
        if i + 1 < folded.count, content[i + 1] {
          keys.append((folded[i] + " " + folded[i + 1], raw[i] + " " + raw[i + 1]))
        }
        if described.contains(folded[i]) { keys.append((folded[i], raw[i])) }
      }
      for (key, written) in keys where byKey[key]?.last != statement.line {
        byKey[key, default: []].append(statement.line)
        if spelled[key] == nil { spelled[key] = written }
      }
    }
    // Two words in a row before one word, then the most statements.
    let shared = byKey.filter { $0.value.count >= 2 }.sorted {
      ($0.key.contains(" ") ? 1 : 0, $0.value.count, $1.key) > (
        $1.key.contains(" ") ? 1 : 0, $1.value.count, $0.key
      )
    }
    var out: [Group] = []
    var covered = Set<Int>()
    for (key, lines) in shared where out.count < maximumGroups {
      // A group adds something only when it gathers statements not yet in a bigger group.
      guard lines.contains(where: { !covered.contains($0) }) else { continue }
      covered.formUnion(lines)
      out.append(
        Group(
          word: spelled[key] ?? key, lines: lines,
          suggestion: suggestion(for: key.split(separator: " ").map(String.init), spelled[key] ?? key, linker)
        ))
    }
    return out
  }

  /// An alias for the competency whose description uses the words (the most specific: the shortest
  /// description), or a competency of the organisation's own.
  static func suggestion(for words: [String], _ spelled: String, _ linker: CompetencyLinker?) -> String {
    if let linker {
      let candidates = linker.competencies.filter { c in
        words.allSatisfy { linker.descriptionWords[c.id]?.contains($0) == true }
      }
      if let best = candidates.min(by: {
        (linker.descriptions[$0.id]?.count ?? 0, $0.id) < (linker.descriptions[$1.id]?.count ?? 0, $1.id)
      }) {
        return
          "\(best.id) speaks of \"\(spelled)\": if they mean it, add a phrase of theirs as an alias (or a rule with --mapping)"
      }
    }
    return
      "no competency speaks of \"\(spelled)\": if it is a skill, add a competency of the organisation's own with it as an alias"
  }
}
