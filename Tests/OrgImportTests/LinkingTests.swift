import Foundation
import OrgGraph
import Testing

@testable import OrgImport

/// Competency linking: names and aliases matched as whole words after folding case, accents and US
/// spellings; proficiency and aspect cues read from the statement; a mapping file's rules and ignores; and
/// the seed ladder page imported as the default graph holds it.
@Suite("Competency linking")
struct LinkingTests {
  let linker: CompetencyLinker

  init() throws { linker = try CompetencyLinker(taxonomy: try GraphLoader.loadDefault()) }

  func links(_ text: String) -> [String] {
    linker.links(for: text).map { l in
      [l.competency, l.proficiency ?? "-", l.aspect ?? "-", l.matchedBy, String(l.confidence)].joined(
        separator: " ")
    }
  }

  @Test func namesAliasesCuesAndSpellings() {
    #expect(
      links("Expertise with orchestration systems (k8s)") == [
        "competency:container-orchestration expert - alias \"orchestration systems\" 0.8",
        "competency:kubernetes expert - alias \"k8s\" 0.8",
      ])
    // "learning" is both a cue (foundational) and an alias of Continuous learning; a mapping file's `ignore`
    // takes such a word out where it misleads.
    #expect(
      links("I am learning Terraform and Kubernetes.") == [
        "competency:kubernetes foundational - name \"Kubernetes\" 0.9",
        "competency:continuous-learning foundational - alias \"learning\" 0.8",
      ])
    #expect(
      links("I am familiar with virtualization.") == [
        "competency:virtualisation awareness - name \"Virtualisation\" 0.9"
      ])
    #expect(links("I mentor junior engineers.").first?.hasPrefix("competency:mentoring - teach") == true)
    // A longer phrase is used up first: "cloud security" does not also give a second link from "security".
    #expect(
      links("I advocate for cloud security.").map { $0.split(separator: " ")[0] } == [
        "competency:cloud-security"
      ])
    #expect(links("I enjoy long walks.").isEmpty)
  }

  @Test func aMappingFileAddsRulesAndIgnores() throws {
    let mapping = """
      rules:
        - phrase: infra as code
          competency: competency:infrastructure-as-code
      ignore:
        - deployment
      """
    let custom = try CompetencyLinker(taxonomy: try GraphLoader.loadDefault(), mapping: mapping)
    #expect(
      custom.links(for: "I write infra as code.").map(\.matchedBy) == ["rule \"infra as code\""])
    #expect(custom.links(for: "I own the deployment.").isEmpty)
    #expect(throws: ImportError.self) {
      _ = try CompetencyLinker(
        taxonomy: try GraphLoader.loadDefault(),
        mapping: "rules:\n  - phrase: x\n    competency: competency:nope\n")
    }
    #expect(throws: ImportError.self) {
      _ = try CompetencyLinker(taxonomy: try GraphLoader.loadDefault(), mapping: "rules: [unclosed")
    }
  }

  /// Seed 002 read by the importer gives the default graph's level: every statement and example verbatim, in
  /// order, with its dimension and line, and the same metadata and archetype.
  @Test(.enabled(if: Paths.haveSeeds, "../shared/seeds is not beside the repository"))
  func theSeedLadderPageImportsAsTheDefaultGraphHasIt() throws {
    let text = try String(
      contentsOf: Paths.seeds.appending(path: "002_71ed0c4c6d282dfb.txt"), encoding: .utf8)
    let document = try OctopusLadderReader.read(text, path: "seed-002")
    let level = try #require(document.levels.first)
    let graph = try GraphLoader.loadDefault()
    let node = try #require(graph.node(withID: "level:octopus-deploy/senior-cloud-security-engineer"))
    func texts(_ edge: String) -> [String] {
      graph.neighbors(of: node, via: edge).map { n, _ -> String in
        var line = 0
        if case .source(let s)? = graph.property("source", of: n) { line = s.line }
        var section = ""
        if case .string(let s)? = graph.property("section", of: n) { section = s }
        return "\(line) \(section) | \(graph.name(of: n))"
      }
    }
    #expect(level.statements.map { "\($0.line) \($0.section ?? "") | \($0.text)" } == texts("expects"))
    #expect(level.examples.map { "\($0.line) \($0.section ?? "") | \($0.text)" } == texts("has_example"))
    #expect(level.code == "L3")
    #expect(level.title == graph.name(of: node))
    for key in ["planning_horizon", "impact_radius", "evaluation", "direction_needed"] {
      #expect(level.metadata[key].map { Value.string($0.text) } == graph.property(key, of: node), "\(key)")
    }
    #expect(level.archetype.map(Value.string) == graph.property("archetype", of: node))
    #expect(document.skipped.isEmpty)
  }
}
