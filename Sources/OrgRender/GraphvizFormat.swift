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
