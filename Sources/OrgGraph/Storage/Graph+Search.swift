import Foundation

/// A node a text search found, with the property that matched best.
public struct SearchHit: Sendable, Hashable {
  /// The node.
  public var node: NodeID
  /// The property that matched: `name`, `aliases`, `code`, `text`, `purpose` …
  public var field: String
  /// That property's whole value (for a list, the item that matched).
  public var text: String
  /// From 0 to 1: the share of the query's words found, weighted by the field (a name counts most, an
  /// alias or code next, a sentence least) and by whether whole words matched.
  public var score: Double
}

/// Which properties a search reads.
public enum SearchFields: Sendable {
  /// Names, aliases and level codes: what a node is called.
  case names
  /// Those and every text property: statements, purposes, descriptions.
  case all
}

extension Graph {
  /// Words that carry no meaning in a search ("the", "of", "my" …), unless the query has nothing else.
  package static let stopWords: Set<String> = [
    "a", "an", "and", "as", "at", "by", "for", "i", "in", "is", "it", "my", "of", "on", "or", "our", "the",
    "to",
    "we", "with",
  ]

  /// The words of `text`, lower-cased with accents and other marks folded (`Développeur` → `developpeur`).
  public static func searchWords(_ text: String) -> [String] {
    let folded = text.folding(
      options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    var words: [String] = []
    var word = ""
    for character in folded {
      if character.isLetter || character.isNumber {
        word.append(character)
      } else if !word.isEmpty {
        words.append(word)
        word = ""
      }
    }
    if !word.isEmpty { words.append(word) }
    return words
  }

  /// A word without its common English endings, so `mentoring`, `mentors` and `mentor` meet, and so do
  /// `manage` and `managing`, `collaborate` and `collaboration`.
  package static func stem(_ word: String) -> String {
    var w = word
    for (suffix, replacement) in [
      ("ations", "at"), ("ation", "at"), ("ings", ""), ("ing", ""), ("ers", ""), ("ed", ""), ("es", ""),
      ("er", ""), ("s", ""),
    ] where w.hasSuffix(suffix) && w.count - suffix.count >= 4 {
      w = String(w.dropLast(suffix.count)) + replacement
      break
    }
    if w.hasSuffix("e"), w.count >= 5 { w.removeLast() }
    return w
  }

  /// Nodes whose names, aliases, codes (and, with `.all`, text properties) contain the words of `query`,
  /// best first: most of the query's words, then names before aliases before sentences, then whole words
  /// before beginnings of words, then graph order. A word matches a word of the text that equals it or
  /// starts with it (after both lose their common endings), so `mentor` finds “mentoring” and `k8s` finds
  /// “(k8s)”. One hit per node, for its best property.
  ///
  /// - Parameters:
  ///   - kinds: the kinds to search (by name); `nil` for every kind.
  ///   - shouldStop: asked before each node is scored; `true` ends a long search early (a query's time
  ///     budget), and the search returns what it found so far — the caller says it was stopped.
  public func search(
    _ query: String, kinds: Set<String>? = nil, fields: SearchFields = .all, shouldStop: (() -> Bool)? = nil
  ) -> [SearchHit] {
    var queryWords = Self.searchWords(query)
    let meaningful = queryWords.filter { !Self.stopWords.contains($0) }
    if !meaningful.isEmpty { queryWords = meaningful }
    let stems = Array(Set(queryWords.map(Self.stem))).sorted()
    guard !stems.isEmpty else { return [] }
    var hits: [(hit: SearchHit, order: Int)] = []
    for kind in schema.kinds where kinds?.contains(kind.name) ?? true {
      let textFields = kind.properties.filter { p in
        fields == .all && p.name != "name" && p.name != "aliases" && p.name != "code"
          && [.string, .text, .strings].contains(p.type)
      }
      for node in nodes(ofKind: kind.name) {
        if let shouldStop, shouldStop() { break }
        // Each word counts once, at the best property that has it; the hit shows the property that
        // contributed most.
        var perWord = [Double](repeating: 0, count: stems.count)
        var best: (field: String, text: String, score: Double)?
        func consider(_ field: String, _ text: String, weight: Double) {
          let matches = Self.matches(stems, in: text)
          let score = matches.reduce(0, +) * weight
          guard score > 0 else { return }
          for (i, m) in matches.enumerated() { perWord[i] = max(perWord[i], m * weight) }
          if score > (best?.score ?? 0) { best = (field, text, score) }
        }
        consider("name", name(of: node), weight: 1)
        if case .strings(let aliases)? = property("aliases", of: node) {
          for alias in aliases { consider("aliases", alias, weight: 0.8) }
        }
        if case .string(let code)? = property("code", of: node) { consider("code", code, weight: 0.8) }
        for p in textFields {
          switch property(p.name, of: node) {
          case .string(let s)?: consider(p.name, s, weight: 0.6)
          case .strings(let items)?: for item in items { consider(p.name, item, weight: 0.6) }
          default: break
          }
        }
        if let best {
          let score = perWord.reduce(0, +) / Double(stems.count)
          let hit = SearchHit(
            node: node, field: best.field, text: best.text, score: (score * 100).rounded() / 100)
          hits.append((hit, node.index))
        }
      }
    }
    return hits.sorted { a, b in
      a.hit.score != b.hit.score ? a.hit.score > b.hit.score : a.order < b.order
    }.map(\.hit)
  }

  /// For each of `stems`, how well `text` has it: 1 for a whole word, 0.8 for the beginning of a word, else 0.
  static func matches(_ stems: [String], in text: String) -> [Double] {
    let words = searchWords(text).map(stem)
    return stems.map { s in
      if words.contains(s) { return 1 }
      if s.count >= 3, words.contains(where: { $0.hasPrefix(s) }) { return 0.8 }
      return 0
    }
  }
}

extension SearchFields: Equatable {}
