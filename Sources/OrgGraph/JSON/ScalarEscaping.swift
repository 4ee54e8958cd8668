/// The one loop behind every exporter's escaping (JSON, Cypher, XML): each scalar either kept or replaced.
package enum ScalarEscaping {
  /// Appends `text` to `out`, each scalar replaced by `replacement(scalar)` when that is not `nil`.
  package static func append(_ text: String, to out: inout String, _ replacement: (Unicode.Scalar) -> String?)
  {
    for scalar in text.unicodeScalars {
      if let r = replacement(scalar) { out += r } else { out.unicodeScalars.append(scalar) }
    }
  }

  /// `text` with each scalar replaced by `replacement(scalar)` when that is not `nil`.
  package static func replacing(_ text: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    append(text, to: &out, replacement)
    return out
  }
}
