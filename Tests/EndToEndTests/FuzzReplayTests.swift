import Foundation
import Testing

/// The fuzz targets, run without libFuzzer over the repository's own inputs and every crash reproducer kept
/// in Fuzz/Regressions: a short smoke run that keeps the targets building and the fixed crashes fixed.
/// (The fuzzing itself runs with `scripts/fuzz.sh`.)
@Suite("Fuzz targets")
struct FuzzReplayTests {
  static let executable: URL? = BuiltProducts.executable("orgraph-fuzz")

  static let inputs: [(target: String, paths: [String])] = [
    ("query", ["Queries", "Fuzz/Regressions/query"]),
    ("evaluate", ["Queries", "Fuzz/Regressions/evaluate"]),
    ("yaml", ["Graph", "Graph/rocket-chat", "Graph/octopus-deploy", "Fuzz/Regressions/yaml"]),
    ("json", ["Fuzz/Regressions/json"]),
    ("writers", ["Queries", "Fuzz/Regressions/writers"]),
    (
      "import",
      [
        "Tests/OrgImportTests/Fixtures", "Tests/OrgImportTests/Matrices", "Tests/OrgImportTests/Structured",
        "Tests/OrgImportTests/Workbooks", "Fuzz/Regressions/import",
      ]
    ),
    ("export", ["Graph", "Fuzz/Regressions/export"]),
    ("tables", ["Fuzz/Regressions/tables"]),
    ("render", ["Fuzz/Regressions/writers", "Fuzz/Regressions/render"]),
  ]

  @Test(arguments: inputs.indices)
  func replay(_ index: Int) throws {
    let (target, paths) = Self.inputs[index]
    let process = Process()
    process.executableURL = try #require(Self.executable, "orgraph-fuzz was not built next to the tests")
    process.arguments = paths.map { Paths.repository.appending(path: $0).path }
    // The render target lays out in `orgraph __render-worker`, the helper the tool uses.
    let worker = try #require(Tool.executable, "orgraph was not built next to the tests").path
    process.environment = ProcessInfo.processInfo.environment.merging([
      "ORGRAPH_FUZZ_TARGET": target, "ORGRAPH_RENDER_WORKER_EXECUTABLE": worker,
    ]) { $1 }
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(target): \(text)")
    #expect(text.hasPrefix("replayed "), "\(text)")
    #expect(!text.hasPrefix("replayed 0 "), "\(text)")
  }
}
