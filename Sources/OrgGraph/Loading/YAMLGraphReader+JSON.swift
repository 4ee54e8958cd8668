import Foundation
import Yams

extension GraphLoader {
  /// Loads a graph from the JSON that ``Graph/exportJSON()`` writes. Derived and inferred edges in the file
  /// are skipped and computed again, so a round trip gives the same graph.
  public static func loadJSON(_ text: String, path: String = "<json>") throws(GraphLoadFailure) -> Graph {
    var reader = YAMLGraphReader()
    let file: YAMLFile
    // First as JSON, with a JSON parser: what it refuses is not JSON, whatever YAML would make of it.
    do {
      _ = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    } catch {
      let detail = (error as NSError).userInfo["NSDebugDescription"] as? String ?? "\(error)"
      throw GraphLoadFailure(
        diagnostics: [
          Diagnostic(
            code: .G001, message: "`\(path)` is not valid JSON: \(detail)",
            range: SourceRange(file: path, line: 1, column: 1),
            help: [
              "write it with `orgraph export --format json -o FILE`, or check it with `python3 -m json.tool`"
            ])
        ], sources: [path: text])
    }
    do {
      // Then through the YAML parser, which keeps line and column for diagnostics: JSON is YAML's flow style,
      // except that YAML refuses the surrogate pairs JSON writes for characters beyond the BMP (Python's
      // `json.dump` writes the default graph's emoji as `\ud83e\udd89`): those are decoded first.
      let yaml = Self.decodingSurrogatePairs(text)
      file = YAMLFile(path: path, text: text, root: try Yams.compose(yaml: yaml))
    } catch let error as YamlError {
      throw GraphLoadFailure(
        diagnostics: [YAMLGraphReader.diagnostic(for: error, path: path)], sources: [path: text])
    } catch {
      throw GraphLoadFailure(diagnostics: [
        Diagnostic(code: .G001, message: "cannot parse `\(path)`: \(error)")
      ])
    }
    switch reader.readJSONExport(file) {
    case .success(let graph): return graph
    case .failure(let list): throw GraphLoadFailure(diagnostics: list.diagnostics, sources: [path: text])
    }
  }
}

extension GraphLoader {
  /// `text` with every JSON escape of a UTF-16 surrogate pair (`\ud83e\udd89`) replaced by the character
  /// it stands for, and a lone surrogate escape by U+FFFD; other escapes are left alone.
  package static func decodingSurrogatePairs(_ text: String) -> String {
    guard text.contains("\\u") else { return text }
    var out = ""
    var scalars = Array(text.unicodeScalars)[...]
    func hex4(_ s: ArraySlice<Unicode.Scalar>) -> UInt32? {
      guard s.count >= 4 else { return nil }
      return UInt32(String(String.UnicodeScalarView(s.prefix(4))), radix: 16)
    }
    while let c = scalars.first {
      scalars = scalars.dropFirst()
      guard c == "\\", let next = scalars.first else {
        out.unicodeScalars.append(c)
        continue
      }
      if next != "u" {
        // Any other escape, `\\` included, is copied as it is (so `\\u` stays literal).
        out.unicodeScalars.append(c)
        out.unicodeScalars.append(next)
        scalars = scalars.dropFirst()
        continue
      }
      let body = scalars.dropFirst()
      guard let high = hex4(body), (0xD800...0xDFFF).contains(high) else {
        out.unicodeScalars.append(c)
        continue
      }
      let rest = body.dropFirst(4)
      if (0xD800...0xDBFF).contains(high), rest.first == "\\", rest.dropFirst().first == "u",
        let low = hex4(rest.dropFirst(2)), (0xDC00...0xDFFF).contains(low),
        let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
      {
        out.unicodeScalars.append(scalar)
        scalars = rest.dropFirst(6)
      } else {
        out += "\u{FFFD}"
        scalars = rest
      }
    }
    return out
  }
}

extension YAMLGraphReader {
  mutating func readJSONExport(_ file: YAMLFile) -> Result<Graph, DiagnosticList> {
    guard case .mapping(let root)? = file.root, root["orgraph"] != nil else {
      error(
        .G002, "this JSON is not a graph export", at: SourceRange(file: file.path, line: 1, column: 1),
        help: ["write one with `orgraph export --format json -o graph.json`"],
        notes: ["a graph export is an object with `orgraph`, `manifest`, `nodes` and `edges`"])
      return .failure(DiagnosticList(diagnostics))
    }
    var pairs: [(Node, Node)] = []
    for (key, value) in root where key.scalarText == "orgraph" || key.scalarText == "schema" {
      pairs.append((key, value))
    }
    if case .mapping(let manifest)? = root["manifest"] {
      for (key, value) in manifest { pairs.append((key, value)) }
    }
    readManifest(pairs, file: file)
    let schema = builder.schema
    if case .sequence(let nodes)? = root["nodes"] {
      for item in nodes {
        guard case .mapping(let object) = item, let id = object["id"]?.scalarText,
          let kindName = object["kind"]?.scalarText, let name = object["name"]?.scalarText
        else {
          error(.G107, "a node needs `id`, `kind` and `name`", at: file.range(item))
          continue
        }
        guard let kind = schema.kind(kindName) else {
          error(
            .G101, "`\(kindName)` is not a kind of node", at: object["kind"].map(file.range),
            help: Suggestions.didYouMean(kindName, in: schema.kinds.map(\.name)))
          continue
        }
        var properties: [String: Value] = [:]
        for (keyNode, value) in object {
          guard let key = keyNode.scalarText, !["id", "kind", "name"].contains(key) else { continue }
          guard let property = kind.property(key) else {
            error(.G102, "\(Grammar.a(kind.name)) has no property `\(key)`", at: file.range(keyNode))
            continue
          }
          if let converted = convert(value, to: property, file: file) { properties[key] = converted }
        }
        do {
          try builder.addNode(
            kind: kind.name, id: id, name: name, properties: properties, range: file.range(item))
        } catch {
          diagnostics.append(error)
        }
      }
    }
    if case .sequence(let edges)? = root["edges"] {
      for item in edges {
        guard case .mapping(let object) = item, let type = object["type"]?.scalarText,
          let from = object["from"], let to = object["to"], let fromID = from.scalarText,
          let toID = to.scalarText
        else {
          error(.G107, "an edge needs `type`, `from` and `to`", at: file.range(item))
          continue
        }
        let origin = object["origin"]?.scalarText ?? "declared"
        if origin == "derived" || origin == "inferred" { continue }
        guard let edge = schema.edgeType(type) else {
          error(.G105, "unknown edge type `\(type)`", at: object["type"].map(file.range))
          continue
        }
        var properties: [String: Value] = [:]
        var nodeLists: [String: (Node, YAMLFile)] = [:]
        for (keyNode, value) in object {
          guard let key = keyNode.scalarText, !["type", "from", "to", "origin"].contains(key) else {
            continue
          }
          guard let property = edge.property(key) else {
            error(.G102, "\(Grammar.a("`\(type)`")) edge has no property `\(key)`", at: file.range(keyNode))
            continue
          }
          if property.type == .nodes {
            nodeLists[key] = (value, file)
          } else if let converted = convert(value, to: property, file: file) {
            properties[key] = converted
          }
        }
        pendingEdges.append(
          PendingEdge(
            type: type, from: .id(fromID, file.range(from)), to: .id(toID, file.range(to)),
            properties: properties,
            nodeLists: nodeLists, range: file.range(item)))
      }
    }
    resolvePendingEdges()
    return finish()
  }
}
