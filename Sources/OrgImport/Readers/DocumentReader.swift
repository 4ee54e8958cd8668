import Foundation

/// One shape of framework document the importer reads. A reader is one conforming type in one file of
/// `Readers/`, named after it (`OctopusLadderReader.swift` holds `OctopusLadderReader`): its name for
/// `--reader`, a line of help, how it recognises a document and how sure it is, and the reading itself.
/// ``ReaderChoice/allCases`` lists them, made at build time from the files, so `import --help`, the choice
/// of reader, the report's wording and the fuzzer see a new reader with nothing else to edit.
///
/// With `--reader auto` each document goes to the reader that is surest of it; readers equally sure are
/// asked in ``position`` order.
public protocol DocumentReader: Sendable {
  /// The name `--reader` takes and the report shows: `octopus`.
  static var name: String { get }
  /// What it reads, for `import --help` and the "no reader recognises" help: `ladder pages (`# L3: …`)`.
  static var summary: String { get }
  /// Its place in lists, and among readers equally sure of a document: lower first.
  static var position: Int { get }
  /// Whether it reads documents that are not UTF-8 text (a workbook): such documents reach only readers
  /// that say so, as ``SourceDocument/bytes``.
  static var readsBytes: Bool { get }

  /// How sure it is that `document` has its shape, and what it saw.
  static func recognise(_ document: SourceDocument) -> Recognition
  /// Reads `document`: asked of the reader that recognised it, or of the one the user named, which reads
  /// what it can and reports the rest.
  static func read(_ document: SourceDocument) throws(ImportError) -> ImportedDocument
}

extension DocumentReader {
  /// Text only.
  public static var readsBytes: Bool { false }
}

/// A reader whose reading needs only a text document's text and path: `read(_:)` comes with it.
public protocol TextDocumentReader: DocumentReader {
  /// Reads the document's text; `path` is for the report.
  static func read(_ text: String, path: String) throws(ImportError) -> ImportedDocument
}

extension TextDocumentReader {
  /// The document's text, read.
  public static func read(_ document: SourceDocument) throws(ImportError) -> ImportedDocument {
    try read(document.text ?? "", path: document.path)
  }
}

/// A document as the importer hands it to a reader: its path, its bytes, and its text when it is text.
public struct SourceDocument: Sendable {
  /// The path as the report shows it (relative to the folder imported, when a folder was).
  public var path: String
  /// The file's bytes.
  public var bytes: Data
  /// The bytes as UTF-8 text with Unix line ends, or `nil` when they are not text.
  public var text: String?
  /// What a mapping file says of the framework (`orgraph import --mapping`): the names a structured file
  /// gives its fields, its proficiency words.
  public var mapping = ImportMapping()

  /// A document of `text` at `path`.
  public init(path: String, text: String) {
    self.path = path
    self.bytes = Data(text.utf8)
    self.text = text
  }

  /// A document of `bytes` at `path`, and its text when the bytes are text.
  public init(path: String, bytes: Data, text: String?) {
    self.path = path
    self.bytes = bytes
    self.text = text
  }

  /// Whether the file's name (its last path component) is `name`, ignoring case.
  public func isNamed(_ name: String) -> Bool {
    path.split(separator: "/").last?.lowercased() == name.lowercased()
  }
}

/// How sure a reader is that a document has its shape.
public struct Recognition: Sendable, Hashable, Comparable {
  /// How sure, from not at all to certain.
  public enum Confidence: Int, Sendable, Hashable, Comparable {
    /// Not this reader's shape.
    case none
    /// Could be: read by this reader only when no other is surer.
    case possible
    /// Its marks are there.
    case likely
    /// Nothing else reads it (a discipline's README that lists ladder pages).
    case certain

    /// Orders by sureness.
    public static func < (lhs: Confidence, rhs: Confidence) -> Bool { lhs.rawValue < rhs.rawValue }
  }

  /// How sure.
  public var confidence: Confidence
  /// What the reader saw, for the report: "a `# L<n>: <Title>` heading".
  public var reason: String

  /// Recognised with `confidence`, because of `reason`.
  public init(_ confidence: Confidence, _ reason: String) {
    self.confidence = confidence
    self.reason = reason
  }

  /// Not recognised.
  public static let no = Recognition(.none, "")

  /// Orders by confidence.
  public static func < (lhs: Recognition, rhs: Recognition) -> Bool { lhs.confidence < rhs.confidence }
}
