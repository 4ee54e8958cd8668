import OrgGraph

/// The formats `orgraph export` writes: one per ``GraphExporter`` in `Formats/`, in ``GraphExporter/position``
/// order. `ExportFormat(rawValue: "graphml")` finds one by name.
public struct ExportFormat: RawRepresentable, CaseIterable, Sendable, Hashable, CustomStringConvertible {
  /// The name `--format` takes.
  public let rawValue: String
  /// The type that writes it.
  public let exporter: any GraphExporter.Type

  /// The format called `rawValue`, or `nil` when no exporter has that name.
  public init?(rawValue: String) {
    guard let exporter = Self.registered.first(where: { $0.name == rawValue }) else { return nil }
    self.init(exporter)
  }

  /// The format `exporter` writes.
  public init(_ exporter: any GraphExporter.Type) {
    rawValue = exporter.name
    self.exporter = exporter
  }

  /// Every format, in ``GraphExporter/position`` order.
  public static let allCases: [ExportFormat] = registered.sorted {
    ($0.position, $0.name) < ($1.position, $1.name)
  }.map(ExportFormat.init)

  /// The name.
  public var description: String { rawValue }
  /// Whether the format is a folder of files rather than one text.
  public var writesFolder: Bool { exporter.writesFolder }
  /// Whether the format is one binary file, written only to a file.
  public var writesBytes: Bool { exporter.writesBytes }

  /// The whole of `graph` in this format.
  public func export(_ graph: Graph, options: ExportOptions = ExportOptions()) throws(ExportError)
    -> ExportOutput
  {
    try exporter.export(graph, options: options)
  }

  /// Equal when the names are.
  public static func == (lhs: ExportFormat, rhs: ExportFormat) -> Bool { lhs.rawValue == rhs.rawValue }
  /// Hashes the name.
  public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
}
