import Foundation
@_exported import OrgSynthetic
import Testing

/// Golden files: whole text outputs compared with files in the calling test target's `Golden/` folder
/// (found from the caller's `#filePath`), with a line diff when they differ.
///
/// To re-record after an intended change, run `ORGRAPH_RECORD=1 swift test` and review the diff with git.
public enum Golden {
  /// Whether this run writes golden files instead of comparing with them (`ORGRAPH_RECORD=1`).
  public static var recording: Bool { ProcessInfo.processInfo.environment["ORGRAPH_RECORD"] == "1" }

  /// The `Golden/` folder of the test target whose file is `filePath`: the target is the folder right
  /// under `Tests/`.
  public static func directory(_ filePath: String = #filePath) -> URL {
    var url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    while url.deletingLastPathComponent().lastPathComponent != "Tests", url.path != "/" {
      url = url.deletingLastPathComponent()
    }
    return url.appending(path: "Golden")
  }

  /// Compares `actual` with the golden file `name` (a path below the caller's ``directory(_:)``), whole.
  public static func check(
    _ actual: String, _ name: String, filePath: String = #filePath,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    check(actual, at: directory(filePath).appending(path: name), sourceLocation: sourceLocation)
  }

  /// Compares `actual` with the golden file at `url`, whole; writes it instead when recording.
  public static func check(_ actual: String, at url: URL, sourceLocation: SourceLocation = #_sourceLocation) {
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
    if actual != expected {
      Issue.record(
        "output differs from \(name) (- golden, + actual):\n\(lineDiff(expected, actual))",
        sourceLocation: sourceLocation)
    }
  }

  /// The lines that differ between `old` and `new`, each with three lines of context, as `-`/`+` lines
  /// around the longest common prefix and suffix (enough to see a change; not a minimal diff).
  public static func lineDiff(_ old: String, _ new: String) -> String {
    let a = old.split(separator: "\n", omittingEmptySubsequences: false)
    let b = new.split(separator: "\n", omittingEmptySubsequences: false)
    var prefix = 0
    while prefix < min(a.count, b.count), a[prefix] == b[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < min(a.count, b.count) - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
      suffix += 1
    }
    var out = "@@ line \(prefix + 1) @@\n"
    for line in a[max(0, prefix - 3)..<prefix] { out += "  \(line)\n" }
    let removed = a[prefix..<(a.count - suffix)]
    let added = b[prefix..<(b.count - suffix)]
    for line in removed.prefix(40) { out += "- \(line)\n" }
    if removed.count > 40 { out += "- … \(removed.count - 40) more lines\n" }
    for line in added.prefix(40) { out += "+ \(line)\n" }
    if added.count > 40 { out += "+ … \(added.count - 40) more lines\n" }
    for line in a[(a.count - suffix)..<min(a.count, a.count - suffix + 3)] { out += "  \(line)\n" }
    return out
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

  /// A fresh temporary folder, removed when the test process ends (a test that removes it sooner may).
  public static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appending(path: "orgraph-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    TemporaryFolders.shared.add(url)
    return url
  }
}

/// The temporary folders the tests made, removed as the process exits: a suite's folder made in its `init`
/// has no place to be removed, and a run of the tests should leave nothing in /tmp.
final class TemporaryFolders: @unchecked Sendable {
  static let shared = TemporaryFolders()
  private let lock = NSLock()
  private var folders: [URL] = []

  private init() {
    atexit { TemporaryFolders.shared.removeAll() }
  }

  func add(_ url: URL) { lock.withLock { folders.append(url) } }

  func removeAll() {
    for url in lock.withLock({ folders }) { try? FileManager.default.removeItem(at: url) }
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
