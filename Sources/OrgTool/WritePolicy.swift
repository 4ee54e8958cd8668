import Foundation
import OrgGraph

/// Which files the tool may write, and whether it may replace them.
///
/// - A file named on the command line (`-o`, `:render FORMAT FILE`) may be written anywhere.
/// - A file named inside a query (`| render svg to "x.svg"`) — which may come from a `.oq` file someone
///   sent — only under ``queryFolder``: the working directory unless the user names another
///   (`--write-dir`). A program that runs other people's queries sets it to `nil`, and every write a query
///   asks for is refused (or it gives `ScriptRunner` no renderer at all).
/// - A file that already exists is replaced only with ``replaceExisting`` (`--force`, `:set overwrite on`),
///   or when this process wrote it earlier (a shell session re-rendering its own diagram).
public struct WritePolicy: Sendable {
  /// Whether existing files may be replaced without asking.
  public var replaceExisting = false
  /// The folder files named inside queries must be in, and their relative paths start from; `nil` refuses
  /// them all.
  public var queryFolder: String?

  /// Queries write under the working directory; existing files are kept unless `replaceExisting`.
  public init(replaceExisting: Bool = false, queryFolder: String? = FileManager.default.currentDirectoryPath)
  {
    self.replaceExisting = replaceExisting
    self.queryFolder = queryFolder
  }

  /// No query may write any file.
  public static let noQueryWrites = WritePolicy(queryFolder: nil)

  /// Files this process has written, which it may replace again without `--force`.
  static let written = WrittenFiles()

  final class WrittenFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var paths: Set<String> = []

    func contains(_ path: String) -> Bool {
      lock.lock()
      defer { lock.unlock() }
      return paths.contains(path)
    }

    func insert(_ path: String) {
      lock.lock()
      defer { lock.unlock() }
      paths.insert(path)
    }
  }

  /// Why `path` may not be written, or `nil` when it may; `fromQuery` for files named inside a query.
  func refusal(of path: String, fromQuery: Bool) -> (message: String, help: [String])? {
    guard fromQuery else { return nil }
    guard let queryFolder else {
      return ("this program does not let queries write files", ["ask for the result without `to \"…\"`"])
    }
    let root = Self.canonical(queryFolder)
    let target = Self.canonical(located(path, fromQuery: true))
    guard target == root || target.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
      return (
        "a query may write only under \(queryFolder), and `\(path)` is outside it",
        [
          "name a file in this folder, like `\(URL(fileURLWithPath: path).lastPathComponent)`, or allow another "
            + "folder with `--write-dir DIR`",
          "or drop `to \"…\"` and write it from the command line: `orgraph render --format FORMAT -o \(path) QUERY`",
        ]
      )
    }
    return nil
  }

  /// Where `path` is: a relative path named inside a query is relative to ``queryFolder``.
  func located(_ path: String, fromQuery: Bool) -> String {
    guard fromQuery, let queryFolder, !path.hasPrefix("/") else { return path }
    return URL(fileURLWithPath: queryFolder).appendingPathComponent(path).path
  }

  /// Writes `data` to `path` under this policy.
  func write(_ data: Data, to named: String, fromQuery: Bool) throws(WriteRefusal) {
    let path = located(named, fromQuery: fromQuery)
    if let refusal = refusal(of: named, fromQuery: fromQuery) {
      throw WriteRefusal(message: refusal.message, help: refusal.help)
    }
    let key = Self.canonical(path)
    do {
      try OutputFile.write(data, to: path, replacing: replaceExisting || Self.written.contains(key))
      Self.written.insert(key)
    } catch {
      if error.exists {
        throw WriteRefusal(
          message: "`\(named)` exists, and was not replaced",
          help: [
            "replace it with `--force` (`:set overwrite on` in the shell), or pick another name"
          ])
      }
      throw WriteRefusal(
        message: "cannot write `\(named)`: \(error.reason)",
        help: ["pick a file in a folder you can write to"])
    }
  }

  /// An absolute path with `.`, `..` and the symbolic links of its existing folders resolved.
  static func canonical(_ path: String) -> String {
    let absolute = URL(
      fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath + "/")
    ).standardizedFileURL
    // Resolve the deepest folder that exists, then append the rest.
    var existing = absolute
    var rest: [String] = []
    while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
      rest.insert(existing.lastPathComponent, at: 0)
      existing = existing.deletingLastPathComponent()
    }
    var resolved = existing.resolvingSymlinksInPath()
    for part in rest { resolved.appendPathComponent(part) }
    return resolved.path
  }
}

/// A file the policy refused or could not write: a message and help lines.
struct WriteRefusal: Error {
  var message: String
  var help: [String]
}
