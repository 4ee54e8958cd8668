import Yams

// Reading a data file's sections and the nodes in them.
extension YAMLGraphReader {
  mutating func readDataFile(_ file: YAMLFile, isManifest: Bool) {
    guard let root = file.root else { return }
    guard case .mapping(let mapping) = root else {
      if !root.isNull {
        error(
          .G003, "a graph file's top level must be a mapping of sections, not \(root.yamlTypeName)",
          at: file.range(root),
          help: ["start with a section such as `roles:` and list the nodes under it"])
      }
      return
    }
    let schema = builder.schema
    for (keyNode, value) in mapping {
      guard let key = keyNode.scalarText else {
        error(.G003, "a section name must be a word", at: file.range(keyNode))
        continue
      }
      if isManifest && Self.manifestKeys.contains(key) { continue }
      if key == "edges" {
        readEdgeList(value, file: file)
        continue
      }
      guard let kind = schema.kind(plural: key) else {
        var help: [String] = []
        if let singular = schema.kind(key) {
          help = ["sections are named by the plural: `\(singular.plural):`"]
        } else if Self.manifestKeys.contains(key) {
          help = ["`\(key)` belongs in the manifest, the file with `orgraph: 1`"]
        } else {
          help = Suggestions.didYouMean(key, in: schema.kinds.map(\.plural) + ["edges"])
        }
        error(
          .G101, "`\(key)` is not a kind of node", at: file.range(keyNode), label: "unknown section",
          help: help, notes: ["sections: " + schema.kinds.map(\.plural).joined(separator: ", ") + ", edges"])
        continue
      }
      guard case .sequence(let items) = value else {
        if !value.isNull {
          error(
            .G003, "`\(key)` takes a list of \(kind.plural), not \(value.yamlTypeName)",
            at: file.range(value),
            help: ["write each \(kind.name) as a list item: `- id: \(kind.name):…`"])
        }
        continue
      }
      for (n, item) in items.enumerated() {
        if n % 1024 == 1023, outOfTime("reading `\(file.path)`") { return }
        _ = readNode(item, kind: kind, file: file, inlineID: nil)
      }
    }
  }

  /// Reads one node mapping (and its inline nodes), adds it, and queues its edges.
  mutating func readNode(_ item: Node, kind: KindDefinition, file: YAMLFile, inlineID: String?) -> NodeID? {
    guard case .mapping(let mapping) = item else {
      error(
        .G003, "each \(kind.name) is a mapping with `id` and `name`, not \(item.yamlTypeName)",
        at: file.range(item), help: ["write `- id: \(kind.name):…` then `name: …` on the next line"])
      return nil
    }
    let schema = builder.schema
    let needsText = kind.property("text") != nil && ["expectation", "example"].contains(kind.name)
    var id: String? = inlineID
    var idRange = file.range(item)
    var name: String?
    var properties: [String: Value] = [:]
    var edgeEntries: [(EdgeTypeDefinition, Node, Node)] = []
    var hadProblem = false
    for (keyNode, value) in mapping {
      guard let key = keyNode.scalarText else {
        error(.G003, "a key must be a word", at: file.range(keyNode))
        continue
      }
      switch key {
      case "id":
        if let text = string(value, file: file, key: "id") {
          id = text
          idRange = file.range(value)
        } else {
          hadProblem = true
        }
      case "name":
        name = string(value, file: file, key: "name")
        if name == nil { hadProblem = true }
      default:
        if let property = kind.property(key) {
          if let converted = convert(value, to: property, file: file) {
            properties[key] = converted
          } else {
            hadProblem = true
          }
        } else if let edge = schema.edgeType(key) {
          if edge.from.contains(kind.name) {
            edgeEntries.append((edge, keyNode, value))
          } else {
            error(
              .G105, "\(Grammar.a("`\(key)`")) edge cannot leave \(Grammar.a(kind.name))",
              at: file.range(keyNode),
              label: "`\(key)` leaves \(edge.from.map { Grammar.a($0) }.joined(separator: " or "))",
              help: edge.to.contains(kind.name)
                ? [
                  "`\(key)` points at a \(kind.name): write it on the \(edge.from.joined(separator: " or ")) instead"
                ]
                : [],
              notes: [
                "edges leaving \(Grammar.a(kind.name)): "
                  + schema.edgeTypes(leaving: kind.name).map(\.name).joined(separator: ", ")
              ])
          }
        } else {
          let candidates =
            kind.properties.map(\.name) + schema.edgeTypes(leaving: kind.name).map(\.name) + ["id"]
          error(
            .G102, "\(Grammar.a(kind.name)) has no property or edge `\(key)`", at: file.range(keyNode),
            label: "unknown key",
            help: Suggestions.didYouMean(key, in: candidates),
            notes: [
              "properties of \(Grammar.a(kind.name)): " + kind.properties.map(\.name).joined(separator: ", "),
              "edges leaving \(Grammar.a(kind.name)): "
                + schema.edgeTypes(leaving: kind.name).map(\.name).joined(separator: ", "),
            ])
        }
      }
    }
    if needsText {
      if case .string(let text)? = properties["text"] {
        if name == nil { name = text }
      } else if properties["text"] == nil {
        error(
          .G107, "this \(kind.name) has no `text`", at: file.range(item),
          help: ["add `text:` with the statement, verbatim"])
        hadProblem = true
      }
    }
    guard let id else {
      error(
        .G107, "this \(kind.name) has no `id`", at: file.range(item),
        help: ["add `id: \(kind.name):\(name.map(GraphBuilder.slug) ?? "…")`"])
      return nil
    }
    guard let name else {
      if !hadProblem {
        error(.G107, "`\(id)` has no `name`", at: idRange, help: ["add `name: …` under the id"])
      }
      return nil
    }
    let node: NodeID
    do {
      node = try builder.addNode(kind: kind.name, id: id, name: name, properties: properties, range: idRange)
    } catch {
      diagnostics.append(error)
      return nil
    }
    for (edge, keyNode, value) in edgeEntries {
      readEdgeEntries(edge, owner: node, ownerID: id, key: keyNode, value: value, file: file)
    }
    return node
  }
}
