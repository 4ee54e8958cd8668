import ArgumentParser
import CLineEdit
import Foundation
import OrgDiagram
import OrgGraph
import OrgQuery
import OrgRender
import OrgTool

enum TextFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json
  var toolFormat: GraphTool.Format { self == .json ? .json : .text }
}

enum TableFormat: String, ExpressibleByArgument, CaseIterable {
  case table, json
  var toolFormat: GraphTool.Format { self == .json ? .json : .table }
}
