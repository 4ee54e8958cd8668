import Foundation
import Testing

/// A program running in a real terminal, for tests of interactive behaviour: a private tmux server (its
/// own socket, no user configuration), one window of a fixed size, keys sent with `send-keys` and the
/// screen read back with `capture-pane`.
///
/// ```swift
/// let session = try TerminalSession(["/path/to/orgraph", "__line-editor-demo"])
/// defer { session.close() }
/// try session.waitFor("the prompt") { $0.last == "demo>" }
/// try session.type("roles")
/// try session.press("Enter")
/// ```
///
/// Waits poll the screen every 20 ms up to a timeout instead of sleeping for a fixed time.
///
/// The program runs under `/bin/sh`, which prints `[exited with status N]` when it ends and keeps the pane
/// open: tmux's own `pane_dead_status` is unreliable (a Debian tmux built with utempter sometimes never
/// reaps the pane's process). The shell traps SIGINT, so Ctrl-C reaches only the program.
final class TerminalSession {
  /// The tmux executable found on `PATH`, or nil when tmux is not installed.
  static let tmux: URL? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    return path.split(separator: ":")
      .map { URL(fileURLWithPath: String($0)).appending(path: "tmux") }
      .first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }()

  /// Whether tmux is installed; terminal tests are skipped without it.
  static var isAvailable: Bool { tmux != nil }

  /// A wait that ran out of time; the screen at that moment was recorded as an issue.
  struct Timeout: Error, CustomStringConvertible {
    var description: String
  }

  /// A tmux command that failed.
  struct TmuxFailure: Error, CustomStringConvertible {
    var arguments: [String]
    var status: Int32
    var description: String { "tmux \(arguments.joined(separator: " ")) exited with status \(status)" }
  }

  private let tmux: URL
  /// The server's socket, a short path of its own (sockets have a length limit), removed on close.
  private let socket = "/tmp/orgraph-tmux-\(UUID().uuidString.prefix(13))"
  private let target = "test"
  private var closed = false
  /// The shell running the program, stopped for sure on ``close()``.
  private var panePID: pid_t = 0

  /// The line the wrapping shell prints when the program ends.
  static let exitMarker = "[exited with status "

  /// Starts `command` in a new terminal of `width` × `height` characters, with extra environment
  /// variables.
  init(_ command: [String], width: Int = 120, height: Int = 30, environment: [String: String] = [:]) throws {
    tmux = try #require(Self.tmux, "tmux is not installed")
    let script =
      "trap : INT; \(command.map(Self.shellQuoted).joined(separator: " ")); "
      + "echo \"\(Self.exitMarker)$?]\"; exec sleep 600"
    var arguments = ["set-option", "-g", "default-shell", "/bin/sh", ";"]
    arguments += ["new-session", "-d", "-s", target, "-x", "\(width)", "-y", "\(height)"]
    for (name, value) in environment.sorted(by: { $0.key < $1.key }) {
      arguments += ["-e", "\(name)=\(value)"]
    }
    arguments.append(script)
    try tmuxCommand(arguments)
    let pid = try tmuxCommand(["display-message", "-p", "-t", target, "#{pane_pid}"])
    panePID = pid_t(pid.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
  }

  deinit { close() }

  /// Stops the program and the tmux server. Safe to call more than once.
  func close() {
    guard !closed else { return }
    closed = true
    _ = try? tmuxCommand(["kill-server"], check: false)
    // kill-server hangs up on the pane; make sure its shell is gone even if it ignored that.
    if panePID > 0, kill(panePID, 0) == 0 { kill(panePID, SIGKILL) }
    unlink(socket)
  }

  /// Types `text` literally (UTF-8 included), as if pasted key by key.
  func type(_ text: String) throws {
    try tmuxCommand(["send-keys", "-t", target, "-l", "--", text])  // `--`: text may start with `-`
  }

  /// Presses keys by tmux name: `Enter`, `Tab`, `Up`, `Left`, `Escape`, `C-c`, `C-d`, `C-r`…
  func press(_ keys: String...) throws {
    try tmuxCommand(["send-keys", "-t", target] + keys)
  }

  /// The visible screen, one line per row, trailing spaces removed.
  func screen() throws -> String {
    try tmuxCommand(["capture-pane", "-p", "-t", target])
  }

  /// The screen's rows with text, blank rows at the bottom dropped.
  func lines() throws -> [String] {
    var rows = try screen().components(separatedBy: "\n")
    while rows.last?.isEmpty == true { rows.removeLast() }
    return rows
  }

  /// The cursor's column and row, from 0.
  func cursor() throws -> (column: Int, row: Int) {
    let text = try tmuxCommand(["display-message", "-p", "-t", target, "#{cursor_x} #{cursor_y}"])
    let numbers = text.split(separator: " ").compactMap {
      Int($0.trimmingCharacters(in: .whitespacesAndNewlines))
    }
    return (numbers.first ?? -1, numbers.dropFirst().first ?? -1)
  }

  /// Whether the program is still running: the shell has not printed its exit line.
  func isRunning() throws -> Bool {
    try !screen().contains(Self.exitMarker)
  }

  /// Waits for the program to exit and returns its exit status.
  func exitStatus(timeout: Duration = .seconds(5)) throws -> Int32? {
    let rows = try waitFor("the program to exit", timeout: timeout) {
      $0.contains { $0.hasPrefix(Self.exitMarker) }
    }
    let line = rows.last { $0.hasPrefix(Self.exitMarker) } ?? ""
    return Int32(line.dropFirst(Self.exitMarker.count).dropLast())
  }

  /// Polls the screen until `condition` holds, and returns it; records the last screen and throws
  /// ``Timeout`` when it does not within `timeout`.
  @discardableResult
  func waitFor(
    _ description: String, timeout: Duration = .seconds(5), _ condition: ([String]) throws -> Bool
  ) throws -> [String] {
    var rows: [String] = []
    try waitUntil(description, timeout: timeout) {
      rows = try lines()
      return try condition(rows)
    }
    return rows
  }

  private func waitUntil(_ description: String, timeout: Duration, _ condition: () throws -> Bool) throws {
    let clock = ContinuousClock()
    let deadline = clock.now.advanced(by: timeout)
    while true {
      if try condition() { return }
      if clock.now >= deadline { break }
      Thread.sleep(forTimeInterval: 0.02)
    }
    let rows = (try? screen()) ?? "(no screen)"
    Issue.record("timed out after \(timeout) waiting for \(description); the screen:\n\(rows)")
    throw Timeout(description: "timed out waiting for \(description)")
  }

  /// Runs one tmux command on this session's server; throws when it fails and `check` is true.
  @discardableResult
  private func tmuxCommand(_ arguments: [String], check: Bool = true) throws -> String {
    var environment = ProcessInfo.processInfo.environment
    environment["TMUX"] = nil
    environment["TMUX_PANE"] = nil
    let (status, output) = try Self.spawn(
      tmux.path, ["-u", "-f", "/dev/null", "-S", socket] + arguments, environment: environment)
    if check, status != 0 { throw TmuxFailure(arguments: arguments, status: status) }
    return output
  }

  /// Runs a program to completion and returns its exit status and standard output.
  ///
  /// Not `Process`: tests run on threads that block most signals, and a child inherits that mask. The
  /// tmux server started here would then never see SIGCHLD, and the program in its pane never SIGINT, so
  /// the child starts with no signal blocked and the usual dispositions. Its output goes to a file the
  /// child opens itself: a pipe created here could leak into a tmux server another test starts at the same
  /// moment, which would hold it open for ever.
  private static func spawn(
    _ path: String, _ arguments: [String], environment: [String: String]
  ) throws -> (status: Int32, output: String) {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGINT, SIGQUIT, SIGHUP, SIGTERM, SIGPIPE, SIGCHLD, SIGTSTP, SIGWINCH] {
      sigaddset(&defaults, signal)
    }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    let outputFile = FileManager.default.temporaryDirectory.appending(
      path: "orgraph-tmux-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: outputFile) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)

    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for pointer in argv + envp { free(pointer) } }
    var pid = pid_t()
    let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
    guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1, errno == EINTR {}
    let output = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
    // The exit code when the program exited, 128 + the signal when a signal ended it.
    let exited = status & 0x7F == 0
    return (exited ? (status >> 8) & 0xFF : 128 + status & 0x7F, output)
  }

  private static func shellQuoted(_ word: String) -> String {
    "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
