import Foundation
import Testing

/// The REPL's line editor in a real terminal: `orgraph __line-editor-demo` driven through tmux, keys sent
/// and the screen read back as a person would see it.
@Suite(
  "line editor in a terminal",
  .enabled(if: TerminalSession.isAvailable, "tmux is not installed: the terminal tests need it"))
struct LineEditorTerminalTests {
  /// A scratch folder; the history file goes in a folder that does not exist yet.
  let folder: URL
  let historyFile: URL

  init() throws {
    folder = try Paths.temporaryFolder()
    historyFile = folder.appending(path: "state/orgraph/history")
  }

  /// Starts the demo on the test's history file and waits for its first prompt.
  func startDemo(environment: [String: String] = [:], width: Int = 120) throws -> TerminalSession {
    let executable = try #require(Tool.executable, "orgraph was not built next to the tests")
    var variables = ["EDITRC": "/dev/null", "NO_COLOR": "1"]
    variables.merge(environment) { $1 }
    let session = try TerminalSession(
      [executable.path, "__line-editor-demo", "--history", historyFile.path], width: width, height: 30,
      environment: variables)
    try session.waitFor("the first prompt") { $0.last == "demo>" }
    return session
  }

  /// Types `line`, presses Enter and waits for the echo and the next prompt.
  func enter(_ line: String, in session: TerminalSession) throws {
    let before = try session.lines().filter { $0 == "you typed: \(line)" }.count
    try session.type(line)
    try session.press("Enter")
    try session.waitFor("the echo of \(line)") { rows in
      rows.filter { $0 == "you typed: \(line)" }.count == before + 1 && rows.last == "demo>"
    }
  }

  func removeFolder() { try? FileManager.default.removeItem(at: folder) }

  @Test func upRecallsALineFromThePreviousSession() throws {
    defer { removeFolder() }
    do {
      let first = try startDemo()
      defer { first.close() }
      try enter("roles -> requires", in: first)
      try enter("roles -> requires", in: first)
      try first.type("   ")
      try first.press("Enter")
      try first.press("C-d")
      #expect(try first.exitStatus() == 0)
    }
    // One entry: the repeat and the blank line were not stored. libedit's format: a header, then entries.
    let saved = try String(contentsOf: historyFile, encoding: .utf8).split(separator: "\n")
    #expect(saved == ["_HiStOrY_V2_", "roles\\040->\\040requires"])

    let second = try startDemo()
    defer { second.close() }
    try second.press("Up")
    try second.waitFor("the recalled line") { $0.last == "demo> roles -> requires" }
    try second.press("Enter")
    try second.waitFor("the echo") { $0.suffix(2) == ["you typed: roles -> requires", "demo>"] }
  }

  @Test func historyKeepsTheNewestThousandEntries() throws {
    defer { removeFolder() }
    // A history file written by an earlier session, over the limit.
    try FileManager.default.createDirectory(
      at: historyFile.deletingLastPathComponent(), withIntermediateDirectories: true)
    let old = (1...1005).map { "entry\($0)" }
    try (["_HiStOrY_V2_"] + old).joined(separator: "\n").appending("\n")
      .write(to: historyFile, atomically: true, encoding: .utf8)
    let session = try startDemo()
    defer { session.close() }
    try session.press("Up")
    try session.waitFor("the newest old entry") { $0.last == "demo> entry1005" }
    try session.press("C-a", "C-k")
    try enter("newest", in: session)
    let saved = try String(contentsOf: historyFile, encoding: .utf8).split(separator: "\n").map(String.init)
    #expect(saved.count == 1 + 1000)
    #expect(saved.dropFirst().first == "entry7")
    #expect(saved.last == "newest")
  }

  @Test func ctrlRSearchesHistoryBackwards() throws {
    defer { removeFolder() }
    let session = try startDemo()
    defer { session.close() }
    for line in ["requires alpha", "roles beta", "requires gamma"] { try enter(line, in: session) }
    try session.press("C-r")
    try session.type("req")
    try session.waitFor("the newest match") { $0.suffix(2) == ["demo> requires gamma", "bck:req"] }
    try session.press("C-r")
    try session.waitFor("the next older match") { $0.suffix(2) == ["demo> requires alpha", "bck:req"] }
    try session.press("Enter")
    try session.waitFor("the found line run") {
      $0.filter { $0 == "you typed: requires alpha" }.count == 2 && $0.last == "demo>"
    }
  }

  @Test func ctrlCDuringReverseSearchAbandonsItWithoutExiting() throws {
    defer { removeFolder() }
    let session = try startDemo()
    defer { session.close() }
    try enter("requires alpha", in: session)
    try session.press("C-r")
    try session.type("alp")
    try session.waitFor("the match") { $0.suffix(2) == ["demo> requires alpha", "bck:alp"] }
    try session.press("C-c")
    try session.waitFor("a fresh prompt") { $0.last == "demo>" }
    #expect(try session.isRunning())
    try enter("after", in: session)
  }

  @Test func tabCompletesAnEdgeType() throws {
    defer { removeFolder() }
    let session = try startDemo()
    defer { session.close() }
    try session.type("roles -> req")
    try session.press("Tab")
    try session.waitFor("the completed edge") { $0.last == "demo> roles -> requires" }
    // A unique completion ends with a space, so the next word can follow.
    #expect(try session.cursor().column == "demo> roles -> requires ".count)
    try session.press("Enter")
    try session.waitFor("the echo") { $0.suffix(2) == ["you typed: roles -> requires", "demo>"] }
  }

  @Test func tabCompletesAQuotedName() throws {
    defer { removeFolder() }
    let session = try startDemo()
    defer { session.close() }
    try session.type("role \"Cloud S")
    try session.press("Tab")
    try session.waitFor("the completed name") { $0.last == "demo> role \"Cloud Security Engineer\"" }
    try session.press("Enter")
    try session.waitFor("the echo") {
      $0.suffix(2) == ["you typed: role \"Cloud Security Engineer\"", "demo>"]
    }
  }

  @Test func tabListsSeveralCandidatesUnderThePrompt() throws {
    defer { removeFolder() }
    let session = try startDemo()
    defer { session.close() }
    try session.type("role \"C")
    try session.press("Tab")
    // The common prefix is inserted, the candidates listed, and the prompt drawn again under the list.
    let rows = try session.waitFor("the list of candidates") {
      $0.count >= 3 && $0.last == "demo> role \"Cloud"
    }
    let list = rows[rows.count - 2]
    #expect(list.hasPrefix("role \"Cloud Engineer\""))
    #expect(list.hasSuffix("role \"Cloud Security Engineer\""))
    #expect(rows[rows.count - 3] == "demo> role \"Cloud")
    #expect(try session.cursor().column == "demo> role \"Cloud ".count)
    try session.type("E")
    try session.press("Tab")
    try session.waitFor("the completed name") { $0.last == "demo> role \"Cloud Engineer\"" }
  }

  @Test func aLineEndingInAPipeContinuesAndIsRecalledWhole() throws {
    defer { removeFolder() }
    let session = try startDemo()
    defer { session.close() }
    try session.type("roles |")
    try session.press("Enter")
    try session.waitFor("the continuation prompt") { $0.last == "  ...>" }
    try session.type("requires")
    try session.press("Enter")
    try session.waitFor("the echo of both lines") {
      $0.suffix(3) == ["you typed: roles |", "           requires", "demo>"]
    }
    // History holds the joined entry: Up brings both lines back, Enter runs them again.
    try session.press("Up")
    try session.waitFor("the recalled entry") { $0.suffix(2) == ["demo> roles |", "requires"] }
    try session.press("Enter")
    try session.waitFor("the second echo") {
      $0.filter { $0 == "you typed: roles |" }.count == 2 && $0.last == "demo>"
    }
  }

  @Test func ctrlCAbandonsAHalfTypedLineWithoutExiting() throws {
    defer { removeFolder() }
    let session = try startDemo()
    defer { session.close() }
    try session.type("half typed")
    try session.press("Left", "Left", "Left")
    try session.press("C-c")
    // The abandoned line stays visible, marked, and a fresh empty prompt follows with the cursor on it.
    let rows = try session.waitFor("a fresh prompt") { $0.suffix(2) == ["demo> half typed^C", "demo>"] }
    #expect(try session.cursor() == ("demo> ".count, rows.count - 1))
    #expect(try session.isRunning())
    try enter("after", in: session)
    #expect(try !session.screen().contains("you typed: half"))
  }

  @Test func ctrlCCancelsRunningWorkWithoutExiting() throws {
    defer { removeFolder() }
    let session = try startDemo()
    defer { session.close() }
    try session.type(":busy 30")
    try session.press("Enter")
    try session.waitFor("the work to start") { $0.last?.hasPrefix("working for 30.0 s") == true }
    try session.press("C-c")
    try session.waitFor("the work to stop") {
      $0.last == "demo>" && $0.contains { $0.hasSuffix("cancelled") }
    }
    #expect(try session.isRunning())
    try enter("still here", in: session)
  }

  /// Non-ASCII input in the user's locale and in the C locale, where the editor falls back to C.UTF-8.
  @Test(arguments: [[:], ["LC_ALL": "C", "LANG": "C"]])
  func nonASCIIInputSurvivesEditingAndHistory(environment: [String: String]) throws {
    defer { removeFolder() }
    let text = "Développeur 日本 😀 Ünïcödé"
    do {
      let session = try startDemo(environment: environment)
      defer { session.close() }
      try enter(text, in: session)
      // Editing between wide characters: the cursor moves by characters, not bytes or columns.
      try session.type("日本語")
      try session.press("Left", "Left")
      try session.type("X")
      try session.waitFor("the edited line") { $0.last == "demo> 日X本語" }
      #expect(try session.cursor().column == "demo> 日X".count + 1)
      try session.press("Enter")
      try session.waitFor("the echo") { $0.suffix(2) == ["you typed: 日X本語", "demo>"] }
      try session.press("C-d")
      #expect(try session.exitStatus() == 0)
    }
    let next = try startDemo(environment: environment)
    defer { next.close() }
    try next.press("Up", "Up")
    try next.waitFor("the recalled line") { $0.last == "demo> \(text)" }
    try next.press("Enter")
    try next.waitFor("the echo") { $0.suffix(2) == ["you typed: \(text)", "demo>"] }
  }

  @Test func ctrlDExitsOnlyOnAnEmptyLine() throws {
    defer { removeFolder() }
    let session = try startDemo()
    defer { session.close() }
    try session.type("abc")
    try session.press("C-d")
    try session.press("C-a", "C-k")
    try session.waitFor("the line cleared") { $0.last == "demo>" }
    #expect(try session.isRunning())
    try session.press("C-d")
    #expect(try session.exitStatus() == 0)
    #expect(try !session.screen().contains("you typed"))
  }
}
