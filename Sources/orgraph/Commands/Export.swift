import ArgumentParser
import Foundation
import OrgExport
import OrgTool

/// `orgraph export`: its formats, their help and its examples all come from `ExportFormat.allCases`.
struct Export: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write the whole graph, derived and inferred edges marked, for other tools.",
    discussion: """
      Every format holds every node with its id and properties and every edge with its properties, derived and inferred ones marked by `origin`; ids are the graph's, so two exports diff cleanly. `--graph FILE.json` loads a JSON export back: derived and inferred edges are computed again, not doubled. Files and folders are written in one step, and an existing one is replaced only with --force. docs/export.md describes each format.

      Formats:
      \(formats)

      Examples:
      \(examples)
      """)

  /// Each format's examples: `  orgraph export ARGUMENTS  # COMMENT`, the comment on a line of its own
  /// when the two would not fit in 80 columns.
  static var examples: String {
    let lines = ExportFormat.allCases.flatMap { format in
      format.exporter.examples.map { ("orgraph export \($0.arguments)", $0.comment) }
    }
    let width = lines.map(\.0.count).filter { $0 <= 50 }.max() ?? 0
    return lines.map { command, comment in
      let padded = command + String(repeating: " ", count: max(width - command.count, 0) + 2)
      return padded.count + comment.count + 4 <= 80
        ? "  \(padded)# \(comment)" : "  \(command)\n      # \(comment)"
    }.joined(separator: "\n")
  }

  /// Every format with its summary, one a line.
  static var formats: String {
    let width = ExportFormat.allCases.map(\.rawValue.count).max() ?? 0
    return ExportFormat.allCases.map {
      "  " + $0.rawValue + String(repeating: " ", count: width - $0.rawValue.count + 2) + $0.exporter.summary
    }.joined(separator: "\n")
  }

  @OptionGroup var options: GraphOptions
  @Option(help: ArgumentHelp("One of the formats above.", valueName: "format"))
  var format: ExportFormat = .json
  @Option(help: ArgumentHelp("For --format cypher: neo4j (the default) or kuzu.", valueName: "dialect"))
  var dialect: CypherDialect = .neo4j
  @Option(
    name: [.short, .customLong("output")],
    help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "path"))
  var output: String?
  @OptionGroup var writes: WriteOptions

  func run() throws {
    try Terminal.write(
      GraphTool.export(
        graphPath: options.graph, as: format, dialect: dialect, to: output, replacing: writes.force,
        color: Terminal.colorOnStderr))
  }
}

extension ExportFormat: ExpressibleByArgument {}
extension CypherDialect: ExpressibleByArgument {}
