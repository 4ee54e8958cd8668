import Foundation
import OrgTestSupport
import Testing

/// Graphviz runs in a helper process: a crash or a runaway layout there fails one render with a clear
/// error, and the tool, the shell and the queries after it go on.
@Suite("Render containment")
struct RenderContainmentTests {
  static let script = """
    team Cloud <- in_team | render svg to "a.svg"
    roles | count
    team Cloud <- in_team | render png to "b.png"
    roles | count

    """

  @Test func aCrashInGraphvizFailsOneRenderAndTheSessionGoesOn() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try Tool.run(
      [], in: folder, stdin: Self.script, environment: ["ORGRAPH_RENDER_WORKER_FAULT": "abort"])
    #expect(result.status == 1)
    // SIGABRT, or under AddressSanitizer (which reports the abort) exit status 1.
    let error =
      /error\[Q404\]: Graphviz crashed while laying out this diagram \((signal 6, SIGABRT|exit status 1)\); the diagram was not drawn \(a new Graphviz helper is started for the next one\)/
    #expect(result.stderr.matches(of: error).count == 2, "\(result.stderr)")
    #expect(result.stderr.contains("help: draw fewer nodes"))
    // Both counts ran: the session survived both crashes.
    #expect(result.stdout.components(separatedBy: "count\n-----\n    5\n(1 row)").count == 3)
    #expect(!FileManager.default.fileExists(atPath: folder.appending(path: "a.svg").path))
  }

  /// A helper that dies after answering (as Graphviz does when it fails while freeing a layout) costs no
  /// render: the next one goes to a new helper.
  @Test func aHelperThatDiesAfterAnsweringCostsNoRender() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try Tool.run(
      [], in: folder, stdin: Self.script, environment: ["ORGRAPH_RENDER_WORKER_FAULT": "abort-after-answer"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty)
    for file in ["a.svg", "b.png"] {
      #expect(FileManager.default.fileExists(atPath: folder.appending(path: file).path), "\(file)")
    }
  }

  @Test func aRunawayLayoutIsStopped() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let started = Date()
    let result = try Tool.run(
      [], in: folder, stdin: Self.script,
      environment: ["ORGRAPH_RENDER_WORKER_FAULT": "hang", "ORGRAPH_RENDER_TIMEOUT": "0.5"])
    #expect(Date().timeIntervalSince(started) < 30)
    #expect(result.status == 1)
    #expect(
      result.stderr.components(
        separatedBy: "Graphviz took longer than 0.5 seconds to lay out this diagram and was stopped"
      ).count == 3, "\(result.stderr)")
    #expect(result.stdout.components(separatedBy: "    5\n(1 row)").count == 3)
  }

  /// Random renders of every kind of result, in every format, in one session: each draws or fails with
  /// a message, and the session is alive at the end.
  @Test func theShellSurvivesManyRandomRenders() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var random = SeededGenerator(seed: 14)
    let sources = [
      "roles", "levels", "competencies", "teams", "tracks", "values", "orgs", "people", "expectations",
      #"role "Cloud Engineer""#, #"team Cloud"#, #"level "Senior Cloud Security Engineer""#,
      #"track "Security Engineer""#, "competency Kubernetes",
    ]
    let edges = [
      "requires", "holds", "has_level", "leads", "embodies", "expresses", "expects", "in_team", "part_of",
      "promotes_to", "lateral", "broader", "in_track", "has_example", "includes",
    ]
    let formats = ["svg", "png", "pdf", "dot", "mermaid"]
    let whole = [
      #"path from role "Backend Engineer" to level "Senior Cloud Security Engineer" via -> (promotes_to | lateral)"#,
      #"overlap role "Cloud Engineer", role "SRE Engineer""#,
      #"gap from role "Cloud Engineer" to level "Senior Cloud Security Engineer""#,
    ]
    let renders = 1000
    var script = ""
    for i in 0..<renders {
      let format = formats[Int.random(in: 0..<formats.count, using: &random)]
      var query: String
      if Int.random(in: 0..<6, using: &random) == 0 {
        query = whole[Int.random(in: 0..<whole.count, using: &random)]
      } else {
        query = sources[Int.random(in: 0..<sources.count, using: &random)]
        for _ in 0..<Int.random(in: 0...2, using: &random) {
          let chosen = edges.shuffled(using: &random).prefix(Int.random(in: 1...4, using: &random))
          let arrow = ["->", "<-", "--"][Int.random(in: 0..<3, using: &random)]
          let quantifier = ["", "*", "+", "?", "{1,2}"][Int.random(in: 0..<5, using: &random)]
          query += " \(arrow) (\(chosen.joined(separator: " | ")))\(quantifier)"
        }
        query += " | limit \(Int.random(in: 1...160, using: &random))"
      }
      script += "\(query) | render \(format) to \"out-\(i).\(format)\"\n"
    }
    script += "roles | count\n"
    let result = try Tool.run([], in: folder, stdin: script)
    // The last query ran: the session survived every render.
    #expect(result.stdout.hasSuffix("count\n-----\n    5\n(1 row)\n"), "\(result.stdout.suffix(300))")
    // Every render drew its file, or said why not.
    let written = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
      $0.hasPrefix("out-")
    }
    let failures = result.stderr.components(separatedBy: "error[").count - 1
    #expect(written.count + failures >= renders, "\(written.count) written, \(failures) errors")
    #expect(written.count > renders / 3)
    #expect(!result.stderr.contains("crashed"), "\(result.stderr)")
  }
}
