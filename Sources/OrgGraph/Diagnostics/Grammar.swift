/// Small helpers that keep messages grammatical.
package enum Grammar {
  /// `a role`, `an org`, `an expectation`.
  package static func a(_ word: String) -> String {
    guard let first = word.lowercased().first(where: { $0.isLetter }) else { return word }
    return ("aeio".contains(first) ? "an " : "a ") + word
  }

  /// `1 error`, `2 errors`.
  package static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
