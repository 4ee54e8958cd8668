import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The sheets of an XLSX workbook as grids of text, read with ZIPFoundation and Foundation's XML parser, in
/// bounded memory: a workbook is a zip of XML files, and a hostile one can expand to gigabytes or hold
/// thousands of sheets.
struct Workbook {
  /// One sheet: its name and its rows, each with its row number and its cells' text by column.
  struct Sheet {
    var name: String
    var rows: [(number: Int, cells: [String])]
    /// Cells that held a formula with no computed value, by row number.
    var formulas: [Int] = []
  }

  /// Why a workbook cannot be read.
  struct Problem: Error {
    var message: String
    var help: String?
  }

  /// The most one part of the workbook may expand to, and all of them together.
  static let maximumPartBytes = 32 << 20
  static let maximumTotalBytes = 128 << 20
  /// The most sheets read; the rest are reported.
  static let maximumSheets = 256

  var sheets: [Sheet] = []
  /// Sheets past ``maximumSheets``, not read.
  var sheetsLeftOut = 0

  /// Whether `bytes` start like a zip archive.
  static func looksLikeZip(_ bytes: Data) -> Bool { bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) }

  /// Reads the workbook in `bytes`.
  init(_ bytes: Data) throws(Problem) {
    // From a temporary file, not from memory: ZIPFoundation's in-memory archive traps (a range check) when a
    // damaged zip seeks past its end, which the fuzzer found; its file-backed one reads nothing there.
    let file = FileManager.default.temporaryDirectory.appending(
      path: "orgraph-workbook-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).xlsx")
    guard (try? bytes.write(to: file)) != nil else {
      throw Problem(message: "cannot be read: no room for a temporary copy", help: nil)
    }
    defer { try? FileManager.default.removeItem(at: file) }
    let archive: Archive
    do {
      archive = try Archive(url: file, accessMode: .read)
    } catch {
      throw Problem(
        message: "is not a zip archive that can be read", help: "save the workbook again as .xlsx")
    }
    var budget = Self.maximumTotalBytes
    func part(_ path: String) throws(Problem) -> Data? {
      guard let entry = archive[path] else { return nil }
      if entry.uncompressedSize > UInt64(Self.maximumPartBytes) {
        throw Problem(
          message:
            "its part `\(path)` expands to \(entry.uncompressedSize >> 20) MB, more than a framework holds",
          help: "a competency matrix is a few sheets of text; save the framework's sheets alone")
      }
      var data = Data()
      do {
        _ = try archive.extract(entry, skipCRC32: false) { chunk in
          data.append(chunk)
          // The sizes a zip declares can lie: the bytes are counted as they come.
          if data.count > Self.maximumPartBytes || data.count > budget { throw CocoaError(.fileReadTooLarge) }
        }
      } catch {
        throw Problem(
          message: "its part `\(path)` cannot be read within \(Self.maximumPartBytes >> 20) MB (\(error))",
          help: "save the workbook again as .xlsx; a competency matrix is a few sheets of text")
      }
      budget -= data.count
      return data
    }
    guard let workbook = try part("xl/workbook.xml") else {
      throw Problem(message: "is a zip archive but not an XLSX workbook (no xl/workbook.xml)", help: nil)
    }
    let relations = try part("xl/_rels/workbook.xml.rels").map(XMLElements.parse) ?? []
    let targets = Dictionary(
      relations.filter { $0.name == "Relationship" }.compactMap { r in
        r.attributes["Id"].flatMap { id in r.attributes["Target"].map { (id, $0) } }
      }, uniquingKeysWith: { a, _ in a })
    let strings = try part("xl/sharedStrings.xml").map(Self.sharedStrings) ?? []
    let declared = XMLElements.parse(workbook).filter { $0.name == "sheet" }
    sheetsLeftOut = max(0, declared.count - Self.maximumSheets)
    for sheet in declared.prefix(Self.maximumSheets) {
      let name = sheet.attributes["name"] ?? "Sheet"
      guard let id = sheet.attributes["r:id"], var target = targets[id] else { continue }
      if target.hasPrefix("/") { target.removeFirst() } else { target = "xl/" + target }
      guard let xml = try part(target) else { continue }
      sheets.append(Self.sheet(name, xml, strings: strings))
    }
  }

  /// The shared strings, in order: each `<si>`'s text runs joined.
  static func sharedStrings(_ xml: Data) -> [String] {
    let reader = TextCollector(item: "si")
    reader.parse(xml)
    return reader.items
  }

  /// A sheet's rows: each `<c>`'s text — a shared string, an inline string, or a value — at its column.
  static func sheet(_ name: String, _ xml: Data, strings: [String]) -> Sheet {
    let reader = CellCollector(strings: strings)
    reader.parse(xml)
    let rows = reader.rows.sorted { $0.key < $1.key }.map { number, cells -> (Int, [String]) in
      let width = (cells.keys.max() ?? -1) + 1
      return (number, (0..<width).map { cells[$0] ?? "" })
    }
    return Sheet(name: name, rows: rows, formulas: reader.formulas)
  }

  /// A cell reference's column: `C12` → 2 (at most three letters).
  static func column(_ reference: String) -> Int? {
    var n = 0
    var letters = 0
    for scalar in reference.unicodeScalars {
      guard (65...90).contains(scalar.value), letters < 3 else { break }
      n = n * 26 + Int(scalar.value) - 64
      letters += 1
    }
    return letters == 0 ? nil : n - 1
  }
}

/// Elements of a small XML document with their attributes, in order (relations, a workbook's sheets).
enum XMLElements {
  struct Element {
    var name: String
    var attributes: [String: String]
  }

  static func parse(_ xml: Data) -> [Element] {
    let collector = ElementCollector()
    run(collector, on: xml)
    return collector.elements
  }

  /// Parses `xml` with `delegate`, external entities never resolved (a workbook is untrusted input).
  static func run(_ delegate: XMLParserDelegate, on xml: Data) {
    let parser = XMLParser(data: xml)
    parser.delegate = delegate
    parser.shouldResolveExternalEntities = false
    _ = parser.parse()
  }

  final class ElementCollector: NSObject, XMLParserDelegate {
    var elements: [Element] = []
    func parser(
      _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String] = [:]
    ) {
      elements.append(Element(name: name, attributes: attributes))
    }
  }
}

/// The text of each `item` element (`<si>`), its `<t>` runs joined.
final class TextCollector: NSObject, XMLParserDelegate {
  let item: String
  var items: [String] = []
  private var current: String?
  private var inText = false

  init(item: String) { self.item = item }

  func parse(_ xml: Data) { XMLElements.run(self, on: xml) }

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    if name == item { current = "" }
    if name == "t" { inText = true }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if inText, current != nil { current? += string }
  }

  func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?)
  {
    if name == "t" { inText = false }
    if name == item, let text = current {
      items.append(text)
      current = nil
    }
  }
}

/// A sheet's cells by row and column.
final class CellCollector: NSObject, XMLParserDelegate {
  let strings: [String]
  var rows: [Int: [Int: String]] = [:]
  var formulas: [Int] = []
  private var row = 0
  private var column = 0
  private var type = ""
  private var value = ""
  private var formula = ""
  private var inValue = false
  private var inFormula = false
  private var inCell = false

  init(strings: [String]) { self.strings = strings }

  func parse(_ xml: Data) { XMLElements.run(self, on: xml) }

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    switch name {
    case "row":
      row = attributes["r"].flatMap { Int($0) } ?? (row + 1)
      column = 0
    case "c":
      inCell = true
      column = attributes["r"].flatMap(Workbook.column) ?? column
      type = attributes["t"] ?? ""
      value = ""
      formula = ""
    case "v", "t": if inCell { inValue = true }
    case "f": if inCell { inFormula = true }
    default: break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if inValue { value += string }
    if inFormula { formula += string }
  }

  func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?)
  {
    switch name {
    case "v", "t": inValue = false
    case "f": inFormula = false
    case "c":
      inCell = false
      var text = value
      if type == "s", let index = Int(value) {
        text = index >= 0 && index < strings.count ? strings[index] : ""
      }
      if text.isEmpty && !formula.isEmpty {
        text = "=" + formula
        formulas.append(row)
      }
      if !text.isEmpty { rows[row, default: [:]][column] = text }
      column += 1
    default: break
    }
  }
}
