import Foundation
import Testing

/// Inputs that used to run away — thousands of errors, a 4,000-item line, thousands of continued lines or
/// `--param`s, a ladder of thousands of levels — finish, with output that stays readable.
@Suite("Bounds")
struct BoundsTests {
  /// A graph folder holding one manifest of `text`.
  static func graph(_ text: String) throws -> URL {
    let folder = try Paths.temporaryFolder()
    try text.write(to: folder.appending(path: "orgraph.yaml"), atomically: true, encoding: .utf8)
    return folder
  }

  /// `orgraph check` (with `arguments`) of a graph of one role whose `requires:` is `requires`.
  static func checkRole(requiring requires: String, _ arguments: [String] = []) throws -> Tool.Result {
    let folder = try graph(
      "orgraph: 1\nname: bounds\nroles:\n  - id: role:acme/r\n    name: R\n    requires:\(requires)\n")
    defer { try? FileManager.default.removeItem(at: folder) }
    return try Tool.run(["check", "--graph", folder.path] + arguments)
  }

  @Test func thousandsOfErrorsAreCountedNotAllShown() throws {
    let ids = "\n" + (0..<4000).map { "      - competency:nope\($0)" }.joined(separator: "\n")
    let result = try Self.checkRole(requiring: ids)
    #expect(result.status == 1)
    #expect(result.stderr.components(separatedBy: "error[G201]").count - 1 == 100)
    #expect(result.stderr.contains("… and 3900 more errors like these, not shown (the first 100 are)\n"))
    #expect(result.stderr.hasSuffix("has 4000 errors; fix them and run `orgraph check` again\n"))
    // JSON lists every one.
    let json = try Self.checkRole(requiring: ids, ["--format", "json"])
    #expect(json.stdout.components(separatedBy: "\"G201\"").count - 1 == 4000)
  }

  @Test func aLongLineIsQuotedAroundTheColumn() throws {
    let list = (0..<4000).map { "competency:nope\($0)" }.joined(separator: ", ")
    let result = try Self.checkRole(requiring: " [\(list)]")
    #expect(result.status == 1)
    // Each diagnostic is a few short lines: 100 shown, none repeating the 80 KB line.
    #expect(result.stderr.utf8.count < 60_000, "\(result.stderr.utf8.count) bytes")
    let fiftieth = try #require(
      result.stderr.range(of: "error[G201]: no node has the id `competency:nope50`"))
    let block = result.stderr[fiftieth.lowerBound...].split(separator: "\n").prefix(5).joined(separator: "\n")
    let lines = block.split(separator: "\n")
    #expect(lines.count == 5)
    // The quoted line is a window (… on both sides) with the caret under the id.
    let quoted = String(lines[3])
    let caret = String(lines[4])
    #expect(quoted.contains(" | …") && quoted.hasSuffix("…"), "\(quoted)")
    let column = try #require(quoted.range(of: "competency:nope50,"))
    let at = quoted.distance(from: quoted.startIndex, to: column.lowerBound)
    let marks = try #require(caret.firstIndex(of: "^"))
    #expect(caret.distance(from: caret.startIndex, to: marks) == at, "\(quoted)\n\(caret)")
    #expect(caret.hasSuffix("^^^^^^^^^^^^^^^^^ unknown id"))
  }

  @Test func thousandsOfContinuedLinesAndParams() throws {
    let script = "roles\n" + String(repeating: "| where name != \"x\"\n", count: 2000)
    let piped = try Tool.run([], stdin: script)
    #expect(piped.status == 0, "\(piped.stderr.prefix(500))")
    #expect(piped.stdout.hasSuffix("(5 rows)\n"))
    var arguments = ["query"]
    for i in 0..<4000 { arguments += ["--param", "p\(i)=v\(i)"] }
    arguments += ["--param=last=42", #"roles | where $p3999 = "v3999" | select $last as x | limit 1"#]
    let query = try Tool.run(arguments)
    #expect(query.status == 0, "\(query.stderr)")
    #expect(query.stdout == " x\n--\n42\n(1 row)\n")
    // Only the commands that take --param accept it.
    #expect(try Tool.run(["check", "--param", "a=1"]).status == 64)
  }

  @Test func aLadderOfThousandsOfLevelsLoads() throws {
    let n = 3000
    var text = "orgraph: 1\nname: ladder\ninference:\n  lateral_threshold: 0.12\n"
    text += "competencies:\n" + (0..<20).map { "  - id: competency:c\($0)\n    name: C\($0)\n" }.joined()
    text += "tracks:\n  - id: track:acme/t\n    name: T\n    has_level:\n"
    text += (0..<n).map { "      - level:acme/l\($0)\n" }.joined()
    text += "levels:\n"
    for i in 0..<n {
      text += "  - id: level:acme/l\(i)\n    name: L\(i)\n    code: \"\(i)\"\n    rank: \(i)\n"
      if i + 1 < n { text += "    promotes_to: [level:acme/l\(i + 1)]\n" }
      text += "    requires: [competency:c\(i % 20), competency:c\((i + 1) % 20)]\n"
    }
    let folder = try Self.graph(text)
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try Tool.run(["stats", "--graph", folder.path, "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    // Levels of one ladder get no inferred lateral moves between them, however many there are.
    #expect(
      result.stdout.contains(#""lateral": {"count": 0, "declared": 0, "derived": 0, "inferred": 0}"#),
      "\(result.stdout)")
    #expect(result.stdout.contains(#""promotes_to": {"count": \#(n - 1),"#), "\(result.stdout)")
  }

  /// Loading gets the budget `--timeout` gives a command's queries (issue 25: 8,000 roles, a 4 MB line and
  /// 10,000 unknown ids each ran far past it). A budget the load cannot meet stops it with G007 alone, the
  /// phase it was in, and the two ways forward; the shell's `:graph` keeps its session's budget; a command
  /// without `--timeout` loads the same folder.
  @Test func loadingKeepsTheTimeBudget() throws {
    var text = "orgraph: 1\nname: big\nroles:\n"
    text += (0..<3000).map { "  - id: role:acme/r\($0)\n    name: R\($0)\n" }.joined()
    let folder = try Self.graph(text)
    defer { try? FileManager.default.removeItem(at: folder) }
    let stopped = try Tool.run(["query", "--graph", folder.path, "--timeout", "0.000001", "roles | count"])
    #expect(stopped.status == 1)
    #expect(
      stopped.stderr == """
        error[G007]: loading the graph took more than 1e-06 seconds and was stopped (while reading `orgraph.yaml`)
          = help: give it more time: `--timeout 120` on the command line, `:set timeout 120` in the shell (0: no limit)
          = help: or write a snapshot once, `orgraph snapshot --graph DIR -o FILE`, which opens in a fraction of a second

        """)
    #expect(stopped.stdout.isEmpty)
    let shell = try Tool.run([], stdin: ":set timeout 0.000001\n:graph \(folder.path)\nroles | count\n")
    #expect(
      shell.stderr.contains("error[G007]: loading the graph took more than 1e-06 seconds"), "\(shell.stderr)")
    // In the shell, the way forward is the shell's own setting, and the graph that stays is named.
    #expect(
      shell.stderr.contains(
        "= help: give it more time: `--timeout 120` on the command line, `:set timeout 120` in the shell (0: no limit)"
      ))
    #expect(
      shell.stderr.contains("error: the graph was not changed: still OrgGraph default graph (built in)"))
    #expect(shell.stdout.hasSuffix("    5\n(1 row)\n"), "the default graph stays: \(shell.stdout)")
    for arguments in [
      ["query", "--graph", folder.path, "roles | count"], ["stats", "--graph", folder.path],
    ] {
      let loaded = try Tool.run(arguments)
      #expect(loaded.status == 0, "\(loaded.stderr)")
      #expect(loaded.stdout.contains("3000"), "\(loaded.stdout)")
    }
  }
}
