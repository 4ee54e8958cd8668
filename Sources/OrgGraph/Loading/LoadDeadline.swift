import Foundation

/// When a load must stop: the time budget a command gives its queries holds for loading its graph too.
///
/// Every phase of a load is linear in its input, and the budget is asked between files, between sections of
/// a file, between batches of queued edges and between 16 MiB chunks of a CSV table, so a load stops within
/// a small step of its budget.
struct LoadDeadline: Sendable {
  /// The uptime, in nanoseconds, past which the load stops; `nil` for no limit.
  let deadline: UInt64?
  /// The budget as given, for the message.
  let seconds: Double?
  /// Asked with the clock: `true` stops the load (Ctrl-C in the shell).
  let isCancelled: (@Sendable () -> Bool)?

  /// No limit.
  static let none = LoadDeadline(seconds: nil)

  /// A budget of `seconds` from now; `nil`, zero or a negative number (or one too large to count) is no limit.
  init(seconds: Double?, isCancelled: (@Sendable () -> Bool)? = nil) {
    self.isCancelled = isCancelled
    guard let seconds, seconds > 0, seconds < 1e9 else {
      self.deadline = nil
      self.seconds = nil
      return
    }
    self.seconds = seconds
    self.deadline = DispatchTime.now().uptimeNanoseconds + UInt64(seconds * 1e9)
  }

  /// Whether the budget is spent, or the load was cancelled.
  var passed: Bool {
    if let isCancelled, isCancelled() { return true }
    guard let deadline else { return false }
    return DispatchTime.now().uptimeNanoseconds > deadline
  }

  /// Throws the load's error when the budget is spent or the load was cancelled.
  func check(during phase: String) throws(GraphLoadFailure) {
    if passed { throw GraphLoadFailure(diagnostics: [diagnostic(during: phase)]) }
  }

  /// The error a stopped load reports.
  func diagnostic(during phase: String) -> Diagnostic {
    if let isCancelled, isCancelled() {
      return Diagnostic(code: .G007, message: "loading the graph was cancelled (while \(phase))")
    }
    // Written as the query's Q304 writes its budget.
    let shown = String(format: "%g", seconds ?? 0)
    return Diagnostic(
      code: .G007,
      message:
        "loading the graph took more than \(shown) second\(shown == "1" ? "" : "s") and was stopped (while \(phase))",
      help: [
        "give it more time: `--timeout 120` on the command line, `:set timeout 120` in the shell (0: no limit)",
        "or write a snapshot once, `orgraph snapshot --graph DIR -o FILE`, which opens in a fraction of a second",
      ])
  }
}
