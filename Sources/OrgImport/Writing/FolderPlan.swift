import Foundation
import OrgGraph
import Yams

/// What the Graph folder of an import is made from, worked out once: the ids of each document's levels and
/// roles, the references between them, the tracks and their promotions. Each file is one method.
struct FolderPlan {
  typealias Track = (
    id: String, name: String, folder: String?, org: String, levels: [(id: String, level: ImportedLevel)]
  )
  typealias Team = (id: String, name: String, purpose: String?, lead: String?, org: String)

  let documents: [ImportedDocument]
  let organisation: String
  /// The organisations the documents are of, in the order they come: id word (`octopus-deploy`) and name.
  let organisations: [(org: String, name: String)]
  /// Links a reviewer left in an earlier import, by statement text.
  let reviewed: [String: [Node]]
  /// Where each of the organisation's competencies is first named, by id.
  let firstNamed: [String: (document: Int, competency: Int)]
  /// The id words of each document's levels and roles, when it has several (`"level PATH"`, `"role PATH"`).
  let unitPaths: [String: [String]]
  let index: LevelReferences.Index
  let includes: (edges: [ReferenceTarget: [ReferenceTarget]], circular: Set<ReferenceTarget>)
  private(set) var tracks: [Track] = []
  /// The levels each level is promoted to, by id.
  private(set) var promotions: [String: [String]] = [:]

  init(documents: [ImportedDocument], organisation: String, reviewed: [String: [Node]]) {
    self.documents = documents
    self.organisation = organisation
    self.reviewed = reviewed
    var organisations: [(org: String, name: String)] = []
    for name in documents.map({ $0.organisation ?? organisation }) + (documents.isEmpty ? [organisation] : [])
    where !organisations.contains(where: { $0.org == Self.org(name) }) {
      organisations.append((Self.org(name), name))
    }
    self.organisations = organisations
    // A document's one level is named after the document; several, after their titles within it
    // (`level:octopus-deploy/quality-coaching/senior-quality-coach`), so adding one moves no other.
    var unitPaths: [String: [String]] = [:]
    for d in documents {
      unitPaths["level " + d.path] = GraphFolderWriter.unitIDs(d.levels.map(\.title))
      unitPaths["role " + d.path] = GraphFolderWriter.unitIDs(d.roles.map(\.title))
    }
    self.unitPaths = unitPaths
    var firstNamed: [String: (document: Int, competency: Int)] = [:]
    for (d, document) in documents.enumerated() {
      let org = Self.org(document.organisation ?? organisation)
      for (c, competency) in document.competencies.enumerated() {
        let id = "competency:\(org)/" + GraphBuilder.slug(competency.name)
        if firstNamed[id] == nil { firstNamed[id] = (d, c) }
      }
    }
    self.firstNamed = firstNamed
    index = LevelReferences.Index(documents)
    includes = index.includes()
    tracks = makeTracks()
    promotions = GraphFolderWriter.promotions(tracks.map { $0.levels })
  }

  /// An organisation's id word: `octopus-deploy`.
  static func org(_ name: String) -> String {
    GraphBuilder.slug(name).isEmpty ? "imported" : GraphBuilder.slug(name)
  }

  /// The id word of the organisation `d` is of (from ``organisations``, made once).
  func org(_ d: ImportedDocument) -> String {
    let name = d.organisation ?? organisation
    return organisations.first { $0.name == name }?.org ?? Self.org(name)
  }

  /// The folder a document is in, relative to what was imported.
  static func folder(_ d: ImportedDocument) -> String {
    let parts = d.path.split(separator: "/")
    return parts.count > 1 ? parts.dropLast().joined(separator: "/") : ""
  }

  func levelID(_ d: ImportedDocument, _ i: Int) -> String {
    "level:\(org(d))/\(GraphFolderWriter.documentID(d))"
      + (d.levels.count > 1 ? "/" + (unitPaths["level " + d.path]?[i] ?? "\(i + 1)") : "")
  }

  func roleID(_ d: ImportedDocument, _ i: Int) -> String {
    "role:\(org(d))/\(GraphFolderWriter.documentID(d))"
      + (d.roles.count > 1 ? "/" + (unitPaths["role " + d.path]?[i] ?? "\(i + 1)") : "")
  }

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

  /// Tracks, their levels ordered by code: one per folder of ladder pages (one level per page), and one per
  /// document that holds a whole ladder (a discipline page, a cumulative roles page).
  func makeTracks() -> [Track] {
    var tracks: [Track] = []
    for d in documents where !d.levels.isEmpty {
      let org = self.org(d)
      let id: String
      let name: String
      let place: String?
      if d.levels.count > 1 {
        id = "track:\(org)/\(GraphFolderWriter.documentID(d))"
        // "Product Roles", "Backend Engineering: roles and responsibilities": the ladder's name.
        var title = d.title
        for ending in [" roles and responsibilities", " roles"] {
          if let r = title.range(of: ending, options: [.caseInsensitive, .backwards, .anchored]) {
            title = String(title[..<r.lowerBound])
          }
        }
        (name, place) = (title.trimmingCharacters(in: CharacterSet(charactersIn: " :")), nil)
      } else {
        let folder = Self.folder(d)
        let last = folder.split(separator: "/").last.map(String.init) ?? ""
        name = last.isEmpty ? (d.organisation ?? organisation) : last.replacingOccurrences(of: "-", with: " ")
        id =
          "track:\(org)/"
          + (folder.isEmpty ? "main" : GraphBuilder.slug(folder.replacingOccurrences(of: "/", with: "-")))
        place = folder
      }
      for (i, level) in d.levels.enumerated() {
        // A document of several ladders (a matrix's tables) has a track for each.
        let (trackID, trackName) =
          level.track.map { ("\(id)/" + GraphBuilder.slug($0), $0) } ?? (id, name)
        if !tracks.contains(where: { $0.id == trackID }) {
          tracks.append((trackID, trackName, place, org, []))
        }
        let t = tracks.firstIndex { $0.id == trackID } ?? 0
        tracks[t].levels.append((levelID(d, i), level))
      }
    }
    return tracks
  }

  /// Teams: one per area page, and one per area a job description names, with the person who leads it.
  func teams() -> [Team] {
    var teams: [Team] = []
    for d in documents {
      let org = self.org(d)
      // An area's own page names the team and says why it exists.
      if let team = d.team {
        let id = "team:\(org)/" + GraphBuilder.slug(team.name)
        if let i = teams.firstIndex(where: { $0.id == id }) {
          teams[i].purpose = teams[i].purpose ?? team.purpose?.text
        } else {
          teams.append((id, team.name, team.purpose?.text, nil, org))
        }
      }
      for role in d.roles {
        guard let area = role.area else { continue }
        let id = "team:\(org)/" + GraphBuilder.slug(area.text)
        if let i = teams.firstIndex(where: { $0.id == id }) {
          if teams[i].purpose == nil { teams[i].purpose = role.areaPurpose?.text }
          if teams[i].lead == nil { teams[i].lead = role.lead?.text }
        } else {
          teams.append((id, area.text, role.areaPurpose?.text, role.lead?.text, org))
        }
      }
    }
    return teams
  }

  /// `organisation.yaml`: the organisations, their tracks, teams and the people who lead them.
  func organisationFile() -> ExportFile {
    var sections: [(String, Node)] = [
      (
        "orgs",
        Node(
          organisations.map { o in
            GraphFolderWriter.mapping([("id", Node("org:\(o.org)")), ("name", Node(o.name))])
          })
      )
    ]
    if !tracks.isEmpty { sections.append(("tracks", Node(tracks.map(trackNode)))) }
    let teams = teams()
    if !teams.isEmpty {
      sections.append(
        (
          "teams",
          Node(
            teams.map { t in
              var pairs: [(String, Node)] = [
                ("id", Node(t.id)), ("name", Node(t.name)), ("part_of", Node("org:\(t.org)")),
              ]
              if let purpose = t.purpose, !purpose.isBlank { pairs.append(("purpose", Node(purpose))) }
              return GraphFolderWriter.mapping(pairs)
            })
        ))
      let people = peopleNodes(teams)
      if !people.isEmpty { sections.append(("people", Node(people))) }
    }
    return ExportFile(path: "organisation.yaml", text: GraphFolderWriter.yaml(sections, comment: nil))
  }

  /// A track, with the description its discipline's README gives.
  func trackNode(_ t: Track) -> Node {
    var pairs: [(String, Node)] = [("id", Node(t.id)), ("name", Node(t.name))]
    if let d = documents.first(where: { Self.folder($0) == t.folder && $0.track?.description != nil }),
      let description = d.track?.description
    {
      pairs.append(("description", Node(description.text)))
      pairs.append(("source", Node("\(GraphFolderWriter.documentID(d)):\(description.line)")))
    }
    pairs.append(("part_of", Node("org:\(t.org)")))
    pairs.append(("has_level", Node(t.levels.map { Node($0.id) })))
    return GraphFolderWriter.mapping(pairs)
  }

  /// One person per name, leading every team that names them.
  func peopleNodes(_ teams: [Team]) -> [Node] {
    var people: [(name: String, teams: [String], org: String)] = []
    for t in teams {
      guard let lead = t.lead else { continue }
      if let i = people.firstIndex(where: {
        $0.org == t.org && GraphBuilder.slug($0.name) == GraphBuilder.slug(lead)
      }) {
        people[i].teams.append(t.id)
      } else {
        people.append((lead, [t.id], t.org))
      }
    }
    return people.map { p in
      GraphFolderWriter.mapping([
        ("id", Node("person:\(p.org)/" + GraphBuilder.slug(p.name))), ("name", Node(p.name)),
        ("leads", Node(p.teams.map { Node($0) })),
      ])
    }
  }

  /// The file of the `index`th document — its levels, values and roles — and whether a statement in it
  /// refers to another level.
  func documentFile(_ index: Int) -> (file: ExportFile, refersTo: Bool) {
    let d = documents[index]
    var refersTo = false
    let levels = d.levels.indices.map { levelNode(document: index, level: $0, refersTo: &refersTo) }
    var sections: [(String, Node)] = levels.isEmpty ? [] : [("levels", Node(levels))]
    var values: [Node] = []
    let roles = d.roles.indices.map {
      roleNode(document: index, role: $0, values: &values, refersTo: &refersTo)
    }
    if !values.isEmpty { sections.append(("values", Node(values))) }
    if !roles.isEmpty { sections.append(("roles", Node(roles))) }
    // The organisation's competencies are the organisation's, not the document's: one named in several
    // documents is written once, where it is first named, and the others' statements point at it.
    let owned = d.competencies.indices.filter { c in
      guard let first = firstNamed[competencyID(document: index, c)] else { return false }
      return first.document == index && first.competency == c
    }
    if !owned.isEmpty {
      sections.insert(("competencies", Node(owned.map { competencyNode(document: index, $0) })), at: 0)
    }
    let id = GraphFolderWriter.documentID(d)
    let file = ExportFile(
      path: id + ".yaml",
      text: GraphFolderWriter.yaml(sections, comment: "From \(d.path) (\(d.reader.rawValue) reader)."))
    return (file, refersTo)
  }

  /// The id of the organisation's competency `c` of the `index`th document: `competency:acme/code-quality`.
  func competencyID(document index: Int, _ c: Int) -> String {
    "competency:\(org(documents[index]))/" + GraphBuilder.slug(documents[index].competencies[c].name)
  }

  /// One of the organisation's own competencies: its name, area and source, and the canonical competency
  /// its name means (`broader`), when the taxonomy has one.
  func competencyNode(document index: Int, _ c: Int) -> Node {
    let competency = documents[index].competencies[c]
    var pairs: [(String, Node)] = [
      ("id", Node(competencyID(document: index, c))), ("name", Node(competency.name)),
    ]
    if let area = competency.area, !area.isBlank { pairs.append(("area", Node(area))) }
    if let canonical = competency.canonical {
      pairs.append(("broader", Node([Node(canonical)])))
    }
    return GraphFolderWriter.mapping(pairs)
  }

  /// A level: its code, rank, source, texts, metadata, promotions, includes, statements and examples.
  func levelNode(document index: Int, level i: Int, refersTo: inout Bool) -> Node {
    let d = documents[index]
    let level = d.levels[i]
    let id = levelID(d, i)
    var pairs: [(String, Node)] = [("id", Node(id)), ("name", Node(level.title))]
    if let code = level.code { pairs.append(("code", Node(code))) }
    if let rank = level.rank { pairs.append(("rank", Node(String(rank), Tag(.int)))) }
    pairs.append(("source", Node("\(GraphFolderWriter.documentID(d)):\(level.line)")))
    if let description = level.description, !description.isBlank {
      pairs.append(("description", Node(description)))
    }
    if let archetype = level.archetype, !archetype.isBlank { pairs.append(("archetype", Node(archetype))) }
    for key in ["planning_horizon", "impact_radius", "evaluation", "direction_needed"] {
      if let value = level.metadata[key], !value.text.isBlank { pairs.append((key, Node(value.text))) }
    }
    if let next = promotions[id], !next.isEmpty { pairs.append(("promotes_to", Node(next.map { Node($0) }))) }
    let owner = ReferenceTarget.level(document: index, index: i)
    let included = (includes.edges[owner] ?? []).map(nodeID)
    if !included.isEmpty { pairs.append(("includes", Node(included.map { Node($0) }))) }
    if !level.statements.isEmpty {
      pairs.append(
        (
          "expects",
          texts(
            level.statements, kind: "expectation", ownerID: id, document: index, of: owner,
            refersTo: &refersTo)
        ))
    }
    if !level.examples.isEmpty {
      pairs.append(
        (
          "has_example",
          texts(level.examples, kind: "example", ownerID: id, document: index, refersTo: &refersTo)
        ))
    }
    return GraphFolderWriter.mapping(pairs)
  }

  /// A role: its description, source, team, purpose, challenges, standards, values and statements; its
  /// values are added to `values`.
  func roleNode(document index: Int, role i: Int, values: inout [Node], refersTo: inout Bool) -> Node {
    let d = documents[index]
    let role = d.roles[i]
    let documentID = GraphFolderWriter.documentID(d)
    let org = self.org(d)
    var pairs: [(String, Node)] = [("id", Node(roleID(d, i))), ("name", Node(role.title))]
    if let description = role.description, !description.text.isBlank {
      pairs.append(("description", Node(description.text)))
    }
    pairs.append(("source", Node("\(documentID):\(role.line)")))
    if let area = role.area { pairs.append(("in_team", Node("team:\(org)/" + GraphBuilder.slug(area.text)))) }
    if let purpose = role.purpose, !purpose.text.isBlank { pairs.append(("purpose", Node(purpose.text))) }
    if !role.challenges.isEmpty { pairs.append(("challenges", Node(role.challenges.map { Node($0.text) }))) }
    if !role.performanceStandards.isEmpty {
      pairs.append(("performance_standards", Node(role.performanceStandards.map { Node($0.text) })))
    }
    var embodies: [Node] = []
    for (n, value) in role.values.enumerated() {
      let valueID = "value:\(org)/\(documentID)-\(n + 1)"
      let words = value.text.split(separator: " ").prefix(6).joined(separator: " ")
      values.append(
        GraphFolderWriter.mapping([
          ("id", Node(valueID)), ("name", Node(words)), ("text", Node(value.text)),
          ("source", Node("\(documentID):\(value.line)")),
        ]))
      embodies.append(Node(valueID))
    }
    if !embodies.isEmpty { pairs.append(("embodies", Node(embodies))) }
    if !role.statements.isEmpty {
      pairs.append(
        (
          "expects",
          texts(
            role.statements, kind: "expectation", ownerID: roleID(d, i), document: index,
            of: .role(document: index, index: i), refersTo: &refersTo)
        ))
    }
    return GraphFolderWriter.mapping(pairs)
  }

  /// Statements or examples, each with its section, source line and links (reviewed ones kept), and an id
  /// made from its first words and a hash of all of them, so that a statement added beside it does not
  /// change it (exports diff cleanly when the handbook changes).
  func texts(
    _ list: [ImportedText], kind: String, ownerID: String, document index: Int,
    of owner: ReferenceTarget? = nil,
    refersTo: inout Bool
  ) -> Node {
    let path = ownerID.drop { $0 != ":" }.dropFirst()
    let documentID = GraphFolderWriter.documentID(documents[index])
    var taken: [String: Int] = [:]
    var nodes: [Node] = []
    for t in list {
      let base =
        "\(kind):\(path)/" + GraphFolderWriter.wordsID(t.text) + "-" + GraphFolderWriter.shortHash(t.text)
      taken[base, default: 0] += 1
      let nodeID = base + (taken[base] == 1 ? "" : "-\(taken[base] ?? 1)")
      var p: [(String, Node)] = [("id", Node(nodeID)), ("text", Node(t.text))]
      if let s = t.section { p.append(("section", Node(s))) }
      p.append(("source", Node("\(documentID):\(t.line)")))
      // A matrix cell (a structured record) expresses its row's (theme's) competency, as the document says
      // (confidence 1), at the proficiency it states, before any link the linker made. Examples express
      // nothing: the schema keeps `expresses` for expectations.
      let own = (kind == "example" ? nil : t.competency).map { c in
        GraphFolderWriter.mapping(
          [("to", Node(competencyID(document: index, c)))]
            + (t.proficiency.map { [("proficiency", Node($0))] } ?? [])
            + [
              ("matched_by", Node("the document names it")), ("confidence", Node("1", Tag(.float))),
            ])
      }
      if let kept = reviewed[t.text] {
        p.append(("expresses", Node(kept)))
      } else if own != nil || !t.links.isEmpty {
        p.append(("expresses", Node((own.map { [$0] } ?? []) + t.links.map(GraphFolderWriter.expresses))))
      }
      let measures = targets(t.refersTo, from: index, roles: true, excluding: owner)
      if !measures.isEmpty {
        p.append(("refers_to", Node(measures.map { Node($0) })))
        refersTo = true
      }
      nodes.append(GraphFolderWriter.mapping(p))
    }
    return Node(nodes)
  }
}
