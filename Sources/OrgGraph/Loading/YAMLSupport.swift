import Yams

/// Helpers for reading Yams nodes with locations.
struct YAMLFile {
  /// The path as diagnostics show it.
  let path: String
  let text: String
  let root: Node?

  /// A range covering `node` (one line: the scalar's text, or one character for collections).
  func range(_ node: Node) -> SourceRange {
    let line = node.mark?.line ?? 1
    let column = node.mark?.column ?? 1
    var length = 1
    if case .scalar(let scalar) = node {
      length = scalar.string.unicodeScalars.count
      if scalar.style == .singleQuoted || scalar.style == .doubleQuoted { length += 2 }
      if scalar.string.contains("\n") || scalar.style == .literal || scalar.style == .folded { length = 1 }
    }
    return SourceRange(file: path, line: line, column: column, length: max(length, 1))
  }
}

extension Node {
  /// The YAML type of the node, as a newcomer calls it.
  var yamlTypeName: String {
    switch self {
    case .scalar(let s):
      if s.style == .plain {
        if Int(s.string) != nil { return "a number" }
        if Double(s.string) != nil { return "a number" }
        if ["true", "false"].contains(s.string) { return "a boolean" }
        if ["", "~", "null"].contains(s.string) { return "nothing" }
      }
      return "a string"
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .alias: return "an alias"
    }
  }

  /// The scalar's text, when the node is a scalar.
  var scalarText: String? {
    if case .scalar(let s) = self { return s.string }
    return nil
  }

  /// Whether the node is the plain scalar `~`, `null` or nothing.
  var isNull: Bool {
    if case .scalar(let s) = self, s.style == .plain, ["", "~", "null", "Null", "NULL"].contains(s.string) {
      return true
    }
    return false
  }
}
