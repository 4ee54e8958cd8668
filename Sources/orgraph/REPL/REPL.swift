import Foundation
import OrgGraph
import OrgQuery
import OrgTool

/// The read-eval-print loop: on a terminal with libedit (history, Tab, Ctrl-C), otherwise one query per
/// line from standard input (continuations joined), results to stdout and diagnostics to stderr.
enum REPL {
  /// Runs the REPL on `graph`; returns the exit status.
  static func run(
    graph: Graph, graphPath: String?, limits: LimitOptions = LimitOptions(),
    writes: WritePolicy = WritePolicy(), forceTerminal: Bool? = nil
  ) -> Int32 {
    let interactive = forceTerminal ?? (isatty(0) != 0 && isatty(1) != 0)
    let color = isatty(1) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    var shell = Shell(
      runner: ScriptRunner(
        session: limits.apply(to: QuerySession(graph: graph)), color: color && interactive,
        anonymousName: interactive ? "<repl>" : "<stdin>",
        renderer: Rendering.renderer(writes: writes)),
      graphPath: graphPath, interactive: interactive, color: color, writes: writes,
      out: { FileHandle.standardOutput.write(Data($0.utf8)) },
      err: { FileHandle.standardError.write(Data($0.utf8)) })
    if interactive, let editor = LineEditor(historyFile: LineEditor.defaultHistoryFile) {
      return terminal(&shell, editor: editor)
    }
    return piped(&shell)
  }

  static func terminal(_ shell: inout Shell, editor: LineEditor) -> Int32 {
    shell.out(shell.banner)
    shell.history = { editor.history }
    shell.terminalWidth = { terminalColumns() }
    var completionShell = shell
    editor.completer = { text in
      let c = completionShell.complete(text)
      return CompletionResult(
        replacing: c.replacedLength, with: c.candidates,
        suffixWhenUnique: c.candidates.first?.hasSuffix("/") == true ? "" : " ")
    }
    var buffer = ""
    var joinWithSpace = false
    var hinted = false
    while !shell.quitRequested {
      let prompt = buffer.isEmpty ? "orgraph> " : "   ...> "
      switch editor.readLine(prompt: prompt) {
      case .endOfFile:
        if buffer.isEmpty {
          shell.out("\n")
          return 0
        }
        buffer = ""  // Ctrl-D on a continuation line drops the unfinished entry.
        shell.out("\n")
      case .interrupted:
        buffer = ""
        hinted = false
      case .line(let line):
        if buffer.isEmpty && line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
        if !buffer.isEmpty && line.trimmingCharacters(in: .whitespaces).isEmpty {
          // Enter on an empty continuation line: say what is still open, once.
          if !hinted {
            hinted = true
            shell.err(
              Parser.openInput(buffer) == .quote
                ? "(a quote is still open: close it with \" or ', or press Ctrl-C to start over)\n"
                : "(the query continues: close the open bracket or finish the `|`, or press Ctrl-C to start over)\n"
            )
          }
          continue
        }
        buffer += buffer.isEmpty ? line : (joinWithSpace ? " " : "\n") + line
        if !buffer.hasPrefix(":"), let open = Parser.openInput(buffer) {
          joinWithSpace = open == .quote
          continue
        }
        let entry = buffer
        buffer = ""
        hinted = false
        editor.addHistory(entry)
        LineEditor.resetInterrupt()
        if entry.hasPrefix(":") {
          _ = shell.meta(entry.trimmingCharacters(in: .whitespaces))
        } else {
          _ = shell.runQuery(entry, isCancelled: { LineEditor.interruptRequested })
        }
        LineEditor.resetInterrupt()
        completionShell = shell
        editor.completer = { text in
          let c = completionShell.complete(text)
          return CompletionResult(
            replacing: c.replacedLength, with: c.candidates,
            suffixWhenUnique: c.candidates.first?.hasSuffix("/") == true ? "" : " ")
        }
      }
    }
    return 0
  }

  /// Reads queries line by line from standard input; exit status 1 if any failed. A line that continues
  /// (ends with `|`, leaves a bracket or quote open) or a next line that starts with `|` or an arrow joins
  /// the query; meta-commands work as at the prompt.
  static func piped(_ shell: inout Shell) -> Int32 {
    var ok = true
    var buffer = ""
    var firstLine = 1
    var lineNumber = 0
    var joinWithSpace = false
    var scanner = Parser.InputScanner()
    var pending = Swift.readLine(strippingNewline: true)
    func startsContinuation(_ line: String?) -> Bool {
      guard let trimmed = line?.trimmingCharacters(in: .whitespaces) else { return false }
      return ["|", "->", "<-", "--"].contains { trimmed.hasPrefix($0) }
    }
    while !shell.quitRequested, let line = pending {
      pending = Swift.readLine(strippingNewline: true)
      lineNumber += 1
      if buffer.isEmpty {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
        firstLine = lineNumber
        buffer = line
        scanner = Parser.InputScanner()
        scanner.feed(line)
      } else {
        buffer += (joinWithSpace ? " " : "\n") + line
        scanner.feed((joinWithSpace ? " " : "\n") + line)
      }
      if !buffer.hasPrefix(":") {
        if let open = scanner.open {
          joinWithSpace = open == .quote
          continue
        }
        if startsContinuation(pending) {
          joinWithSpace = false
          continue
        }
      }
      let entry = buffer
      buffer = ""
      if entry.hasPrefix(":") {
        ok = shell.meta(entry.trimmingCharacters(in: .whitespaces)) && ok
      } else {
        ok = shell.runQuery(entry, firstLine: firstLine) && ok
      }
    }
    if !buffer.isEmpty { ok = shell.runQuery(buffer, firstLine: firstLine) && ok }
    return ok ? 0 : 1
  }

  static func terminalColumns() -> Int? {
    var size = winsize()
    if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 { return Int(size.ws_col) }
    return nil
  }
}
