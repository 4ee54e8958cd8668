import Foundation

/// An edge type and the kinds it may leave and enter.
struct EdgeEnds: Sendable {
  let definition: EdgeTypeDefinition
  let fromKinds: [Bool]
  let toKinds: [Bool]
}

/// A table being read: its columns, and what each means.
struct TableReader {
  enum Column {
    case id, name, from, to
    /// An enum property stored as ranks: the case names as bytes.
    case rank(property: Int, cases: [[UInt8]], definition: EnumDefinition)
    case value(property: Int, definition: PropertyDefinition)
  }

  let file: String
  let target: CSVTableReader.Target
  let columns: [Column]
  let header: [String]
  /// The two halves' buffers, kept from chunk to chunk so that their memory is reused, not faulted in again.
  let halves = [Half(), Half()]
  /// For an edge table: the ids of the nodes its type may enter, looked up first.
  var targetLookup: IDLookup?

  static func make(
    header bytes: UnsafeBufferPointer<UInt8>, file: String, target: CSVTableReader.Target,
    builder: GraphBuilder
  ) -> Result<TableReader, Diagnostic> {
    var fields = Fields()
    let line = trimmedLine(bytes)
    if let problem = fields.split(line) {
      return .failure(
        Diagnostic(
          code: .G005, message: problem.message,
          range: SourceRange(file: file, line: 1, column: problem.column)))
    }
    let schema = builder.schema
    var names: [String] = []
    var columns: [Column] = []
    let properties: [PropertyDefinition]
    let required: [String]
    switch target {
    case .nodes(let k):
      properties = schema.kinds[k].properties
      required = ["id", "name"]
    case .edges(let t):
      properties = schema.edgeTypes[t].properties
      required = ["from", "to"]
    }
    for i in 0..<fields.count {
      let name = fields.text(i, in: line).trimmingCharacters(in: .whitespaces)
      let column = fields.ranges[i].start + 1
      if names.contains(name) {
        return .failure(
          Diagnostic(
            code: .G005, message: "the column `\(name)` is named twice",
            range: SourceRange(file: file, line: 1, column: column), help: ["keep one of the two"]))
      }
      names.append(name)
      switch name {
      case "id" where required.contains("id"): columns.append(.id)
      case "name" where required.contains("name"): columns.append(.name)
      case "from" where required.contains("from"): columns.append(.from)
      case "to" where required.contains("to"): columns.append(.to)
      case "origin" where required.contains("from"):
        return .failure(
          Diagnostic(
            code: .G005, message: "only `declared` edges are written in graph files",
            range: SourceRange(file: file, line: 1, column: column), label: "this column",
            help: [
              "remove the `origin` column: every edge of a table is declared, and derived edges are computed"
            ]))
      default:
        guard let p = properties.firstIndex(where: { $0.name == name }) else {
          let what: String
          switch target {
          case .nodes(let k): what = Grammar.a(schema.kinds[k].name) + " has"
          case .edges(let t): what = Grammar.a("`\(schema.edgeTypes[t].name)`") + " edge has"
          }
          return .failure(
            Diagnostic(
              code: .G005, message: "\(what) no property `\(name)`",
              range: SourceRange(file: file, line: 1, column: column), label: "this column",
              help: name.contains(";")
                ? ["separate the fields with commas, not semicolons"]
                : name.contains(":")
                  ? ["the first row is the header, which names the columns: add one above the data"]
                  : Suggestions.didYouMean(
                    name, in: required + properties.map(\.name).filter { $0 != "name" }),
              notes: [target.headerHelp(schema: schema)]))
        }
        if case .enumeration(let e) = properties[p].type, let definition = schema.enumDefinition(e),
          definition.cases.count < 255
        {
          columns.append(
            .rank(property: p, cases: definition.cases.map { Array($0.utf8) }, definition: definition))
        } else {
          columns.append(.value(property: p, definition: properties[p]))
        }
      }
    }
    for name in required where !names.contains(name) {
      return .failure(
        Diagnostic(
          code: .G005, message: "`\(file)` has no `\(name)` column",
          range: SourceRange(file: file, line: 1, column: 1),
          label: "the header", help: [target.headerHelp(schema: schema)]))
    }
    var reader = TableReader(file: file, target: target, columns: columns, header: names)
    if case .edges(let t) = target {
      reader.targetLookup = IDLookup.subset(of: builder, kinds: builder.edges[t].toKinds)
    }
    return .success(reader)
  }

  struct Outcome {
    var nextLine: Int
    var diagnostics: [Diagnostic]
  }

  /// Reads whole lines into the builder.
  mutating func read(
    _ chunk: UnsafeBufferPointer<UInt8>, firstLine: Int, builder: inout GraphBuilder, lookup: IDLookup?
  ) -> Outcome {
    switch target {
    case .nodes(let kind): return readNodes(chunk, firstLine: firstLine, kind: kind, builder: &builder)
    case .edges(let type):
      return readEdges(chunk, firstLine: firstLine, type: type, builder: &builder, lookup: lookup)
    }
  }

  // MARK: - Nodes

  private func readNodes(
    _ chunk: UnsafeBufferPointer<UInt8>, firstLine: Int, kind: Int, builder: inout GraphBuilder
  ) -> Outcome {
    var problems: [Diagnostic] = []
    let kindName = builder.schema.kinds[kind].name
    let properties = builder.schema.kinds[kind].properties
    let idColumn = columns.firstIndex { if case .id = $0 { return true } else { return false } } ?? 0
    let nameColumn = columns.firstIndex { if case .name = $0 { return true } else { return false } } ?? 0
    let prefix = Array((kindName + ":").utf8)
    let plain = columns.count == 2
    var fields = Fields()
    // Rows go straight into the builder: a row with a problem fails the whole load, so what was added
    // before it is never used.
    let next = Lines.forEach(in: chunk, firstLine: firstLine) { line, number in
      if let problem = rowProblem(&fields, line) {
        problems.append(diagnostic(problem.message, line: number, column: problem.column, help: problem.help))
        return problems.count < CSVTableReader.errorLimit
      }
      let idRange = fields.ranges[idColumn]
      guard let id = fields.validText(idColumn, in: line), let name = fields.validText(nameColumn, in: line)
      else {
        let bad = fields.validText(idColumn, in: line) == nil ? idColumn : nameColumn
        problems.append(notUTF8(line: number, column: fields.ranges[bad].start + 1))
        return problems.count < CSVTableReader.errorLimit
      }
      let idBytes = UnsafeBufferPointer(rebasing: line[idRange.start..<idRange.end])
      if idRange.quoted || !Self.wellFormed(idBytes, prefix: prefix),
        let problem = GraphBuilder.idProblem(id, kind: kindName)
      {
        problems.append(
          Diagnostic(
            code: .G203, message: problem.message,
            range: SourceRange(file: file, line: number, column: idRange.start + 1), help: problem.help))
        return problems.count < CSVTableReader.errorLimit
      }
      if name.isEmpty {
        problems.append(
          diagnostic(
            "`\(id)` has no name", line: number, column: fields.ranges[nameColumn].start + 1,
            help: "every node needs a name: fill in the `name` column"))
        return problems.count < CSVTableReader.errorLimit
      }
      var stored: [String: Value] = [:]
      if !plain {
        for (i, column) in columns.enumerated() {
          switch column {
          case .rank(let p, _, let definition):
            let text = fields.text(i, in: line)
            guard !text.isEmpty else { continue }
            guard let c = builder.schema.enumCase(text, in: definition.name) else {
              problems.append(badCase(text, definition, line: number, column: fields.ranges[i].start + 1))
              return problems.count < CSVTableReader.errorLimit
            }
            stored[properties[p].name] = .enumCase(c)
          case .value(_, let definition):
            guard let text = fields.validText(i, in: line) else {
              problems.append(notUTF8(line: number, column: fields.ranges[i].start + 1))
              return problems.count < CSVTableReader.errorLimit
            }
            guard !text.isEmpty else { continue }
            switch Self.value(text, definition) {
            case .success(let value): stored[definition.name] = value
            case .failure(let problem):
              problems.append(diagnostic(problem.message, line: number, column: fields.ranges[i].start + 1))
              return problems.count < CSVTableReader.errorLimit
            }
          default: break
          }
        }
      }
      guard builder.appendNode(kind: kind, id: id, name: name, properties: stored) else {
        problems.append(
          Diagnostic(
            code: .G202, message: "duplicate id `\(id)`",
            range: SourceRange(file: file, line: number, column: idRange.start + 1),
            label: "defined again here", help: ["give one of the two nodes another id"]))
        return problems.count < CSVTableReader.errorLimit
      }
      return true
    }
    return Outcome(nextLine: next, diagnostics: problems)
  }

  /// Whether an id's bytes are `KIND:` and then lower-case letters, digits and `- _ . /`, starting with a
  /// letter or digit (the fast check; ``GraphBuilder/idProblem(_:kind:)`` explains a failure).
  static func wellFormed(_ bytes: UnsafeBufferPointer<UInt8>, prefix: [UInt8]) -> Bool {
    guard bytes.count > prefix.count, bytes.starts(with: prefix) else { return false }
    let first = bytes[prefix.count]
    guard (first >= 97 && first <= 122) || (first >= 48 && first <= 57) else { return false }
    for b in bytes[prefix.count...] {
      guard (b >= 97 && b <= 122) || (b >= 48 && b <= 57) || b == 45 || b == 95 || b == 46 || b == 47 else {
        return false
      }
    }
    return true
  }

  // MARK: - Edges

  /// The edges of one half of a chunk, read on their own thread.
  final class Half: @unchecked Sendable {
    var sources: [Int32] = []
    var targets: [Int32] = []
    /// Per enum column (in header order), its ranks; per other property column, its values.
    var ranks: [[UInt8]] = []
    var values: [[Value?]] = []
    var problems: [Diagnostic] = []
    var lines = 0
  }

  private func readEdges(
    _ chunk: UnsafeBufferPointer<UInt8>, firstLine: Int, type: Int, builder: inout GraphBuilder,
    lookup: IDLookup?
  ) -> Outcome {
    // Split at a line end near the middle, read both halves at once, then add them in order.
    var middle = chunk.count / 2
    while middle < chunk.count && chunk[middle] != 10 { middle += 1 }
    middle = min(middle + 1, chunk.count)
    let parts =
      chunk.count < 1 << 16
      ? [chunk]
      : [UnsafeBufferPointer(rebasing: chunk[0..<middle]), UnsafeBufferPointer(rebasing: chunk[middle...])]
    let halves = Array(self.halves.prefix(parts.count))
    let lookup = lookup ?? IDLookup(builder.nodeIDs)
    let kinds = builder.nodeKinds
    // What the rows are checked against — not the builder's table itself: a copy of it held here would
    // share its columns, and every append below would then copy them whole.
    let table = EdgeEnds(
      definition: builder.edges[type].definition, fromKinds: builder.edges[type].fromKinds,
      toKinds: builder.edges[type].toKinds)
    let schema = builder.schema
    let reader = self
    nonisolated(unsafe) let shared = parts
    DispatchQueue.concurrentPerform(iterations: parts.count) { i in
      reader.readEdgeRows(
        shared[i], into: halves[i], lookup: lookup, kinds: kinds, table: table, schema: schema)
    }
    var line = firstLine
    var problems: [Diagnostic] = []
    for half in halves {
      for var problem in half.problems {
        problem.range?.start.line += line - 1
        problem.range?.end.line += line - 1
        problems.append(problem)
      }
      line += half.lines
    }
    guard problems.isEmpty else { return Outcome(nextLine: line, diagnostics: problems) }
    for half in halves {
      var ranks: [Int: [UInt8]] = [:]
      var values: [Int: [Value?]] = [:]
      var (r, v) = (0, 0)
      for column in columns {
        switch column {
        case .rank(let p, _, _):
          ranks[p] = r < half.ranks.count ? half.ranks[r] : []
          r += 1
        case .value(let p, _):
          values[p] = v < half.values.count ? half.values[v] : []
          v += 1
        default: break
        }
      }
      half.sources.withUnsafeBufferPointer { sources in
        half.targets.withUnsafeBufferPointer { targets in
          builder.edges[type].append(from: sources, to: targets, ranks: ranks, values: values)
        }
      }
    }
    return Outcome(nextLine: line, diagnostics: [])
  }

  /// Reads edge rows; line numbers in problems count from 1 within `part`.
  ///
  /// The hot loop of a large load: no closures, no strings for ids that resolve (their bytes are hashed and
  /// compared in place), the lookup tables read through raw pointers so that two threads never contend on
  /// reference counts.
  private func readEdgeRows(
    _ part: UnsafeBufferPointer<UInt8>, into half: Half, lookup: IDLookup, kinds: [UInt16], table: EdgeEnds,
    schema: Schema
  ) {
    // Per column: 0 from, 1 to, 2 enum rank, 3 other value; and its slot among rank or value columns.
    var roles: [UInt8] = []
    var slots: [Int] = []
    var caseBytes: [UInt8] = []
    var caseStarts: [Int] = []  // per case: start in caseBytes; one more at the end
    var caseRanges: [Range<Int>] = []  // per rank column: its cases in caseStarts
    var valueDefinitions: [PropertyDefinition?] = []
    var rankCount = 0
    var valueCount = 0
    for column in columns {
      switch column {
      case .from: roles.append(0); slots.append(-1); caseRanges.append(0..<0); valueDefinitions.append(nil)
      case .to: roles.append(1); slots.append(-1); caseRanges.append(0..<0); valueDefinitions.append(nil)
      case .rank(_, let cases, _):
        roles.append(2)
        slots.append(rankCount)
        rankCount += 1
        let first = caseStarts.count
        for c in cases {
          caseStarts.append(caseBytes.count)
          caseBytes.append(contentsOf: c)
        }
        caseRanges.append(first..<caseStarts.count)
        valueDefinitions.append(nil)
      case .value(_, let definition):
        roles.append(3)
        slots.append(valueCount)
        valueCount += 1
        caseRanges.append(0..<0)
        valueDefinitions.append(definition)
      case .id, .name:
        roles.append(4); slots.append(-1); caseRanges.append(0..<0); valueDefinitions.append(nil)
      }
    }
    caseStarts.append(caseBytes.count)
    let estimate = part.count / 24
    // The buffers of the last chunk, emptied but keeping their memory.
    var sources = half.sources
    var targets = half.targets
    var ranks = half.ranks
    var values = half.values
    half.sources = []
    half.targets = []
    half.ranks = []
    half.values = []
    sources.removeAll(keepingCapacity: true)
    targets.removeAll(keepingCapacity: true)
    sources.reserveCapacity(estimate)
    targets.reserveCapacity(estimate)
    if ranks.count != rankCount { ranks = [[UInt8]](repeating: [], count: rankCount) }
    for i in 0..<rankCount {
      ranks[i].removeAll(keepingCapacity: true)
      ranks[i].reserveCapacity(estimate)
    }
    values = [[Value?]](repeating: [], count: valueCount)
    var problems: [Diagnostic] = []
    var fields = Fields()
    var lastFrom = 0..<0
    var lastFromNode: Int32 = -1
    // Targets resolve first among the nodes of the kinds the edge type enters (the twenty thousand
    // competencies of `assessed`, not a million people): a table that stays in the processor's cache.
    // Targets resolve first among the nodes of the kinds the edge type enters; both lookups are read through
    // raw pointers, so that two threads never contend on reference counts.
    let targetIDs = targetLookup ?? lookup
    var number = 0
    let typeName = table.definition.name
    let fromKinds = table.fromKinds
    let toKinds = table.toKinds
    func failed(_ d: Diagnostic) -> Bool {
      problems.append(d)
      return problems.count >= CSVTableReader.errorLimit
    }
    lookup.withRaw { all in
      targetIDs.withRaw { entered in
        var start = 0
        rows: while start < part.count {
          let end = Lines.end(of: part, from: start)
          number += 1
          let lineStart = start
          start = end + 1
          var lineEnd = end
          if lineEnd > lineStart && part[lineEnd - 1] == 13 { lineEnd -= 1 }
          if lineEnd == lineStart { continue }
          let line = UnsafeBufferPointer(rebasing: part[lineStart..<lineEnd])
          if let problem = rowProblem(&fields, line) {
            if failed(diagnostic(problem.message, line: number, column: problem.column, help: problem.help)) {
              break rows
            }
            continue
          }
          var source: Int32 = -1
          var target: Int32 = -1
          var bad = false
          for i in 0..<roles.count {
            let range = fields.ranges[i]
            let bytes = UnsafeBufferPointer(rebasing: line[range.start..<range.end])
            switch roles[i] {
            case 0, 1:
              if roles[i] == 0 && !range.quoted && lastFromNode >= 0
                && lastFrom.count == bytes.count
                && sameBytes(
                  part.baseAddress.map { $0 + lastFrom.lowerBound }, bytes.baseAddress, count: bytes.count)
              {
                source = lastFromNode
                continue
              }
              var node: Int32 = -1
              if !range.quoted {
                if roles[i] == 1 { node = entered.find(bytes) }
                if node < 0 { node = all.find(bytes) }
              } else if let text = fields.validText(i, in: line) {
                var text = text
                node = text.withUTF8 { all.find($0) }
              }
              guard node >= 0 else {
                guard let text = fields.validText(i, in: line) else {
                  if failed(notUTF8(line: number, column: range.start + 1)) { break rows }
                  bad = true
                  break
                }
                if failed(
                  Diagnostic(
                    code: .G201, message: "no node has the id `\(text)`",
                    range: SourceRange(file: file, line: number, column: range.start + 1),
                    label: "unknown id",
                    help: unknownIDHelp(
                      text, lookup: lookup, kinds: kinds, allowed: roles[i] == 0 ? fromKinds : toKinds)))
                {
                  break rows
                }
                bad = true
                break
              }
              if roles[i] == 0 {
                source = node
                if !range.quoted {
                  lastFrom = (lineStart + range.start)..<(lineStart + range.end)
                  lastFromNode = node
                }
              } else {
                target = node
              }
            case 2:
              if bytes.isEmpty {
                ranks[slots[i]].append(0)
                continue
              }
              var rank = 0
              for c in caseRanges[i] {
                let name = caseStarts[c]..<caseStarts[c + 1]
                if name.count == bytes.count
                  && caseBytes.withUnsafeBufferPointer({
                    sameBytes(
                      $0.baseAddress.map { $0 + name.lowerBound }, bytes.baseAddress, count: bytes.count)
                  })
                {
                  rank = c - caseRanges[i].lowerBound + 1
                  break
                }
              }
              guard rank > 0 else {
                guard case .rank(_, _, let definition) = columns[i] else { break }
                if failed(
                  badCase(fields.text(i, in: line), definition, line: number, column: range.start + 1))
                {
                  break rows
                }
                bad = true
                break
              }
              ranks[slots[i]].append(UInt8(rank))
            case 3:
              guard let definition = valueDefinitions[i] else { break }
              guard let text = fields.validText(i, in: line) else {
                if failed(notUTF8(line: number, column: range.start + 1)) { break rows }
                bad = true
                break
              }
              if text.isEmpty {
                values[slots[i]].append(nil)
                continue
              }
              switch Self.value(text, definition) {
              case .success(let value): values[slots[i]].append(value)
              case .failure(let problem):
                if failed(diagnostic(problem.message, line: number, column: range.start + 1)) { break rows }
                bad = true
              }
            default: break
            }
            if bad { break }
          }
          // A row with a problem stops the table, so the columns are never used out of step.
          if bad { continue }
          let fromKind = Int(kinds[Int(source)])
          let toKind = Int(kinds[Int(target)])
          guard fromKind < fromKinds.count && fromKinds[fromKind] && toKind < toKinds.count && toKinds[toKind]
          else {
            let message =
              "\(Grammar.a("`\(typeName)`")) edge cannot go from \(Grammar.a(schema.kinds[fromKind].name)) to \(Grammar.a(schema.kinds[toKind].name))"
            let help =
              "`\(typeName)` goes from \(Suggestions.list(table.definition.from)) to \(Suggestions.list(table.definition.to))"
            if failed(
              Diagnostic(
                code: .G105, message: message, range: SourceRange(file: file, line: number, column: 1),
                help: [help]))
            {
              break rows
            }
            continue
          }
          sources.append(source)
          targets.append(target)
        }
      }
    }
    half.sources = sources
    half.targets = targets
    half.ranks = ranks
    half.values = values
    half.problems = problems
    half.lines = number
  }

  // MARK: - Values and messages

  /// What to do about an id no node has: remove stray spaces, or the closest ids of the kinds the column
  /// takes (looked for among at most 50,000, so that an error in a table of a million people stays quick).
  private func unknownIDHelp(_ text: String, lookup: IDLookup, kinds: [UInt16], allowed: [Bool]) -> [String] {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if trimmed != text {
      var key = trimmed
      let found = key.withUTF8 { bytes in
        var node: Int32 = -1
        node = lookup.find(bytes)
        return node
      }
      if found >= 0 {
        return ["remove the spaces around it: `\(trimmed)`; fields are separated by a comma alone"]
      }
    }
    var candidates: [String] = []
    for node in 0..<kinds.count where Int(kinds[node]) < allowed.count && allowed[Int(kinds[node])] {
      candidates.append(lookup.table[node])
      if candidates.count >= 50_000 { break }
    }
    return Suggestions.didYouMean(trimmed, in: candidates)
      + ["define it first: nodes come from the YAML files and the kind tables (`people.csv` …)"]
  }

  /// A property value from its text in a cell.
  static func value(_ text: String, _ definition: PropertyDefinition) -> Result<Value, CellProblem> {
    switch definition.type {
    case .string, .text: return .success(.string(text))
    case .int:
      guard let i = Int(text) else {
        return .failure(CellProblem("`\(definition.name)` takes a whole number, not `\(text)`"))
      }
      return .success(.int(i))
    case .number:
      guard let d = Double(text), d.isFinite else {
        return .failure(CellProblem("`\(definition.name)` takes a number, not `\(text)`"))
      }
      return .success(.number(d))
    case .bool:
      switch text.lowercased() {
      case "true", "yes": return .success(.bool(true))
      case "false", "no": return .success(.bool(false))
      default: return .failure(CellProblem("`\(definition.name)` takes true or false, not `\(text)`"))
      }
    case .strings:
      return .success(.strings(text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }))
    case .source:
      guard let colon = text.lastIndex(of: ":"), let line = Int(text[text.index(after: colon)...]), line > 0
      else {
        return .failure(CellProblem("`\(definition.name)` takes `DOCUMENT:LINE`, not `\(text)`"))
      }
      return .success(.source(SourceReference(document: String(text[..<colon]), line: line)))
    case .nodes:
      return .failure(
        CellProblem("`\(definition.name)` lists nodes, which a CSV table cannot hold: write it in YAML"))
    case .enumeration(let e):
      return .failure(CellProblem("`\(text)` is not a case of `\(e)`"))
    }
  }

  private func diagnostic(_ message: String, line: Int, column: Int, help: String? = nil) -> Diagnostic {
    Diagnostic(
      code: .G005, message: message, range: SourceRange(file: file, line: line, column: column),
      help: help.map { [$0] } ?? [])
  }

  private func notUTF8(line: Int, column: Int) -> Diagnostic {
    Diagnostic(
      code: .G001, message: "`\(file)` is not UTF-8 text: this field is not valid UTF-8",
      range: SourceRange(file: file, line: line, column: column), label: "not UTF-8",
      help: ["save the file as UTF-8"])
  }

  private func badCase(_ text: String, _ definition: EnumDefinition, line: Int, column: Int) -> Diagnostic {
    Diagnostic(
      code: .G104, message: "`\(text)` is not a \(definition.name)",
      range: SourceRange(file: file, line: line, column: column),
      help: Suggestions.didYouMean(text, in: definition.cases),
      notes: ["\(definition.name): " + definition.cases.joined(separator: ", ")]
        + (text == "unrated" ? ["to give no \(definition.name), leave the cell empty"] : []))
  }

  /// Splits a row and checks its field count.
  private func rowProblem(_ fields: inout Fields, _ line: UnsafeBufferPointer<UInt8>) -> (
    message: String, column: Int, help: String?
  )? {
    if let problem = fields.split(line) { return (problem.message, problem.column, problem.help) }
    guard fields.count == columns.count else {
      let column = fields.count > columns.count ? fields.ranges[columns.count].start : line.count
      return (
        "this row has \(fields.count) field\(fields.count == 1 ? "" : "s"), but the header has \(columns.count)",
        column + 1,
        "the header is `\(header.joined(separator: ","))`; quote a value that holds a comma: \"a, b\""
      )
    }
    return nil
  }
}

/// Why a cell's text is not a value of its column's type.
struct CellProblem: Error {
  let message: String
  init(_ message: String) { self.message = message }
}
