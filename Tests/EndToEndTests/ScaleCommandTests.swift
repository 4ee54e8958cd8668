import Foundation
import Testing

/// `orgraph generate` and `orgraph snapshot` as a user runs them, and the scale benchmark at S — OrgGraph,
/// Kuzu and NetworkX on the same CSV files, their answers compared — so that it cannot rot. Speed is measured
/// by `scripts/bench`, not here.
@Suite("Scale: generate, snapshot, benchmark")
struct ScaleCommandTests {
  static let benchmarks = BuiltProducts.executable("orgraph-benchmarks")
  static let python = Paths.repository.appending(path: ".venv/bin/python")
  static var havePeers: Bool { FileManager.default.isExecutableFile(atPath: python.path) }

  @Test func generateSnapshotAndQuery() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let generated = try Tool.run(["generate", "--scale", "s", "-o", "org"], in: folder)
    #expect(generated.status == 0, "\(generated.stderr)")
    #expect(
      generated.stdout
        == "wrote org: 5,071 nodes and 62,389 edges in 16 files, 6.3 MB\nload it with: orgraph stats --graph org/csv\n"
    )
    let again = try Tool.run(["generate", "--scale", "S", "-o", "org"], in: folder)
    #expect(again.status == 1)
    #expect(
      again.stderr
        == "error: cannot write `org`: it exists\n  = help: name a new folder, or pass --force to replace it\n"
    )
    #expect(try Tool.run(["generate", "--scale", "S", "--force", "-o", "org"], in: folder).status == 0)

    let snapshot = try Tool.run(["snapshot", "--graph", "org/csv", "-o", "org.orgsnap"], in: folder)
    #expect(snapshot.status == 0, "\(snapshot.stderr)")
    #expect(snapshot.stdout.hasPrefix("wrote org.orgsnap: 5,071 nodes, 62,389 edges, "))
    let exists = try Tool.run(["snapshot", "--graph", "org/csv", "-o", "org.orgsnap"], in: folder)
    #expect(exists.status == 1)
    #expect(
      exists.stderr
        == "error: cannot write `org.orgsnap`: it exists\n  = help: name a new file, or pass --force to replace it\n"
    )

    let folderTarget = try Tool.run(["snapshot", "--graph", "org/csv", "--force", "-o", "org"], in: folder)
    #expect(folderTarget.status == 1)
    #expect(
      folderTarget.stderr
        == "error: cannot write `org`: it is a folder\n  = help: name a file: `-o org/graph.orgsnap`\n")

    let query = #"level "Role 3 L2" -> requires[proficiency >= working] | count"#
    let outputs = try ["org/csv", "org/yaml", "org.orgsnap"].map { graph in
      let result = try Tool.run(["query", "--graph", graph, query], in: folder)
      #expect(result.status == 0, "\(graph): \(result.stderr)")
      return result.stdout
    }
    #expect(outputs[0] == outputs[1] && outputs[1] == outputs[2])
    #expect(outputs[0].hasPrefix("count\n-----\n"))
  }

  @Test func aDamagedSnapshotIsRefusedByTheTool() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(try Tool.run(["snapshot", "-o", "g.orgsnap"], in: folder).status == 0)
    let url = folder.appending(path: "g.orgsnap")
    var bytes = [UInt8](try Data(contentsOf: url))
    bytes[bytes.count / 2] ^= 0xFF
    try Data(bytes).write(to: url)
    let result = try Tool.run(["query", "--graph", "g.orgsnap", "roles | count"], in: folder)
    #expect(result.status == 1)
    #expect(result.stderr.contains("error[G006]: `g.orgsnap` is damaged: section "))
    #expect(
      result.stderr.contains(
        "help: write it again from its graph: `orgraph snapshot --graph DIR -o g.orgsnap --force`"))
  }

  /// The benchmark at S, end to end: OrgGraph from CSV, YAML and a snapshot, and both peers, with the answers
  /// of every system compared by the table script.
  @Test(.enabled(if: havePeers, "no .venv with kuzu and networkx: run ./test, which creates it"))
  func theBenchmarkRunsAtS() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let benchmarks = try #require(Self.benchmarks, "orgraph-benchmarks was not built next to the tests")
    #expect(try Tool.run(["generate", "--scale", "S", "-o", "S"], in: folder).status == 0)
    func run(_ executable: URL, _ arguments: [String]) throws -> (String, Int32) {
      try Tool.runMerged(executable, arguments, in: folder)
    }
    var results: [String] = []
    for (graph, out, extra) in [
      ("S/csv", "orgraph.json", ["--write-snapshot", "S.orgsnap"]), ("S/yaml", "orgraph-yaml.json", []),
      ("S.orgsnap", "orgraph-snapshot.json", []),
    ] {
      let (output, status) = try run(
        benchmarks, ["--data", "S", "--graph", graph, "--runs", "1", "--out", out] + extra)
      #expect(status == 0, "\(output)")
      results.append(out)
    }
    // The three loads answer alike.
    let answers = try results.map { file -> [String: String] in
      let object = try #require(
        JSONSerialization.jsonObject(with: Data(contentsOf: folder.appending(path: file))) as? [String: Any])
      let queries = try #require(object["queries"] as? [String: [String: Any]])
      #expect(queries.keys.sorted() == ["Q1", "Q2", "Q3", "Q4-far", "Q4-near", "Q5", "Q7"])
      return queries.mapValues { "\($0["answer"] ?? "")" }
    }
    #expect(answers[0] == answers[1] && answers[1] == answers[2])
    let script = Paths.repository.appending(path: "scripts")
    for system in ["kuzu", "networkx"] {
      let (output, status) = try run(
        Self.python,
        [
          script.appending(path: "bench_peers.py").path, "--system", system, "--data", "S", "--scale", "S",
          "--runs", "1", "--out", "\(system).json",
        ])
      #expect(status == 0, "\(output)")
    }
    let (table, status) = try run(
      Self.python,
      [script.appending(path: "bench_table.py").path, "orgraph.json", "kuzu.json", "networkx.json"])
    #expect(status == 0, "\(table)")
    #expect(table.contains("answers: all systems agree at S"))
    #expect(table.split(separator: "\n").filter { $0.hasPrefix("S ") }.count == 3, "\(table)")
  }
}
