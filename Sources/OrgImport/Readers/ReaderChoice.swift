/// Which reader reads a document: `auto` (each document by the reader surest of it), or one of the
/// ``DocumentReader``s in `Readers/`, in ``DocumentReader/position`` order. `ReaderChoice(rawValue:
/// "octopus")` finds one by name.
public struct ReaderChoice: RawRepresentable, CaseIterable, Sendable, Hashable, CustomStringConvertible {
  /// The name `--reader` takes.
  public let rawValue: String
  /// The reader, or `nil` for `auto`.
  public let reader: (any DocumentReader.Type)?

  /// The choice called `rawValue`, or `nil` when no reader has that name.
  public init?(rawValue: String) {
    if rawValue == "auto" {
      self = .auto
      return
    }
    guard let reader = Self.registered.first(where: { $0.name == rawValue }) else { return nil }
    self.init(reader)
  }

  /// The choice of `reader`.
  public init(_ reader: any DocumentReader.Type) {
    rawValue = reader.name
    self.reader = reader
  }

  private init(auto: Void) {
    rawValue = "auto"
    reader = nil
  }

  /// Each document by the reader that recognises it surest.
  public static let auto = ReaderChoice(auto: ())

  /// `auto`, then every reader in ``DocumentReader/position`` order.
  public static var allCases: [ReaderChoice] { [.auto] + readers.map(ReaderChoice.init) }

  /// Every reader, in ``DocumentReader/position`` order (sorted once: auto asks them for every document).
  public static let readers: [any DocumentReader.Type] = registered.sorted {
    ($0.position, $0.name) < ($1.position, $1.name)
  }

  /// The name.
  public var description: String { rawValue }

  /// Equal when the names are.
  public static func == (lhs: ReaderChoice, rhs: ReaderChoice) -> Bool { lhs.rawValue == rhs.rawValue }
  /// Hashes the name.
  public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
}
