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
    let org = GraphBuilder.slug(organisation).isEmpty ? "imported" : GraphBuilder.slug(organisation)
    func folder(_ d: ImportedDocument) -> String {
      let parts = d.path.split(separator: "/")
      return parts.count > 1 ? parts.dropLast().joined(separator: "/") : ""
    }
    // A document's one level is named after the document; several, after their titles within it
    // (`level:octopus-deploy/quality-coaching/senior-quality-coach`), so adding one moves no other.
    var unitPaths: [String: [String]] = [:]
    for d in documents {
      unitPaths["level " + d.path] = unitIDs(d.levels.map(\.title))
      unitPaths["role " + d.path] = unitIDs(d.roles.map(\.title))
    }
    func levelID(_ d: ImportedDocument, _ i: Int) -> String {
      "level:\(org)/\(documentID(d))"
        + (d.levels.count > 1 ? "/" + (unitPaths["level " + d.path]?[i] ?? "\(i + 1)") : "")
    }
    func roleID(_ d: ImportedDocument, _ i: Int) -> String {
      "role:\(org)/\(documentID(d))"
        + (d.roles.count > 1 ? "/" + (unitPaths["role " + d.path]?[i] ?? "\(i + 1)") : "")
    }
    let index = LevelReferences.Index(documents)
    let includes = index.includes()
    func nodeID(_ t: ReferenceTarget) -> String {
      switch t {
      case .level(let d, let i): levelID(documents[d], i)
      case .role(let d, let i): roleID(documents[d], i)
      }
    }
    /// The ids `references`, made in the `from`th document, resolve to (those that resolve).
    func targets(_ references: [LevelReference], from: Int, roles: Bool, excluding: ReferenceTarget? = nil)
      -> [String]
    {
      var ids: [String] = []
      for r in references {
        guard case .found(let t) = index.resolve(r, from: from, roles: roles, excluding: excluding) else {
          continue
        }
        if !ids.contains(nodeID(t)) { ids.append(nodeID(t)) }
      }
      return ids
    }
    // Tracks, their levels ordered by code: one per folder of ladder pages (one level per page), and one per
    // document that holds a whole ladder (a discipline page, a cumulative roles page).
    var tracks: [(id: String, name: String, folder: String?, levels: [(id: String, level: ImportedLevel)])] =
      []
    for d in documents where !d.levels.isEmpty {
      let id: String
      let name: String
      let place: String?
      if d.levels.count > 1 {
        id = "track:\(org)/\(documentID(d))"
        // "Product Roles", "Backend Engineering: roles and responsibilities": the ladder's name.
        var title = d.title
        for ending in [" roles and responsibilities", " roles"] {
          if let r = title.range(of: ending, options: [.caseInsensitive, .backwards, .anchored]) {
            title = String(title[..<r.lowerBound])
          }
        }
        (name, place) = (title.trimmingCharacters(in: CharacterSet(charactersIn: " :")), nil)
      } else {
        let last = folder(d).split(separator: "/").last.map(String.init) ?? ""
        name = last.isEmpty ? organisation : last.replacingOccurrences(of: "-", with: " ")
        id =
          "track:\(org)/"
          + (folder(d).isEmpty
            ? "main" : GraphBuilder.slug(folder(d).replacingOccurrences(of: "/", with: "-")))
        place = folder(d)
      }
      if !tracks.contains(where: { $0.id == id }) { tracks.append((id, name, place, [])) }
      let t = tracks.firstIndex { $0.id == id } ?? 0
      for (i, level) in d.levels.enumerated() { tracks[t].levels.append((levelID(d, i), level)) }
    }
    let promotions = promotions(tracks.map { $0.levels })

    var files: [ExportFile] = []
    var wroteRefersTo = false
    if let linker {
      let list = linker.competencies.map { c -> Node in
        var pairs: [(String, Node)] = [("id", Node(c.id)), ("name", Node(c.name))]
        if let area = c.area { pairs.append(("area", Node(area))) }
        if !c.aliases.isEmpty { pairs.append(("aliases", Node(c.aliases.map { Node($0) }))) }
        return mapping(pairs)
      }
      files.append(
        ExportFile(
          path: "competencies.yaml",
          text: yaml(
            [("competencies", Node(list))],
            comment: "The competencies links may point at (the taxonomy the import used).")))
    }
    // Teams: one per area a job description names, with the person who leads it.
    var teams: [(id: String, name: String, purpose: String?, lead: String?)] = []
    for d in documents {
      // An area's own page names the team and says why it exists.
      if let team = d.team {
        let id = "team:\(org)/" + GraphBuilder.slug(team.name)
        if let i = teams.firstIndex(where: { $0.id == id }) {
          teams[i].purpose = teams[i].purpose ?? team.purpose?.text
        } else {
          teams.append((id, team.name, team.purpose?.text, nil))
        }
      }
      for role in d.roles {
        guard let area = role.area else { continue }
        let id = "team:\(org)/" + GraphBuilder.slug(area.text)
        if let i = teams.firstIndex(where: { $0.id == id }) {
          if teams[i].purpose == nil { teams[i].purpose = role.areaPurpose?.text }
          if teams[i].lead == nil { teams[i].lead = role.lead?.text }
        } else {
          teams.append((id, area.text, role.areaPurpose?.text, role.lead?.text))
        }
      }
    }
    var organisationFile: [(String, Node)] = [
      ("orgs", Node([mapping([("id", Node("org:\(org)")), ("name", Node(organisation))])])),
      (
        "tracks",
        Node(
          tracks.map { t in
            var pairs: [(String, Node)] = [("id", Node(t.id)), ("name", Node(t.name))]
            if let d = documents.first(where: { folder($0) == t.folder && $0.track?.description != nil }),
              let description = d.track?.description
            {
              // The discipline's README says what the track is.
              pairs.append(("description", Node(description.text)))
              pairs.append(("source", Node("\(documentID(d)):\(description.line)")))
            }
            pairs.append(("part_of", Node("org:\(org)")))
            pairs.append(("has_level", Node(t.levels.map { Node($0.id) })))
            return mapping(pairs)
          })
      ),
    ]
    if tracks.isEmpty { organisationFile.removeLast() }
    if !teams.isEmpty {
      organisationFile.append(
        (
          "teams",
          Node(
            teams.map { t in
              var pairs: [(String, Node)] = [
                ("id", Node(t.id)), ("name", Node(t.name)), ("part_of", Node("org:\(org)")),
              ]
              if let purpose = t.purpose, !purpose.isBlank { pairs.append(("purpose", Node(purpose))) }
              return mapping(pairs)
            })
        ))
      // One person per name, leading every team that names them.
      var people: [(name: String, teams: [String])] = []
      for t in teams {
        guard let lead = t.lead else { continue }
        if let i = people.firstIndex(where: { GraphBuilder.slug($0.name) == GraphBuilder.slug(lead) }) {
          people[i].teams.append(t.id)
        } else {
          people.append((lead, [t.id]))
        }
      }
      if !people.isEmpty {
        organisationFile.append(
          (
            "people",
            Node(
              people.map { p in
                mapping([
                  ("id", Node("person:\(org)/" + GraphBuilder.slug(p.name))), ("name", Node(p.name)),
                  ("leads", Node(p.teams.map { Node($0) })),
                ])
              })
          ))
      }
    }
    files.append(ExportFile(path: "organisation.yaml", text: yaml(organisationFile, comment: nil)))
    for (index, d) in documents.enumerated() {
      let id = documentID(d)
      /// Statements or examples, each with its section, source line and links (reviewed ones kept), and an id
      /// made from its first words and a hash of all of them, so that a statement added beside it does not
      /// change it (exports diff cleanly when the handbook changes).
      func texts(_ list: [ImportedText], kind: String, ownerID: String, of owner: ReferenceTarget? = nil)
        -> Node
      {
        let path = ownerID.drop { $0 != ":" }.dropFirst()
        var taken: [String: Int] = [:]
        return Node(
          list.map { t in
            let base = "\(kind):\(path)/" + wordsID(t.text) + "-" + shortHash(t.text)
            taken[base, default: 0] += 1
            let nodeID = base + (taken[base] == 1 ? "" : "-\(taken[base] ?? 1)")
            var p: [(String, Node)] = [("id", Node(nodeID)), ("text", Node(t.text))]
            if let s = t.section { p.append(("section", Node(s))) }
            p.append(("source", Node("\(id):\(t.line)")))
            if let kept = reviewed[t.text] {
              p.append(("expresses", Node(kept)))
            } else if !t.links.isEmpty {
              p.append(("expresses", Node(t.links.map(expresses))))
            }
            let measures = targets(t.refersTo, from: index, roles: true, excluding: owner)
            if !measures.isEmpty {
              p.append(("refers_to", Node(measures.map { Node($0) })))
              wroteRefersTo = true
            }
            return mapping(p)
          })
      }
      /// The `expects` entry of a level or role: its statements, when it has any.
      func expects(_ statements: [ImportedText], ownerID: String, of owner: ReferenceTarget) -> [(
        String, Node
      )] {
        statements.isEmpty
          ? [] : [("expects", texts(statements, kind: "expectation", ownerID: ownerID, of: owner))]
      }
      let levels = d.levels.enumerated().map { i, level -> Node in
        var pairs: [(String, Node)] = [("id", Node(levelID(d, i))), ("name", Node(level.title))]
        if let code = level.code { pairs.append(("code", Node(code))) }
        if let rank = level.rank { pairs.append(("rank", Node(String(rank), Tag(.int)))) }
        pairs.append(("source", Node("\(id):\(level.line)")))
        if let description = level.description, !description.isBlank {
          pairs.append(("description", Node(description)))
        }
        if let archetype = level.archetype, !archetype.isBlank {
          pairs.append(("archetype", Node(archetype)))
        }
        for key in ["planning_horizon", "impact_radius", "evaluation", "direction_needed"] {
          if let value = level.metadata[key], !value.text.isBlank { pairs.append((key, Node(value.text))) }
        }
        if let next = promotions[levelID(d, i)], !next.isEmpty {
          pairs.append(("promotes_to", Node(next.map { Node($0) })))
        }
        let included = (includes.edges[.level(document: index, index: i)] ?? []).map(nodeID)
        if !included.isEmpty { pairs.append(("includes", Node(included.map { Node($0) }))) }
        pairs += expects(level.statements, ownerID: levelID(d, i), of: .level(document: index, index: i))
        if !level.examples.isEmpty {
          pairs.append(("has_example", texts(level.examples, kind: "example", ownerID: levelID(d, i))))
        }
        return mapping(pairs)
      }
      var sections: [(String, Node)] = levels.isEmpty ? [] : [("levels", Node(levels))]
      var values: [Node] = []
      let roles = d.roles.enumerated().map { i, role -> Node in
        var pairs: [(String, Node)] = [("id", Node(roleID(d, i))), ("name", Node(role.title))]
        if let description = role.description, !description.text.isBlank {
          pairs.append(("description", Node(description.text)))
        }
        pairs.append(("source", Node("\(id):\(role.line)")))
        if let area = role.area {
          pairs.append(("in_team", Node("team:\(org)/" + GraphBuilder.slug(area.text))))
        }
        if let purpose = role.purpose, !purpose.text.isBlank { pairs.append(("purpose", Node(purpose.text))) }
        if !role.challenges.isEmpty {
          pairs.append(("challenges", Node(role.challenges.map { Node($0.text) })))
        }
        if !role.performanceStandards.isEmpty {
          pairs.append(("performance_standards", Node(role.performanceStandards.map { Node($0.text) })))
        }
        var embodies: [Node] = []
        for (n, value) in role.values.enumerated() {
          let valueID = "value:\(org)/\(id)-\(n + 1)"
          let words = value.text.split(separator: " ").prefix(6).joined(separator: " ")
          values.append(
            mapping([
              ("id", Node(valueID)), ("name", Node(words)), ("text", Node(value.text)),
              ("source", Node("\(id):\(value.line)")),
            ]))
          embodies.append(Node(valueID))
        }
        if !embodies.isEmpty { pairs.append(("embodies", Node(embodies))) }
        pairs += expects(role.statements, ownerID: roleID(d, i), of: .role(document: index, index: i))
        return mapping(pairs)
      }
      if !values.isEmpty { sections.append(("values", Node(values))) }
      if !roles.isEmpty { sections.append(("roles", Node(roles))) }
      files.append(
        ExportFile(
          path: id + ".yaml", text: yaml(sections, comment: "From \(d.path) (\(d.reader.rawValue) reader).")))
    }
    // The manifest comes first, written last: it declares `refers_to` only when a statement refers to a level.
    files.insert(
      manifest(for: documents, organisation: organisation, linked: linker != nil, refersTo: wroteRefersTo),
      at: 0)
    return files
  }

  /// A document's id: its path, slugged (`corpora-octopus-people-2024-security-operations-l2-security-analyst`).
  static func documentID(_ d: ImportedDocument) -> String {
    let stem = d.path.hasSuffix(".md") ? String(d.path.dropLast(3)) : d.path
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
      // How each link was made, and how sure it is, are properties of `expresses` in this graph.
      let extra = mapping([
        ("matched_by", Node("string")), ("confidence", Node("number")), ("reviewed", Node("bool")),
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
    if let aspect = link.aspect { e.append(("aspect", Node(aspect))) }
    e.append(("matched_by", Node(link.matchedBy)))
    e.append(("confidence", Node(String(link.confidence), Tag(.float))))
    return mapping(e)
  }

  static func mapping(_ pairs: [(String, Node)]) -> Node {
    Node.mapping(Node.Mapping(pairs.map { (Node($0.0), $0.1) }))
  }

  static func yaml(_ pairs: [(String, Node)], comment: String?) -> String {
    let body = (try? Yams.serialize(node: mapping(pairs), width: -1, allowUnicode: true)) ?? ""
    return (comment.map { "# \($0)\n" } ?? "") + readableEscapes(body)
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
