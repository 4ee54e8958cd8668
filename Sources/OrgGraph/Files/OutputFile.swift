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
/// ```
///
/// This is the one way the product writes a file it was asked to write; a failure is a value
/// (``OutputFileError``) that the caller reports once.
public enum OutputFile {
  /// Writes `data` to `path` atomically, replacing any file there.
  ///
  /// - Throws: ``OutputFileError`` saying why (a missing folder, a folder in the way, no permission).
  public static func write(_ data: Data, to path: String) throws(OutputFileError) {
    guard !path.isEmpty else { throw OutputFileError(path: path, reason: "the file name is empty") }
    let target = URL(fileURLWithPath: path)
    let folder = target.deletingLastPathComponent()
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue
    else {
      throw OutputFileError(path: path, reason: "the folder \(folder.path) does not exist")
    }
    if FileManager.default.fileExists(atPath: target.path, isDirectory: &isFolder), isFolder.boolValue {
      throw OutputFileError(path: path, reason: "it is a folder")
    }
    let temporary = folder.appendingPathComponent(
      ".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UUID().uuidString).tmp")
    do {
      try data.write(to: temporary)
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw OutputFileError(path: path, reason: error.localizedDescription)
    }
    guard rename(temporary.path, target.path) == 0 else {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(at: temporary)
      throw OutputFileError(path: path, reason: reason)
    }
  }

  /// Writes `text` as UTF-8 to `path` atomically.
  public static func write(_ text: String, to path: String) throws(OutputFileError) {
    try write(Data(text.utf8), to: path)
  }
}

/// Why a file could not be written: the path as the user named it, and the reason.
public struct OutputFileError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The path as given.
  public var path: String
  /// Why it could not be written, in a few words.
  public var reason: String

  /// `cannot write `PATH`: REASON`.
  public var description: String { "cannot write `\(path)`: \(reason)" }
}
