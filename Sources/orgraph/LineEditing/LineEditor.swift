import CLineEdit
import Foundation

/// What one call to ``LineEditor/readLine(prompt:)`` produced.
enum LineEditorEvent: Equatable, Sendable {
  /// The user pressed Enter: the line without its newline (it may be empty).
  case line(String)
  /// The user pressed Ctrl-C: the half-typed line was abandoned. Show a fresh prompt; never exit.
  case interrupted
  /// The user pressed Ctrl-D on an empty line, or the terminal went away: leave the REPL.
  case endOfFile
}

/// Interactive line editing on a terminal, through libedit: Emacs keys, history kept between sessions,
/// reverse history search (Ctrl-R), Tab completion supplied by the caller, UTF-8 input.
///
/// ```swift
/// guard let editor = LineEditor(historyFile: LineEditor.defaultHistoryFile) else { /* not a terminal */ }
/// editor.completer = { before in CompletionResult(replacing: 3, with: ["requires", "reports_to"]) }
/// while case .line(let text) = editor.readLine(prompt: "orgraph> ") {
///   editor.addHistory(text)
/// }
/// ```
///
/// History is explicit: ``addHistory(_:)`` stores an entry (a multi-line entry is stored joined, as given)
/// and writes the history file at once. Ctrl-C while ``readLine(prompt:)`` waits returns
/// ``LineEditorEvent/interrupted``; Ctrl-C at any other time (a query running) sets
/// ``interruptRequested``, which the evaluator polls.
///
/// One editor per process, used from one thread: it owns the terminal while it reads.
final class LineEditor {
  /// The libedit editor.
  let editLine: OpaquePointer
  /// The libedit history list connected to ``editLine``.
  let historyList: OpaquePointer
  /// The file history is loaded from and saved to after every entry; nil keeps history in memory only.
  let historyFile: URL?
  /// The maximum number of history entries kept, in memory and in the file.
  let historyLimit: Int
  /// Supplies Tab completions from the text before the cursor; nil makes Tab beep.
  var completer: ((_ lineBeforeCursor: String) -> CompletionResult)?

  /// The prompt libedit draws, owned here (libedit borrows it through the prompt callback).
  private var promptStorage: UnsafeMutablePointer<CChar>?
  /// Set once saving history failed, so the warning is printed only once per session.
  var historySaveFailed = false

  /// Starts line editing on the terminal, or returns nil when standard input or output is not a terminal
  /// (or `TERM` is `dumb`): the caller then reads plain lines.
  ///
  /// - Parameters:
  ///   - historyFile: where history is kept between sessions, usually ``defaultHistoryFile``; nil keeps it
  ///     in memory. Missing folders are created on the first save.
  ///   - historyLimit: the most entries kept; older ones are dropped.
  init?(historyFile: URL?, historyLimit: Int = 1000) {
    guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else { return nil }
    if ProcessInfo.processInfo.environment["TERM"] == "dumb" { return nil }
    Self.selectUTF8Locale()
    Self.installInterruptHandler()
    guard let editLine = orgraph_el_open("orgraph") else { return nil }
    guard let historyList = history_init() else {
      el_end(editLine)
      return nil
    }
    self.editLine = editLine
    self.historyList = historyList
    self.historyFile = historyFile
    self.historyLimit = max(1, historyLimit)
    configureHistory()
    configureEditor()
  }

  deinit {
    el_end(editLine)
    history_end(historyList)
    free(promptStorage)
  }

  /// Reads one line with `prompt`, letting the user edit it, recall history and complete with Tab.
  ///
  /// The REPL calls it again with a continuation prompt (`"  ...> "`) while an entry is unfinished, then
  /// stores the joined entry with ``addHistory(_:)``. Nothing is added to history here.
  ///
  /// - Parameter prompt: printed before the line. Text between two `"\u{1}"` characters (colour escape
  ///   sequences) is printed but takes no room on the line.
  /// - Returns: the line, ``LineEditorEvent/interrupted`` on Ctrl-C (the abandoned line stays on screen
  ///   marked `^C`, the cursor on a fresh line), or ``LineEditorEvent/endOfFile`` on Ctrl-D.
  func readLine(prompt: String) -> LineEditorEvent {
    setPrompt(prompt)
    while true {
      Self.resetInterrupt()
      var count: Int32 = 0
      errno = 0
      if let text = el_gets(editLine, &count) {
        var line = String(cString: text)
        while line.hasSuffix("\n") || line.hasSuffix("\r") { line.removeLast() }
        return .line(line)
      }
      let failure = errno
      let interrupted = Self.takeInterrupt()
      if count < 0, failure == EINTR {
        if interrupted {
          abandonLine()
          return .interrupted
        }
        // Another caught signal cut the read short (libedit itself absorbs resizes and stop-continue).
        resumeLine()
        continue
      }
      if interrupted {
        // Ctrl-C in a nested read (reverse search, quoted insert): libedit reports it as end of file,
        // having already moved below the line.
        return .interrupted
      }
      // Ctrl-D on an empty line (count 0), or a read error such as a closed terminal.
      writeToTerminal("\n")
      return .endOfFile
    }
  }

  /// Puts the terminal back in its normal mode and forgets the line being edited (`el_reset`).
  func reset() {
    el_reset(editLine)
  }

  // MARK: - Setup

  private func configureEditor() {
    orgraph_el_set_client_data(editLine, Unmanaged.passUnretained(self).toOpaque())
    orgraph_el_set_prompt(
      editLine,
      { editLine in
        guard let editor = LineEditor.owner(of: editLine) else { return nil }
        return editor.promptStorage
      }, 1)
    orgraph_el_set_editor(editLine, "emacs")
    orgraph_el_set_signal_handling(editLine, 1)
    orgraph_el_set_history(editLine, historyList)
    // libedit binds Ctrl-R to redisplay; people expect reverse history search there.
    orgraph_el_bind(editLine, "^R", "em-inc-search-prev")
    // Ctrl-W deletes the word before the cursor, as in bash, rather than libedit's kill-region.
    orgraph_el_bind(editLine, "^W", "ed-delete-prev-word")
    // Ctrl-Left and Ctrl-Right move by words (xterm and tmux sequences).
    for key in ["\\e[1;5D", "\\e[5D", "\\e\\e[D"] { orgraph_el_bind(editLine, key, "ed-prev-word") }
    for key in ["\\e[1;5C", "\\e[5C", "\\e\\e[C"] { orgraph_el_bind(editLine, key, "em-next-word") }
    // Home, End and Delete, whatever the terminal's description says.
    for key in ["\\e[H", "\\eOH", "\\e[1~", "\\e[7~"] { orgraph_el_bind(editLine, key, "ed-move-to-beg") }
    for key in ["\\e[F", "\\eOF", "\\e[4~", "\\e[8~"] { orgraph_el_bind(editLine, key, "ed-move-to-end") }
    orgraph_el_bind(editLine, "\\e[3~", "ed-delete-next-char")
    orgraph_el_add_function(
      editLine, "orgraph-complete", "Complete the word before the cursor",
      { editLine, _ in
        guard let editor = LineEditor.owner(of: editLine) else { return UInt8(CC_ERROR) }
        return editor.completeAtCursor()
      })
    orgraph_el_bind(editLine, "^I", "orgraph-complete")
    // The user's ~/.editrc (or $EDITRC) comes last, so it can change any of the above.
    el_source(editLine, nil)
  }

  /// The editor whose pointer libedit holds as client data.
  static func owner(of editLine: OpaquePointer?) -> LineEditor? {
    guard let editLine, let data = orgraph_el_client_data(editLine) else { return nil }
    return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
  }

  private func setPrompt(_ prompt: String) {
    free(promptStorage)
    promptStorage = strdup(prompt)
  }

  /// libedit drops input it cannot decode in the current locale, and the C locale decodes only ASCII.
  /// Takes the user's LC_CTYPE; when that is not UTF-8, falls back to C.UTF-8 (the graph and the
  /// terminal output are UTF-8 whatever the locale says).
  static func selectUTF8Locale() {
    setlocale(LC_CTYPE, "")
    if isUTF8Locale { return }
    for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_CTYPE, name) != nil {
      if isUTF8Locale { return }
    }
  }

  private static var isUTF8Locale: Bool {
    guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
    let name = String(cString: codeset).uppercased()
    return name == "UTF-8" || name == "UTF8"
  }

  // MARK: - Terminal output

  /// Writes text through the same stdio stream libedit draws on, and flushes it.
  func writeToTerminal(_ text: String) {
    orgraph_write_output(text)
  }

  /// The text from the cursor to the end of the line being edited.
  var textAfterCursor: String {
    guard let info = el_line(editLine)?.pointee, let cursor = info.cursor, let end = info.lastchar,
      end > cursor
    else { return "" }
    let bytes = UnsafeRawBufferPointer(start: cursor, count: end - cursor)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The text from the start of the line being edited to the cursor.
  var textBeforeCursor: String {
    guard let info = el_line(editLine)?.pointee, let start = info.buffer, let cursor = info.cursor,
      cursor > start
    else { return "" }
    let bytes = UnsafeRawBufferPointer(start: start, count: cursor - start)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// After a read cut short by a signal other than SIGINT: moves to a fresh line and types what the user
  /// had typed again, so the next `el_gets` starts with it (at the end of the line).
  private func resumeLine() {
    let typed = textBeforeCursor + textAfterCursor
    writeToTerminal(TerminalText.printable(textAfterCursor) + "\r\n")
    // Only printable text: a newline or a tab in it would act as Enter or Tab.
    if !typed.isEmpty, typed.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) {
      el_push(editLine, typed)
    }
  }

  /// After Ctrl-C: leaves the abandoned line on screen, marked like a shell does, and moves to a fresh
  /// line. Rewriting the text after the cursor puts the terminal cursor at the end of the line first.
  private func abandonLine() {
    writeToTerminal(TerminalText.printable(textAfterCursor) + "^C\r\n")
  }
}
