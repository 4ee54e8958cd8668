// OrgGraph's side of the benchmark that `scripts/bench` runs beside Kuzu and NetworkX.
//
//   orgraph-benchmarks --data DIR --graph PATH --out RESULT.json [--write-snapshot FILE] [--runs 5]
//
// DIR is a folder written by `orgraph generate` (its benchmark.json names the queries' nodes); PATH is what to
// load: DIR/csv (the CSV tables) or a snapshot. It times the load (or the snapshot's opening), records the
// process's peak memory, and runs the queries through the query language — parsing and checking the text
// every time — once to warm up and then `runs` times, keeping the median. RESULT.json has the shape
// scripts/bench_table.py reads; the answers are compared with the peers' there.
import Foundation
import OrgGraph
import OrgQuery

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("orgraph-benchmarks: \(message)\n".utf8))
  exit(2)
}

func peakMemoryMB() -> Double {
  guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
  for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
    let kib = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
    return kib / 1024
  }
  return 0
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  try body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

// MARK: - Arguments

var options: [String: String] = [:]
var arguments = CommandLine.arguments.dropFirst()
while let flag = arguments.popFirst() {
  guard flag.hasPrefix("--"), let value = arguments.popFirst() else {
    fail("usage: --data DIR --graph PATH --out FILE")
  }
  options[String(flag.dropFirst(2))] = value
}
guard let data = options["data"], let path = options["graph"], let out = options["out"] else {
  fail(
    "usage: orgraph-benchmarks --data DIR --graph PATH --out RESULT.json [--write-snapshot FILE] [--runs 5]")
}
let runs = Int(options["runs"] ?? "5") ?? 5
guard let parametersData = FileManager.default.contents(atPath: data + "/benchmark.json"),
  let parameters = try? JSONSerialization.jsonObject(with: parametersData) as? [String: Any]
else { fail("\(data)/benchmark.json is missing: write the folder with `orgraph generate`") }
func parameter(_ key: String) -> String { parameters[key] as? String ?? "" }
func pair(_ key: String) -> (String, String) {
  let list = parameters[key] as? [String] ?? []
  return (list.first ?? "", list.last ?? "")
}

// MARK: - Load

let isSnapshot = GraphSnapshot.isSnapshot(path: path)
var loaded: Graph?
let loadTime = seconds {
  do {
    loaded = try GraphLoader.load(path: path)
  } catch {
    fail("cannot load \(path):\n\(error)")
  }
}
guard let graph = loaded else { fail("no graph") }
let memoryAfterLoad = peakMemoryMB()
if let snapshot = options["write-snapshot"] {
  do { try GraphSnapshot.write(graph, to: snapshot) } catch { fail("\(error)") }
}

// MARK: - Queries

/// A query and how its result becomes the canonical answer the peers give too.
struct Benchmark {
  var name: String
  var text: String
  var answer: (QueryResult) -> Any
}

func ids(_ result: QueryResult) -> Any {
  result.rows.compactMap { row -> String? in
    if case .string(let s)? = row.first { return s }
    if case .node(let n)? = row.first { return graph.id(of: n) }
    return nil
  }.sorted()
}

func pathLength(_ result: QueryResult) -> Any {
  guard let path = result.paths.first else { return NSNull() }
  return path.length
}

func gapRows(_ result: QueryResult) -> Any {
  let columns = result.columns
  guard let c = columns.firstIndex(of: "competency"), let b = columns.firstIndex(of: "before"),
    let a = columns.firstIndex(of: "after")
  else { return [] as [Any] }
  func rank(_ value: QueryValue) -> Int {
    if case .enumCase(let e) = value { return e.rank }
    return 0
  }
  let rows: [[Any]] = result.rows.compactMap { row in
    guard case .node(let node) = row[c] else { return nil }
    return [graph.id(of: node), rank(row[b]), rank(row[a])]
  }
  return rows.sorted { ($0[0] as? String ?? "") < ($1[0] as? String ?? "") }
}

let (near1, near2) = pair("q4_near")
let (far1, far2) = pair("q4_far")
var benchmarks: [Benchmark] = [
  Benchmark(name: "Q1", text: #"team "\#(parameter("q1_team"))" <- in_team | select id"#, answer: ids),
  Benchmark(
    name: "Q2", text: #"level "\#(parameter("q2_level"))" -> requires[proficiency >= advanced] | select id"#,
    answer: ids),
  Benchmark(
    name: "Q3",
    text:
      #"(role "\#(parameter("q3_role"))" -> has_level -> requires | distinct) as c <- requires <- has_level | where id != "\#(parameter("q3_role"))" | distinct | group by id | where size >= 3 | select id"#,
    answer: ids),
  Benchmark(
    name: "Q4-near",
    text: #"path from level "\#(near1)" to level "\#(near2)" via -- (promotes_to | requires)"#,
    answer: pathLength),
  Benchmark(
    name: "Q4-far", text: #"path from level "\#(far1)" to level "\#(far2)" via -- (promotes_to | requires)"#,
    answer: pathLength),
  Benchmark(name: "Q5", text: #"team "\#(parameter("q5_team"))" <- part_of+ | select id"#, answer: ids),
]
if let competency = parameters["q6_competency"] as? String {
  benchmarks.append(
    Benchmark(
      name: "Q6",
      text:
        #"competency "\#(competency)" <- requires as r <- holds as p -> assessed[id = "\#(competency)"] as a | where a.proficiency < r.proficiency | select p.id | distinct"#,
      answer: ids))
}
benchmarks.append(
  Benchmark(
    name: "Q7", text: #"gap from level "\#(parameter("q7_from"))" to level "\#(parameter("q7_to"))""#,
    answer: gapRows))

var session = QuerySession(graph: graph)
session.timeout = nil
var queries: [String: Any] = [:]
for benchmark in benchmarks {
  var result = session.run(benchmark.text)
  guard result.succeeded, let first = result.results.first else {
    fail(
      "\(benchmark.name) failed: \(result.diagnostics.map(\.message).joined(separator: "; "))\n  \(benchmark.text)"
    )
  }
  var samples: [Double] = []
  for _ in 0..<runs {
    samples.append(seconds { result = session.run(benchmark.text) } * 1000)
  }
  samples.sort()
  queries[benchmark.name] = [
    "median_ms": samples[samples.count / 2], "answer": benchmark.answer(first), "query": benchmark.text,
  ]
}

var report: [String: Any] = [
  "system": "orgraph", "version": OrgGraphVersion.string, "scale": parameter("scale"),
  "nodes": graph.nodeCount, "edges": graph.edgeCount, "peak_mb": peakMemoryMB(),
  "peak_after_load_mb": memoryAfterLoad, "queries": queries,
]
if isSnapshot {
  report["snapshot_open_s"] = loadTime
  report["note"] = "opened from a snapshot"
} else {
  report["load_s"] = loadTime
  report["note"] =
    "loaded from the CSV tables; each query runs once to warm up, and the timed runs reuse its plan (the session's plan cache)"
}
do {
  let json = try JSONSerialization.data(withJSONObject: report, options: [.prettyPrinted, .sortedKeys])
  try json.write(to: URL(fileURLWithPath: out))
} catch {
  fail("cannot write \(out): \(error)")
}
print(
  String(
    format: "orgraph %@: %@ %.2f s, peak %.0f MB, %d nodes, %d edges", parameter("scale"),
    isSnapshot ? "snapshot opened in" : "loaded in", loadTime, peakMemoryMB(), graph.nodeCount,
    graph.edgeCount))
