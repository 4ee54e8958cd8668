import Foundation
import OrgGraph

/// A statement and the competencies linked from it, wherever the links were made: a fresh reading or a
/// Graph folder an import wrote.
public struct LinkedStatement: Sendable, Hashable {
  /// One link from the statement.
  public struct Link: Sendable, Hashable {
    /// The competency's id, `competency:…`.
    public var competency: String
    /// The proficiency the link carries, if any.
    public var proficiency: String?
    /// How sure the linker was (0–1); 1 for a link someone wrote.
    public var confidence: Double
    /// How the link was made: `alias "k8s"`, `rule "…"`, or `declared` for a link written by hand.
    public var matchedBy: String

    /// A link to `competency`.
    public init(
      competency: String, proficiency: String? = nil, confidence: Double = 1, matchedBy: String = "declared"
    ) {
      self.competency = competency
      self.proficiency = proficiency
      self.confidence = confidence
      self.matchedBy = matchedBy
    }
  }

  /// The statement's node id, when it comes from a graph.
  public var id: String?
  /// The document as the import names it: `octopus-people-2024/Cloud-Engineering/L2-Cloud-Engineer.md`.
  public var document: String
  /// The statement's 1-based line in the document.
  public var line: Int
  /// The statement, verbatim.
  public var text: String
  /// Its links, in the order they were made.
  public var links: [Link]

  /// A statement of `document` at `line`.
  public init(id: String? = nil, document: String, line: Int, text: String, links: [Link]) {
    self.id = id
    self.document = document
    self.line = line
    self.text = text
    self.links = links
  }

  /// What a labelled set calls the statement: `document:line#hash`, the hash telling apart two statements on
  /// one line (the items of a table cell) and showing when a document's text has changed.
  public var key: String { "\(document):\(line)#\(LinkQuality.hash(text))" }

  /// Every statement of `reading` (levels' and roles'), with its links.
  public static func all(in reading: Importer.Reading) -> [LinkedStatement] {
    var out: [LinkedStatement] = []
    func add(_ statement: ImportedText, _ document: String) {
      out.append(
        LinkedStatement(
          document: document, line: statement.line, text: statement.text,
          links: statement.links.map {
            Link(
              competency: $0.competency, proficiency: $0.proficiency, confidence: $0.confidence,
              matchedBy: $0.matchedBy)
          }))
    }
    for document in reading.documents {
      for level in document.levels { for s in level.statements { add(s, document.path) } }
      for role in document.roles { for s in role.statements { add(s, document.path) } }
    }
    return out
  }

  /// Every expectation of `graph` that has a source, with its `expresses` links to competencies; the
  /// document is named by the manifest's `origin` for it (the path an import read), else by its id.
  public static func all(in graph: Graph) -> [LinkedStatement] {
    let origins = Dictionary(
      graph.manifest.documents.map { ($0.id, $0.origin ?? $0.id) }, uniquingKeysWith: { a, _ in a })
    var out: [LinkedStatement] = []
    for node in graph.nodes(ofKind: "expectation") {
      guard case .source(let source)? = graph.property("source", of: node),
        case .string(let text)? = graph.property("text", of: node)
      else { continue }
      var links: [Link] = []
      for (target, edge) in graph.neighbors(of: node, via: "expresses")
      where graph.kind(of: target).name == "competency" {
        var link = Link(competency: graph.id(of: target))
        if case .enumCase(let p)? = graph.property("proficiency", of: edge), p.name != "unrated" {
          link.proficiency = p.name
        }
        switch graph.property("confidence", of: edge) {
        case .number(let c)?: link.confidence = c
        case .int(let c)?: link.confidence = Double(c)
        default: break
        }
        if case .string(let how)? = graph.property("matched_by", of: edge) { link.matchedBy = how }
        links.append(link)
      }
      out.append(
        LinkedStatement(
          id: graph.id(of: node), document: origins[source.document] ?? source.document, line: source.line,
          text: text, links: links))
    }
    return out
  }
}

/// How well links match a labelled set: statements a careful reader labelled with the competencies they
/// express (and the proficiency their words give), compared with the links the linker made.
///
/// The labelled set is a tab-separated file, one statement a line, `#` lines aside:
///
///     statement                                   competencies               proficiency  contradicted
///     octopus-people-2024/Cloud-Engineering/L2-Cloud-Engineer.md:13#1a2b3c4d  networking linux  working  -
///
/// - `statement` is ``LinkedStatement/key``: the document, the line, and a hash of the text;
/// - `competencies` are the slugs of the competencies the sentence expresses (`competency:` left off),
///   separated by spaces, or `-` for none;
/// - `proficiency` is the level the sentence's own words give (`-` when they give none; `?` or empty when
///   not judged);
/// - `contradicted` (optional) lists competencies the sentence's words rule out — a link to one of them is a
///   contradiction, the worst kind of wrong link.
public struct LinkQuality: Sendable {
  /// One labelled statement.
  public struct Label: Sendable, Hashable {
    /// ``LinkedStatement/key``.
    public var key: String
    /// The family it belongs to: the first folder of its document (a corpus).
    public var family: String
    /// The competency ids it expresses.
    public var competencies: Set<String>
    /// The proficiency its words give: `nil` when not judged, `""` when the words give none.
    public var proficiency: String?
    /// Competency ids its words rule out.
    public var contradicted: Set<String>
    /// The line of the labelled set.
    public var line: Int
  }

  /// The figures of one family, or of all.
  public struct Score: Sendable, Hashable {
    /// The family (a corpus folder), or `all`.
    public var family: String
    /// Statements labelled.
    public var labelled = 0
    /// Statements found among the linked ones (a statement not found was changed or is no longer read).
    public var found = 0
    /// Links made to the found statements.
    public var links = 0
    /// Links that are labelled right.
    public var right = 0
    /// Competencies the labels give (found or not).
    public var expected = 0
    /// Proficiencies judged, and judged right, on statements with a right link.
    public var proficiencyJudged = 0
    /// Proficiencies right.
    public var proficiencyRight = 0
    /// Links to a competency the statement's words rule out.
    public var contradictions = 0

    /// Right links over links made (1 when none were made).
    public var precision: Double { links == 0 ? 1 : Double(right) / Double(links) }
    /// Right links over the competencies labelled (1 when none were labelled).
    public var recall: Double { expected == 0 ? 1 : Double(right) / Double(expected) }
    /// Right proficiencies over those judged (1 when none were judged).
    public var proficiencyAccuracy: Double {
      proficiencyJudged == 0 ? 1 : Double(proficiencyRight) / Double(proficiencyJudged)
    }
  }

  /// One difference between the links and the labels, for a reviewer.
  public struct Finding: Sendable, Hashable {
    /// `wrong` (a link the labels do not give), `missed` (a labelled competency with no link),
    /// `contradicted`, `proficiency`, or `not found` (a labelled statement the links do not have).
    public var kind: String
    /// The statement's key.
    public var key: String
    /// The competency concerned, if any.
    public var competency: String?
    /// What else there is to say: how the link was made, or the proficiencies.
    public var detail: String
    /// The statement's text, when it was found.
    public var text: String?
  }

  /// The labels, in file order.
  public let labels: [Label]

  /// The labelled set in `text` (see the type's documentation); `file` names it in errors.
  public init(parsing text: String, file: String = "labels") throws(ImportError) {
    var labels: [Label] = []
    var seen: [String: Int] = [:]
    for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.trimmingCharacters(in: .whitespaces)
      guard !line.isEmpty, !line.hasPrefix("#") else { continue }
      let fields = raw.split(separator: "\t", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      guard fields.count >= 2, let hash = fields[0].lastIndex(of: "#"),
        fields[0][..<hash].contains(":")
      else {
        throw ImportError(
          path: file, line: i + 1,
          message: "a label is `document:line#hash<TAB>competencies<TAB>proficiency[<TAB>contradicted]`",
          help: "`orgraph links --graph DIR --keys` prints the keys of a graph's statements")
      }
      if let first = seen[fields[0]] {
        throw ImportError(
          path: file, line: i + 1, message: "labels `\(fields[0])` again (first on line \(first))",
          help: "keep one line per statement")
      }
      seen[fields[0]] = i + 1
      func ids(_ field: String) -> Set<String> {
        field == "-" ? [] : Set(field.split(separator: " ").map { "competency:" + $0 })
      }
      let proficiency: String? =
        fields.count > 2 && !["", "?"].contains(fields[2]) ? (fields[2] == "-" ? "" : fields[2]) : nil
      labels.append(
        Label(
          key: fields[0], family: String(fields[0].split(separator: "/").first ?? ""),
          competencies: ids(fields[1]), proficiency: proficiency,
          contradicted: fields.count > 3 ? ids(fields[3]) : [], line: i + 1))
    }
    self.labels = labels
  }

  /// The competencies the labels name that `known` does not have: a label to fix, or a competency the
  /// taxonomy lost.
  public func unknownCompetencies(_ known: Set<String>) -> [(label: Label, competency: String)] {
    labels.flatMap { label in
      label.competencies.union(label.contradicted).subtracting(known).sorted().map { (label, $0) }
    }
  }

  /// The scores of `statements` against the labels: one per family, in name order, then `all`; and the
  /// findings, in the labels' order. Only links to `canonical` competencies count, when it is given: a
  /// link to the organisation's own competency (a matrix row's) is the document's word, not a judgement.
  /// With `minimumConfidence`, links less sure than that are left out, as a reviewer who trusts only the
  /// surer links would.
  public func score(
    _ statements: [LinkedStatement], canonical: Set<String>? = nil, minimumConfidence: Double = 0
  ) -> (
    scores: [Score], findings: [Finding]
  ) {
    let byKey = Dictionary(statements.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
    var families: [String: Score] = [:]
    var all = Score(family: "all")
    var findings: [Finding] = []
    for label in labels {
      var score = Score(family: label.family)
      score.labelled = 1
      score.expected = label.competencies.count
      if let statement = byKey[label.key] {
        score.found = 1
        // One link per competency counts (a reader's link and the linker's to the same one are one).
        var counted = Set<String>()
        var rightLinks: [LinkedStatement.Link] = []
        for link in statement.links
        where link.confidence >= minimumConfidence && canonical?.contains(link.competency) ?? true
          && counted.insert(link.competency).inserted
        {
          score.links += 1
          if label.competencies.contains(link.competency) {
            score.right += 1
            rightLinks.append(link)
          } else if label.contradicted.contains(link.competency) {
            score.contradictions += 1
            findings.append(
              Finding(
                kind: "contradicted", key: label.key, competency: link.competency, detail: link.matchedBy,
                text: statement.text))
          } else {
            findings.append(
              Finding(
                kind: "wrong", key: label.key, competency: link.competency, detail: link.matchedBy,
                text: statement.text))
          }
        }
        for missed in label.competencies.subtracting(counted).sorted() {
          findings.append(
            Finding(kind: "missed", key: label.key, competency: missed, detail: "", text: statement.text))
        }
        if let expected = label.proficiency, !rightLinks.isEmpty {
          score.proficiencyJudged = 1
          let given = rightLinks.compactMap(\.proficiency).first ?? ""
          if given == expected {
            score.proficiencyRight = 1
          } else {
            findings.append(
              Finding(
                kind: "proficiency", key: label.key, competency: rightLinks[0].competency,
                detail:
                  "linked \(given.isEmpty ? "with none" : given), labelled \(expected.isEmpty ? "none" : expected)",
                text: statement.text))
          }
        }
      } else {
        findings.append(
          Finding(
            kind: "not found", key: label.key, competency: nil,
            detail: "no statement has this document, line and text", text: nil))
      }
      families[label.family, default: Score(family: label.family)].add(score)
      all.add(score)
    }
    return (families.sorted { $0.key < $1.key }.map(\.value) + [all], findings)
  }

  /// The scores as a table: one row a family, then `all`.
  public static func table(_ scores: [Score]) -> String {
    let header = [
      "family", "labelled", "found", "links", "right", "precision", "recall", "proficiency", "contradicted",
    ]
    let rows = scores.map { s -> [String] in
      [
        s.family, "\(s.labelled)", "\(s.found)", "\(s.links)", "\(s.right)",
        String(format: "%.3f", s.precision),
        String(format: "%.3f", s.recall),
        "\(s.proficiencyRight)/\(s.proficiencyJudged) " + String(format: "%.2f", s.proficiencyAccuracy),
        "\(s.contradictions)",
      ]
    }
    let widths = header.indices.map { c in ([header] + rows).map { $0[c].count }.max() ?? 0 }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { c, cell in
        c == 0
          ? cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
          : String(repeating: " ", count: widths[c] - cell.count) + cell
      }.joined(separator: "  ")
    }
    return ([line(header), line(widths.map { String(repeating: "-", count: $0) })] + rows.map(line))
      .joined(separator: "\n") + "\n"
  }

  /// The 32-bit FNV-1a hash of `text`'s UTF-8 bytes, as 8 hexadecimal digits: short, stable across
  /// platforms and languages (scripts/link-quality computes the same).
  public static func hash(_ text: String) -> String {
    var h: UInt32 = 0x811C_9DC5
    for byte in text.utf8 {
      h ^= UInt32(byte)
      h = h &* 0x0100_0193
    }
    let hex = String(h, radix: 16)
    return String(repeating: "0", count: 8 - hex.count) + hex
  }
}

extension LinkQuality.Score {
  mutating func add(_ other: Self) {
    labelled += other.labelled
    found += other.found
    links += other.links
    right += other.right
    expected += other.expected
    proficiencyJudged += other.proficiencyJudged
    proficiencyRight += other.proficiencyRight
    contradictions += other.contradictions
  }
}
