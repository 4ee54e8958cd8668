import Foundation
import OrgGraph
import Yams

/// Which reader reads the documents whose path matches a pattern: `octopus=Security-Operations/*`, or a
/// reader for every document (no pattern).
public struct ReaderRule: Sendable, Hashable {
  /// The reader.
  public var reader: ReaderChoice
  /// A shell pattern (`*`, `?`, `[…]`) matched against the document's path as the report shows it, or
  /// against its file name alone when the pattern has no `/`; `nil` for every document.
  public var pattern: String?

  /// `reader` for the documents `pattern` matches (every document when it is `nil`).
  public init(_ reader: ReaderChoice, pattern: String? = nil) {
    self.reader = reader
    self.pattern = pattern
  }

  /// `NAME` or `NAME=PATTERN` as `--reader` takes it, or `nil` when NAME is no reader.
  public init?(argument: String) {
    let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
    guard let first = parts.first, let reader = ReaderChoice(rawValue: first) else { return nil }
    self.init(reader, pattern: parts.count > 1 ? parts[1] : nil)
  }

  /// Whether the rule applies to the document at `path`. A pattern with a `/` is matched against the path
  /// and against each of its ends that starts a folder, so `beta/*` matches `handbooks/beta/matrix.csv`
  /// whichever folder was named on the command line.
  public func matches(_ path: String) -> Bool { Self.matches(pattern, path) }

  /// Whether the shell pattern `pattern` (`nil`: every document) matches the document at `path`, as every
  /// rule by pattern matches (readers, organisations).
  static func matches(_ pattern: String?, _ path: String) -> Bool {
    guard let pattern else { return true }
    let parts = path.split(separator: "/")
    guard pattern.contains("/") else { return fnmatch(pattern, String(parts.last ?? ""), 0) == 0 }
    return parts.indices.contains { fnmatch(pattern, parts[$0...].joined(separator: "/"), 0) == 0 }
  }
}

/// Reads handbook documents into ``ImportedDocument``s and writes them as a Graph folder.
public enum Importer {
  /// The largest document read (a handbook page is a few kilobytes).
  public static let maximumBytes = 5_000_000

  /// The result of reading paths: documents read, documents refused (with why), and documents no reader
  /// recognised.
  public struct Reading: Sendable {
    /// Documents read.
    public var documents: [ImportedDocument] = []
    /// Documents that could not be read.
    public var failures: [ImportError] = []

    /// A reading of `documents`, with the documents refused.
    public init(documents: [ImportedDocument] = [], failures: [ImportError] = []) {
      self.documents = documents
      self.failures = failures
    }
  }

  /// Reads every path: a file, or a folder (every file under it, in path order, hidden ones aside).
  /// `progress`, when given, is told how many documents have been read, of how many.
  public static func read(
    _ paths: [String], reader: ReaderChoice = .auto, progress: (@Sendable (Int, Int) -> Void)? = nil
  ) -> Reading {
    read(paths, readers: [ReaderRule(reader)], progress: progress)
  }

  /// Reads every path as ``read(_:reader:progress:)`` does, each document with the reader of the first of
  /// `readers` whose pattern its path matches (`auto` when none does): a mixed handbook in one run.
  ///
  /// Each document is of the organisation of the first of `organisations` whose pattern matches it, else of
  /// the one it names itself, else of the import's; `mapping` tells the readers what the documents do not
  /// say (a structured file's field names, its proficiency words).
  public static func read(
    _ paths: [String], readers: [ReaderRule], organisations: [OrganisationRule] = [],
    mapping: ImportMapping = ImportMapping(), progress: (@Sendable (Int, Int) -> Void)? = nil
  ) -> Reading {
    var reading = Reading()
    var all: [(shown: String, full: String)] = []
    for path in paths {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
        reading.failures.append(ImportError(path: path, message: "no such file or folder"))
        continue
      }
      let files: [(shown: String, full: String)]
      if isFolder.boolValue {
        let base = URL(fileURLWithPath: path)
        let root = base.standardizedFileURL.lastPathComponent
        let all = (FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? []).sorted()
        // Folders OrgGraph wrote (an earlier import's output, an export) hold no handbook pages.
        let written = Set(
          all.filter { $0.hasSuffix("/.orgraph-output") }.map {
            String($0.dropLast("/.orgraph-output".count))
          })
        files = all.compactMap { relative in
          guard !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { return nil }
          let parts = relative.split(separator: "/").dropLast()
          guard !parts.indices.contains(where: { written.contains(parts[...$0].joined(separator: "/")) })
          else {
            return nil
          }
          var dir: ObjCBool = false
          let full = base.appending(path: relative).path
          guard FileManager.default.fileExists(atPath: full, isDirectory: &dir), !dir.boolValue else {
            return nil
          }
          return (root + "/" + relative, full)
        }
      } else {
        files = [(URL(fileURLWithPath: path).lastPathComponent, path)]
      }
      all += files
    }
    all = distinct(all, failures: &reading.failures)
    for (n, (shown, full)) in all.enumerated() {
      progress?(n, all.count)
      do throws(ImportError) {
        let reader = readers.first { $0.matches(shown) }?.reader ?? .auto
        var source = try readSource(full, shown: shown)
        source.mapping = mapping
        var document = try read(source, reader: reader)
        if let rule = organisations.first(where: { $0.pattern != nil && $0.matches(shown) }) {
          document.organisation = rule.name
        }
        reading.documents.append(document)
      } catch {
        reading.failures.append(error)
      }
    }
    return reading
  }

  /// `files` with each file once (a file named twice, or a folder and a file in it, is read once, and the
  /// second naming listed), and names that tell files apart: two `README.md` named directly from different
  /// folders are shown with as many of their folders as it takes (`Cloud-Engineering/README.md`), so their
  /// documents, and their ids, differ.
  static func distinct(_ files: [(shown: String, full: String)], failures: inout [ImportError]) -> [(
    shown: String, full: String
  )] {
    var seen: [String: String] = [:]
    var out: [(shown: String, full: String)] = []
    for file in files {
      let key = URL(fileURLWithPath: file.full).standardizedFileURL.resolvingSymlinksInPath().path
      if let first = seen[key] {
        failures.append(
          ImportError(
            path: file.shown, message: "is \(first) again, which is read once", unrecognised: true))
        continue
      }
      seen[key] = file.shown
      out.append(file)
    }
    for depth in 1...8 {
      let counts = Dictionary(grouping: out.indices, by: { out[$0].shown.lowercased() })
      let clashing = counts.values.filter { $0.count > 1 }.flatMap { $0 }
      guard !clashing.isEmpty else { break }
      for i in clashing {
        let parts = URL(fileURLWithPath: out[i].full).standardizedFileURL.pathComponents.filter { $0 != "/" }
        out[i].shown = parts.suffix(depth + 1).joined(separator: "/")
      }
    }
    return out
  }

  /// Links every statement of `reading` to the competencies its words express. Links a reader set itself
  /// (a matrix row names its competency) are kept; the linker adds the competencies they do not name.
  public static func link(_ reading: inout Reading, with linker: CompetencyLinker) {
    func add(_ statement: inout ImportedText, _ competencies: [ImportedCompetency]) {
      var named = Set(statement.links.map(\.competency))
      // A statement of the organisation's own competency (a matrix row) expresses what the row's name
      // means in the canonical layer too, so frameworks of two organisations compare.
      if let c = statement.competency, c < competencies.count, let canonical = competencies[c].canonical,
        named.insert(canonical).inserted
      {
        statement.links.append(
          CompetencyLinker.Link(
            competency: canonical, proficiency: statement.proficiency, aspect: nil,
            matchedBy: "its competency \"\(competencies[c].name)\"", confidence: 0.9))
      }
      statement.links += linker.links(for: statement.text).filter { named.insert($0.competency).inserted }
    }
    for d in reading.documents.indices {
      // What each of the organisation's competencies means, worked out once, not once per statement.
      for c in reading.documents[d].competencies.indices {
        reading.documents[d].competencies[c].canonical = canonical(
          reading.documents[d].competencies[c].name, linker)
      }
      let competencies = reading.documents[d].competencies
      for l in reading.documents[d].levels.indices {
        for s in reading.documents[d].levels[l].statements.indices {
          add(&reading.documents[d].levels[l].statements[s], competencies)
        }
      }
      for r in reading.documents[d].roles.indices {
        for s in reading.documents[d].roles[r].statements.indices {
          add(&reading.documents[d].roles[r].statements[s], competencies)
        }
      }
    }
  }

  /// The canonical competency an organisation's competency `name` means: the link the linker is surest of
  /// for the name alone (a name, an alias, or a word of it: `Code quality` means `competency:quality`).
  static func canonical(_ name: String, _ linker: CompetencyLinker) -> String? {
    linker.links(for: name).max { $0.confidence < $1.confidence }?.competency
  }

  /// One document as a reader gets it: its bytes, and its text when it is text.
  static func readSource(_ path: String, shown: String) throws(ImportError) -> SourceDocument {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ImportError(path: shown, message: "cannot be read", help: "check its permissions")
    }
    if data.count > maximumBytes {
      throw ImportError(
        path: shown, message: "is \(data.count / 1_000_000) MB; handbook pages are a few kilobytes",
        help: "import the handbook's pages, not a bundle of them")
    }
    if data.isEmpty { throw ImportError(path: shown, message: "is empty") }
    let text = try? self.text(of: data, shown: shown)
    return SourceDocument(path: shown, bytes: data, text: text.map(unixLineEnds))
  }

  /// `data` as text, or why it is not a text document.
  static func text(of data: Data, shown: String) throws(ImportError) -> String {
    if data.contains(0) {
      // A file that is not text has no lines to point at; what it is, when its first bytes say, helps more.
      let kind = fileKind(data).map { "a \($0), " } ?? ""
      throw ImportError(
        path: shown, message: "is \(kind)not a text document (it holds NUL bytes)",
        help: "import Markdown pages or CSV files; save a spreadsheet as CSV")
    }
    guard let text = String(bytes: data, encoding: .utf8) else {
      let bytes = Array(data)
      let bad = firstInvalidUTF8(bytes) ?? 0
      let line = data.prefix(bad).filter { $0 == 0x0A }.count + 1
      let lineStart = (bytes[..<bad].lastIndex(of: 0x0A) ?? -1) + 1
      let value = bad < bytes.count ? String(format: "0x%02X", bytes[bad]) : "?"
      throw ImportError(
        path: shown, line: line,
        message: "is not UTF-8 text: the byte \(value) at column \(bad - lineStart + 1) is not valid",
        help: "convert it to UTF-8, for example with `iconv -f windows-1252 -t utf-8`")
    }
    return text
  }

  /// The offset of the first byte that does not start or continue a valid UTF-8 sequence, in one pass.
  static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      let length: Int
      switch b {
      case 0x00...0x7F: length = 1
      case 0xC2...0xDF: length = 2
      case 0xE0...0xEF: length = 3
      case 0xF0...0xF4: length = 4
      default: return i
      }
      guard i + length <= bytes.count else { return i }
      for k in 1..<max(length, 1) where bytes[i + k] & 0xC0 != 0x80 { return i }
      i += length
    }
    return nil
  }

  /// What a binary file is, by its first bytes: the kinds people mistake for documents.
  static func fileKind(_ data: Data) -> String? {
    let head = [UInt8](data.prefix(8))
    if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return "zip archive (an XLSX or DOCX file is one)" }
    if head.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return "PNG image" }
    if head.starts(with: [0xFF, 0xD8, 0xFF]) { return "JPEG image" }
    if head.starts(with: Array("GIF8".utf8)) { return "GIF image" }
    if head.starts(with: Array("%PDF".utf8)) { return "PDF file" }
    if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return "Microsoft Office 97 file (XLS or DOC)" }
    return nil
  }

  /// Windows line ends (some handbook files have them) as Unix ones; line numbers do not change.
  static func unixLineEnds(_ text: String) -> String {
    text.contains("\r")
      ? text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : text
  }

  /// Reads one document's text with `reader`.
  public static func read(_ text: String, path: String, reader: ReaderChoice) throws(ImportError)
    -> ImportedDocument
  {
    try read(SourceDocument(path: path, text: unixLineEnds(text)), reader: reader)
  }

  /// Reads one document with `reader`, or, for `auto`, with the reader surest of it.
  public static func read(_ source: SourceDocument, reader: ReaderChoice) throws(ImportError)
    -> ImportedDocument
  {
    let path = source.path
    var document = try readShape(source, reader: reader)
    document.organisation = organisation(namedIn: source)
    // Statements that name the level they are measured against: "(Equivalent to L2 Software Engineer)".
    for l in document.levels.indices {
      let levelWide = Set(document.levels[l].includes.map(\.line))
      for s in document.levels[l].statements.indices
      where !levelWide.contains(document.levels[l].statements[s].line) {
        let t = document.levels[l].statements[s]
        document.levels[l].statements[s].refersTo = LevelReferences.find(
          in: t.text, links: t.hyperlinks, line: t.line, path: path)
      }
    }
    for r in document.roles.indices {
      for s in document.roles[r].statements.indices {
        let t = document.roles[r].statements[s]
        document.roles[r].statements[s].refersTo = LevelReferences.find(
          in: t.text, links: t.hyperlinks, line: t.line, path: path)
      }
    }
    return document
  }

  /// The organisation a document names itself: `organisation:` (or `organization:`) at the top of a
  /// structured file or in a page's front matter.
  static func organisation(namedIn source: SourceDocument) -> String? {
    guard let text = source.text else { return nil }
    let lower = source.path.lowercased()
    let yaml =
      lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") || lower.hasSuffix(".json")
      ? text : FrontMatter(text)?.yaml
    guard let yaml, yaml.contains("organi"),
      let root = (try? Yams.load(yaml: yaml)) as? [String: Any]
    else { return nil }
    for key in ["organisation", "organization"] {
      if let name = (root[key] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines),
        name.contains(where: { $0.isLetter || $0.isNumber })
      {
        return name
      }
    }
    return nil
  }

  /// The reader `choice` names, or the one surest of `source`; why; and its reading.
  static func readShape(_ source: SourceDocument, reader choice: ReaderChoice) throws(ImportError)
    -> ImportedDocument
  {
    if let reader = choice.reader {
      guard source.text != nil || reader.readsBytes else { throw notText(source) }
      var document = try reader.read(source)
      document.readBecause = "named by --reader"
      return document
    }
    let text = source.text ?? ""
    // A README introduces a folder: one that lists level pages is read as their track (the octopus reader
    // is certain of it); an area's README as its team; any other is no framework document.
    if source.text != nil, source.isNamed("readme.md"), !IndexPages.recognisesTrack(text),
      !IndexPages.recognisesTeam(text, path: source.path)
    {
      throw ImportError(
        path: source.path,
        message: "a README that introduces the handbook; it describes no level, role or team",
        help:
          "the roles and levels it points to are in the documents it links; to read it anyway, name a reader with --reader",
        unrecognised: true)
    }
    var best: (reader: any DocumentReader.Type, recognition: Recognition)?
    for reader in ReaderChoice.readers where source.text != nil || reader.readsBytes {
      let recognition = reader.recognise(source)
      if recognition.confidence > .none, recognition.confidence > (best?.recognition.confidence ?? .none) {
        best = (reader, recognition)
      }
    }
    guard let best else {
      if source.text == nil { throw notText(source) }
      throw ImportError(
        path: source.path, message: "no reader recognises this document",
        help: "the readers are "
          + ReaderChoice.readers.map { $0.name }.joined(separator: ", ")
          + " (`orgraph import --help` shows what each reads); to read it anyway, name one with --reader",
        unrecognised: true)
    }
    var document = try best.reader.read(source)
    document.readBecause = best.recognition.reason
    return document
  }

  /// Why `source` is not text: the error its bytes give.
  static func notText(_ source: SourceDocument) -> ImportError {
    do throws(ImportError) {
      _ = try text(of: source.bytes, shown: source.path)
      return ImportError(path: source.path, message: "is not a text document")
    } catch {
      return error
    }
  }
}
