import Foundation
import Testing

/// Runs an example program the way a user does, from any working directory: the executables SwiftPM
/// built next to the test bundle.
enum Example {
  /// The executable called `name` next to the test bundle, if it was built.
  static func executable(_ name: String) -> URL? { BuiltProducts.executable(name) }

  struct Result {
    var stdout: String
    var stderr: String
    var status: Int32
  }

  /// Runs the example `name` with `arguments` in `directory` (a temporary folder by default).
  static func run(_ name: String, _ arguments: [String] = [], in directory: URL? = nil) throws -> Result {
    let process = Process()
    process.executableURL = try #require(executable(name), "\(name) was not built next to the tests")
    process.arguments = arguments
    process.currentDirectoryURL = directory ?? FileManager.default.temporaryDirectory
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    process.environment = environment
    // Standard error goes to a file, so the program never blocks on a full pipe that nobody reads.
    let errorFile = FileManager.default.temporaryDirectory.appending(path: "example-\(UUID().uuidString).err")
    FileManager.default.createFile(atPath: errorFile.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: errorFile) }
    let out = Pipe()
    let err = try FileHandle(forWritingTo: errorFile)
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try err.close()
    let stderrData = (try? Data(contentsOf: errorFile)) ?? Data()
    return Result(
      stdout: String(decoding: stdoutData, as: UTF8.self),
      stderr: String(decoding: stderrData, as: UTF8.self),
      status: process.terminationStatus)
  }
}
