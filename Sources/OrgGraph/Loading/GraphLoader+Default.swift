import Foundation

extension GraphLoader {
  /// The files of the default graph (`Graph/` in the OrgGraph repository), embedded in the library when
  /// it was built, so it is found wherever a program using it is copied. Paths start with `Graph/`.
  public static var defaultGraphFiles: [(path: String, text: String)] {
    embeddedDefaultGraphFiles.compactMap { file in
      guard let data = Data(base64Encoded: file.base64), let text = String(data: data, encoding: .utf8) else {
        return nil
      }
      return ("Graph/" + file.path, text)
    }
  }

  private static let defaultGraph: Result<Graph, GraphLoadFailure> = {
    do throws(GraphLoadFailure) {
      return .success(try load(files: defaultGraphFiles))
    } catch {
      return .failure(error)
    }
  }()

  /// The default graph, loaded once per process from the files embedded in the library.
  ///
  /// - Throws: ``GraphLoadFailure`` only if the embedded files are broken (the project's tests keep them
  ///   sound).
  public static func loadDefault() throws(GraphLoadFailure) -> Graph {
    try defaultGraph.get()
  }

  /// The graph at `path` (a Graph folder, a snapshot or a JSON export), or the default graph when `path` is `nil` —
  /// what `--graph` means on the command line and in the examples.
  ///
  /// `timeout` is the load's budget in seconds (`nil` or 0: none), as ``load(path:progress:timeout:)`` takes it.
  public static func load(
    pathOrDefault path: String?, progress: LoadProgress.Handler? = nil, timeout: Double? = nil
  ) throws(GraphLoadFailure) -> Graph {
    if let path { return try load(path: path, progress: progress, timeout: timeout) }
    return try loadDefault()
  }
}
