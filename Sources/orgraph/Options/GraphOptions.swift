import ArgumentParser
import CLineEdit
import Foundation
import OrgDiagram
import OrgGraph
import OrgQuery
import OrgRender
import OrgTool

/// Options every command that reads a graph takes.
struct GraphOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "A Graph folder (YAML files and CSV tables), a snapshot written by `orgraph snapshot`, or a .json file written by `orgraph export`.",
      valueName: "path"))
  var graph: String?
}
