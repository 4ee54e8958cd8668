import Foundation
import OrgDiagram
import OrgGraph
import OrgRender
import Testing

/// Outputs are written atomically: complete or not at all, never beside a stray temporary file.
@Suite("Output files")
struct OutputFileTests {
  let folder: URL

  init() throws {
    folder = FileManager.default.temporaryDirectory.appending(path: "orgraph-render-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  func contents() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
  }

  @Test func writesAndReplaces() throws {
    let path = folder.appending(path: "diagram.svg").path
    try OutputFile.write("first", to: path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "first")
    try OutputFile.write(Data("second, longer".utf8), to: path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "second, longer")
    #expect(try contents() == ["diagram.svg"])
  }

  @Test func writesEveryFormatOfADiagram() throws {
    let diagram = try Fixtures().securityEngineerLadder().diagram
    for format in DiagramFormat.allCases {
      let path = folder.appending(path: "ladder.\(format.fileExtension)").path
      try GraphvizRenderer.write(diagram, as: format, to: path)
      #expect(
        try Data(contentsOf: URL(fileURLWithPath: path)) == GraphvizRenderer.data(for: diagram, as: format))
    }
    #expect(try contents().count == DiagramFormat.allCases.count)
  }

  @Test func refusesAMissingFolder() throws {
    let path = folder.appending(path: "no/such/folder/out.svg").path
    #expect(throws: OutputFileError.self) { try OutputFile.write("x", to: path) }
    do {
      try OutputFile.write("x", to: path)
    } catch {
      #expect(error.description.contains("does not exist"))
    }
  }

  @Test func refusesAFolderInTheWay() throws {
    let path = folder.appending(path: "taken").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    do {
      try OutputFile.write("x", to: path)
      Issue.record("wrote over a folder")
    } catch {
      #expect(error.description == "cannot write `\(path)`: it is a folder")
    }
    #expect(try contents() == ["taken"])
  }
}
