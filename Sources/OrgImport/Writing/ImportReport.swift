import OrgGraph

/// What an import found, per document: the levels, statements, examples and metadata read, the links made,
/// the statements no competency matched, and every line skipped with why; then the documents refused.
public enum ImportReport {
  /// The report as text; with the `linker` the statements were linked with, each document's review list
  /// suggests what to do about the statements no competency matched.
  public static func text(_ reading: Importer.Reading, linker: CompetencyLinker? = nil) -> String {
    let lookup = LevelReferences.Index(reading.documents)
    let allWords = allWords(reading)
    let circular = lookup.includes().circular
    var out = ""
    var totals = (levels: 0, statements: 0, examples: 0, skipped: 0)
    for (index, d) in reading.documents.enumerated() {
      out +=
        "\(d.path)  (\(d.reader) reader\(d.readBecause.map { ": \($0)" } ?? ""))"
        + (d.organisation.map { "  of \($0)" } ?? "") + "\n"
      func references(
        _ list: [LevelReference], _ verb: String, roles: Bool, excluding: ReferenceTarget? = nil
      ) {
        for r in list {
          guard
            let shown = reference(
              r, from: index, lookup, roles: roles, excluding: excluding, circular: roles ? [] : circular)
          else { continue }
          out += "    \(verb) \(d.path):\(r.line): \(r.name) → \(shown.text)\n"
        }
      }
      for (l, level) in d.levels.enumerated() {
        out +=
          "  level \(level.code.map { $0 + " " } ?? "")\(level.title)\(level.track.map { " (\($0))" } ?? ""): \(count(level.statements.count, "statement")), "
        out += "\(count(level.examples.count, "example")), \(count(level.metadata.count, "metadata field"))"
        out += level.archetype == nil ? ", no archetype\n" : ", an archetype\n"
        // A matrix cell's own row counts as a link: the document says which competency it expresses.
        let linked = level.statements.filter { !$0.links.isEmpty || $0.competency != nil }
        let links = linked.reduce(0) { $0 + $1.links.count + ($1.competency == nil ? 0 : 1) }
        out += "    competency links: \(links) made, from \(count(linked.count, "statement"));"
        out += " \(level.statements.count - linked.count) unmatched\n"
        for s in level.statements where s.links.isEmpty && s.competency == nil {
          out += "    unmatched \(d.path):\(s.line): \(s.text)\n"
        }
        references(level.includes, "includes", roles: false, excluding: .level(document: index, index: l))
        references(
          level.statements.flatMap(\.refersTo), "refers to", roles: true,
          excluding: .level(document: index, index: l))
        totals.levels += 1
        totals.statements += level.statements.count
        totals.examples += level.examples.count
      }
      for (r, role) in d.roles.enumerated() {
        out +=
          "  role \(role.title): \(count(role.statements.count, "statement")), \(count(role.challenges.count, "challenge")), "
        out +=
          "\(count(role.performanceStandards.count, "performance standard")), \(count(role.values.count, "value"))"
        out += role.area.map { ", in \($0.text)" } ?? ""
        out += "\n"
        let linked = role.statements.filter { !$0.links.isEmpty }
        out += "    competency links: \(linked.reduce(0) { $0 + $1.links.count }) made, from "
        out += "\(count(linked.count, "statement")); \(role.statements.count - linked.count) unmatched\n"
        for s in role.statements where s.links.isEmpty {
          out += "    unmatched \(d.path):\(s.line): \(s.text)\n"
        }
        references(
          role.statements.flatMap(\.refersTo), "refers to", roles: true,
          excluding: .role(document: index, index: r))
        totals.statements += role.statements.count
      }
      review(d, allWords: allWords, linker: linker, into: &out)
      if let track = d.track {
        // The track is its folder's, named after the folder, as in the graph.
        let name = d.path.split(separator: "/").dropLast().last.map {
          $0.replacingOccurrences(of: "-", with: " ")
        }
        out += "  track \(name ?? track.title) (the README \"\(track.title)\"): "
        out += "\(track.description == nil ? "no description" : "a description"), "
        out += "\(count(track.levels.count, "level")) listed\n"
        references(track.levels, "lists", roles: false)
      }
      if let team = d.team {
        out += "  team \(team.name): \(team.purpose == nil ? "no purpose" : "a purpose")\n"
      }
      if !d.proficiencyWords.isEmpty {
        out += "  proficiency words: "
        out += d.proficiencyWords.sorted { $0.key < $1.key }.map { "\($0.key) → \($0.value)" }.joined(
          separator: ", ")
        out += "\n"
      }
      if !d.competencies.isEmpty {
        // The organisation's own competencies, and what each means in the canonical layer, or that nothing
        // there says the same.
        out += "  competencies of the document: \(d.competencies.count)\n"
        for competency in d.competencies {
          out +=
            "    \(competency.name)\(competency.area.map { " (\($0))" } ?? "") \(d.path):\(competency.line): "
          out +=
            competency.canonical.map { "means \($0)\n" }
            ?? "no canonical competency says the same; add one, or an alias\n"
        }
      }
      for w in d.warnings.sorted(by: { $0.line < $1.line }) {
        out += "  warning \(d.path):\(w.line): \(w.reason): \(excerpt(w.text))\n"
      }
      for s in d.skipped {
        out += "  skipped \(d.path):\(s.line): \(s.reason): \(excerpt(s.text))\n"
      }
      totals.skipped += d.skipped.count
    }
    for f in reading.failures {
      let severity = f.unrecognised ? "not imported" : "error"
      out += DiagnosticRenderer.plain(severity, f.description, help: f.help.map { [$0] } ?? [])
    }
    let errors = reading.failures.filter { !$0.unrecognised }.count
    out +=
      "\(count(reading.documents.count, "document")) read, \(count(reading.failures.count - errors, "document")) not "
    out += "recognised, \(count(errors, "document")) refused: "
    out += "\(count(totals.levels, "level")), \(count(totals.statements, "statement")), "
    out += "\(count(totals.examples, "example")), \(count(totals.skipped, "line")) skipped\n"
    return out
  }

  /// The document's review list: statements linked only by a low-confidence match, then groups of
  /// unmatched statements that share a word, with what to do.
  static func review(
    _ d: ImportedDocument, allWords: [[String]], linker: CompetencyLinker?, into out: inout String
  ) {
    let statements = d.levels.flatMap(\.statements) + d.roles.flatMap(\.statements)
    for s in statements
    where !s.links.isEmpty && s.competency == nil
      && s.links.allSatisfy({ $0.confidence < ReviewList.unsure })
    {
      let links = s.links.map { "\($0.competency) (\($0.matchedBy), \($0.confidence))" }.joined(
        separator: ", ")
      out += "    unsure \(d.path):\(s.line): \(excerpt(s.text)) → \(links)\n"
    }
    for g in reviewGroups(d, allWords: allWords, linker: linker) {
      out += "    review \"\(g.word)\" in \(count(g.lines.count, "unmatched statement")) (lines "
      out += g.lines.map(String.init).joined(separator: ", ") + "): \(g.suggestion)\n"
    }
  }

  /// The review groups of document `d` (``ReviewList``).
  static func reviewGroups(_ d: ImportedDocument, allWords: [[String]], linker: CompetencyLinker?)
    -> [ReviewList.Group]
  {
    let titles = [d.title] + d.levels.map(\.title) + d.roles.map(\.title)
    return ReviewList.groups(
      d.levels.flatMap(\.statements) + d.roles.flatMap(\.statements), titles: titles, allStatements: allWords,
      linker: linker)
  }

  /// The words of every statement of `reading`, for the review lists.
  static func allWords(_ reading: Importer.Reading) -> [[String]] {
    reading.documents.flatMap { d in
      (d.levels.flatMap(\.statements) + d.roles.flatMap(\.statements)).map { CompetencyLinker.words($0.text) }
    }
  }

  /// The report as JSON: `{"documents": [...], "refused": [...], "totals": {...}}`; each document's
  /// `review` lists groups of unmatched statements that share words, with a suggestion (given `linker`).
  public static func json(_ reading: Importer.Reading, linker: CompetencyLinker? = nil) -> String {
    let lookup = LevelReferences.Index(reading.documents)
    let allWords = allWords(reading)
    let circular = lookup.includes().circular
    let documents = JSON.array(
      reading.documents.enumerated().map { index, d in
        func references(_ list: [LevelReference], roles: Bool, excluding: ReferenceTarget? = nil) -> JSON {
          .array(
            list.compactMap { r in
              reference(
                r, from: index, lookup, roles: roles, excluding: excluding, circular: roles ? [] : circular
              ).map { shown in
                .object([("name", .string(r.name)), ("line", .int(r.line)), ("target", shown.json)])
              }
            })
        }
        func texts(_ list: [ImportedText], of owner: ReferenceTarget? = nil) -> JSON {
          .array(
            list.map { t in
              var pairs: [(String, JSON)] = [("text", .string(t.text)), ("line", .int(t.line))]
              if let s = t.section { pairs.append(("section", .string(s))) }
              if !t.links.isEmpty { pairs.append(("links", .array(t.links.map(linkJSON)))) }
              if case .array(let list) = references(t.refersTo, roles: true, excluding: owner), !list.isEmpty
              {
                pairs.append(("refers_to", .array(list)))
              }
              return .object(pairs)
            })
        }
        let track: JSON =
          d.track.map { t in
            .object([
              ("title", .string(t.title)), ("description", t.description.map { .string($0.text) } ?? .null),
              ("levels", references(t.levels, roles: false)),
            ])
          } ?? .null
        let team: JSON =
          d.team.map { t in
            .object([("name", .string(t.name)), ("purpose", t.purpose.map { .string($0.text) } ?? .null)])
          } ?? .null
        let levels = d.levels.enumerated().map { i, l -> JSON in
          let own = ReferenceTarget.level(document: index, index: i)
          let metadata = l.metadata.sorted { $0.key < $1.key }.map { ($0.key, JSON.string($0.value.text)) }
          return .object([
            ("code", l.code.map(JSON.string) ?? .null), ("title", .string(l.title)), ("line", .int(l.line)),
            ("archetype", l.archetype.map(JSON.string) ?? .null), ("metadata", .object(metadata)),
            ("statements", texts(l.statements, of: own)), ("examples", texts(l.examples)),
            ("links_made", .int(l.statements.reduce(0) { $0 + $1.links.count })),
            ("unmatched", .int(l.statements.filter { $0.links.isEmpty }.count)),
            ("includes", references(l.includes, roles: false, excluding: own)),
          ])
        }
        let roles = d.roles.enumerated().map { n, r -> JSON in
          let text = { (t: ImportedText?) -> JSON in t.map { .string($0.text) } ?? .null }
          return .object([
            ("title", .string(r.title)), ("line", .int(r.line)), ("purpose", text(r.purpose)),
            ("description", text(r.description)), ("area", text(r.area)), ("lead", text(r.lead)),
            ("statements", texts(r.statements, of: .role(document: index, index: n))),
            ("challenges", texts(r.challenges)), ("performance_standards", texts(r.performanceStandards)),
            ("values", texts(r.values)), ("links_made", .int(r.statements.reduce(0) { $0 + $1.links.count })),
            ("unmatched", .int(r.statements.filter { $0.links.isEmpty }.count)),
          ])
        }
        func lines(_ list: [SkippedLine]) -> JSON {
          .array(
            list.map {
              JSON.object([
                ("line", .int($0.line)), ("text", .string($0.text)), ("reason", .string($0.reason)),
              ])
            })
        }
        return .object([
          ("path", .string(d.path)), ("reader", .string(d.reader.rawValue)),
          ("because", d.readBecause.map(JSON.string) ?? .null),
          ("organisation", d.organisation.map(JSON.string) ?? .null), ("title", .string(d.title)),
          ("levels", .array(levels)), ("roles", .array(roles)), ("track", track), ("team", team),
          ("skipped", lines(d.skipped)), ("warnings", lines(d.warnings.sorted { $0.line < $1.line })),
          (
            "review",
            .array(
              reviewGroups(d, allWords: allWords, linker: linker).map { g in
                .object([
                  ("words", .string(g.word)), ("lines", .array(g.lines.map(JSON.int))),
                  ("suggestion", .string(g.suggestion)),
                ])
              })
          ),
        ])
      })
    let refused = JSON.array(
      reading.failures.map { f in
        .object([
          ("path", .string(f.path)), ("line", f.line.map(JSON.int) ?? .null), ("message", .string(f.message)),
          ("error", .bool(!f.unrecognised)),
          ("help", f.help.map(JSON.string) ?? .null),
        ])
      })
    return JSON.object([("documents", documents), ("refused", refused)]).pretty() + "\n"
  }

  /// What a reference names, as the report shows it (text and JSON); `nil` for a phrase that names no level
  /// ("in addition to our product delivery teams") and resolves to none.
  static func reference(
    _ r: LevelReference, from: Int, _ index: LevelReferences.Index, roles: Bool, excluding: ReferenceTarget?,
    circular: Set<ReferenceTarget> = []
  ) -> (text: String, json: JSON)? {
    let documents = index.documents
    switch index.resolve(r, from: from, roles: roles, excluding: excluding) {
    case .found(let t) where excluding.map(circular.contains) == true && circular.contains(t):
      return ("not linked: the levels would include each other round a circle", .null)
    case .found(let t):
      let (d, title) =
        switch t {
        case .level(let d, let i):
          (d, "level " + (documents[d].levels[i].code.map { $0 + " " } ?? "") + documents[d].levels[i].title)
        case .role(let d, let i): (d, "role " + documents[d].roles[i].title)
        }
      return (
        "\(title) (\(documents[d].path))",
        .object([("document", .string(documents[d].path)), ("title", .string(title))])
      )
    case .ambiguous(let n):
      return ("not linked: \(n) imported levels answer to that name", .null)
    case .missing:
      let parsed = LevelReferences.parse(r.name)
      guard r.document != nil || r.file != nil || parsed.code != nil || parsed.rank != nil else { return nil }
      return ("not linked: no imported level has that name; import its document too", .null)
    }
  }

  static func linkJSON(_ l: CompetencyLinker.Link) -> JSON {
    .object([
      ("competency", .string(l.competency)), ("proficiency", l.proficiency.map(JSON.string) ?? .null),
      ("aspect", l.aspect.map(JSON.string) ?? .null), ("cue", l.cue.map(JSON.string) ?? .null),
      ("matched_by", .string(l.matchedBy)),
      ("confidence", .number(l.confidence)),
    ])
  }

  static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

  static func excerpt(_ text: String) -> String { text.count > 60 ? String(text.prefix(59)) + "…" : text }
}
