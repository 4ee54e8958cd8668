import Foundation
import OrgGraph
import ZIPFoundation

/// Each ladder as a sheet of one XLSX workbook — the matrix people edit, as ``MatrixExporter`` writes it as
/// CSV: levels as columns, competencies as rows under bold area rows, each level's statements in the cells,
/// one per line. The header row and the competency column stay in view as you scroll. `orgraph import`
/// reads it back (the matrix reader, a sheet per ladder): the same levels, statements and requirements.
///
/// Written with ZIPFoundation, deflated, every entry dated 1 January 1980 so two exports are the same
/// bytes. A sheet is named after its track or role, cut to Excel's 31 characters without `[]:*?/\`, and
/// made unique. Text is escaped as GraphML's is (XMLText): what XML cannot hold becomes U+FFFD; a cell longer than a
/// spreadsheet holds (32,767 characters) is an error that names it.
public enum XLSXExporter: GraphExporter {
  /// The name `--format` takes.
  public static let name = "xlsx"
  /// What the format is for, in `export --help`.
  public static let summary =
    "competency matrices as one XLSX workbook, a sheet per ladder (Excel, LibreOffice, Google Sheets)"
  /// Where it stands in lists: beside the CSV matrices.
  public static let position = 61
  /// One binary file.
  public static let writesBytes = true
  /// Command lines for `export --help`.
  public static var examples: [ExportExample] {
    [ExportExample(arguments: "--format xlsx -o framework.xlsx", comment: "every ladder in one workbook")]
  }

  /// The most characters a spreadsheet cell holds.
  public static let maximumCell = 32_767

  /// The whole graph's ladders as a workbook.
  public static func export(_ graph: Graph, options: ExportOptions) throws(ExportError) -> ExportOutput {
    .bytes(try workbook(try parts(graph)))
  }

  /// The workbook's parts, by path in the archive: its XML, which the tests compare whole.
  public static func parts(_ graph: Graph) throws(ExportError) -> [ExportFile] {
    let sheets = graph.matrixSheets()
    guard !sheets.isEmpty else {
      throw ExportError(
        "the graph has no ladder (a track or role with levels) to write as a sheet",
        help: ["`orgraph query 'tracks | where count(-> has_level) > 0'` lists the ladders"])
    }
    let names = sheetNames(sheets.map(\.name))
    var files = [
      ExportFile(path: "[Content_Types].xml", text: contentTypes(sheets.count)),
      ExportFile(
        path: "_rels/.rels",
        text: relationships([
          ("rId1", "officeDocument", "xl/workbook.xml")
        ])),
      ExportFile(path: "xl/workbook.xml", text: workbookXML(names)),
      ExportFile(
        path: "xl/_rels/workbook.xml.rels",
        text: relationships(
          sheets.indices.map { ("rId\($0 + 1)", "worksheet", "worksheets/sheet\($0 + 1).xml") }
            + [("rId\(sheets.count + 1)", "styles", "styles.xml")])),
      ExportFile(path: "xl/styles.xml", text: styles),
    ]
    for (i, sheet) in sheets.enumerated() {
      files.append(ExportFile(path: "xl/worksheets/sheet\(i + 1).xml", text: try worksheet(sheet)))
    }
    return files
  }

  /// The parts zipped, in order.
  static func workbook(_ parts: [ExportFile]) throws(ExportError) -> Data {
    do {
      let archive = try Archive(data: Data(), accessMode: .create)
      // The zip format's earliest date: the same bytes every time.
      let date = Date(timeIntervalSince1970: 315_532_800)
      for part in parts {
        let data = Data(part.text.utf8)
        try archive.addEntry(
          with: part.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
          compressionMethod: .deflate
        ) { position, size in
          data.subdata(in: Int(position)..<min(Int(position) + size, data.count))
        }
      }
      guard let data = archive.data else { throw ExportError("the workbook could not be made in memory") }
      return data
    } catch let error as ExportError {
      throw error
    } catch {
      throw ExportError("the workbook could not be zipped: \(error)")
    }
  }

  /// Sheet names as Excel allows them: 31 characters at most, none of `[]:*?/\`, not blank, unique
  /// ignoring case (a second "Managers" is "Managers (2)").
  static func sheetNames(_ names: [String]) -> [String] {
    var taken = Set<String>()
    return names.map { name in
      var base = String(
        name.map { "[]:*?/\\".contains($0) || $0.isNewline ? " " : $0 }
      ).trimmingCharacters(in: CharacterSet(charactersIn: " '"))
      if base.isEmpty { base = "Ladder" }
      var candidate = String(base.prefix(31))
      var n = 2
      while taken.contains(candidate.lowercased()) {
        let suffix = " (\(n))"
        candidate = String(base.prefix(31 - suffix.count)) + suffix
        n += 1
      }
      taken.insert(candidate.lowercased())
      return candidate
    }
  }

  /// A column's letters: 0 → A, 26 → AA.
  static func column(_ index: Int) -> String {
    var n = index + 1
    var letters = ""
    while n > 0 {
      let r = (n - 1) % 26
      letters = String(UnicodeScalar(UInt8(65 + r))) + letters
      n = (n - 1) / 26
    }
    return letters
  }

  static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
  static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

  static func contentTypes(_ sheets: Int) -> String {
    let type = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    var xml = header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"# + "\n"
    xml +=
      #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
    xml += "\n" + #"<Default Extension="xml" ContentType="application/xml"/>"# + "\n"
    xml += #"<Override PartName="/xl/workbook.xml" ContentType="\#(type).sheet.main+xml"/>"# + "\n"
    xml += #"<Override PartName="/xl/styles.xml" ContentType="\#(type).styles+xml"/>"# + "\n"
    for i in 1...max(sheets, 1) {
      xml +=
        #"<Override PartName="/xl/worksheets/sheet\#(i).xml" ContentType="\#(type).worksheet+xml"/>"# + "\n"
    }
    return xml + "</Types>\n"
  }

  static func relationships(_ list: [(id: String, type: String, target: String)]) -> String {
    var xml =
      header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"# + "\n"
    for r in list {
      xml += #"<Relationship Id="\#(r.id)" Type="\#(officeRelationships)/\#(r.type)" Target="\#(r.target)"/>"#
      xml += "\n"
    }
    return xml + "</Relationships>\n"
  }

  static func workbookXML(_ names: [String]) -> String {
    var xml = header + #"<workbook xmlns="\#(main)" xmlns:r="\#(officeRelationships)">"# + "\n<sheets>\n"
    for (i, name) in names.enumerated() {
      xml += #"<sheet name="\#(XMLText.escape(name))" sheetId="\#(i + 1)" r:id="rId\#(i + 1)"/>"# + "\n"
    }
    return xml + "</sheets>\n</workbook>\n"
  }

  /// Three cell styles: plain, bold (the header and the area rows), and wrapped at the top (the cells,
  /// whose statements are one per line).
  static let styles =
    header + #"<styleSheet xmlns="\#(main)">"# + "\n"
    + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>"#
    + "\n"
    + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
    + "\n" + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
    + "\n" + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
    + "\n" + #"<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
    + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#
    + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf></cellXfs>"#
    + "\n" + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
    + "\n</styleSheet>\n"

  /// One ladder's sheet: the header and the competency column frozen, wide columns, inline strings.
  static func worksheet(_ sheet: MatrixSheet) throws(ExportError) -> String {
    let width = sheet.rows.map(\.count).max() ?? 1
    var xml = header + #"<worksheet xmlns="\#(main)">"# + "\n"
    xml +=
      #"<sheetViews><sheetView workbookViewId="0"><pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" state="frozen"/></sheetView></sheetViews>"#
    xml += "\n<cols>" + #"<col min="1" max="1" width="32" customWidth="1"/>"#
    if width > 1 { xml += #"<col min="2" max="\#(width)" width="48" customWidth="1"/>"# }
    xml += "</cols>\n<sheetData>\n"
    for (r, row) in sheet.rows.enumerated() {
      xml += #"<row r="\#(r + 1)">"#
      for (c, cell) in row.enumerated() where !cell.isEmpty {
        guard cell.count <= maximumCell else {
          throw ExportError(
            "the cell \(column(c))\(r + 1) of the sheet `\(sheet.name)` holds \(cell.count) characters; a spreadsheet cell holds at most \(maximumCell)",
            help: [
              "`orgraph export --format matrix` writes the same matrices as CSV, which has no such limit"
            ])
        }
        // Bold: the header, the area rows and the competencies' names; the statements wrap.
        let style = r == 0 || c == 0 || sheet.categories.contains(r) ? 1 : 2
        xml += #"<c r="\#(column(c))\#(r + 1)" t="inlineStr" s="\#(style)"><is><t xml:space="preserve">"#
        xml += XMLText.escape(cell) + "</t></is></c>"
      }
      xml += "</row>\n"
    }
    return xml + "</sheetData>\n</worksheet>\n"
  }
}

extension ExportFormat {
  /// Competency matrices as one XLSX workbook.
  public static let xlsx = ExportFormat(XLSXExporter.self)
}
