import ArgumentParser
import Foundation

/// `orgraph __line-editor-demo`: the line editor alone, for the terminal tests and for trying it by hand.
///
/// Reads lines with the prompt `demo> `; a line ending in `|` continues on the next with `  ...> `.
/// Echoes each entry as `you typed: …`, completes from a fixed word list, and exits 0 on Ctrl-D.
/// `:busy SECONDS` stands for a long query: it waits, polling ``LineEditor/interruptRequested`` as the
/// evaluator will, and says `cancelled` when Ctrl-C stops it.
struct LineEditorDemo: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "__line-editor-demo",
    abstract: "Try the REPL's line editor on its own (for tests).",
    shouldDisplay: false)

  @Option(help: ArgumentHelp("The history file (default: the REPL's).", valueName: "path"))
  var history: String?

  /// The words Tab completes, whole phrases included.
  static let words = [
    "requires", "roles", "role \"Cloud Engineer\"", "role \"Cloud Security Engineer\"", ":help", ":history",
  ]

  func run() throws {
    let file = history.map { URL(fileURLWithPath: $0) } ?? LineEditor.defaultHistoryFile
    guard let editor = LineEditor(historyFile: file) else {
      FileHandle.standardError.write(Data("error: __line-editor-demo needs a terminal\n".utf8))
      throw ExitCode(1)
    }
    editor.completer = { Self.complete($0) }
    var pending: [String] = []
    while true {
      switch editor.readLine(prompt: pending.isEmpty ? "demo> " : "  ...> ") {
      case .endOfFile:
        return
      case .interrupted:
        pending = []
      case .line(let line):
        pending.append(line)
        if line.trimmingCharacters(in: .whitespaces).hasSuffix("|") { continue }
        let entry = pending.joined(separator: "\n")
        pending = []
        guard !entry.allSatisfy(\.isWhitespace) else { continue }
        editor.addHistory(entry)
        if let seconds = Self.busySeconds(entry) {
          Self.work(seconds: seconds)
          continue
        }
        print("you typed: " + entry.replacingOccurrences(of: "\n", with: "\n           "))
      }
    }
  }

  /// Completes the longest end of `lineBeforeCursor` that starts a word (at the start of the line or after
  /// a space or `>`) and begins one of ``words``.
  static func complete(_ lineBeforeCursor: String) -> CompletionResult {
    let characters = Array(lineBeforeCursor)
    for start in characters.indices + [characters.count] {
      guard start == 0 || characters[start - 1] == " " || characters[start - 1] == ">" else { continue }
      let typed = String(characters[start...])
      let matches = words.filter { $0.hasPrefix(typed) }
      if !matches.isEmpty { return CompletionResult(replacing: typed.count, with: matches) }
    }
    return .none
  }

  /// The seconds in `:busy SECONDS`, or nil for any other entry.
  static func busySeconds(_ entry: String) -> Double? {
    let words = entry.split(separator: " ")
    guard words.count == 2, words[0] == ":busy", let seconds = Double(words[1]), seconds >= 0 else {
      return nil
    }
    return seconds
  }

  /// Waits like a long query, stopping early on Ctrl-C.
  static func work(seconds: Double) {
    LineEditor.resetInterrupt()
    print("working for \(seconds) s (Ctrl-C cancels)")
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline, !LineEditor.interruptRequested { usleep(10_000) }
    print(LineEditor.takeInterrupt() ? "cancelled" : "done")
  }
}
