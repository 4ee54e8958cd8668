import Foundation
import Testing

/// The real REPL (`orgraph repl`) in a real terminal, driven through tmux as a person would: history across
/// sessions, Tab completion of an edge and of a quoted name, a multi-line query, Ctrl-C, non-ASCII input.
@Suite(
  "REPL in a terminal",
  .enabled(if: TerminalSession.isAvailable, "tmux is not installed: the terminal tests need it"))
struct REPLTerminalTests {
  let folder: URL

  init() throws {
    folder = try Paths.temporaryFolder()
  }

  func removeFolder() { try? FileManager.default.removeItem(at: folder) }

  /// Starts the REPL with its history under the test's folder and waits for the banner and prompt.
  func start() throws -> TerminalSession {
    let executable = try #require(Tool.executable, "orgraph was not built next to the tests")
    let session = try TerminalSession(
      [executable.path, "repl"], width: 120, height: 40,
      environment: ["EDITRC": "/dev/null", "NO_COLOR": "1", "XDG_STATE_HOME": folder.path])
    try session.waitFor("the prompt") { rows in
      rows.contains { $0.hasPrefix("OrgGraph ") } && rows.last == "orgraph>"
    }
    return session
  }

  /// Types a query, presses Enter, and waits until `expected` shows and the prompt is back.
  func run(_ line: String, expecting expected: String, in session: TerminalSession) throws {
    try session.type(line)
    try session.press("Enter")
    try session.waitFor("\(expected) after \(line)") { rows in
      rows.contains(expected) && rows.last == "orgraph>"
    }
  }

  @Test func bannerNamesTheGraphAndHowToGetHelp() throws {
    defer { removeFolder() }
    let session = try start()
    defer { session.close() }
    let rows = try session.lines()
    #expect(rows.first?.hasPrefix("OrgGraph 0.1.0 — OrgGraph default graph (built in): 336 nodes") == true)
    #expect(rows.contains("Type a query, :help for help, Tab to complete, Ctrl-D to quit."))
  }

  @Test func historyIsRecalledInTheNextSession() throws {
    defer { removeFolder() }
    do {
      let first = try start()
      defer { first.close() }
      try run("team Cloud <- in_team", expecting: "Cloud Engineer", in: first)
      try first.press("C-d")
      #expect(try first.exitStatus() == 0)
    }
    let second = try start()
    defer { second.close() }
    try second.press("Up")
    try second.waitFor("the recalled line") { $0.last == "orgraph> team Cloud <- in_team" }
    try second.press("Enter")
    try second.waitFor("its result") { rows in
      rows.filter { $0 == "Cloud Engineer" }.count == 1 && rows.last == "orgraph>"
    }
  }

  @Test func tabCompletesAnEdgeAndAQuotedName() throws {
    defer { removeFolder() }
    let session = try start()
    defer { session.close() }
    try session.type(#"role "Cloud S"#)
    try session.press("Tab")
    try session.waitFor("the quoted name") { $0.last == #"orgraph> role "Cloud Security Engineer""# }
    try session.type("-> has_l")
    try session.press("Tab")
    try session.waitFor("the edge") { $0.last == #"orgraph> role "Cloud Security Engineer" -> has_level"# }
    try session.press("Enter")
    try session.waitFor("the level") { rows in
      rows.contains("Senior Cloud Security Engineer") && rows.last == "orgraph>"
    }
  }

  @Test func aMultiLineQuery() throws {
    defer { removeFolder() }
    let session = try start()
    defer { session.close() }
    try session.type("roles |")
    try session.press("Enter")
    try session.waitFor("the continuation prompt") { $0.last == "   ...>" }
    try session.type("where name ~ \"SRE\"")
    try session.press("Enter")
    try session.waitFor("the result") { rows in rows.contains("SRE Engineer") && rows.last == "orgraph>" }
  }

  @Test func ctrlCClearsAHalfTypedLineAndNeverExits() throws {
    defer { removeFolder() }
    let session = try start()
    defer { session.close() }
    try session.type("roles -> requ")
    // Ctrl-C once the editor shows the text: pressed earlier, under load, it can reach the shell before its
    // prompt is up.
    try session.waitFor("the typed text") { $0.last == "orgraph> roles -> requ" }
    try session.press("C-c")
    try session.waitFor("a fresh prompt") { $0.last == "orgraph>" }
    #expect(try session.isRunning())
    try run("roles | count", expecting: "    5", in: session)
  }

  @Test func nonASCIIInputSurvives() throws {
    defer { removeFolder() }
    let session = try start()
    defer { session.close() }
    try session.type(#"roles | where name ~ "Développeur 日本""#)
    try session.waitFor("the typed text") { $0.last == #"orgraph> roles | where name ~ "Développeur 日本""# }
    try session.press("Enter")
    try session.waitFor("an empty result") { rows in rows.contains("(0 rows)") && rows.last == "orgraph>" }
  }

  @Test func ctrlDExits() throws {
    defer { removeFolder() }
    let session = try start()
    defer { session.close() }
    try session.press("C-d")
    #expect(try session.exitStatus() == 0)
  }
}
