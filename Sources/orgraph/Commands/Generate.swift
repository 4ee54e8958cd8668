import ArgumentParser
import CLineEdit
import Foundation
import OrgDiagram
import OrgGraph
import OrgQuery
import OrgRender
import OrgSynthetic
import OrgTool

struct Generate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write a deterministic synthetic organisation as CSV tables, for trying OrgGraph at scale.",
    discussion: """
      S: 50 teams, 500 roles with 5 levels each, 2,000 competencies, 20 values (5,071 nodes, 62,389 edges).
      M: 500 teams, 5,000 roles, 20,000 competencies (50,521 nodes, 624,048 edges).
      L: M and 1,000,000 people, each holding a level and assessed on 20 competencies (1,050,521 nodes, 21,624,048 edges, 920 MB of CSV).

      DIR/csv holds the manifest and one table per kind and per edge type, the form HR systems export: load it with --graph DIR/csv. For S, DIR/yaml holds the same framework as a YAML Graph folder. DIR/benchmark.json names the nodes the benchmark's queries start from (scripts/bench). The same scale and seed give the same bytes.

      Examples:
        orgraph generate --scale S -o /tmp/org-s
        orgraph stats --graph /tmp/org-s/csv
        orgraph generate --scale L -o /tmp/org-l && orgraph snapshot --graph /tmp/org-l/csv -o /tmp/org-l.orgsnap
      """)

  @Option(help: ArgumentHelp("S, M or L.", valueName: "scale"))
  var scale: Scale
  @Option(help: ArgumentHelp("The random seed: the same seed gives the same organisation.", valueName: "n"))
  var seed: UInt64 = 1
  @Option(
    name: [.short, .customLong("output")], help: ArgumentHelp("The folder to write (new).", valueName: "dir"))
  var output: String
  // `--force` comes from the shared group: the root command's option groups take a flag of the same name first.
  @OptionGroup var writes: WriteOptions

  enum Scale: String, ExpressibleByArgument, CaseIterable {
    case S, M, L
    init?(argument: String) { self.init(rawValue: argument.uppercased()) }
  }

  func run() throws {
    let organisation = SyntheticOrganisation(
      scale: SyntheticOrganisation.Scale(rawValue: scale.rawValue) ?? .s, seed: seed)
    let terminal = isatty(2) != 0
    var summary = SyntheticOrganisation.Summary()
    do throws(OutputFileError) {
      try OutputFolder.write(to: output, replacing: writes.force) { staging in
        summary = try organisation.write(to: staging) { file in
          if terminal { FileHandle.standardError.write(Data("\r\u{1B}[Kwrote \(file)".utf8)) }
        }
      }
    } catch {
      if terminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
      let help = error.exists ? ["name a new folder, or pass --force to replace it"] : []
      FileHandle.standardError.write(Data(DiagnosticRenderer.plainError("\(error)", help: help).utf8))
      throw ExitCode(1)
    }
    if terminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    let bytes = summary.files.reduce(0) { $0 + $1.bytes }
    print(
      "wrote \(output): \(summary.nodes.formatted()) nodes and \(summary.edges.formatted()) edges in \(summary.files.count) files, \(ByteCountFormatter.string(fromByteCount: Int64(bytes), countStyle: .file))"
    )
    print("load it with: orgraph stats --graph \((output as NSString).appendingPathComponent("csv"))")
  }
}
