// promotion-report: for a role or track, walks its ladder bottom-up along `promotes_to` and prints, as
// Markdown, each level with its code and metadata and what each promotion adds (the gap between the two
// levels, with the statements behind every new requirement).
//
//   swift run promotion-report                             # the Octopus Deploy "Security Engineer" track
//   swift run promotion-report "Cloud Security Engineer"   # a role
//   swift run promotion-report "Engineering common track" --graph Graph/

import ArgumentParser
import ExampleSupport
import Foundation
import OrgGraph

// MARK: - Arguments

struct PromotionReport: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "promotion-report",
    abstract: """
      Walks the ladder of a role or track bottom-up along promotes_to and prints, as Markdown, each level \
      with its code and metadata and what each promotion adds.
      """)

  @Argument(
    help: ArgumentHelp(
      """
      A track, a role, or a level (for its ladder), by name or id (default: "Security Engineer", Octopus \
      Deploy's Security Engineer track).
      """, valueName: "name"))
  var names: [String] = []

  @OptionGroup var graphOption: GraphOption

  func validate() throws {
    guard names.count <= 1 else { throw ValidationError("give one role or track, not \(names.count)") }
  }
}

let arguments = PromotionReport.parseOrExit()
let graphPath = arguments.graphOption.graph
let requested = arguments.names.first ?? "Security Engineer"

// MARK: - Loading and finding the ladder

let graph: Graph
do {
  graph = try GraphLoader.load(pathOrDefault: graphPath)  // the built-in default graph when nil
} catch {
  fail(error.description, status: 1)
}

/// The role or track named `name`: tracks first, then roles, then a level's owner.
func findOwner(_ name: String) -> NodeID {
  var ambiguous: [NodeID] = []
  for kind in ["track", "role", "level"] {
    switch graph.resolve(name, kind: kind) {
    case .found(let node):
      guard kind == "level" else { return node }
      guard let owner = graph.neighbors(of: node, via: "has_level", direction: .backward).first?.node else {
        fail("error: the level `\(graph.id(of: node))` belongs to no role or track", status: 1)
      }
      return owner
    case .ambiguous(let nodes):
      ambiguous += nodes
    case .notFound:
      continue
    }
  }
  if !ambiguous.isEmpty {
    let candidates = ambiguous.map { "  \(graph.id(of: $0))  (\(graph.name(of: $0)))" }
    fail(
      "error: several nodes are called “\(name)”; name one by its id:\n" + candidates.joined(separator: "\n"),
      status: 1)
  }
  let suggestions = graph.suggestNames(for: name, kind: "track") + graph.suggestNames(for: name, kind: "role")
  let hint =
    suggestions.isEmpty
    ? "" : "\ndid you mean " + suggestions.map { "“\($0)”" }.joined(separator: " or ") + "?"
  let ladders = (graph.nodes(ofKind: "track") + graph.nodes(ofKind: "role"))
    .filter { !graph.neighbors(of: $0, via: "has_level").isEmpty }
    .map { "  \(graph.name(of: $0))  (\(graph.id(of: $0)))" }
  fail(
    "error: no track, role or level is called “\(name)”\(hint)\nladders in this graph:\n"
      + ladders.joined(separator: "\n"), status: 1)
}

let owner = findOwner(requested)

/// A level's rank, when it has one.
func rank(_ level: NodeID) -> Int? {
  if case .int(let r)? = graph.property("rank", of: level) { return r }
  return nil
}

/// A string property as text, when present and not empty.
func text(_ property: String, of node: NodeID) -> String? {
  guard let value = graph.property(property, of: node) else { return nil }
  let text = value.displayText
  return text.isEmpty ? nil : text
}

/// The ladder's levels bottom-up: promotions within the ladder first (a topological order), ties broken
/// by rank, then by the order the ladder lists them.
func ladder(of owner: NodeID) -> [NodeID] {
  let levels = graph.neighbors(of: owner, via: "has_level").map(\.node)
  let onLadder = Set(levels)
  var below: [NodeID: Int] = [:]
  for level in levels {
    for (next, _) in graph.neighbors(of: level, via: "promotes_to") where onLadder.contains(next) {
      below[next, default: 0] += 1
    }
  }
  var order: [NodeID] = []
  var placed = Set<NodeID>()
  while order.count < levels.count {
    let ready = levels.enumerated().filter {
      !placed.contains($0.element) && below[$0.element, default: 0] == 0
    }
    guard
      let next = ready.min(by: { a, b in
        (rank(a.element) ?? Int.max, a.offset) < (rank(b.element) ?? Int.max, b.offset)
      })?.element
    else {
      // Only a promotion cycle leaves nothing ready; loaders refuse those (G301). Keep the listed order.
      order += levels.filter { !placed.contains($0) }
      break
    }
    order.append(next)
    placed.insert(next)
    for (up, _) in graph.neighbors(of: next, via: "promotes_to") where onLadder.contains(up) {
      below[up, default: 0] -= 1
    }
  }
  return order
}

/// A role without levels of its own follows its track's ladder, when it has one.
var ladderOwner = owner
if graph.neighbors(of: owner, via: "has_level").isEmpty,
  let track = graph.neighbors(of: owner, via: "in_track").first?.node
{
  ladderOwner = track
}
let levels = ladder(of: ladderOwner)
let onLadder = Set(levels)

// MARK: - Describing things

/// The organisation a track, role, team or level belongs to (through `part_of`, `in_team`, `has_level`).
func organisation(of node: NodeID) -> NodeID? {
  var current = node
  var visited = Set<NodeID>()
  while visited.insert(current).inserted {
    if graph.kind(of: current).name == "org" { return current }
    guard
      let next = graph.neighbors(of: current, via: "part_of").first?.node
        ?? graph.neighbors(of: current, via: "in_team").first?.node
        ?? graph.neighbors(of: current, via: "has_level", direction: .backward).first?.node
    else { return nil }
    current = next
  }
  return nil
}

/// `Senior Security Engineer (L3)`, with the ladder when it is not this one.
func title(_ level: NodeID, showLadder: Bool = false) -> String {
  var parts: [String] = []
  if let code = text("code", of: level), code.lowercased() != graph.name(of: level).lowercased() {
    parts.append(code)
  }
  if showLadder, let other = graph.neighbors(of: level, via: "has_level", direction: .backward).first?.node {
    let kind = graph.kind(of: other).name
    let name = graph.name(of: other)
    parts.append(name.lowercased().hasSuffix(kind) ? name : "\(name) \(kind)")
  }
  return graph.name(of: level) + (parts.isEmpty ? "" : " (\(parts.joined(separator: ", ")))")
}

/// Where a node's text comes from: the document's title and the line.
func sourceText(_ node: NodeID) -> String? {
  guard case .source(let reference)? = graph.property("source", of: node) else { return nil }
  let title = graph.manifest.document(reference.document)?.title ?? reference.document
  return "\(title), line \(reference.line)"
}

/// A property name as a label: `planning_horizon` → `Planning horizon`.
func label(_ property: String) -> String {
  let words = property.replacingOccurrences(of: "_", with: " ")
  return words.prefix(1).uppercased() + words.dropFirst()
}

/// Text safe in a Markdown table cell.
func cell(_ text: String) -> String {
  text.replacingOccurrences(of: "|", with: "\\|").split(whereSeparator: \.isNewline).joined(separator: " ")
}

func statements(of level: NodeID) -> (expectations: Int, examples: Int) {
  (graph.neighbors(of: level, via: "expects").count, graph.neighbors(of: level, via: "has_example").count)
}

func requirementSummary(_ level: NodeID) -> String {
  let held = graph.holdings(of: level)
  let (expectations, examples) = statements(of: level)
  guard !held.isEmpty || expectations > 0 else {
    return "No statements in this graph: its title, code and metadata only, so it requires nothing here."
  }
  let rated = held.filter { if case .rated = $0.holding { return true } else { return false } }.count
  var line = "Requires \(count(held.count, "competency", "competencies"))"
  if !held.isEmpty { line += " (\(rated) rated, \(held.count - rated) unrated)" }
  line += ", from \(count(expectations, "expectation"))"
  if examples > 0 { line += " and \(count(examples, "example"))" }
  return line + "."
}

func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
  "\(n) \(n == 1 ? singular : plural ?? singular + "s")"
}

// MARK: - What a promotion adds

func step(from start: NodeID, to target: NodeID) -> String {
  let before = graph.holdings(of: start)
  let after = graph.holdings(of: target)
  if before.isEmpty && after.isEmpty {
    return "Neither level has statements in this graph, so there is nothing to compare.\n"
  }
  if after.isEmpty {
    return
      "\(graph.name(of: target)) has no statements in this graph, so what it adds is not known "
      + "(its document contributes structure only).\n"
  }
  var out = ""
  if before.isEmpty {
    guard onLadder.contains(target) else {
      let ladderName = graph.neighbors(of: target, via: "has_level", direction: .backward).first
        .map { graph.name(of: $0.node) }
      let pointer = ladderName.map { " (`promotion-report \"\($0)\"` lists them)" } ?? ""
      return
        "\(graph.name(of: start)) has no statements in this graph, so all \(count(after.count, "competency", "competencies")) "
        + "\(graph.name(of: target)) requires would count as added\(pointer).\n"
    }
    out +=
      "\(graph.name(of: start)) has no statements in this graph, so everything \(graph.name(of: target)) "
      + "requires counts as added.\n\n"
  }
  let rows = graph.gap(from: start, to: target)
  let new = rows.filter { [.added, .raised, .unrated].contains($0.change) }
  if new.isEmpty {
    out += "Adds no competency and raises none.\n"
  } else {
    out += "| change | competency | from | to | because |\n|---|---|---|---|---|\n"
    for row in new {
      var because = "declared"
      if let first = row.evidence.first {
        because = "“\(text("text", of: first) ?? graph.name(of: first))”"
        if row.evidence.count > 1 { because += " (+\(row.evidence.count - 1) more)" }
      }
      out +=
        "| \(row.change.rawValue) | \(cell(graph.name(of: row.competency))) | \(row.before.description) "
        + "| \(row.after.description) | \(cell(because)) |\n"
    }
  }
  var rest: [String] = []
  for change in [GapRow.Change.unchanged, .lowered, .removed] {
    let names = rows.filter { $0.change == change }.map { graph.name(of: $0.competency) }
    if !names.isEmpty { rest.append("\(change.rawValue): \(names.joined(separator: ", "))") }
  }
  if !rest.isEmpty {
    out += "\n" + rest.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: ". ") + ".\n"
  }
  return out
}

// MARK: - The report

var report = "# Promotion report: \(graph.name(of: owner))\n\n"
var ownerLine = "\(label(graph.kind(of: owner).name)) `\(graph.id(of: owner))`"
if let org = organisation(of: owner) { ownerLine += " of \(graph.name(of: org))" }
if let type = text("track_type", of: owner) { ownerLine += " (\(type) track)" }
report += ownerLine + ".\n"
if let about = text("purpose", of: owner) ?? text("description", of: owner) { report += "\(about)\n" }
report += "\n"

if ladderOwner != owner {
  let kind = graph.kind(of: ladderOwner).name
  let name = graph.name(of: ladderOwner)
  let the = name.lowercased().hasSuffix(kind) ? "the \(name)" : "the \(kind) \(name)"
  let summary = requirementSummary(owner)
  let ownSummary =
    summary.hasPrefix("Requires")
    ? "The \(graph.kind(of: owner).name) itself requires" + summary.dropFirst("Requires".count)
    : "The \(graph.kind(of: owner).name) itself has no statements in this graph."
  report +=
    "\(graph.name(of: owner)) has no levels of its own; it follows \(the) (`\(graph.id(of: ladderOwner))`), "
    + "whose ladder this is. " + ownSummary + "\n\n"
}
if levels.isEmpty {
  report +=
    "This \(graph.kind(of: ladderOwner).name) has no levels (nothing lists them under `has_level`), so there is no ladder to walk.\n"
} else {
  report += "| # | level | code | rank | requires | statements |\n|---:|---|---|---:|---:|---:|\n"
  for (i, level) in levels.enumerated() {
    let (e, x) = statements(of: level)
    report +=
      "| \(i + 1) | \(cell(graph.name(of: level))) | \(cell(text("code", of: level) ?? "")) "
      + "| \(rank(level).map(String.init) ?? "") | \(graph.holdings(of: level).count) | \(e + x) |\n"
  }
  report += "\n"
  if levels.allSatisfy({ statements(of: $0) == (0, 0) }) {
    report +=
      "None of these levels has statements in this graph — their documents contribute titles, codes and "
      + "metadata only — so this report cannot say what a promotion adds.\n\n"
  }
}

let metadataSkipped: Set<String> = ["name", "code", "rank", "archetype", "source", "description"]
for (i, level) in levels.enumerated() {
  report += "## \(i + 1). \(title(level))\n\n"
  var facts = ["`\(graph.id(of: level))`"]
  if let r = rank(level) { facts.append("rank \(r)") }
  if let source = sourceText(level) { facts.append("source: \(source)") }
  report += facts.joined(separator: " · ") + "\n\n"
  if let archetype = text("archetype", of: level) { report += "> \(archetype)\n\n" }
  let metadata = graph.properties(of: level).filter { !metadataSkipped.contains($0.name) }
  if !metadata.isEmpty {
    report += "| | |\n|---|---|\n"
    for (name, value) in metadata { report += "| \(label(name)) | \(cell(value.displayText)) |\n" }
    report += "\n"
  }
  report += requirementSummary(level) + "\n\n"

  // Promotions into this level from other ladders.
  for (from, _) in graph.neighbors(of: level, via: "promotes_to", direction: .backward)
  where !onLadder.contains(from) {
    report += "### Into \(graph.name(of: level)) from \(title(from, showLadder: true)), off this ladder\n\n"
    report += step(from: from, to: level) + "\n"
  }
  // Promotions out of this level, on this ladder and off it.
  let next = graph.neighbors(of: level, via: "promotes_to").map(\.node)
    .sorted { onLadder.contains($0) && !onLadder.contains($1) }
  if next.isEmpty && i == levels.count - 1 { report += "The top of this ladder: it promotes nowhere.\n\n" }
  for up in next {
    let heading =
      onLadder.contains(up)
      ? "### \(title(level)) → \(title(up))"
      : "### \(title(level)) → \(title(up, showLadder: true)), off this ladder"
    report += heading + "\n\n" + step(from: level, to: up) + "\n"
  }
}

print(report, terminator: "")
