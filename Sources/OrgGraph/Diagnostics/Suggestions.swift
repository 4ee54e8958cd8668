/// "Did you mean": the closest candidates to a misspelt word, conservatively.
///
/// Only candidates within a small edit distance (Damerau–Levenshtein, case-insensitive) count, and only the
/// best ties are returned, so a suggestion is offered only when it is likely to be what was meant.
package enum Suggestions {
  /// The candidates closest to `word`, best ties only, or none when nothing is close enough.
  package static func closest(to word: String, in candidates: some Sequence<String>, limit: Int = 3)
    -> [String]
  {
    let target = Array(word.lowercased())
    guard !target.isEmpty else { return [] }
    let allowed = max(1, min(3, target.count / 3))
    var best = Int.max
    var result: [String] = []
    var seen = Set<String>()
    for candidate in candidates where seen.insert(candidate).inserted {
      let c = Array(candidate.lowercased())
      if abs(c.count - target.count) > allowed { continue }
      let d = distance(target, c, bound: allowed)
      guard d <= allowed, d > 0 || candidate != word else { continue }
      if d < best {
        best = d
        result = [candidate]
      } else if d == best {
        result.append(candidate)
      }
    }
    return Array(result.sorted().prefix(limit))
  }

  /// "Did you mean" help lines for `word`: one per closest candidate (see ``closest(to:in:limit:)``), each
  /// candidate shown as `written` makes it (a prefix such as `@ ` or `$`, a suffix such as `(…)`).
  package static func didYouMean(
    _ word: String, in candidates: some Sequence<String>, limit: Int = 3,
    written: (String) -> String = { $0 }
  ) -> [String] {
    closest(to: word, in: candidates, limit: limit).map { question(written($0)) }
  }

  /// The one phrasing of a suggestion: "did you mean `written`?".
  package static func question(_ written: String) -> String { "did you mean `\(written)`?" }

  /// Optimal string alignment distance; returns `bound + 1` early when the distance exceeds `bound`.
  package static func distance(_ a: [Character], _ b: [Character], bound: Int = .max) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      var rowMin = current[0]
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var v = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          v = min(v, previous2[j - 2] + 1)
        }
        current[j] = v
        rowMin = min(rowMin, v)
      }
      if rowMin > bound { return bound + 1 }
      (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
  }

  /// `` `a` ``, `` `a` or `b` ``, `` `a`, `b` or `c` ``.
  package static func list(_ words: [String], conjunction: String = "or") -> String {
    let quoted = words.map { "`\($0)`" }
    guard let last = quoted.last else { return "" }
    if quoted.count == 1 { return last }
    return quoted.dropLast().joined(separator: ", ") + " \(conjunction) " + last
  }
}
