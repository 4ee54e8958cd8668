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

  /// A file the policy allows to be written: where it is, and whether an existing file there may be
  /// replaced. Made once per write by ``target(_:fromQuery:)``, before the bytes are made.
  struct Target {
    /// The path as the user named it, for messages.
    var named: String
    /// The path to write (a query's relative path starts in ``queryFolder``).
    var path: String
    /// The canonical path, the key of the files this process wrote.
    var key: String
    /// Whether an existing file may be replaced.
    var replacing: Bool
  }

  /// Where `named` may be written, or why not: a file named inside a query (`fromQuery`) must be under
  /// ``queryFolder``; an existing file is refused unless it may be replaced. Checked before rendering, so a
  /// refused write costs no layout.
  func target(_ named: String, fromQuery: Bool) throws(WriteRefusal) -> Target {
    var path = named
    if fromQuery {
      guard let queryFolder else {
        throw WriteRefusal(
          message: "this program does not let queries write files",
          help: ["ask for the result without `to \"…\"`"])
      }
      if !named.hasPrefix("/") { path = URL(fileURLWithPath: queryFolder).appendingPathComponent(named).path }
    }
    let key = Self.canonical(path)
    if fromQuery, let queryFolder {
      let root = Self.canonical(queryFolder)
      func inside(_ path: String) -> Bool {
        path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
      }
      let written = URL(fileURLWithPath: path).standardizedFileURL.path
      if !inside(key), inside(Self.canonical(URL(fileURLWithPath: written).deletingLastPathComponent().path))
      {
        // The name looks inside, but a symbolic link on the way leads out.
        throw WriteRefusal(
          message:
            "a query may write only under \(queryFolder), and `\(named)` goes through a symbolic link to \(key), outside it",
          help: [
            "name a file that is not a link out of this folder, or allow that folder with `--write-dir DIR`"
          ])
      }
      guard inside(key) else {
        throw WriteRefusal(
          message: "a query may write only under \(queryFolder), and `\(named)` is outside it",
          help: [
            "name a file in this folder, like `\(URL(fileURLWithPath: named).lastPathComponent)`, or allow another "
              + "folder with `--write-dir DIR`",
            "or drop `to \"…\"` and write it from the command line: `orgraph render --format FORMAT -o \(named) QUERY`",
          ])
      }
    }
    let target = Target(
      named: named, path: path, key: key, replacing: replaceExisting || Self.written.contains(key))
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
      throw WriteRefusal(
        message: "cannot write `\(named)`: it is a folder",
        help: ["name a file: one inside it, or another name"])
    }
    if !target.replacing, FileManager.default.fileExists(atPath: path) { throw Self.exists(named) }
    return target
  }

  /// Writes `data` to a target made by ``target(_:fromQuery:)``.
  func write(_ data: Data, to target: Target) throws(WriteRefusal) {
    do {
      try OutputFile.write(data, to: target.path, replacing: target.replacing)
      Self.written.insert(target.key)
    } catch {
      // A file that appeared since the target was made is still not replaced.
      if error.exists { throw Self.exists(target.named) }
      throw WriteRefusal(
        message: "cannot write `\(target.named)`: \(error.reason)",
        help: ["pick a file in a folder you can write to"])
    }
  }

  /// Writes `data` to `named` under this policy.
  func write(_ data: Data, to named: String, fromQuery: Bool) throws(WriteRefusal) {
    try write(data, to: try target(named, fromQuery: fromQuery))
  }

  static func exists(_ named: String) -> WriteRefusal {
    WriteRefusal(
      message: "`\(named)` exists, and was not replaced",
      help: ["replace it with `--force` (`:set overwrite on` in the shell), or pick another name"])
  }

  /// An absolute path with `.`, `..` and every symbolic link resolved the way the system resolves them:
  /// one component at a time, so `esc/..` goes up from where the link `esc` points, not from the folder
  /// holding it, and a link to nothing yet (dangling) still counts where it points.
  static func canonical(_ path: String) -> String {
    let start = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    var pending = start.split(separator: "/", omittingEmptySubsequences: true).map(String.init).reversed()
      .map { $0 }
    var resolved: [String] = []
    var linksFollowed = 0
    while let part = pending.popLast() {
      if part == "." { continue }
      if part == ".." {
        _ = resolved.popLast()
        continue
      }
      let candidate = "/" + (resolved + [part]).joined(separator: "/")
      // 40 links, as the system's own limit: past it the write fails with ELOOP anyway.
      if linksFollowed < 40, let link = OutputFile.linkTarget(candidate) {
        linksFollowed += 1
        if link.hasPrefix("/") { resolved = [] }
        pending.append(contentsOf: link.split(separator: "/").map(String.init).reversed())
      } else {
        resolved.append(part)
      }
    }
    return "/" + resolved.joined(separator: "/")
  }
}

/// A file the policy refused or could not write: a message and help lines.
struct WriteRefusal: Error {
  var message: String
  var help: [String]
}
