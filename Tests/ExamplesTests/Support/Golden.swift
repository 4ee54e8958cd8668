import Foundation
import Testing

/// Golden files: whole text outputs compared with files under Tests/ExamplesTests/Golden/.
///
/// To re-record after an intended change, run `ORGRAPH_RECORD=1 swift test --filter ExamplesTests` and
/// review the diff with git.
enum Golden {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .appending(path: "Golden")

  static var recording: Bool { ProcessInfo.processInfo.environment["ORGRAPH_RECORD"] == "1" }

  static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = directory.appending(path: name)
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

/// Paths of the repository.
enum Paths {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let graph = repository.appending(path: "Graph")

  /// A fresh temporary folder.
  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appending(path: "orgraph-examples-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
