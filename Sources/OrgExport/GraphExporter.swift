import Foundation
import OrgGraph

/// One format `orgraph export` writes. A format is one conforming type in one file of `Formats/`, named
/// after it (`GraphMLExporter.swift` holds `GraphMLExporter`): its name, its help, whether it writes a
/// folder, and the export itself. ``ExportFormat/allCases`` lists them, made at build time from the files,
/// so the command's `--help`, its dispatch, the fuzzer and the tests see a new format with nothing else
/// to edit.
///
/// ```swift
/// enum TSVExporter: GraphExporter {
///   static let name = "tsv"
///   static let summary = "one tab-separated table of nodes"
///   static let position = 70
///   static func export(_ graph: Graph, options: ExportOptions) throws(ExportError) -> ExportOutput {
///     .text(graph.nodes.map { graph.id(of: $0) + "\t" + graph.name(of: $0) + "\n" }.joined())
///   }
/// }
/// ```
public protocol GraphExporter: Sendable {
  /// The name `--format` takes: `graphml`.
  static var name: String { get }
  /// What the format is for, in a few words, for `export --help`: `GraphML (yEd, Gephi, networkx)`.
  static var summary: String { get }
  /// Where the format stands in lists (help, docs): lower first. JSON, the default, is 0.
  static var position: Int { get }
  /// Whether the format is a folder of files rather than one text.
  static var writesFolder: Bool { get }
  /// Whether the format is one binary file (a workbook), written only to a file named with `-o`.
  static var writesBytes: Bool { get }
  /// The ending a file of this format takes (`graphml`), or `nil` for a folder.
  static var fileExtension: String? { get }
  /// Command lines for `export --help`: the arguments after `orgraph export`, and a comment.
  static var examples: [ExportExample] { get }
  /// The ways the format is written that differ in bytes (Cypher's dialects): each is tested against a
  /// golden file of its own, named by ``ExportVariant/name``.
  static var variants: [ExportVariant] { get }

  /// The whole graph in this format.
  static func export(_ graph: Graph, options: ExportOptions) throws(ExportError) -> ExportOutput
}

extension GraphExporter {
  /// One text, unless the format says otherwise.
  public static var writesFolder: Bool { false }
  /// Text, unless the format says otherwise.
  public static var writesBytes: Bool { false }
  /// The format's name.
  public static var fileExtension: String? { writesFolder ? nil : name }
  /// One way of writing it.
  public static var variants: [ExportVariant] { [ExportVariant(name: name, options: ExportOptions())] }
  /// No examples beyond the format's default command line.
  public static var examples: [ExportExample] {
    [
      ExportExample(
        arguments:
          "--format \(name) -o \(writesFolder ? "\(name)-export" : "graph.\(fileExtension ?? name)")",
        comment: summary)
    ]
  }
}

/// What an export may be asked for besides the format.
public struct ExportOptions: Sendable, Hashable {
  /// The Cypher dialect (`--dialect`), for the formats that write Cypher.
  public var dialect: CypherDialect

  /// Options with the defaults: Neo4j's Cypher.
  public init(dialect: CypherDialect = .neo4j) {
    self.dialect = dialect
  }
}

/// What an export made: one text, or the files of a folder.
public enum ExportOutput: Sendable, Hashable {
  /// One text (standard output, or one file).
  case text(String)
  /// Files inside a folder, by relative path.
  case files([ExportFile])
  /// One binary file (a workbook).
  case bytes(Data)
}

/// An export that could not be made, with what to do about it.
public struct ExportError: Error, Sendable, Hashable {
  /// What went wrong.
  public var message: String
  /// Ways forward.
  public var help: [String]

  /// An error saying `message`, with `help`.
  public init(_ message: String, help: [String] = []) {
    self.message = message
    self.help = help
  }
}

/// A command line shown in `export --help`.
public struct ExportExample: Sendable, Hashable {
  /// The arguments after `orgraph export`.
  public var arguments: String
  /// What it is for.
  public var comment: String

  /// An example of `arguments`, explained by `comment`.
  public init(arguments: String, comment: String) {
    self.arguments = arguments
    self.comment = comment
  }
}

/// One way of writing a format, tested against its own golden file.
public struct ExportVariant: Sendable, Hashable {
  /// The golden file's name, without its ending: `cypher-kuzu`.
  public var name: String
  /// The options that make it.
  public var options: ExportOptions

  /// A variant called `name`, made with `options`.
  public init(name: String, options: ExportOptions) {
    self.name = name
    self.options = options
  }
}
