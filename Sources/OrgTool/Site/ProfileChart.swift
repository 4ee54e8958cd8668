import Foundation
import OrgGraph

/// A profile (radar) chart of requirements, drawn as SVG by the project — Graphviz does not draw radars: one
/// spoke per competency, the proficiency scale as rings, one outline per series. Readable without colour:
/// each series has its own line pattern and marker shape, the legend names them, and every spoke is labelled
/// with the competency and each series' level in words.
public struct ProfileChart: Sendable {
  /// One outline: a level's requirements, or a person's assessments.
  public struct Series: Sendable, Hashable {
    /// What the legend calls it: "Senior Cloud Security Engineer".
    public var name: String
    /// The proficiency of each competency (by id), for those it rates.
    public var levels: [String: EnumCase]

    /// A series named `name` with `levels`.
    public init(name: String, levels: [String: EnumCase]) {
      self.name = name
      self.levels = levels
    }
  }

  /// The competencies on the spokes, in order: id and name.
  public let spokes: [(id: String, name: String)]
  /// The outlines, drawn in order (the first solid, the second dashed).
  public let series: [Series]
  /// The proficiency scale (rings), lowest first.
  public let scale: [String]

  /// The most spokes drawn; a chart of more is unreadable, so the rest are named under the chart.
  public static let maximumSpokes = 16

  /// The fewest spokes a radar needs to be a shape.
  public static let minimumSpokes = 3

  /// A chart of `series` over the competencies any of them rates (at most ``maximumSpokes``, the ones rated
  /// by most series first, then by name), or `nil` when fewer than ``minimumSpokes`` are rated.
  public init?(series: [Series], names: [String: String], scale: [String] = Schema.proficiencyScale) {
    var count: [String: Int] = [:]
    for s in series { for id in s.levels.keys { count[id, default: 0] += 1 } }
    guard count.count >= Self.minimumSpokes else { return nil }
    // Each competency's sort key made once, not twice per comparison.
    let ordered = count.map { (id: $0.key, name: names[$0.key] ?? $0.key, count: $0.value) }.sorted {
      (-$0.count, $0.name, $0.id) < (-$1.count, $1.name, $1.id)
    }
    let chosen = ordered.prefix(Self.maximumSpokes).sorted { $0.name < $1.name }
    spokes = chosen.map { ($0.id, $0.name) }
    self.series = series
    self.scale = scale
    left = ordered.count - chosen.count
  }

  /// How many rated competencies did not fit.
  public let left: Int

  /// The chart of a gap: the target's rated requirements (solid) over the start's (dashed) — a level's,
  /// a role's, or a person's assessments — or `nil` when fewer than three competencies are rated.
  public static func gap(from start: NodeID, to target: NodeID, in graph: Graph) -> ProfileChart? {
    gap(from: start, to: target, in: graph, names: names(in: graph))
  }

  /// ``gap(from:to:in:)`` with the competencies' names already made (a site makes them once, not once per
  /// page).
  static func gap(from start: NodeID, to target: NodeID, in graph: Graph, names: [String: String])
    -> ProfileChart?
  {
    var series = [Series(name: graph.name(of: target), levels: rated(target, in: graph))]
    let before = rated(start, in: graph)
    // An outline with nothing on the chart's spokes would only be a legend entry.
    if !before.isEmpty { series.append(Series(name: graph.name(of: start), levels: before)) }
    return ProfileChart(series: series, names: names)
  }

  /// The chart of one node's rated requirements (or assessments).
  public static func of(_ node: NodeID, in graph: Graph) -> ProfileChart? {
    of(node, in: graph, names: names(in: graph))
  }

  /// ``of(_:in:)`` with the competencies' names already made.
  static func of(_ node: NodeID, in graph: Graph, names: [String: String]) -> ProfileChart? {
    ProfileChart(series: [Series(name: graph.name(of: node), levels: rated(node, in: graph))], names: names)
  }

  /// The proficiency of each competency `node` holds with one.
  static func rated(_ node: NodeID, in graph: Graph) -> [String: EnumCase] {
    var out: [String: EnumCase] = [:]
    for (c, holding, _) in graph.holdings(of: node) {
      if case .rated(let p) = holding { out[graph.id(of: c)] = p }
    }
    return out
  }

  /// Competency names by id.
  static func names(in graph: Graph) -> [String: String] {
    Dictionary(
      graph.nodes(ofKind: "competency").map { (graph.id(of: $0), graph.name(of: $0)) },
      uniquingKeysWith: { a, _ in a })
  }

  /// The chart as a standalone SVG file.
  public func svgFile(title: String) -> String {
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      + svg(title: title).replacingOccurrences(
        of: "<title id=\"profile-title\">", with: "<style>\(Self.style)</style>\n<title id=\"profile-title\">"
      ) + "\n"
  }

  /// The chart as an SVG element (no XML prolog), `title` its accessible name.
  public func svg(title: String) -> String {
    let size = 560.0
    let centre = size / 2
    let radius = 170.0
    let rings = scale.count
    func point(_ spoke: Int, _ level: Double) -> (Double, Double) {
      let angle = -Double.pi / 2 + 2 * Double.pi * Double(spoke) / Double(spokes.count)
      let r = radius * level / Double(rings)
      return (centre + r * cos(angle), centre + r * sin(angle))
    }
    let f = Self.decimal
    var out =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"profile\" viewBox=\"-100 40 \(f(size + 200)) \(f(size - 40 + 18 * Double(series.count)))\" role=\"img\" aria-labelledby=\"profile-title\">\n"
    out += "<title id=\"profile-title\">\(escape(title))</title>\n"
    // Rings, labelled with the scale's words on the first spoke.
    for ring in 1...rings {
      let points = (0..<spokes.count).map { point($0, Double(ring)) }.map { "\(f($0.0)),\(f($0.1))" }
      out += "<polygon class=\"ring\" points=\"\(points.joined(separator: " "))\"/>\n"
      let (x, y) = point(0, Double(ring))
      out += "<text class=\"scale\" x=\"\(f(x + 4))\" y=\"\(f(y + 4))\">\(escape(scale[ring - 1]))</text>\n"
    }
    for (i, spoke) in spokes.enumerated() {
      let (x, y) = point(i, Double(rings))
      out += "<line class=\"spoke\" x1=\"\(f(centre))\" y1=\"\(f(centre))\" x2=\"\(f(x))\" y2=\"\(f(y))\"/>\n"
      let (lx, ly) = point(i, Double(rings) + 0.55)
      let anchor = abs(lx - centre) < 8 ? "middle" : lx < centre ? "end" : "start"
      // Lowest series first, as a change reads: the level below → this level.
      let words = series.reversed().map { s in s.levels[spoke.id]?.name ?? "—" }.joined(separator: " → ")
      out += "<text class=\"label\" x=\"\(f(lx))\" y=\"\(f(ly))\" text-anchor=\"\(anchor)\">"
      out += "<tspan>\(escape(Self.short(spoke.name)))</tspan>"
      out += "<tspan class=\"levels\" x=\"\(f(lx))\" dy=\"1.1em\">\(escape(words))</tspan></text>\n"
    }
    for (n, s) in series.enumerated() {
      let points = spokes.indices.map { i -> (Double, Double) in
        point(i, Double(s.levels[spokes[i].id]?.rank ?? 0))
      }
      out +=
        "<polygon class=\"series s\(n)\" points=\"\(points.map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " "))\"/>\n"
      for (i, p) in points.enumerated() where s.levels[spokes[i].id] != nil {
        out += marker(n, p.0, p.1)
      }
    }
    // The legend: a line sample, the marker, the name.
    for (n, s) in series.enumerated() {
      let y = size - 20 + 18 * Double(n)
      out += "<line class=\"series s\(n)\" x1=\"-80\" y1=\"\(f(y))\" x2=\"-44\" y2=\"\(f(y))\"/>\n"
      out += marker(n, -62, y)
      out += "<text class=\"legend\" x=\"-36\" y=\"\(f(y + 4))\">\(escape(s.name))</text>\n"
    }
    out += "</svg>"
    return out
  }

  /// A series' marker: a circle, a square, a triangle, then a diamond.
  func marker(_ n: Int, _ x: Double, _ y: Double) -> String {
    let f = Self.decimal
    switch n % 4 {
    case 0: return "<circle class=\"marker s0\" cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"4\"/>\n"
    case 1:
      return "<rect class=\"marker s1\" x=\"\(f(x - 4))\" y=\"\(f(y - 4))\" width=\"8\" height=\"8\"/>\n"
    case 2:
      return
        "<polygon class=\"marker s2\" points=\"\(f(x)),\(f(y - 5)) \(f(x + 5)),\(f(y + 4)) \(f(x - 5)),\(f(y + 4))\"/>\n"
    default:
      return
        "<polygon class=\"marker s3\" points=\"\(f(x)),\(f(y - 5)) \(f(x + 5)),\(f(y)) \(f(x)),\(f(y + 5)) \(f(x - 5)),\(f(y))\"/>\n"
    }
  }

  /// `x` with one decimal (`-3.5`, `280.0`), without Foundation's formatter (a site draws tens of thousands
  /// of charts).
  static func decimal(_ x: Double) -> String {
    let tenths = Int((x * 10).rounded())
    let sign = tenths < 0 ? "-" : ""
    return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)"
  }

  /// A name short enough for a spoke's label.
  static func short(_ name: String) -> String { name.count > 28 ? String(name.prefix(27)) + "…" : name }

  func escape(_ text: String) -> String { ResultPage.escape(text) }

  /// The styles the chart's classes need (in the site's and the one-file result's style sheets).
  public static let style = """
    svg.profile { max-width: 36rem; width: 100%; height: auto; font-family: "DejaVu Sans", sans-serif; font-size: 15px; }
    svg.profile .ring { fill: none; stroke: #9aa5b1; stroke-width: 0.6; }
    svg.profile .spoke { stroke: #9aa5b1; stroke-width: 0.6; }
    svg.profile text { fill: currentColor; } svg.profile .scale { font-size: 12px; fill: #7b8794; }
    svg.profile .levels { font-size: 13px; fill: #52606d; }
    svg.profile .series { fill: none; stroke-width: 2; }
    svg.profile .s0 { stroke: #1f6feb; } svg.profile polygon.series.s0 { fill: rgba(31, 111, 235, 0.12); }
    svg.profile .s1 { stroke: #b35900; stroke-dasharray: 7 4; } svg.profile .s2 { stroke: #2f855a; stroke-dasharray: 2 3; }
    svg.profile .marker { stroke-dasharray: none; stroke-width: 1.5; fill: var(--bg, #fff); }
    svg.profile circle.marker.s0 { fill: #1f6feb; }
    """
}
