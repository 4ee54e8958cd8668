// framework-diff: compares two versions of a Graph folder and prints, as Markdown for a pull-request
// comment, which levels, statements (expectations and examples, matched by text) and requirements
// (`requires` edges with their proficiency) were added, removed or changed. The kind of check a framework
// repository runs in CI:
//
//   git worktree add /tmp/base origin/main
//   swift run framework-diff /tmp/base/Graph Graph > comment.md
//
// Exit status: 0 whether or not anything changed; 1 when a graph fails to load (its diagnostics are
// printed); 64 for bad arguments.

import ArgumentParser
import ExampleSupport
import Foundation
import OrgGraph

// MARK: - Arguments

struct FrameworkDiff: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "framework-diff",
    abstract: """
      Compares two versions of a graph and prints, as Markdown, the levels, statements and requirements \
      that were added, removed or changed from BASE to NEW.
      """,
    usage: """
      framework-diff [--graph BASE] NEW
      framework-diff BASE NEW
      """)

  @Argument(
    help: ArgumentHelp(
      "The version before (unless --graph names it), then the version after.", valueName: "versions"))
  var versions: [String] = []

  @Option(
    help: ArgumentHelp(
      "The version before: a Graph folder or a .json export (default: the built-in graph).", valueName: "base"
    ))
  var graph: String?

  func validate() throws {
    switch (versions.count, graph) {
    case (1, _), (2, nil): break
    case (0, _): throw ValidationError("name the new version of the graph")
    default: throw ValidationError("give the base version once: `--graph BASE NEW` or `BASE NEW`")
    }
  }
}

let arguments = FrameworkDiff.parseOrExit()
let basePath = arguments.versions.count == 2 ? arguments.versions[0] : arguments.graph
let newPath = arguments.versions[arguments.versions.count - 1]

// MARK: - Loading

func load(_ path: String?) -> Result<Graph, GraphLoadFailure> {
  do throws(GraphLoadFailure) {
    return .success(try GraphLoader.load(pathOrDefault: path))  // the built-in default graph when nil
  } catch {
    return .failure(error)
  }
}

let baseName = basePath.map { "`\($0)`" } ?? "the built-in default graph"
let newName = "`\(newPath)`"
let loaded = (load(basePath), load(newPath))
var loadErrors = ""
if case .failure(let failure) = loaded.0 { loadErrors += "error: \(baseName) does not load:\n\(failure)\n" }
if case .failure(let failure) = loaded.1 { loadErrors += "error: \(newName) does not load:\n\(failure)\n" }
guard case .success(let old) = loaded.0, case .success(let new) = loaded.1 else {
  fail(loadErrors, status: 1)
}

// MARK: - Reading a version

/// One statement of a role or level.
struct Statement: Hashable {
  var kind: String
  var text: String
  var section: String?

  /// Whitespace collapsed, for matching.
  var key: String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
}

/// What the diff compares, read from one graph by string ids.
struct Version {
  var graph: Graph
  /// Levels by id.
  var levels: [String: NodeID] = [:]
  /// Statements by owner id, in the owner's order (expectations, then examples).
  var statements: [String: [Statement]] = [:]
  /// Requirements by owner id, then competency id.
  var requirements: [String: [String: Holding]] = [:]
  /// Every other node, by id.
  var others: [String: NodeID] = [:]

  init(_ graph: Graph) {
    self.graph = graph
    for node in graph.nodes {
      let id = graph.id(of: node)
      switch graph.kind(of: node).name {
      case "level": levels[id] = node
      case "expectation", "example": break
      default: others[id] = node
      }
      var list: [Statement] = []
      for type in ["expects", "has_example"] {
        for (statement, _) in graph.neighbors(of: node, via: type) {
          var text = graph.name(of: statement)
          if case .string(let t)? = graph.property("text", of: statement) { text = t }
          var section: String?
          if case .string(let s)? = graph.property("section", of: statement) { section = s }
          list.append(Statement(kind: graph.kind(of: statement).name, text: text, section: section))
        }
      }
      if !list.isEmpty { statements[id] = list }
      var held: [String: Holding] = [:]
      for (competency, holding, _) in graph.holdings(of: node, via: "requires") {
        held[graph.id(of: competency)] = holding
      }
      if !held.isEmpty { requirements[id] = held }
    }
  }

  /// A node's display name by id, when the graph has it.
  func name(_ id: String) -> String? { graph.node(withID: id).map { graph.name(of: $0) } }
}

let before = Version(old)
let after = Version(new)

/// The name of an id in the newer version that has it.
func name(_ id: String) -> String { after.name(id) ?? before.name(id) ?? id }

func cell(_ text: String) -> String {
  text.replacingOccurrences(of: "|", with: "\\|").split(whereSeparator: \.isNewline).joined(separator: " ")
}

// MARK: - Levels

/// A level's properties as text, by name.
func properties(of level: NodeID, in graph: Graph) -> [(String, String)] {
  graph.properties(of: level).map { ($0.name, $0.value.displayText) }
}

/// The ids of a level's neighbours through `type`, sorted.
func ids(_ level: NodeID, _ type: String, _ direction: Direction = .forward, in graph: Graph) -> [String] {
  graph.neighbors(of: level, via: type, direction: direction).map { graph.id(of: $0.node) }.sorted()
}

/// What changed about a level: properties, its ladder, its promotions.
func changes(from a: NodeID, to b: NodeID) -> [String] {
  var out: [String] = []
  let was = Dictionary(properties(of: a, in: old), uniquingKeysWith: { x, _ in x })
  let now = properties(of: b, in: new)
  for (key, value) in now {
    switch was[key] {
    case nil: out.append("\(key) set to “\(value)”")
    case .some(let previous) where previous != value: out.append("\(key): “\(previous)” → “\(value)”")
    default: break
    }
  }
  let kept = Set(now.map(\.0))
  for (key, value) in properties(of: a, in: old) where !kept.contains(key) {
    out.append("\(key) removed (was “\(value)”)")
  }
  for (label, type, direction) in [
    ("ladder", "has_level", Direction.backward), ("promotes to", "promotes_to", .forward),
  ] {
    let (x, y) = (ids(a, type, direction, in: old), ids(b, type, direction, in: new))
    let plus = y.filter { !x.contains($0) }.map { "+ `\($0)`" }
    let minus = x.filter { !y.contains($0) }.map { "− `\($0)`" }
    if !plus.isEmpty || !minus.isEmpty { out.append("\(label): " + (plus + minus).joined(separator: ", ")) }
  }
  return out
}

func levelTitle(_ id: String, in version: Version) -> String {
  guard let node = version.levels[id] else { return "`\(id)`" }
  var title = "`\(id)` \(version.graph.name(of: node))"
  if case .string(let code)? = version.graph.property("code", of: node) { title += " (\(code))" }
  if let owner = version.graph.neighbors(of: node, via: "has_level", direction: .backward).first {
    title += " on \(version.graph.name(of: owner.node))"
  }
  return title
}

var levelLines: [String] = []
var levelCounts = (added: 0, removed: 0, changed: 0)
for id in Set(before.levels.keys).union(after.levels.keys).sorted() {
  switch (before.levels[id], after.levels[id]) {
  case (nil, .some):
    levelCounts.added += 1
    levelLines.append("- **added** \(levelTitle(id, in: after))")
  case (.some, nil):
    levelCounts.removed += 1
    levelLines.append("- **removed** \(levelTitle(id, in: before))")
  case (.some(let a), .some(let b)):
    let what = changes(from: a, to: b)
    if !what.isEmpty {
      levelCounts.changed += 1
      levelLines.append("- **changed** \(levelTitle(id, in: after)): " + what.joined(separator: "; "))
    }
  case (nil, nil): break
  }
}

// MARK: - Statements

/// Words of a text, for a similarity that tolerates small edits.
func words(_ text: String) -> Set<String> {
  Set(text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init))
}

func similarity(_ a: String, _ b: String) -> Double {
  let (x, y) = (words(a), words(b))
  let union = x.union(y).count
  return union == 0 ? 0 : Double(x.intersection(y).count) / Double(union)
}

enum StatementChange {
  case added(Statement)
  case removed(Statement)
  case changed(Statement, Statement)
}

/// Pairs old and new statements of one owner: the same text first; then, of one kind, the most similar
/// texts (half their words or more in common) as changed; the rest added or removed.
func compare(_ was: [Statement], _ now: [Statement]) -> [StatementChange] {
  var unmatchedOld = Array(was.indices)
  var unmatchedNew: [Int] = []
  var changes: [StatementChange] = []
  for (j, statement) in now.enumerated() {
    if let k = unmatchedOld.firstIndex(where: {
      was[$0].kind == statement.kind && was[$0].key == statement.key
    }) {
      let i = unmatchedOld.remove(at: k)
      if was[i].section != statement.section { changes.append(.changed(was[i], statement)) }
    } else {
      unmatchedNew.append(j)
    }
  }
  var candidates: [(score: Double, old: Int, new: Int)] = []
  for i in unmatchedOld {
    for j in unmatchedNew where was[i].kind == now[j].kind {
      let score = similarity(was[i].text, now[j].text)
      if score >= 0.5 { candidates.append((score, i, j)) }
    }
  }
  candidates.sort { ($1.score, $0.old, $0.new) < ($0.score, $1.old, $1.new) }
  var pairedOld = Set<Int>()
  var pairedNew = Set<Int>()
  for c in candidates where !pairedOld.contains(c.old) && !pairedNew.contains(c.new) {
    pairedOld.insert(c.old)
    pairedNew.insert(c.new)
    changes.append(.changed(was[c.old], now[c.new]))
  }
  for j in unmatchedNew where !pairedNew.contains(j) { changes.append(.added(now[j])) }
  for i in unmatchedOld where !pairedOld.contains(i) { changes.append(.removed(was[i])) }
  return changes
}

func describe(_ s: Statement) -> String {
  s.kind + (s.section.map { ", \($0)" } ?? "")
}

var statementLines: [String] = []
var statementCounts = (added: 0, removed: 0, changed: 0)
for owner in Set(before.statements.keys).union(after.statements.keys).sorted() {
  let changes = compare(before.statements[owner] ?? [], after.statements[owner] ?? [])
  guard !changes.isEmpty else { continue }
  statementLines.append("**\(name(owner))** (`\(owner)`)\n")
  for change in changes {
    switch change {
    case .added(let s):
      statementCounts.added += 1
      statementLines.append("- **added** \(describe(s)): “\(s.text)”")
    case .removed(let s):
      statementCounts.removed += 1
      statementLines.append("- **removed** \(describe(s)): “\(s.text)”")
    case .changed(let a, let b):
      statementCounts.changed += 1
      var line = "- **changed** \(describe(b)):"
      if a.key != b.key { line += "\n  - before: “\(a.text)”\n  - after: “\(b.text)”" }
      if a.section != b.section { line += "\n  - section: “\(a.section ?? "")” → “\(b.section ?? "")”" }
      statementLines.append(line)
    }
  }
  statementLines.append("")
}

// MARK: - Requirements

func word(_ holding: Holding?) -> String {
  guard let holding, holding != .absent else { return "—" }
  return holding.description
}

var requirementRows: [String] = []
var requirementCounts = (added: 0, removed: 0, changed: 0)
for owner in Set(before.requirements.keys).union(after.requirements.keys).sorted() {
  let was = before.requirements[owner] ?? [:]
  let now = after.requirements[owner] ?? [:]
  for competency in Set(was.keys).union(now.keys).sorted() {
    let (a, b) = (was[competency], now[competency])
    let change: String
    switch (a, b) {
    case (nil, .some):
      change = "added"
      requirementCounts.added += 1
    case (.some, nil):
      change = "removed"
      requirementCounts.removed += 1
    case (.some(.rated(let x)), .some(.rated(let y))) where x != y:
      change = y > x ? "raised" : "lowered"
      requirementCounts.changed += 1
    case (.some(let x), .some(let y)) where x != y:
      change = y == .unrated ? "now unrated" : "now rated"
      requirementCounts.changed += 1
    default:
      continue
    }
    requirementRows.append(
      "| \(cell(name(owner))) | \(cell(name(competency))) | \(word(a)) | \(word(b)) | \(change) |")
  }
}

// MARK: - Other nodes

var otherLines: [String] = []
for id in Set(before.others.keys).union(after.others.keys).sorted() {
  switch (before.others[id], after.others[id]) {
  case (nil, .some(let node)):
    otherLines.append("- **added** \(new.kind(of: node).name) `\(id)` \(new.name(of: node))")
  case (.some(let node), nil):
    otherLines.append("- **removed** \(old.kind(of: node).name) `\(id)` \(old.name(of: node))")
  default: break
  }
}

// MARK: - The comment

var out = "## Career framework changes\n\nFrom \(baseName) to \(newName).\n\n"
let nothing =
  levelLines.isEmpty && statementLines.isEmpty && requirementRows.isEmpty && otherLines.isEmpty
if nothing {
  out += "No changes to levels, statements or requirements.\n"
} else {
  out += "| | added | removed | changed |\n|---|---:|---:|---:|\n"
  out += "| levels | \(levelCounts.added) | \(levelCounts.removed) | \(levelCounts.changed) |\n"
  out +=
    "| statements | \(statementCounts.added) | \(statementCounts.removed) | \(statementCounts.changed) |\n"
  out +=
    "| requirements | \(requirementCounts.added) | \(requirementCounts.removed) | \(requirementCounts.changed) |\n"
  if !levelLines.isEmpty { out += "\n### Levels\n\n" + levelLines.joined(separator: "\n") + "\n" }
  if !statementLines.isEmpty { out += "\n### Statements\n\n" + statementLines.joined(separator: "\n") }
  if !requirementRows.isEmpty {
    out +=
      "\n### Requirements\n\n| role or level | competency | before | after | change |\n|---|---|---|---|---|\n"
    out += requirementRows.joined(separator: "\n") + "\n"
  }
  if !otherLines.isEmpty { out += "\n### Other nodes\n\n" + otherLines.joined(separator: "\n") + "\n" }
}
print(out, terminator: "")
