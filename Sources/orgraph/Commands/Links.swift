import ArgumentParser
import Foundation
import OrgGraph
import OrgImport
import OrgTool

struct Links: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List the links from statements to competencies, to review them; or score them against labels.",
    discussion: """
      Each line is one link: how sure the linker was (1 for a link someone wrote or accepted), the competency, the proficiency it carries, how it was made, and the statement with its source. Least sure first, so a reviewer works from the top; --below keeps the links under a confidence, --unlinked lists the statements with no link at all. `orgraph import`'s review list is shorter: it names only the statements whose every link is below 0.8 (a statement with one sure link and one unsure one is listed here, not there).

      With --labels FILE, prints instead how the links match a labelled set (precision, recall, proficiency accuracy and contradictions per family; docs/link-quality.md describes the file), and with --findings every difference. --keys prints the key of each statement, to start a labelled set.

      Examples:
        orgraph links --graph imported --below 0.8
        orgraph links --graph imported --unlinked
        orgraph links --graph imported --competency mentoring
        orgraph links --graph imported --labels labels.tsv --findings
      """)

  @OptionGroup var options: GraphOptions
  @Option(help: ArgumentHelp("Only links less sure than this (0–1).", valueName: "confidence"))
  var below: Double?
  @Option(
    help: ArgumentHelp(
      "Only links to this competency (its id, or its id without `competency:`).", valueName: "id"))
  var competency: String?
  @Flag(help: "List the statements that link to no competency.")
  var unlinked = false
  @Option(help: ArgumentHelp("Score the links against a labelled set (TSV).", valueName: "file"))
  var labels: String?
  @Flag(
    help: "With --labels: list each link the labels call wrong, each competency missed, each proficiency off."
  )
  var findings = false
  @Option(
    help: ArgumentHelp("With --labels: count only links at least this sure (0–1).", valueName: "confidence"))
  var minConfidence: Double = 0
  @Flag(
    help: "Print each statement's key (document:line#hash) and text, tab-separated, to start a labelled set.")
  var keys = false

  func validate() throws {
    if let below, !(below >= 0 && below <= 1) {
      throw ValidationError("--below takes a confidence from 0 to 1, such as 0.8; got \(below)")
    }
    if !(minConfidence >= 0 && minConfidence <= 1) {
      throw ValidationError(
        "--min-confidence takes a confidence from 0 to 1, such as 0.8; got \(minConfidence)")
    }
    if findings && labels == nil {
      throw ValidationError("--findings lists the differences from --labels FILE; add --labels")
    }
  }

  func run() throws {
    let graph = try loadGraphOrExit(options.graph)
    let statements = LinkedStatement.all(in: graph)
    if keys {
      try Terminal.write(ToolOutput(stdout: statements.map { "\($0.key)\t\($0.text)\n" }.joined()))
      return
    }
    if let labels {
      try score(statements, labelsPath: labels, graph: graph)
      return
    }
    let competencyID = try competency.map { graph.id(of: try competencyOrExit($0, in: graph)) }
    if unlinked {
      let rows = statements.filter { $0.links.isEmpty }
      var out = "source\tstatement\n" + rows.map { "\($0.document):\($0.line)\t\($0.text)\n" }.joined()
      out += "(\(rows.count) of \(statements.count) statements link to no competency)\n"
      try Terminal.write(ToolOutput(stdout: out))
      return
    }
    var rows: [(link: LinkedStatement.Link, statement: LinkedStatement)] = []
    for statement in statements {
      for link in statement.links {
        if let below, link.confidence >= below { continue }
        if let competencyID, link.competency != competencyID { continue }
        rows.append((link, statement))
      }
    }
    rows.sort {
      ($0.link.confidence, $0.statement.document, $0.statement.line) < (
        $1.link.confidence, $1.statement.document, $1.statement.line
      )
    }
    var lines = ["confidence\tcompetency\tproficiency\tmatched_by\tsource\tstatement"]
    for (link, statement) in rows {
      lines.append(
        [
          String(format: "%.2f", link.confidence), link.competency, link.proficiency ?? "-", link.matchedBy,
          "\(statement.document):\(statement.line)", statement.text,
        ].joined(separator: "\t"))
    }
    let total = statements.reduce(0) { $0 + $1.links.count }
    lines.append("(\(rows.count) of \(total) links)")
    try Terminal.write(ToolOutput(stdout: lines.joined(separator: "\n") + "\n"))
  }

  func score(_ statements: [LinkedStatement], labelsPath: String, graph: Graph) throws {
    guard let text = try? String(contentsOfFile: labelsPath, encoding: .utf8) else {
      FileHandle.standardError.write(Data("error: cannot read the labelled set \(labelsPath)\n".utf8))
      throw ExitCode(1)
    }
    let quality: LinkQuality
    do throws(ImportError) {
      quality = try LinkQuality(parsing: text, file: labelsPath)
    } catch {
      FileHandle.standardError.write(
        Data("error: \(error)\n\(error.help.map { "  = help: \($0)\n" } ?? "")".utf8))
      throw ExitCode(1)
    }
    let known = Set(graph.nodes(ofKind: "competency").map { graph.id(of: $0) })
    let unknown = quality.unknownCompetencies(known)
    var out = ""
    for (label, id) in unknown.prefix(20) {
      out += "warning: \(labelsPath):\(label.line): `\(id)` is no competency of this graph\n"
    }
    // The labels name the canonical layer's competencies; the organisation's own are not judged.
    let taxonomy = try GraphLoader.loadDefault()
    let canonical = Set(taxonomy.nodes(ofKind: "competency").map { taxonomy.id(of: $0) })
    let (scores, differences) = quality.score(
      statements, canonical: canonical, minimumConfidence: minConfidence)
    var stdout = LinkQuality.table(scores)
    if findings {
      stdout += "\n"
      for f in differences {
        stdout +=
          [f.kind, f.key, f.competency ?? "-", f.detail, f.text ?? ""].joined(separator: "\t") + "\n"
      }
    }
    try Terminal.write(ToolOutput(stdout: stdout, stderr: out))
  }
}
