import Foundation
import OrgGraph

/// Reads competency matrices: a table whose header row names levels and whose first column names
/// competencies — a GitHub pipe table or an HTML table in Markdown, an HTML page's tables, a CSV file, an
/// XLSX workbook's sheets — and the transposed shape, whose rows are
/// levels and whose columns are competencies or areas.
///
/// ```text
/// | Category          | Junior Engineer (L1)  | Engineer (L2)          | Senior Engineer (L3) |
/// |-------------------|-----------------------|------------------------|----------------------|
/// | **Craft**         |                       |                        |                      |
/// | *Code quality*    | Writes tested code.   | Reviews others' code.  | Sets the bar.<br>Coaches. |
/// ```
///
/// Each column is a level (its code read from `(L3)`, its rank from the column's place); a row whose first
/// cell is bold, or whose other cells are all empty, is a category and gives the rows under it their area;
/// every other row is one of the organisation's competencies. Each cell's items (`<br>` between them) are
/// statements of its column's level, kept verbatim, each expressing its row's competency — so the level
/// requires it. A competency's row written twice adds statements to the same competency. Several tables in
/// one file are several ladders, named by the heading above each.
public enum MatrixReader: DocumentReader {
  /// The name `--reader` takes.
  public static let name = "matrix"
  /// What it reads.
  public static let summary =
    "competency matrices: a Markdown pipe table, an HTML table (in a page or an .html file), a CSV file or an XLSX workbook whose header names levels (`Senior Engineer (L3)`) and whose first column names competencies, bold rows for categories; or the transposed shape, rows for levels"
  /// Its place in lists.
  public static let position = 50
  /// It reads XLSX workbooks, which are not text.
  public static let readsBytes = true

  /// Whether `document` is a workbook: an `.xlsx` name, or a zip archive's bytes.
  static func isWorkbook(_ document: SourceDocument) -> Bool {
    if document.path.lowercased().hasSuffix(".xlsx") { return true }
    // A zip by another name is a workbook only if it holds one: its directory names `xl/workbook.xml` in
    // plain bytes, found without unpacking it (recognising and reading unpack it once each).
    return Workbook.looksLikeZip(document.bytes)
      && document.bytes.range(of: Data("xl/workbook.xml".utf8)) != nil
  }

  /// A workbook's sheets as grids, each named after its sheet; rows are numbered as the sheet numbers them.
  static func grids(of workbook: Workbook) -> [Grid] {
    workbook.sheets.map { sheet in
      let cells = sheet.rows.map { $0.cells.map { $0.trimmingCharacters(in: .whitespaces) } }
      return marked(
        Grid(
          rows: cells, parts: cells.map { $0.map(items) }, lines: sheet.rows.map(\.number),
          strong: cells.map { _ in false }, title: sheet.name))
    }
  }

  /// A spreadsheet's grid with Markdown emphasis read in its first column, as people type it in a cell:
  /// `**Craft**` is a category (bold), `*Code quality*` a competency; the marks are no part of the name.
  static func marked(_ grid: Grid) -> Grid {
    var grid = grid
    for r in grid.rows.indices {
      guard let first = grid.rows[r].first else { continue }
      for (mark, strong) in [("**", true), ("__", true), ("*", false), ("_", false)]
      where first.count > 2 * mark.count && first.hasPrefix(mark) && first.hasSuffix(mark) {
        let inner = String(first.dropFirst(mark.count).dropLast(mark.count))
          .trimmingCharacters(in: .whitespaces)
        guard !inner.isEmpty, !inner.hasPrefix("*"), !inner.hasPrefix("_") else { continue }
        grid.rows[r][0] = inner
        grid.parts[r][0] = [inner]
        grid.strong[r] = grid.strong[r] || strong
        break
      }
    }
    return grid
  }

  /// A spreadsheet cell's items: its lines, as `<br>` separates them in a Markdown table; a bullet mark
  /// before an item (`- `, `* `, `• `) is not part of its text.
  static func items(_ cell: String) -> [String] {
    cell.split(separator: "\n").map { line in
      var item = line.trimmingCharacters(in: .whitespaces)
      for mark in ["- ", "* ", "• "] where item.hasPrefix(mark) { item.removeFirst(mark.count) }
      return item.trimmingCharacters(in: .whitespaces)
    }.filter { !$0.isEmpty }
  }

  /// A grid of cells, with the line of each row and whether each first cell is bold.
  struct Grid {
    var rows: [[String]]
    /// Each cell's items (`<br>` splits a Markdown cell; a CSV cell is one item).
    var parts: [[[String]]]
    var lines: [Int]
    /// Lines a row goes on to (a CSV cell with line breaks), used with the rows.
    var extraLines: [Int] = []
    /// The line of each cell (a transposed grid's cells keep their rows' lines).
    var cellLines: [[Int]] = []
    var strong: [Bool]
    /// The line of the cell in row `r`, column `c`.
    func line(_ r: Int, _ c: Int) -> Int {
      r < cellLines.count && c < cellLines[r].count ? cellLines[r][c] : lines[r]
    }
    /// The name of the ladder: the heading above the table, and its line.
    var title: String?
    var titleLine: Int? = nil
  }

  /// Whether `document` is an HTML page (`.html`, `.htm`).
  static func isHTML(_ document: SourceDocument) -> Bool {
    let lower = document.path.lowercased()
    return lower.hasSuffix(".html") || lower.hasSuffix(".htm")
  }

  /// The tables of an HTML page or fragment, as grids: each `<tr>`'s `<th>` and `<td>` cells, a cell's items
  /// split at `<br>` or, when it holds a list, its `<li>` items; a first cell in `<strong>` or `<b>` marks a
  /// category. Lines are the fragment's plus `offset`; each table is named by its `<caption>`, else by the
  /// last heading before it (`heading` when the fragment has none).
  static func htmlGrids(_ html: String, offset: Int, heading: (text: String, line: Int)?) -> [Grid] {
    var grids: [Grid] = []
    var last = heading
    func walk(_ elements: [HTMLFragment.Element]) {
      for element in elements {
        if ["h1", "h2", "h3", "h4", "h5", "h6"].contains(element.name), !element.text.isEmpty {
          last = (element.text, element.line + offset)
        }
        guard element.name == "table" else {
          walk(element.children)
          continue
        }
        let rows = HTMLFragment.all("tr", in: element.children)
        guard !rows.isEmpty else { continue }
        let caption = element.children.first { $0.name == "caption" && !$0.text.isEmpty }
        var grid = Grid(rows: [], parts: [], lines: [], strong: [], title: caption?.text ?? last?.text)
        grid.titleLine = caption.map { $0.line + offset } ?? last?.line
        // Every line from `<table>` to its last element's is the table's.
        func lastLine(_ e: HTMLFragment.Element) -> Int {
          e.children.map(lastLine).max().map { max($0, e.line) } ?? e.line
        }
        grid.extraLines = Array((element.line + offset)...(lastLine(element) + offset))
        for row in rows {
          let cells = row.children.filter { $0.name == "td" || $0.name == "th" }
          let items = cells.map { cell -> [String] in
            let listed = HTMLFragment.all("li", in: cell.children).map(\.text).filter { !$0.isEmpty }
            return listed.isEmpty ? cell.items : (cell.items + listed)
          }
          grid.rows.append(items.map { $0.joined(separator: " ") })
          grid.parts.append(items)
          grid.lines.append(row.line + offset)
          grid.cellLines.append(cells.map { $0.line + offset })
          let first = cells.first
          grid.strong.append(
            first.map { cell in
              cell.children.contains { ["strong", "b"].contains($0.name) && $0.text == cell.text }
            } ?? false)
        }
        grids.append(grid)
      }
    }
    walk(HTMLFragment.parse(html))
    return grids
  }

  /// An HTML page's title: its first `<h1>`, else its `<title>`, with its line.
  static func htmlTitle(_ html: String) -> (text: String, line: Int)? {
    let elements = HTMLFragment.parse(html)
    let found =
      HTMLFragment.all("h1", in: elements).first { !$0.text.isEmpty }
      ?? HTMLFragment.all("title", in: elements).first { !$0.text.isEmpty }
    return found.map { ($0.text, $0.line) }
  }

  /// The lines of an HTML page that hold markup only (`<tr>`, `</td>`): nothing there is left out.
  static func markupLines(_ text: String) -> Set<Int> {
    var lines = Set<Int>()
    for (i, line) in text.components(separatedBy: "\n").enumerated()
    where line.replacing(/<[^>]*>/, with: "").trimmingCharacters(in: .whitespaces).isEmpty {
      lines.insert(i + 1)
    }
    return lines
  }

  /// Matrices in `document`: the tables of a Markdown or HTML page, or the rows of a CSV file.
  static func grids(_ document: SourceDocument) -> [Grid] {
    if isWorkbook(document) { return (try? Workbook(document.bytes)).map(grids(of:)) ?? [] }
    guard let text = document.text else { return [] }
    if document.path.lowercased().hasSuffix(".csv") {
      guard case .success(let rows) = CSVRows.parse(text), !rows.isEmpty else { return [] }
      let cells = rows.map { $0.fields.map { $0.trimmingCharacters(in: .whitespaces) } }
      var grid = marked(
        Grid(
          rows: cells, parts: cells.map { $0.map(Self.items) }, lines: rows.map(\.line),
          strong: cells.map { _ in false }, title: nil))
      grid.extraLines = rows.flatMap { $0.line < $0.lastLine ? Array(($0.line + 1)...$0.lastLine) : [] }
      return [grid]
    }
    if isHTML(document) { return htmlGrids(text, offset: 0, heading: nil) }
    var grids: [Grid] = []
    var heading: (text: String, line: Int)?
    let lines = text.components(separatedBy: "\n")
    let blocks = Markdown.parse(FrontMatter(text)?.body ?? text)
    var b = 0
    while b < blocks.count {
      let block = blocks[b]
      b += 1
      if case .heading = block.kind { heading = (block.text, block.lines.lowerBound) }
      // An HTML table in a Markdown page: from the block that opens it to the one that closes it (a blank
      // line inside a table ends a Markdown HTML block, and the indented rows after it are a code block, so
      // it may span several).
      if block.kind == .html, block.text.range(of: "<table", options: .caseInsensitive) != nil {
        var end = block.lines.upperBound
        var closing = block
        while closing.text.range(of: "</table", options: .caseInsensitive) == nil, b < blocks.count,
          blocks[b].kind == .html || blocks[b].kind == .code
        {
          closing = blocks[b]
          end = closing.lines.upperBound
          b += 1
        }
        let first = block.lines.lowerBound
        let html = lines[(first - 1)..<min(end, lines.count)].joined(separator: "\n")
        for var grid in htmlGrids(html, offset: first - 1, heading: heading) {
          grid.extraLines = Array(first...end)
          grids.append(grid)
        }
        continue
      }
      guard block.kind == .table else { continue }
      let rows = block.children.filter { $0.kind == .tableRow }
      grids.append(
        Grid(
          rows: rows.map { $0.children.map(\.text) }, parts: rows.map { $0.children.map(\.parts) },
          lines: rows.map(\.lines.lowerBound), strong: rows.map { $0.children.first?.strong ?? false },
          title: heading?.text, titleLine: heading?.line))
    }
    return grids
  }

  /// A header cell read as a level: `Senior Engineer (L3)` → L3, "Senior Engineer"; `L2: Engineer` → L2.
  static func level(_ header: String) -> (code: String?, title: String)? {
    let text = header.trimmingCharacters(in: .whitespaces)
    guard !text.isEmpty else { return nil }
    if let match = text.firstMatch(of: /^(.*?)\s*\(([A-Z]{1,3}\d+(?:\.\d+)?)\)\s*$/) {
      let title = String(match.1).trimmingCharacters(in: .whitespaces)
      return (String(match.2), title.isEmpty ? String(match.2) : title)
    }
    if let match = text.firstMatch(of: /^([A-Z]{1,3}\d+(?:\.\d+)?)(?:\s*[:\-–]\s*|\s+)(.*)$/)
      ?? text.firstMatch(of: /^([A-Z]{1,3}\d+(?:\.\d+)?)()$/)
    {
      let title = String(match.2).trimmingCharacters(in: .whitespaces)
      return (String(match.1), title.isEmpty ? String(match.1) : title)
    }
    return (nil, text)
  }

  /// Words that name a level in a header, when it has no code.
  static let levelWords: Set<String> = [
    "junior", "intermediate", "mid", "senior", "staff", "principal", "lead", "distinguished", "fellow",
    "associate", "graduate", "intern", "apprentice", "trainee", "entry", "level", "grade", "tier", "band",
    "manager", "director", "head", "vp", "expert", "novice", "beginner", "advanced",
  ]

  /// Whether a header cell names a level: a code, or a level word.
  static func namesLevel(_ header: String) -> Bool {
    if level(header)?.code != nil { return true }
    let words = header.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
    return words.contains {
      levelWords.contains(String($0))
        || $0.first == "l" && $0.dropFirst().allSatisfy(\.isNumber) && $0.count > 1
    }
  }

  /// Words a header's first cell uses for the rows of a matrix: `Competency`, `Skills`, `Area`.
  static let rowWords: Set<String> = [
    "competency", "competencies", "skill", "skills", "area", "areas", "category", "categories", "theme",
    "themes", "dimension", "dimensions", "capability", "capabilities", "attribute", "attributes",
  ]

  /// Words that head a column of notes, not a level: `Notes`, `Comments`, `Examples`.
  static let noteWords: Set<String> = [
    "notes", "note", "comments", "comment", "remarks", "description", "descriptions", "examples", "example",
    "links", "link", "source", "sources", "owner", "evidence",
  ]

  /// Whether a header cell heads a column of notes rather than a level.
  static func namesNotes(_ header: String) -> Bool {
    noteWords.contains(header.lowercased().trimmingCharacters(in: .whitespaces.union(.punctuationCharacters)))
  }

  /// How many of a row's cells after the first name levels: a code or a level word; or, under a first
  /// cell that names the rows (`Competency`, as `export --format matrix` writes it), every cell with text
  /// that is not a column of notes.
  static func levelCount(_ cells: [String]) -> Int {
    let first = cells.first?.lowercased().trimmingCharacters(in: .whitespaces) ?? ""
    if rowWords.contains(first) {
      return cells.dropFirst().filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty && !namesNotes($0) }
        .count
    }
    return cells.dropFirst().filter(namesLevel).count
  }

  /// Whether the grid's levels are its rows (the transposed shape): its first column names levels and its
  /// header does not.
  static func isTransposed(_ grid: Grid) -> Bool {
    guard let header = grid.rows.first else { return false }
    let columnLevels = grid.rows.dropFirst().filter { ($0.first).map(namesLevel) ?? false }.count
    return levelCount(header) < 2 && columnLevels >= 2
  }

  /// A grid is a matrix when two of its header's cells (or, transposed, of its first column's) name levels
  /// and it has a row under its header.
  static func isMatrix(_ grid: Grid) -> Bool {
    guard grid.rows.count >= 2, let header = grid.rows.first, header.count >= 2 else { return false }
    guard levelCount(header) >= 2 || isTransposed(grid) else { return false }
    // A matrix's cells say what a level does, in sentences; a table of levels and their titles ("D1 |
    // Developer 1") is not one: its cells average under two and a half words, and are not sentences.
    let cells = grid.rows.dropFirst().flatMap { $0.dropFirst() }.filter { !$0.isEmpty }
    guard !cells.isEmpty else { return false }
    let words = Double(cells.reduce(0) { $0 + $1.split(separator: " ").count }) / Double(cells.count)
    let sentences = cells.filter { $0.hasSuffix(".") }.count * 2 >= cells.count
    return words >= 2.5 || words >= 1.5 && sentences
  }

  /// A table whose header names levels.
  public static func recognise(_ document: SourceDocument) -> Recognition {
    if isWorkbook(document) {
      // No other reader reads workbooks: one that cannot be read, or holds no matrix, is this reader's to
      // report.
      guard let workbook = try? Workbook(document.bytes) else {
        return Recognition(.possible, "an XLSX workbook")
      }
      let sheets = grids(of: workbook).filter(isMatrix).count
      return sheets > 0
        ? Recognition(
          .likely, "a workbook of \(sheets) sheet\(sheets == 1 ? "" : "s") whose header names levels")
        : Recognition(.possible, "an XLSX workbook")
    }
    let matrices = grids(document).filter(isMatrix)
    guard let first = matrices.first else {
      // A CSV file that cannot be split is this reader's to report: no other reads CSV.
      if document.path.lowercased().hasSuffix(".csv"), let text = document.text,
        case .failure = CSVRows.parse(text)
      {
        return Recognition(.possible, "a CSV file")
      }
      return .no
    }
    let shape =
      isTransposed(first) ? "a table whose first column names levels" : "a table whose header names levels"
    let count = matrices.count == 1 ? "" : " (\(matrices.count) tables)"
    // A level page whose heading names the level is the ladder readers'; a table is surer than bullets.
    return Recognition(.likely, shape + count)
  }

  /// The grid with rows and columns swapped, so that the header row names the levels.
  static func transposed(_ grid: Grid) -> Grid {
    let width = grid.rows.map(\.count).max() ?? 0
    var rows: [[String]] = []
    var parts: [[[String]]] = []
    for c in 0..<width {
      rows.append(grid.rows.map { c < $0.count ? $0[c] : "" })
      parts.append(grid.parts.map { c < $0.count ? $0[c] : [] })
    }
    // Each cell keeps the line of the row it was written in; a competency (a column before) is named on the
    // header's line.
    var cellLines: [[Int]] = []
    for _ in 0..<width { cellLines.append(grid.lines) }
    var swapped = Grid(
      rows: rows, parts: parts, lines: rows.map { _ in grid.lines.first ?? 1 },
      strong: rows.map { _ in false }, title: grid.title, titleLine: grid.titleLine)
    swapped.cellLines = cellLines
    return swapped
  }

  /// Reads every matrix of the document.
  public static func read(_ document: SourceDocument) throws(ImportError) -> ImportedDocument {
    let text = document.text ?? ""
    let sourceLines = text.components(separatedBy: "\n")
    var sheetWarnings: [SkippedLine] = []
    let matrices: [Grid]
    if isWorkbook(document) {
      let workbook: Workbook
      do throws(Workbook.Problem) {
        workbook = try Workbook(document.bytes)
      } catch {
        throw ImportError(path: document.path, message: error.message, help: error.help)
      }
      let all = grids(of: workbook)
      matrices = all.filter(isMatrix)
      for grid in all where !isMatrix(grid) {
        sheetWarnings.append(
          SkippedLine(
            line: 1, text: grid.title ?? "a sheet", reason: "a sheet whose header names no levels: not read"))
      }
      if workbook.sheetsLeftOut > 0 {
        sheetWarnings.append(
          SkippedLine(
            line: 1, text: "\(workbook.sheetsLeftOut) sheets",
            reason: "past the first \(Workbook.maximumSheets) sheets of the workbook: not read"))
      }
      guard !matrices.isEmpty else {
        throw ImportError(
          path: document.path, message: "is a workbook with no sheet whose header row names levels",
          help:
            "a matrix's header names a level in each column after the first, like `Competency | Junior (L1) | Senior (L2)`"
        )
      }
    } else {
      matrices = grids(document).filter(isMatrix)
    }
    guard !matrices.isEmpty else {
      if document.path.lowercased().hasSuffix(".csv"), case .failure(let problem) = CSVRows.parse(text) {
        throw ImportError(
          path: document.path, line: problem.line,
          message: "is not CSV this reader can read: \(problem.message)",
          help: problem.help)
      }
      throw ImportError(
        path: document.path, message: "no table whose header row names levels",
        help:
          "a matrix's header names a level in each column after the first, like `| Competency | Junior (L1) | Senior (L2) |`"
      )
    }
    var levels: [ImportedLevel] = []
    var competencies: [ImportedCompetency] = []
    // An HTML page's lines of markup alone (`<tr>`, `</body>`) hold nothing to leave out.
    var used = isHTML(document) ? markupLines(text) : Set<Int>()
    var skipped: [SkippedLine] = []
    var warnings: [SkippedLine] = []
    let manyTables = matrices.count > 1
    for (t, found) in matrices.enumerated() {
      // A workbook's rows are numbered per sheet: what is reported names the sheet.
      let inSheet = isWorkbook(document) ? " (sheet `\(found.title ?? "")`)" : ""
      let grid = isTransposed(found) ? transposed(found) : found
      let transposedShape = isTransposed(found)
      for line in found.lines + found.extraLines { used.insert(line) }
      if let line = found.titleLine { used.insert(line) }
      // The separator row of a pipe table, between the header and the body.
      if !document.path.lowercased().hasSuffix(".csv"), let header = found.lines.first {
        used.insert(header + 1)
      }
      let header = grid.rows[0]
      let first = levels.count
      // The organisation's competencies, in the order their rows come: a row with a name and a cell.
      var rowArea: String?
      for (r, row) in grid.rows.enumerated().dropFirst() {
        let name = row.first?.trimmingCharacters(in: .whitespaces) ?? ""
        let others = row.dropFirst().filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        if !transposedShape && (grid.strong[r] || others.isEmpty) {
          if !name.isEmpty { rowArea = name }
          continue
        }
        if !name.isEmpty,
          !competencies.contains(where: { GraphBuilder.slug($0.name) == GraphBuilder.slug(name) })
        {
          competencies.append(ImportedCompetency(name: name, area: rowArea, line: grid.line(r, 0)))
        }
      }
      // Cells past the header's last column belong to no level: each is reported.
      for (r, row) in grid.rows.enumerated().dropFirst() where row.count > header.count {
        for cell in row[header.count...] where !cell.isEmpty {
          skipped.append(
            SkippedLine(
              line: grid.lines[r], text: cell, reason: "a cell past the header's last column\(inSheet)"))
        }
      }
      for (c, cell) in header.enumerated().dropFirst() {
        let notes = !transposedShape && namesNotes(cell)
        guard !notes, let (code, title) = level(cell) else {
          // A column with no header, or a column of notes, holds no level: its cells are reported.
          let reason =
            notes
            ? "a cell under `\(cell)`, a column of notes, not a level"
            : "a cell under a column with no level in its header"
          for (r, row) in grid.rows.enumerated().dropFirst() where c < row.count && !row[c].isEmpty {
            skipped.append(SkippedLine(line: grid.lines[r], text: row[c], reason: reason + inSheet))
          }
          continue
        }
        // The code's number (`IC3` → 3), or the column's place.
        let rank =
          code.flatMap { Int($0.drop(while: \.isLetter).split(separator: ".").first ?? "") }
          ?? (levels.count - first + 1)
        var level = ImportedLevel(
          code: code, rank: rank, title: title, line: grid.line(0, c), archetype: nil, metadata: [:],
          statements: [], examples: [])
        if manyTables { level.track = found.title ?? "Table \(t + 1)" }
        level.description = nil
        levels.append(level)
        let index = levels.count - 1
        for (r, row) in grid.rows.enumerated().dropFirst() {
          let name = row.first?.trimmingCharacters(in: .whitespaces) ?? ""
          let others = row.dropFirst().filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
          // A category row (bold, or with every other cell empty) holds no statements: the competencies
          // under it took their area from it above.
          if !transposedShape && (grid.strong[r] || others.isEmpty) { continue }
          guard c < row.count else { continue }
          let items = grid.parts[r][c]
          guard !items.isEmpty else { continue }
          guard !name.isEmpty else {
            for item in items {
              skipped.append(
                SkippedLine(
                  line: grid.lines[r], text: item,
                  reason: "a cell in a row with no competency named\(inSheet)"))
            }
            continue
          }
          let competency = competencies.firstIndex { GraphBuilder.slug($0.name) == GraphBuilder.slug(name) }
          for item in items {
            var statement = ImportedText(text: item, section: name, line: grid.line(r, c))
            statement.competency = competency
            levels[index].statements.append(statement)
            if item.hasPrefix("=") {
              warnings.append(
                SkippedLine(
                  line: grid.line(r, c), text: item,
                  reason:
                    "a spreadsheet formula, not its value: kept as written; export the sheet with values\(inSheet)"
                ))
            }
          }
        }
      }
    }
    // A level named twice (a repeated header) would be two levels with one id: the second is reported.
    var seen = Set<String>()
    var kept: [ImportedLevel] = []
    for level in levels {
      // Two columns of one title are two levels when their codes differ (`Engineer (E1)`, `Engineer (E2)`).
      let key = (level.track ?? "") + "/" + GraphBuilder.slug(level.title) + "/" + (level.code ?? "")
      if seen.insert(key).inserted {
        kept.append(level)
      } else {
        skipped.append(
          SkippedLine(
            line: level.line, text: level.title,
            reason: "a second column for the level `\(level.title)`: its cells are not imported"))
        for statement in level.statements {
          skipped.append(
            SkippedLine(
              line: statement.line, text: statement.text,
              reason: "a cell under a second column for the level `\(level.title)`"))
        }
      }
    }
    // An HTML page's title is its first `<h1>` (else its `<title>`), not its first table's.
    let page = isHTML(document) ? htmlTitle(text) : nil
    if let page { used.insert(page.line) }
    let title =
      page?.text ?? matrices.first?.title
      ?? URL(fileURLWithPath: document.path).deletingPathExtension().lastPathComponent
    var imported = ImportedDocument(
      path: document.path, reader: ReaderChoice(MatrixReader.self), title: title, levels: kept,
      skipped: LineAccount.complete(skipped, used: used, lines: sourceLines), used: used)
    imported.competencies = competencies
    imported.warnings = sheetWarnings + warnings
    return imported
  }
}

extension ReaderChoice {
  /// Competency matrices, in Markdown or CSV.
  public static let matrix = ReaderChoice(MatrixReader.self)
}
