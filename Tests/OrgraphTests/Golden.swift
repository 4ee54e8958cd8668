import Foundation
import Testing

/// Golden files: whole text outputs compared with files under Tests/OrgGraphTests/Golden/.
///
/// To re-record after an intended change, run `ORGRAPH_RECORD=1 swift test` and review the diff with git.
enum Golden {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Golden")

  static var recording: Bool { ProcessInfo.processInfo.environment["ORGRAPH_RECORD"] == "1" }

  static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    check(actual, at: directory.appending(path: name), sourceLocation: sourceLocation)
  }

  static func check(_ actual: String, at url: URL, sourceLocation: SourceLocation = #_sourceLocation) {
    let name = url.lastPathComponent
    if recording {
      try? FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try? Data(actual.utf8).write(to: url)
      return
    }
    guard let data = try? Data(contentsOf: url), let expected = String(data: data, encoding: .utf8) else {
      Issue.record(
        "missing golden file \(name); run ORGRAPH_RECORD=1 swift test to create it",
        sourceLocation: sourceLocation)
      return
    }
    #expect(actual == expected, "output differs from Golden/\(name)", sourceLocation: sourceLocation)
  }
}

/// Paths of the repository and of ../shared beside it.
enum Paths {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let graph = repository.appending(path: "Graph")
  static let shared = repository.deletingLastPathComponent().appending(path: "shared")
  static let seeds = shared.appending(path: "seeds")
  static let corpora = shared.appending(path: "corpora")
  static var haveSeeds: Bool { FileManager.default.fileExists(atPath: seeds.path) }
  static var haveCorpora: Bool { FileManager.default.fileExists(atPath: corpora.path) }

  /// A fresh temporary folder.
  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appending(path: "orgraph-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
