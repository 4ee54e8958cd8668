import Foundation
import PackagePlugin

/// Embeds the package's `Graph/` folder into the `OrgGraph` module as generated Swift source.
///
/// SwiftPM's `Bundle.module` traps when the resource bundle is not where the build left it, so the default
/// graph travels inside the binary instead: wherever `orgraph` or a library user's program is copied, the
/// graph comes with it.
@main
struct EmbedDefaultGraph: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let graphDirectory = context.package.directoryURL.appending(path: "Graph")
    let files = yamlFiles(under: graphDirectory)
    let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedDefaultGraph.swift")
    return [
      .buildCommand(
        displayName: "Embedding the default graph (\(files.count) files)",
        executable: try context.tool(named: "OrgGraphEmbed").url,
        arguments: [output.path(), graphDirectory.path()] + files.map { $0.path() },
        inputFiles: files,
        outputFiles: [output]
      )
    ]
  }

  private func yamlFiles(under directory: URL) -> [URL] {
    guard
      let enumerator = FileManager.default.enumerator(
        at: directory, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
    else { return [] }
    var result: [URL] = []
    for case let url as URL in enumerator
    where url.pathExtension == "yaml" || url.pathExtension == "yml" {
      result.append(url)
    }
    return result.sorted { $0.path() < $1.path() }
  }
}
