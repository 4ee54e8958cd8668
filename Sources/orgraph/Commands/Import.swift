import ArgumentParser
import Foundation
import OrgGraph
import OrgImport
import OrgTool

struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract:
      "Read career frameworks — Markdown and HTML pages, CSV and XLSX matrices, YAML and JSON files — into a Graph folder, and report what was read.",
    discussion: """
      Each document becomes one reviewable YAML file with its statements, examples and metadata, each with its source line; a folder of ladder pages becomes a track whose levels are ordered by code. Every line of every document is either in the graph or listed in the report as skipped, with why. The folder is written in one step and passes `orgraph check`; an existing folder is replaced only with --force.

      Readers (--reader NAME for every document, or --reader NAME=PATTERN, repeated, for the documents a pattern matches — `--reader matrix='*.csv' --reader octopus='Security/*'`; auto, the default, reads each document with the reader surest of its shape, and the report says which and why; documents none recognises are listed as not imported):
      \(readers)

      Levels that build on others ("Building on …", "in addition to a junior …") include them; a statement measured against another level ("Equivalent to L2 Software Engineer") refers to it, across documents. A discipline's README describes its track; an area's page gives its team a purpose.

      Statements are linked to the default graph's competencies by their words, with the proficiency and aspect their words give; each link says how it was made. Several organisations' frameworks come in one run, each document of the organisation --organisation NAME=PATTERN or the document itself names. --mapping FILE says what the documents do not: organisations and readers by pattern, a structured file's field names, proficiency words, linking rules and words to ignore (docs/import.md, docs/mapping.schema.json). --update imports again into a folder an import wrote and merges what the documents changed into the files as you left them (docs/import.md).

      Examples:
        orgraph import ../shared/corpora/octopus-people-2024/Security-Operations -o security-ops
        orgraph import --format json Cloud-Engineering/ -o cloud > report.json
        orgraph query --graph security-ops 'levels | select name, code, count(-> expects) as statements'
      """)

  /// Each reader with what it reads, one a paragraph: from `ReaderChoice.readers`.
  static var readers: String {
    ReaderChoice.readers.map { "  \($0.name): \($0.summary)" }.joined(separator: "\n")
  }

  @Option(
    help: ArgumentHelp(
      "auto, or one of the readers above for every document, or NAME=PATTERN for the documents whose path (or, with no `/`, file name) the pattern matches; repeatable, the first match wins.",
      valueName: "reader")
  )
  var reader: [String] = []
  @Option(
    help: ArgumentHelp(
      "The organisation's name, for ids and the manifest (default: the first path's folder's name); or NAME=PATTERN for the documents the pattern matches, repeatable, so several organisations' frameworks import into one graph. A document that names its own (`organisation:` in its front matter or structured file) is of that one unless a pattern says otherwise.",
      valueName: "name"))
  var organisation: [String] = []
  @Option(
    name: [.short, .customLong("output")], help: ArgumentHelp("The Graph folder to write.", valueName: "dir"))
  var output: String?
  @Option(
    help: ArgumentHelp(
      "A mapping file (YAML; docs/import.md, docs/mapping.schema.json): the organisation and the readers of documents by pattern, the field names of structured files, proficiency words, and linking rules and phrases to ignore.",
      valueName: "file"))
  var mapping: String?
  @Flag(help: "Import statements without linking them to competencies.")
  var noLinks = false
  @Option(help: ArgumentHelp("The report's format: text or json.", valueName: "format"))
  var format: TextFormat = .text
  @Flag(
    help:
      "Import again into a folder an earlier import wrote: merge what the documents changed into the files as you left them (reviewed links, comments, corrections stay), and report what changed and any conflicts."
  )
  var update = false
  // The same option group as the other commands: the root command's --force would otherwise shadow this one.
  @OptionGroup var writes: WriteOptions
  @Argument(help: "Documents, or folders of documents.")
  var paths: [String]

  /// The organisation's name when none is given: the first path's folder — itself when it is a folder, the
  /// one holding it when it is a file (a page's own name is no organisation's).
  static func defaultOrganisation(_ path: String) -> String {
    var url = URL(fileURLWithPath: path).standardizedFileURL
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
      url = url.deletingLastPathComponent()
    }
    return url.lastPathComponent.replacingOccurrences(of: "-", with: " ")
  }

  /// The `--reader` options as rules, in order.
  var readerRules: [ReaderRule] { reader.compactMap(ReaderRule.init(argument:)) }

  /// The `--organisation` options: the one with no pattern, and the rules with one.
  var organisationRules: [OrganisationRule] { organisation.map(OrganisationRule.init(argument:)) }

  func validate() throws {
    for argument in reader where ReaderRule(argument: argument) == nil {
      let name = String(argument.split(separator: "=", maxSplits: 1).first ?? "")
      let names = ReaderChoice.allCases.map(\.rawValue)
      let suggestion = Suggestions.didYouMean(name, in: names).first.map { " (\($0))" } ?? ""
      throw ValidationError(
        "--reader: `\(name)` is no reader\(suggestion); the readers are \(names.joined(separator: ", "))")
    }
    if paths.isEmpty { throw ValidationError("name the documents or folders to import") }
    for rule in organisationRules {
      guard rule.name.contains(where: { $0.isLetter || $0.isNumber }) else {
        throw ValidationError(
          "--organisation needs a name with a letter or digit in it, like `--organisation \"Acme Inc\"` or `--organisation \"Beta Ltd=beta/*\"`"
        )
      }
      if rule.pattern?.isEmpty == true {
        throw ValidationError("--organisation \"\(rule.name)=\": name the documents after `=`, like `beta/*`")
      }
    }
    if organisationRules.filter({ $0.pattern == nil }).count > 1 {
      throw ValidationError(
        "--organisation is given more than one name for every document; give one, and NAME=PATTERN for the others"
      )
    }
  }

  /// The mapping file, or an error at its line that stops the import before anything is read.
  func readMapping() throws -> ImportMapping {
    guard let mapping else { return ImportMapping() }
    do throws(ImportError) {
      return try ImportMapping(contentsOf: mapping)
    } catch {
      throw Self.mappingError(error, path: mapping)
    }
  }

  /// A mapping file's problem, as the user sees it: `error: FILE:LINE: …`, and its help.
  static func mappingError(_ error: ImportError, path: String) -> Error {
    let place = path + (error.line.map { ":\($0)" } ?? "")
    FileHandle.standardError.write(
      Data(
        DiagnosticRenderer.plainError(
          "\(place): \(error.message)", help: error.help.map { [$0] } ?? []
        ).utf8))
    return ExitCode(1)
  }

  func run() throws {
    let line = ProgressLine()
    let rules = try readMapping()
    var reading = Importer.read(
      paths, readers: readerRules + rules.readers,
      organisations: organisationRules.filter { $0.pattern != nil } + rules.organisations, mapping: rules,
      progress: line.counter("importing documents"))
    var linker: CompetencyLinker?
    if !noLinks {
      let taxonomy = try GraphLoader.loadDefault()
      do throws(ImportError) {
        linker = try CompetencyLinker(taxonomy: taxonomy, mapping: rules)
      } catch {
        throw Self.mappingError(error, path: mapping ?? "mapping")
      }
      line.status("linking statements to competencies")
      if let linker { Importer.link(&reading, with: linker) }
    }
    // An update keeps the organisation the folder was imported for (its ids hold it).
    let name =
      organisationRules.first { $0.pattern == nil }?.name ?? rules.organisation
      ?? (update ? output.flatMap(ImportUpdate.organisation(of:)) : nil)
      ?? Self.defaultOrganisation(paths[0])
    // What is written must load: a document that would not is reported and left out, before the report.
    line.status("writing the Graph folder")
    let (generated, loadFailure, loaded) = GraphFolderWriter.loadableFiles(
      for: &reading, organisation: name, linker: linker)
    let report =
      format == .json
      ? ImportReport.json(reading, linker: linker) : ImportReport.text(reading, linker: linker)
    line.finish()
    FileHandle.standardOutput.write(Data(report.utf8))
    guard let output else {
      if !reading.documents.isEmpty {
        FileHandle.standardError.write(
          Data("note: nothing written; name the Graph folder with -o DIR\n".utf8))
      }
      if reading.failures.contains(where: { !$0.unrecognised }) { throw ExitCode(1) }
      return
    }
    guard !reading.documents.isEmpty else {
      FileHandle.standardError.write(Data("error: no document could be read, so nothing was written\n".utf8))
      throw ExitCode(1)
    }
    if let loadFailure, reading.documents.isEmpty || generated.isEmpty {
      FileHandle.standardError.write(Data(GraphTool.render(loadFailure, format: .text, color: false).utf8))
      FileHandle.standardError.write(
        Data("error: the imported graph does not load, so nothing was written; please report this\n".utf8))
      throw ExitCode(1)
    }
    if update && !FileManager.default.fileExists(atPath: output + "/" + OutputFolder.marker) {
      FileHandle.standardError.write(
        Data(
          "error: `--update` needs a folder an earlier `orgraph import` wrote, and `\(output)` is not one\n"
            .utf8))
      throw ExitCode(1)
    }
    // An update merges what the documents changed into the files as a person left them; a folder from before
    // the import kept its own copy keeps the reviewed links only.
    let merge = update ? ImportUpdate.merge(into: output, generated) : nil
    var files = generated
    if update && merge == nil {
      files = GraphFolderWriter.files(
        for: reading.documents, organisation: name, linker: linker,
        reviewed: ImportUpdate.reviewedLinks(in: output))
    }
    files = merge?.files ?? files
    // What would be written must load, before anything is written: a fresh import was loaded as it was
    // made; an update's merge is loaded here.
    line.status("checking that the folder loads")
    defer { line.finish() }
    let graph: Graph
    do {
      if !update, let loaded {
        graph = loaded
      } else {
        graph = try GraphLoader.load(
          files: files.filter { $0.path.hasSuffix(".yaml") }.map { (output + "/" + $0.path, $0.text) })
      }
    } catch {
      FileHandle.standardError.write(Data(GraphTool.render(error, format: .text, color: false).utf8))
      let why =
        merge != nil
        ? "the documents' changes merged with your edits do not load (the lines named above are in the merge, not in your files), so nothing was written and your files are as they were; import into a new folder and carry the changes over by hand"
        : "the imported graph does not load, so nothing was written; please report this"
      FileHandle.standardError.write(Data("error: \(why)\n".utf8))
      throw ExitCode(1)
    }
    do throws(OutputFileError) {
      if update {
        let lines = ImportUpdate.summary(folder: output, files: files, merge: merge)
        FileHandle.standardOutput.write(Data(lines.map { "update: \($0)\n" }.joined().utf8))
      }
      line.finish()
      try OutputFolder.write(
        ImportUpdate.withBase(files, generated: generated), to: output, replacing: writes.force || update)
    } catch {
      let imported = FileManager.default.fileExists(atPath: output + "/" + ImportUpdate.baseFolder)
      let help =
        !error.exists
        ? []
        : imported
          ? [
            "an earlier import wrote it: import into it with `--update` to keep the edits made there; `--force` replaces it, edits and all"
          ]
          : ["replace it with `--force`, or name another folder"]
      FileHandle.standardError.write(Data(DiagnosticRenderer.plainError(error.description, help: help).utf8))
      throw ExitCode(1)
    }
    FileHandle.standardError.write(
      Data(
        "wrote \(output): \(graph.nodes.count) nodes, \(graph.edgeCount) edges; `orgraph check --graph \(output)` passes\n"
          .utf8))
    if reading.failures.contains(where: { !$0.unrecognised }) { throw ExitCode(1) }
  }
}

extension ReaderChoice: ExpressibleByArgument {}
