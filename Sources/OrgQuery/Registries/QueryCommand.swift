/// The commands that follow `|`, written once: the parser's dispatch, Tab completion after `|`, "did you
/// mean", the error's list of commands and `:help commands` are all made from ``allCases``.
///
/// Adding a command is a case here (its keyword, synopsis and help line) and its phase in each file of the
/// pipeline — the parser's `parseCommand`, the checker, the evaluator — which the compiler points to, since
/// each switches over this type.
public enum QueryCommand: String, CaseIterable, Sendable {
  /// `| where CONDITION`
  case `where`
  /// `| select a, b as c`
  case select
  /// `| sort by a desc, b`
  case sort
  /// `| group by a [as b]`
  case group
  /// `| distinct`
  case distinct
  /// `| count`
  case count
  /// `| limit 10`
  case limit
  /// `| render svg to "file.svg"`
  case render
  /// `| union (…)`
  case union
  /// `| intersect $x`
  case intersect
  /// `| except (…)`
  case except

  /// The keyword that starts it.
  public var keyword: String { rawValue }

  /// How it is written.
  public var synopsis: String {
    switch self {
    case .where: "| where CONDITION"
    case .select: "| select a, b as c"
    case .sort: "| sort by a desc, b"
    case .group: "| group by a [as b]"
    case .distinct: "| distinct"
    case .count: "| count"
    case .limit: "| limit N"
    case .render: "| render FORMAT [to \"FILE\"]"
    case .union: "| union (QUERY) or $name"
    case .intersect: "| intersect (QUERY) or $name"
    case .except: "| except (QUERY) or $name"
    }
  }

  /// What it does, in one line.
  public var summary: String {
    switch self {
    case .where: "keep the rows where the condition holds"
    case .select: "the columns to show, each an expression, named with `as`"
    case .sort: "order the rows, ascending unless `desc`"
    case .group: "one row per distinct key, with `size` and `members`"
    case .distinct: "drop repeated rows"
    case .count: "the number of rows"
    case .limit: "the first N rows"
    case .render: "draw the result (\(RenderFormat.allCases.map(\.rawValue).joined(separator: ", ")))"
    case .union: "the rows' nodes and the other set's"
    case .intersect: "the rows whose node is in the other set"
    case .except: "the rows whose node is not in the other set"
    }
  }

  /// `:help commands`: each command's synopsis and summary, aligned.
  public static var helpText: String {
    let width = allCases.map(\.synopsis.count).max() ?? 0
    return "Commands follow `|`:\n"
      + allCases.map {
        "  " + $0.synopsis + String(repeating: " ", count: width - $0.synopsis.count + 3) + $0.summary + "\n"
      }.joined()
  }
}
