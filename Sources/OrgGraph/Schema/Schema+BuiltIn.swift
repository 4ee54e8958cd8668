extension Schema {
  /// The proficiency scale, lowest first: `awareness < foundational < working < advanced < expert`.
  public static let proficiencyScale = ["awareness", "foundational", "working", "advanced", "expert"]

  /// The properties every kind has.
  static let commonNodeProperties: [PropertyDefinition] = [
    PropertyDefinition(name: "name", type: .string, summary: "the display name"),
    PropertyDefinition(name: "description", type: .text, summary: "a description in the graph's own words"),
    PropertyDefinition(name: "source", type: .source, summary: "the document and line the node comes from"),
  ]

  /// The property every edge type has.
  static let originProperty = PropertyDefinition(
    name: "origin", type: .enumeration("origin"),
    summary: "declared in a file, derived from other edges, or inferred from overlap")

  /// The schema every graph starts from (DESIGN.md, "Data model").
  public static let builtIn: Schema = {
    func p(_ name: String, _ type: PropertyType, _ summary: String) -> PropertyDefinition {
      PropertyDefinition(name: name, type: type, summary: summary)
    }
    func kind(
      _ name: String, _ plural: String, _ summary: String, _ properties: [PropertyDefinition] = []
    ) -> KindDefinition {
      KindDefinition(
        name: name, plural: plural, summary: summary, properties: commonNodeProperties + properties,
        isBuiltIn: true)
    }
    func edge(
      _ name: String, _ from: [String], _ to: [String], _ summary: String,
      _ properties: [PropertyDefinition] = []
    ) -> EdgeTypeDefinition {
      EdgeTypeDefinition(
        name: name, from: from, to: to, summary: summary, properties: properties + [originProperty],
        isBuiltIn: true)
    }
    let proficiency = p("proficiency", .enumeration("proficiency"), "how well: awareness … expert")
    return Schema(
      kinds: [
        kind("org", "orgs", "an organisation", [p("homepage", .string, "the organisation's web site")]),
        kind(
          "team", "teams", "a team, area, department or squad", [p("purpose", .text, "why the team exists")]),
        kind(
          "track", "tracks", "a ladder or discipline",
          [p("track_type", .enumeration("track_type"), "ic, management or common")]),
        kind(
          "role", "roles", "a job",
          [
            p("purpose", .text, "why the role exists"),
            p("challenges", .strings, "the challenges the role takes on"),
            p("performance_standards", .strings, "how performance in the role is measured"),
          ]),
        kind(
          "level", "levels", "one rung of a role or track",
          [
            p("code", .string, "the level's code: L3, L3.2, Senior"),
            p("rank", .int, "the level's height on its ladder"),
            p("archetype", .text, "the one-line portrait of the level"),
            p("planning_horizon", .text, "how far ahead the level plans"),
            p("impact_radius", .text, "how many people the level's work reaches"),
            p("evaluation", .text, "who evaluates the level"),
            p("direction_needed", .text, "the responsibility taken and the direction needed"),
          ]),
        kind(
          "expectation", "expectations", "one verbatim statement of a document",
          [
            p("text", .text, "the statement, verbatim"),
            p("section", .string, "the document's section or dimension"),
          ]),
        kind(
          "example", "examples", "a verbatim example a document gives for a section",
          [
            p("text", .text, "the example, verbatim"),
            p("section", .string, "the document's section or dimension"),
          ]),
        kind(
          "competency", "competencies", "a canonical skill, knowledge or behaviour",
          [
            p("area", .string, "the area the competency belongs to"),
            p("aliases", .strings, "other names people use for it"),
            p("esco", .strings, "the URIs of the ESCO skills it corresponds to"),
          ]),
        kind("value", "values", "a value or rule of behaviour", [p("text", .text, "the value, verbatim")]),
        kind("person", "people", "someone named in a document, or an employee"),
      ],
      edgeTypes: [
        edge(
          "part_of", ["team", "track"], ["team", "org"], "a team or track belongs to a team or organisation"),
        edge("in_team", ["role"], ["team"], "a role belongs to a team"),
        edge("in_track", ["role"], ["track"], "a role follows a track"),
        edge("has_level", ["role", "track"], ["level"], "a role or track has a level"),
        edge("promotes_to", ["level"], ["level"], "a promotion from one level to the next"),
        edge(
          "lateral", ["level", "role"], ["level", "role"], "a sideways move between roles or levels",
          [
            p("score", .number, "the similarity of the two sides (0–1)"),
            p("cost", .number, "1 − score: the effort of the move"),
          ]),
        edge("includes", ["level"], ["level"], "a cumulative level includes the one below"),
        edge(
          "expects", ["role", "level"], ["expectation"], "a role or level states an expectation",
          [p("order", .int, "the statement's position")]),
        edge(
          "has_example", ["role", "level"], ["example"], "a role or level gives an example",
          [p("order", .int, "the example's position")]),
        edge(
          "expresses", ["expectation"], ["competency", "value"],
          "a statement expresses a competency or value",
          [proficiency, p("aspect", .enumeration("aspect"), "do, teach or lead")]),
        edge(
          "requires", ["role", "level"], ["competency"], "a role or level requires a competency",
          [
            proficiency, p("evidence", .nodes, "the expectations the requirement comes from"),
            p(
              "quote", .text,
              "for a requirement written in a file: the sentence of the document it comes from"),
            p(
              "quote_source", .source,
              "for a requirement written in a file: where that sentence is (document:line)"),
          ]),
        edge("broader", ["competency"], ["competency"], "a competency is part of a broader one"),
        edge(
          "embodies", ["org", "team", "role"], ["value"], "an organisation, team or role embodies a value"),
        edge("leads", ["person"], ["team"], "a person leads a team"),
        edge("holds", ["person"], ["level", "role"], "a person holds a level or role"),
        edge("assessed", ["person"], ["competency"], "a person's assessed proficiency", [proficiency]),
      ],
      enums: [
        EnumDefinition(name: "proficiency", cases: proficiencyScale),
        EnumDefinition(name: "track_type", cases: ["ic", "management", "common"]),
        EnumDefinition(name: "origin", cases: ["declared", "derived", "inferred"]),
        EnumDefinition(name: "aspect", cases: ["do", "teach", "lead"]),
      ])
  }()

  /// Everyday words for proficiencies, mapped to the scale: suggestions for an unknown proficiency word.
  static let proficiencySynonyms: [String: String] = [
    "familiar": "awareness", "familiarity": "awareness", "aware": "awareness", "basic": "foundational",
    "beginner": "foundational", "novice": "foundational", "junior": "foundational",
    "experience": "working", "experienced": "working", "intermediate": "working", "competent": "working",
    "proficient": "advanced", "strong": "advanced", "senior": "advanced", "expertise": "expert",
    "master": "expert", "mastery": "expert",
  ]
}
