import OrgGraph

/// Aligned plain-text tables.
package enum TextTable {
  /// Renders rows (the first is the header) with columns padded to their widest cell, a rule under the
  /// header, and the given columns right-aligned. Widths are terminal cells (``DisplayWidth``), so wide
  /// characters line up; a cell holding several lines (`"a\nb"`) makes its row that many lines tall, and
  /// then an empty line separates each row from the next, so a wrapped row never reads as two.
  package static func render(_ rows: [[String]], rightAligned: Set<Int> = []) -> String {
    guard let header = rows.first else { return "" }
    let split = rows.map { row in
      row.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
    }
    var widths = [Int](repeating: 0, count: header.count)
    for row in split {
      for (i, lines) in row.enumerated() where i < widths.count {
        for line in lines { widths[i] = max(widths[i], DisplayWidth.cells(line)) }
      }
    }
    func line(_ row: [String]) -> String {
      var cells: [String] = []
      for (i, width) in widths.enumerated() {
        let cell = i < row.count ? row[i] : ""
        let pad = String(repeating: " ", count: max(width - DisplayWidth.cells(cell), 0))
        cells.append(rightAligned.contains(i) ? pad + cell : (i == widths.count - 1 ? cell : cell + pad))
      }
      var text = cells.joined(separator: "  ")
      while text.last == " " { text.removeLast() }
      return text + "\n"
    }
    let tall = split.dropFirst().contains { row in row.contains { $0.count > 1 } }
    var out = ""
    for (index, row) in split.enumerated() {
      let height = row.map(\.count).max() ?? 1
      if tall && index > 1 { out += "\n" }
      for k in 0..<height { out += line(row.map { k < $0.count ? $0[k] : "" }) }
      if index == 0 { out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
    }
    return out
  }
}
