import Foundation
import OrgGraph
import Testing

@Suite("JSON round trip")
struct RoundTripTests {
  @Test func defaultGraphSurvivesExportAndLoad() throws {
    let graph = try GraphLoader.loadDefault()
    let json = graph.exportJSON()
    let reloaded = try GraphLoader.loadJSON(json, path: "export.json")
    #expect(reloaded.exportJSON() == json)
    #expect(reloaded.statistics == graph.statistics)
    #expect(reloaded._checkInvariants() == [])
    // Derived and inferred edges were recomputed, not doubled.
    #expect(reloaded.edgeCount(ofType: "requires") == graph.edgeCount(ofType: "requires"))
    #expect(reloaded.edgeCount(ofType: "lateral") == graph.edgeCount(ofType: "lateral"))
  }

  @Test(arguments: [5, 6] as [UInt64])
  func randomGraphsSurviveExportAndLoad(seed: UInt64) throws {
    let (graph, _) = try RandomGraphs.make(seed: seed)
    let json = graph.exportJSON()
    let reloaded = try GraphLoader.loadJSON(json)
    #expect(reloaded.exportJSON() == json)
  }

  @Test func schemaExtensionsSurvive() throws {
    let graph = try GraphLoader.load(
      path: Paths.repository.appending(path: "Tests/OrgGraphTests/Fixtures/schema/valid-extended").path)
    let json = graph.exportJSON()
    #expect(json.contains("\"schema\""))
    #expect(try GraphLoader.loadJSON(json).exportJSON() == json)
  }

  @Test func aBrokenExportIsReportedWithItsLine() throws {
    let json = try GraphLoader.loadDefault().exportJSON().replacingOccurrences(
      of: "\"to\": \"competency:kubernetes\"", with: "\"to\": \"competency:kubernetez\"")
    do {
      _ = try GraphLoader.loadJSON(json, path: "g.json")
      Issue.record("a broken export loaded")
    } catch {
      let d = try #require(error.diagnostics.first)
      #expect(d.code == .G201)
      #expect(d.range?.file == "g.json")
      #expect(d.help == ["did you mean `competency:kubernetes`?"])
    }
  }
}
