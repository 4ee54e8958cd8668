import Foundation
import OrgGraph
import Yams

/// Writes imported documents as a reviewable Graph folder (docs/graph-format.md): a manifest naming every
/// document, `organisation.yaml` with the organisation and a track per folder of ladder pages (its levels
/// ordered by code into `promotes_to`), and one YAML file per document with its level, statements (as
/// expectations), examples and metadata, each with its `source` line.
public enum GraphFolderWriter {
  /// The files of the Graph folder for `documents`, for the organisation `organisation` (its name).
  public static func files(
    for documents: [ImportedDocument], organisation: String, linker: CompetencyLinker? = nil,
    reviewed: [String: [Node]] = [:]
  ) -> [ExportFile] {
    let plan = FolderPlan(documents: documents, organisation: organisation, reviewed: reviewed)
    var files: [ExportFile] = []
    if let linker { files.append(competenciesFile(linker)) }
    files.append(plan.organisationFile())
    var wroteRefersTo = false
    for index in documents.indices {
      let (file, refersTo) = plan.documentFile(index)
      files.append(file)
      wroteRefersTo = wroteRefersTo || refersTo
    }
    // The manifest comes first, written last: it declares `refers_to` only when a statement refers to a level.
    files.insert(
      // Links carry how they were made: the linker's, and those a document names itself (a matrix row), with
      // or without the linker.
      manifest(
        for: documents, organisation: organisation,
        linked: linker != nil || documents.contains { !$0.competencies.isEmpty }, refersTo: wroteRefersTo),
      at: 0)
    return files
  }

  /// `competencies.yaml`: the taxonomy the import linked to.
  static func competenciesFile(_ linker: CompetencyLinker) -> ExportFile {
    let list = linker.competencies.map { c -> Node in
      var pairs: [(String, Node)] = [("id", Node(c.id)), ("name", Node(c.name))]
      if let area = c.area { pairs.append(("area", Node(area))) }
      if !c.aliases.isEmpty { pairs.append(("aliases", Node(c.aliases.map { Node($0) }))) }
      return mapping(pairs)
    }
    return ExportFile(
      path: "competencies.yaml",
      text: yaml(
        [("competencies", Node(list))],
        comment: "The competencies links may point at (the taxonomy the import used)."))
  }

  /// A document's id: its path, slugged (`corpora-octopus-people-2024-security-operations-l2-security-analyst`).
  static func documentID(_ d: ImportedDocument) -> String {
    // A page's `.md` is no part of its id; any other ending is, as a word (`skills-csv`), so that
    // `skills.csv` and `skills.yaml` in one folder stay two documents.
    let stem =
      d.path.lowercased().hasSuffix(".md")
      ? String(d.path.dropLast(3))
      : [".csv", ".yaml", ".yml", ".json", ".xlsx"].first { d.path.lowercased().hasSuffix($0) }.map {
        String(d.path.dropLast($0.count)) + "-" + $0.dropFirst()
      } ?? d.path
    return GraphBuilder.slug(stem.replacingOccurrences(of: "/", with: "-"))
  }

  /// The manifest: the organisation, the documents, and the schema's extensions the import uses.
  static func manifest(for documents: [ImportedDocument], organisation: String, linked: Bool, refersTo: Bool)
    -> ExportFile
  {
    var manifest: [(String, Node)] = [
      ("orgraph", Node("1", Tag(.int))), ("name", Node(organisation + " (imported)")),
      (
        "documents",
        Node(
          documents.map { d in
            Node.mapping(
              Node.Mapping([
                (Node("id"), Node(documentID(d))), (Node("title"), Node(d.title)),
                (Node("origin"), Node(d.path)),
              ]))
          })
      ),
    ]
    var schema: [(String, Node)] = []
    if refersTo {
      // A statement measured against another level: "(Equivalent to L2 Software Engineer)".
      schema.append(
        (
          "edges",
          Node([
            mapping([
              ("name", Node("refers_to")), ("from", Node("expectation")),
              ("to", Node([Node("level"), Node("role")])),
              ("description", Node("a statement names the level or role it is measured against")),
            ])
          ])
        ))
    }
    if linked {
      // How each link was made, how sure it is, and the words that rated it, are properties of `expresses` in this graph.
      let extra = mapping([
        ("matched_by", Node("string")), ("confidence", Node("number")), ("cue", Node("string")),
        ("reviewed", Node("bool")),
      ])
      schema.append(("properties", mapping([("expresses", extra)])))
    }
    if !schema.isEmpty { manifest.append(("schema", mapping(schema))) }
    return ExportFile(path: "orgraph.yaml", text: yaml(manifest, comment: "Imported by `orgraph import`."))
  }

  /// `promotes_to` within each track: each level to the levels of the next step (rank, then maturity) whose
  /// titles share the most words with its own (so a folder holding an analyst and an engineer ladder keeps
  /// them apart).
  static func promotions(_ tracks: [[(id: String, level: ImportedLevel)]]) -> [String: [String]] {
    var out: [String: [String]] = [:]
    func words(_ t: String) -> Set<String> { Set(t.lowercased().split(separator: " ").map(String.init)) }
    /// A level's step: its rank, then the maturity its code gives (`L1.0`, a graduate level, comes before
    /// `L1`, which counts as `L1.1`).
    func step(_ level: ImportedLevel) -> [Int]? {
      guard let rank = level.rank else { return nil }
      let minor = level.code?.split(separator: ".").dropFirst().first.flatMap { Int($0) } ?? 1
      return [rank, minor]
    }
    for levels in tracks {
      let steps = Set(levels.compactMap { step($0.level) }).sorted { $0.lexicographicallyPrecedes($1) }
      for (r, current) in steps.enumerated() where r + 1 < steps.count {
        let here = levels.filter { step($0.level) == current }
        let next = levels.filter { step($0.level) == steps[r + 1] }
        for h in here {
          let scores = next.map { n -> Double in
            let a = words(h.level.title)
            let b = words(n.level.title)
            return Double(a.intersection(b).count) / Double(max(a.union(b).count, 1))
          }
          let best = scores.max() ?? 0
          out[h.id] = zip(next, scores).filter { $0.1 == best }.map { $0.0.id }
        }
      }
    }
    return out
  }

  /// Id paths for the titles of a document's levels or roles: each title's words, `-2`, `-3` for repeats.
  static func unitIDs(_ titles: [String]) -> [String] {
    var taken: [String: Int] = [:]
    return titles.map { title in
      let base = wordsID(title)
      taken[base, default: 0] += 1
      return base + (taken[base] == 1 ? "" : "-\(taken[base] ?? 1)")
    }
  }

  /// Four hex digits from the whole text (FNV-1a), so two statements that start alike get different ids that
  /// do not depend on their order.
  static func shortHash(_ text: String) -> String {
    var hash: UInt32 = 2_166_136_261
    for byte in text.utf8 {
      hash ^= UInt32(byte)
      hash = hash &* 16_777_619
    }
    let folded = (hash >> 16) ^ (hash & 0xFFFF)
    let hex = String(folded, radix: 16)
    return String(repeating: "0", count: 4 - hex.count) + hex
  }

  /// An id path from a statement's first words: `i-know-the-tools-the-team` (at most 40 characters, cut
  /// between words).
  static func wordsID(_ text: String) -> String {
    var slug = ""
    for word in GraphBuilder.slug(text).split(whereSeparator: { "-/._".contains($0) }).prefix(6) {
      guard slug.count + word.count + 1 <= 40 || slug.isEmpty else { break }
      slug += (slug.isEmpty ? "" : "-") + word.prefix(40)
    }
    return slug.isEmpty ? "statement" : slug
  }

  /// One `expresses` entry: the competency, the cues, and how the link was made.
  static func expresses(_ link: CompetencyLinker.Link) -> Node {
    var e: [(String, Node)] = [("to", Node(link.competency))]
    if let proficiency = link.proficiency { e.append(("proficiency", Node(proficiency))) }
    if let cue = link.cue { e.append(("cue", Node(cue))) }
    if let aspect = link.aspect { e.append(("aspect", Node(aspect))) }
    e.append(("matched_by", Node(link.matchedBy)))
    e.append(("confidence", Node(String(link.confidence), Tag(.float))))
    return mapping(e)
  }

  static func mapping(_ pairs: [(String, Node)]) -> Node {
    Node.mapping(Node.Mapping(pairs.map { (Node($0.0), $0.1) }))
  }

  static func yaml(_ pairs: [(String, Node)], comment: String?) -> String {
    let body = (try? Yams.serialize(node: textsAsText(mapping(pairs)), width: -1, allowUnicode: true)) ?? ""
    return (comment.map { "# \($0)\n" } ?? "") + readableEscapes(body)
  }

  /// `node` with every text a document gave that YAML would read as something else — a cell saying `null`,
  /// `~`, `yes`, `7` — written in quotes, so it loads as the text it is (the import fuzz target found a
  /// workbook cell `null` written as `text: null`). Values written with an explicit tag (a rank) are kept.
  static func textsAsText(_ node: Node) -> Node {
    switch node {
    case .scalar(let scalar):
      guard scalar.tag.description.isEmpty, Resolver.default.resolveTag(of: node) != .str else { return node }
      return Node(scalar.string, Tag(.implicit), .doubleQuoted)
    case .mapping(let mapping):
      return .mapping(
        Node.Mapping(mapping.map { ($0.key, textsAsText($0.value)) }, mapping.tag, mapping.style))
    case .sequence(let sequence):
      return .sequence(Node.Sequence(sequence.map(textsAsText), sequence.tag, sequence.style))
    case .alias: return node
    }
  }

  /// libyaml writes characters beyond U+FFFF (emoji) as `\UXXXXXXXX` escapes even when Unicode is allowed;
  /// reviewers should see 🦉. The escape is replaced by the character, which a double-quoted scalar may hold.
  static func readableEscapes(_ text: String) -> String {
    guard text.contains("\\U") else { return text }
    var out = ""
    let chars = Array(text.unicodeScalars)
    var i = 0
    while i < chars.count {
      if chars[i] == "\\", i + 1 < chars.count {
        if chars[i + 1] == "U", i + 9 < chars.count + 0, i + 10 <= chars.count,
          let value = UInt32(String(String.UnicodeScalarView(chars[(i + 2)..<(i + 10)])), radix: 16),
          let scalar = Unicode.Scalar(value)
        {
          out.unicodeScalars.append(scalar)
          i += 10
          continue
        }
        // Any other escape (`\\`, `\"` …) is copied whole, so its second character is not read as a new one.
        out.unicodeScalars.append(chars[i])
        out.unicodeScalars.append(chars[i + 1])
        i += 2
        continue
      }
      out.unicodeScalars.append(chars[i])
      i += 1
    }
    return out
  }
}

extension StringProtocol {
  /// Whether the text is empty or only white space: such a value is left out of a written file (the graph's
  /// loader refuses an empty text property), never written as `key:` with nothing after it.
  var isBlank: Bool { allSatisfy(\.isWhitespace) }
}

extension GraphFolderWriter {
  /// The files of the Graph folder for `reading`, made so that they load: a document whose file makes the
  /// folder fail to load (a shape the writer did not foresee) is moved from `reading.documents` to
  /// `reading.failures`, with the first error about it, and the rest are written again — so one bad page
  /// never stops the others. Returns the files with the graph they load as, or, when the error is in no
  /// document's file (the organisation or the manifest), the load's failure: then nothing can be written.
  public static func loadableFiles(
    for reading: inout Importer.Reading, organisation: String, linker: CompetencyLinker? = nil,
    reviewed: [String: [Node]] = [:]
  ) -> (files: [ExportFile], failure: GraphLoadFailure?, graph: Graph?) {
    while true {
      let files = self.files(
        for: reading.documents, organisation: organisation, linker: linker, reviewed: reviewed)
      let failure: GraphLoadFailure
      do {
        let graph = try GraphLoader.load(
          files: files.filter { $0.path.hasSuffix(".yaml") }.map { ($0.path, $0.text) })
        return (files, nil, graph)
      } catch {
        failure = error
      }
      // An id a refused node would have defined is unknown everywhere it is named: blame those only when
      // nothing else is wrong, so a promotion into a bad page does not take its neighbour out too.
      let all = failure.diagnostics.filter { $0.severity == .error }
      let primary = all.filter { $0.code != .G201 }
      let errors = primary.isEmpty ? all : primary
      let bad = reading.documents.indices.filter { d in
        let file = documentID(reading.documents[d]) + ".yaml"
        return errors.contains { $0.range?.file == file }
      }
      guard !bad.isEmpty else { return (files, failure, nil) }
      for d in bad.reversed() {
        let document = reading.documents.remove(at: d)
        let file = documentID(document) + ".yaml"
        let first = errors.first { $0.range?.file == file }
        reading.failures.append(
          ImportError(
            path: document.path, line: nil,
            message:
              "the \(document.reader.rawValue) reader read it, but what it made does not load (\(first.map { "\($0.code): \($0.message)" } ?? "an error")), so it is left out",
            help:
              "the other documents are written; please report this document, or try another reader with --reader"
          ))
      }
      if reading.documents.isEmpty { return ([], failure, nil) }
    }
  }
}
