import Foundation
import Yams

/// Loads graphs: Graph folders of YAML files, single YAML texts, and JSON exports.
///
/// ```swift
/// let graph = try GraphLoader.load(path: "Graph")        // a folder, or a file written by `export`
/// let graph = try GraphLoader.loadDefault()              // the default graph, embedded in the library
/// ```
///
/// A load reports every error it finds at once, as a ``GraphLoadFailure`` whose diagnostics carry
/// `file:line:column`, what was expected, and a fix where there is one.
public enum GraphLoader {
  /// Loads a Graph folder, or a JSON file written by ``Graph/exportJSON()``, from `path`.
  ///
  /// `timeout` bounds the load in seconds (`nil` or 0: no limit): past it, the load stops with a G007 error
  /// and nothing else — the tool gives a load the budget its `--timeout` gives queries. `isCancelled` is
  /// asked as often as the clock; `true` stops the load the same way (Ctrl-C in the shell).
  public static func load(
    path: String, progress: LoadProgress.Handler? = nil, timeout: Double? = nil,
    isCancelled: (@Sendable () -> Bool)? = nil
  ) throws(GraphLoadFailure) -> Graph {
    let deadline = LoadDeadline(seconds: timeout, isCancelled: isCancelled)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw GraphLoadFailure(diagnostics: [
        Diagnostic(
          code: .G002, message: "there is no graph at `\(path)`",
          help: [
            "pass a Graph folder of YAML files or a .json file written by `orgraph export --format json`"
          ])
      ])
    }
    if isDirectory.boolValue { return try load(folder: path, progress: progress, deadline: deadline) }
    let suffix = (path as NSString).pathExtension.lowercased()
    if suffix == "orgsnap" { return try GraphSnapshot.open(path: path) }
    if let snapshot = try GraphSnapshot.openIfSnapshot(path: path) { return snapshot }
    guard ["json", "yaml", "yml"].contains(suffix) else {
      throw GraphLoadFailure(diagnostics: [
        Diagnostic(
          code: .G002, message: "`\(path)` is not a graph",
          help: [
            "pass a Graph folder (YAML files and CSV tables), one .yaml file, a snapshot written by `orgraph snapshot`, or a .json file written by `orgraph export`"
          ])
      ])
    }
    let text: String
    switch readText(URL(fileURLWithPath: path), shown: path) {
    case .success(let t): text = t
    case .failure(let diagnostic): throw GraphLoadFailure(diagnostics: [diagnostic])
    }
    try deadline.check(during: "reading `\(path)`")
    if path.lowercased().hasSuffix(".json") { return try loadJSON(text, path: path) }
    return try load(files: [(path, text)], deadline: deadline)
  }

  /// Loads every `*.yaml` and `*.yml` file under `folder` (sorted by path; hidden names skipped), and every
  /// `*.csv` table (docs/graph-format.md, "CSV tables").
  ///
  /// Sub-folders that are symbolic links are followed, each real folder once, so a link that leads back
  /// up the tree is read once and never loops. `progress` hears how far the tables have been read.
  public static func load(folder: String, progress: LoadProgress.Handler? = nil, timeout: Double? = nil)
    throws(GraphLoadFailure) -> Graph
  {
    try load(folder: folder, progress: progress, deadline: LoadDeadline(seconds: timeout))
  }

  static func load(folder: String, progress: LoadProgress.Handler?, deadline: LoadDeadline)
    throws(GraphLoadFailure) -> Graph
  {
    let base = URL(fileURLWithPath: folder)
    let prefix = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
    var relative: [String] = []
    var tables: [String] = []
    var diagnostics: [Diagnostic] = []
    var visited: Set<String> = [base.resolvingSymlinksInPath().path]
    var pending: [(url: URL, relative: String)] = [(base, "")]
    while let (url, under) = pending.popLast() {
      guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else {
        guard !under.isEmpty else {
          throw GraphLoadFailure(diagnostics: [
            Diagnostic(code: .G002, message: "cannot list the folder `\(folder)`")
          ])
        }
        // A sub-folder that cannot be read is said, not skipped.
        diagnostics.append(
          Diagnostic(
            code: .G001, message: "cannot list the folder `\(prefix)/\(under)`",
            help: ["check that you may read it, or move it out of the graph folder"]))
        continue
      }
      for name in names where !name.hasPrefix(".") {
        let child = url.appending(path: name)
        let path = under.isEmpty ? name : under + "/" + name
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: child.path, isDirectory: &isDirectory) else { continue }
        if isDirectory.boolValue {
          if visited.insert(child.resolvingSymlinksInPath().path).inserted { pending.append((child, path)) }
        } else if ["yaml", "yml"].contains(child.pathExtension.lowercased()) {
          relative.append(path)
        } else if child.pathExtension.lowercased() == "csv" {
          tables.append(path)
        }
      }
    }
    var files: [(String, String)] = []
    for path in relative.sorted() {
      try deadline.check(during: "reading `\(path)`")
      let shown = prefix == "." ? path : "\(prefix)/\(path)"
      switch readText(base.appending(path: path), shown: shown) {
      case .success(let text): files.append((shown, text))
      case .failure(let diagnostic): diagnostics.append(diagnostic)
      }
    }
    if files.isEmpty && diagnostics.isEmpty {
      throw GraphLoadFailure(diagnostics: [
        Diagnostic(
          code: .G002, message: "the folder `\(folder)` holds no .yaml files",
          help: ["a Graph folder needs at least a manifest, `orgraph.yaml`, with `orgraph: 1` and `name:`"],
          notes: ["docs/graph-format.md describes the format"])
      ])
    }
    let csv = tables.sorted().map { path in
      CSVTableReader.File(url: base.appending(path: path), shown: prefix == "." ? path : "\(prefix)/\(path)")
    }
    let graph: Graph
    var loader = YAMLGraphReader()
    loader.deadline = deadline
    switch loader.read(files, tables: csv, progress: progress) {
    case .success(let built): graph = built
    case .failure(let list):
      throw GraphLoadFailure(
        diagnostics: diagnostics + list.diagnostics,
        sources: Dictionary(files.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a }))
    }
    // The files that could be read make a graph, but not the whole one: a file or folder that could not be
    // read is an error, not something to drop silently.
    guard diagnostics.isEmpty else {
      throw GraphLoadFailure(
        diagnostics: diagnostics, sources: Dictionary(files, uniquingKeysWith: { a, _ in a }))
    }
    return graph
  }

  /// Loads a graph from YAML texts: `path` is what diagnostics show, `text` the file's contents.
  public static func load(files: [(path: String, text: String)]) throws(GraphLoadFailure) -> Graph {
    try load(files: files, deadline: .none)
  }

  static func load(files: [(path: String, text: String)], deadline: LoadDeadline) throws(GraphLoadFailure)
    -> Graph
  {
    var loader = YAMLGraphReader()
    loader.deadline = deadline
    let sources = Dictionary(files.map { ($0.path, $0.text) }, uniquingKeysWith: { a, _ in a })
    switch loader.read(files) {
    case .success(let graph): return graph
    case .failure(let list): throw GraphLoadFailure(diagnostics: list.diagnostics, sources: sources)
    }
  }

  /// Loads a graph from one YAML text holding the manifest and the data sections.
  public static func load(yaml: String, path: String = "<yaml>") throws(GraphLoadFailure) -> Graph {
    try load(files: [(path, yaml)])
  }
}

extension GraphLoader {
  /// A file's text, or why it cannot be read: the system's reason (no permission, …), or, for bytes that are
  /// not UTF-8, the line and column of the first bad byte.
  static func readText(_ url: URL, shown: String) -> Result<String, Diagnostic> {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      let reason =
        FileManager.default.isReadableFile(atPath: url.path)
        ? ((error as NSError).localizedFailureReason ?? error.localizedDescription) : "permission denied"
      return .failure(
        Diagnostic(
          code: .G001, message: "cannot read `\(shown)`: \(reason)",
          range: SourceRange(file: shown, line: 1, column: 1),
          help: ["check that the file exists and that you may read it"]))
    }
    if let text = String(validating: data, as: UTF8.self) { return .success(text) }
    // Find the first byte that is not UTF-8, and say where it is.
    let bytes = [UInt8](data)
    var valid = bytes.count
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      let length = b < 0x80 ? 1 : b >> 5 == 0b110 ? 2 : b >> 4 == 0b1110 ? 3 : b >> 3 == 0b11110 ? 4 : 0
      if length == 0 || i + length > bytes.count
        || String(validating: bytes[i..<(i + length)], as: UTF8.self) == nil
      {
        valid = i
        break
      }
      i += length
    }
    let before = String(decoding: bytes[0..<valid], as: UTF8.self)
    let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
    let column =
      (before.split(separator: "\n", omittingEmptySubsequences: false).last?.unicodeScalars.count ?? 0) + 1
    let byte = valid < bytes.count ? String(format: "0x%02X", bytes[valid]) : "the end"
    return .failure(
      Diagnostic(
        code: .G001,
        message:
          "`\(shown)` is not UTF-8 text: the byte \(byte) at line \(line), column \(column) is not valid",
        range: SourceRange(file: shown, line: line, column: column), label: "not UTF-8",
        help: ["save the file as UTF-8"]))
  }
}
