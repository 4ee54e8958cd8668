import Foundation
import Testing

/// Scripts of queries, meta-commands and mistakes piped into `orgraph`, whole output (stdout and stderr as
/// they interleave) compared with golden files, ending with the exit status.
@Suite("Piped transcripts")
struct TranscriptTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(
    path: "Transcripts")

  static var scripts: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".in") }
      .sorted()
  }

  @Test(arguments: scripts)
  func transcript(_ name: String) throws {
    let input = try String(contentsOf: Self.folder.appending(path: name), encoding: .utf8)
    let result = try Tool.run([], in: Paths.repository, stdin: input, mergeOutput: true)
    Golden.check(
      result.stdout + "[exit \(result.status)]\n",
      at: Self.folder.appending(path: name.replacingOccurrences(of: ".in", with: ".out")))
  }

  @Test func noBannerWhenPiped() throws {
    let result = try Tool.run([], stdin: "roles | count\n")
    #expect(!result.stdout.contains("OrgGraph 0.1.0"))
    #expect(result.status == 0)
  }
}
