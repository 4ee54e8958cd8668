import OrgGraph
import OrgQuery

/// The REPL's `:help` pages.
enum Help {
  static let topics = [
    "queries", "steps", "commands", "conditions", "functions", "path", "gap", "overlap", "meta", "examples",
  ]

  static func text(_ topic: String) -> String {
    switch topic.lowercased() {
    case "": return overview
    case "queries", "query", "sources": return queries
    case "steps", "step", "edges": return steps
    case "commands", "command", "stages": return commands
    case "conditions", "where", "expressions": return conditions
    case "functions", "function": return functions
    case "path", "paths": return path
    case "gap": return gap
    case "overlap": return overlap
    case "meta", ":": return meta
    case "examples", "example": return examples
    default:
      let suggestion =
        Suggestions.didYouMean(topic, in: topics, limit: 1, written: { ":help " + $0 }).first.map {
          " " + $0.prefix(1).uppercased() + $0.dropFirst()
        } ?? ""
      return "No help on `\(topic)`.\(suggestion) Topics: \(topics.joined(separator: ", ")).\n"
    }
  }

  static let overview = """
    A query starts from nodes and walks edges, left to right:

      roles                                         every role
      role "Cloud Engineer"                         one role (quote names with spaces)
      role "Cloud Engineer" -> requires             the competencies it requires
      competency Kubernetes <- requires             the roles and levels that require it
      roles | where name ~ "Engineer" | select name

    Press Tab anywhere: it offers the kinds, edges, names and properties that fit there.
    :schema lists every kind and edge type. Mistakes come with a hint; :explain CODE says more.

    Help topics (:help TOPIC): queries, steps, commands, conditions, functions, path, gap,
    overlap, meta, examples. docs/query-language.md is the full reference.

    """

  static let queries = """
    Sources — where a query starts:
      roles, levels, competencies, teams …        every node of a kind (plural)
      role "Cloud Engineer", team Cloud            one node: the kind (singular) and its name
      role "Cloud Security Engineer" @ L3          a level of a role, by code
      $name                                        what `let name = …` bound
    Find by words: find "mentoring" lists the nodes whose names, aliases or text mention it, best first,
    with the text that matched and its source; find "k8s kubernetes" in expectations searches one kind.
    Then any number of steps (-> edge) and commands (| where …). Statements are separated by `;`.
    A line ending in `|` or with an open bracket or quote continues on the next line.

    """

  static let steps = """
    Steps walk edges:
      -> requires        forward          <- requires        backward          -- lateral     either way
      -> (promotes_to | lateral)          several edge types
      -> promotes_to+    one or more hops   *  zero or more   ?  zero or one   {1,3}  one to three
      -> requires[proficiency >= advanced]                     keep only edges that pass
    A single hop gives one row per edge, and each row knows its edge (`proficiency` is the edge's).
    A closure (+ * ? {n,m}) gives each node once; depth() is its distance.
    Name a source or step with `as` to keep where each row came from:
      competencies as c | where area = "Security" <- requires as r | select c, name, r.proficiency
    `c` is the named node, `c.area` its property; a named step's edge too (`r.proficiency`).
    A step after gap or overlap walks on from the competency (after path, from `end`), keeping the columns.

    """

  /// From the query language's own list of commands (`QueryCommand`), so a new command is in the help.
  static var commands: String { QueryCommand.helpText + "\n" }

  static let conditions = """
    Conditions:  name = "x"   code != L3   proficiency >= advanced   change in [added, raised]
                 name ~ "Engineer" (a case-insensitive pattern)   a and b   a or b   not a
    Proficiency: awareness < foundational < working < advanced < expert. A requirement without one is
    `unrated` and compares false with everything.
    Test a step with exists(…) or count(…):  roles | where exists(-> requires[proficiency = expert])

    """

  static let functions = """
    count(-> requires)         exists(-> in_team)        depth()          similarity(role "SRE Engineer")
    min(…) max(…)              lower(name) upper(name)   len(name)
    A function's argument may be a pipeline starting at the row: count(-> requires | intersect $sre)

    """

  static let path = """
    path from role "Backend Engineer" to level "Senior Cloud Security Engineer" via -> (promotes_to | lateral)
    Modes after the step: shortest (default), shortest by cost, all shortest, all simple (needs a bound: {1,6}).
    `~` in a route marks a move inferred from competency overlap.

    """

  static let gap = """
    gap from role "Cloud Engineer" to level "Senior Cloud Security Engineer" | where change in [added, raised]
    gap from level "Security Engineer" to @ L3          a level of the same ladder, by code
    Columns: competency, before, after, change (added raised unrated unchanged lowered removed), evidence.
    `unrated` means one side gives no proficiency: include it to see every requirement you may lack.

    """

  static let overlap = """
    overlap role "Cloud Engineer", level "Senior Cloud Security Engineer"
    One row per competency either requires, with each side's proficiency and shared_by; similarity below.

    """

  /// `:help meta`, made from ``MetaCommand`` and ``Setting``.
  static var meta: String {
    func pad(_ text: String, _ width: Int) -> String {
      text.count >= width ? text + "  " : text + String(repeating: " ", count: width - text.count)
    }
    var out = ""
    for command in MetaCommand.allCases {
      let aliases =
        command.aliases.isEmpty
        ? "" : " (also " + command.aliases.map { ":" + $0 }.joined(separator: ", ") + ")"
      out += "  " + pad(command.usage, 24) + command.summary + aliases + "\n"
    }
    out += "Settings (:set NAME VALUE):\n"
    for setting in Setting.allCases {
      out += "  " + pad("\(setting.rawValue) \(setting.value)", 24) + setting.summary + "\n"
    }
    out += "Ctrl-C clears the line or stops a running query; Ctrl-D quits.\n\n"
    return out
  }

  static let examples = """
    team Cloud <- in_team
    competency Kubernetes <- requires[proficiency >= advanced] | select name, proficiency
    let sre = role "SRE Engineer" -> requires
    roles | select name, count(-> requires | intersect $sre) as shared | sort by shared desc
    competencies | select name, count(<- requires) as demand | sort by demand desc | limit 10
    level "Security Engineer" -> promotes_to+ | select name, code, depth() as steps
    overlap role "Cloud Engineer", level "Senior Cloud Security Engineer"

    """
}
