/// What a graph says about itself: its name, its source documents and its inference settings.
public struct GraphManifest: Sendable, Hashable {
  /// The graph's name, shown by `stats` and the REPL banner.
  public var name: String
  /// A sentence or two about the graph.
  public var description: String?
  /// The Jaccard similarity at or above which a `lateral` move is inferred; `nil` turns inference off.
  public var lateralThreshold: Double?
  /// The documents statements come from.
  public var documents: [SourceDocument]

  /// The threshold used when a manifest does not set one.
  public static let defaultLateralThreshold = 0.3

  /// Creates a manifest.
  public init(
    name: String = "Untitled graph", description: String? = nil,
    lateralThreshold: Double? = GraphManifest.defaultLateralThreshold, documents: [SourceDocument] = []
  ) {
    self.name = name
    self.description = description
    self.lateralThreshold = lateralThreshold
    self.documents = documents
  }

  /// The document with id `id`.
  public func document(_ id: String) -> SourceDocument? { documents.first { $0.id == id } }
}

/// A document that a graph's statements come from.
public struct SourceDocument: Sendable, Hashable, Codable {
  /// The id `source` properties use, such as `seed-000`.
  public var id: String
  /// The document's title.
  public var title: String
  /// Where it comes from: a URL or a repository path.
  public var origin: String?
  /// Its licence.
  public var licence: String?

  /// Creates a document description.
  public init(id: String, title: String, origin: String? = nil, licence: String? = nil) {
    self.id = id
    self.title = title
    self.origin = origin
    self.licence = licence
  }
}
