import Foundation
import Yams

/// Reads YAML files into a builder, collecting every diagnostic.
struct YAMLGraphReader {
  var diagnostics: [Diagnostic] = []
  var builder = GraphBuilder()
  var pendingEdges: [PendingEdge] = []
  /// Edge types and the items that declared them, for positions of inline nodes.
  var documentIDs: Set<String> = []
  /// Whether a CSV table could not be read: the graph is then incomplete, and its structural checks (levels
  /// on no ladder …) would only repeat the table's errors.
  var tablesFailed = false
  /// Told how far the tables have been read and when each phase ends.
  var progress: LoadProgress.Handler?
  /// How many unknown ids have had a "did you mean" worked out (the first hundred do).
  var suggestionsMade = 0
  /// The load's time budget.
  var deadline = LoadDeadline.none
  /// Whether the budget ran out; the load then reports that alone.
  var stopped = false

  struct PendingEdge {
    var type: String
    var from: Reference
    var to: Reference
    var properties: [String: Value]
    var nodeLists: [String: (Node, YAMLFile)]
    var range: SourceRange
  }

  enum Reference {
    case node(NodeID)
    case id(String, SourceRange)
  }

  mutating func error(
    _ code: DiagnosticCode, _ message: String, at range: SourceRange?, label: String? = nil,
    help: [String] = [],
    notes: [String] = []
  ) {
    diagnostics.append(
      Diagnostic(code: code, message: message, range: range, label: label, help: help, notes: notes))
  }

  mutating func read(
    _ inputs: [(path: String, text: String)], tables: [CSVTableReader.File] = [],
    progress: LoadProgress.Handler? = nil
  ) -> Result<Graph, DiagnosticList> {
    self.progress = progress
    var files: [YAMLFile] = []
    for (path, text) in inputs {
      if outOfTime("reading `\(path)`") { return stoppedResult() }
      do {
        files.append(YAMLFile(path: path, text: text, root: try Yams.compose(yaml: text)))
      } catch let error as YamlError {
        diagnostics.append(Self.diagnostic(for: error, path: path))
      } catch {
        self.error(
          .G001, "`\(path)` is not valid YAML: \(error)", at: SourceRange(file: path, line: 1, column: 1))
      }
    }
    // The manifest.
    let manifests = files.filter { file in
      if case .mapping(let m)? = file.root { return m.keys.contains { $0.scalarText == "orgraph" } }
      return false
    }
    var manifestFile: YAMLFile?
    if manifests.isEmpty {
      if diagnostics.isEmpty || !files.isEmpty {
        self.error(
          .G002, "the graph has no manifest",
          at: files.first.map { SourceRange(file: $0.path, line: 1, column: 1) },
          help: ["add a file `orgraph.yaml` with `orgraph: 1` and `name: …`"],
          notes: ["the manifest is the one file whose top level has the key `orgraph:`"])
      }
    } else {
      manifestFile = manifests[0]
      for extra in manifests.dropFirst() {
        self.error(
          .G002, "a graph has one manifest, but `\(extra.path)` is a second one",
          at: SourceRange(file: extra.path, line: 1, column: 1), label: "second manifest",
          help: ["remove the `orgraph:` key from one of them"], notes: ["the first is `\(manifests[0].path)`"]
        )
      }
    }
    if let manifestFile { readManifest(manifestFile) }
    let manifestPaths = Set(manifests.map(\.path))
    for file in files {
      readDataFile(file, isManifest: manifestPaths.contains(file.path))
      if outOfTime("reading `\(file.path)`") { return stoppedResult() }
    }
    let unparsed = Set(diagnostics.filter { $0.code == .G001 }.compactMap { $0.range?.file })
    if tables.isEmpty {
      resolvePendingEdges()
    } else {
      readTables(tables, progress: progress)
    }
    if outOfTime("resolving edges") { return stoppedResult() }
    if !unparsed.isEmpty { quietUnknownIDs(unparsed: unparsed) }
    return finish()
  }

  /// Reads CSV tables: node tables before the YAML files' edges resolve (they may name people), edge tables
  /// after. Edge tables are skipped when a node table failed, whose missing rows would make every edge that
  /// names them an error too.
  mutating func readTables(_ tables: [CSVTableReader.File], progress: LoadProgress.Handler?) {
    var nodes: [(CSVTableReader.File, Int)] = []
    var edges: [(CSVTableReader.File, Int)] = []
    var misnamedNodes = false
    for file in tables {
      switch CSVTableReader.target(of: file, schema: builder.schema) {
      case .success(.nodes(let k)): nodes.append((file, k))
      case .success(.edges(let t)): edges.append((file, t))
      case .failure(let diagnostic):
        diagnostics.append(diagnostic)
        // A misnamed table whose header starts with `id` held nodes (perhaps the people).
        let head = (try? FileHandle(forReadingFrom: file.url).read(upToCount: 64)).flatMap { $0 }
        if let head, String(decoding: head, as: UTF8.self).lowercased().hasPrefix("id,") {
          misnamedNodes = true
        }
      }
    }
    let total = tables.reduce(0) { sum, file in
      sum + ((try? file.url.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0)
    }
    var trace = LoadTrace(progress)
    var reader = CSVTableReader(builder: builder)
    reader.deadline = deadline
    builder = GraphBuilder()
    if let progress { reader.progress = { progress(LoadProgress(bytesRead: $0, totalBytes: total)) } }
    reader.readNodes(nodes)
    trace.mark("node tables")
    builder = reader.builder
    diagnostics += reader.diagnostics
    if reader.stopped { stopped = true }
    if outOfTime("reading the node tables") { return }
    resolvePendingEdges()
    // A node table that failed, or a table named after nothing (perhaps the people, misnamed), leaves nodes
    // out: the edge tables would only report every row that names them.
    guard reader.diagnostics.isEmpty && !misnamedNodes else {
      tablesFailed = true
      if !edges.isEmpty,
        let last = diagnostics.lastIndex(where: {
          $0.code == .G005 || $0.range?.file?.hasSuffix(".csv") == true
        })
      {
        diagnostics[last].notes.append(
          "the edge tables (\(edges.map { "`\($0.0.url.lastPathComponent)`" }.joined(separator: ", "))) were not read: their rows would name the nodes this leaves out"
        )
      }
      return
    }
    reader.builder = builder
    builder = GraphBuilder()
    reader.readEdges(edges)
    trace.mark("edge tables")
    builder = reader.builder
    diagnostics += reader.diagnostics
    if reader.stopped { stopped = true }
    tablesFailed = !reader.diagnostics.isEmpty
  }

  /// A file that is not valid YAML defines none of its nodes, so every reference to them reads as an unknown
  /// id: one missing quote made 97 errors. Those consequences are folded into one note on the parse error.
  mutating func quietUnknownIDs(unparsed: Set<String>) {
    let unknown = diagnostics.filter { $0.code == .G201 }
    guard !unknown.isEmpty else { return }
    diagnostics.removeAll { $0.code == .G201 }
    guard let i = diagnostics.firstIndex(where: { $0.code == .G001 }) else { return }
    let files = unparsed.sorted().map { "`\($0)`" }.joined(separator: ", ")
    diagnostics[i].notes.append(
      "\(unknown.count) reference\(unknown.count == 1 ? "" : "s") to unknown ids not reported: they may be defined in \(files); fix this first"
    )
  }

  /// Checks the graph as a whole and builds it, or returns every diagnostic collected.
  mutating func finish() -> Result<Graph, DiagnosticList> {
    var trace = LoadTrace(progress)
    if outOfTime("checking the graph") { return stoppedResult() }
    if !tablesFailed { diagnostics += builder.structuralDiagnostics() }
    trace.mark("structural checks")
    if outOfTime("checking the graph") { return stoppedResult() }
    if !diagnostics.contains(where: { $0.severity == .error }) {
      let graph = builder.buildChecked()
      trace.mark("build")
      return .success(graph)
    }
    return .failure(DiagnosticList(Self.sorted(diagnostics)))
  }

  /// Whether the budget is spent (said once, as the load's error).
  mutating func outOfTime(_ phase: String) -> Bool {
    if stopped { return true }
    guard deadline.passed else { return false }
    stopped = true
    diagnostics.append(deadline.diagnostic(during: phase))
    return true
  }

  /// A stopped load reports only that it stopped: what it found so far is not the graph's whole story.
  func stoppedResult() -> Result<Graph, DiagnosticList> {
    .failure(DiagnosticList(diagnostics.filter { $0.code == .G007 }))
  }

  static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    diagnostics.enumerated().sorted { a, b in
      let ka = (a.element.range?.file ?? "", a.element.range?.start ?? SourceLocation(line: 0, column: 0))
      let kb = (b.element.range?.file ?? "", b.element.range?.start ?? SourceLocation(line: 0, column: 0))
      if ka.0 != kb.0 { return ka.0 < kb.0 }
      if ka.1 != kb.1 { return ka.1 < kb.1 }
      return a.offset < b.offset
    }.map(\.element)
  }

  static func diagnostic(for error: YamlError, path: String) -> Diagnostic {
    func range(_ mark: Mark) -> SourceRange { SourceRange(file: path, line: mark.line, column: mark.column) }
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      var notes: [String] = []
      if let context, problem.contains("end of stream") {
        // The end of the file is no place to look: point at what was left open.
        var what = context.text.replacingOccurrences(of: "while scanning a ", with: "")
          .replacingOccurrences(of: "while parsing a ", with: "")
        what =
          [
            "quoted scalar": "quoted string", "flow sequence": "`[` list", "flow mapping": "`{` mapping",
          ][what] ?? what
        return Diagnostic(
          code: .G001, message: "this \(what) is never closed", range: range(context.mark),
          label: "opened here", help: [yamlHint(problem)].compactMap { $0 },
          notes: ["the file ended at line \(mark.line) while the YAML parser was still inside it"])
      }
      if let context { notes.append("\(context.text) at \(context.mark.line):\(context.mark.column)") }
      return Diagnostic(
        code: .G001, message: "this is not valid YAML: \(problem)", range: range(mark),
        label: "the YAML parser stopped here",
        help: [yamlHint(problem)].compactMap { $0 }, notes: notes)
    case .duplicatedKeysInMapping(let duplicates, let context):
      return Diagnostic(
        code: .G001, message: "a mapping repeats the key `\(duplicates.first ?? "")`",
        range: range(context.mark), label: "repeated key",
        help: ["keep one of the two; for several values use a list: `key: [a, b]`"])
    case .reader(let problem, _, _, _):
      return Diagnostic(
        code: .G001, message: "`\(path)` cannot be read as YAML: \(problem)",
        range: SourceRange(file: path, line: 1, column: 1), help: ["save the file as UTF-8 text"])
    default:
      return Diagnostic(
        code: .G001, message: "`\(path)` is not valid YAML: \(error)",
        range: SourceRange(file: path, line: 1, column: 1))
    }
  }

  static func yamlHint(_ problem: String) -> String? {
    if problem.contains("mapping values are not allowed") {
      return "a value containing `: ` must be quoted: `text: \"Key: value\"`"
    }
    if problem.contains("found character that cannot start any token") {
      return "a value starting with `@`, `` ` `` or `%` must be quoted"
    }
    if problem.contains("did not find expected key") || problem.contains("did not find expected '-'") {
      return "check the indentation of this line against the lines above it"
    }
    if problem.contains("found unexpected end of stream") || problem.contains("unexpected end") {
      return "close it with the matching quote or bracket"
    }
    if problem.contains("tab") { return "YAML indents with spaces, not tabs" }
    return nil
  }
}
