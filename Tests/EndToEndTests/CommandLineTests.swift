import Foundation
import Testing

/// `orgraph check`, `stats` and `export` as a user runs them, output compared whole.
@Suite("orgraph command line")
struct CommandLineTests {
  @Test(arguments: [("", ""), ("  # only a comment", " (it holds only a comment)")])
  func anEmptyQueryIsAUsageError(_ query: String, _ detail: String) throws {
    let result = try Tool.run(["query", query])
    #expect(result.status == 64)
    #expect(result.stdout == "")
    #expect(result.stderr.hasPrefix("Error: the query is empty\(detail): give one, like 'roles | count'\n"))
  }

  @Test func checkPassesOnTheDefaultGraphFromAnyDirectory() throws {
    let result = try Tool.run(["check"], in: URL(fileURLWithPath: "/"))
    #expect(result.status == 0)
    #expect(result.stderr == "")
    Golden.check(result.stdout, "check-default.txt")
  }

  @Test func checkPassesOnTheGraphFolder() throws {
    let result = try Tool.run(["check", "--graph", "Graph"], in: Paths.repository)
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("ok: OrgGraph default graph (Graph): "))
  }

  @Test func checkFailsOnABrokenCopyWithEveryDiagnostic() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.copyItem(at: Paths.graph, to: folder.appending(path: "Graph"))
    func edit(_ path: String, _ old: String, _ new: String) throws {
      let url = folder.appending(path: "Graph/\(path)")
      let text = try String(contentsOf: url, encoding: .utf8)
      #expect(text.contains(old), "\(path) no longer contains \(old)")
      let range = try #require(text.range(of: old))
      try text.replacingCharacters(in: range, with: new).write(to: url, atomically: true, encoding: .utf8)
    }
    try edit("rocket-chat/cloud-engineer.yaml", "competency:kubernetes", "competency:kubernetis")
    try edit("octopus-deploy/cloud-security-engineer.yaml", "rank: 3", "rank: three")
    try edit("competencies.yaml", "area: Infrastructure", "aera: Infrastructure")
    let result = try Tool.run(["check", "--graph", "Graph"], in: folder)
    #expect(result.status == 1)
    #expect(result.stdout == "")
    Golden.check(result.stderr, "check-broken.txt")

    let json = try Tool.run(["check", "--graph", "Graph", "--format", "json"], in: folder)
    #expect(json.status == 1)
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    #expect(object?["ok"] as? Bool == false)
    let diagnostics = object?["diagnostics"] as? [[String: Any]] ?? []
    #expect(diagnostics.count == result.stderr.components(separatedBy: "error[").count - 1)
    for d in diagnostics {
      #expect(d["code"] is String)
      #expect(d["line"] is Int)
    }
  }

  @Test func statsTableAndJSON() throws {
    let table = try Tool.run(["stats"])
    #expect(table.status == 0)
    Golden.check(table.stdout, "stats.txt")
    let json = try Tool.run(["stats", "--format", "json"])
    #expect(json.status == 0)
    Golden.check(json.stdout, "stats.json")
  }

  @Test func exportLoadsBackIntoTheSameGraph() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let first = try Tool.run(["export", "--format", "json", "-o", "graph.json"], in: folder)
    #expect(first.status == 0)
    #expect(first.stdout == "")
    let again = try Tool.run(["export", "--format", "json", "--graph", "graph.json"], in: folder)
    #expect(again.status == 0)
    let written = try String(contentsOf: folder.appending(path: "graph.json"), encoding: .utf8)
    #expect(again.stdout == written)
    let stats = try Tool.run(["stats", "--graph", "graph.json"], in: folder)
    #expect(stats.stdout == (try Tool.run(["stats"])).stdout)
  }

  @Test func usageErrorsExit64() throws {
    let unknownFormat = try Tool.run(["stats", "--format", "xml"])
    #expect(unknownFormat.status == 64)
    #expect(unknownFormat.stderr.contains("xml"))
    let unknownCommand = try Tool.run(["chek"])
    #expect(unknownCommand.status == 64)
  }

  @Test func aMissingGraphIsAnErrorNotACrash() throws {
    let result = try Tool.run(["check", "--graph", "/nonexistent/graph"])
    #expect(result.status == 1)
    Golden.check(result.stderr, "check-missing.txt")
  }

  @Test func versionAndHelp() throws {
    #expect(try Tool.run(["--version"]).stdout == "0.1.0\n")
    let help = try Tool.run(["check", "--help"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("orgraph check --graph Graph/"))
  }

  /// A file that cannot be written is one error, with the path and why, and status 1 — from a query's
  /// `| render` stage, from `render -o` and from `export -o`.
  @Test func aFailedWritePrintsOneErrorAndExits1() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let missing = folder.appending(path: "no-such-folder").path
    let query = try Tool.run(["query", #"roles | render csv to "no-such-folder/x.csv""#], in: folder)
    #expect(query.status == 1)
    #expect(
      query.stderr == """
        error[Q403]: cannot write `no-such-folder/x.csv`: the folder \(missing) does not exist
         --> <query>:1:9
          |
        1 | roles | render csv to "no-such-folder/x.csv"
          |         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
          = help: pick a file in a folder you can write to

        """)
    let render = try Tool.run(["render", "--format", "svg", "-o", "/nonexistent-dir/x.svg", "roles"])
    #expect(render.status == 1)
    #expect(render.stderr.components(separatedBy: "error").count == 2, "\(render.stderr)")
    #expect(
      render.stderr.contains(
        "cannot write `/nonexistent-dir/x.svg`: the folder /nonexistent-dir does not exist"))
    let export = try Tool.run(["export", "-o", "/nonexistent-dir/g.json"])
    #expect(export.status == 1)
    #expect(
      export.stderr == """
        error: cannot write `/nonexistent-dir/g.json`: the folder /nonexistent-dir does not exist
          = help: pick a file in a folder you can write to

        """)
    #expect(export.stdout.isEmpty)
  }

  /// The time budget and the row limit are set on the command line and in the shell.
  @Test func limitsAreSettable() throws {
    let slow = #"expectations | where text ~ "(\\w+\\s?)*\\d$""#
    let query = try Tool.run(["query", "--timeout", "0.3", slow])
    #expect(query.status == 1)
    #expect(query.stderr.hasPrefix("error[Q304]: the query ran for more than 0.3 seconds and was stopped"))
    let rows = try Tool.run(["query", "--max-rows", "100", "roles -- requires -- requires | count"])
    #expect(rows.status == 1)
    #expect(rows.stderr.hasPrefix("error[Q305]: this step made more than 100 rows"))
    let shell = try Tool.run(
      [], stdin: ":set timeout 0.3\n\(slow)\n:set maxrows 100\nroles -- requires -- requires\nroles | count\n"
    )
    #expect(shell.stderr.contains("error[Q304]: the query ran for more than 0.3 seconds"))
    #expect(shell.stderr.contains("error[Q305]: this step made more than 100 rows"))
    #expect(shell.stdout.hasSuffix("    5\n(1 row)\n"))
    let bad = try Tool.run(["query", "--timeout", "-1", "roles"])
    #expect(bad.status == 64)
    // A command that runs no query refuses the limits instead of ignoring them.
    let snapshot = try Tool.run(["snapshot", "--timeout", "5", "-o", "/nonexistent/x.orgsnap"])
    #expect(snapshot.status == 64)
    #expect(
      snapshot.stderr.hasPrefix(
        "Error: `--timeout` does not apply to `orgraph snapshot`: it bounds the queries, and the loading of the graph, of `query`, `run`, `render` and the shell\n"
      ))
    let stats = try Tool.run(["stats", "--max-rows=5"])
    #expect(stats.status == 64)
    #expect(
      stats.stderr.hasPrefix(
        "Error: `--max-rows` does not apply to `orgraph stats`: it bounds the queries of `query`, `run`, `render` and the shell\n"
      ))
    #expect(try Tool.run(["--timeout", "5", "query", "roles | count"]).status == 0)
  }

  /// Nothing a user wrote is replaced without `--force`; a query writes only under its folder; a shell
  /// session may replace what it wrote itself.
  @Test func filesAreNotOverwrittenAndQueriesStayInTheirFolder() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try "mine".write(to: folder.appending(path: "graph.json"), atomically: true, encoding: .utf8)
    let export = try Tool.run(["export", "-o", "graph.json"], in: folder)
    #expect(export.status == 1)
    #expect(
      export.stderr == """
        error: `graph.json` exists, and was not replaced
          = help: replace it with `--force` (`:set overwrite on` in the shell), or pick another name

        """)
    #expect(try String(contentsOf: folder.appending(path: "graph.json"), encoding: .utf8) == "mine")
    #expect(try Tool.run(["export", "--force", "-o", "graph.json"], in: folder).status == 0)
    for (query, outside) in [
      (#"roles | render svg to "../escape.svg""#, "../escape.svg"),
      (#"roles | render csv to "/tmp/x.csv""#, "/tmp/x.csv"),
    ] {
      let result = try Tool.run(["query", query], in: folder)
      #expect(result.status == 1)
      #expect(result.stderr.contains("a query may write only under "), "\(result.stderr)")
      #expect(result.stderr.contains("`\(outside)` is outside it"))
    }
    #expect(
      !FileManager.default.fileExists(
        atPath: folder.deletingLastPathComponent().appending(path: "escape.svg").path))
    // `--write-dir` names the folder, and a query's relative paths start there.
    let sub = folder.appending(path: "out")
    try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
    #expect(
      try Tool.run(["query", "--write-dir", "out", #"roles | render csv to "r.csv""#], in: folder).status == 0
    )
    #expect(FileManager.default.fileExists(atPath: sub.appending(path: "r.csv").path))
    #expect(try Tool.run(["query", #"roles | render csv to "out/r2.csv""#], in: folder).status == 0)
    // A session replaces its own files, not others'.
    let script = """
      roles | render csv to "s.csv"
      roles | render csv to "s.csv"
      roles | render csv to "graph.json"
      :set overwrite on
      roles | render csv to "graph.json"

      """
    let shell = try Tool.run([], in: folder, stdin: script)
    #expect(
      shell.stderr.components(separatedBy: "exists, and was not replaced").count == 2, "\(shell.stderr)")
    #expect(try String(contentsOf: folder.appending(path: "graph.json"), encoding: .utf8).hasPrefix("role"))
  }
}
