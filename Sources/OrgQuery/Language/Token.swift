import OrgGraph

/// A token of the query language.
public struct Token: Sendable, Hashable {
  /// What kind of token.
  public enum Kind: Sendable, Hashable {
    case identifier
    case keyword
    case string
    case number
    case levelCode
    case variable
    case symbol
    case endOfInput
  }

  /// The token's kind.
  public var kind: Kind
  /// The token's text: an identifier's name, a string's decoded contents, a symbol's characters.
  public var text: String
  /// Where it is.
  public var range: SourceRange

  /// Whether the token is the keyword `word`.
  func isKeyword(_ word: String) -> Bool { kind == .keyword && text == word }
  /// Whether the token is the symbol `symbol`.
  func isSymbol(_ symbol: String) -> Bool { kind == .symbol && text == symbol }

  /// How the token reads in a message: `` `where` ``, `the end of the query`.
  var described: String {
    switch kind {
    case .endOfInput: return "the end of the query"
    case .string: return "the string \"\(text)\""
    case .variable: return "`$\(text)`"
    default: return "`\(text)`"
    }
  }
}

/// The reserved words of the language: never names, kinds, edges or properties.
public enum Keywords {
  /// Every reserved word.
  public static let all: Set<String> = [
    "let", "path", "from", "to", "via", "gap", "overlap", "find", "where", "select", "sort", "by", "group",
    "distinct",
    "count", "limit", "render", "union", "intersect", "except", "as", "asc", "desc", "and", "or", "not", "in",
    "true", "false", "shortest", "all", "simple",
  ]

  /// The words that start a command after `|`, from ``QueryCommand``.
  public static let commands = QueryCommand.allCases.map(\.keyword)

  /// Words people bring from other languages, and the command they mean here.
  public static let synonyms: [String: String] = [
    "filter": "where", "take": "limit", "head": "limit", "order": "sort", "orderby": "sort",
    "return": "select",
    "project": "select", "map": "select", "unique": "distinct", "uniq": "distinct", "dedup": "distinct",
    "len": "count", "length": "count", "size": "count", "groupby": "group", "minus": "except",
    "and": "intersect",
    "match": "where",
  ]
}
