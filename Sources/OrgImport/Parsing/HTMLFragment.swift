import COrgHTML

/// The HTML inside Markdown handbooks, read with libxml2's forgiving HTML parser (through the small C layer
/// in COrgHTML): the text of list items, summaries and table cells, whatever the nesting, and whether the
/// fragment is well-formed or not.
package enum HTMLFragment {
  /// An element's text, and the elements inside it.
  package struct Element: Sendable, Hashable {
    /// The tag name, lower-cased.
    package var name: String
    /// The text inside, white space collapsed.
    package var text: String
    /// The text inside as `<br>` divides it, each part white space collapsed, empty parts left out.
    package var items: [String] = []
    /// Its line in the fragment (1 for the first).
    package var line = 1
    /// Elements inside it.
    package var children: [Element]
  }

  /// What libxml2 had to recover from in HTML that is not well-formed: the line within the fragment, and its
  /// message.
  package struct Problem: Sendable, Hashable {
    /// The line within the fragment (1 for its first).
    package var line: Int
    /// libxml2's message.
    package var message: String
  }

  /// The top elements of `html`.
  package static func parse(_ html: String) -> [Element] { read(html).elements }

  /// The top elements of `html`, and what libxml2 had to recover from when it is not well-formed.
  package static func read(_ html: String) -> (elements: [Element], problem: Problem?) {
    var bytes = Array(html.utf8)
    guard !bytes.isEmpty else { return ([], nil) }
    // The C layer reads exactly `count` bytes; a NUL inside would end libxml2's reading early, not badly.
    bytes.append(0)
    let outline: String? = bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return nil }
      return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
        guard let result = orgraph_html_outline(pointer, buffer.count - 1) else { return nil }
        defer { orgraph_html_free(result) }
        return String(cString: result)
      }
    }
    guard let outline else { return ([], nil) }
    // Lines `DEPTH<TAB>NAME<TAB>TEXT`, in document order: rebuild the tree.
    var roots: [Element] = []
    var stack: [(depth: Int, element: Element)] = []
    func close(to depth: Int) {
      while let last = stack.last, last.depth >= depth {
        stack.removeLast()
        if let parent = stack.indices.last {
          stack[parent].element.children.append(last.element)
        } else {
          roots.append(last.element)
        }
      }
    }
    var problem: Problem?
    for line in outline.split(separator: "\n", omittingEmptySubsequences: true) {
      if line.hasPrefix("!\t") {
        let parts = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
        if parts.count == 3 {
          problem = Problem(line: max(Int(parts[1]) ?? 1, 1), message: Markdown.collapse(String(parts[2])))
        }
        continue
      }
      let parts = line.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false)
      guard parts.count == 4, let depth = Int(parts[0]) else { continue }
      close(to: depth)
      let raw = String(parts[3])
      var element = Element(
        name: String(parts[1]), text: Markdown.collapse(raw.replacingOccurrences(of: "\u{1E}", with: " ")),
        children: [])
      element.items = raw.split(separator: "\u{1E}").map { Markdown.collapse(String($0)) }.filter {
        !$0.isEmpty
      }
      element.line = max(Int(parts[2]) ?? 1, 1)
      stack.append((depth, element))
    }
    close(to: 0)
    return (roots, problem)
  }

  /// Every element named `name` in `elements`, depth first.
  package static func all(_ name: String, in elements: [Element]) -> [Element] {
    elements.flatMap { e in (e.name == name ? [e] : []) + all(name, in: e.children) }
  }
}
