/// The formats `| render FORMAT` takes, written once: the checker's list and its errors, the file-extension
/// rule, and the tools' dispatch are made from ``allCases``. The first three print the result itself; the
/// rest draw its diagram.
public enum RenderFormat: String, CaseIterable, Sendable, Hashable {
  /// The result as an aligned table.
  case table
  /// The result as JSON.
  case json
  /// The result as CSV.
  case csv
  /// The diagram as DOT text.
  case dot
  /// The diagram as SVG, laid out by Graphviz.
  case svg
  /// The diagram as PNG, laid out by Graphviz.
  case png
  /// The diagram as PDF, laid out by Graphviz.
  case pdf
  /// The diagram as a Mermaid flowchart.
  case mermaid
  /// One self-contained HTML file: the query, the result's table, its diagram as inline SVG.
  case html

  /// Whether the format draws a diagram (rather than printing the result's rows).
  public var isDiagram: Bool {
    switch self {
    case .table, .json, .csv, .html: false
    case .dot, .svg, .png, .pdf, .mermaid: true
    }
  }

  /// The file endings that name this format in `render to "FILE"` without a format: `mmd` for Mermaid,
  /// `gv` for DOT, and the format's name.
  public var fileExtensions: [String] {
    switch self {
    case .mermaid: ["mmd", "mermaid"]
    case .dot: ["dot", "gv"]
    case .html: ["html", "htm"]
    default: [rawValue]
    }
  }

  /// The format a file name's ending names, or `nil`.
  public init?(fileName: String) {
    guard fileName.contains(".") else { return nil }
    let ending = fileName.split(separator: ".").last.map { $0.lowercased() } ?? ""
    guard let format = Self.allCases.first(where: { $0.fileExtensions.contains(ending) }) else { return nil }
    self = format
  }
}
