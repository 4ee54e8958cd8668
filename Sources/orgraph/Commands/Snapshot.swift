import ArgumentParser
import CLineEdit
import Foundation
import OrgDiagram
import OrgGraph
import OrgQuery
import OrgRender
import OrgTool

struct Snapshot: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Save a built graph in one binary file that opens instantly (memory-mapped).",
    discussion: """
      The snapshot holds the graph as it is built (nodes, edges, derived and inferred edges, indexes), so that --graph FILE opens it without reading or checking any YAML or CSV again. Every section carries a checksum, verified when the file opens: a truncated or changed file is refused, never half-read. Write the snapshot again after the graph's files change; a snapshot records no link back to them.

      Examples:
        orgraph snapshot --graph Graph/ -o default.orgsnap
        orgraph query --graph default.orgsnap 'roles | count'
        orgraph snapshot --graph /tmp/org-l/csv -o /tmp/org-l.orgsnap
      """)

  @OptionGroup var options: GraphOptions
  @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The file to write.", valueName: "file"))
  var output: String
  @OptionGroup var writes: WriteOptions

  func run() throws {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: output, isDirectory: &isFolder), isFolder.boolValue {
      FileHandle.standardError.write(
        Data(
          DiagnosticRenderer.plainError(
            "cannot write `\(output)`: it is a folder", help: ["name a file: `-o \(output)/graph.orgsnap`"]
          ).utf8))
      throw ExitCode(1)
    }
    if FileManager.default.fileExists(atPath: output) && !writes.force {
      FileHandle.standardError.write(
        Data(
          DiagnosticRenderer.plainError(
            "cannot write `\(output)`: it exists", help: ["name a new file, or pass --force to replace it"]
          ).utf8))
      throw ExitCode(1)
    }
    let graph = try loadGraphOrExit(options.graph)
    do {
      try GraphSnapshot.write(graph, to: output)
    } catch {
      FileHandle.standardError.write(Data("error: \(error)\n".utf8))
      throw ExitCode(1)
    }
    let size = (try? FileManager.default.attributesOfItem(atPath: output)[.size] as? Int) ?? 0
    print(
      "wrote \(output): \(graph.nodeCount.formatted()) nodes, \(graph.edgeCount.formatted()) edges, \(ByteCountFormatter.string(fromByteCount: Int64(size), countStyle: .file))"
    )
  }
}
