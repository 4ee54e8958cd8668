import Foundation
import Testing

/// Golden files: whole text outputs compared with files in a folder.
///
/// To re-record after an intended change, run `ORGRAPH_RECORD=1 swift test` and review the diff with git.
public struct GoldenFiles: Sendable {
  /// The folder the golden files are in.
  public let directory: URL

  /// Golden files in `directory`.
  public init(_ directory: URL) { self.directory = directory }

  /// Whether this run writes golden files instead of comparing with them (`ORGRAPH_RECORD=1`).
  public var recording: Bool { ProcessInfo.processInfo.environment["ORGRAPH_RECORD"] == "1" }

  /// Compares `actual` with the golden file `name` (a path below ``directory``), whole.
  public func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    check(actual, at: directory.appending(path: name), sourceLocation: sourceLocation)
  }

  /// Compares `actual` with the golden file at `url`, whole; writes it instead when recording.
  public func check(_ actual: String, at url: URL, sourceLocation: SourceLocation = #_sourceLocation) {
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
    #expect(actual == expected, "output differs from \(name)", sourceLocation: sourceLocation)
  }
}

/// Paths of the repository and of ../shared beside it.
public enum Paths {
  /// The repository's root.
  public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  /// The default graph's folder.
  public static let graph = repository.appending(path: "Graph")
  /// ../shared.
  public static let shared = repository.deletingLastPathComponent().appending(path: "shared")
  /// The seed documents.
  public static let seeds = shared.appending(path: "seeds")
  /// The corpora of real documents.
  public static let corpora = shared.appending(path: "corpora")
  /// Whether the seeds are beside the repository.
  public static var haveSeeds: Bool { FileManager.default.fileExists(atPath: seeds.path) }
  /// Whether the corpora are beside the repository.
  public static var haveCorpora: Bool { FileManager.default.fileExists(atPath: corpora.path) }

  /// A fresh temporary folder.
  public static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appending(path: "orgraph-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}

/// The executables SwiftPM built next to the test bundle.
public enum BuiltProducts {
  /// The executable called `name`, if it was built.
  public static func executable(_ name: String) -> URL? {
    var candidates: [URL] = []
    candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appending(path: name))
    candidates.append(Bundle.main.bundleURL.appending(path: name))
    if let argument = CommandLine.arguments.first {
      candidates.append(URL(fileURLWithPath: argument).deletingLastPathComponent().appending(path: name))
    }
    for bundle in Bundle.allBundles {
      candidates.append(bundle.bundleURL.deletingLastPathComponent().appending(path: name))
    }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }
}

/// SplitMix64: a small seedable generator, so a random test can be replayed.
public struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64

  /// A generator starting from `seed`.
  public init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
