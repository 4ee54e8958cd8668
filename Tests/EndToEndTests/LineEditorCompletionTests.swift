import Foundation
import Testing

@testable import orgraph

/// What Tab does to a line, and how candidates are laid out, without a terminal.
@Suite("line editor completion and layout")
struct LineEditorCompletionTests {
  struct EditCase: CustomTestStringConvertible, Sendable {
    var before: String
    var result: CompletionResult
    var deleted: String
    var inserted: String
    var listed: [String]
    var testDescription: String { "\(before) → \(inserted)" }
  }

  static let editCases: [EditCase] = [
    // A single candidate replaces the typed word and adds a space.
    EditCase(
      before: "roles -> req", result: CompletionResult(replacing: 3, with: ["requires"]),
      deleted: "req", inserted: "requires ", listed: []),
    // Quoting is the completer's: it replaces the open quote too.
    EditCase(
      before: "role \"Cloud S", result: CompletionResult(replacing: 8, with: ["\"Cloud Security Engineer\""]),
      deleted: "\"Cloud S", inserted: "\"Cloud Security Engineer\" ", listed: []),
    // A folder path is continued, not ended with a space.
    EditCase(
      before: ":load Gr", result: CompletionResult(replacing: 2, with: ["Graph/"], suffixWhenUnique: ""),
      deleted: "Gr", inserted: "Graph/", listed: []),
    // Several: the common prefix is inserted and all are listed.
    EditCase(
      before: "role \"C",
      result: CompletionResult(replacing: 2, with: ["\"Cloud Engineer\"", "\"Cloud Security\""]),
      deleted: "\"C", inserted: "\"Cloud ", listed: ["\"Cloud Engineer\"", "\"Cloud Security\""]),
    // Several with nothing more in common: only listed.
    EditCase(
      before: "r", result: CompletionResult(replacing: 1, with: ["requires", "roles"]),
      deleted: "", inserted: "", listed: ["requires", "roles"]),
    // A case-insensitive match corrects the case of what was typed.
    EditCase(
      before: "ROLE", result: CompletionResult(replacing: 4, with: ["roles", "role"]),
      deleted: "ROLE", inserted: "role", listed: ["roles", "role"]),
    // Duplicates count once; a replaced length beyond the line is clamped.
    EditCase(
      before: "ro", result: CompletionResult(replacing: 9, with: ["roles", "roles"]),
      deleted: "ro", inserted: "roles ", listed: []),
    // Non-ASCII is counted in characters.
    EditCase(
      before: "role Dév", result: CompletionResult(replacing: 3, with: ["Développeur"]),
      deleted: "Dév", inserted: "Développeur ", listed: []),
  ]

  @Test(arguments: editCases)
  func tabEdit(_ example: EditCase) throws {
    let edit = try #require(CompletionEdit(lineBeforeCursor: example.before, result: example.result))
    #expect(edit.deletedText == example.deleted)
    #expect(edit.insertedText == example.inserted)
    #expect(edit.listed == example.listed)
  }

  @Test func noCandidateMeansNoEdit() {
    #expect(CompletionEdit(lineBeforeCursor: "zzz", result: .none) == nil)
    #expect(
      CompletionEdit(lineBeforeCursor: "zzz", result: CompletionResult(replacing: 3, with: [""])) == nil)
  }

  @Test func widthsInTerminalColumns() {
    LineEditor.selectUTF8Locale()
    #expect(TerminalText.width(of: "requires") == 8)
    #expect(TerminalText.width(of: "Développeur") == 11)
    #expect(TerminalText.width(of: "De\u{301}veloppeur") == 11)
    #expect(TerminalText.width(of: "日本") == 4)
    #expect(TerminalText.width(of: "😀") == 2)
    #expect(TerminalText.width(of: "a\tb") == 4)
  }

  @Test func candidatesFillColumnsDownThenAcross() {
    LineEditor.selectUTF8Locale()
    let items = ["requires", "roles", "role \"Cloud Engineer\"", ":help", ":history"]
    #expect(
      TerminalText.columns(items, width: 69) == """
        requires               role "Cloud Engineer"  :history\r
        roles                  :help\r

        """)
    #expect(
      TerminalText.columns(items, width: 66) == """
        requires               :help\r
        roles                  :history\r
        role "Cloud Engineer"\r

        """)
    #expect(TerminalText.columns(items, width: 20) == items.map { $0 + "\r\n" }.joined())
    #expect(TerminalText.columns(["日本", "ab", "c"], width: 10) == "日本  c\r\nab\r\n")
    #expect(TerminalText.columns([], width: 80) == "")
  }

  @Test func aLongListIsCut() {
    let items = (1...50).map { "item\($0)" }
    let text = TerminalText.columns(items, width: 7, maxRows: 3)
    #expect(text == "item1\r\nitem2\r\nitem3\r\n… and 47 more\r\n")
  }

  @Test func commonPrefixByCharacters() {
    #expect(
      TerminalText.commonPrefix(["role \"Cloud Engineer\"", "role \"Cloud Security\""]) == "role \"Cloud ")
    #expect(TerminalText.commonPrefix(["日本語", "日本"]) == "日本")
    #expect(TerminalText.commonPrefix(["e\u{301}a", "eb"]) == "")
    #expect(TerminalText.commonPrefix([]) == "")
  }

  @Test func printableTextForTheTerminal() {
    #expect(TerminalText.printable("a|\nb") == "a|\r\nb")
    #expect(TerminalText.printable("x\u{1}y\u{7F}") == "x^Ay^?")
    #expect(TerminalText.printable("日本\t😀") == "日本\t😀")
  }

  @Test func demoCompletesWholeWordsAndQuotedPhrases() {
    #expect(LineEditorDemo.complete("-> req") == CompletionResult(replacing: 3, with: ["requires"]))
    #expect(
      LineEditorDemo.complete("role \"Cloud S")
        == CompletionResult(replacing: 13, with: ["role \"Cloud Security Engineer\""]))
    #expect(LineEditorDemo.complete(":h") == CompletionResult(replacing: 2, with: [":help", ":history"]))
    #expect(LineEditorDemo.complete("xyz") == .none)
  }

  @Test func historyFileFollowsXDG() {
    #expect(
      LineEditor.historyFile(environment: ["XDG_STATE_HOME": "/state", "HOME": "/home/ada"]).path
        == "/state/orgraph/history")
    #expect(
      LineEditor.historyFile(environment: ["HOME": "/home/ada"]).path
        == "/home/ada/.local/state/orgraph/history")
    // A relative XDG_STATE_HOME is ignored, as the specification says.
    #expect(
      LineEditor.historyFile(environment: ["XDG_STATE_HOME": "state", "HOME": "/home/ada"]).path
        == "/home/ada/.local/state/orgraph/history")
  }

  @Test func interruptFlag() {
    LineEditor.resetInterrupt()
    #expect(!LineEditor.interruptRequested)
    LineEditor.requestInterrupt()
    #expect(LineEditor.interruptRequested)
    #expect(LineEditor.takeInterrupt())
    #expect(!LineEditor.interruptRequested)
    #expect(!LineEditor.takeInterrupt())
  }
}
