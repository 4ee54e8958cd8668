import CLineEdit
import Foundation
import OrgGraph

/// Measuring and laying out text in terminal columns, the way libedit and the terminal draw it.
enum TerminalText {
  /// The number of columns `text` takes: 2 for wide characters (日本, most emoji), 0 for combining marks,
  /// measured by ``DisplayWidth`` like every table (a test checks that it agrees with the C library's
  /// `wcwidth`, which libedit uses). A control character counts 2, as libedit draws it (`^X`).
  static func width(of text: String) -> Int {
    text.unicodeScalars.reduce(0) { total, scalar in
      if scalar.value < 0x20 || scalar.value == 0x7F { return total + 2 }
      return total + DisplayWidth.cells(scalar)
    }
  }

  /// What the C library's `wcwidth` says of a scalar (for the test that ``DisplayWidth`` agrees with it).
  static func libraryWidth(of scalar: Unicode.Scalar) -> Int {
    Int(orgraph_character_width(scalar.value))
  }

  /// `text` as it can be written to a terminal in raw mode to reproduce what libedit drew: newlines as
  /// carriage return and line feed, tabs kept, other control characters as `^X`.
  static func printable(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x0A: result += "\r\n"
      case 0x09: result.unicodeScalars.append(scalar)
      case 0..<0x20: result += "^" + String(UnicodeScalar(UInt8(scalar.value) + 0x40))
      case 0x7F: result += "^?"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// `items` in columns that fit `width`, filled down then across like `ls` and bash's completion list,
  /// at most `maxRows` rows; items that do not fit are counted on a last line. Each line ends with CR LF.
  ///
  /// ```
  /// requires          role "Cloud Engineer"
  /// roles             role "Cloud Security Engineer"
  /// ```
  static func columns(_ items: [String], width: Int, maxRows: Int = 20) -> String {
    guard !items.isEmpty else { return "" }
    let gap = 2
    let widths = items.map { Self.width(of: $0) }
    let cellWidth = (widths.max() ?? 0) + gap
    let columnCount = max(1, (max(width, 1) + gap) / cellWidth)
    let rowCount = min((items.count + columnCount - 1) / columnCount, max(1, maxRows))
    let shown = min(items.count, rowCount * columnCount)
    // Fill down then across, over the shown items only, so the last column is the short one.
    let rows = (shown + columnCount - 1) / columnCount
    var output = ""
    for row in 0..<rows {
      var line = ""
      for column in 0..<columnCount {
        let index = column * rows + row
        guard index < shown else { break }
        let isLast = (column + 1) * rows + row >= shown
        line += items[index]
        if !isLast { line += String(repeating: " ", count: cellWidth - widths[index]) }
      }
      output += line + "\r\n"
    }
    if shown < items.count {
      output += "… and \(items.count - shown) more\r\n"
    }
    return output
  }

  /// The longest string every item starts with, compared by characters.
  static func commonPrefix(_ items: [String]) -> String {
    guard var prefix = items.first.map({ Substring($0) }) else { return "" }
    for item in items.dropFirst() {
      var end = prefix.startIndex
      var itemIndex = item.startIndex
      while end < prefix.endIndex, itemIndex < item.endIndex, prefix[end] == item[itemIndex] {
        end = prefix.index(after: end)
        itemIndex = item.index(after: itemIndex)
      }
      prefix = prefix[..<end]
    }
    return String(prefix)
  }
}
