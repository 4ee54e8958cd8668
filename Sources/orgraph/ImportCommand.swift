import ArgumentParser
import Foundation
import OrgGraph
import OrgImport
import OrgTool

struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Read career-framework handbooks (Markdown) into a Graph folder, and report what was read.",
    discussion: """
      Each document becomes one reviewable YAML file with its statements, examples and metadata, each with its source line; a folder of ladder pages becomes a track whose levels are ordered by code. Every line of every document is either in the graph or listed in the report as skipped, with why. The folder is written in one step and passes `orgraph check`; an existing folder is replaced only with --force.

      Readers: octopus (ladder pages, one level per file: `# L3: Senior Engineer`, a `>` archetype, metadata bullets, emoji-headed dimensions, `<details>` examples); octopus-roles (discipline pages: `# Product Roles`, a `##` per role or level, `### I …` groups of bullets); rocketchat-jd (job descriptions: front matter, an Identification list, numbered sections); rocketchat-roles (a heading per role with purpose, description and Responsibilities, or a table of roles). With --reader auto (the default) each document is read by the reader that recognises its shape; documents none recognises are listed as not imported.

      Statements are linked to the default graph's competencies by their words, with the proficiency and aspect their words give; each link says how it was made. --mapping adds rules and words to ignore. --update imports again into a folder an import wrote, keeping the links marked `reviewed: true` and reporting what changed (docs/import.md).

      Examples:
        orgraph import ../shared/corpora/octopus-people-2024/Security-Operations -o security-ops
        orgraph import --format json Cloud-Engineering/ -o cloud > report.json
        orgraph query --graph security-ops 'levels | select name, code, count(-> expects) as statements'
      """)

  @Option(
    help: ArgumentHelp(
      "auto (the default), octopus, octopus-roles, rocketchat-jd or rocketchat-roles.", valueName: "reader")
  )
  var reader: ReaderChoice = .auto
  @Option(
    help: ArgumentHelp(
      "The organisation's name, for ids and the manifest (default: the first folder's name).",
      valueName: "name"))
  var organisation: String?
  @Option(
    name: [.short, .customLong("output")], help: ArgumentHelp("The Graph folder to write.", valueName: "dir"))
  var output: String?
  @Option(
    help: ArgumentHelp(
      "A mapping file of linking rules (YAML: `rules: [{phrase: …, competency: competency:…}]`, `ignore: [phrase, …]`), used with the default graph's competencies.",
      valueName: "file"))
  var mapping: String?
  @Flag(help: "Import statements without linking them to competencies.")
  var noLinks = false
  @Option(help: ArgumentHelp("The report's format: text or json.", valueName: "format"))
  var format: TextFormat = .text
  @Flag(
    help:
      "Import again into a folder an earlier import wrote: keep the links marked `reviewed: true`, replace the rest, and report what changed."
  )
  var update = false
  // The same option group as the other commands: the root command's --force would otherwise shadow this one.
  @OptionGroup var writes: WriteOptions
  @Argument(help: "Documents, or folders of documents.")
  var paths: [String]

  func validate() throws {
    if paths.isEmpty { throw ValidationError("name the documents or folders to import") }
  }

  func run() throws {
    var reading = Importer.read(paths, reader: reader)
    var linker: CompetencyLinker?
    if !noLinks {
      var rules: String?
      if let mapping {
        guard let text = try? String(contentsOfFile: mapping, encoding: .utf8) else {
          throw ValidationError("cannot read the mapping file `\(mapping)`")
        }
        rules = text
      }
      let taxonomy = try GraphLoader.loadDefault()
      do throws(ImportError) {
        linker = try CompetencyLinker(taxonomy: taxonomy, mapping: rules)
      } catch {
        throw ValidationError("the mapping file `\(mapping ?? "")` \(error.message)")
      }
      if let linker { Importer.link(&reading, with: linker) }
    }
    let report = format == .json ? ImportReport.json(reading) : ImportReport.text(reading)
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
    let name =
      organisation
      ?? URL(fileURLWithPath: paths[0]).standardizedFileURL.lastPathComponent.replacingOccurrences(
        of: "-", with: " ")
    var reviewed: ImportUpdate.ReviewedLinks = [:]
    if update {
      guard FileManager.default.fileExists(atPath: output + "/" + OutputFolder.marker) else {
        FileHandle.standardError.write(
          Data(
            "error: `--update` needs a folder an earlier `orgraph import` wrote, and `\(output)` is not one\n"
              .utf8))
        throw ExitCode(1)
      }
      reviewed = ImportUpdate.reviewedLinks(in: output)
    }
    let files = GraphFolderWriter.files(
      for: reading.documents, organisation: name, linker: linker, reviewed: reviewed)
    // What would be written must load, before anything is written.
    let graph: Graph
    do {
      graph = try GraphLoader.load(
        files: files.filter { $0.path.hasSuffix(".yaml") }.map { (output + "/" + $0.path, $0.text) })
    } catch {
      FileHandle.standardError.write(Data(GraphTool.render(error, format: .text, color: false).utf8))
      FileHandle.standardError.write(
        Data("error: the imported graph does not load, so nothing was written; please report this\n".utf8))
      throw ExitCode(1)
    }
    do throws(OutputFileError) {
      if update {
        let changes = ImportUpdate.changes(from: output, to: files)
        let kept = reviewed.values.reduce(0) { $0 + $1.count }
        FileHandle.standardOutput.write(
          Data(
            ("update: \(kept) reviewed link\(kept == 1 ? "" : "s") kept\n"
              + changes.map { "update: \($0)\n" }.joined()).utf8))
      }
      try OutputFolder.write(files, to: output, replacing: writes.force || update)
    } catch {
      let help = error.exists ? "\n  = help: replace it with `--force`, or name another folder" : ""
      FileHandle.standardError.write(Data("error: \(error.description)\(help)\n".utf8))
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
