import Foundation
import Testing

/// What a reader thread read.
final class Box: @unchecked Sendable {
  var data = Data()
  let done = DispatchSemaphore(value: 0)
}

/// Runs the built `orgraph` the way a user does, from any working directory.
enum Tool {
  /// Runs any executable in `directory`; returns its standard output and error together, and its status.
  static func runMerged(_ executable: URL, _ arguments: [String], in directory: URL) throws -> (String, Int32)
  {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let out = Pipe()
    process.standardOutput = out
    process.standardError = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (String(decoding: data, as: UTF8.self), process.terminationStatus)
  }

  /// The `orgraph` executable SwiftPM built next to the test bundle.
  static let executable: URL? = BuiltProducts.executable("orgraph")

  struct Result {
    var stdout: String
    var stderr: String
    var status: Int32
  }

  static func run(
    _ arguments: [String], in directory: URL? = nil, stdin: String? = nil, mergeOutput: Bool = false,
    environment extra: [String: String] = [:]
  ) throws -> Result {
    let process = Process()
    process.executableURL = try #require(executable, "orgraph was not built next to the tests")
    process.arguments = arguments
    process.currentDirectoryURL = directory ?? FileManager.default.temporaryDirectory
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    for (k, v) in extra { environment[k] = v }
    process.environment = environment
    let out = Pipe()
    let err = Pipe()
    let input = Pipe()
    process.standardOutput = out
    process.standardError = mergeOutput ? out : err
    process.standardInput = input
    try process.run()
    // Input is written, and standard error read, on threads of their own: a program that fills one pipe
    // while the test waits on another would otherwise never finish.
    let writer = Thread {
      if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
      try? input.fileHandleForWriting.close()
    }
    writer.start()
    let stderrBox = Box()
    let reader = Thread {
      // With merged output nothing writes to `err`: reading it would wait forever.
      stderrBox.data = mergeOutput ? Data() : err.fileHandleForReading.readDataToEndOfFile()
      stderrBox.done.signal()
    }
    reader.start()
    let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
    stderrBox.done.wait()
    let stderrData = stderrBox.data
    process.waitUntilExit()
    return Result(
      stdout: String(decoding: stdoutData, as: UTF8.self),
      stderr: String(decoding: stderrData, as: UTF8.self),
      status: process.terminationStatus)
  }
}
