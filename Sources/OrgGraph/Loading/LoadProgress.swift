import Foundation

/// How far a load has come, for a progress line.
public struct LoadProgress: Sendable {
  /// Called as tables are read, and as each phase of a load ends.
  public typealias Handler = @Sendable (LoadProgress) -> Void
  /// Bytes of CSV tables read so far.
  public var bytesRead: Int
  /// Bytes of CSV tables in all.
  public var totalBytes: Int
  /// The phase that just ended (`node tables`, `build` …) and the seconds it took, when this report is one
  /// of those: where the time of a large load goes (`ORGRAPH_TRACE_LOAD=1` makes the tool print them).
  public var finishedPhase: (name: String, seconds: Double)?

  /// How far the tables have been read.
  public init(bytesRead: Int, totalBytes: Int, finishedPhase: (name: String, seconds: Double)? = nil) {
    self.bytesRead = bytesRead
    self.totalBytes = totalBytes
    self.finishedPhase = finishedPhase
  }
}

/// The time each phase of a load takes, told to the load's progress handler as it ends; the library
/// prints nothing (the tool prints the phases with `ORGRAPH_TRACE_LOAD=1`, docs/performance.md).
struct LoadTrace {
  private var last = DispatchTime.now().uptimeNanoseconds
  private let progress: LoadProgress.Handler?

  init(_ progress: LoadProgress.Handler?) { self.progress = progress }

  mutating func mark(_ phase: String) {
    guard let progress else { return }
    let now = DispatchTime.now().uptimeNanoseconds
    progress(
      LoadProgress(bytesRead: 0, totalBytes: 0, finishedPhase: (phase, Double(now - last) / 1e9)))
    last = now
  }
}
