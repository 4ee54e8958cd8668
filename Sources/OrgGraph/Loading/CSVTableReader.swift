import Foundation

/// Reads the CSV tables of a graph folder — people, the levels they hold, their assessments, or any other
/// kind or edge type — straight into a builder's columns.
///
/// A table is named after what it holds: a kind (`people.csv` or `person.csv`) or an edge type
/// (`assessed.csv`). Its header names the columns: `id`, `name` and the kind's properties for nodes; `from`,
/// `to` and the edge type's properties for edges. Rows are read from bytes, a large file in chunks with both
/// halves of each chunk parsed at once; ids resolve through the builder's index. docs/graph-format.md,
/// "CSV tables", is the reference.
struct CSVTableReader {
  /// One table file: where it is, and what diagnostics call it.
  struct File {
    var url: URL
    var shown: String
  }

  /// What a table holds.
  enum Target {
    case nodes(kind: Int)
    case edges(type: Int)
  }

  /// At most this many errors are reported per file; the rest of the file is not read.
  static let errorLimit = 10
  /// A row longer than this is refused (bounded memory for a file that is not a table).
  static let longestRow = 1 << 20
  /// Bytes read at a time.
  static let chunkSize = 16 << 20

  var builder: GraphBuilder
  var diagnostics: [Diagnostic] = []
  /// Called with the bytes read so far, across all tables.
  var progress: ((Int) -> Void)?
  var bytesRead = 0
  /// The node ids by bytes, while edge tables are read.
  var lookup: IDLookup?
  /// The load's time budget, asked before each chunk.
  var deadline = LoadDeadline.none
  /// Whether the budget ran out: nothing more is read.
  var stopped = false

  /// What the file's name says it holds, or a diagnostic.
  static func target(of file: File, schema: Schema) -> Result<Target, Diagnostic> {
    let stem = (file.url.lastPathComponent as NSString).deletingPathExtension.lowercased()
    if let k = schema.kinds.firstIndex(where: { $0.name == stem || $0.plural == stem }) {
      return .success(.nodes(kind: k))
    }
    if let t = schema.edgeTypeNumber(stem) { return .success(.edges(type: t)) }
    let names = schema.kinds.map(\.plural) + schema.edgeTypes.map(\.name)
    return .failure(
      Diagnostic(
        code: .G005, message: "`\(file.shown)` is named after no kind or edge type",
        range: SourceRange(file: file.shown, line: 1, column: 1),
        help: Suggestions.didYouMean(stem, in: names, written: { "\($0).csv" }),
        notes: [
          "a CSV table is named after what it holds: `people.csv` (a kind) or `assessed.csv` (an edge type)"
        ]))
  }

  /// Reads node tables, in order.
  mutating func readNodes(_ files: [(File, Int)]) {
    for (file, kind) in files where !stopped { read(file, target: .nodes(kind: kind)) }
  }

  /// Reads edge tables, in order.
  mutating func readEdges(_ files: [(File, Int)]) {
    guard !files.isEmpty else { return }
    // Every node exists now: their ids, laid out for lookups by bytes from both threads.
    lookup = IDLookup(builder.nodeIDs)
    for (file, type) in files where !stopped { read(file, target: .edges(type: type)) }
    // The graph takes the same table and index as its own (no node is added after the edge tables).
    builder.idLookup = lookup
    lookup = nil
  }

  // MARK: - Files

  private mutating func read(_ file: File, target: Target) {
    guard let handle = FileHandle(forReadingAtPath: file.url.path) else {
      diagnostics.append(
        Diagnostic(
          code: .G001, message: "cannot read `\(file.shown)`",
          range: SourceRange(file: file.shown, line: 1, column: 1),
          help: ["check that the file exists and that you may read it"]))
      return
    }
    defer { try? handle.close() }
    if case .nodes = target, let size = try? file.url.resourceValues(forKeys: [.fileSizeKey]).fileSize {
      // Room for the rows the file can hold (at least 20 bytes each), so that the id index is not rehashed
      // as it grows past a million.
      builder.reserveNodes(size / 20)
    }
    var table: TableReader?
    var pending: [UInt8] = []
    var line = 1
    var errors = 0
    var ended = false
    while !ended {
      if deadline.passed {
        diagnostics.append(deadline.diagnostic(during: "reading `\(file.shown)`"))
        stopped = true
        return
      }
      let data = (try? handle.read(upToCount: Self.chunkSize)) ?? Data()
      ended = data.isEmpty
      bytesRead += data.count
      progress?(bytesRead)
      pending.append(contentsOf: data)
      // Whole lines only; the rest waits for the next chunk (or is the last line).
      var end = pending.count
      if !ended {
        guard let newline = pending.lastIndex(of: 10) else {
          if pending.count > Self.longestRow {
            diagnostics.append(
              Diagnostic(
                code: .G005, message: "`\(file.shown)` has a row longer than 1 MiB",
                range: SourceRange(file: file.shown, line: line, column: 1),
                help: ["a CSV table keeps each row on one line; is this file a table?"]))
            return
          }
          continue
        }
        end = newline + 1
      }
      if pending.isEmpty { break }
      let problems: [Diagnostic] = pending.withUnsafeBufferPointer { all in
        var chunk = UnsafeBufferPointer(rebasing: all[0..<end])
        if table == nil {
          // The header: the first line, after a byte-order mark.
          if chunk.starts(with: [0xEF, 0xBB, 0xBF]) { chunk = UnsafeBufferPointer(rebasing: chunk[3...]) }
          let headerEnd = chunk.firstIndex(of: 10) ?? chunk.count
          let header = UnsafeBufferPointer(rebasing: chunk[0..<headerEnd])
          switch TableReader.make(header: header, file: file.shown, target: target, builder: builder) {
          case .success(let reader): table = reader
          case .failure(let diagnostic): return [diagnostic]
          }
          line += 1
          chunk = UnsafeBufferPointer(rebasing: chunk[min(headerEnd + 1, chunk.count)...])
        }
        guard var reader = table else { return [] }
        let result = reader.read(chunk, firstLine: line, builder: &builder, lookup: lookup)
        table = reader
        line = result.nextLine
        return result.diagnostics
      }
      pending.removeSubrange(0..<end)
      if !problems.isEmpty {
        diagnostics += problems.prefix(Self.errorLimit - errors)
        errors += problems.count
        if errors >= Self.errorLimit || table == nil {
          if errors >= Self.errorLimit, var last = diagnostics.popLast() {
            last.notes.append("stopped reading `\(file.shown)` after \(Self.errorLimit) errors")
            diagnostics.append(last)
          }
          return
        }
      }
    }
    if table == nil {
      diagnostics.append(
        Diagnostic(
          code: .G005, message: "`\(file.shown)` is empty: a CSV table needs a header row",
          range: SourceRange(file: file.shown, line: 1, column: 1),
          help: [target.headerHelp(schema: builder.schema)]))
    }
  }
}

extension CSVTableReader.Target {
  func headerHelp(schema: Schema) -> String {
    switch self {
    case .nodes(let k):
      let extra = schema.kinds[k].properties.map(\.name).filter { $0 != "name" }
      return "start it with `id,name` and any of: " + extra.joined(separator: ", ")
    case .edges(let t):
      // `origin` is OrgGraph's to set: everything in a file is declared.
      let extra = schema.edgeTypes[t].properties.map(\.name).filter { $0 != "origin" }
      return "start it with `from,to`"
        + (extra.isEmpty ? "" : " and any of: " + extra.joined(separator: ", "))
    }
  }
}
