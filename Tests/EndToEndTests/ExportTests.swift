import Foundation
import OrgExport
import OrgGraph
import OrgQuery
import Testing

/// `orgraph export`: every format compared whole with a golden file on a graph whose text needs escaping,
/// exports that are the same bytes twice, folders written in one step, and round trips through real
/// readers — networkx for GraphML, Kuzu for the Cypher script and the neo4j-admin CSV files — from the
/// virtual environment `./test` creates.
@Suite("Export")
struct ExportTests {
  static let fixture = Paths.repository.appending(path: "Tests/OrgExportTests/Fixtures/graph.yaml")
  /// The golden files the library's exporters are held to; the command must print the same bytes.
  static let goldens = Paths.repository.appending(path: "Tests/OrgExportTests/Golden")
  static let python = Paths.repository.appending(path: ".venv/bin/python")
  static var haveReaders: Bool { FileManager.default.isExecutableFile(atPath: python.path) }
  static let roundTrip = Paths.repository.appending(path: "Tests/RoundTrip")

  /// The files of a folder, as `== path` sections in path order; the marker OrgGraph leaves in the folders
  /// it writes is left out (the library's exporters, held to the same golden files, do not write it).
  static func folderText(_ folder: URL) throws -> String {
    let manager = FileManager.default
    let paths = (manager.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).filter { path in
      var isFolder: ObjCBool = false
      return path != OutputFolder.marker
        && manager.fileExists(atPath: folder.appending(path: path).path, isDirectory: &isFolder)
        && !isFolder.boolValue
    }.sorted()
    return try paths.map {
      "== \($0)\n" + (try String(contentsOf: folder.appending(path: $0), encoding: .utf8))
    }
    .joined()
  }

  /// Every format and variant, from the registry: the command line of each, and its golden file.
  static var variants: [(arguments: [String], golden: String, folder: Bool, bytes: Bool)] {
    ExportFormat.allCases.flatMap { format in
      format.exporter.variants.map { variant in
        let dialect =
          variant.options.dialect == .neo4j ? [] : ["--dialect", variant.options.dialect.rawValue]
        return (
          ["--format", format.rawValue] + dialect,
          "\(variant.name).\(format.writesBytes ? "txt" : format.exporter.fileExtension ?? "txt")",
          format.writesFolder, format.writesBytes
        )
      }
    }
  }

  /// A zip file's entries as `== path` sections, in the archive's order.
  static func zipText(_ url: URL) throws -> String { try ZipEntries.text(try Data(contentsOf: url)) }

  @Test(arguments: variants.indices)
  func everyFormatPrintsItsGoldenFile(_ index: Int) throws {
    let (arguments, golden, isFolder, isBytes) = Self.variants[index]
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = isFolder || isBytes ? ["-o", "out"] : []
    let first = try Tool.run(["export", "--graph", Self.fixture.path] + arguments + output, in: folder)
    #expect(first.status == 0, "\(first.stderr)")
    if isFolder {
      #expect(first.stdout == "")
      Golden.check(
        try Self.folderText(folder.appending(path: "out")), at: Self.goldens.appending(path: golden))
      // Nothing is left beside the folder.
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out"])
    } else if isBytes {
      #expect(first.stdout == "")
      let file = folder.appending(path: "out")
      Golden.check(try Self.zipText(file), at: Self.goldens.appending(path: golden))
      // The same bytes twice; never to standard output.
      let again = try Tool.run(
        ["export", "--graph", Self.fixture.path] + arguments + ["-o", "again"], in: folder)
      #expect(again.status == 0)
      #expect(try Data(contentsOf: file) == (try Data(contentsOf: folder.appending(path: "again"))))
      let printed = try Tool.run(["export", "--graph", Self.fixture.path] + arguments, in: folder)
      #expect(printed.status == 64)
      #expect(printed.stderr.contains("writes a binary file, which is not for standard output"))
    } else {
      let second = try Tool.run(["export", "--graph", Self.fixture.path] + arguments)
      #expect(first.stdout == second.stdout, "two exports differ")
      Golden.check(first.stdout, at: Self.goldens.appending(path: golden))
    }
  }

  @Test func foldersAreNotReplacedUnlessAsked() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // A folder of the user's own is never replaced, even with --force.
    let mine = folder.appending(path: "mine")
    try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
    try "mine".write(to: mine.appending(path: "notes.txt"), atomically: true, encoding: .utf8)
    let refused = try Tool.run(["export", "--format", "csv", "-o", "mine", "--force"], in: folder)
    #expect(refused.status == 1)
    #expect(
      refused.stderr
        == "error: cannot write `mine`: it holds files OrgGraph did not write, so it is not replaced, even with --force; name a new folder\n"
    )
    #expect(try String(contentsOf: mine.appending(path: "notes.txt"), encoding: .utf8) == "mine")
    // Nor is the working folder.
    let here = try Tool.run(["export", "--format", "csv", "-o", ".", "--force"], in: mine)
    #expect(here.status == 1)
    #expect(here.stderr.contains("it is the working folder or holds it, and is never replaced"))
    #expect(try String(contentsOf: mine.appending(path: "notes.txt"), encoding: .utf8) == "mine")
    // A folder OrgGraph wrote is kept without --force and replaced with it.
    #expect(try Tool.run(["export", "--format", "csv", "-o", "tables"], in: folder).status == 0)
    let again = try Tool.run(["export", "--format", "csv", "-o", "tables"], in: folder)
    #expect(again.status == 1)
    #expect(again.stderr.hasPrefix("error: `tables` exists, and was not replaced\n"))
    #expect(try Tool.run(["export", "--format", "csv", "-o", "tables", "--force"], in: folder).status == 0)
    #expect(FileManager.default.fileExists(atPath: folder.appending(path: "tables/edges/requires.csv").path))
    // An empty folder is simply filled.
    try FileManager.default.createDirectory(
      at: folder.appending(path: "empty"), withIntermediateDirectories: true)
    #expect(try Tool.run(["export", "--format", "neo4j", "-o", "empty"], in: folder).status == 0)
    let noFolder = try Tool.run(["export", "--format", "neo4j"], in: folder)
    #expect(noFolder.status == 64)
    #expect(noFolder.stderr.hasPrefix("error: `--format neo4j` writes a folder of files\n"))
    let missingParent = try Tool.run(["export", "--format", "csv", "-o", "no/such/place"], in: folder)
    #expect(missingParent.status == 1)
    #expect(missingParent.stderr.hasPrefix("error: cannot write `no/such/place`: the folder"))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.appending(path: "tables").path).contains(
        ".orgraph-output"))
  }

  // MARK: - Round trips through real readers

  static func runPython(_ arguments: [String], in directory: URL) throws -> (String, Int32) {
    try Tool.runMerged(python, arguments, in: directory)
  }

  @Test(
    .enabled(if: haveReaders, "no .venv with networkx: run ./test, which creates it"),
    arguments: [nil, fixture.path])
  func graphMLReadByNetworkXHasEveryNodeEdgeAndProperty(_ graph: String?) throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let choice = graph.map { ["--graph", $0] } ?? []
    #expect(
      try Tool.run(["export", "--format", "graphml", "-o", "g.graphml"] + choice, in: folder).status == 0)
    #expect(try Tool.run(["export", "--format", "json", "-o", "g.json"] + choice, in: folder).status == 0)
    let (output, status) = try Self.runPython(
      [Self.roundTrip.appending(path: "graphml_check.py").path, "g.graphml", "g.json"], in: folder)
    #expect(status == 0, "\(output)")
    #expect(output.hasPrefix("ok: "), "\(output)")
  }

  /// What OrgGraph answers to the three questions asked of Kuzu.
  struct Answers: Equatable {
    var requirements: [[String?]]
    var gap: [[String?]]
    var pathLength: Int?
    var paths: [[String]]
  }

  static let level = "level:octopus-deploy/senior-cloud-security-engineer"
  static let gapFrom = "role:rocket-chat/cloud-engineer"
  static let pathFrom = "role:rocket-chat/backend-engineer"

  static func orgGraphAnswers() throws -> Answers {
    try orgGraphAnswers(
      try GraphLoader.loadDefault(), level: Self.level, gapFrom: Self.gapFrom, pathFrom: Self.pathFrom,
      pathTo: Self.level)
  }

  /// OrgGraph's answers on `graph`: what `level` requires, the gap from `gapFrom` to `level`, and every
  /// shortest path from `pathFrom` to `pathTo` over promotions and lateral moves.
  static func orgGraphAnswers(
    _ graph: Graph, level id: String, gapFrom: String, pathFrom: String, pathTo: String
  )
    throws -> Answers
  {
    let level = try #require(graph.node(withID: id))
    let from = try #require(graph.node(withID: gapFrom))
    var requirements: [[String?]] = graph.neighbors(of: level, via: "requires").map { competency, edge in
      var proficiency: String?
      if case .enumCase(let c)? = graph.property("proficiency", of: edge) { proficiency = c.name }
      return [graph.name(of: competency), proficiency]
    }
    requirements.sort { ($0[0] ?? "") < ($1[0] ?? "") }
    var gap: [[String?]] = []
    for row in graph.gap(from: from, to: level) where row.change != .removed {
      func text(_ h: Holding) -> String? {
        if case .rated(let c) = h { return c.name }
        return nil
      }
      let held: String? = row.before == .absent ? "false" : "true"
      gap.append([graph.name(of: row.competency), text(row.before), text(row.after), held])
    }
    gap.sort { ($0[0] ?? "") < ($1[0] ?? "") }
    var session = QuerySession(graph: graph)
    let start = try #require(graph.node(withID: pathFrom))
    let end = try #require(graph.node(withID: pathTo))
    func named(_ n: NodeID) -> String { "\(graph.kind(of: n).name) \"\(graph.name(of: n))\"" }
    let outcome = session.run(
      "path from \(named(start)) to \(named(end)) via -> (promotes_to | lateral) all shortest")
    let paths = (outcome.results.last?.paths ?? []).map { $0.nodes.map { graph.id(of: $0) } }.sorted {
      $0.joined(separator: " ") < $1.joined(separator: " ")
    }
    return Answers(
      requirements: requirements, gap: gap, pathLength: paths.first.map { $0.count - 1 }, paths: paths)
  }

  static func kuzuAnswers(_ json: String) throws -> Answers {
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], "\(json)")
    func strings(_ row: Any) -> [String?] {
      (row as? [Any] ?? []).map { item in
        if let b = item as? Bool { return b ? "true" : "false" }
        return item as? String
      }
    }
    var requirements = (object["requirements"] as? [Any] ?? []).map(strings)
    requirements.sort { ($0[0] ?? "") < ($1[0] ?? "") }
    var gap = (object["gap"] as? [Any] ?? []).map(strings)
    gap.sort { ($0[0] ?? "") < ($1[0] ?? "") }
    let paths = (object["paths"] as? [[String]] ?? []).sorted {
      $0.joined(separator: " ") < $1.joined(separator: " ")
    }
    return Answers(
      requirements: requirements, gap: gap, pathLength: object["path_length"] as? Int, paths: paths)
  }

  /// An imported graph goes to Kuzu too: the handbook fixtures imported, exported as a Kuzu Cypher script,
  /// and asked a level's requirements, the gap between two imported levels, and the shortest paths up a
  /// cumulative ladder — the same answers as OrgGraph's on the imported folder.
  @Test(.enabled(if: haveReaders, "no .venv with kuzu: run ./test, which creates it"))
  func anImportedGraphAnswersTheSameInKuzu() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let fixtures = Paths.repository.appending(path: "Tests/OrgImportTests/Fixtures")
    let imported = try Tool.run(
      ["import", "--organisation", "Acme", fixtures.path, "-o", "acme"], in: folder)
    #expect(imported.stderr.hasPrefix("wrote acme"), "\(imported.stderr)")
    let exported = try Tool.run(
      ["export", "--graph", "acme", "--format", "cypher", "--dialect", "kuzu", "-o", "acme.cypher"],
      in: folder)
    #expect(exported.status == 0, "\(exported.stderr)")
    let (level, from) = (
      "level:acme/fixtures-l3-senior-platform-engineer", "level:acme/fixtures-l2-platform-engineer"
    )
    let (start, end) = (
      "level:acme/fixtures-cumulative-backend-roles/junior-backend-engineer",
      "level:acme/fixtures-cumulative-backend-roles/senior-backend-engineer"
    )
    let (output, status) = try Self.runPython(
      [
        Self.roundTrip.appending(path: "kuzu_check.py").path, "cypher", "acme.cypher", level, from, level,
        start, end,
      ],
      in: folder)
    #expect(status == 0, "\(output)")
    let graph = try GraphLoader.load(path: folder.appending(path: "acme").path)
    let ours = try Self.orgGraphAnswers(graph, level: level, gapFrom: from, pathFrom: start, pathTo: end)
    let kuzu = try Self.kuzuAnswers(output)
    #expect(kuzu == ours)
    #expect(!ours.requirements.isEmpty && !ours.gap.isEmpty && ours.pathLength == 2)
  }

  @Test(
    .enabled(if: haveReaders, "no .venv with kuzu: run ./test, which creates it"),
    arguments: ["cypher", "csv"])
  func kuzuAnswersAsOrgGraphDoes(_ mode: String) throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let export =
      mode == "cypher"
      ? ["export", "--format", "cypher", "--dialect", "kuzu", "-o", "graph.cypher"]
      : ["export", "--format", "neo4j", "-o", "neo4j"]
    let exported = try Tool.run(export, in: folder)
    #expect(exported.status == 0, "\(exported.stderr)")
    let (output, status) = try Self.runPython(
      [
        Self.roundTrip.appending(path: "kuzu_check.py").path, mode == "cypher" ? "cypher" : "csv",
        mode == "cypher" ? "graph.cypher" : "neo4j", Self.level, Self.gapFrom, Self.level, Self.pathFrom,
        Self.level,
      ], in: folder)
    #expect(status == 0, "\(output)")
    let kuzu = try Self.kuzuAnswers(output)
    let ours = try Self.orgGraphAnswers()
    #expect(kuzu.requirements == ours.requirements)
    #expect(kuzu.gap == ours.gap)
    #expect(kuzu.pathLength == ours.pathLength)
    #expect(kuzu.paths == ours.paths)
    #expect(!ours.requirements.isEmpty && !ours.gap.isEmpty && ours.pathLength != nil)
    let graph = try GraphLoader.loadDefault()
    #expect(output.contains(#""counts": {"nodes": \#(graph.nodes.count), "edges": \#(graph.edgeCount)}"#))
  }
}

/// The spreadsheet round trip: a matrix imported, exported as matrices, and imported again gives the same
/// levels, statements and requirements.
@Suite("Matrix round trip")
struct MatrixRoundTripTests {
  static let matrices = Paths.repository.appending(path: "Tests/OrgImportTests/Matrices")

  /// What a graph says about its levels, as CSV lines sorted: each level with its code, each statement of
  /// each level, each requirement.
  static func facts(_ graph: String, in folder: URL) throws -> [String] {
    let queries = [
      "levels | select name, code",
      "levels as l -> expects | select l.name, text",
      "levels as l -> requires | select l.name, id",
    ]
    var lines: [String] = []
    for query in queries {
      let result = try Tool.run(["query", "--graph", graph, "--format", "csv", query], in: folder)
      #expect(result.status == 0, "\(result.stderr)")
      lines += result.stdout.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
    }
    return lines.sorted()
  }

  /// engineering-matrix.md imported for Acme into `first`, where each round trip starts.
  static func importMatrix(in folder: URL) throws {
    let source = Self.matrices.appending(path: "engineering-matrix.md").path
    let result = try Tool.run(["import", "--organisation", "Acme", source, "-o", "first"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
  }

  @Test func importExportImport() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Self.importMatrix(in: folder)
    #expect(
      try Tool.run(["export", "--graph", "first", "--format", "matrix", "-o", "sheets"], in: folder).status
        == 0)
    let sheets = try FileManager.default.contentsOfDirectory(atPath: folder.appending(path: "sheets").path)
      .filter { $0.hasSuffix(".csv") }.sorted()
    #expect(
      sheets == [
        "track-acme-engineering-matrix-individual-contributors.csv",
        "track-acme-engineering-matrix-managers.csv",
      ])
    let second = try Tool.run(
      ["import", "--organisation", "Acme"] + sheets.map { "sheets/" + $0 } + ["-o", "second"], in: folder)
    #expect(second.status == 0, "\(second.stderr)")
    let before = try Self.facts("first", in: folder)
    let after = try Self.facts("second", in: folder)
    #expect(before.count > 20)
    #expect(after == before)
  }

  static let python = Paths.repository.appending(path: ".venv/bin/python")
  static var haveOpenpyxl: Bool {
    FileManager.default.isExecutableFile(atPath: python.path)
      && (try? Tool.runMerged(python, ["-c", "import openpyxl"], in: Paths.repository).1) == 0
  }

  /// The same round trip through one workbook: a sheet per ladder, read back by the matrix reader with the
  /// same levels, statements and requirements.
  @Test func importExportImportThroughAWorkbook() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Self.importMatrix(in: folder)
    let export = try Tool.run(
      ["export", "--graph", "first", "--format", "xlsx", "-o", "framework.xlsx"], in: folder)
    #expect(export.status == 0, "\(export.stderr)")
    let second = try Tool.run(
      ["import", "--organisation", "Acme", "framework.xlsx", "-o", "second"], in: folder)
    #expect(second.status == 0, "\(second.stderr)")
    #expect(
      second.stdout.hasPrefix(
        "framework.xlsx  (matrix reader: a workbook of 2 sheets whose header names levels)\n"),
      "\(second.stdout)")
    let before = try Self.facts("first", in: folder)
    #expect(before.count > 20)
    #expect(try Self.facts("second", in: folder) == before)
  }

  /// A real spreadsheet library opens the workbook: openpyxl (PyPI) reads each sheet's name and cells as
  /// the CSV matrices hold them.
  @Test(.enabled(if: haveOpenpyxl, "no .venv with openpyxl: run ./test, which creates it"))
  func openpyxlReadsTheWorkbook() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Self.importMatrix(in: folder)
    #expect(
      try Tool.run(["export", "--graph", "first", "--format", "xlsx", "-o", "f.xlsx"], in: folder).status == 0
    )
    #expect(
      try Tool.run(["export", "--graph", "first", "--format", "matrix", "-o", "sheets"], in: folder).status
        == 0)
    let script = """
      import csv, glob, sys, openpyxl
      book = openpyxl.load_workbook("f.xlsx")
      print(book.sheetnames)
      for sheet, path in zip(book.worksheets, sorted(glob.glob("sheets/*.csv"))):
          cells = [[c if c is not None else "" for c in row] for row in sheet.iter_rows(values_only=True)]
          same = cells == [row for row in csv.reader(open(path, newline=""))]
          print(sheet.title, sheet.freeze_panes, "same as " + path if same else "differs from " + path)
      """
    let (output, status) = try Tool.runMerged(Self.python, ["-c", script], in: folder)
    #expect(status == 0, "\(output)")
    #expect(
      output == """
        ['Individual contributors', 'Managers']
        Individual contributors B2 same as sheets/track-acme-engineering-matrix-individual-contributors.csv
        Managers B2 same as sheets/track-acme-engineering-matrix-managers.csv

        """)
  }
}
