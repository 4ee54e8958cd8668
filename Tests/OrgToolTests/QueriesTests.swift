import Foundation
import OrgGraph
import OrgQuery
import OrgTool
import Testing

/// Every example query in Queries/ runs against the default graph and prints exactly its `.out` file:
/// diagnostics (warnings) first, as on standard error, then the results.
@Suite("Queries/ examples")
struct QueriesTests {
  static let folder = Paths.repository.appending(path: "Queries")

  static var files: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".oq") }
      .sorted()
  }

  /// Runs a query file the way `orgraph run FILE` does; `# param: NAME=VALUE` lines bind parameters.
  static func output(of name: String) throws -> String {
    let text = try String(contentsOf: folder.appending(path: name), encoding: .utf8)
    var parameters: [String: QueryValue] = [:]
    for line in text.split(separator: "\n") where line.hasPrefix("# param: ") {
      let pair = line.dropFirst("# param: ".count)
      if let eq = pair.firstIndex(of: "=") {
        parameters[String(pair[..<eq])] = .parameter(String(pair[pair.index(after: eq)...]))
      }
    }
    var runner = ScriptRunner(
      session: QuerySession(graph: try GraphLoader.loadDefault(), parameters: parameters))
    let out = runner.run(text, file: name)
    #expect(out.succeeded, "\(name) failed:\n\(out.stderr)")
    return out.stderr + out.stdout
  }

  @Test func thereAreEnoughExamples() {
    #expect(Self.files.count >= 20)
  }

  @Test(arguments: files)
  func example(_ name: String) throws {
    let text = try String(contentsOf: Self.folder.appending(path: name), encoding: .utf8)
    #expect(text.hasPrefix("# "), "\(name) should start with a comment saying what it answers")
    let expected = Self.folder.appending(path: name.replacingOccurrences(of: ".oq", with: ".out"))
    Golden.check(try Self.output(of: name), at: expected)
  }

  /// Each query's output is the same on a second run in the same process (stable order).
  @Test func outputIsStable() throws {
    for name in Self.files.prefix(8) { #expect(try Self.output(of: name) == (try Self.output(of: name))) }
  }
}
