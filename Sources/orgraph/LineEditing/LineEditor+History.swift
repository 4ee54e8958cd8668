import CLineEdit
import Foundation

extension LineEditor {
  /// Where the REPL keeps history: `$XDG_STATE_HOME/orgraph/history`, or `~/.local/state/orgraph/history`
  /// when `XDG_STATE_HOME` is unset or not an absolute path (as the XDG base directory specification says).
  static var defaultHistoryFile: URL { historyFile(environment: ProcessInfo.processInfo.environment) }

  /// ``defaultHistoryFile`` for the given environment variables.
  static func historyFile(environment: [String: String]) -> URL {
    let state: URL
    if let path = environment["XDG_STATE_HOME"], path.hasPrefix("/") {
      state = URL(fileURLWithPath: path, isDirectory: true)
    } else {
      let home = environment["HOME"].flatMap {
        $0.isEmpty ? nil : URL(fileURLWithPath: $0, isDirectory: true)
      }
      state = (home ?? FileManager.default.homeDirectoryForCurrentUser).appending(path: ".local/state")
    }
    return state.appending(path: "orgraph/history")
  }

  /// The entries, oldest first. Multi-line entries keep their newlines.
  var history: [String] {
    var entries: [String] = []
    var entry = orgraph_history_step(historyList, H_LAST)
    while let text = entry {
      entries.append(String(cString: text))
      entry = orgraph_history_step(historyList, H_PREV)
    }
    return entries
  }

  /// Stores `entry` as the newest history entry (Up recalls it, Ctrl-R finds it) and saves the history
  /// file. Trailing white space (such as the space Tab adds) is dropped; blank entries and a repeat of the
  /// newest entry are not stored; beyond the limit the oldest entry is dropped.
  ///
  /// - Parameter entry: the whole entry; for input typed over several lines, the lines joined with `"\n"`
  ///   so Up brings the whole entry back.
  func addHistory(_ entry: String) {
    var text = entry
    while text.last?.isWhitespace == true { text.removeLast() }
    guard !text.isEmpty else { return }
    if history.last == text { return }
    orgraph_history_enter(historyList, text)
    saveHistory()
  }

  /// Forgets every entry, in memory and in the history file.
  func clearHistory() {
    orgraph_history_clear(historyList)
    saveHistory()
  }

  /// Sets the limit and unique flag, then loads the history file if there is one.
  func configureHistory() {
    orgraph_history_set_size(historyList, Int32(clamping: historyLimit))
    orgraph_history_set_unique(historyList, 1)
    if let historyFile, FileManager.default.isReadableFile(atPath: historyFile.path) {
      orgraph_history_load(historyList, historyFile.path)
    }
  }

  /// Writes the whole history to ``historyFile`` through a temporary file renamed into place, so a crash
  /// or a second session never leaves half a file. Creates missing folders (owner only). Warns once on
  /// standard error when it cannot.
  func saveHistory() {
    guard let historyFile else { return }
    let folder = historyFile.deletingLastPathComponent()
    let temporary = folder.appending(path: ".\(historyFile.lastPathComponent).\(getpid()).tmp")
    do {
      try FileManager.default.createDirectory(
        at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
      guard orgraph_history_save(historyList, temporary.path) >= 0 else {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path])
      }
      guard rename(temporary.path, historyFile.path) == 0 else {
        throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
      }
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      if !historySaveFailed {
        historySaveFailed = true
        FileHandle.standardError.write(
          Data("warning: cannot save history to \(historyFile.path): \(error.localizedDescription)\n".utf8))
      }
    }
  }
}
