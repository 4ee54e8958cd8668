import ArgumentParser
import CLineEdit
import Foundation
import OrgDiagram
import OrgGraph
import OrgQuery
import OrgRender
import OrgTool

/// Which files queries may write, and whether existing files may be replaced.
struct WriteOptions: ParsableArguments {
  @Flag(help: "Replace files that already exist (otherwise only files this run wrote are replaced).")
  var force = false

  @Option(
    help: ArgumentHelp(
      "The folder files named inside queries (`| render … to \"FILE\"`) may be written in (default: the working directory).",
      valueName: "dir"))
  var writeDir: String?

  var policy: WritePolicy {
    var policy = WritePolicy(replaceExisting: force)
    if let writeDir { policy.queryFolder = writeDir }
    return policy
  }
}
