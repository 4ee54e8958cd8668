import CLineEdit
import Foundation

/// The completions for the word before the cursor, from ``LineEditor/completer``.
///
/// The candidates are whole replacements for the last ``replacedLength`` characters of the text before the
/// cursor, so quoting belongs to the completer: for `role "Cloud S` it can replace 8 characters with
/// `"Cloud Security Engineer"`.
///
/// ```swift
/// // lineBeforeCursor: `roles -> req`
/// CompletionResult(replacing: 3, with: ["requires"])
/// ```
struct CompletionResult: Equatable, Sendable {
  /// How many characters at the end of the text before the cursor the candidates replace.
  var replacedLength: Int
  /// The replacements, in the order they are listed.
  var candidates: [String]
  /// Added after a single candidate: a space by default, nothing for a folder path (`Graph/`) that the
  /// user continues.
  var suffixWhenUnique: String

  /// Completions that replace the last `replacedLength` characters before the cursor.
  init(replacing replacedLength: Int, with candidates: [String], suffixWhenUnique: String = " ") {
    self.replacedLength = max(0, replacedLength)
    self.candidates = candidates
    self.suffixWhenUnique = suffixWhenUnique
  }

  /// No completion: Tab beeps.
  static let none = CompletionResult(replacing: 0, with: [])
}

/// What Tab does to the line, worked out from the text before the cursor and a ``CompletionResult``.
struct CompletionEdit: Equatable, Sendable {
  /// The characters to delete before the cursor.
  var deletedText: String
  /// The text inserted in their place (empty when nothing changes).
  var insertedText: String
  /// The candidates to list below the prompt (empty after a unique completion).
  var listed: [String]

  /// Works out the edit:
  /// - one candidate replaces the word and adds ``CompletionResult/suffixWhenUnique``;
  /// - several candidates insert their longest common prefix when it says more than what was typed, and
  ///   are listed below the prompt;
  /// - none: nil (the editor beeps).
  init?(lineBeforeCursor: String, result: CompletionResult) {
    var seen = Set<String>()
    let candidates = result.candidates.filter { !$0.isEmpty && seen.insert($0).inserted }
    guard !candidates.isEmpty else { return nil }
    let typed = String(lineBeforeCursor.suffix(result.replacedLength))
    if candidates.count == 1, let only = candidates.first {
      deletedText = typed
      insertedText = only + result.suffixWhenUnique
      listed = []
      return
    }
    let prefix = TerminalText.commonPrefix(candidates)
    if prefix.count >= typed.count, prefix != typed {
      deletedText = typed
      insertedText = prefix
    } else {
      deletedText = ""
      insertedText = ""
    }
    listed = candidates
  }
}

extension LineEditor {
  /// The Tab command: asks ``completer`` and edits the line, listing candidates when several match.
  /// Runs inside `el_gets`, with the terminal in libedit's raw mode; returns a libedit `CC_*` code.
  func completeAtCursor() -> UInt8 {
    guard let completer else { return UInt8(CC_REFRESH_BEEP) }
    let before = textBeforeCursor
    guard let edit = CompletionEdit(lineBeforeCursor: before, result: completer(before)) else {
      return UInt8(CC_REFRESH_BEEP)
    }
    let after = textAfterCursor
    if !edit.deletedText.isEmpty {
      el_deletestr(editLine, Int32(edit.deletedText.unicodeScalars.count))
    }
    if !edit.insertedText.isEmpty, el_insertstr(editLine, edit.insertedText) != 0 {
      return UInt8(CC_REFRESH_BEEP)
    }
    if edit.listed.isEmpty { return UInt8(CC_REFRESH) }

    // The screen still shows the line as it was before the edit. Bring it up to date where that is a
    // plain extension at the end of the line (the usual case), or else move to its end; then list the
    // candidates below and draw the prompt and the line afresh under them.
    var text = ""
    if after.isEmpty, edit.insertedText.hasPrefix(edit.deletedText) {
      text += TerminalText.printable(String(edit.insertedText.dropFirst(edit.deletedText.count)))
    } else {
      text += TerminalText.printable(after)
    }
    let width = Int(orgraph_el_columns(editLine))
    text += "\r\n" + TerminalText.columns(edit.listed, width: width > 0 ? width : 80)
    writeToTerminal(text)
    orgraph_el_redraw(editLine)
    return UInt8(CC_NORM)
  }
}
