/// A diagram: nodes, edges, clusters, a caption and a legend, with Graphviz attributes — the model both
/// writers read.
///
/// A `Diagram` says what to draw; ``Diagram/dot`` and ``Diagram/mermaid`` write it. The same diagram always
/// gives the same bytes: everything is kept in the order it was added.
///
/// ```swift
/// var diagram = Diagram(name: "example", direction: .leftToRight)
/// diagram.nodes = [Diagram.Node(id: "a", label: "Backend Engineer"), Diagram.Node(id: "b", label: "SRE")]
/// diagram.edges = [Diagram.Edge(from: "a", to: "b", label: "lateral move")]
/// print(diagram.dot)
/// ```
public struct Diagram: Sendable, Hashable {
  /// The direction ranks are laid out in.
  public enum Direction: String, Sendable, Hashable, CaseIterable {
    /// Left to right (paths).
    case leftToRight = "LR"
    /// Right to left.
    case rightToLeft = "RL"
    /// Top to bottom.
    case topToBottom = "TB"
    /// Bottom to top (ladders: the first rung at the bottom).
    case bottomToTop = "BT"
  }

  /// A node: an id unique in the diagram, a label, an optional style class and attributes of its own.
  public struct Node: Sendable, Hashable {
    /// The id: any text, unique within the diagram (graph nodes use their string id).
    public var id: String
    /// The label.
    public var label: AttributeValue
    /// The name of a ``StyleClass`` of the diagram whose attributes the node takes.
    public var styleClass: String?
    /// Attributes of this node, over its class's.
    public var attributes: Attributes

    /// Creates a node.
    public init(id: String, label: AttributeValue, styleClass: String? = nil, attributes: Attributes = [:]) {
      self.id = id
      self.label = label
      self.styleClass = styleClass
      self.attributes = attributes
    }
  }

  /// An edge between two nodes, by id.
  public struct Edge: Sendable, Hashable {
    /// The tail node's id.
    public var from: String
    /// The head node's id.
    public var to: String
    /// The label, if any.
    public var label: AttributeValue?
    /// The name of a ``StyleClass`` of the diagram whose attributes the edge takes.
    public var styleClass: String?
    /// Attributes of this edge, over its class's.
    public var attributes: Attributes

    /// Creates an edge.
    public init(
      from: String, to: String, label: AttributeValue? = nil, styleClass: String? = nil,
      attributes: Attributes = [:]
    ) {
      self.from = from
      self.to = to
      self.label = label
      self.styleClass = styleClass
      self.attributes = attributes
    }
  }

  /// A cluster: a labelled box around some nodes and nested clusters.
  public struct Cluster: Sendable, Hashable {
    /// The id, unique among the diagram's clusters.
    public var id: String
    /// The label drawn in the box, if any.
    public var label: AttributeValue?
    /// The ids of the nodes in the cluster (not those of nested clusters).
    public var nodes: [String]
    /// Nested clusters.
    public var clusters: [Cluster]
    /// Attributes of the box (`style`, `fillcolor`, `color`…).
    public var attributes: Attributes

    /// Creates a cluster.
    public init(
      id: String, label: AttributeValue? = nil, nodes: [String] = [], clusters: [Cluster] = [],
      attributes: Attributes = [:]
    ) {
      self.id = id
      self.label = label
      self.nodes = nodes
      self.clusters = clusters
      self.attributes = attributes
    }
  }

  /// Named attributes shared by nodes or edges (DOT: copied into each; Mermaid: a `classDef`).
  public struct StyleClass: Sendable, Hashable {
    /// The class's name.
    public var name: String
    /// The attributes (`fillcolor`, `color`, `fontcolor`, `style`, `penwidth`, `shape`…).
    public var attributes: Attributes

    /// Creates a style class.
    public init(name: String, attributes: Attributes) {
      self.name = name
      self.attributes = attributes
    }
  }

  /// A caption: a title and lines under it.
  public struct Caption: Sendable, Hashable {
    /// The title.
    public var title: String
    /// Lines under the title.
    public var lines: [String]

    /// Creates a caption.
    public init(title: String, lines: [String] = []) {
      self.title = title
      self.lines = lines
    }
  }

  /// A legend: what colours and line styles mean.
  public struct Legend: Sendable, Hashable {
    /// What an entry's sample looks like.
    public enum Sample: Sendable, Hashable {
      /// A filled box with a border colour.
      case box(fill: String, border: String)
      /// A line: a colour and a style (`solid`, `dashed`, `dotted`).
      case line(color: String, style: String)
    }

    /// One entry: a sample and what it means.
    public struct Entry: Sendable, Hashable {
      /// The sample.
      public var sample: Sample
      /// What it means.
      public var text: String

      /// Creates an entry.
      public init(_ sample: Sample, _ text: String) {
        self.sample = sample
        self.text = text
      }
    }

    /// The entries, in order.
    public var entries: [Entry]

    /// The text drawn as the sample of a line style: `───` solid, `– – –` dashed, `· · · ·` dotted.
    package static func glyph(forLineStyle style: String) -> String {
      style.contains("dot") ? "· · · ·" : style.contains("dash") ? "– – –" : "───"
    }

    /// Creates a legend.
    public init(entries: [Entry]) { self.entries = entries }
  }

  /// The graph's name (DOT's graph id; Mermaid's comment).
  public var name: String
  /// The direction of the layout.
  public var direction: Direction
  /// A caption drawn at the top, if any.
  public var caption: Caption?
  /// A legend drawn under the caption, if any.
  public var legend: Legend?
  /// Attributes of the whole graph (`nodesep`, `ranksep`, `fontname`…).
  public var graphAttributes: Attributes
  /// Attributes every node starts with.
  public var nodeDefaults: Attributes
  /// Attributes every edge starts with.
  public var edgeDefaults: Attributes
  /// Style classes nodes and edges may name.
  public var styleClasses: [StyleClass]
  /// The nodes, in order.
  public var nodes: [Node]
  /// The edges, in order.
  public var edges: [Edge]
  /// The top-level clusters.
  public var clusters: [Cluster]
  /// Groups of node ids drawn at the same rank (DOT `rank=same`; Mermaid has no equivalent). Across
  /// clusters this needs the graph attribute `newrank=true`.
  public var rankGroups: [[String]] = []

  /// Creates a diagram.
  public init(
    name: String, direction: Direction = .topToBottom, caption: Caption? = nil, legend: Legend? = nil,
    graphAttributes: Attributes = [:], nodeDefaults: Attributes = [:], edgeDefaults: Attributes = [:],
    styleClasses: [StyleClass] = [], nodes: [Node] = [], edges: [Edge] = [], clusters: [Cluster] = []
  ) {
    self.name = name
    self.direction = direction
    self.caption = caption
    self.legend = legend
    self.graphAttributes = graphAttributes
    self.nodeDefaults = nodeDefaults
    self.edgeDefaults = edgeDefaults
    self.styleClasses = styleClasses
    self.nodes = nodes
    self.edges = edges
    self.clusters = clusters
  }

  /// The attributes of the style class named `name`, or none.
  public func styleClass(named name: String?) -> Attributes {
    guard let name else { return [:] }
    return styleClasses.first { $0.name == name }?.attributes ?? [:]
  }

  /// A node's attributes as written: its label, then its class's attributes, then its own.
  public func resolvedAttributes(of node: Node) -> Attributes {
    var out: Attributes = ["label": node.label]
    out = out.merging(styleClass(named: node.styleClass)).merging(node.attributes)
    return out
  }

  /// An edge's attributes as written: its label (if any), then its class's attributes, then its own.
  ///
  /// An edge that may join two nodes of one rank — `constraint=false`, or both ends in one rank group —
  /// carries its label as `xlabel`: Graphviz 2.42 lays out a `label` on such a "flat" edge by growing the
  /// rank's node list and later frees the old list a second time (docs/rendering.md).
  public func resolvedAttributes(of edge: Edge) -> Attributes {
    var out: Attributes = [:]
    if let label = edge.label { out["label"] = label }
    out = out.merging(styleClass(named: edge.styleClass)).merging(edge.attributes)
    if let label = out["label"], mayBeFlat(edge, out) {
      out["label"] = nil
      out["xlabel"] = label
    }
    return out
  }

  /// Whether `edge`, with its resolved `attributes`, may have both ends on one rank.
  func mayBeFlat(_ edge: Edge, _ attributes: Attributes) -> Bool {
    if case .text("false")? = attributes["constraint"] { return true }
    return rankGroups.contains { $0.contains(edge.from) && $0.contains(edge.to) }
  }

  /// A cluster's attributes as written: its label (empty when it has none, so it never inherits one), then
  /// its own attributes.
  public func resolvedAttributes(of cluster: Cluster) -> Attributes {
    var out: Attributes = ["label": cluster.label ?? .text("")]
    out = out.merging(cluster.attributes)
    return out
  }
}
