import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// An SVG document read with XMLParser: whether it parsed, and per `<g class="node">` (and edge, cluster)
/// its `<title>` and the text of its `<text>` elements.
final class SVGText: NSObject, XMLParserDelegate {
  struct Group {
    var kind: String
    var title = ""
    var texts: [String] = []
  }

  private(set) var groups: [Group] = []
  private(set) var error: Error?
  private var stack: [String] = []
  private var current: Group?
  private var buffer = ""

  init(_ data: Data) {
    super.init()
    let parser = XMLParser(data: data)
    parser.delegate = self
    if !parser.parse() { error = parser.parserError ?? NSError(domain: "SVGText", code: 1) }
  }

  var parsed: Bool { error == nil }

  func titles(of kind: String) -> [String] { groups.filter { $0.kind == kind }.map(\.title) }

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    stack.append(name)
    if name == "g", let kind = attributes["class"], ["node", "edge", "cluster"].contains(kind) {
      if let current { groups.append(current) }
      current = Group(kind: kind)
    }
    buffer = ""
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) { buffer += string }

  func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?)
  {
    if name == "title", stack.dropLast().last == "g" { current?.title = buffer }
    if name == "text" { current?.texts.append(buffer) }
    stack.removeLast()
    buffer = ""
  }

  func parserDidEndDocument(_ parser: XMLParser) {
    if let current { groups.append(current) }
    current = nil
  }
}
