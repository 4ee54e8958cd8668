import OrgGraph

/// Splits query text into tokens with 1-based line and column ranges (columns count Unicode scalars).
struct Lexer {
  let scalars: [Unicode.Scalar]
  let file: String?
  let firstLine: Int
  var position = 0
  var line: Int
  var column = 1
  var diagnostics: [Diagnostic] = []

  init(_ text: String, file: String?, firstLine: Int = 1) {
    scalars = Array(text.unicodeScalars)
    self.file = file
    self.firstLine = firstLine
    line = firstLine
  }

  static let symbols2 = ["->", "<-", "--", "<=", ">=", "!=", "=="]
  static let symbols1: Set<Unicode.Scalar> = [
    "|", "(", ")", "[", "]", "{", "}", ",", ";", "=", "<", ">", "+", "*", "?", "@", "~", ".", "-", ":",
  ]

  var current: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }
  func peek(_ offset: Int = 1) -> Unicode.Scalar? {
    position + offset < scalars.count ? scalars[position + offset] : nil
  }

  mutating func advance() {
    guard let c = current else { return }
    position += 1
    if c == "\n" {
      line += 1
      column = 1
    } else {
      column += 1
    }
  }

  func location() -> SourceLocation { SourceLocation(line: line, column: column) }

  static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
    c == "_" || c.properties.isAlphabetic
  }

  static func isIdentifierPart(_ c: Unicode.Scalar) -> Bool {
    c == "_" || c.properties.isAlphabetic || ("0"..."9").contains(c)
  }

  mutating func tokenize() -> [Token] {
    var tokens: [Token] = []
    while true {
      skipTrivia()
      let start = location()
      guard let c = current else {
        tokens.append(
          Token(kind: .endOfInput, text: "", range: SourceRange(file: file, start: start, end: start)))
        return tokens
      }
      if c == "\"" || c == "'" {
        tokens.append(readString(quote: c))
      } else if ("0"..."9").contains(c) {
        var text = ""
        while let d = current, ("0"..."9").contains(d) {
          text.unicodeScalars.append(d)
          advance()
        }
        text += readFraction()
        tokens.append(Token(kind: .number, text: text, range: range(from: start)))
      } else if c == "$" {
        advance()
        var text = ""
        while let d = current, Self.isIdentifierPart(d) {
          text.unicodeScalars.append(d)
          advance()
        }
        if text.isEmpty {
          diagnostics.append(
            Diagnostic(
              code: .Q003, message: "`$` must be followed by a parameter name", range: range(from: start),
              label: "no name after `$`", help: ["write `$name`, like `$sre` after `let sre = …`"]))
        }
        tokens.append(Token(kind: .variable, text: text, range: range(from: start)))
      } else if Self.isIdentifierStart(c) {
        var text = ""
        while let d = current, Self.isIdentifierPart(d) {
          text.unicodeScalars.append(d)
          advance()
        }
        // A level code: L3, L3.2.
        if text.count >= 2, text.first == "L", text.dropFirst().allSatisfy(\.isNumber) {
          text += readFraction()
          tokens.append(Token(kind: .levelCode, text: text, range: range(from: start)))
        } else {
          let kind: Token.Kind = Keywords.all.contains(text) ? .keyword : .identifier
          tokens.append(Token(kind: kind, text: text, range: range(from: start)))
        }
      } else if let next = peek(), Self.symbols2.contains(String(c) + String(next)) {
        advance()
        advance()
        let text = String(c) + String(next)
        tokens.append(Token(kind: .symbol, text: text == "==" ? "=" : text, range: range(from: start)))
      } else if Self.symbols1.contains(c) {
        advance()
        tokens.append(Token(kind: .symbol, text: String(c), range: range(from: start)))
      } else if (c == "&" && peek() == "&") || (c == "|" && peek() == "|") {
        advance()
        advance()
        let word = c == "&" ? "and" : "or"
        diagnostics.append(
          Diagnostic(
            code: .Q003, message: "`\(c)\(c)` is not part of the language", range: range(from: start),
            label: "write `\(word)`", help: ["write `\(word)`: `a \(word) b`"]))
      } else {
        advance()
        var help: [String] = []
        if c == "&" {
          help = ["write `and`"]
        } else if c == "!" {
          help = ["write `not`, or `!=` for “not equal”"]
        } else if c == "“" || c == "”" || c == "‘" || c == "’" {
          help = ["use straight quotes: \"…\""]
        }
        diagnostics.append(
          Diagnostic(
            code: .Q003, message: "unexpected character `\(Character(c))`", range: range(from: start),
            label: "not part of the language", help: help))
      }
    }
  }

  /// `.` and the digits after it, when a digit follows the dot (`3.5`, `L3.2`); otherwise nothing.
  mutating func readFraction() -> String {
    guard current == ".", let next = peek(), ("0"..."9").contains(next) else { return "" }
    advance()
    var text = "."
    while let d = current, ("0"..."9").contains(d) {
      text.unicodeScalars.append(d)
      advance()
    }
    return text
  }

  func range(from start: SourceLocation) -> SourceRange {
    SourceRange(file: file, start: start, end: location())
  }

  mutating func skipTrivia() {
    while let c = current {
      if c == " " || c == "\t" || c == "\n" || c == "\r" {
        advance()
      } else if c == "#" {
        while let d = current, d != "\n" { advance() }
      } else {
        return
      }
    }
  }

  mutating func readString(quote: Unicode.Scalar) -> Token {
    let start = location()
    advance()
    var text = ""
    while let c = current {
      if c == quote {
        advance()
        return Token(kind: .string, text: text, range: range(from: start))
      }
      if c == "\n" { break }
      if c == "\\", let next = peek() {
        advance()
        advance()
        switch next {
        case "n": text.append("\n")
        case "t": text.append("\t")
        default: text.unicodeScalars.append(next)
        }
        continue
      }
      text.unicodeScalars.append(c)
      advance()
    }
    let q = Character(quote)
    diagnostics.append(
      Diagnostic(
        code: .Q002, message: "this string is never closed",
        range: SourceRange(
          file: file, start: start, end: SourceLocation(line: start.line, column: start.column + 1)),
        label: "the string starts here",
        help: ["add the closing \(q) at the end of the name: \(q)\(text)\(q)"]))
    return Token(kind: .string, text: text, range: range(from: start))
  }
}
