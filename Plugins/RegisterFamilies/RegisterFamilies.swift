import Foundation
import PackagePlugin

/// Lists a family's members for the module that holds them, so that adding a member is adding its file.
///
/// A family is a protocol with one conforming type per file in one folder: `OrgExport`'s `Formats/` holds
/// `JSONExporter.swift`, `GraphMLExporter.swift` … each declaring the type its file is named after. This
/// plugin writes `extension ExportFormat { static let registered = [CSVTablesExporter.self, …] }` from the
/// file names (the protocol's own file, `DocumentReader.swift`, left out), so help, dispatch, the fuzzer and the tests that walk `ExportFormat.allCases` see a new
/// format without a list to edit by hand (docs/design-decisions.md, "Families").
@main
struct RegisterFamilies: BuildToolPlugin {
  /// The families: the target, the folder of members, the ending of their file names, the type whose
  /// `registered` list is written, and the protocol they conform to.
  static let families:
    [(target: String, folder: String, suffix: String, owner: String, conformance: String)] =
      [
        ("OrgExport", "Formats", "Exporter.swift", "ExportFormat", "GraphExporter"),
        ("OrgImport", "Readers", "Reader.swift", "ReaderChoice", "DocumentReader"),
      ]

  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    guard let module = target as? SourceModuleTarget else { return [] }
    var commands: [Command] = []
    for family in Self.families where family.target == target.name {
      let members = module.sourceFiles.map(\.url).filter {
        $0.deletingLastPathComponent().lastPathComponent == family.folder
          && $0.lastPathComponent.hasSuffix(family.suffix)
          && $0.lastPathComponent != "\(family.conformance).swift"
      }.sorted { $0.path() < $1.path() }
      let output = context.pluginWorkDirectoryURL.appending(path: "\(family.owner)+Registered.swift")
      commands.append(
        .buildCommand(
          displayName: "Registering \(members.count) members of \(family.conformance)",
          executable: try context.tool(named: "OrgRegistryGen").url,
          arguments: [output.path(), family.owner, family.conformance] + members.map { $0.path() },
          inputFiles: members,
          outputFiles: [output]
        ))
    }
    return commands
  }
}
