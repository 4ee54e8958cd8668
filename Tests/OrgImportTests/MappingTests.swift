import Foundation
import OrgGraph
import OrgQuery
import Testing

@testable import OrgImport

/// The mapping file: a structured file's own field names and proficiency words, linking rules, and the
/// organisation of each document; its errors at their lines; and two organisations' frameworks imported into
/// one graph, compared through the canonical layer.
@Suite("Mapping file and organisations")
struct MappingTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Mapping")
  static let schema = Paths.repository.appending(path: "docs/mapping.schema.json")

  static func mapping(_ name: String) throws(ImportError) -> ImportMapping {
    try ImportMapping(contentsOf: folder.appending(path: name).path)
  }

  /// Fields named the framework's way: four statements, two themes, each level's statements in order, the
  /// mapping's words read before the usual ones, and a word neither knows a warning at its line.
  @Test func theMappingNamesAStructuredFilesFields() throws {
    let mapping = try Self.mapping("grades-mapping.yaml")
    #expect(mapping.organisation == "Gamma Support")
    let text = try String(contentsOf: Self.folder.appending(path: "grades.yaml"), encoding: .utf8)
    var source = SourceDocument(path: "grades.yaml", text: text)
    source.mapping = mapping
    let document = try Importer.read(source, reader: .auto)
    #expect(document.reader == .structured)
    #expect(document.title == "Support framework")
    #expect(
      document.levels.map { "\($0.rank ?? 0) \($0.title)" } == [
        "1 Support Engineer", "2 Senior Support Engineer",
      ])
    #expect(document.competencies.map { "\($0.name) :\($0.line)" } == ["Customer care :7", "Triage :8"])
    #expect(
      document.levels.flatMap(\.statements).map { "\($0.line) \($0.section ?? "-") \($0.proficiency ?? "-")" }
        == ["10 Customer care foundational", "11 Triage working", "12 Customer care expert", "13 Triage -"])
    #expect(
      document.proficiencyWords == ["Emerging": "foundational", "Developing": "working", "Leads": "expert"])
    #expect(document.warnings.map { "\($0.line) \($0.text)" } == ["13 Strong"])
    // Without the mapping, the file is no framework any reader knows.
    #expect(throws: ImportError.self) {
      try Importer.read(SourceDocument(path: "grades.yaml", text: text), reader: .auto)
    }
  }

  /// A field name the file never uses is a warning, not silence: the file is read under the usual names.
  @Test func aMappedNameTheFileNeverUsesIsAWarning() throws {
    let mapping = try ImportMapping(yaml: "fields: {themes: pilars}\n", path: "m.yaml")
    let text = try String(
      contentsOf: Self.folder.appending(path: "orgs/acme/framework.yaml"), encoding: .utf8)
    var source = SourceDocument(path: "framework.yaml", text: text)
    source.mapping = mapping
    let document = try Importer.read(source, reader: .auto)
    #expect(document.competencies.map(\.name) == ["Code quality", "Mentoring"])
    #expect(
      document.warnings.map { "\($0.line) \($0.text): \($0.reason)" } == [
        "1 pilars: the mapping file names `pilars` for `themes`, and this file has no `pilars`: its usual names were read instead (`themes`, `areas`, `categories`)"
      ])
  }

  /// The mapping's rules link, its ignored phrases do not.
  @Test func theMappingsRulesLink() throws {
    let linker = try CompetencyLinker(
      taxonomy: try GraphLoader.loadDefault(), mapping: Self.mapping("grades-mapping.yaml"))
    #expect(
      linker.links(for: "Sets the team's escalation rules.").map { "\($0.competency) \($0.matchedBy)" } == [
        "competency:incident-management rule \"escalation rules\""
      ])
    #expect(linker.links(for: "Answers within a working day.").isEmpty)
  }

  /// A misspelt key, a word mapped off the scale, and a rule naming no competency: each an error at its line
  /// with a way forward, never ignored.
  @Test func mistakesAreErrorsAtTheirLines() throws {
    let misspelt = folder("misspelt.yaml")
    #expect(
      throws: ImportError(
        path: misspelt, line: 2, message: "`feilds` is no key of a mapping file (did you mean `fields`?)",
        help:
          "its keys are `organisation`, `organisations`, `readers`, `fields`, `proficiency`, `rules`, `ignore`"
      )
    ) { try Self.mapping("misspelt.yaml") }
    #expect(
      throws: ImportError(
        path: folder("bad-scale.yaml"), line: 2, message: "`beginner` is no proficiency of the scale",
        help: "a word means one of awareness, foundational, working, advanced, expert")
    ) { try Self.mapping("bad-scale.yaml") }
    let badRule = try Self.mapping("bad-rule.yaml")
    #expect(
      throws: ImportError(
        path: "mapping", line: 2,
        message:
          "the rule for \"escalation rules\" names `competency:incident-managment`, which is not a competency",
        help: "did you mean `competency:incident-management`?")
    ) { try CompetencyLinker(taxonomy: try GraphLoader.loadDefault(), mapping: badRule) }
    #expect(
      throws: ImportError(
        path: "m.yaml", line: 1,
        message: "`organisation` needs a name with a letter or digit in it, like `Acme Inc`")
    ) { try ImportMapping(yaml: "organisation: '--'\n", path: "m.yaml") }
  }

  func folder(_ name: String) -> String { Self.folder.appending(path: name).path }

  /// Two organisations in one import: one names itself in its file, the other by a pattern; each gets its
  /// own organisation, ids and competencies, and their levels compare through the canonical layer.
  @Test func twoOrganisationsCompare() throws {
    var reading = Importer.read(
      [folder("orgs")], readers: [], organisations: [OrganisationRule(argument: "Beta Ltd=beta/*")])
    #expect(reading.failures.isEmpty)
    #expect(
      reading.documents.map { "\($0.path) \($0.organisation ?? "-")" } == [
        "orgs/acme/framework.yaml Acme Inc", "orgs/beta/matrix.csv Beta Ltd",
      ])
    let linker = try CompetencyLinker(taxonomy: try GraphLoader.loadDefault())
    Importer.link(&reading, with: linker)
    let files = GraphFolderWriter.files(for: reading.documents, organisation: "Handbooks", linker: linker)
    let graph = try GraphLoader.load(files: files.map { ($0.path, $0.text) })
    var session = QuerySession(graph: graph)
    let formatter = ResultFormatter(graph: graph)
    var out = ""
    for query in [
      "orgs | select id, name",
      "levels | select id, name, code, rank | sort by id",
      "competencies as own | where own.id ~ \"/\" | -> broader as canonical | select own.id, canonical.id | sort by own.id",
      "overlap level \"Senior Engineer\", level \"Senior Developer\" | where shared_by = 2",
      // The two organisations' own competencies of one name, and the canonical one, told apart by id.
      "overlap level \"Senior Engineer\", level \"Senior Developer\" | where shared_by = 1 | sort by competency",
      "org \"Beta Ltd\" <- part_of | select id",
    ] {
      let outcome = session.run(query, file: "<test>")
      #expect(outcome.diagnostics.isEmpty, "\(query): \(outcome.diagnostics)")
      out += "> \(query)\n" + formatter.format(try #require(outcome.results.last), as: .table) + "\n"
    }
    Golden.check(out, "two-organisations.txt")
  }

  /// docs/mapping.schema.json says what the reader reads: the same keys, fields, readers and scale, so a file
  /// an editor accepts is one the import accepts.
  @Test func theSchemaMatchesTheReader() throws {
    let data = try Data(contentsOf: Self.schema)
    let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let properties = try #require(root["properties"] as? [String: Any])
    #expect(Set(properties.keys) == Set(ImportMapping.keys))
    #expect(root["additionalProperties"] as? Bool == false)
    let fields = try #require((properties["fields"] as? [String: Any])?["properties"] as? [String: Any])
    #expect(Set(fields.keys) == Set(StructuredFields.usual.map(\.field)))
    let scale = (properties["proficiency"] as? [String: Any])?["additionalProperties"] as? [String: Any]
    #expect(scale?["enum"] as? [String] == ImportMapping.scale)
    let readers = ((properties["readers"] as? [String: Any])?["items"] as? [String: Any])?["properties"]
    let names = ((readers as? [String: Any])?["reader"] as? [String: Any])?["enum"] as? [String]
    #expect(Set(names ?? []) == Set(ReaderChoice.allCases.map(\.rawValue)))
  }

  static var havePython: Bool {
    FileManager.default.isExecutableFile(atPath: Paths.repository.appending(path: ".venv/bin/python").path)
  }

  /// The schema, applied by jsonschema (PyPI) as an editor would: the good mapping files pass, the
  /// misspelt key and the word off the scale fail.
  @Test(.enabled(if: havePython, "no .venv with jsonschema: run ./test, which creates it"))
  func theSchemaJudgesTheFixturesAsTheReaderDoes() throws {
    let script = """
      import json, sys, yaml, jsonschema
      schema = json.load(open(sys.argv[1]))
      for path in sys.argv[2:]:
          errors = list(jsonschema.Draft202012Validator(schema).iter_errors(yaml.safe_load(open(path))))
          print(path.rsplit("/", 1)[-1], "valid" if not errors else "invalid")
      """
    let files = ["grades-mapping.yaml", "misspelt.yaml", "bad-scale.yaml", "bad-rule.yaml"].map(folder)
    let process = Process()
    process.executableURL = Paths.repository.appending(path: ".venv/bin/python")
    process.arguments = ["-c", script, Self.schema.path] + files
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    // The rule's competency is checked against the graph, which a schema cannot see: valid here, an error
    // when the import reads it.
    #expect(
      output
        == "grades-mapping.yaml valid\nmisspelt.yaml invalid\nbad-scale.yaml invalid\nbad-rule.yaml valid\n")
  }
}
