/// What Graphviz renders a laid-out diagram to.
public enum GraphvizFormat: String, Sendable, Hashable, CaseIterable {
  /// SVG (Graphviz's core SVG renderer).
  case svg
  /// PNG (cairo).
  case png
  /// PDF (cairo).
  case pdf
  /// DOT with the layout's positions added (`pos`, `bb`, …).
  case laidOutDOT = "dot"

  /// The Graphviz device, with renderer pinned so output does not depend on plugin ranking.
  var device: String {
    switch self {
    case .svg: return "svg:svg:core"
    case .png: return "png:cairo:cairo"
    case .pdf: return "pdf:cairo:cairo"
    case .laidOutDOT: return "dot:dot:core"
    }
  }
}

/// The formats a diagram can be written in: DOT and Mermaid text, and Graphviz's SVG, PNG and PDF.
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
