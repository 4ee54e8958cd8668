import Foundation
import OrgGraph
import OrgQuery
import OrgTool
import Testing

@testable import orgraph

/// The REPL's commands, settings and error codes are lists written once; everything made from them
/// (`:help`, completion, dispatch, `:explain`) covers every entry.
@Suite("Shell command lists")
struct ShellCommandListTests {
  /// A shell on the default graph whose output is collected.
  final class Captured: @unchecked Sendable {
    var out = ""
    var err = ""
  }

  /// A shell, and what `:help meta` printed in it.
  static func helpMeta() throws -> (shell: Shell, help: String, captured: Captured) {
    let captured = Captured()
    var shell = try shell(captured)
    let helped = shell.meta(":help meta")
    #expect(helped)
    let help = captured.out
    captured.out = ""
    return (shell, help, captured)
  }

  static func shell(_ captured: Captured) throws -> Shell {
    Shell(
      runner: ScriptRunner(session: QuerySession(graph: try GraphLoader.loadDefault()), renderer: nil),
      graphPath: nil, interactive: true, color: false,
      out: { captured.out += $0 }, err: { captured.err += $0 })
  }

  @Test(arguments: MetaCommand.allCases)
  func everyCommandIsInHelpAndCompletion(_ command: MetaCommand) throws {
    let (shell, help, _) = try Self.helpMeta()
    #expect(help.contains("  " + command.usage + " "), "\(command) is missing from :help meta")
    for alias in command.aliases { #expect(help.contains(":" + alias)) }
    let prefix = String(command.rawValue.prefix(2))
    #expect(shell.complete(":" + prefix).candidates.contains(":" + command.rawValue))
    #expect(shell.complete(":").candidates.contains(":" + command.rawValue))
    // Every name dispatches: an unknown name would say "unknown command".
    for name in [command.rawValue] + command.aliases {
      #expect(MetaCommand(named: name) == command)
    }
  }

  @Test(arguments: Setting.allCases)
  func everySettingIsInHelpAndCompletion(_ setting: Setting) throws {
    var (shell, help, captured) = try Self.helpMeta()
    #expect(
      help.contains("  \(setting.rawValue) \(setting.value) "),
      "\(setting) is missing from :help meta")
    #expect(shell.complete(":set ").candidates.contains(setting.rawValue))
    #expect(shell.complete(":set \(setting.rawValue.dropLast())").candidates == [setting.rawValue])
    // A bare `:set` lists it with its value now and what it does.
    let bare = shell.meta(":set")
    #expect(bare)
    #expect(
      captured.out.split(separator: "\n").contains {
        $0.hasPrefix("  \(setting.rawValue) ") && $0.hasSuffix(setting.summary)
      },
      "\(captured.out)")
  }

  @Test func renderFormatsAreTheDiagramFormats() throws {
    let captured = Captured()
    let shell = try Self.shell(captured)
    #expect(shell.complete(":render ").candidates == ["dot", "svg", "png", "pdf", "mermaid"])
  }

  @Test(arguments: DiagnosticCode.allCases)
  func everyCodeCanBeExplained(_ code: DiagnosticCode) throws {
    let captured = Captured()
    var shell = try Self.shell(captured)
    let entry = code.entry
    #expect(entry.code == code)
    #expect(!entry.title.isEmpty && !entry.meaning.isEmpty && !entry.example.isEmpty && !entry.fix.isEmpty)
    let explained = shell.meta(":explain \(code.rawValue.lowercased())")
    #expect(explained)
    #expect(
      captured.out
        == "\(code): \(entry.title)\n\n\(entry.meaning)\n\nExample:\n  \(entry.example)\n\nFix: \(entry.fix)\n"
    )
    #expect(shell.complete(":explain \(code.rawValue)").candidates == [code.rawValue])
  }
}
