import Foundation

/// The fuzz target chosen by `ORGRAPH_FUZZ_TARGET` (default `query`).
let selectedTarget = FuzzTarget(
  rawValue: ProcessInfo.processInfo.environment["ORGRAPH_FUZZ_TARGET"] ?? "query")

#if FUZZING
  /// libFuzzer's entry point: one input to the selected target.
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let bytes, let target = selectedTarget else { return 0 }
    target.run(Data(bytes: bytes, count: count))
    return 0
  }

  @_silgen_name("LLVMFuzzerRunDriver")
  func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
  ) -> CInt

  /// SwiftPM links an executable's `main` to its module's own: hand the command line to libFuzzer's driver.
  @main
  struct Fuzz {
    static func main() {
      guard selectedTarget != nil else {
        FileHandle.standardError.write(
          Data(
            "orgraph-fuzz: ORGRAPH_FUZZ_TARGET is one of \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n"
              .utf8))
        exit(64)
      }
      var argc = CommandLine.argc
      var argv = CommandLine.unsafeArgv
      exit(runFuzzerDriver(&argc, &argv, fuzzOneInput))
    }
  }
#else
  /// Without libFuzzer: replays the files (or every file of the folders) named on the command line
  /// through the selected target — how a crash the fuzzer found is reproduced, and how the tests replay
  /// the corpus.
  @main
  struct Replay {
    static func main() {
      guard let target = selectedTarget else {
        FileHandle.standardError.write(
          Data(
            "orgraph-fuzz: ORGRAPH_FUZZ_TARGET is one of \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n"
              .utf8))
        exit(64)
      }
      var count = 0
      for path in CommandLine.arguments.dropFirst() {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
        let files =
          isFolder.boolValue
          ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map {
            path + "/" + $0
          }
          : [path]
        for file in files {
          guard let data = FileManager.default.contents(atPath: file) else { continue }
          target.run(data)
          count += 1
        }
      }
      print("replayed \(count) inputs through \(target.rawValue)")
    }
  }
#endif
