import CLibXML2

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The HTML inside Markdown handbooks, read with libxml2's forgiving HTML parser: the text of list items,
/// summaries and table cells, whatever the nesting, and whether the fragment is well-formed or not.
public enum HTMLFragment {
  /// An element's text, and the elements inside it.
  public struct Element: Sendable, Hashable {
    /// The tag name, lower-cased.
    public var name: String
    /// The text inside, white space collapsed.
    public var text: String
    /// Elements inside it.
    public var children: [Element]
  }

  /// The top elements of `html` (inside the `<body>` libxml2 wraps a fragment in).
  public static func parse(_ html: String) -> [Element] {
    let bytes = Array(html.utf8)
    guard !bytes.isEmpty else { return [] }
    let options = Int32(
      HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
        | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOIMPLIED.rawValue)
    let document = bytes.withUnsafeBufferPointer { buffer -> htmlDocPtr? in
      buffer.baseAddress.flatMap { base in
        base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
          htmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options)
        }
      }
    }
    guard let document else { return [] }
    defer { xmlFreeDoc(document) }
    var out: [Element] = []
    var node = document.pointee.children
    while let current = node {
      out += elements(current)
      node = current.pointee.next
    }
    return out
  }

  /// The elements at `node` (itself, or, for `html` and `body`, what they hold).
  static func elements(_ node: xmlNodePtr) -> [Element] {
    guard node.pointee.type == XML_ELEMENT_NODE else { return [] }
    let name = String(cString: node.pointee.name).lowercased()
    var children: [Element] = []
    var child = node.pointee.children
    while let c = child {
      children += elements(c)
      child = c.pointee.next
    }
    if name == "html" || name == "body" { return children }
    var text = ""
    if let content = xmlNodeGetContent(node) {
      text = String(cString: content)
      free(content)
    }
    return [Element(name: name, text: Markdown.collapse(text), children: children)]
  }

  /// Every element named `name` in `elements`, depth first.
  public static func all(_ name: String, in elements: [Element]) -> [Element] {
    elements.flatMap { e in (e.name == name ? [e] : []) + all(name, in: e.children) }
  }
}
