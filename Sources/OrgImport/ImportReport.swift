import OrgGraph

/// What an import found, per document: the levels, statements, examples and metadata read, the links made,
/// the statements no competency matched, and every line skipped with why; then the documents refused.
public enum ImportReport {
  /// The report as text.
  public static func text(_ reading: Importer.Reading) -> String {
    var out = ""
    var totals = (levels: 0, statements: 0, examples: 0, skipped: 0)
    for d in reading.documents {
      out += "\(d.path)  (\(d.reader) reader)\n"
      for level in d.levels {
        out +=
          "  level \(level.code.map { $0 + " " } ?? "")\(level.title): \(count(level.statements.count, "statement")), "
        out += "\(count(level.examples.count, "example")), \(count(level.metadata.count, "metadata field"))"
        out += level.archetype == nil ? ", no archetype\n" : ", an archetype\n"
        let linked = level.statements.filter { !$0.links.isEmpty }
        let links = linked.reduce(0) { $0 + $1.links.count }
        out += "    competency links: \(links) made, from \(count(linked.count, "statement"));"
        out += " \(level.statements.count - linked.count) unmatched\n"
        for s in level.statements where s.links.isEmpty {
          out += "    unmatched \(d.path):\(s.line): \(s.text)\n"
        }
        if !level.mentions.isEmpty { out += "    levels named: \(level.mentions.joined(separator: ", "))\n" }
        totals.levels += 1
        totals.statements += level.statements.count
        totals.examples += level.examples.count
      }
      for role in d.roles {
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
        totals.statements += role.statements.count
      }
      for s in d.skipped {
        out += "  skipped \(d.path):\(s.line): \(s.reason): \(excerpt(s.text))\n"
      }
      totals.skipped += d.skipped.count
    }
    for f in reading.failures {
      let severity = f.unrecognised ? "not imported" : "error"
      out += "\(severity): \(f.description)\(f.help.map { "\n  = help: \($0)" } ?? "")\n"
    }
    let errors = reading.failures.filter { !$0.unrecognised }.count
    out +=
      "\(count(reading.documents.count, "document")) read, \(count(reading.failures.count - errors, "document")) not "
    out += "recognised, \(count(errors, "document")) refused: "
    out += "\(count(totals.levels, "level")), \(count(totals.statements, "statement")), "
    out += "\(count(totals.examples, "example")), \(count(totals.skipped, "line")) skipped\n"
    return out
  }

  /// The report as JSON: `{"documents": [...], "refused": [...], "totals": {...}}`.
  public static func json(_ reading: Importer.Reading) -> String {
    func texts(_ list: [ImportedText]) -> JSON {
      .array(
        list.map { t in
          var pairs: [(String, JSON)] = [("text", .string(t.text)), ("line", .int(t.line))]
          if let s = t.section { pairs.append(("section", .string(s))) }
          if !t.links.isEmpty { pairs.append(("links", .array(t.links.map(linkJSON)))) }
          return .object(pairs)
        })
    }
    let documents = JSON.array(
      reading.documents.map { d in
        .object([
          ("path", .string(d.path)), ("reader", .string(d.reader)), ("title", .string(d.title)),
          (
            "levels",
            .array(
              d.levels.map { l in
                .object([
                  ("code", l.code.map(JSON.string) ?? .null), ("title", .string(l.title)),
                  ("line", .int(l.line)),
                  ("archetype", l.archetype.map(JSON.string) ?? .null),
                  (
                    "metadata",
                    .object(l.metadata.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value.text)) })
                  ),
                  ("statements", texts(l.statements)), ("examples", texts(l.examples)),
                  ("links_made", .int(l.statements.reduce(0) { $0 + $1.links.count })),
                  ("unmatched", .int(l.statements.filter { $0.links.isEmpty }.count)),
                  ("levels_named", .array(l.mentions.map(JSON.string))),
                ])
              })
          ),
          (
            "roles",
            .array(
              d.roles.map { r in
                .object([
                  ("title", .string(r.title)), ("line", .int(r.line)),
                  ("purpose", r.purpose.map { .string($0.text) } ?? .null),
                  ("description", r.description.map { .string($0.text) } ?? .null),
                  ("area", r.area.map { .string($0.text) } ?? .null),
                  ("lead", r.lead.map { .string($0.text) } ?? .null),
                  ("statements", texts(r.statements)), ("challenges", texts(r.challenges)),
                  ("performance_standards", texts(r.performanceStandards)), ("values", texts(r.values)),
                  ("links_made", .int(r.statements.reduce(0) { $0 + $1.links.count })),
                  ("unmatched", .int(r.statements.filter { $0.links.isEmpty }.count)),
                ])
              })
          ),
          (
            "skipped",
            .array(
              d.skipped.map {
                .object([("line", .int($0.line)), ("text", .string($0.text)), ("reason", .string($0.reason))])
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

  static func linkJSON(_ l: CompetencyLinker.Link) -> JSON {
    .object([
      ("competency", .string(l.competency)), ("proficiency", l.proficiency.map(JSON.string) ?? .null),
      ("aspect", l.aspect.map(JSON.string) ?? .null), ("matched_by", .string(l.matchedBy)),
      ("confidence", .number(l.confidence)),
    ])
  }

  static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

  static func excerpt(_ text: String) -> String { text.count > 60 ? String(text.prefix(59)) + "…" : text }
}
