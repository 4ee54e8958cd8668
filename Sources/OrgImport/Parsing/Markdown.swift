import CCmarkGFM

/// A Markdown document as GitHub's parser (cmark-gfm) reads it: blocks with their source lines, and the
/// plain text of their inline content.
package struct MarkdownBlock: Sendable, Hashable {
  /// What the block is.
  package enum Kind: Sendable, Hashable {
    /// A heading of this level (1 for `#`).
    case heading(Int)
    /// A paragraph.
    case paragraph
    /// A block quote (`>`).
    case quote
    /// A list.
    case list
    /// An item of a list.
    case item
    /// A block of HTML, kept as written (`<details>`, `<table>` …).
    case html
    /// A fenced or indented code block.
    case code
    /// A thematic break (`---`).
    case rule
    /// A GFM table, a row, a cell.
    case table, tableRow, tableCell
    /// Anything else.
    case other(String)
  }

  /// What the block is.
  package var kind: Kind
  /// Its first and last source lines (1-based).
  package var lines: ClosedRange<Int>
  /// Its text: the inline content flattened (emphasis dropped, links as their text, line breaks as spaces);
  /// for HTML and code, the literal text.
  package var text: String
  /// The blocks inside it.
  package var children: [MarkdownBlock]
  /// The links of its own inline content (for an item, of its paragraphs), in order.
  package var links: [MarkdownLink] = []
  /// For a table cell: its items, split at `<br>`.
  package var parts: [String] = []
  /// For a table cell: whether its text is all in bold.
  package var strong = false
}

/// A link in a block's text: `[L2 Software Engineer](../Software-Engineering/L2-Software-Engineer.md)`.
public struct MarkdownLink: Sendable, Hashable {
  /// The link's text, as the block's `text` holds it.
  public var text: String
  /// Where it points, as written.
  public var url: String
}

/// Parses Markdown with cmark-gfm and its table extension.
package enum Markdown {
  /// The deepest nesting of blocks (quotes in quotes, lists in items) that is read. A block nested deeper
  /// is kept as one `.other("nested too deep")` block with its lines and no text, so the readers report its
  /// lines as skipped; the walk over the tree stays bounded however a page nests (3,000 nested `>` quotes
  /// once overflowed the stack).
  package static let maximumNesting = 64

  /// The top-level blocks of `text`.
  package static func parse(_ text: String) -> [MarkdownBlock] {
    cmark_gfm_core_extensions_ensure_registered()
    guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return [] }
    defer { cmark_parser_free(parser) }
    for name in ["table", "strikethrough", "autolink"] {
      if let extensionPointer = cmark_find_syntax_extension(name) {
        cmark_parser_attach_syntax_extension(parser, extensionPointer)
      }
    }
    let bytes = Array(text.utf8)
    bytes.withUnsafeBufferPointer { buffer in
      buffer.baseAddress.map { base in
        base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
          cmark_parser_feed(parser, $0, buffer.count)
        }
      }
    }
    guard let document = cmark_parser_finish(parser) else { return [] }
    defer { cmark_node_free(document) }
    return children(of: document, depth: 0)
  }

  static func children(of node: OpaquePointer, depth: Int) -> [MarkdownBlock] {
    var out: [MarkdownBlock] = []
    var child = cmark_node_first_child(node)
    while let current = child {
      if let block = block(current, depth: depth + 1) { out.append(block) }
      child = cmark_node_next(current)
    }
    return out
  }

  static func typeName(_ node: OpaquePointer) -> String {
    cmark_node_get_type_string(node).map { String(cString: $0) } ?? ""
  }

  static func block(_ node: OpaquePointer, depth: Int) -> MarkdownBlock? {
    let name = typeName(node)
    let start = Int(cmark_node_get_start_line(node))
    let end = max(start, Int(cmark_node_get_end_line(node)))
    let lines = start...end
    guard depth <= maximumNesting else {
      return MarkdownBlock(kind: .other("nested too deep"), lines: lines, text: "", children: [])
    }
    func children(of node: OpaquePointer) -> [MarkdownBlock] { Markdown.children(of: node, depth: depth) }
    switch name {
    case "heading":
      return MarkdownBlock(
        kind: .heading(Int(cmark_node_get_heading_level(node))), lines: lines, text: inlineText(node),
        children: [], links: links(node))
    case "paragraph":
      return MarkdownBlock(
        kind: .paragraph, lines: lines, text: inlineText(node), children: [], links: links(node))
    case "block_quote":
      let inner = children(of: node)
      return MarkdownBlock(
        kind: .quote, lines: lines, text: inner.map(\.text).joined(separator: " "), children: inner,
        links: inner.flatMap(\.links))
    case "list":
      return MarkdownBlock(kind: .list, lines: lines, text: "", children: children(of: node))
    case "item":
      let inner = children(of: node)
      let paragraphs = inner.filter { $0.kind == .paragraph }
      return MarkdownBlock(
        kind: .item, lines: lines, text: paragraphs.map(\.text).joined(separator: " "), children: inner,
        links: paragraphs.flatMap(\.links))
    case "html_block":
      return MarkdownBlock(kind: .html, lines: lines, text: literal(node), children: [])
    case "code_block":
      return MarkdownBlock(kind: .code, lines: lines, text: literal(node), children: [])
    case "thematic_break":
      return MarkdownBlock(kind: .rule, lines: lines, text: "", children: [])
    case "table":
      return MarkdownBlock(kind: .table, lines: lines, text: "", children: children(of: node))
    case "table_row", "table_header":
      return MarkdownBlock(kind: .tableRow, lines: lines, text: "", children: children(of: node))
    case "table_cell":
      var cell = MarkdownBlock(kind: .tableCell, lines: lines, text: inlineText(node), children: [])
      cell.parts = cellParts(node)
      cell.strong = isStrong(node)
      return cell
    default:
      return MarkdownBlock(
        kind: .other(name), lines: lines, text: inlineText(node), children: children(of: node))
    }
  }

  static func literal(_ node: OpaquePointer) -> String {
    cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
  }

  /// A table cell's items: its text split at `<br>` line breaks, each collapsed; empty items left out.
  static func cellParts(_ node: OpaquePointer) -> [String] {
    var parts = [""]
    walkInlines(of: node) { c in
      switch typeName(c) {
      case "text", "code":
        parts[parts.count - 1] += literal(c)
        return false
      case "softbreak", "linebreak":
        parts[parts.count - 1] += " "
        return false
      case "html_inline":
        if literal(c).lowercased().hasPrefix("<br") { parts.append("") }
        return false
      default: return true
      }
    }
    return parts.map(collapse).filter { !$0.isEmpty }
  }

  /// Whether a node's text is all in bold (`**Category**`).
  static func isStrong(_ node: OpaquePointer) -> Bool {
    var strong = false
    var other = false
    var child = cmark_node_first_child(node)
    while let c = child {
      switch typeName(c) {
      case "strong": strong = true
      case "text": if !collapse(literal(c)).isEmpty { other = true }
      default: other = true
      }
      child = cmark_node_next(c)
    }
    return strong && !other
  }

  /// The plain text of a node's inline content.
  static func inlineText(_ node: OpaquePointer) -> String {
    var out = ""
    walkInlines(of: node) { c in
      switch typeName(c) {
      case "text", "code":
        out += literal(c)
        return false
      case "softbreak", "linebreak":
        out += " "
        return false
      case "html_inline":
        // `<br>` is a break; other inline tags are dropped, their text kept by the siblings.
        if literal(c).lowercased().hasPrefix("<br") { out += " " }
        return false
      default: return true
      }
    }
    return collapse(out)
  }

  /// Visits the descendants of `node` in document order, without recursion (inline nesting has no bound in
  /// a hostile page); `visit` returns whether to go into the node's children.
  static func walkInlines(of node: OpaquePointer, _ visit: (OpaquePointer) -> Bool) {
    var pending: [OpaquePointer] = []
    var next = cmark_node_first_child(node)
    while true {
      guard let c = next else {
        guard let resume = pending.popLast() else { return }
        next = resume
        continue
      }
      let sibling = cmark_node_next(c)
      if visit(c), let first = cmark_node_first_child(c) {
        if let sibling { pending.append(sibling) }
        next = first
      } else {
        next = sibling
      }
    }
  }

  /// The items of a list with text, nested lists' items after their parent's, in order.
  static func items(_ list: MarkdownBlock) -> [MarkdownBlock] {
    list.children.flatMap { item -> [MarkdownBlock] in
      (item.text.isEmpty ? [] : [item]) + item.children.filter { $0.kind == .list }.flatMap(items)
    }
  }

  /// The links in a node's inline content, with their text as ``inlineText(_:)`` gives it.
  static func links(_ node: OpaquePointer) -> [MarkdownLink] {
    var out: [MarkdownLink] = []
    walkInlines(of: node) { c in
      guard typeName(c) == "link" else { return true }
      let url = cmark_node_get_url(c).map { String(cString: $0) } ?? ""
      out.append(MarkdownLink(text: inlineText(c), url: url))
      return false
    }
    return out
  }

  /// Runs of white space as one space, trimmed.
  static func collapse(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }
}
