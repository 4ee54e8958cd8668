/// What a reader found in one document: its levels with their statements, examples and metadata, and every
/// line it did not use, with why — so nothing a document holds is dropped silently.
public struct ImportedDocument: Sendable, Hashable {
  /// The document's path as given (relative to the folder imported, when a folder was).
  public var path: String
  /// The reader that read it.
  public var reader: ReaderChoice
  /// Why that reader: what it recognised in the document, or that `--reader` named it; set by
  /// ``Importer/read(_:path:reader:)``.
  public var readBecause: String? = nil
  /// The document's title (its first heading).
  public var title: String
  /// The levels it describes.
  public var levels: [ImportedLevel]
  /// The roles it describes (job descriptions, roles pages).
  public var roles: [ImportedRole] = []
  /// Lines that carry text but are not in the graph.
  public var skipped: [SkippedLine]
  /// Every line number the graph holds something from.
  public var used: Set<Int>
  /// Lines read, but read as best the reader could (HTML that is not well-formed), to check by eye.
  public var warnings: [SkippedLine] = []
  /// The track a discipline's README describes (its folder's track).
  public var track: ImportedTrack? = nil
  /// The team an area's or team's page describes.
  public var team: ImportedTeam? = nil
  /// The organisation's own competencies the document names (a matrix's rows), which its statements
  /// express (``ImportedText/competency``).
  public var competencies: [ImportedCompetency] = []
  /// The organisation the document is of, when it says (`organisation:` in its front matter or at the top
  /// of a structured file) or a rule names it (`--organisation NAME=PATTERN`, a mapping's `organisations`);
  /// `nil` for the import's organisation.
  public var organisation: String? = nil
  /// The proficiency words the document uses, and the scale's case each was read as (`Practitioner` →
  /// `advanced`), for the report.
  public var proficiencyWords: [String: String] = [:]
}

/// A competency as an organisation's framework names it: a row of a matrix, with its area.
public struct ImportedCompetency: Sendable, Hashable {
  /// Its name, as written.
  public var name: String
  /// The area (category) it is under, when the document groups them.
  public var area: String?
  /// The line that first names it.
  public var line: Int
  /// The canonical competency its name means, once linked (``Importer/link(_:with:)``), or `nil` when the
  /// taxonomy has none.
  public var canonical: String? = nil
}

/// A ladder as its README describes it: the folder's track.
public struct ImportedTrack: Sendable, Hashable {
  /// The README's title.
  public var title: String
  /// What the discipline does.
  public var description: ImportedText?
  /// The level pages it lists, in its order.
  public var levels: [LevelReference]
}

/// A team (an area) as its own page describes it.
public struct ImportedTeam: Sendable, Hashable {
  /// Its name (the page's title).
  public var name: String
  /// The line of the title.
  public var line: Int
  /// Why it exists.
  public var purpose: ImportedText?
}

/// One level of a ladder, as a document describes it.
public struct ImportedLevel: Sendable, Hashable {
  /// `L3`, `L3.2`, or `nil` when the heading has no code.
  public var code: String?
  /// The level's number (3 for `L3.2`).
  public var rank: Int?
  /// The title: `Senior Cloud Security Engineer`.
  public var title: String
  /// The line of its heading.
  public var line: Int
  /// The `>` line under the heading.
  public var archetype: String?
  /// A paragraph between the heading and the first dimension that is not the archetype.
  public var description: String? = nil
  /// Metadata, by schema property (`planning_horizon`, …), with its line.
  public var metadata: [String: ImportedText]
  /// First-person statements, each with its dimension.
  public var statements: [ImportedText]
  /// Examples, each with its dimension.
  public var examples: [ImportedText]
  /// The levels it builds on ("Building on Quality Coach (Level 2)", "equivalent to a Junior Software
  /// Engineer"): `includes` in the graph.
  public var includes: [LevelReference] = []
  /// The ladder it belongs to, when one document holds several (a matrix's tables): its name.
  public var track: String? = nil
}

/// A role, as a job description or a roles page describes it.
public struct ImportedRole: Sendable, Hashable {
  /// The role's name (the position).
  public var title: String
  /// The line of its heading.
  public var line: Int
  /// The front matter's or the second paragraph's description.
  public var description: ImportedText?
  /// The purpose paragraph.
  public var purpose: ImportedText?
  /// The area (team) it is in.
  public var area: ImportedText?
  /// The person who leads that area.
  public var lead: ImportedText?
  /// The area's purpose, when the document gives it.
  public var areaPurpose: ImportedText?
  /// Statements: purpose bullets, key activities, key skills, responsibilities.
  public var statements: [ImportedText] = []
  /// Challenges (a role property).
  public var challenges: [ImportedText] = []
  /// Performance standards (a role property).
  public var performanceStandards: [ImportedText] = []
  /// Values and rules of behaviour.
  public var values: [ImportedText] = []
}

/// A piece of a document's text with where it is.
public struct ImportedText: Sendable, Hashable {
  /// The text as a reader sees it rendered.
  public var text: String
  /// The section (dimension) it is under, when it has one.
  public var section: String?
  /// Its line.
  public var line: Int
  /// The competencies it expresses, once linked (``Importer/link(_:with:)``).
  public var links: [CompetencyLinker.Link] = []
  /// The links written in it (`[L2 Software Engineer](../Software-Engineering/L2-Software-Engineer.md)`).
  public var hyperlinks: [MarkdownLink] = []
  /// The levels or roles it is measured against ("(Equivalent to L2 Software Engineer)"): `refers_to`.
  public var refersTo: [LevelReference] = []
  /// The organisation's competency it expresses, by its place in ``ImportedDocument/competencies`` (a
  /// matrix cell expresses its row's).
  public var competency: Int? = nil
  /// The proficiency the document states for it, on the scale (`advanced`), read from a word the document
  /// uses (`Practitioner`).
  public var proficiency: String? = nil
}

/// A line that is not in the graph, and why.
public struct SkippedLine: Sendable, Hashable {
  /// The line number.
  public var line: Int
  /// The line as written (trimmed).
  public var text: String
  /// Why it was not imported.
  public var reason: String
}

/// Why a document could not be read at all.
public struct ImportError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The document.
  public var path: String
  /// The line, when the problem has one.
  public var line: Int?
  /// What is wrong, in a few words.
  public var message: String
  /// How to go on.
  public var help: String?
  /// Whether the document is fine but no reader reads its kind (a README, a licence): listed, not an error.
  public var unrecognised = false

  /// `PATH:LINE: message`.
  public var description: String {
    "\(path)\(line.map { ":\($0)" } ?? ""): \(message)"
  }
}
