import Foundation
import OrgGraph
import OrgSynthetic
import Testing

@testable import OrgGraph

/// A folder of files under the temporary directory, removed at the end.
struct TemporaryFolder: ~Copyable {
  let url: URL
  init() throws {
    url = try Paths.temporaryFolder()
  }
  func write(_ name: String, _ bytes: [UInt8]) throws {
    let file = url.appending(path: name)
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: file)
  }
  func write(_ name: String, _ text: String) throws { try write(name, Array(text.utf8)) }
  var path: String { url.path }
  deinit { try? FileManager.default.removeItem(at: url) }
}

/// The generator, CSV tables as a graph source, the bulk builder API and snapshots.
@Suite("Tables, bulk loads and snapshots")
struct TableAndSnapshotTests {
  /// A tiny framework in YAML with people and assessments in CSV tables beside it.
  static let manifest = "orgraph: 1\nname: Acme\n"
  static let framework = """
    roles:
      - id: role:sre
        name: SRE
        has_level: [level:sre-1, level:sre-2]
    levels:
      - id: level:sre-1
        name: SRE 1
        code: L1
        rank: 1
        promotes_to: level:sre-2
        requires:
          - to: competency:k8s
            proficiency: working
      - id: level:sre-2
        name: SRE 2
        code: L2
        rank: 2
        requires:
          - to: competency:k8s
            proficiency: advanced
          - to: competency:go
            proficiency: working
    competencies:
      - id: competency:k8s
        name: Kubernetes
      - id: competency:go
        name: Go

    """
  static let people = "id,name\nperson:ana,Ana\nperson:bo,\"Bo, the second\"\n"
  static let holds = "from,to\nperson:ana,level:sre-1\nperson:bo,level:sre-2\n"
  static let assessed =
    "from,to,proficiency\nperson:ana,competency:k8s,advanced\nperson:ana,competency:go,\nperson:bo,competency:k8s,working\n"

  func folder(replacing name: String? = nil, with bytes: [UInt8] = []) throws -> TemporaryFolder {
    let folder = try TemporaryFolder()
    try folder.write("orgraph.yaml", Self.manifest)
    try folder.write("framework.yaml", Self.framework)
    try folder.write("people.csv", Self.people)
    try folder.write("holds.csv", Self.holds)
    try folder.write("assessed.csv", Self.assessed)
    if let name { try folder.write(name, bytes) }
    return folder
  }

  @Test func tablesLoadBesideYAML() throws {
    let folder = try folder()
    let graph = try GraphLoader.load(path: folder.path)
    #expect(graph._checkInvariants().isEmpty)
    #expect(graph.nodes(ofKind: "person").map { graph.name(of: $0) } == ["Ana", "Bo, the second"])
    let ana = try #require(graph.node(withID: "person:ana"))
    let assessed = graph.neighbors(of: ana, via: "assessed").map {
      (graph.id(of: $0.node), graph.property("proficiency", of: $0.edge)?.displayText)
    }
    #expect(assessed.map(\.0) == ["competency:k8s", "competency:go"])
    #expect(assessed.map(\.1) == ["advanced", nil])
    #expect(graph.origin(of: graph.neighbors(of: ana, via: "holds")[0].edge) == "declared")
    #expect(graph.edgeCount(ofType: "holds") == 2)
  }

  /// Each bad table gives its diagnostic at file:line:column, rendered whole.
  static let badTables: [(name: String, file: String, bytes: [UInt8])] = [
    (
      "csv-wrong-column-count", "assessed.csv",
      Array("from,to,proficiency\nperson:ana,competency:k8s,working,extra\n".utf8)
    ),
    (
      "csv-unknown-id", "assessed.csv",
      Array("from,to,proficiency\nperson:ana,competency:kubernetes,working\n".utf8)
    ),
    (
      "csv-bad-proficiency", "assessed.csv",
      Array("from,to,proficiency\nperson:ana,competency:k8s,expret\n".utf8)
    ),
    ("csv-invalid-utf8", "people.csv", Array("id,name\nperson:ana,An".utf8) + [0xE9, 0x0A]),
    ("csv-quoted-newline", "people.csv", Array("id,name\nperson:ana,\"Ana\nMaria\"\n".utf8)),
    ("csv-unknown-column", "assessed.csv", Array("from,to,level\nperson:ana,competency:k8s,working\n".utf8)),
    ("csv-unknown-table", "asessed.csv", Array("from,to\n".utf8)),
    ("csv-empty", "holds.csv", []),
    ("csv-wrong-kinds", "holds.csv", Array("from,to\nperson:ana,competency:k8s\n".utf8)),
    ("csv-duplicate-id", "people.csv", Array("id,name\nperson:ana,Ana\nperson:ana,Ana again\n".utf8)),
    ("csv-no-header", "assessed.csv", Array("person:ana,competency:k8s,working\n".utf8)),
    (
      "csv-semicolons", "assessed.csv", Array("from;to;proficiency\nperson:ana;competency:k8s;working\n".utf8)
    ),
    ("csv-space-after-comma", "holds.csv", Array("from,to\nperson:ana, level:sre-1\n".utf8)),
    ("csv-unknown-id-close", "holds.csv", Array("from,to\nperson:ana,level:sre-3\n".utf8)),
  ]

  @Test(arguments: badTables.map(\.name))
  func badTable(_ name: String) throws {
    let bad = try #require(Self.badTables.first { $0.name == name })
    let folder = try folder(replacing: bad.file, with: bad.bytes)
    do {
      _ = try GraphLoader.load(path: folder.path)
      Issue.record("loaded a graph with a bad table")
    } catch {
      let text = error.description.replacingOccurrences(of: folder.path, with: "g")
      Golden.check(text, "diagnostics/\(name).txt")
    }
  }

  // MARK: - Bulk API

  @Test func bulkAddsEqualOneByOne() throws {
    var one = GraphBuilder()
    var bulk = GraphBuilder()
    let k8s = try one.addNode(kind: "competency", id: "competency:k8s", name: "Kubernetes")
    try bulk.addNodes(kind: "competency", ids: ["competency:k8s"], names: ["Kubernetes"])
    let people = (0..<100).map { "person:p\($0)" }
    for (i, id) in people.enumerated() {
      let p = try one.addNode(kind: "person", id: id, name: "P\(i)")
      try one.addEdge(
        "assessed", from: p, to: k8s,
        properties: i % 3 == 0
          ? [:]
          : [
            "proficiency": .enumCase(
              try #require(Schema.builtIn.enumCase(Schema.proficiencyScale[i % 5], in: "proficiency")))
          ])
    }
    let first = try bulk.addNodes(kind: "person", ids: people, names: (0..<100).map { "P\($0)" })
    try bulk.addEdges(
      "assessed", from: (0..<100).map { NodeID(first.rawValue + Int32($0)) },
      to: Array(repeating: NodeID(0), count: 100),
      ranks: ["proficiency": (0..<100).map { $0 % 3 == 0 ? 0 : UInt8($0 % 5 + 1) }])
    let a = try one.build()
    let b = try bulk.build()
    #expect(b._checkInvariants().isEmpty)
    #expect(a.exportJSON() == b.exportJSON())
  }

  @Test func bulkRefusesBadColumns() throws {
    var builder = GraphBuilder()
    try builder.addNodes(kind: "competency", ids: ["competency:k8s"], names: ["Kubernetes"])
    #expect(throws: Diagnostic.self) {
      try builder.addNodes(kind: "person", ids: ["person:a", "person:a"], names: ["A", "B"])
    }
    #expect(throws: Diagnostic.self) { try builder.addNodes(kind: "person", ids: ["person:a"], names: []) }
    #expect(throws: Diagnostic.self) {
      try builder.addNodes(kind: "persons", ids: ["person:a"], names: ["A"])
    }
    let p = try builder.addNodes(kind: "person", ids: ["person:a"], names: ["A"])
    #expect(throws: Diagnostic.self) {
      try builder.addEdges("assessed", from: [p], to: [NodeID(0)], ranks: ["proficiency": [6]])
    }
    #expect(throws: Diagnostic.self) { try builder.addEdges("assessed", from: [NodeID(0)], to: [p]) }
    #expect(throws: Diagnostic.self) { try builder.addEdges("assessed", from: [p], to: [NodeID(9)]) }
    #expect(builder.nodeCount == 2)
    #expect(try builder.build().edgeCount == 0)
  }

  // MARK: - Generator

  @Test func theGeneratorIsDeterministic() throws {
    let a = try TemporaryFolder()
    let b = try TemporaryFolder()
    let c = try TemporaryFolder()
    _ = try SyntheticOrganisation(scale: .s, seed: 7).write(to: a.url)
    _ = try SyntheticOrganisation(scale: .s, seed: 7).write(to: b.url)
    _ = try SyntheticOrganisation(scale: .s, seed: 8).write(to: c.url)
    let files = try FileManager.default.subpathsOfDirectory(atPath: a.path).sorted()
    #expect(files.contains("csv/requires.csv") && files.contains("yaml/framework.yaml"))
    for file in files {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: a.url.appending(path: file).path, isDirectory: &isFolder),
        !isFolder.boolValue
      else { continue }
      #expect(
        try Data(contentsOf: a.url.appending(path: file)) == Data(contentsOf: b.url.appending(path: file)),
        "\(file) differs between two runs with one seed")
    }
    #expect(
      try Data(contentsOf: a.url.appending(path: "csv/requires.csv"))
        != Data(contentsOf: c.url.appending(path: "csv/requires.csv")))
  }

  /// S holds what the issue describes: the tree, the pools, the requirement counts and ranks.
  @Test func theGeneratedOrganisationHasItsShape() throws {
    let folder = try TemporaryFolder()
    let summary = try SyntheticOrganisation(scale: .s, seed: 1).write(to: folder.url)
    let graph = try GraphLoader.load(path: folder.path + "/csv")
    #expect(graph.nodeCount == summary.nodes && graph.edgeCount == summary.edges)
    #expect(graph.nodes(ofKind: "team").count == 50 && graph.nodes(ofKind: "role").count == 500)
    #expect(graph.nodes(ofKind: "level").count == 2_500 && graph.nodes(ofKind: "competency").count == 2_000)
    #expect(graph.nodes(ofKind: "value").count == 20)
    for team in graph.nodes(ofKind: "team") {
      let children = graph.neighbors(of: team, via: "part_of", direction: .backward).count
      #expect(children == 0 || (1...6).contains(children))
      #expect((2...4).contains(graph.neighbors(of: team, via: "embodies").count))
    }
    for level in graph.nodes(ofKind: "level") {
      let requires = graph.neighbors(of: level, via: "requires")
      #expect((15...30).contains(requires.count))
      guard case .int(let rank)? = graph.property("rank", of: level) else {
        Issue.record("a level without a rank")
        continue
      }
      for (_, edge) in requires {
        guard case .enumCase(let p)? = graph.property("proficiency", of: edge) else { continue }
        #expect(abs(p.rank - rank) <= 1)
      }
    }
    for role in graph.nodes(ofKind: "role") {
      let pool = Set(
        graph.neighbors(of: role, via: "has_level").flatMap {
          graph.neighbors(of: $0.node, via: "requires").map(\.node)
        })
      #expect(pool.count <= 40)
      #expect((1...3).contains(graph.neighbors(of: role, via: "embodies").count))
    }
  }

  // MARK: - Snapshots

  /// A JSON export with its nodes and edges in a canonical order: tables and YAML files add nodes in
  /// different orders, which is not a difference between the graphs.
  static func canonical(_ graph: Graph) throws -> String {
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(graph.exportJSON().utf8)) as? [String: Any])
    var sorted: [String: Any] = [:]
    for (key, value) in object {
      if let list = value as? [Any] {
        sorted[key] = try list.map { item -> (String, Any) in
          (
            String(
              decoding: try JSONSerialization.data(withJSONObject: item, options: [.sortedKeys]),
              as: UTF8.self), item
          )
        }.sorted { $0.0 < $1.0 }.map(\.1)
      } else {
        sorted[key] = value
      }
    }
    return String(
      decoding: try JSONSerialization.data(withJSONObject: sorted, options: [.sortedKeys]), as: UTF8.self)
  }

  /// CSV, YAML and a snapshot of each give the same graph.
  @Test func snapshotsRoundTrip() throws {
    let folder = try TemporaryFolder()
    _ = try SyntheticOrganisation(scale: .s, seed: 1).write(to: folder.url)
    let fromCSV = try GraphLoader.load(path: folder.path + "/csv")
    let fromYAML = try GraphLoader.load(path: folder.path + "/yaml")
    #expect(try Self.canonical(fromCSV) == Self.canonical(fromYAML))
    try GraphSnapshot.write(fromCSV, to: folder.path + "/s.orgsnap")
    let opened = try GraphLoader.load(path: folder.path + "/s.orgsnap")
    #expect(opened._checkInvariants().isEmpty)
    #expect(opened.exportJSON() == fromCSV.exportJSON())
    // The default graph too: statements, sources, derived and inferred edges, aliases.
    let original = try GraphLoader.loadDefault()
    try GraphSnapshot.write(original, to: folder.path + "/default.orgsnap")
    let reopened = try GraphLoader.load(path: folder.path + "/default.orgsnap")
    #expect(reopened._checkInvariants().isEmpty)
    #expect(reopened.exportJSON() == original.exportJSON())
    #expect(reopened.resolve("k8s", kind: "competency") == original.resolve("k8s", kind: "competency"))
    #expect(reopened.sourceRange(of: try #require(reopened.node(withID: "competency:kubernetes"))) != nil)
  }

  /// Damaged and foreign files are refused with their reason, never read.
  @Test(arguments: ["truncated", "flipped-byte", "flipped-header", "wrong-magic", "newer-version", "empty"])
  func damagedSnapshot(_ damage: String) throws {
    let folder = try TemporaryFolder()
    let path = folder.path + "/g.orgsnap"
    try GraphSnapshot.write(try GraphLoader.loadDefault(), to: path)
    var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    switch damage {
    case "truncated": bytes.removeLast(bytes.count / 3)
    case "flipped-byte": bytes[bytes.count - 100] ^= 0x10
    case "flipped-header": bytes[20] ^= 0x01
    case "wrong-magic": bytes[0] = UInt8(ascii: "X")
    case "newer-version": bytes[8] = 2
    default: bytes = []
    }
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    do {
      _ = try GraphLoader.load(path: path)
      Issue.record("opened a damaged snapshot")
    } catch {
      Golden.check(
        error.description.replacingOccurrences(of: folder.path, with: "dir"),
        "diagnostics/snapshot-\(damage).txt")
    }
  }
}
