import Yams

extension YAMLGraphReader {
  static let manifestKeys = ["orgraph", "name", "description", "inference", "documents", "schema"]

  mutating func readManifest(_ file: YAMLFile) {
    guard case .mapping(let mapping)? = file.root else { return }
    readManifest(Array(mapping.map { ($0.key, $0.value) }), file: file)
  }

  mutating func readManifest(_ mapping: [(Node, Node)], file: YAMLFile) {
    var manifest = GraphManifest(name: "")
    var schema = Schema.builtIn
    var sawName = false
    for (keyNode, value) in mapping {
      guard let key = keyNode.scalarText, Self.manifestKeys.contains(key) else { continue }
      switch key {
      case "orgraph":
        if value.scalarText != "1" {
          error(
            .G004, "this graph format version is not supported", at: file.range(value),
            label: "version \(value.scalarText ?? value.yamlTypeName)", help: ["write `orgraph: 1`"])
        }
      case "name":
        if let name = string(value, file: file, key: "name") {
          manifest.name = name
          sawName = true
        }
      case "description":
        manifest.description = string(value, file: file, key: "description")
      case "inference":
        readInference(value, file: file, into: &manifest)
      case "documents":
        manifest.documents = readDocuments(value, file: file)
      case "schema":
        readSchemaExtension(value, file: file, into: &schema)
      default:
        break
      }
    }
    if !sawName {
      error(
        .G107, "the manifest has no `name`", at: SourceRange(file: file.path, line: 1, column: 1),
        help: ["add `name: My organisation's graph`"])
      manifest.name = "Untitled graph"
    }
    documentIDs = Set(manifest.documents.map(\.id))
    builder = GraphBuilder(schema: schema, manifest: manifest)
  }

  mutating func string(_ node: Node, file: YAMLFile, key: String) -> String? {
    guard case .scalar(let s) = node, !node.isNull else {
      error(
        .G103, "`\(key)` takes a string, not \(node.yamlTypeName)", at: file.range(node),
        help: ["write `\(key): some text`"])
      return nil
    }
    guard node.yamlTypeName == "a string" else {
      error(
        .G103, "`\(key)` takes a string, but YAML reads `\(s.string)` as \(node.yamlTypeName)",
        at: file.range(node), label: "this is \(node.yamlTypeName)",
        help: ["quote it: `\(key): \"\(s.string)\"`"])
      return nil
    }
    return s.string
  }

  mutating func readInference(_ node: Node, file: YAMLFile, into manifest: inout GraphManifest) {
    guard case .mapping(let mapping) = node else {
      error(
        .G003, "`inference` takes a mapping", at: file.range(node),
        help: ["write `inference: {lateral_threshold: 0.3}`"])
      return
    }
    for (keyNode, value) in mapping {
      guard keyNode.scalarText == "lateral_threshold" else {
        error(
          .G102, "`inference` has no setting `\(keyNode.scalarText ?? "")`", at: file.range(keyNode),
          help: Suggestions.didYouMean(keyNode.scalarText ?? "", in: ["lateral_threshold"]),
          notes: ["settings: lateral_threshold"])
        continue
      }
      if value.scalarText == "off" {
        manifest.lateralThreshold = nil
      } else if let text = value.scalarText, let number = Double(text), number >= 0, number <= 1 {
        manifest.lateralThreshold = number
      } else {
        error(
          .G103, "`lateral_threshold` takes a number from 0 to 1, or `off`", at: file.range(value),
          label: "this is \(value.yamlTypeName)", help: ["write `lateral_threshold: 0.3`"])
      }
    }
  }

  mutating func readDocuments(_ node: Node, file: YAMLFile) -> [SourceDocument] {
    guard case .sequence(let sequence) = node else {
      error(
        .G003, "`documents` takes a list", at: file.range(node),
        help: ["write `documents:` followed by items `- id: …` with `title: …`"])
      return []
    }
    var documents: [SourceDocument] = []
    var seen: [String: SourceRange] = [:]
    for item in sequence {
      guard case .mapping(let mapping) = item else {
        error(.G003, "a document is a mapping with `id` and `title`", at: file.range(item))
        continue
      }
      var fields: [String: String] = [:]
      for (keyNode, value) in mapping {
        let key = keyNode.scalarText ?? ""
        guard ["id", "title", "origin", "licence"].contains(key) else {
          error(
            .G102, "a document has no field `\(key)`", at: file.range(keyNode),
            help: Suggestions.didYouMean(key, in: ["id", "title", "origin", "licence"]),
            notes: ["fields: id, title, origin, licence"])
          continue
        }
        if let text = string(value, file: file, key: key) { fields[key] = text }
      }
      guard let id = fields["id"] else {
        error(.G107, "a document has no `id`", at: file.range(item), help: ["add `id: my-document`"])
        continue
      }
      if let previous = seen[id] {
        error(
          .G202, "duplicate document id `\(id)`", at: file.range(item),
          help: ["give each document its own id"],
          notes: ["first declared at \(previous)"])
        continue
      }
      seen[id] = file.range(item)
      documents.append(
        SourceDocument(
          id: id, title: fields["title"] ?? id, origin: fields["origin"], licence: fields["licence"]))
    }
    return documents
  }

  mutating func readSchemaExtension(_ node: Node, file: YAMLFile, into schema: inout Schema) {
    guard case .mapping(let mapping) = node else {
      error(
        .G106, "`schema` takes a mapping with `enums`, `kinds`, `edges` or `properties`",
        at: file.range(node))
      return
    }
    let sections = ["enums", "kinds", "edges", "properties"]
    var byKey: [String: Node] = [:]
    for (keyNode, value) in mapping {
      let key = keyNode.scalarText ?? ""
      if sections.contains(key) {
        byKey[key] = value
      } else {
        error(
          .G106, "`schema` has no section `\(key)`", at: file.range(keyNode),
          help: Suggestions.didYouMean(key, in: sections),
          notes: ["sections: enums, kinds, edges, properties"])
      }
    }
    // Enums first: kinds and edges may use them.
    for item in list(byKey["enums"], file: file, what: "an enum") {
      guard let name = field(item, "name", file: file), let casesNode = item.mapping?["cases"],
        case .sequence(let cases) = casesNode
      else {
        error(
          .G106, "an enum needs `name` and a list of `cases`", at: file.range(item),
          help: ["write `{name: level, cases: [low, high]}`"])
        continue
      }
      if schema.enumDefinition(name) != nil {
        error(
          .G106, "enum `\(name)` is already defined", at: file.range(item), help: ["choose another name"])
        continue
      }
      schema.add(EnumDefinition(name: name, cases: cases.compactMap(\.scalarText)))
    }
    for item in list(byKey["kinds"], file: file, what: "a kind") {
      guard let name = field(item, "name", file: file) else { continue }
      if schema.kind(name) != nil {
        error(
          .G106, "kind `\(name)` is already defined", at: file.range(item), help: ["choose another name"])
        continue
      }
      let plural = item.mapping?["plural"]?.scalarText ?? name + "s"
      if schema.kind(plural: plural) != nil || plural == "edges" || Self.manifestKeys.contains(plural) {
        error(
          .G106, "the plural `\(plural)` is already taken", at: file.range(item),
          help: ["set another `plural:`"])
        continue
      }
      let properties = readPropertyTypes(item.mapping?["properties"], file: file, schema: schema)
      schema.add(
        KindDefinition(
          name: name, plural: plural, summary: item.mapping?["description"]?.scalarText ?? "",
          properties: Schema.commonNodeProperties + properties))
    }
    for item in list(byKey["edges"], file: file, what: "an edge type") {
      guard let name = field(item, "name", file: file) else { continue }
      if schema.edgeType(name) != nil {
        error(
          .G106, "edge type `\(name)` is already defined", at: file.range(item),
          help: ["choose another name"])
        continue
      }
      var ends: [[String]] = []
      for end in ["from", "to"] {
        var kinds: [String] = []
        switch item.mapping?[end] {
        case .scalar(let s)?: kinds = [s.string]
        case .sequence(let s)?: kinds = s.compactMap(\.scalarText)
        default:
          error(
            .G106, "edge type `\(name)` needs `\(end):` with one kind or a list of kinds",
            at: file.range(item))
        }
        for kind in kinds where schema.kind(kind) == nil {
          error(
            .G106, "edge type `\(name)` names an unknown kind `\(kind)`", at: file.range(item),
            help: Suggestions.didYouMean(kind, in: schema.kinds.map(\.name)))
        }
        ends.append(kinds)
      }
      guard ends.count == 2 else { continue }
      let properties = readPropertyTypes(item.mapping?["properties"], file: file, schema: schema)
      schema.add(
        EdgeTypeDefinition(
          name: name, from: ends[0], to: ends[1], summary: item.mapping?["description"]?.scalarText ?? "",
          properties: properties + [Schema.originProperty]))
    }
    if let node = byKey["properties"] {
      guard case .mapping(let owners) = node else {
        error(.G106, "`properties` maps a kind or edge type to its new properties", at: file.range(node))
        return
      }
      for (ownerNode, propertiesNode) in owners {
        let owner = ownerNode.scalarText ?? ""
        let properties = readPropertyTypes(propertiesNode, file: file, schema: schema)
        if let kind = schema.kind(owner) {
          for p in properties {
            if kind.property(p.name) != nil {
              error(.G106, "a \(owner) already has a property `\(p.name)`", at: file.range(propertiesNode))
            } else {
              schema.addProperty(p, toKind: owner)
            }
          }
        } else if let edge = schema.edgeType(owner) {
          for p in properties {
            if edge.property(p.name) != nil {
              error(.G106, "`\(owner)` already has a property `\(p.name)`", at: file.range(propertiesNode))
            } else {
              schema.addProperty(p, toEdgeType: owner)
            }
          }
        } else {
          error(
            .G106, "`\(owner)` is neither a kind nor an edge type", at: file.range(ownerNode),
            help: Suggestions.didYouMean(owner, in: schema.kinds.map(\.name) + schema.edgeTypes.map(\.name)))
        }
      }
    }
  }

  private mutating func list(_ node: Node?, file: YAMLFile, what: String) -> [Node] {
    guard let node else { return [] }
    guard case .sequence(let sequence) = node else {
      error(.G106, "a list of definitions was expected, each \(what)", at: file.range(node))
      return []
    }
    return Array(sequence)
  }

  private mutating func field(_ item: Node, _ key: String, file: YAMLFile) -> String? {
    guard let value = item.mapping?[key]?.scalarText, !value.isEmpty else {
      error(.G106, "a definition needs `\(key):`", at: file.range(item))
      return nil
    }
    let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789_")
    guard let first = value.first, first.isLetter, value.allSatisfy({ allowed.contains($0) }) else {
      error(
        .G106, "`\(value)` is not a valid name: use lower-case letters, digits and `_`",
        at: item.mapping?[key].map(file.range) ?? file.range(item),
        help: ["write `\(GraphBuilder.slug(value).replacingOccurrences(of: "-", with: "_"))`"])
      return nil
    }
    return value
  }

  private mutating func readPropertyTypes(_ node: Node?, file: YAMLFile, schema: Schema)
    -> [PropertyDefinition]
  {
    guard let node else { return [] }
    guard case .mapping(let mapping) = node else {
      error(.G106, "`properties` maps names to types: `{issuer: string}`", at: file.range(node))
      return []
    }
    var out: [PropertyDefinition] = []
    let builtInTypes = ["string", "text", "int", "number", "bool", "strings", "source", "nodes"]
    for (keyNode, typeNode) in mapping {
      let name = keyNode.scalarText ?? ""
      let typeName = typeNode.scalarText ?? ""
      if !builtInTypes.contains(typeName) && schema.enumDefinition(typeName) == nil {
        error(
          .G106, "`\(typeName)` is not a property type", at: file.range(typeNode),
          help: Suggestions.didYouMean(typeName, in: builtInTypes + schema.enums.map(\.name)),
          notes: ["types: " + builtInTypes.joined(separator: ", ") + ", or an enum's name"])
        continue
      }
      out.append(PropertyDefinition(name: name, type: .named(typeName)))
    }
    return out
  }
}

extension Node {
  /// The value under `key` when the node is a mapping with string keys.
  subscript(stringKey key: String) -> Node? {
    guard case .mapping(let m) = self else { return nil }
    return m.first { $0.key.scalarText == key }?.value
  }
}

extension Node.Mapping {
  subscript(_ key: String) -> Node? {
    first { $0.key.scalarText == key }?.value
  }
}
