// career-atlas: renders every career ladder (each track and each role with levels, and each organisation's
// ladders side by side) and the shortest career path from every role to one target level, as SVG files in
// a folder, with an index.html page that links them. It uses the query language for the paths, OrgDiagram
// for the diagrams and OrgRender (Graphviz, in-process) for the SVG.
//
//   swift run career-atlas                                  # writes atlas/index.html and atlas/*.svg
//   swift run career-atlas --out docs/atlas --to "Senior Security Engineer"

import ArgumentParser
import ExampleSupport
import Foundation
import OrgDiagram
import OrgGraph
import OrgQuery
import OrgRender

// MARK: - Arguments

struct CareerAtlas: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "career-atlas",
    abstract: """
      Renders every ladder and the shortest career path from every role to one level as SVG files, with \
      an index.html page linking them.
      """)

  @Option(
    name: [.short, .long], help: ArgumentHelp("The folder to write (created if missing).", valueName: "dir"))
  var out = "atlas"

  @Option(help: ArgumentHelp("The level every path leads to, by name or id.", valueName: "level"))
  var to = "Senior Cloud Security Engineer"

  @OptionGroup var graphOption: GraphOption

  func validate() throws {
    if out.isEmpty { throw ValidationError("--out needs a folder") }
    if to.isEmpty { throw ValidationError("--to needs a level") }
  }
}

let arguments = CareerAtlas.parseOrExit()
let graphPath = arguments.graphOption.graph
let outputFolder = arguments.out
let targetName = arguments.to

let graph: Graph
do {
  graph = try GraphLoader.load(pathOrDefault: graphPath)  // the built-in default graph when nil
} catch {
  fail(error.description, status: 1)
}

let target: NodeID
switch graph.resolve(targetName, kind: "level") {
case .found(let node): target = node
case .ambiguous(let nodes):
  fail(
    "error: several levels are called “\(targetName)”; name one by its id: "
      + nodes.map { graph.id(of: $0) }.joined(separator: ", "), status: 1)
case .notFound(let suggestions):
  let hint = suggestions.isEmpty ? "" : "; did you mean “\(suggestions[0])”?"
  fail("error: no level is called “\(targetName)”\(hint)", status: 1)
}

do {
  try FileManager.default.createDirectory(atPath: outputFolder, withIntermediateDirectories: true)
} catch {
  fail("error: cannot create the folder \(outputFolder): \(error.localizedDescription)", status: 1)
}

// MARK: - Drawing

struct Entry {
  var file: String
  var title: String
  var details: [String]
}

var ladders: [Entry] = []
var paths: [Entry] = []
var problems: [String] = []
var written = 0

/// `track:octopus-deploy/security-engineer` → `track-octopus-deploy-security-engineer`.
func slug(_ node: NodeID) -> String {
  String(graph.id(of: node).map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" })
}

/// Renders a diagram to SVG in the output folder; `nil` (and a problem noted) when Graphviz refuses.
@MainActor func write(_ diagram: Diagram, as file: String) -> String? {
  do {
    try GraphvizRenderer.write(diagram, as: .svg, to: outputFolder + "/" + file)
    written += 1
    return file
  } catch {
    problems.append("\(file): \(error)")
    return nil
  }
}

func levelCount(_ owner: NodeID) -> Int { graph.neighbors(of: owner, via: "has_level").count }

func organisation(of node: NodeID) -> NodeID? {
  var current = node
  var visited = Set<NodeID>()
  while visited.insert(current).inserted {
    if graph.kind(of: current).name == "org" { return current }
    guard
      let next = graph.neighbors(of: current, via: "part_of").first?.node
        ?? graph.neighbors(of: current, via: "in_team").first?.node
    else { return nil }
    current = next
  }
  return nil
}

// Every ladder on its own: tracks, then roles that have levels.
let owners = (graph.nodes(ofKind: "track") + graph.nodes(ofKind: "role")).filter { levelCount($0) > 0 }
for owner in owners {
  do {
    let ladder = try LadderDiagram(graph: graph, owner: owner)
    let kind = graph.kind(of: owner).name
    var details = ["\(kind), \(levelCount(owner)) level\(levelCount(owner) == 1 ? "" : "s")"]
    if let org = organisation(of: owner) { details[0] += ", \(graph.name(of: org))" }
    if let file = write(ladder.diagram, as: "ladder-\(slug(owner)).svg") {
      ladders.append(Entry(file: file, title: graph.name(of: owner), details: details))
    }
  } catch {
    problems.append("the ladder of \(graph.id(of: owner)): \(error)")
  }
}

// Each organisation's ladders side by side, joined by the promotions between them (Rocket.Chat's "Y").
for org in graph.nodes(ofKind: "org") {
  let mine = owners.filter { organisation(of: $0) == org }
  guard mine.count > 1 else { continue }
  do {
    let all = try LadderDiagram(graph: graph, owners: mine)
    if let file = write(all.diagram, as: "ladders-\(slug(org)).svg") {
      let names = mine.map { graph.name(of: $0) }.joined(separator: ", ")
      ladders.append(Entry(file: file, title: "All ladders of \(graph.name(of: org))", details: [names]))
    }
  } catch {
    problems.append("the ladders of \(graph.id(of: org)): \(error)")
  }
}

// The shortest path from every role to the target, through levels, promotions and lateral moves.
let formatter = ResultFormatter(graph: graph)
let shortestPath: PreparedQuery
do {
  shortestPath = try PreparedQuery(
    "path from $start to $goal via -> (has_level | promotes_to | lateral) shortest")
} catch {
  fail("error: \(error)", status: 1)
}
for role in graph.nodes(ofKind: "role") {
  let outcome = shortestPath.run(on: graph, parameters: ["start": .node(role), "goal": .node(target)])
  guard outcome.succeeded, let result = outcome.results.last else {
    problems.append(
      "the path from \(graph.id(of: role)): " + outcome.diagnostics.map(\.description).joined(separator: "; ")
    )
    continue
  }
  guard let path = result.paths.first else {
    paths.append(
      Entry(file: "", title: graph.name(of: role), details: ["no path to \(graph.name(of: target))"]))
    continue
  }
  var details = ["\(path.length) step\(path.length == 1 ? "" : "s"): " + formatter.pathText(path)]
  for (i, edge) in path.edges.enumerated() where graph.origin(of: edge) == "inferred" {
    var move = "inferred move \(graph.name(of: path.nodes[i])) → \(graph.name(of: path.nodes[i + 1]))"
    if case .number(let score)? = graph.property("score", of: edge) {
      move += String(format: " (similarity %.2f)", score)
    }
    details.append(move)
  }
  do {
    // The diagram the result calls for: one path is drawn as a career path.
    let diagram = try Diagram.forResult(result, graph: graph)
    if let file = write(diagram, as: "path-\(slug(role))-to-\(slug(target)).svg") {
      paths.append(Entry(file: file, title: graph.name(of: role), details: details))
    }
  } catch {
    problems.append("the path from \(graph.id(of: role)): \(error)")
  }
}

// MARK: - The index page

func html(_ text: String) -> String {
  var out = ""
  for c in text {
    switch c {
    case "&": out += "&amp;"
    case "<": out += "&lt;"
    case ">": out += "&gt;"
    case "\"": out += "&quot;"
    default: out.append(c)
    }
  }
  return out
}

func list(_ entries: [Entry]) -> String {
  var out = "<ul>\n"
  for e in entries {
    let title = e.file.isEmpty ? html(e.title) : "<a href=\"\(html(e.file))\">\(html(e.title))</a>"
    out += "  <li>\(title)"
    for d in e.details { out += "<br><small>\(html(d))</small>" }
    out += "</li>\n"
  }
  return out + "</ul>\n"
}

var page = """
  <!DOCTYPE html>
  <html lang="en">
  <head>
  <meta charset="utf-8">
  <title>Career atlas: \(html(graph.manifest.name))</title>
  <style>body { font-family: "DejaVu Sans", sans-serif; max-width: 60em; margin: 2em auto; line-height: 1.4 }
  small { color: #555 }</style>
  </head>
  <body>
  <h1>Career atlas: \(html(graph.manifest.name))</h1>

  """
page += "<h2>Ladders</h2>\n" + list(ladders)
page += "<h2>Paths to \(html(graph.name(of: target)))</h2>\n"
page +=
  "<p>The shortest route from each role, through its levels, promotions and lateral moves. Inferred moves "
  + "come from competency overlap, not from the framework: check them before relying on them.</p>\n"
page += list(paths)
page += "</body>\n</html>\n"
do {
  try OutputFile.write(page, to: outputFolder + "/index.html")
  written += 1
} catch {
  problems.append("index.html: \(error)")
}

// MARK: - Summary

print("\(outputFolder)/index.html")
for e in ladders + paths where !e.file.isEmpty { print("\(outputFolder)/\(e.file)") }
print("\(written) files written: \(ladders.count) ladders, \(paths.filter { !$0.file.isEmpty }.count) paths")
if !problems.isEmpty {
  fail(problems.map { "error: " + $0 }.joined(separator: "\n"), status: 1)
}
