import Foundation
import OrgExport
import OrgImport
import OrgQuery
import Testing

/// The tool's help is made from the registries: every export format in `export --help`, every query
/// command in `:help commands`, every diagram format in `:render`'s error.
@Suite("Help from the registries")
struct RegistryHelpTests {
  @Test func exportHelpNamesEveryFormat() throws {
    let help = try Tool.run(["export", "--help"], environment: ["COLUMNS": "400"])
    #expect(help.status == 0)
    for format in ExportFormat.allCases {
      #expect(help.stdout.contains("  \(format.rawValue)  "), "\(format.rawValue)")
      #expect(help.stdout.contains(format.exporter.summary), "\(format.rawValue)")
      for example in format.exporter.examples {
        #expect(help.stdout.contains("orgraph export \(example.arguments)"))
      }
    }
    let wrong = try Tool.run(["export", "--format", "xml"])
    #expect(wrong.status == 64)
    let names = ExportFormat.allCases.map { "  - \($0.rawValue)\n" }.joined()
    #expect(wrong.stderr.contains("Please provide one of the following:\n" + names), "\(wrong.stderr)")
  }

  @Test func importHelpNamesEveryReader() throws {
    let help = try Tool.run(["import", "--help"], environment: ["COLUMNS": "400"])
    #expect(help.status == 0)
    for reader in ReaderChoice.readers {
      #expect(help.stdout.contains("  \(reader.name): "), "\(reader.name)")
    }
  }

  @Test func shellHelpListsEveryCommand() throws {
    let shell = try Tool.run([], stdin: ":help commands\n")
    #expect(shell.status == 0)
    #expect(shell.stdout == QueryCommand.helpText + "\n")
  }

  @Test func renderNamesEveryFormatWhenOneIsWrong() throws {
    let shell = try Tool.run([], stdin: "roles\n:render svgg x.svg\n")
    #expect(
      shell.stderr
        == "error: `svgg` is not a format; did you mean `svg`? (formats: dot, svg, png, pdf, mermaid)\n")
  }
}
