/// Aligned plain-text tables.
package enum TextTable {
  /// Renders rows (the first is the header) with columns padded to their widest cell, a rule under the
  /// header, and the given columns right-aligned. Widths count characters.
  package static func render(_ rows: [[String]], rightAligned: Set<Int> = []) -> String {
    guard let header = rows.first else { return "" }
    var widths = [Int](repeating: 0, count: header.count)
    for row in rows {
      for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
    }
    func line(_ row: [String]) -> String {
      var cells: [String] = []
      for (i, width) in widths.enumerated() {
        let cell = i < row.count ? row[i] : ""
        let pad = String(repeating: " ", count: max(width - cell.count, 0))
        cells.append(rightAligned.contains(i) ? pad + cell : (i == widths.count - 1 ? cell : cell + pad))
      }
      return cells.joined(separator: "  ") + "\n"
    }
    var out = line(header)
    out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
    for row in rows.dropFirst() { out += line(row) }
    return out
  }
}
