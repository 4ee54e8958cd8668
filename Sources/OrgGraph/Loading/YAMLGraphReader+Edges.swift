import Yams

// Reading edges: the edge keys of a node, and a data file's `edges:` list.
extension YAMLGraphReader {
  /// Reads the value of an edge key on a node: an id, a list of ids, mappings with `to:`, or inline nodes.
  mutating func readEdgeEntries(
    _ edge: EdgeTypeDefinition, owner: NodeID, ownerID: String, key: Node, value: Node, file: YAMLFile
  ) {
    let items: [Node]
    switch value {
    case .scalar:
      if value.isNull { return }
      items = [value]
    case .sequence(let sequence): items = Array(sequence)
    case .mapping: items = [value]
    case .alias:
      error(
        .G003, "YAML aliases are not supported here", at: file.range(value), help: ["write the value out"])
      return
    }
    let schema = builder.schema
    let inlineKind = edge.to.count == 1 ? schema.kind(edge.to[0]) : nil
    let ownerPath = ownerID.split(separator: ":", maxSplits: 1).last.map(String.init) ?? ownerID
    for (position, item) in items.enumerated() {
      var properties: [String: Value] = [:]
      if edge.property("order") != nil { properties["order"] = .int(position + 1) }
      switch item {
      case .scalar(let scalar):
        pendingEdges.append(
          PendingEdge(
            type: edge.name, from: .node(owner), to: .id(scalar.string, file.range(item)),
            properties: properties,
            nodeLists: [:], range: file.range(item)))
      case .mapping(let mapping):
        if let to = mapping["to"] {
          guard let target = to.scalarText else {
            error(.G103, "`to` takes an id", at: file.range(to))
            continue
          }
          var nodeLists: [String: (Node, YAMLFile)] = [:]
          var ok = true
          for (k, v) in mapping {
            guard let name = k.scalarText, name != "to" else { continue }
            ok =
              readProperty(
                name, at: k, value: v, of: edge, file: file, properties: &properties, nodeLists: &nodeLists)
              && ok
          }
          if ok {
            pendingEdges.append(
              PendingEdge(
                type: edge.name, from: .node(owner), to: .id(target, file.range(to)), properties: properties,
                nodeLists: nodeLists, range: file.range(to)))
          }
        } else if let inlineKind {
          let inlineID = mapping["id"] == nil ? "\(inlineKind.name):\(ownerPath)/\(position + 1)" : nil
          if let child = readNode(item, kind: inlineKind, file: file, inlineID: inlineID) {
            do {
              try builder.addEdge(
                edge.name, from: owner, to: child, properties: properties, range: file.range(item))
            } catch {
              diagnostics.append(error)
            }
          }
        } else {
          error(
            .G107, "this `\(edge.name)` item has no `to`", at: file.range(item),
            help: ["write `- to: \(edge.to.first ?? "kind"):…` followed by the edge's properties"])
        }
      default:
        error(
          .G103, "`\(edge.name)` takes ids or mappings with `to:`, not \(item.yamlTypeName)",
          at: file.range(item))
      }
    }
  }

  /// Reads a data file's `edges:` list.
  mutating func readEdgeList(_ node: Node, file: YAMLFile) {
    guard case .sequence(let items) = node else {
      if !node.isNull {
        error(
          .G003, "`edges` takes a list of edges", at: file.range(node),
          help: ["write `- {type: lateral, from: role:…, to: role:…}`"])
      }
      return
    }
    let schema = builder.schema
    for (n, item) in items.enumerated() {
      if n % 1024 == 1023, outOfTime("reading `\(file.path)`") { return }
      guard case .mapping(let mapping) = item else {
        error(.G003, "an edge is a mapping with `type`, `from` and `to`", at: file.range(item))
        continue
      }
      guard let typeNode = mapping["type"], let typeName = typeNode.scalarText else {
        error(
          .G107, "this edge has no `type`", at: file.range(item),
          help: ["add `type: lateral` (or another edge type)"])
        continue
      }
      guard let edge = schema.edgeType(typeName) else {
        error(
          .G105, "unknown edge type `\(typeName)`", at: file.range(typeNode),
          help: Suggestions.didYouMean(typeName, in: schema.edgeTypes.map(\.name)),
          notes: ["edge types: " + schema.edgeTypes.map(\.name).joined(separator: ", ")])
        continue
      }
      var ends: [String: (String, SourceRange)] = [:]
      var properties: [String: Value] = [:]
      var nodeLists: [String: (Node, YAMLFile)] = [:]
      var ok = true
      for (k, v) in mapping {
        guard let key = k.scalarText, key != "type" else { continue }
        if key == "from" || key == "to" {
          if let id = v.scalarText {
            ends[key] = (id, file.range(v))
          } else {
            error(.G103, "`\(key)` takes an id", at: file.range(v))
            ok = false
          }
        } else {
          ok =
            readProperty(
              key, at: k, value: v, of: edge, file: file, otherKeys: ["from", "to"], properties: &properties,
              nodeLists: &nodeLists) && ok
        }
      }
      for end in ["from", "to"] where ends[end] == nil {
        error(.G107, "this edge has no `\(end)`", at: file.range(item), help: ["add `\(end): KIND:…`"])
        ok = false
      }
      guard ok, let from = ends["from"], let to = ends["to"] else { continue }
      pendingEdges.append(
        PendingEdge(
          type: typeName, from: .id(from.0, from.1), to: .id(to.0, to.1), properties: properties,
          nodeLists: nodeLists, range: file.range(typeNode)))
    }
  }

  /// Reads one property of an edge: a list of nodes is kept for later resolution, any other value is
  /// converted to the property's type. Returns false, with a diagnostic, when the edge type has no such
  /// property (suggesting the closest of its properties and of `otherKeys`) or the value has the wrong type.
  mutating func readProperty(
    _ name: String, at key: Node, value: Node, of edge: EdgeTypeDefinition, file: YAMLFile,
    otherKeys: [String] = [], properties: inout [String: Value], nodeLists: inout [String: (Node, YAMLFile)]
  ) -> Bool {
    guard let property = edge.property(name) else {
      error(
        .G102, "\(Grammar.a("`\(edge.name)`")) edge has no property `\(name)`", at: file.range(key),
        help: Suggestions.didYouMean(name, in: edge.properties.map(\.name) + otherKeys),
        notes: [
          edge.properties.count > 1
            ? "`\(edge.name)` edges have: " + edge.properties.map(\.name).joined(separator: ", ")
            : "`\(edge.name)` edges have no properties of their own"
        ])
      return false
    }
    if property.type == .nodes {
      nodeLists[name] = (value, file)
      return true
    }
    guard let converted = convert(value, to: property, file: file) else { return false }
    properties[name] = converted
    return true
  }
}
