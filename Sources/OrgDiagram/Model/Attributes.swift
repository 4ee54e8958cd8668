import OrderedCollections

/// The value of a Graphviz attribute: text shown exactly as written, or an HTML-like label.
///
/// Text is escaped by the writers, never interpreted: `\N`, `\n` or `<b>` in a name are shown as typed.
///
/// ```swift
/// let plain: AttributeValue = "Senior \"Cloud\" Engineer"
/// let rich = AttributeValue.html(HTMLLabel(lines: [[.init("Senior", bold: true)], [.init("L3")]]))
/// ```
public enum AttributeValue: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
  /// Text, shown verbatim (DOT escString escaping; Mermaid entity codes).
  case text(String)
  /// An HTML-like label (DOT `<…>`); its text is escaped when written.
  case html(HTMLLabel)

  /// Text from a string literal.
  public init(stringLiteral value: String) { self = .text(value) }

  /// The text a reader sees: the text itself, or an HTML label's text with lines joined by newlines.
  public var plainText: String {
    switch self {
    case .text(let s): return s
    case .html(let label): return label.plainText
    }
  }

  /// The plain text.
  public var description: String { plainText }
}

/// One named attribute.
public struct Attribute: Sendable, Hashable {
  /// The Graphviz attribute name, such as `fillcolor`.
  public var name: String
  /// The value.
  public var value: AttributeValue

  /// Creates an attribute.
  public init(_ name: String, _ value: AttributeValue) {
    self.name = name
    self.value = value
  }
}

/// Graphviz attributes in the order they were set; setting a name again replaces its value in place.
///
/// The order is kept so that the DOT text is the same bytes for the same diagram.
///
/// ```swift
/// var attributes: Attributes = ["shape": "box", "style": "rounded,filled"]
/// attributes["fillcolor"] = "#E6F0FA"
/// ```
public struct Attributes: Sendable, Hashable, ExpressibleByDictionaryLiteral, Sequence {
  /// The values by name, in the order the names were first set.
  private var values: OrderedDictionary<String, AttributeValue> = [:]

  /// The attributes, in order.
  public var entries: [Attribute] { values.elements.map { Attribute($0.key, $0.value) } }

  /// No attributes.
  public init() {}

  /// Attributes from a literal, in the literal's order (a repeated name keeps its last value).
  public init(dictionaryLiteral elements: (String, AttributeValue)...) {
    for (name, value) in elements { self[name] = value }
  }

  /// The value of the attribute `name`; assigning `nil` removes it.
  public subscript(name: String) -> AttributeValue? {
    get { values[name] }
    set { values[name] = newValue }
  }

  /// Whether there are no attributes.
  public var isEmpty: Bool { values.isEmpty }

  /// These attributes with `other`'s on top: names both have take `other`'s value, in this order.
  public func merging(_ other: Attributes) -> Attributes {
    var out = self
    for (name, value) in other.values { out.values[name] = value }
    return out
  }

  /// Iterates the attributes in order.
  public func makeIterator() -> IndexingIterator<[Attribute]> { entries.makeIterator() }
}
