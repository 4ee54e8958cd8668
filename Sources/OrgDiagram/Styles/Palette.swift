/// The colours and type of OrgGraph's diagrams: calm fills with a darker border of the same hue per kind,
/// DejaVu Sans throughout (installed with `fonts-dejavu-core`, so layout and output agree everywhere).
package enum Palette {
  /// The font family of every label.
  package static let font = "DejaVu Sans"
  /// Body text.
  package static let text = "#1F2933"
  /// Secondary text: captions, metadata, edge labels.
  package static let mutedText = "#52606D"
  /// Tertiary text: kind tags.
  package static let faintText = "#7B8794"
  /// Ordinary edges.
  package static let edge = "#8A96A3"
  /// Promotions.
  package static let promotion = "#2F6FB0"
  /// Declared lateral moves.
  package static let lateral = "#5F6B7A"
  /// Inferred lateral moves.
  package static let inferred = "#B7791F"
  /// Additions (a `+` before a new competency).
  package static let level = "#3F7F4A"
  /// Shared competencies in an overlap.
  package static let sharedFill = "#F5DE9E"
  /// Cluster fill.
  package static let clusterFill = "#F7F9FB"
  /// Cluster border.
  package static let clusterBorder = "#C5CED8"
  /// Nodes outside the subject of a diagram (another ladder's levels).
  package static let externalFill = "#F4F5F7"
  /// Their border.
  package static let externalBorder = "#A3ADB8"

  /// The fill and border colour of a node of the kind named `kind`.
  package static func colors(forKind kind: String) -> (fill: String, border: String) {
    switch kind {
    case "org": return ("#F1ECF7", "#7A5C9E")
    case "team": return ("#E9EDF8", "#5468A8")
    case "track": return ("#E4F2EF", "#3A8573")
    case "role": return ("#E5EFF9", "#3F6EA3")
    case "level": return ("#E7F3E8", "#4C8A57")
    case "competency": return ("#FDF4DC", "#B08A2E")
    case "value": return ("#F9E8EE", "#A45A73")
    case "expectation", "example": return ("#F3F4F6", "#8A939E")
    case "person": return ("#FBEDE6", "#B2714F")
    default: return ("#F0F2F4", "#7B8794")
    }
  }
}
