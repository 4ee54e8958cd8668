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
        "competency:container-orchestration expert - alias \"orchestration systems\" 0.85",
        "competency:kubernetes expert - alias \"k8s\" 0.6",
      ])
    // "learning" gives no level and no competency: "I am learning X" says that, not how well.
    #expect(
      links("I am learning Terraform and Kubernetes.") == [
        "competency:infrastructure-as-code - - alias \"Terraform\" 0.6",
        "competency:kubernetes - - name \"Kubernetes\" 0.75",
      ])
    #expect(
      links("I am familiar with virtualization.") == [
        "competency:virtualisation awareness - name \"Virtualisation\" 0.75"
      ])
    #expect(links("I mentor junior engineers.").first?.hasPrefix("competency:mentoring - teach") == true)
    // A longer phrase is used up first: "cloud security" does not also give a second link from "security".
    #expect(
      links("I advocate for cloud security.").map { $0.split(separator: " ")[0] } == [
        "competency:cloud-security"
      ])
    #expect(links("I enjoy long walks.").isEmpty)
  }

  /// A proficiency comes only from a scale word that modifies the competency's phrase: the nearest cue
  /// within a few words before it, or a noun of skill right after it; the longest cue at a place wins.
  @Test func aLevelComesOnlyFromTheWordsThatRateTheCompetency() {
    func rated(_ text: String) -> [String] {
      linker.links(for: text).map {
        "\($0.competency.dropFirst(11)) \($0.proficiency ?? "-") \($0.cue ?? "-")"
      }
    }
    // "becoming proficient" is one cue, weaker than "proficient".
    #expect(
      rated("I am becoming proficient with virtualization.") == [
        "virtualisation foundational becoming proficient"
      ])
    // A manner word gives no level.
    #expect(
      rated("I can confidently step outside my comfort zone and use Kubernetes.").allSatisfy {
        $0.hasSuffix("- -")
      })
    // A noun of skill after the phrase rates it.
    #expect(
      rated("I provide cloud security expertise to the team.").first == "cloud-security expert expertise")
    // A cue rates what follows it closely, not a competency at the other end of the sentence.
    #expect(
      rated(
        "I have a solid understanding of Linux, and over the years I have come to enjoy mentoring others.")
        == [
          "linux working solid understanding", "mentoring - -",
        ])
  }

  /// A word's sense against its neighbours: a department's name after "to", "its", "with" or "like" (and
  /// "and" after one) names its people; an "-eer" is a person, not their field; "large-scale" and "at scale"
  /// are sizes. The same words in their skill's sense still link.
  @Test func peopleAndSizesAreNotSkills() {
    func ids(_ text: String) -> [String] {
      linker.links(for: text).map { String($0.competency.dropFirst(11)) }
    }
    #expect(ids("Presents to leadership.") == [])
    #expect(ids("I am a trusted supporter of my team and its leadership.") == [])
    #expect(ids("I partner with marketing and customer success.") == ["collaboration"])
    #expect(ids("Other teams like support, sales and customer success trust me.") == [])
    #expect(ids("I show leadership every day.") == ["leadership"])
    #expect(ids("I know the basics of marketing.") == ["marketing"])
    #expect(ids("I have experience with sales.") == ["sales"])
    #expect(ids("I work closely with product managers and software engineers.") == [])
    #expect(ids("I am mentoring another sales engineer.") == ["mentoring"])
    #expect(ids("I practise software engineering with care.") == ["software-development"])
    #expect(ids("I take on large-scale projects and work at scale.") == [])
    #expect(ids("I plan for scaling out under high load.") == ["scalability"])
  }

  /// A compound said as a verb and its object links, less sure than the compound (not when the compound
  /// is already a verb and its object); a phrase does not run across a comma or a full stop, but does across
  /// a slash; words said twice mean the same both times.
  @Test func verbsCommasAndRepeats() {
    func ids(_ text: String) -> [String] {
      linker.links(for: text).map { "\($0.competency.dropFirst(11)) \($0.confidence)" }
    }
    #expect(ids("Reviews code of others.") == ["code-review 0.75"])
    #expect(ids("I do code reviews.") == ["code-review 0.85"])
    #expect(ids("I support customers with care.") == ["customer-support 0.75"])
    #expect(ids("I help people develop.") == [])
    #expect(ids("I know teams like support, customer advisory.") == [])
    #expect(ids("I know CI/CD pipelines.") == ["ci-cd 0.85"])
    #expect(
      ids("I can be trusted to get them done and get them done right.") == ["dependability 0.85"])
  }

  /// A competency said to be absent is not linked; a noun of skill rates what follows it only through a
  /// preposition ("expertise in"), and the phrase right before it always.
  @Test func absenceAndNounsOfSkill() {
    func rated(_ text: String) -> [String] {
      linker.links(for: text).map { "\($0.competency.dropFirst(11)) \($0.proficiency ?? "-")" }
    }
    #expect(rated("I complete defined tasks that require little collaboration.") == [])
    #expect(rated("I collaborate with little guidance.") == ["collaboration -"])
    #expect(rated("I have expertise in Kubernetes.") == ["kubernetes expert"])
    #expect(rated("Expertise deploying software.") == ["software-deployment expert"])
    #expect(
      rated("I provide cloud security expertise during reviews of Kubernetes.") == [
        "cloud-security expert", "kubernetes -",
      ])
  }

  /// Plurals and short forms the shared stemmer leaves alone fold like their singulars.
  @Test func wordFormsFold() {
    #expect(
      CompetencyLinker.words("SLAs APIs processes activities")
        == CompetencyLinker.words("SLA API process activity"))
    #expect(
      CompetencyLinker.words("Organization behavior") == CompetencyLinker.words("organisation behaviour"))
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

/// Seed 000, a Rocket.Chat job description, read by the importer gives the default graph's Cloud Engineer:
/// every Purpose, Key activities and Key skills bullet verbatim with its line, the purpose paragraph, the
/// challenges, the performance standards, the values and rules of behaviour, the area and its lead.
@Suite("Job description import")
struct JobDescriptionImportTests {
  @Test(.enabled(if: Paths.haveSeeds, "../shared/seeds is not beside the repository"))
  func theSeedJobDescriptionImportsAsTheDefaultGraphHasIt() throws {
    let (document, graph) = try importSeed(
      "000_50be83f1cc82fc44.txt", as: "seed-000", expecting: "rocketchat-jd")
    let role = try #require(document.roles.first)
    let node = try #require(graph.node(withID: "role:rocket-chat/cloud-engineer"))
    let expected = graph.neighbors(of: node, via: "expects").map { n, _ -> String in
      var line = 0
      if case .source(let s)? = graph.property("source", of: n) { line = s.line }
      var section = ""
      if case .string(let s)? = graph.property("section", of: n) { section = s }
      return "\(line) \(section) | \(graph.name(of: n))"
    }
    #expect(role.statements.map { "\($0.line) \($0.section ?? "") | \($0.text)" } == expected)
    #expect(role.title == graph.name(of: node))
    #expect(role.purpose.map { Value.string($0.text) } == graph.property("purpose", of: node))
    #expect(role.description.map { Value.string($0.text) } == graph.property("description", of: node))
    #expect(Value.strings(role.challenges.map(\.text)) == graph.property("challenges", of: node))
    #expect(
      Value.strings(role.performanceStandards.map(\.text))
        == graph.property("performance_standards", of: node))
    let values = graph.neighbors(of: node, via: "embodies").compactMap { n, _ -> String? in
      if case .string(let t)? = graph.property("text", of: n) { return t }
      return nil
    }
    #expect(role.values.map(\.text) == values)
    #expect(role.area?.text == "Cloud")
    #expect(role.lead?.text == "Aaron Ogle")
    #expect(document.skipped.isEmpty, "\(document.skipped)")
  }

  /// Every job description of the Rocket.Chat handbook imports with nothing dropped: each bullet is an
  /// imported text at its line or a skipped line, and every line with text is used or skipped.
  @Test(.enabled(if: Paths.haveCorpora, "../shared/corpora is not beside the repository: skipped"))
  func everyJobDescriptionImportsItsBullets() throws {
    let root = Paths.corpora.appending(path: "rocketchat-handbook-2021/operations/people/jobs")
    let files = (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? [])
      .filter { $0.hasSuffix(".md") && !$0.hasSuffix("README.md") }.sorted()
    #expect(files.count >= 12)
    for file in files {
      let text = try String(contentsOf: root.appending(path: file), encoding: .utf8)
      let document = try Importer.read(text, path: file, reader: .rocketchatJD)
      let role = try #require(document.roles.first)
      // Every bullet line is one imported text (a statement, challenge, standard or value, at that line), an
      // Identification field, or a line reported as skipped; every other line with text is used or skipped.
      let imported = Set(
        (role.statements + role.challenges + role.performanceStandards + role.values).map(\.line))
      let identification = Set([role.area, role.lead].compactMap { $0?.line })
      let skipped = Set(document.skipped.map(\.line))
      for (i, raw) in text.components(separatedBy: "\n").enumerated() {
        let line = raw.trimmingCharacters(in: .whitespaces)
        guard !line.isEmpty else { continue }
        let n = i + 1
        if line.hasPrefix("* ") || line.hasPrefix("- ") {
          let accounted =
            imported.contains(n) || identification.contains(n) || skipped.contains(n)
            || line.contains("**Position**") || line.hasPrefix("* Position")
          #expect(accounted, "\(file):\(n) is a bullet that is neither imported nor skipped")
        }
        #expect(document.used.contains(n) || skipped.contains(n), "\(file):\(n) is neither used nor skipped")
      }
      #expect(!role.statements.isEmpty, "\(file)")
    }
  }
}

/// Seed 001, a roles page, read by the importer gives the default graph's three roles: each purpose and
/// description, and every Responsibilities bullet verbatim with its line; and a table of roles is read too.
@Suite("Roles page import")
struct RolesPageImportTests {
  @Test(.enabled(if: Paths.haveSeeds, "../shared/seeds is not beside the repository"))
  func theSeedRolesPageImportsAsTheDefaultGraphHasIt() throws {
    let (document, graph) = try importSeed(
      "001_9fee2b121a654e92.txt", as: "seed-001", expecting: "rocketchat-roles")
    #expect(document.roles.map(\.title) == ["Backend Engineer", "Frontend Engineer", "SRE Engineer"])
    for (role, id) in zip(
      document.roles,
      [
        "role:rocket-chat/backend-engineer", "role:rocket-chat/frontend-engineer",
        "role:rocket-chat/sre-engineer",
      ])
    {
      let node = try #require(graph.node(withID: id))
      let expected = graph.neighbors(of: node, via: "expects").map { n, _ -> String in
        var line = 0
        if case .source(let s)? = graph.property("source", of: n) { line = s.line }
        return "\(line) | \(graph.name(of: n))"
      }
      #expect(role.statements.map { "\($0.line) | \($0.text)" } == expected, "\(role.title)")
      #expect(Set(role.statements.compactMap(\.section)) == ["Responsibilities"])
      #expect(
        role.purpose.map { Value.string($0.text) } == graph.property("purpose", of: node), "\(role.title)")
      #expect(
        role.description.map { Value.string($0.text) } == graph.property("description", of: node),
        "\(role.title)")
    }
    // The front matter's description is the only thing not in the graph, and the report says so.
    #expect(document.skipped.map(\.line) == [2, 3, 4])
  }

  @Test func aTableOfRoles() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(
      path: "Fixtures/roles-table.md")
    let document = try Importer.read(
      try String(contentsOf: url, encoding: .utf8), path: "roles-table.md", reader: .auto)
    #expect(document.roles.map(\.title) == ["Support Engineer", "Senior Support Engineer"])
    #expect(
      document.roles.map { $0.statements.map(\.text) } == [
        ["Answer tickets", "Write runbooks"], ["Coach the team & review answers"],
      ])
    #expect(document.skipped.isEmpty)
  }
}

/// A seed document read with the reader `--reader auto` picks (checked to be `reader`), and the default graph.
func importSeed(_ file: String, as path: String, expecting reader: String) throws -> (ImportedDocument, Graph)
{
  let text = try String(contentsOf: Paths.seeds.appending(path: file), encoding: .utf8)
  let document = try Importer.read(text, path: path, reader: .auto)
  #expect(document.reader.rawValue == reader)
  return (document, try GraphLoader.loadDefault())
}
