import Foundation
import Testing

/// Runs the built `orgraph` the way a user does, from any working directory.
enum Tool {
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
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
    // With merged output nothing writes to `err`: reading it would wait forever.
    let stderrData = mergeOutput ? Data() : err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      stdout: String(decoding: stdoutData, as: UTF8.self),
      stderr: String(decoding: stderrData, as: UTF8.self),
      status: process.terminationStatus)
  }
}
