import Foundation
import OrgDiagram
import OrgGraph
import OrgRender
import OrgTestSupport
import Testing

/// Outputs are written atomically: complete or not at all, never beside a stray temporary file.
@Suite("Output files")
struct OutputFileTests {
  let folder: URL

  init() throws {
    folder = try Paths.temporaryFolder()
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
      // A PDF records when it was made (to the second): compare everything but that.
      func stable(_ data: Data) -> String {
        String(decoding: data, as: UTF8.self).replacing(/\/CreationDate \([^)]*\)/, with: "")
      }
      #expect(
        stable(try Data(contentsOf: URL(fileURLWithPath: path)))
          == stable(try GraphvizRenderer.data(for: diagram, as: format)), "\(format)")
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

  /// Replacing a file keeps its permissions, writes through a symbolic link, keeps hard links, and writes a
  /// device directly instead of replacing it with a regular file.
  @Test func replacingKeepsWhatTheUserSetUp() throws {
    let path = folder.appending(path: "private.json").path
    try OutputFile.write("first", to: path)
    #expect(chmod(path, 0o600) == 0)
    try OutputFile.write("second", to: path)
    #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o600)
    // A symbolic link stays a link; its target gets the bytes.
    let link = folder.appending(path: "link.json").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "private.json")
    try OutputFile.write("through the link", to: link)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "private.json")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "through the link")
    // Both names of a hard-linked file see the new bytes.
    let hard = folder.appending(path: "hard.json").path
    try FileManager.default.linkItem(atPath: path, toPath: hard)
    try OutputFile.write("both names", to: hard)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "both names")
    // A device is written, not replaced.
    try OutputFile.write("discarded", to: "/dev/null")
    var info = stat()
    #expect(stat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
    // A pipe nobody reads is an error, not a hang.
    let fifo = folder.appending(path: "pipe").path
    #expect(mkfifo(fifo, 0o600) == 0)
    do {
      try OutputFile.write("x", to: fifo)
      Issue.record("wrote to a pipe nobody reads")
    } catch {
      #expect(error.description == "cannot write `\(fifo)`: it is a pipe that nobody reads")
    }
  }

  @Test func refusesToReplaceWhenAskedTo() throws {
    let path = folder.appending(path: "kept.txt").path
    try OutputFile.write("mine", to: path, replacing: false)
    do {
      try OutputFile.write("theirs", to: path, replacing: false)
      Issue.record("replaced a file")
    } catch {
      #expect(error.exists)
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "mine")
    #expect(try contents() == ["kept.txt"])
  }
}
