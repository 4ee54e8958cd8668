import Foundation

/// Reads the pages that introduce a folder of framework documents rather than describe a level or role:
/// - a discipline's README in a folder of ladder pages (`# What Do Cloud Engineers Do?`, a description, then
///   `# Cloud Engineering Roles` and a list of links to its level pages): the description of the folder's
///   track, and the levels it lists, in order (the `octopus` reader);
/// - an area's page in a handbook (`# Front-end`, `## PURPOSE OF THE AREA` and its paragraph — or only the
///   title, for a section's index page — and a team's own page, `# Backend`, `## Purpose`): a team with its
///   purpose (the `rocketchat-jd` reader).
package enum IndexPages {
  /// Whether `text` lists ladder pages: list items that link to `L<n>…` documents.
  package static func recognisesTrack(_ text: String) -> Bool {
    ladderLinks(Markdown.parse(text)).count >= 1
  }

  /// Whether `text` is an area's or team's page: a title and a purpose section, or (a README) a title alone.
  package static func recognisesTeam(_ text: String, path: String) -> Bool {
    let blocks = Markdown.parse(FrontMatter(text)?.body ?? text)
    guard let first = blocks.first, case .heading = first.kind else { return false }
    // A guide to writing job descriptions has the same sections, and an Identification one: not a team.
    let template = blocks.contains {
      if case .heading = $0.kind {
        RocketChatJobReader.sectionName($0.text).lowercased() == "identification"
      } else {
        false
      }
    }
    if blocks.contains(where: { isPurposeHeading($0) }) && !template { return true }
    return path.split(separator: "/").last?.lowercased() == "readme.md" && blocks.count == 1
  }

  /// The list items that link to ladder pages, with the link.
  static func ladderLinks(_ blocks: [MarkdownBlock]) -> [(item: MarkdownBlock, link: MarkdownLink)] {
    blocks.filter { $0.kind == .list }.flatMap { Markdown.items($0) }.compactMap { item in
      guard let link = item.links.first, !link.url.contains("://"),
        let last = link.url.split(separator: "/").last
      else { return nil }
      // `L2-Cloud-Engineer.md`, or a name with spaces (`L2%20Platform%20Engineer.md`).
      var file = String(last).removingPercentEncoding ?? String(last)
      if file.hasSuffix(".md") { file.removeLast(3) }
      guard OctopusLadderReader.fileLevel(file) != nil || OctopusLadderReader.levelHeading(file) != nil else {
        return nil
      }
      return (item, link)
    }
  }

  static func isPurposeHeading(_ block: MarkdownBlock) -> Bool {
    guard case .heading(let n) = block.kind, n >= 2 else { return false }
    let name = RocketChatJobReader.sectionName(block.text).lowercased()
    return name == "purpose" || name == "purpose of the area"
  }

  /// Reads a discipline's README: the track's description and its levels.
  package static func readTrack(_ text: String, path: String) throws(ImportError) -> ImportedDocument {
    let lines = text.components(separatedBy: "\n")
    let blocks = Markdown.parse(text)
    let listed = ladderLinks(blocks)
    guard !listed.isEmpty else {
      throw ImportError(
        path: path, message: "no list of level pages",
        help: "a discipline's README lists `[L2 …](L2-….md)` pages",
        unrecognised: true)
    }
    var used = Set<Int>()
    var skipped: [SkippedLine] = []
    let listedLines = Set(listed.map { $0.item.lines.lowerBound })
    var title: String?
    var description: [String] = []
    var descriptionLine: Int?
    // The description: what the README says about the discipline (under its title, or a "What Do Cloud
    // Engineers Do?" section); the guide to the format the level pages share ("Our roles are defined by
    // expectations …", the dimensions, the list of pages, tips) is left to the pages, which hold it themselves.
    var inDescription = true
    func describe(_ text: String, _ block: MarkdownBlock) {
      description.append(text)
      descriptionLine = descriptionLine ?? block.lines.lowerBound
      used.formUnion(block.lines)
    }
    func guide(_ text: String) -> Bool {
      let lower = text.lowercased()
      return ["defined by expectations", "following dimensions", "following pages"].contains {
        lower.contains($0)
      } || lower.hasPrefix("💡") || lower.hasPrefix("see also")
    }
    let reason =
      "the README's guide to the format its level pages share (each page holds its own fields and dimensions)"
    for block in blocks {
      switch block.kind {
      case .heading(1):
        inDescription = title == nil || !block.text.lowercased().hasSuffix(" roles")
        if title == nil { title = block.text }
        used.formUnion(block.lines)
      case .list where Markdown.items(block).contains { listedLines.contains($0.lines.lowerBound) }:
        used.formUnion(block.lines)
      case .paragraph where guide(block.text):
        inDescription = false
        skipped += LineAccount.skipped(block, in: lines, reason: reason)
      case .paragraph where inDescription:
        describe(block.text, block)
      case .list where inDescription:
        describe(Markdown.items(block).map { "- " + $0.text }.joined(separator: "\n"), block)
      default:
        skipped += LineAccount.skipped(block, in: lines, reason: reason)
      }
    }
    let track = ImportedTrack(
      title: title ?? path,
      description: descriptionLine.map {
        ImportedText(text: description.joined(separator: "\n\n"), section: nil, line: $0)
      },
      levels: listed.map { item, link in
        LevelReference(
          name: link.text, document: LevelReferences.localDocument(link.url, from: path),
          line: item.lines.lowerBound)
      })
    return ImportedDocument(
      path: path, reader: .octopus, title: track.title, levels: [],
      skipped: LineAccount.complete(skipped, used: used, lines: lines), used: used, track: track)
  }

  /// Reads an area's or team's page: the team and its purpose.
  package static func readTeam(_ text: String, path: String) throws(ImportError) -> ImportedDocument {
    let lines = text.components(separatedBy: "\n")
    let front = FrontMatter(text)
    _ = try front?.fields(path: path)
    let blocks = Markdown.parse(front?.body ?? text)
    guard let first = blocks.first, case .heading = first.kind else {
      throw ImportError(path: path, message: "no title heading", unrecognised: true)
    }
    var used = Set(first.lines)
    var skipped: [SkippedLine] = []
    if let front {
      used.formUnion(front.fences)
      skipped += front.skipped(
        lines, reason: "the page's front matter: the graph keeps the team, with its name and purpose")
    }
    var purpose: [MarkdownBlock] = []
    var inPurpose = false
    for block in blocks.dropFirst() {
      if isPurposeHeading(block) {
        inPurpose = true
        used.formUnion(block.lines)
        continue
      }
      if case .heading = block.kind { inPurpose = false }
      if inPurpose, block.kind == .paragraph {
        purpose.append(block)
        used.formUnion(block.lines)
      } else {
        skipped += LineAccount.skipped(
          block, in: lines,
          reason: "about the team's work or practices, not its purpose (teams hold a name and a purpose)")
      }
    }
    let team = ImportedTeam(
      name: first.text, line: first.lines.lowerBound,
      purpose: purpose.isEmpty
        ? nil
        : ImportedText(
          text: purpose.map(\.text).joined(separator: "\n\n"), section: nil, line: purpose[0].lines.lowerBound
        ))
    return ImportedDocument(
      path: path, reader: .rocketchatJD, title: first.text, levels: [],
      skipped: LineAccount.complete(skipped, used: used, lines: lines), used: used, team: team)
  }
}
