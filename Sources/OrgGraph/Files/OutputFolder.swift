import Foundation

/// Writing a folder of output files (a CSV export) as one step: the files go to a new folder beside the
/// target, which is then renamed into place, so a reader never sees half an export and a failure leaves
/// nothing behind. An existing folder is replaced only when asked, only when OrgGraph wrote it (it holds the
/// marker file ``marker``) or it is empty, never when it is the working folder or one of its parents, and
/// then only after the new one is complete.
public enum OutputFolder {
  /// The file every folder OrgGraph writes holds, so that it knows which folders it may replace.
  public static let marker = ".orgraph-output"

  /// Writes `files` (paths inside the folder) to the folder `path`.
  ///
  /// - Parameter replacing: whether a folder already at `path` may be replaced (it is removed only after the
  ///   new one is written); a file there is never replaced.
  public static func write(_ files: [ExportFile], to path: String, replacing: Bool = false)
    throws(OutputFileError)
  {
    try write(to: path, replacing: replacing) { staging in
      // Each folder is made once (a site writes tens of thousands of pages into a few folders).
      var made: Set<String> = []
      for file in files {
        guard !file.path.split(separator: "/").contains(where: { $0 == ".." || $0.isEmpty }) else {
          throw OutputFileError(path: path, reason: "`\(file.path)` is not a path inside the folder")
        }
        let url = staging.appending(path: file.path)
        let folder = url.deletingLastPathComponent()
        if made.insert(folder.path).inserted {
          try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        try writeUnsynced(file.text, to: url.path)
      }
    }
  }

  /// Writes `text` to a new file at `path` without syncing it: the staging folder is synced once, whole.
  /// One `open`, the writes and one `close` (Foundation's `createFile` writes a temporary file and renames
  /// it, which a new file in a staging folder does not need).
  static func writeUnsynced(_ text: String, to path: String) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      throw OutputFileError(path: path, reason: "cannot create the file: \(String(cString: strerror(errno)))")
    }
    defer { close(fd) }
    var text = text
    let written = text.withUTF8 { OutputFile.writeAll(UnsafeRawBufferPointer($0), to: fd) }
    guard written else {
      throw OutputFileError(path: path, reason: String(cString: strerror(errno)))
    }
  }

  /// Writes the folder `path` by calling `fill` with a staging folder to write into, under the same rules:
  /// for outputs too large to hold in memory (a generated organisation of a million people).
  public static func write(to path: String, replacing: Bool = false, fill: (URL) throws -> Void)
    throws(OutputFileError)
  {
    guard !path.isEmpty else { throw OutputFileError(path: path, reason: "the folder name is empty") }
    let manager = FileManager.default
    // A link to a folder stays a link: the folder it points to is the one written.
    var target = URL(fileURLWithPath: path).standardizedFileURL
    if OutputFile.linkTarget(target.path) != nil {
      target = URL(fileURLWithPath: OutputFile.resolvingLinks(target.path)).standardizedFileURL
    }
    var isFolder: ObjCBool = false
    let exists = manager.fileExists(atPath: target.path, isDirectory: &isFolder)
    if exists && !isFolder.boolValue {
      throw OutputFileError(
        path: path, reason: "it is a file, not a folder; name a new folder, like `-o out`", refused: true)
    }
    if exists {
      // Whether empty or not: replacing the working folder would leave the shell in a deleted folder.
      let here = URL(fileURLWithPath: manager.currentDirectoryPath).standardizedFileURL
        .resolvingSymlinksInPath()
        .path
      let resolved = target.resolvingSymlinksInPath().path
      if here == resolved || here.hasPrefix(resolved.hasSuffix("/") ? resolved : resolved + "/") {
        throw OutputFileError(
          path: path,
          reason:
            "it is the working folder or holds it, and is never replaced; name a new folder, like `-o out`",
          refused: true)
      }
    }
    let contents = exists ? ((try? manager.contentsOfDirectory(atPath: target.path)) ?? []) : []
    if exists && !contents.isEmpty {
      if !contents.contains(marker) {
        throw OutputFileError(
          path: path,
          reason:
            "it holds files OrgGraph did not write, so it is not replaced, even with --force; name a new folder",
          refused: true)
      }
      // The marker lists what OrgGraph wrote; a file added since (a table, notes) is someone's work.
      let added = Self.filesAdded(to: target)
      if !added.isEmpty {
        let shown = added.prefix(3).map { "`\($0)`" }.joined(separator: ", ") + (added.count > 3 ? ", …" : "")
        throw OutputFileError(
          path: path,
          reason:
            "files were added to it since OrgGraph wrote it (\(shown)), so it is not replaced, even with --force; move them out or name a new folder",
          refused: true)
      }
      if !replacing { throw OutputFileError(path: path, reason: "it exists", exists: true) }
    }
    let parent = target.deletingLastPathComponent()
    guard manager.fileExists(atPath: parent.path, isDirectory: &isFolder), isFolder.boolValue else {
      throw OutputFileError(path: path, reason: "the folder `\(parent.path)` does not exist")
    }
    removeLeftovers(besideTarget: target)
    let pid = ProcessInfo.processInfo.processIdentifier
    let staging = parent.appending(path: ".\(target.lastPathComponent).orgraph-\(pid)-\(UUID().uuidString)")
    do {
      try manager.createDirectory(at: staging, withIntermediateDirectories: true)
      try fill(staging)
      if !manager.fileExists(atPath: staging.path) {
        try manager.createDirectory(at: staging, withIntermediateDirectories: true)
      }
      // The files reach the disk in one step before the folder takes its name (Foundation would sync each
      // file: a site of 50,000 pages spent a third of its time there).
      sync()
      // The marker says the folder may be replaced, and lists the files written, so that files added later
      // are never lost with it.
      let written = Self.files(under: staging).sorted()
      try Data(
        ("Written by OrgGraph; `--force` may replace this folder as long as it holds only these files:\n"
          + written.map { $0 + "\n" }.joined()).utf8
      ).write(to: staging.appending(path: marker))
      if exists {
        let old = parent.appending(
          path: ".\(target.lastPathComponent).orgraph-\(pid)-old-\(UUID().uuidString)")
        try manager.moveItem(at: target, to: old)
        do {
          try manager.moveItem(at: staging, to: target)
        } catch {
          try? manager.moveItem(at: old, to: target)
          throw error
        }
        try? manager.removeItem(at: old)
      } else {
        try manager.moveItem(at: staging, to: target)
      }
    } catch let error as OutputFileError {
      try? manager.removeItem(at: staging)
      throw error
    } catch {
      try? manager.removeItem(at: staging)
      throw OutputFileError(path: path, reason: (error as NSError).localizedDescription)
    }
  }

  /// Removes the staging folders beside `target` that a killed write left (`.NAME.orgraph-PID-…` whose
  /// process no longer runs): they hold only what OrgGraph was writing.
  static func removeLeftovers(besideTarget target: URL) {
    let parent = target.deletingLastPathComponent()
    let prefix = ".\(target.lastPathComponent).orgraph-"
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
    for name in names where name.hasPrefix(prefix) {
      guard let pid = name.dropFirst(prefix.count).split(separator: "-").first.flatMap({ Int32($0) }),
        !OutputFile.isRunning(pid)
      else { continue }
      try? FileManager.default.removeItem(at: parent.appending(path: name))
    }
  }

  /// The regular files under `folder`, as paths relative to it (the marker left out).
  static func files(under folder: URL) -> [String] {
    let manager = FileManager.default
    return (manager.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).filter { path in
      var isFolder: ObjCBool = false
      return path != marker
        && manager.fileExists(atPath: folder.appending(path: path).path, isDirectory: &isFolder)
        && !isFolder.boolValue
    }
  }

  /// Files in an OrgGraph folder that its marker does not list. A marker from before markers listed files
  /// lists none, and such a folder is judged as before: by the marker alone.
  static func filesAdded(to folder: URL) -> [String] {
    guard let text = try? String(contentsOf: folder.appending(path: marker), encoding: .utf8) else {
      return []
    }
    let lines = text.split(separator: "\n").dropFirst().map(String.init)
    guard !lines.isEmpty else { return [] }
    let listed = Set(lines)
    return files(under: folder).filter { !listed.contains($0) }.sorted()
  }
}

/// One file of an export that writes a folder: its path inside the folder and its text.
public struct ExportFile: Sendable, Hashable {
  /// The path inside the export's folder, with `/` between folders.
  public var path: String
  /// The file's contents.
  public var text: String

  /// A file at `path` (inside the folder) holding `text`.
  public init(path: String, text: String) {
    self.path = path
    self.text = text
  }
}
