import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writing output files atomically: the bytes go to a temporary file beside the target, which is then
/// renamed over it, so a reader — or a crash — never sees half a diagram, and a failed write leaves the
/// previous file as it was.
///
/// ```swift
/// try OutputFile.write(Data(diagram.mermaid.utf8), to: "docs/ladder.mmd")
/// try OutputFile.write(report, to: "report.md", replacing: false)  // refuses to replace an existing file
/// ```
///
/// Replacing a file keeps what the user set up around it:
/// - a symbolic link stays a link, and the file it points to gets the bytes;
/// - the file's permissions (and, for root, its owner) are kept;
/// - a file with several hard links is written in place, so every name sees the new bytes (not atomic:
///   renaming would break the links);
/// - a device, pipe or socket (`-o /dev/null`, `-o /dev/stdout`) is written directly, never replaced by a
///   regular file.
///
/// This is the one way the product writes a file it was asked to write; a failure is a value
/// (``OutputFileError``) that the caller reports once.
public enum OutputFile {
  /// Writes `data` to `path`: atomically for a new file or a regular file with one link.
  ///
  /// - Parameter replacing: whether a file already there may be replaced; when `false`, an existing file
  ///   is an ``OutputFileError`` whose ``OutputFileError/exists`` is `true`.
  /// - Throws: ``OutputFileError`` saying why (a missing folder, a folder in the way, no permission, the
  ///   file exists).
  public static func write(_ data: Data, to path: String, replacing: Bool = true) throws(OutputFileError) {
    guard !path.isEmpty else { throw OutputFileError(path: path, reason: "the file name is empty") }
    let target = resolvingLinks(path)
    var info = stat()
    guard lstat(target, &info) == 0 else {
      guard errno == ENOENT else {
        throw OutputFileError(path: path, reason: String(cString: strerror(errno)))
      }
      return try replaceAtomically(data, at: target, path: path, mode: nil, owner: nil)
    }
    let type = info.st_mode & S_IFMT
    if type == S_IFDIR { throw OutputFileError(path: path, reason: "it is a folder") }
    guard replacing else { throw OutputFileError(path: path, reason: "it exists", exists: true) }
    if type != S_IFREG { return try writeInPlace(data, at: target, path: path, truncate: false) }
    if info.st_nlink > 1 { return try writeInPlace(data, at: target, path: path, truncate: true) }
    try replaceAtomically(
      data, at: target, path: path, mode: info.st_mode & 0o7777, owner: (info.st_uid, info.st_gid))
  }

  /// Writes `text` as UTF-8 to `path` (see ``write(_:to:replacing:)``).
  public static func write(_ text: String, to path: String, replacing: Bool = true) throws(OutputFileError) {
    try write(Data(text.utf8), to: path, replacing: replacing)
  }

  /// `path` with symbolic links followed to what they name (at most 32 of them), so a link is written
  /// through; a link to nothing yet gives the path it names.
  static func resolvingLinks(_ path: String) -> String {
    var current = path
    for _ in 0..<32 {
      guard let link = linkTarget(current) else { return current }
      current =
        link.hasPrefix("/")
        ? link : URL(fileURLWithPath: current).deletingLastPathComponent().appendingPathComponent(link).path
    }
    return current
  }

  /// What the symbolic link at `path` holds, or `nil` when `path` is not a link.
  package static func linkTarget(_ path: String) -> String? {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let n = readlink(path, &buffer, Int(PATH_MAX))
    guard n > 0 else { return nil }
    return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// Removes the temporary files beside `target` that a write killed before its rename left behind
  /// (`.NAME.PID.UUID.tmp` whose process no longer runs), so they do not pile up in a user's folder.
  static func removeLeftovers(besideTarget target: URL) {
    let folder = target.deletingLastPathComponent()
    let prefix = ".\(target.lastPathComponent)."
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
    for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
      let middle = name.dropFirst(prefix.count).dropLast(4)
      guard let pid = middle.split(separator: ".").first.flatMap({ Int32($0) }), !isRunning(pid) else {
        continue
      }
      unlink(folder.appendingPathComponent(name).path)
    }
  }

  /// Whether a process with this id exists.
  package static func isRunning(_ pid: Int32) -> Bool {
    pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
  }

  /// A temporary file beside `target`, renamed over it.
  private static func replaceAtomically(
    _ data: Data, at target: String, path: String, mode: mode_t?, owner: (uid_t, gid_t)?
  ) throws(OutputFileError) {
    let url = URL(fileURLWithPath: target)
    let folder = url.deletingLastPathComponent()
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue
    else {
      throw OutputFileError(path: path, reason: "the folder \(folder.path) does not exist")
    }
    removeLeftovers(besideTarget: url)
    let temporary = folder.appendingPathComponent(
      ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UUID().uuidString).tmp"
    ).path
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    guard fd >= 0 else { throw OutputFileError(path: path, reason: String(cString: strerror(errno))) }
    var failure: String?
    if !writeAll(data, to: fd) { failure = String(cString: strerror(errno)) }
    if failure == nil, let mode { _ = fchmod(fd, mode) }
    if failure == nil, let owner, getuid() == 0 { _ = fchown(fd, owner.0, owner.1) }
    if close(fd) != 0, failure == nil { failure = String(cString: strerror(errno)) }
    if failure == nil, rename(temporary, target) != 0 { failure = String(cString: strerror(errno)) }
    if let failure {
      unlink(temporary)
      throw OutputFileError(path: path, reason: failure)
    }
  }

  /// Writes into the existing file itself: a device, a pipe, or a file with several hard links.
  private static func writeInPlace(_ data: Data, at target: String, path: String, truncate: Bool)
    throws(OutputFileError)
  {
    // Non-blocking, so a pipe nobody reads is an error rather than a hang.
    let fd = open(target, O_WRONLY | O_NONBLOCK | O_CLOEXEC | (truncate ? O_TRUNC : 0))
    guard fd >= 0 else {
      let reason = errno == ENXIO ? "it is a pipe that nobody reads" : String(cString: strerror(errno))
      throw OutputFileError(path: path, reason: reason)
    }
    defer { close(fd) }
    let flags = fcntl(fd, F_GETFL)
    if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
    guard writeAll(data, to: fd) else {
      throw OutputFileError(path: path, reason: String(cString: strerror(errno)))
    }
  }

  private static func writeAll(_ data: Data, to fd: Int32) -> Bool {
    data.withUnsafeBytes { writeAll($0, to: fd) }
  }

  /// Writes every byte of `buffer` to `fd`, through short writes and interruptions; `false` with `errno`
  /// set when the system refuses.
  static func writeAll(_ buffer: UnsafeRawBufferPointer, to fd: Int32) -> Bool {
    guard let base = buffer.baseAddress else { return true }
    var offset = 0
    while offset < buffer.count {
      let n = Glibc.write(fd, base + offset, buffer.count - offset)
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { return false }
      offset += n
    }
    return true
  }
}

/// Why a file could not be written: the path as the user named it, and the reason.
public struct OutputFileError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The path as given.
  public var path: String
  /// Why it could not be written, in a few words.
  public var reason: String
  /// Whether the file was not written because it exists and replacing it was not allowed.
  public var exists = false
  /// Whether OrgGraph refused on purpose (the working folder, a folder of someone else's files) rather than
  /// the system failing: the reason then says what to do, and no advice about permissions applies.
  public var refused = false

  /// `cannot write `PATH`: REASON`.
  public var description: String { "cannot write `\(path)`: \(reason)" }
}
