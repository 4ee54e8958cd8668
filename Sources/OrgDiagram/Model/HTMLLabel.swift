/// A run of text in an ``HTMLLabel``: the text, with optional weight, slant, size and colour.
public struct HTMLText: Sendable, Hashable {
  /// The text, shown verbatim (escaped when written).
  public var text: String
  /// Bold.
  public var bold: Bool
  /// Italic.
  public var italic: Bool
  /// The font size in points, or `nil` for the surrounding size.
  public var pointSize: Double?
  /// A colour (`#RRGGBB` or a Graphviz colour name), or `nil` for the surrounding colour.
  public var color: String?

  /// Creates a run of text.
  public init(
    _ text: String, bold: Bool = false, italic: Bool = false, pointSize: Double? = nil, color: String? = nil
  ) {
    self.text = text
    self.bold = bold
    self.italic = italic
    self.pointSize = pointSize
    self.color = color
  }
}

/// A cell of an ``HTMLLabel``: lines of text runs, aligned, optionally filled, bordered and sized.
public struct HTMLCell: Sendable, Hashable {
  /// How the lines of a cell are aligned.
  public enum Alignment: String, Sendable, Hashable {
    /// Flush left.
    case left = "LEFT"
    /// Centred.
    case center = "CENTER"
    /// Flush right.
    case right = "RIGHT"
  }

  /// The lines; each line is a list of runs.
  public var lines: [[HTMLText]]
  /// A table nested in the cell, drawn after the lines (if any).
  public var table: HTMLLabel? {
    get { nested.first }
    set { nested = newValue.map { [$0] } ?? [] }
  }
  /// Storage for ``table`` (an array, so the types can nest).
  private var nested: [HTMLLabel] = []
  /// How the lines are aligned.
  public var alignment: Alignment
  /// A fill colour.
  public var background: String?
  /// A border colour.
  public var borderColor: String?
  /// A border width in points (0–255), or `nil` for the table's cell border.
  public var border: Int?
  /// How many columns the cell spans (at least 1).
  public var columnSpan: Int
  /// A fixed width in points, if set.
  public var width: Int?
  /// A fixed height in points, if set.
  public var height: Int?
  /// Inner padding in points (0–255), or `nil` for the table's.
  public var padding: Int?

  /// Creates a cell.
  public init(
    lines: [[HTMLText]], alignment: Alignment = .center, background: String? = nil,
    borderColor: String? = nil, border: Int? = nil, columnSpan: Int = 1, width: Int? = nil,
    height: Int? = nil, padding: Int? = nil
  ) {
    self.lines = lines
    self.alignment = alignment
    self.background = background
    self.borderColor = borderColor
    self.border = border
    self.columnSpan = columnSpan
    self.width = width
    self.height = height
    self.padding = padding
  }

  /// A cell holding a nested table.
  public init(table: HTMLLabel, alignment: Alignment = .center, padding: Int? = nil) {
    self.init(lines: [], alignment: alignment, padding: padding)
    self.table = table
  }

  /// A cell of one line of one run.
  public init(_ text: HTMLText, alignment: Alignment = .center) {
    self.init(lines: [[text]], alignment: alignment)
  }

  /// The cell's text, lines joined by newlines.
  public var plainText: String {
    (lines.map { $0.map(\.text).joined() } + nested.map(\.plainText)).joined(separator: "\n")
  }
}

/// An HTML-like Graphviz label, kept as structure so every piece of text is escaped when it is written:
/// a table of rows of ``HTMLCell``s.
///
/// ```swift
/// let label = HTMLLabel(lines: [
///   [HTMLText("LEVEL · L3", pointSize: 9, color: "#5F6B7A")],
///   [HTMLText("Senior Cloud Security Engineer", bold: true)],
/// ])
/// ```
public struct HTMLLabel: Sendable, Hashable {
  /// The rows of the table; each row is a list of cells.
  public var rows: [[HTMLCell]]
  /// The table's border width (0–255).
  public var border: Int
  /// The default border width of the cells (0–255).
  public var cellBorder: Int
  /// Space between cells (0–127).
  public var cellSpacing: Int
  /// The default padding of the cells (0–255).
  public var cellPadding: Int
  /// A fill colour for the table.
  public var background: String?
  /// A border colour for the table and its cells.
  public var color: String?

  /// Creates a table.
  public init(
    rows: [[HTMLCell]], border: Int = 0, cellBorder: Int = 0, cellSpacing: Int = 0, cellPadding: Int = 1,
    background: String? = nil, color: String? = nil
  ) {
    self.rows = rows
    self.border = border
    self.cellBorder = cellBorder
    self.cellSpacing = cellSpacing
    self.cellPadding = cellPadding
    self.background = background
    self.color = color
  }

  /// A table of one cell holding `lines`.
  public init(lines: [[HTMLText]], alignment: HTMLCell.Alignment = .center) {
    self.init(rows: [[HTMLCell(lines: lines, alignment: alignment)]])
  }

  /// The label's text: cells of a row joined by spaces, rows and lines by newlines.
  public var plainText: String {
    rows.map { row in row.map(\.plainText).joined(separator: " ") }.joined(separator: "\n")
  }
}
