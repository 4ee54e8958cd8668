import ArgumentParser
import Foundation
import OrgGraph
import OrgQuery
import OrgTool

/// The line a long load prints on a terminal: how much of the tables has been read, rewritten in place at
/// most ten times a second, and erased when the load ends. Nothing is printed when standard error is not a
/// terminal, or for loads under a second.
final class ProgressLine: @unchecked Sendable {
  private let lock = NSLock()
  private let start = Date()
  private var last = Date.distantPast
  private var shown = false

  /// With `ORGRAPH_TRACE_LOAD=1`, each phase of a load and its time, on standard error, terminal or not.
  let tracing = ProcessInfo.processInfo.environment["ORGRAPH_TRACE_LOAD"] == "1"

  var handler: LoadProgress.Handler? {
    guard isatty(2) != 0 || tracing else { return nil }
    return { [self] progress in update(progress) }
  }

  private func update(_ progress: LoadProgress) {
    if let phase = progress.finishedPhase {
      if tracing {
        let name = phase.name.padding(toLength: 18, withPad: " ", startingAt: 0)
        FileHandle.standardError.write(
          Data("load: \(name) \(String(format: "%8.3f", phase.seconds)) s\n".utf8))
      }
      return
    }
    guard progress.totalBytes > 0, isatty(2) != 0 else { return }
    let percent = Int(Double(progress.bytesRead) / Double(progress.totalBytes) * 100)
    let read = ByteCountFormatter.string(fromByteCount: Int64(progress.bytesRead), countStyle: .file)
    let total = ByteCountFormatter.string(fromByteCount: Int64(progress.totalBytes), countStyle: .file)
    show("loading tables: \(read) of \(total) (\(percent) %)")
  }

  /// A handler for work counted in items (`importing documents: 120 of 2,000 (6 %)`), on a terminal only.
  func counter(_ what: String) -> (@Sendable (Int, Int) -> Void)? {
    guard isatty(2) != 0 else { return nil }
    return { [self] done, total in
      guard total > 0 else { return }
      show("\(what): \(done.formatted()) of \(total.formatted()) (\(done * 100 / total) %)")
    }
  }

  /// Says which step the work is at (`linking statements to competencies`), on a terminal only.
  func status(_ text: String) {
    guard isatty(2) != 0 else { return }
    show(text, always: true)
  }

  /// Rewrites the line in place, once the work has run a second, at most ten times a second (a new step
  /// `always`).
  private func show(_ text: String, always: Bool = false) {
    lock.lock()
    defer { lock.unlock() }
    let now = Date()
    guard now.timeIntervalSince(start) > 1, always || now.timeIntervalSince(last) > 0.1 else { return }
    last = now
    shown = true
    FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
  }

  func finish() {
    lock.lock()
    defer { lock.unlock() }
    if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    shown = false
  }
}
