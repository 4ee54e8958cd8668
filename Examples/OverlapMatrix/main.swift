// overlap-matrix: every pair of roles (and, with --levels, levels), their similarity and the competencies
// they share, as Markdown or CSV. It asks the graph with the query language and reads the typed results:
// `roles | where exists(-> requires)` for the nodes, `overlap A, B` for each pair.
//
//   swift run overlap-matrix                      # Markdown: a similarity grid, then every pair
//   swift run overlap-matrix --levels --format csv > overlap.csv

import ArgumentParser
import ExampleSupport
import Foundation
import OrgGraph
import OrgQuery

// MARK: - Arguments

enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, csv }

struct OverlapMatrix: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "overlap-matrix",
    abstract: """
      Compares every pair of roles (and levels, with --levels) by the competencies they require: the \
      similarity (Jaccard index) and the shared competencies, most similar pairs first.
      """)

  @Flag(help: "Compare levels too, not only roles.")
  var levels = false

  @Option(help: "markdown (a grid and a list of pairs; the default) or csv (one row per pair).")
  var format: Format = .markdown

  @OptionGroup var graphOption: GraphOption
}

let arguments = OverlapMatrix.parseOrExit()
let graphPath = arguments.graphOption.graph
let includeLevels = arguments.levels
let format = arguments.format

// MARK: - Asking the graph

let graph: Graph
do {
  graph = try GraphLoader.load(pathOrDefault: graphPath)  // the built-in default graph when nil
} catch {
  fail(error.description, status: 1)
}
var session = QuerySession(graph: graph)

/// Runs one query and returns its last result, or stops with the query's diagnostics.
@MainActor func ask(_ query: String) -> QueryResult {
  let outcome = session.run(query)
  guard outcome.succeeded, let result = outcome.results.last else {
    let report = DiagnosticRenderer(anonymousSource: query).render(outcome.diagnostics)
    fail("error: the query failed: \(query)\n\(report)", status: 1)
  }
  return result
}

let kindsCompared = includeLevels ? ["role", "level"] : ["role"]
var compared: [NodeID] = []
var leftOut: [NodeID] = []
for kind in kindsCompared {
  let plural = graph.schema.kind(kind)?.plural ?? kind + "s"
  compared += ask("\(plural) | where exists(-> requires)").nodes
  leftOut += ask("\(plural) | where not exists(-> requires)").nodes
}

struct Pair {
  var a: NodeID
  var b: NodeID
  var similarity: Double
  var shared: [NodeID]
  var onlyA: Int
  var onlyB: Int
}

var pairs: [Pair] = []
for (i, a) in compared.enumerated() {
  for b in compared[(i + 1)...] {
    // Nodes named by id: display names may repeat across kinds and organisations.
    let result = ask(
      "overlap \(graph.kind(of: a).name) \"\(graph.id(of: a))\", \(graph.kind(of: b).name) \"\(graph.id(of: b))\""
    )
    // Rows: competency, one column per compared node (its proficiency there, or empty), shared_by.
    let sharedColumn = result.columns.firstIndex(of: "shared_by") ?? result.columns.count - 1
    var shared: [NodeID] = []
    var onlyA = 0
    var onlyB = 0
    for (row, competency) in zip(result.rows, result.rowNodes) {
      guard let competency else { continue }
      if row[sharedColumn] == .number(2) {
        shared.append(competency)
      } else if row[1] != .null {
        onlyA += 1
      } else {
        onlyB += 1
      }
    }
    let score = result.similarity.first?.score ?? 0
    pairs.append(Pair(a: a, b: b, similarity: score, shared: shared, onlyA: onlyA, onlyB: onlyB))
  }
}
// Most similar first; ties in the order the nodes were listed.
let position = Dictionary(uniqueKeysWithValues: compared.enumerated().map { ($1, $0) })
pairs.sort {
  ($1.similarity, position[$0.a] ?? 0, position[$0.b] ?? 0) < (
    $0.similarity, position[$1.a] ?? 0, position[$1.b] ?? 0
  )
}

// MARK: - Output

func score(_ value: Double) -> String { String(format: "%.3f", value) }

func csvField(_ text: String) -> String {
  guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
  return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

func cell(_ text: String) -> String {
  text.replacingOccurrences(of: "|", with: "\\|").split(whereSeparator: \.isNewline).joined(separator: " ")
}

func describe(_ node: NodeID) -> String {
  let kind = graph.kind(of: node).name
  guard kind == "level", let owner = graph.neighbors(of: node, via: "has_level", direction: .backward).first
  else { return graph.name(of: node) }
  return "\(graph.name(of: node)) (\(graph.name(of: owner.node)))"
}

switch format {
case .csv:
  var out = "a,b,a_id,b_id,similarity,shared,only_a,only_b,shared_competencies\r\n"
  for p in pairs {
    let fields = [
      describe(p.a), describe(p.b), graph.id(of: p.a), graph.id(of: p.b), score(p.similarity),
      String(p.shared.count),
      String(p.onlyA), String(p.onlyB), p.shared.map { graph.name(of: $0) }.joined(separator: "; "),
    ]
    out += fields.map(csvField).joined(separator: ",") + "\r\n"
  }
  print(out, terminator: "")

case .markdown:
  let what = includeLevels ? "roles and levels" : "roles"
  var out = "# Competency overlap of \(what)\n\n"
  out +=
    "\(compared.count) \(what) that require competencies, \(pairs.count) pairs. Similarity is the Jaccard index "
    + "of two sets of required competencies: shared ÷ required by either.\n\n"
  if compared.count >= 2 {
    // A grid with short column headings: the number of each row.
    out += "| | " + compared.indices.map { "\($0 + 1)" }.joined(separator: " | ") + " |\n"
    out += "|---|" + String(repeating: "---:|", count: compared.count) + "\n"
    for (i, a) in compared.enumerated() {
      var cells: [String] = []
      for (j, b) in compared.enumerated() {
        if i == j {
          cells.append("—")
        } else {
          let pair = pairs.first { ($0.a == a && $0.b == b) || ($0.a == b && $0.b == a) }
          cells.append(score(pair?.similarity ?? 0))
        }
      }
      out += "| \(i + 1). \(cell(describe(a))) | " + cells.joined(separator: " | ") + " |\n"
    }
    out += "\n## Pairs, most similar first\n\n"
    out += "| a | b | similarity | shared | only a | only b | shared competencies |\n"
    out += "|---|---|---:|---:|---:|---:|---|\n"
    for p in pairs {
      let names = p.shared.map { graph.name(of: $0) }.joined(separator: ", ")
      out +=
        "| \(cell(describe(p.a))) | \(cell(describe(p.b))) | \(score(p.similarity)) | \(p.shared.count) "
        + "| \(p.onlyA) | \(p.onlyB) | \(cell(names.isEmpty ? "—" : names)) |\n"
    }
  } else {
    out += "There is nothing to compare: fewer than two \(what) require competencies.\n"
  }
  if !leftOut.isEmpty {
    let names = leftOut.map { "\(describe($0)) (\(graph.kind(of: $0).name))" }
    out +=
      "\nLeft out, requiring no competency in this graph (no statements, or statements linked to none): "
      + names.joined(separator: ", ") + ".\n"
  }
  print(out, terminator: "")
}
