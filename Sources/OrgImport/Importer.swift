import Foundation
import OrgGraph
import Yams

/// Which reader reads a document.
public enum ReaderChoice: String, Sendable, CaseIterable {
  /// Pick from the document's shape, and say which.
  case auto
  /// Octopus-style ladder pages, one level per file.
  case octopus
  /// Rocket.Chat-style job descriptions (front matter, Identification, numbered sections).
  case rocketchatJD = "rocketchat-jd"
  /// Roles-and-responsibilities pages (a heading per role, or a table of roles).
  case rocketchatRoles = "rocketchat-roles"
  /// Octopus discipline pages: many roles or levels in one file, or one role with its bullets.
  case octopusRoles = "octopus-roles"
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
    for (n, (shown, full)) in all.enumerated() {
      progress?(n, all.count)
      do throws(ImportError) {
        let text = try readText(full, shown: shown)
        reading.documents.append(try read(text, path: shown, reader: reader))
      } catch {
        reading.failures.append(error)
      }
    }
    return reading
  }

  /// Links every statement of `reading` to the competencies its words express.
  public static func link(_ reading: inout Reading, with linker: CompetencyLinker) {
    for d in reading.documents.indices {
      for l in reading.documents[d].levels.indices {
        for s in reading.documents[d].levels[l].statements.indices {
          let text = reading.documents[d].levels[l].statements[s].text
          reading.documents[d].levels[l].statements[s].links = linker.links(for: text)
        }
      }
      for r in reading.documents[d].roles.indices {
        for s in reading.documents[d].roles[r].statements.indices {
          let text = reading.documents[d].roles[r].statements[s].text
          reading.documents[d].roles[r].statements[s].links = linker.links(for: text)
        }
      }
    }
  }

  /// One document's text, or why it is not a text document worth reading.
  static func readText(_ path: String, shown: String) throws(ImportError) -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ImportError(path: shown, message: "cannot be read", help: "check its permissions")
    }
    if data.count > maximumBytes {
      throw ImportError(
        path: shown, message: "is \(data.count / 1_000_000) MB; handbook pages are a few kilobytes",
        help: "import the handbook's pages, not a bundle of them")
    }
    if data.isEmpty { throw ImportError(path: shown, message: "is empty") }
    if let zero = data.firstIndex(of: 0) {
      let line = data[..<zero].filter { $0 == 0x0A }.count + 1
      throw ImportError(path: shown, line: line, message: "is binary, not a text document (a NUL byte)")
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

  /// Reads one document's text with `reader`.
  public static func read(_ text: String, path: String, reader: ReaderChoice) throws(ImportError)
    -> ImportedDocument
  {
    // Windows line ends (some handbook files have them) read as Unix ones; line numbers do not change.
    let text =
      text.contains("\r")
      ? text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : text
    var document = try readShape(text, path: path, reader: reader)
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

  static func readShape(_ text: String, path: String, reader: ReaderChoice) throws(ImportError)
    -> ImportedDocument
  {
    switch reader {
    case .octopus:
      if !OctopusLadderReader.recognises(text, path: path) && IndexPageReader.recognisesTrack(text) {
        return try IndexPageReader.readTrack(text, path: path)
      }
      return try OctopusLadderReader.read(text, path: path)
    case .rocketchatJD:
      if !RocketChatJobReader.recognises(text) && IndexPageReader.recognisesTeam(text, path: path) {
        return try IndexPageReader.readTeam(text, path: path)
      }
      return try RocketChatJobReader.read(text, path: path)
    case .rocketchatRoles:
      return try RocketChatRolesReader.read(text, path: path)
    case .octopusRoles:
      return try OctopusDisciplineReader.read(text, path: path)
    case .auto:
      let readme = path.split(separator: "/").last?.lowercased() == "readme.md"
      // A README introduces a folder: a discipline's lists its level pages, an area's gives its purpose (read
      // below, as other area pages are); any other is no framework document.
      if readme && IndexPageReader.recognisesTrack(text) {
        return try IndexPageReader.readTrack(text, path: path)
      }
      if readme && !IndexPageReader.recognisesTeam(text, path: path) {
        throw ImportError(
          path: path, message: "a README that introduces the handbook; it describes no level, role or team",
          help:
            "the roles and levels it points to are in the documents it links; to read it anyway, name a reader with --reader",
          unrecognised: true)
      }
      if OctopusLadderReader.recognises(text, path: path) {
        return try OctopusLadderReader.read(text, path: path)
      }
      if RocketChatJobReader.recognises(text) { return try RocketChatJobReader.read(text, path: path) }
      if RocketChatRolesReader.recognises(text) { return try RocketChatRolesReader.read(text, path: path) }
      if OctopusDisciplineReader.recognises(text) {
        return try OctopusDisciplineReader.read(text, path: path)
      }
      if IndexPageReader.recognisesTeam(text, path: path) {
        return try IndexPageReader.readTeam(text, path: path)
      }
      throw ImportError(
        path: path, message: "no reader recognises this document",
        help:
          "octopus reads ladder pages (`# L<n>: <Title>`), octopus-roles discipline pages (a title and `- I …` bullets), rocketchat-jd job descriptions (an `## Identification` list), rocketchat-roles roles pages (`### Role:` headings and Responsibilities)",
        unrecognised: true)
    }
  }
}
