import CGraphviz
import Foundation
import OrgDiagram

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Graphviz in a helper process, so that a crash inside Graphviz cannot take the calling program with it.
///
/// Graphviz 2.42 has layout bugs that corrupt its own heap; OrgGraph avoids and repairs the ones it knows
/// (docs/rendering.md), and contains the rest: with a worker set as ``GraphvizRenderer/worker``, every
/// layout and render runs in a child process — the same executable started again with
/// ``command`` as its argument — kept warm between renders. When the child dies or takes longer than
/// ``timeout``, the render fails with ``RenderError/layoutFailed(_:)`` and the next render starts a new
/// child; the calling program, its REPL session and its other renders go on.
///
/// A program that embeds OrgRender opts in with two lines at the top of its `main`:
///
/// ```swift
/// RenderWorker.serveIfRequested()  // in the child: serve renders, then exit
/// GraphvizRenderer.worker = RenderWorker()
/// ```
///
/// Requests and answers are length-prefixed frames on a Unix socket pair (the child's standard input and
/// output); the request carries the diagram as Graphviz sees it, so the child builds it through the cgraph
/// API with OrgGraph's id discipline and renders the same bytes as an in-process render.
public final class RenderWorker: @unchecked Sendable {
  /// The argument that makes a process a worker (see ``serveIfRequested(arguments:)``).
  public static let command = "__render-worker"

  /// The environment variable that makes a worker fail on purpose, for tests of containment: `abort` (the
  /// worker aborts on each request), `abort-after-answer` (it answers, then aborts, as Graphviz does when
  /// it fails while freeing a layout) or `hang` (it never answers).
  public static let faultVariable = "ORGRAPH_RENDER_WORKER_FAULT"

  /// The executable started as the worker.
  public let executable: String
  /// Its arguments (without the executable itself).
  public let arguments: [String]
  /// How long one render may take, in seconds, before the worker is stopped.
  public let timeout: Double

  private let lock = NSLock()
  private var pid: pid_t = 0
  private var socket: Int32 = -1

  /// A worker that runs `executable` (by default this program itself) with `arguments`.
  ///
  /// Nothing starts until the first render.
  public init(executable: String? = nil, arguments: [String] = [RenderWorker.command], timeout: Double = 60) {
    self.executable = executable ?? Self.currentExecutable
    self.arguments = arguments
    self.timeout = timeout
  }

  deinit { stop() }

  /// This program's executable: `/proc/self/exe` on Linux, so the worker is the same binary even when it
  /// was started through a relative path or a symbolic link.
  static var currentExecutable: String {
    #if os(Linux)
      return "/proc/self/exe"
    #else
      return Bundle.main.executablePath ?? CommandLine.arguments[0]
    #endif
  }

  // MARK: - The calling side

  /// Renders `graph` to `device` in the worker.
  package func render(_ graph: GraphvizGraph, device: String) throws(RenderError) -> Data {
    lock.lock()
    defer { lock.unlock() }
    let request: Data
    do {
      request = try JSONEncoder().encode(Request(device: device, graph: graph))
    } catch {
      throw .graphviz(stage: "preparing the layout", messages: "\(error)")
    }
    // A worker answers before Graphviz frees the layout, so one that dies while freeing has already
    // delivered; the render after it finds it dead — possibly only while sending, or while waiting. Such a
    // render is sent once more to a new worker: only a worker that dies on the diagram itself, twice, is a
    // crash of this render.
    var attempt = 0
    while true {
      attempt += 1
      if socket >= 0 { reapIfExited() }
      if socket < 0 { try start() }
      var received = Frames.Received.closed
      if Frames.sendFrame(request, on: socket) {
        received = Frames.receiveAnswer(on: socket, until: Date().addingTimeInterval(timeout))
      }
      switch received {
      case .answer(let ok, let data, let messages):
        if ok { return data }
        throw .graphviz(stage: messages.stage, messages: messages.text)
      case .closed:
        let why = finish(killing: false)
        if attempt < 2 { continue }
        throw .layoutFailed("Graphviz crashed while laying out this diagram (\(why))")
      case .timedOut:
        _ = finish(killing: true)
        throw .layoutFailed(
          "Graphviz took longer than \(String(format: "%g", timeout)) seconds to lay out this diagram and was stopped"
        )
      }
    }
  }

  /// Starts a worker process connected by a socket pair.
  private func start() throws(RenderError) {
    var pair: [Int32] = [-1, -1]
    guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &pair) == 0
    else {
      throw .layoutFailed("cannot start the layout helper: \(String(cString: strerror(errno)))")
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, pair[1], 0)
    posix_spawn_file_actions_adddup2(&actions, pair[1], 1)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { for p in argv { free(p) } }
    var child: pid_t = 0
    let status = posix_spawn(&child, executable, &actions, nil, argv, environ)
    close(pair[1])
    guard status == 0 else {
      close(pair[0])
      throw .layoutFailed(
        "cannot start the layout helper `\(executable)`: \(String(cString: strerror(status)))")
    }
    pid = child
    socket = pair[0]
  }

  /// Reaps and forgets the worker if it has exited.
  private func reapIfExited() {
    var status: Int32 = 0
    if pid > 0, waitpid(pid, &status, WNOHANG) == pid { forget() }
  }

  /// Stops (when `killing`) and reaps the worker; says how it ended.
  private func finish(killing: Bool) -> String {
    guard pid > 0 else { return "not running" }
    if killing { kill(pid, SIGKILL) }
    close(socket)
    socket = -1
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    forget()
    let signal = status & 0x7f
    if signal != 0 { return "signal \(signal)\(Self.signalNames[signal].map { ", " + $0 } ?? "")" }
    return "exit status \((status >> 8) & 0xff)"
  }

  private func forget() {
    if socket >= 0 { close(socket) }
    socket = -1
    pid = 0
  }

  /// Ends the worker, if one runs: closing its socket makes it exit.
  public func stop() {
    lock.lock()
    defer { lock.unlock() }
    if pid > 0 { _ = finish(killing: false) }
  }

  static let signalNames: [Int32: String] = [
    SIGABRT: "SIGABRT", SIGSEGV: "SIGSEGV", SIGBUS: "SIGBUS", SIGKILL: "SIGKILL", SIGILL: "SIGILL",
    SIGFPE: "SIGFPE", SIGTERM: "SIGTERM",
  ]

  // MARK: - The worker side

  /// When this process was started as a worker (its first argument is ``command``), serves render requests
  /// on standard input and output until the caller closes them, then exits; otherwise returns at once.
  public static func serveIfRequested(arguments: [String] = CommandLine.arguments) {
    guard arguments.dropFirst().first == command else { return }
    serve()
  }

  /// Serves render requests until standard input closes, then exits.
  public static func serve() -> Never {
    // Answers go to a private copy of standard output; anything else printed goes to standard error.
    let output = dup(1)
    dup2(2, 1)
    signal(SIGPIPE, SIG_IGN)
    let fault = ProcessInfo.processInfo.environment[faultVariable]
    while let frame = Frames.receiveRequest(on: 0) {
      if fault == "abort" { abort() }
      if fault == "hang" { while true { sleep(60) } }
      let answer: Data
      do {
        let request = try JSONDecoder().decode(Request.self, from: frame)
        var delivered = false
        // The answer is sent as soon as Graphviz has rendered, before it frees the layout: a failure while
        // freeing then costs the next render a new worker, not this render its result.
        _ = try GraphvizRenderer.renderInProcess(request.graph, device: request.device) { data in
          delivered = Frames.sendAll(
            Frames.answer(ok: true, data: data, messages: Messages(stage: "", text: "")), on: output)
        }
        if !delivered { exit(0) }
        if fault == "abort-after-answer" { abort() }
        continue
      } catch let error as RenderError {
        if case .graphviz(let stage, let messages) = error {
          answer = Frames.answer(ok: false, data: Data(), messages: Messages(stage: stage, text: messages))
        } else {
          answer = Frames.answer(
            ok: false, data: Data(), messages: Messages(stage: "layout", text: error.description))
        }
      } catch {
        answer = Frames.answer(
          ok: false, data: Data(), messages: Messages(stage: "reading the request", text: "\(error)"))
      }
      guard Frames.sendAll(answer, on: output) else { exit(0) }
    }
    exit(0)
  }

  // MARK: - Messages

  struct Request: Codable {
    var device: String
    var graph: GraphvizGraph
  }

  struct Messages: Codable {
    var stage: String
    var text: String
  }
}

/// Length-prefixed frames on a socket: a request is a 4-byte length and JSON; an answer is one status byte,
/// the rendered bytes, and Graphviz's messages as JSON, each with a 4-byte length.
enum Frames {
  enum Received {
    case answer(ok: Bool, data: Data, messages: RenderWorker.Messages)
    case closed
    case timedOut
  }

  /// The largest frame accepted: 1 GiB, far above any diagram.
  static let maximumLength = 1 << 30

  static func lengthPrefix(_ count: Int) -> Data {
    let n = UInt32(clamping: count)
    return Data([UInt8(n >> 24), UInt8((n >> 16) & 0xff), UInt8((n >> 8) & 0xff), UInt8(n & 0xff)])
  }

  static func length(_ prefix: Data) -> Int { prefix.reduce(0) { $0 << 8 | Int($1) } }

  static func sendFrame(_ payload: Data, on fd: Int32) -> Bool {
    sendAll(lengthPrefix(payload.count) + payload, on: fd)
  }

  static func answer(ok: Bool, data: Data, messages: RenderWorker.Messages) -> Data {
    let text = (try? JSONEncoder().encode(messages)) ?? Data()
    return Data([ok ? 0 : 1]) + lengthPrefix(data.count) + data + lengthPrefix(text.count) + text
  }

  /// Writes all of `data`; false when the other side is gone (never SIGPIPE: `MSG_NOSIGNAL`).
  static func sendAll(_ data: Data, on fd: Int32) -> Bool {
    data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Bool in
      guard let base = buffer.baseAddress else { return true }
      var offset = 0
      while offset < buffer.count {
        let n = send(fd, base + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
        if n < 0 && errno == EINTR { continue }
        guard n > 0 else { return false }
        offset += n
      }
      return true
    }
  }

  /// Exactly `count` bytes, waiting until `deadline` (for ever when `nil`); or why not.
  static func read(_ count: Int, on fd: Int32, until deadline: Date?) -> Result<Data, Failure> {
    var out = Data(count: count)
    var offset = 0
    while offset < count {
      if let deadline {
        let left = deadline.timeIntervalSinceNow
        guard left > 0 else { return .failure(.timedOut) }
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let ready = poll(&p, 1, Int32(min(left * 1000, 60_000)) + 1)
        if ready <= 0 { continue }  // interrupted, or not yet: the deadline decides
      }
      let n = out.withUnsafeMutableBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return 0 }
        return recv(fd, base + offset, count - offset, 0)
      }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { return .failure(.closed) }
      offset += n
    }
    return .success(out)
  }

  enum Failure: Error {
    case closed, timedOut
  }

  /// One length-prefixed part.
  static func part(on fd: Int32, until deadline: Date?) -> Result<Data, Failure> {
    read(4, on: fd, until: deadline).flatMap { prefix in
      let count = length(prefix)
      return count <= maximumLength ? read(count, on: fd, until: deadline) : .failure(.closed)
    }
  }

  /// A request's payload, or `nil` when the socket closed.
  static func receiveRequest(on fd: Int32) -> Data? {
    try? part(on: fd, until: nil).get()
  }

  /// An answer.
  static func receiveAnswer(on fd: Int32, until deadline: Date) -> Received {
    do {
      let status = try read(1, on: fd, until: deadline).get()
      let data = try part(on: fd, until: deadline).get()
      let text = try part(on: fd, until: deadline).get()
      let messages =
        (try? JSONDecoder().decode(RenderWorker.Messages.self, from: text))
        ?? RenderWorker.Messages(stage: "layout", text: "")
      return .answer(ok: status.first == 0, data: data, messages: messages)
    } catch .timedOut {
      return .timedOut
    } catch {
      return .closed
    }
  }
}
