extension DiagnosticCode {
  /// One code's entry in the error index.
  public struct Entry: Sendable, Hashable {
    /// The code.
    public var code: DiagnosticCode
    /// A short title.
    public var title: String
    /// What it means.
    public var meaning: String
    /// An example that causes it.
    public var example: String
    /// How to fix it.
    public var fix: String
  }

  /// This code's entry: title, meaning, example and fix.
  public var entry: Entry {
    switch self {
    case .G001:
      Entry(
        code: self, title: "not valid YAML",
        meaning:
          "A graph file cannot be parsed as YAML: a value with `: ` in it that is not quoted, a quote or bracket left open, bad indentation, a repeated key.",
        example: "name: Platform: core",
        fix:
          "Quote values that contain `: ` (`name: \"Platform: core\"`), close what was opened, indent with spaces."
      )
    case .G002:
      Entry(
        code: self, title: "no graph, or not one manifest",
        meaning:
          "The path holds no graph, or the folder has no manifest (a file whose top level has `orgraph:`), or more than one.",
        example: "a folder of YAML files without `orgraph.yaml`",
        fix: "Add `orgraph.yaml` with `orgraph: 1` and `name: …`; keep exactly one.")
    case .G003:
      Entry(
        code: self, title: "wrong structure",
        meaning:
          "A file's top level is not a mapping of sections, a section is not a list, or an item is not a mapping.",
        example: "roles: Cloud Engineer",
        fix: "List nodes under their section: `roles:` then `- id: role:…` and `name: …`.")
    case .G004:
      Entry(
        code: self, title: "unsupported format version",
        meaning: "The manifest's `orgraph:` version is not one this OrgGraph reads.", example: "orgraph: 2",
        fix: "Write `orgraph: 1`.")
    case .G005:
      Entry(
        code: self, title: "not a valid CSV table",
        meaning:
          "A `.csv` file of a graph folder cannot be read as a table: its name is no kind or edge type, a header names no property, a row has the wrong number of fields, a quoted field runs past the end of its line, or a value has the wrong type.",
        example: "person:p1,competency:go,working,extra",
        fix:
          "Name the file after a kind (`people.csv`) or an edge type (`assessed.csv`), give every row the header's fields, and keep each row on one line (docs/graph-format.md, \"CSV tables\")."
      )
    case .G006:
      Entry(
        code: self, title: "not a usable snapshot",
        meaning:
          "A file passed as a graph starts like a snapshot but cannot be opened: it is truncated, a byte changed since it was written (the checksum differs), or a newer OrgGraph wrote it.",
        example: "orgraph --graph org.orgsnap (cut short by a full disk)",
        fix:
          "Write the snapshot again from its graph folder: `orgraph snapshot --graph DIR -o FILE`; a newer snapshot needs the OrgGraph that wrote it."
      )
    case .G007:
      Entry(
        code: self, title: "loading ran past the time budget",
        meaning:
          "Loading the graph took longer than the time budget of the command (`--timeout`, 30 seconds unless set, the same budget its queries get), and was stopped; nothing was changed.",
        example: "orgraph query --graph huge/ --timeout 5 'roles'",
        fix:
          "Give the load more time (`--timeout 120`, or `--timeout 0` for no limit), or write a snapshot once (`orgraph snapshot --graph DIR -o FILE`), which opens in a fraction of a second."
      )
    case .G101:
      Entry(
        code: self, title: "unknown kind",
        meaning: "A top-level section (or a JSON node's `kind`) names no kind of the schema.",
        example: "rolez:",
        fix: "Use a kind's plural (`roles:`), or declare a new kind under `schema: kinds:` in the manifest.")
    case .G102:
      Entry(
        code: self, title: "unknown property",
        meaning:
          "A node or edge has a key that is neither a property of its kind nor an edge type that can leave it.",
        example: "kode: L2",
        fix:
          "Correct the key (the message suggests the closest), or declare the property under `schema: properties:`."
      )
    case .G103:
      Entry(
        code: self, title: "wrong type",
        meaning:
          "A property's value does not have the property's type: text where a number belongs, a single value where a list belongs, a number where text belongs.",
        example: "rank: three",
        fix: "Write the value in the property's type (`rank: 3`, `aliases: [k8s]`, `code: \"2\"`).")
    case .G104:
      Entry(
        code: self, title: "unknown enum case",
        meaning: "An enum property (such as `proficiency`) has a word that is not one of its cases.",
        example: "proficiency: proficient",
        fix: "Use one of the cases; the scale is awareness < foundational < working < advanced < expert.")
    case .G105:
      Entry(
        code: self, title: "edge cannot connect these kinds",
        meaning: "An edge type is unknown, or cannot leave or enter the kinds of its endpoints.",
        example: "a `requires:` key on a team",
        fix: "Put the edge on a node of a kind it leaves, or point it at a node of a kind it enters.")
    case .G106:
      Entry(
        code: self, title: "invalid schema extension",
        meaning: "The manifest's `schema:` section is malformed or redefines a built-in name.",
        example: "schema: {kinds: [{name: role}]}",
        fix: "Choose new names; give every enum `cases`, every edge `from` and `to`.")
    case .G107:
      Entry(
        code: self, title: "required key missing",
        meaning:
          "A node lacks `id` or `name` (expectations and examples need `text`), an edge lacks `type`, `from` or `to`, or the manifest lacks `name`.",
        example: "- id: role:acme/x   (no name)", fix: "Add the key the message names.")
    case .G201:
      Entry(
        code: self, title: "unknown id",
        meaning: "A reference names an id that no node has.", example: "to: competency:kubernets",
        fix: "Correct the id (the message suggests the closest of the right kind), or define the node.")
    case .G202:
      Entry(
        code: self, title: "duplicate id",
        meaning: "Two nodes (or two documents) have the same id.",
        example: "two nodes with `id: level:acme/engineer`",
        fix: "Give one of them another id; the message says where the first is.")
    case .G203:
      Entry(
        code: self, title: "malformed id",
        meaning:
          "An id does not have the form `KIND:path` with the node's own kind, in lower-case letters, digits and `- _ . /`.",
        example: "id: roles:acme/x", fix: "Write `role:acme/x`; the message gives the corrected id.")
    case .G204:
      Entry(
        code: self, title: "undeclared document",
        meaning: "A `source:` names a document the manifest does not declare.", example: "source: handbook:7",
        fix: "Declare it under `documents:` in the manifest, or correct the name.")
    case .G301:
      Entry(
        code: self, title: "promotion cycle",
        meaning: "`promotes_to` edges go round in a circle, so no level is above another.",
        example: "L2 promotes_to L3, L3 promotes_to L2",
        fix: "Remove the promotion that leads back down; the message lists the circle.")
    case .G302:
      Entry(
        code: self, title: "level outside any ladder",
        meaning: "A level belongs to no role or track: nothing lists it under `has_level`.",
        example: "a level defined but never listed", fix: "Add it to a role's or track's `has_level`.")
    case .G303:
      Entry(
        code: self, title: "hierarchy cycle",
        meaning:
          "`includes` (levels), `part_of` (teams) or `broader` (competencies) edges go round in a circle, so nothing is above anything else and what a level includes never ends.",
        example: "team:acme/a part_of team:acme/b, team:acme/b part_of team:acme/a",
        fix: "Remove the edge that leads back; the message lists the circle.")
    case .G304:
      Entry(
        code: self, title: "edge to itself",
        meaning: "An `includes`, `part_of`, `broader` or `lateral` edge leads from a node to the same node.",
        example: "level:acme/l2 includes level:acme/l2",
        fix: "Remove it, or point it at the node that was meant.")
    case .L101:
      Entry(
        code: self, title: "expectation linked to no competency (lint warning)",
        meaning:
          "`orgraph check --strict`: an expectation expresses no competency or value. What a role or level requires is derived from what its expectations express, so the statement counts in no gap, overlap or path.",
        example: "- text: I can design and implement infrastructure as code.   (no `expresses:`)",
        fix:
          "Link it to the competency it states: `expresses: [competency:infrastructure-as-code]`, with a `proficiency` when the text gives one."
      )
    case .L102:
      Entry(
        code: self, title: "competency nobody requires (lint warning)",
        meaning:
          "`orgraph check --strict`: no role or level requires the competency, neither directly nor through a narrower competency that names it as `broader`.",
        example: "competency:documentation, expressed by no statement any role or level expects",
        fix: "Link the statements that call for it with `expresses:`, or remove it from the taxonomy.")
    case .L103:
      Entry(
        code: self, title: "statement repeated (lint warning)",
        meaning:
          "`orgraph check --strict`: one role or level states the same thing twice (two expectations, two examples, or one of each with the same text, ignoring case, spacing and closing punctuation).",
        example: "two expectations `Identify blockers on processes or software;` under one role",
        fix:
          "Remove one of the two, or reword one if they mean different things; the note says where the first is."
      )
    case .L104:
      Entry(
        code: self, title: "level outside every promotion (lint warning)",
        meaning:
          "`orgraph check --strict`: no `promotes_to` reaches the level and it promotes nowhere, so nobody can be promoted into it or out of it.",
        example: "a new level L5 listed under `has_level` without `promotes_to` to or from it",
        fix:
          "Add `promotes_to:` from the level below it, or to the level above it; the help names the neighbour by rank."
      )
    case .L105:
      Entry(
        code: self, title: "team with no roles (lint warning)",
        meaning: "`orgraph check --strict`: no role is `in_team` the team or any of its sub-teams.",
        example: "a team `team:acme/platform` that no role names in `in_team`",
        fix: "Add `in_team: team:…` to the roles that belong to it, or remove the team.")
    case .Q001:
      Entry(
        code: self, title: "unexpected token",
        meaning:
          "The query does not follow the grammar at this point: a word or symbol where another was expected.",
        example: "role Cloud Engineer",
        fix: "Follow the help line: quote names with spaces, put `|` before commands, close brackets.")
    case .Q002:
      Entry(
        code: self, title: "unclosed string",
        meaning: "A string has no closing quote before the end of the line.",
        example: "role \"Cloud Engineer -> requires", fix: "Add the closing quote after the name.")
    case .Q003:
      Entry(
        code: self, title: "unexpected character",
        meaning: "A character that is not part of the language, such as `&&` or curly quotes.",
        example: "roles | where a && b",
        fix: "Write `and`, `or`, `not`, and straight quotes.")
    case .Q004:
      Entry(
        code: self, title: "bad bounds", meaning: "A `{n,m}` quantifier is malformed or empty (m < n).",
        example: "-> promotes_to{3,1}", fix: "Write the smaller bound first: `{1,3}`.")
    case .Q005:
      Entry(
        code: self, title: "nesting too deep",
        meaning: "Parentheses, sub-pipelines or conditions nest more than 64 levels deep.",
        example: "((((…roles…))))",
        fix: "Split the query with `let`.")
    case .Q007:
      Entry(
        code: self, title: "missing `|`",
        meaning: "A command such as `where` follows without a `|` in front.",
        example: "roles where name ~ \"x\"", fix: "Write `roles | where name ~ \"x\"`.")
    case .Q101:
      Entry(
        code: self, title: "unknown edge type",
        meaning: "A step names an edge type the schema does not have.",
        example: "role \"Cloud Engineer\" -> require",
        fix: "Use an edge type that leaves the rows' kind; the note lists them.")
    case .Q102:
      Entry(
        code: self, title: "edge cannot be walked from here",
        meaning:
          "The edge type exists but does not leave (or, with `<-`, enter) the kinds of the current rows, or the rows are a table with no nodes.",
        example: "competency Kubernetes -> requires",
        fix: "Walk it the other way (`<- requires`), or step before `select`.")
    case .Q103:
      Entry(
        code: self, title: "unknown kind",
        meaning:
          "A word where a kind belongs is not a kind, or has the wrong number (`roles` lists all roles; `role \"X\"` names one).",
        example: "rolez", fix: "Use the kind's plural as a source and its singular in node references.")
    case .Q104:
      Entry(
        code: self, title: "unknown column or property",
        meaning:
          "A name is neither a column of the rows, nor a property of their node or of the edge they came by.",
        example: "roles | where nmae = \"x\"",
        fix: "Use a name from the note's list; `node.NAME` and `edge.NAME` say which.")
    case .Q105:
      Entry(
        code: self, title: "unknown function", meaning: "A call names a function that does not exist.",
        example: "size(-> requires)",
        fix: "Use count, exists, depth, min, max, lower, upper, len or similarity.")
    case .Q106:
      Entry(
        code: self, title: "unknown enum case",
        meaning: "A word compared with an enum property is not one of its cases.",
        example: "proficiency >= advnced",
        fix: "Use a case: awareness, foundational, working, advanced, expert (or the enum's own cases).")
    case .Q107:
      Entry(
        code: self, title: "ambiguous name",
        meaning: "A name is a property of both the row's node and its edge.",
        example: "a graph whose edges and nodes share a property",
        fix: "Write `node.NAME` or `edge.NAME`.")
    case .Q108:
      Entry(
        code: self, title: "wrong arguments",
        meaning: "A function got the wrong number or kind of arguments.",
        example: "count()", fix: "Follow the usage in the help line, like `count(-> requires)`.")
    case .Q109:
      Entry(
        code: self, title: "type mismatch",
        meaning:
          "Values of different types are compared, a condition is not true or false, or a value is used where a set of nodes belongs.",
        example: "proficiency >= 3", fix: "Compare like with like: `proficiency >= advanced`, `count(…) > 0`."
      )
    case .Q110:
      Entry(
        code: self, title: "a set is not a condition",
        meaning: "A step or a set of rows stands where a condition or value belongs.",
        example: "roles | where -> requires",
        fix: "Test it with `exists(…)`, count it with `count(…)`, or test membership with `in $name`.")
    case .Q111:
      Entry(
        code: self, title: "unknown output format", meaning: "`render` names a format that does not exist.",
        example: "render jpg", fix: "Use table, json, csv, dot, svg, png, pdf or mermaid.")
    case .Q112:
      Entry(
        code: self, title: "unknown set operation",
        meaning:
          "A stage that combines two sets of nodes names an operation other than `union`, `intersect` or `except`.",
        example: "a program that builds `CommandSyntax.setOperation` with the word `minus`",
        fix: "Use `union`, `intersect` or `except`; the help suggests the closest.")
    case .Q113:
      Entry(
        code: self, title: "a stage name that clashes",
        meaning:
          "A source or step is named with `as` using a word that already means something there: an earlier stage's name, a column, a property of some kind or edge, or `node`, `edge`, `id`, `kind`, `name`, `depth`, `size`, `members`. The step of a `path` cannot be named.",
        example: "competencies as area <- requires",
        fix: "Pick a new short name, like `as c`, and use it as `c` and `c.area`.")
    case .Q201:
      Entry(
        code: self, title: "unknown node name",
        meaning: "No node of the kind has the name, id or alias.", example: "role \"Cloud Enginer\"",
        fix: "Correct the name (the help suggests close names of the same kind, or the kind that has it).")
    case .Q202:
      Entry(
        code: self, title: "ambiguous node name",
        meaning: "Several nodes of the kind have the name.",
        example: "person \"Ana\" when two people are called Ana",
        fix: "Name one by its id, as the candidates list shows.")
    case .Q203:
      Entry(
        code: self, title: "unbound variable", meaning: "`$name` was never bound by `let` or `--param`.",
        example: "roles | intersect $sre", fix: "Bind it first: `let sre = …`, or pass `--param sre=VALUE`.")
    case .Q204:
      Entry(
        code: self, title: "unknown level code",
        meaning: "`@ CODE` names no level on the node's ladder.",
        example: "role \"Cloud Security Engineer\" @ L9",
        fix: "Use a code from the note's list.")
    case .Q205:
      Entry(
        code: self, title: "invalid pattern",
        meaning: "The pattern after `~` is not a valid regular expression.",
        example: "name ~ \"(\"", fix: "Escape special characters with a backslash, or match plain words.")
    case .Q301:
      Entry(
        code: self, title: "unbounded enumeration",
        meaning: "`all simple` paths need an upper bound on hops: their number can grow exponentially.",
        example: "via -> lateral all simple", fix: "Bound the step: `via -> lateral{1,6} all simple`.")
    case .Q302:
      Entry(
        code: self, title: "hop cap reached (warning)",
        meaning:
          "A closure or path search stopped at the hop cap (32 by default); the result may be incomplete.",
        example: "-> lateral+ on a very large graph",
        fix: "Bound the step, or raise the cap with `:set hops N`.")
    case .Q303:
      Entry(
        code: self, title: "path limit reached (warning)",
        meaning: "`all shortest` or `all simple` stopped after 1000 paths.",
        example: "all simple paths with a wide bound",
        fix: "Narrow the start or target, or lower the bound.")
    case .Q304:
      Entry(
        code: self, title: "time budget exceeded",
        meaning:
          "The query ran longer than its time budget (30 seconds on the command line and in the shell; none in the library unless `QuerySession.timeout` is set) and was stopped. Regular expressions that backtrack badly are stopped the same way.",
        example: "expectations | where text ~ \"(\\\\w+\\\\s?)*\\\\d$\"",
        fix:
          "Narrow the query (filter before steps, bound closures, simpler patterns), or give it more time: `--timeout 120`, `:set timeout 120`."
      )
    case .Q305:
      Entry(
        code: self, title: "too many rows",
        meaning:
          "One step made more rows than the limit (five million by default): every row is one edge crossed, so a few steps over dense edges multiply quickly and would take gigabytes.",
        example: "roles -- requires -- requires -- requires -- requires -- requires -- requires -- requires",
        fix:
          "Filter before the step, add `| distinct` where nodes repeat, use a closure (`-- requires{1,4}`, each node once), or raise the limit: `--max-rows N`, `:set maxrows N`."
      )
    case .Q401:
      Entry(
        code: self, title: "inferred move in a path (warning)",
        meaning:
          "A path uses a `lateral` move inferred from competency overlap rather than declared in the framework.",
        example: "path … via -> (promotes_to | lateral)",
        fix:
          "Check the move with `overlap`; to use declared moves only, filter the step: `[origin = declared]`."
      )
    case .Q402:
      Entry(
        code: self, title: "cannot draw as asked",
        meaning:
          "A `render` stage or `orgraph render` cannot draw the result this way: the diagram would be too large, the format does not exist, a binary format (PNG, PDF) was asked for without a file, or the program running the query has no renderer.",
        example: "orgraph render --format png 'roles'",
        fix:
          "Follow the help line: narrow the query or raise `--max-nodes`, name a file (`-o diagram.png`, or `| render png to \"diagram.png\"`), or run the query with `orgraph`."
      )
    case .Q403:
      Entry(
        code: self, title: "file not written",
        meaning:
          "The output file was not written: it exists and replacing it was not allowed, a query named a file outside the folder queries may write in, or the folder is missing or not writable.",
        example: "roles | render svg to \"../x.svg\"",
        fix:
          "Add `--force` (`:set overwrite on` in the shell) to replace a file; name a file in the working directory or allow another folder with `--write-dir DIR`; or pick a folder that exists."
      )
    case .Q404:
      Entry(
        code: self, title: "Graphviz failed",
        meaning:
          "Graphviz refused the diagram, crashed while laying it out, or took longer than its time limit. OrgGraph runs Graphviz in a helper process, so only this render failed; the next one starts a new helper.",
        example: "a diagram that trips a Graphviz bug",
        fix:
          "Draw fewer nodes, or write the diagram as text (`| render dot`, `| render mermaid`) and lay it out elsewhere."
      )
    case .Q405:
      Entry(
        code: self, title: "nothing found (warning)",
        meaning:
          "A step crossed no edge, or `path` found no route. The warning says why and shows the nearest query that finds something: the step without its filter, the same edges one step further (a role's requirements sit on its levels), or a route walking edges either way or with lateral moves.",
        example: "role \"Cloud Security Engineer\" -> requires",
        fix: "Use the query in the help line (`-> has_level -> requires`), or widen the step as it suggests.")
    }
  }
}
