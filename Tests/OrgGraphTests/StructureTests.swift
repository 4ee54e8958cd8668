import Foundation
import OrgGraph
import OrgTestSupport
import Testing

/// Hierarchies that loop and edges to their own node are errors; JSON is read as JSON.
@Suite("Graph structure")
struct StructureTests {
  static let cycles = """
    orgraph: 1
    name: cycles
    orgs:
      - id: org:acme
        name: Acme
    teams:
      - id: team:acme/a
        name: A
        part_of: team:acme/b
      - id: team:acme/b
        name: B
        part_of: team:acme/a
    tracks:
      - id: track:acme/t
        name: T
        part_of: org:acme
        has_level: [level:acme/l1, level:acme/l2]
    levels:
      - id: level:acme/l1
        name: L1
        includes: [level:acme/l1]
        lateral: [level:acme/l1]
      - id: level:acme/l2
        name: L2
        includes: [level:acme/l1]
    competencies:
      - id: competency:x
        name: X
        broader: [competency:y]
      - id: competency:y
        name: Y
        broader: [competency:x]

    """

  @Test func loopsAndSelfLoopsAreErrors() throws {
    do {
      _ = try GraphLoader.load(yaml: Self.cycles, path: "cycles.yaml")
      Issue.record("a graph whose hierarchies loop loaded")
    } catch {
      #expect(error.diagnostics.map(\.code) == [.G303, .G304, .G304, .G303])
      let text = DiagnosticRenderer(sources: error.sources).render(error.diagnostics, summary: false)
      #expect(
        text == """
          error[G303]: `part_of` edges go round in a circle
            --> cycles.yaml:12:14
             |
          12 |     part_of: team:acme/a
             |              ^^^^^^^^^^^ this `part_of` closes the circle
             = help: remove the `part_of` that leads back: a team is part of a larger team or an organisation
             = note: the circle: `team:acme/a` → `team:acme/b` → `team:acme/a`

          error[G304]: `level:acme/l1` has an `includes` edge to itself
            --> cycles.yaml:21:16
             |
          21 |     includes: [level:acme/l1]
             |                ^^^^^^^^^^^^^ points at its own node
             = help: remove it, or point it at another node

          error[G304]: `level:acme/l1` has a `lateral` edge to itself
            --> cycles.yaml:22:15
             |
          22 |     lateral: [level:acme/l1]
             |               ^^^^^^^^^^^^^ points at its own node
             = help: remove it, or point it at another node

          error[G303]: `broader` edges go round in a circle
            --> cycles.yaml:32:15
             |
          32 |     broader: [competency:x]
             |               ^^^^^^^^^^^^ this `broader` closes the circle
             = help: remove the `broader` that leads back: a competency's broader one is more general
             = note: the circle: `competency:x` → `competency:y` → `competency:x`

          """)
    }
  }

  /// Standard JSON with surrogate-pair escapes — what Python's `json.dump` writes for the default graph's
  /// emoji — loads into the same graph.
  /// A cumulative ladder thousands of levels deep: the top level requires what the bottom one's statement
  /// expresses, with that statement as evidence (each level's requirements are worked out once).
  @Test func aDeepCumulativeLadderRequiresWhatItsBottomLevelDoes() throws {
    var yaml = "competencies:\n  - id: competency:k8s\n    name: Kubernetes\nlevels:\n"
    let depth = 3000
    for i in 0..<depth {
      yaml += "  - id: level:x/l\(i)\n    name: Level \(i)\n"
      if i > 0 { yaml += "    includes: level:x/l\(i - 1)\n" }
      if i == 0 {
        yaml += "    expects:\n      - text: I run Kubernetes.\n        expresses: competency:k8s\n"
      }
    }
    let levels = (0..<depth).map { "level:x/l\($0)" }.joined(separator: ", ")
    yaml += "orgs:\n  - id: org:x\n    name: X\ntracks:\n  - id: track:x/t\n    name: T\n    part_of: org:x\n"
    yaml += "    has_level: [\(levels)]\n"
    let graph = try GraphLoader.load(files: [("orgraph.yaml", "orgraph: 1\nname: Deep\n"), ("x.yaml", yaml)])
    let top = try #require(graph.node(withID: "level:x/l\(depth - 1)"))
    let requirement = try #require(graph.neighbors(of: top, via: "requires").first)
    #expect(graph.name(of: requirement.node) == "Kubernetes")
    #expect(graph.property("evidence", of: requirement.edge)?.displayText.split(separator: ",").count == 1)
  }

  @Test func jsonWithSurrogatePairEscapesLoads() throws {
    let export = try GraphLoader.loadDefault().exportJSON()
    var escaped = ""
    var replaced = 0
    for scalar in export.unicodeScalars {
      if scalar.value > 0xFFFF {
        let v = scalar.value - 0x10000
        escaped += String(format: "\\u%04x\\u%04x", 0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF))
        replaced += 1
      } else {
        escaped.unicodeScalars.append(scalar)
      }
    }
    #expect(replaced > 0, "the default graph has characters beyond the BMP (the emoji of seed 002)")
    let graph = try GraphLoader.loadJSON(escaped, path: "python.json")
    #expect(graph.exportJSON() == export)
    // An escaped backslash before `u` is text, not an escape; a lone surrogate becomes U+FFFD.
    #expect(GraphLoader.decodingSurrogatePairs(#"a\\ud83e b"#) == #"a\\ud83e b"#)
    #expect(GraphLoader.decodingSurrogatePairs(#"\ud83e\udd89 \ud83e x"#) == "🦉 \u{FFFD} x")
  }

  @Test func invalidJSONIsReportedAsJSON() throws {
    do {
      _ = try GraphLoader.loadJSON(#"{"orgraph": 1, "nodes": [}"#, path: "bad.json")
      Issue.record("loaded invalid JSON")
    } catch {
      #expect(error.diagnostics.map(\.code) == [.G001])
      #expect(error.diagnostics.first?.message.hasPrefix("`bad.json` is not valid JSON") == true)
    }
  }

  /// A sub-folder that is a symbolic link is read (each real folder once, so a link back up never loops).
  @Test func symlinkedSubFoldersAreRead() throws {
    let root = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    let graph = root.appending(path: "graph")
    try FileManager.default.copyItem(at: Paths.repository.appending(path: "Graph"), to: graph)
    let elsewhere = root.appending(path: "elsewhere")
    try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
    try FileManager.default.moveItem(
      at: graph.appending(path: "octopus-deploy"), to: elsewhere.appending(path: "octopus-deploy"))
    try FileManager.default.createSymbolicLink(
      at: graph.appending(path: "octopus-deploy"),
      withDestinationURL: elsewhere.appending(path: "octopus-deploy"))
    try FileManager.default.createSymbolicLink(
      at: elsewhere.appending(path: "octopus-deploy/loop"), withDestinationURL: graph)
    let loaded = try GraphLoader.load(path: graph.path)
    #expect(
      loaded.exportJSON()
        == (try GraphLoader.load(path: Paths.repository.appending(path: "Graph").path)).exportJSON())
  }

  /// Bytes that are not UTF-8 are reported at their line and column.
  @Test func invalidUTF8IsReportedWhereItIs() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appending(path: "orgraph.yaml")
    try Data("orgraph: 1\nname: x\n# caf".utf8 + [0xE9] + Data("\n".utf8)).write(to: file)
    do {
      _ = try GraphLoader.load(path: folder.path)
      Issue.record("loaded a file that is not UTF-8")
    } catch {
      let d = try #require(error.diagnostics.first)
      #expect(d.code == .G001)
      #expect(
        d.message
          == "`\(folder.path)/orgraph.yaml` is not UTF-8 text: the byte 0xE9 at line 3, column 6 is not valid"
      )
      #expect(d.range?.start == SourceLocation(line: 3, column: 6))
    }
  }

  /// A file that cannot be read beside a sound graph is an error, not a file silently left out.
  @Test func anUnreadableFileBesideASoundGraphIsAnError() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let graph = folder.appending(path: "graph")
    try FileManager.default.copyItem(at: Paths.repository.appending(path: "Graph"), to: graph)
    try Data([0x78, 0x3A, 0x20, 0xFF, 0x0A]).write(to: graph.appending(path: "extra.yaml"))
    do {
      _ = try GraphLoader.load(path: graph.path)
      Issue.record("a graph loaded without one of its files")
    } catch {
      #expect(error.diagnostics.map(\.code) == [.G001])
      #expect(
        error.diagnostics.first?.message.hasSuffix(
          "is not UTF-8 text: the byte 0xFF at line 1, column 4 is not valid") == true)
    }
  }
}
