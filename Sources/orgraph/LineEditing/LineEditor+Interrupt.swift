import CLineEdit
import Foundation

/// Ctrl-C for the REPL: a SIGINT handler that only sets a flag.
///
/// While ``LineEditor/readLine(prompt:)`` waits, the signal cuts its read short (the handler is installed
/// without `SA_RESTART`) and the line is abandoned. While a query runs, the evaluator polls
/// ``LineEditor/interruptRequested`` and stops early; the REPL never exits on Ctrl-C.
extension LineEditor {
  /// The flag the SIGINT handler sets: one word, read and written only with C atomics.
  private nonisolated(unsafe) static let interruptFlag: UnsafeMutablePointer<Int32> = {
    let flag = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
    flag.initialize(to: 0)
    return flag
  }()

  /// Installs the handler once per process; later calls do nothing.
  private static let handlerInstalled: Bool = {
    _ = interruptFlag  // Initialised here, never first inside the handler.
    return orgraph_install_sigint_handler { _ in orgraph_flag_store(LineEditor.interruptFlag, 1) } == 0
  }()

  /// Makes Ctrl-C (SIGINT) set ``interruptRequested`` instead of ending the process. ``init(historyFile:historyLimit:)``
  /// calls it; a REPL reading from a pipe need not.
  @discardableResult
  static func installInterruptHandler() -> Bool { handlerInstalled }

  /// True once Ctrl-C was pressed since the last ``resetInterrupt()`` or ``takeInterrupt()``: a running
  /// query polls it to cancel itself.
  static var interruptRequested: Bool { orgraph_flag_load(interruptFlag) != 0 }

  /// Forgets an earlier Ctrl-C; call it before starting a query.
  static func resetInterrupt() { orgraph_flag_store(interruptFlag, 0) }

  /// Whether Ctrl-C was pressed, clearing the flag in the same step.
  static func takeInterrupt() -> Bool { orgraph_flag_exchange(interruptFlag, 0) != 0 }

  /// Sets the flag as the handler does, for tests and for an evaluator that cancels itself.
  static func requestInterrupt() { orgraph_flag_store(interruptFlag, 1) }
}
