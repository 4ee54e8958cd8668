import OrgGraph

/// Each ladder as the competency matrix people edit in a spreadsheet: a CSV file per track or role, levels as
/// columns (`Senior Engineer (L3)`, lowest rank first), competencies as rows grouped under their area, and
/// each level's statements in the cells, one per line. `orgraph import` reads it back (the matrix reader):
/// the same levels, statements and requirements.
public enum MatrixExporter: GraphExporter {
  /// The name `--format` takes.
  public static let name = "matrix"
  /// What the format is for, in `export --help`.
  public static let summary = "a folder of competency matrices, a CSV file per ladder, for spreadsheets"
  /// Where it stands in lists.
  public static let position = 60
  /// It writes a folder of files.
  public static let writesFolder = true
  /// Command lines for `export --help`.
  public static var examples: [ExportExample] {
    [ExportExample(arguments: "--format matrix -o matrices", comment: "open a ladder in a spreadsheet")]
  }

  /// The whole graph in this format.
  public static func export(_ graph: Graph, options: ExportOptions) throws(ExportError) -> ExportOutput {
    .files(graph.exportMatrices())
  }
}

extension ExportFormat {
  /// Competency matrices, a CSV file per ladder.
  public static let matrix = ExportFormat(MatrixExporter.self)
}

/// One ladder as a matrix: its rows (the header first), which rows are categories, its owner's name, and
/// the file it is written to.
public struct MatrixSheet: Sendable, Hashable {
  /// The track's or role's name.
  public var name: String
  /// The file name, from the owner's id: `track-acme-backend.csv`.
  public var file: String
  /// The rows, the header (`Competency`, then each level) first; each cell's statements one per line.
  public var rows: [[String]]
  /// The indices of the category rows (an area's name, the other cells empty).
  public var categories: Set<Int>
}

extension Graph {
  /// A CSV matrix per node that has levels (a track or a role), named after its id: `track-acme-backend.csv`.
  /// Each statement is written once, in the row of the first competency it expresses; statements that
  /// express none are in a last row, `Not linked to a competency`.
  public func exportMatrices() -> [ExportFile] {
    matrixSheets().map { sheet in
      ExportFile(path: sheet.file, text: sheet.rows.map(Graph.csvLine).joined())
    }
  }

  /// Each ladder as a matrix (``exportMatrices()`` writes them as CSV, ``XLSXExporter`` as a workbook).
  public func matrixSheets() -> [MatrixSheet] {
    var sheets: [MatrixSheet] = []
    var owners: [NodeID] = []
    for kind in ["track", "role"] where schema.kind(kind) != nil {
      owners += nodes(ofKind: kind).filter { !neighbors(of: $0, via: "has_level").isEmpty }
    }
    for owner in owners {
      let levels = neighbors(of: owner, via: "has_level").map(\.node).enumerated().sorted { a, b in
        (rank(a.element) ?? Int.max, a.offset) < (rank(b.element) ?? Int.max, b.offset)
      }.map(\.element)
      // Each competency's statements per level, and the statements of no competency.
      var cells: [NodeID: [[String]]] = [:]
      var unlinked = Array(repeating: [String](), count: levels.count)
      for (l, level) in levels.enumerated() {
        for (statement, _) in neighbors(of: level, via: "expects") {
          let text = property("text", of: statement).map { Self.matrixText($0) } ?? name(of: statement)
          guard let competency = neighbors(of: statement, via: "expresses").first?.node else {
            unlinked[l].append(text)
            continue
          }
          cells[competency, default: Array(repeating: [], count: levels.count)][l].append(text)
        }
      }
      var byArea: [String: [NodeID]] = [:]
      for competency in cells.keys {
        let area = property("area", of: competency).map { Self.matrixText($0) } ?? ""
        byArea[area, default: []].append(competency)
      }
      var rows: [[String]] = [["Competency"] + levels.map(header)]
      var categories = Set<Int>()
      // Rows with no area first, then each area under a category row, both by name.
      for area in byArea.keys.sorted(by: { ($0.isEmpty ? 0 : 1, $0) < ($1.isEmpty ? 0 : 1, $1) }) {
        if !area.isEmpty {
          categories.insert(rows.count)
          rows.append([area] + levels.map { _ in "" })
        }
        let members = (byArea[area] ?? []).sorted {
          (name(of: $0).lowercased(), id(of: $0)) < (name(of: $1).lowercased(), id(of: $1))
        }
        for competency in members {
          rows.append([name(of: competency)] + (cells[competency] ?? []).map { $0.joined(separator: "\n") })
        }
      }
      if unlinked.contains(where: { !$0.isEmpty }) {
        rows.append(["Not linked to a competency"] + unlinked.map { $0.joined(separator: "\n") })
      }
      let file =
        GraphBuilder.slug(
          id(of: owner).replacingOccurrences(of: ":", with: "-").replacingOccurrences(of: "/", with: "-"))
        + ".csv"
      sheets.append(MatrixSheet(name: name(of: owner), file: file, rows: rows, categories: categories))
    }
    return sheets
  }

  /// A level's column header: `Senior Engineer (L3)`, or the name alone.
  func header(_ level: NodeID) -> String {
    if case .string(let code)? = property("code", of: level), code != name(of: level) {
      return "\(name(of: level)) (\(code))"
    }
    return name(of: level)
  }

  /// A level's rank, when it has one.
  func rank(_ level: NodeID) -> Int? {
    if case .int(let rank)? = property("rank", of: level) { return rank }
    return nil
  }

  /// A property's text for a cell.
  static func matrixText(_ value: Value) -> String {
    if case .string(let s) = value { return s }
    return "\(value)"
  }
}
