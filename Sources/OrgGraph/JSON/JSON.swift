/// A JSON value with ordered object keys, written deterministically.
///
/// Used for every JSON the product prints (exports, statistics, results), so that the same input always
/// gives the same bytes.
public enum JSON: Sendable, Hashable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// An integer.
  case int(Int)
  /// A number (non-finite numbers are written as `null`).
  case number(Double)
  /// A string.
  case string(String)
  /// An array.
  case array([JSON])
  /// An object whose keys keep their order.
  case object([(String, JSON)])

  /// Equal when the compact texts are equal.
  public static func == (lhs: JSON, rhs: JSON) -> Bool { lhs.compact == rhs.compact }

  /// Hashes the compact text.
  public func hash(into hasher: inout Hasher) { hasher.combine(compact) }

  /// The value on one line, with no spaces.
  public var compact: String {
    var out = ""
    write(to: &out, indent: nil, level: 0)
    return out
  }

  /// The value pretty-printed with two-space indentation. Arrays of scalars and objects nested deeper than
  /// `inlineDepth` stay on one line, which keeps exports readable and diffable (one node per line).
  public func pretty(inlineDepth: Int = 2) -> String {
    var out = ""
    write(to: &out, indent: "  ", level: 0, inlineDepth: inlineDepth)
    return out
  }

  private func write(to out: inout String, indent: String?, level: Int, inlineDepth: Int = .max) {
    let inline = indent == nil || level >= inlineDepth
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .int(let i): out += String(i)
    case .number(let d):
      if !d.isFinite {
        out += "null"
      } else if d.rounded() == d, abs(d) < 1e15 {
        out += String(Int(d))
      } else {
        out += String(d)
      }
    case .string(let s): Self.writeString(s, to: &out)
    case .array(let items):
      if items.isEmpty {
        out += "[]"
        return
      }
      if inline {
        out += "["
        for (i, item) in items.enumerated() {
          if i > 0 { out += indent == nil ? "," : ", " }
          item.write(to: &out, indent: indent, level: level + 1, inlineDepth: inlineDepth)
        }
        out += "]"
      } else {
        let pad = String(repeating: indent ?? "", count: level + 1)
        out += "[\n"
        for (i, item) in items.enumerated() {
          out += pad
          item.write(to: &out, indent: indent, level: level + 1, inlineDepth: inlineDepth)
          out += i + 1 < items.count ? ",\n" : "\n"
        }
        out += String(repeating: indent ?? "", count: level) + "]"
      }
    case .object(let pairs):
      if pairs.isEmpty {
        out += "{}"
        return
      }
      if inline {
        out += "{"
        for (i, (key, value)) in pairs.enumerated() {
          if i > 0 { out += indent == nil ? "," : ", " }
          Self.writeString(key, to: &out)
          out += indent == nil ? ":" : ": "
          value.write(to: &out, indent: indent, level: level + 1, inlineDepth: inlineDepth)
        }
        out += "}"
      } else {
        let pad = String(repeating: indent ?? "", count: level + 1)
        out += "{\n"
        for (i, (key, value)) in pairs.enumerated() {
          out += pad
          Self.writeString(key, to: &out)
          out += ": "
          value.write(to: &out, indent: indent, level: level + 1, inlineDepth: inlineDepth)
          out += i + 1 < pairs.count ? ",\n" : "\n"
        }
        out += String(repeating: indent ?? "", count: level) + "}"
      }
    }
  }

  private static func writeString(_ s: String, to out: inout String) {
    out += "\""
    ScalarEscaping.append(s, to: &out) { scalar in
      switch scalar {
      case "\"": return "\\\""
      case "\\": return "\\\\"
      case "\n": return "\\n"
      case "\r": return "\\r"
      case "\t": return "\\t"
      case "\u{08}": return "\\b"
      case "\u{0C}": return "\\f"
      case "\u{2028}": return "\\u2028"
      case "\u{2029}": return "\\u2029"
      default:
        guard scalar.value < 0x20 || scalar.value == 0x7F else { return nil }
        let hex = String(scalar.value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      }
    }
    out += "\""
  }
}
