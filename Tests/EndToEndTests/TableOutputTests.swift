import Foundation
import Testing

/// Tables keep their content: written to a pipe or a file every cell is whole, on one line; `--width` wraps
/// long cells onto more lines instead of cutting them; wide characters line up.
@Suite("Table output")
struct TableOutputTests {
  static let statements =
    #"level "Senior Cloud Security Engineer" -> expects | where section ~ "Domain" | select section, text"#

  @Test func pipedTablesAreNeverCut() throws {
    let result = try Tool.run(["query", Self.statements])
    #expect(result.status == 0)
    #expect(!result.stdout.contains("…"))
    Golden.check(result.stdout, "table-piped.txt")
  }

  @Test func widthWrapsLongCells() throws {
    let result = try Tool.run(["query", "--width", "72", Self.statements])
    #expect(result.status == 0)
    #expect(!result.stdout.contains("…"))
    for line in result.stdout.split(separator: "\n") {
      #expect(DisplayWidthProbe.cells(line) <= 72, "too wide: \(line)")
    }
    Golden.check(result.stdout, "table-width-72.txt")
  }

  @Test func aWidthOutOfRangeIsAUsageError() throws {
    let result = try Tool.run(["query", "--width", "5", "roles"])
    #expect(result.status == 64)
    #expect(
      result.stderr.contains("--width takes a number of columns from 20 to 10000, or 0 for no limit; got 5"))
  }

  @Test func caretsSitUnderTheSpanAfterWideCharacters() throws {
    let result = try Tool.run(["query", #"roles | where name = "日本" and nmae = 1"#])
    #expect(result.status == 1)
    #expect(
      result.stderr == #"""
        error[Q104]: the rows here (roles) have no column or property `nmae`
         --> <query>:1:31
          |
        1 | roles | where name = "日本" and nmae = 1
          |                                 ^^^^ unknown name
          = help: did you mean `name`?
          = note: available: name, description, source, purpose, challenges, performance_standards, id, kind

        """#)
  }

  @Test func wideCharactersLineUp() throws {
    let folder = FileManager.default.temporaryDirectory.appending(path: "orgraph-cjk-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let graph = """
      orgraph: 1
      name: 東京
      roles:
        - id: role:tokyo/backend
          name: バックエンドエンジニア
        - id: role:tokyo/sre
          name: SRE
        - id: role:tokyo/lead
          name: 技術リード 🚀
      """
    try graph.write(to: folder.appending(path: "graph.yaml"), atomically: true, encoding: .utf8)
    let result = try Tool.run(
      ["query", "--graph", "graph.yaml", "roles | select name, len(name) as letters"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout == """
        name                    letters
        ----------------------  -------
        バックエンドエンジニア       11
        SRE                           3
        技術リード 🚀                 7
        (3 rows)

        """)
  }
}

/// The display width, measured here independently of the product: East Asian wide letters and pictographic
/// emoji take two cells.
enum DisplayWidthProbe {
  static func cells(_ text: some StringProtocol) -> Int {
    text.unicodeScalars.reduce(0) { total, s in
      let v = s.value
      let wide =
        (0x3000...0x9FFF).contains(v) || (0xAC00...0xD7A3).contains(v) || (0xFF00...0xFF60).contains(v)
        || (0x1F300...0x1FAFF).contains(v)
      return total + (wide ? 2 : 1)
    }
  }
}
