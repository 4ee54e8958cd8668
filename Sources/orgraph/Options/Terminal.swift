import ArgumentParser
import CLineEdit
import Foundation
import OrgDiagram
import OrgGraph
import OrgQuery
import OrgRender
import OrgTool

enum Terminal {
  static var colorOnStderr: Bool { isatty(2) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil }

  static func write(_ output: ToolOutput) throws {
    if !output.stdout.isEmpty { FileHandle.standardOutput.write(Data(output.stdout.utf8)) }
    if !output.stderr.isEmpty { FileHandle.standardError.write(Data(output.stderr.utf8)) }
    if output.status != 0 { throw ExitCode(output.status) }
  }
}

extension Terminal {
  /// Prints a runner's output; returns whether it succeeded.
  static func write(_ output: ScriptRunner.Output) -> Bool {
    if !output.stderr.isEmpty { FileHandle.standardError.write(Data(output.stderr.utf8)) }
    if !output.stdout.isEmpty { FileHandle.standardOutput.write(Data(output.stdout.utf8)) }
    return output.succeeded
  }
}
