import OrgQuery

/// The formats a diagram can be written in: DOT and Mermaid text, and Graphviz's SVG, PNG and PDF. Here, not
/// in `OrgRender`, since DOT and Mermaid need no Graphviz; they are the diagram cases of ``RenderFormat``.
public enum DiagramFormat: String, Sendable, Hashable, CaseIterable {
  /// DOT text (no layout).
  case dot
  /// SVG, laid out by Graphviz.
  case svg
  /// PNG, laid out by Graphviz.
  case png
  /// PDF, laid out by Graphviz.
  case pdf
  /// A Mermaid flowchart (text).
  case mermaid

  /// Whether the format is text (DOT, SVG, Mermaid) rather than binary (PNG, PDF).
  public var isText: Bool { self != .png && self != .pdf }

  /// The usual file extension.
  public var fileExtension: String { rawValue == "mermaid" ? "mmd" : rawValue }
}

extension DiagramFormat {
  /// The diagram format a query's `render` names, or `nil` for the formats that print the result
  /// (table, JSON, CSV).
  public init?(_ format: RenderFormat) {
    self.init(rawValue: format.rawValue)
  }

  /// The query language's name for it.
  public var renderFormat: RenderFormat {
    switch self {
    case .dot: .dot
    case .svg: .svg
    case .png: .png
    case .pdf: .pdf
    case .mermaid: .mermaid
    }
  }
}
