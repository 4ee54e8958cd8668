import Foundation
import OrgGraph
import Testing

/// The library's loaders take a time budget (`timeout:`), asked between files, sections, batches of edges
/// and chunks of a CSV table: a budget already spent stops the load with G007 alone, for YAML folders, CSV
/// tables and single files; no budget, or 0, loads the same graph.
@Suite("Load budget")
struct LoadBudgetTests {
  static func folder(tables: Bool) throws -> URL {
    let folder = try Paths.temporaryFolder()
    var text = "orgraph: 1\nname: budget\nroles:\n"
    text += (0..<2000).map { "  - id: role:acme/r\($0)\n    name: R\($0)\n" }.joined()
    try text.write(to: folder.appending(path: "orgraph.yaml"), atomically: true, encoding: .utf8)
    if tables {
      let people = "id,name\n" + (0..<2000).map { "person:p\($0),P\($0)\n" }.joined()
      try people.write(to: folder.appending(path: "people.csv"), atomically: true, encoding: .utf8)
    }
    return folder
  }

  @Test(arguments: [false, true]) func aSpentBudgetStopsTheLoad(tables: Bool) throws {
    let folder = try Self.folder(tables: tables)
    defer { try? FileManager.default.removeItem(at: folder) }
    let error = #expect(throws: GraphLoadFailure.self) {
      _ = try GraphLoader.load(path: folder.path, timeout: 1e-9)
    }
    #expect(error?.diagnostics.map(\.code) == [.G007])
    #expect(
      error?.diagnostics.first?.message.hasPrefix("loading the graph took more than 1e-09 seconds") == true)
    for timeout in [nil, 0, 600] as [Double?] {
      let graph = try GraphLoader.load(path: folder.path, timeout: timeout)
      #expect(graph.statistics.nodes == (tables ? 4000 : 2000))
    }
  }

  @Test func aSingleFileKeepsTheBudget() throws {
    let folder = try Self.folder(tables: false)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appending(path: "orgraph.yaml").path
    let error = #expect(throws: GraphLoadFailure.self) { _ = try GraphLoader.load(path: file, timeout: 1e-9) }
    #expect(error?.diagnostics.map(\.code) == [.G007])
    #expect(try GraphLoader.load(path: file).statistics.nodes == 2000)
  }

  /// `isCancelled` (Ctrl-C in the shell's `:graph`) stops a load the way the budget does, and says so.
  @Test func aCancelledLoadStops() throws {
    let folder = try Self.folder(tables: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let error = #expect(throws: GraphLoadFailure.self) {
      _ = try GraphLoader.load(path: folder.path, isCancelled: { true })
    }
    #expect(error?.diagnostics.map(\.code) == [.G007])
    #expect(
      error?.diagnostics.first?.message == "loading the graph was cancelled (while reading `orgraph.yaml`)")
    #expect(try GraphLoader.load(path: folder.path, isCancelled: { false }).statistics.nodes == 4000)
  }
}
