import Yams

extension YAMLGraphReader {
  mutating func readDataFile(_ file: YAMLFile, isManifest: Bool) {
    guard let root = file.root else { return }
    guard case .mapping(let mapping) = root else {
      if !root.isNull {
        error(
          "G003", "a graph file's top level must be a mapping of sections, not \(root.yamlTypeName)",
          at: file.range(root),
          help: ["start with a section such as `roles:` and list the nodes under it"])
      }
      return
    }
    let schema = builder.schema
    for (keyNode, value) in mapping {
      guard let key = keyNode.scalarText else {
        error("G003", "a section name must be a word", at: file.range(keyNode))
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
          help = Suggestions.closest(to: key, in: schema.kinds.map(\.plural) + ["edges"]).map {
            "did you mean `\($0)`?"
          }
        }
        error(
          "G101", "`\(key)` is not a kind of node", at: file.range(keyNode), label: "unknown section",
          help: help, notes: ["sections: " + schema.kinds.map(\.plural).joined(separator: ", ") + ", edges"])
        continue
      }
      guard case .sequence(let items) = value else {
        if !value.isNull {
          error(
            "G003", "`\(key)` takes a list of \(kind.plural), not \(value.yamlTypeName)",
            at: file.range(value),
            help: ["write each \(kind.name) as a list item: `- id: \(kind.name):…`"])
        }
        continue
      }
      for item in items { _ = readNode(item, kind: kind, file: file, inlineID: nil) }
    }
  }

  /// Reads one node mapping (and its inline nodes), adds it, and queues its edges.
  mutating func readNode(_ item: Node, kind: KindDefinition, file: YAMLFile, inlineID: String?) -> NodeID? {
    guard case .mapping(let mapping) = item else {
      error(
        "G003", "each \(kind.name) is a mapping with `id` and `name`, not \(item.yamlTypeName)",
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
        error("G003", "a key must be a word", at: file.range(keyNode))
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
              "G105", "\(Grammar.a("`\(key)`")) edge cannot leave \(Grammar.a(kind.name))",
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
            "G102", "\(Grammar.a(kind.name)) has no property or edge `\(key)`", at: file.range(keyNode),
            label: "unknown key",
            help: Suggestions.closest(to: key, in: candidates).map { "did you mean `\($0)`?" },
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
          "G107", "this \(kind.name) has no `text`", at: file.range(item),
          help: ["add `text:` with the statement, verbatim"])
        hadProblem = true
      }
    }
    guard let id else {
      error(
        "G107", "this \(kind.name) has no `id`", at: file.range(item),
        help: ["add `id: \(kind.name):\(name.map(GraphBuilder.slug) ?? "…")`"])
      return nil
    }
    guard let name else {
      if !hadProblem {
        error("G107", "`\(id)` has no `name`", at: idRange, help: ["add `name: …` under the id"])
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
        "G003", "YAML aliases are not supported here", at: file.range(value), help: ["write the value out"])
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
            error("G103", "`to` takes an id", at: file.range(to))
            continue
          }
          var nodeLists: [String: (Node, YAMLFile)] = [:]
          var ok = true
          for (k, v) in mapping {
            guard let name = k.scalarText, name != "to" else { continue }
            guard let property = edge.property(name) else {
              error(
                "G102", "\(Grammar.a("`\(edge.name)`")) edge has no property `\(name)`", at: file.range(k),
                help: Suggestions.closest(to: name, in: edge.properties.map(\.name)).map {
                  "did you mean `\($0)`?"
                },
                notes: [
                  edge.properties.count > 1
                    ? "`\(edge.name)` edges have: " + edge.properties.map(\.name).joined(separator: ", ")
                    : "`\(edge.name)` edges have no properties of their own"
                ])
              ok = false
              continue
            }
            if property.type == .nodes {
              nodeLists[name] = (v, file)
            } else if let converted = convert(v, to: property, file: file) {
              properties[name] = converted
            } else {
              ok = false
            }
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
            "G107", "this `\(edge.name)` item has no `to`", at: file.range(item),
            help: ["write `- to: \(edge.to.first ?? "kind"):…` followed by the edge's properties"])
        }
      default:
        error(
          "G103", "`\(edge.name)` takes ids or mappings with `to:`, not \(item.yamlTypeName)",
          at: file.range(item))
      }
    }
  }

  /// Reads a data file's `edges:` list.
  mutating func readEdgeList(_ node: Node, file: YAMLFile) {
    guard case .sequence(let items) = node else {
      if !node.isNull {
        error(
          "G003", "`edges` takes a list of edges", at: file.range(node),
          help: ["write `- {type: lateral, from: role:…, to: role:…}`"])
      }
      return
    }
    let schema = builder.schema
    for item in items {
      guard case .mapping(let mapping) = item else {
        error("G003", "an edge is a mapping with `type`, `from` and `to`", at: file.range(item))
        continue
      }
      guard let typeNode = mapping["type"], let typeName = typeNode.scalarText else {
        error(
          "G107", "this edge has no `type`", at: file.range(item),
          help: ["add `type: lateral` (or another edge type)"])
        continue
      }
      guard let edge = schema.edgeType(typeName) else {
        error(
          "G105", "unknown edge type `\(typeName)`", at: file.range(typeNode),
          help: Suggestions.closest(to: typeName, in: schema.edgeTypes.map(\.name)).map {
            "did you mean `\($0)`?"
          },
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
            error("G103", "`\(key)` takes an id", at: file.range(v))
            ok = false
          }
        } else if let property = edge.property(key) {
          if property.type == .nodes {
            nodeLists[key] = (v, file)
          } else if let converted = convert(v, to: property, file: file) {
            properties[key] = converted
          } else {
            ok = false
          }
        } else {
          error(
            "G102", "\(Grammar.a("`\(typeName)`")) edge has no property `\(key)`", at: file.range(k),
            help: Suggestions.closest(to: key, in: edge.properties.map(\.name) + ["from", "to"]).map {
              "did you mean `\($0)`?"
            })
          ok = false
        }
      }
      for end in ["from", "to"] where ends[end] == nil {
        error("G107", "this edge has no `\(end)`", at: file.range(item), help: ["add `\(end): KIND:…`"])
        ok = false
      }
      guard ok, let from = ends["from"], let to = ends["to"] else { continue }
      pendingEdges.append(
        PendingEdge(
          type: typeName, from: .id(from.0, from.1), to: .id(to.0, to.1), properties: properties,
          nodeLists: nodeLists, range: file.range(typeNode)))
    }
  }

  /// Resolves the ids of queued edges and adds them.
  mutating func resolvePendingEdges() {
    let schema = builder.schema
    for pending in pendingEdges {
      guard let edge = schema.edgeType(pending.type) else { continue }
      guard let from = resolve(pending.from, kinds: edge.from, edge: edge.name, end: "from"),
        let to = resolve(pending.to, kinds: edge.to, edge: edge.name, end: "to")
      else { continue }
      var properties = pending.properties
      var ok = true
      for (name, (node, file)) in pending.nodeLists {
        guard case .sequence(let items) = node else {
          error("G103", "`\(name)` takes a list of ids", at: file.range(node))
          ok = false
          continue
        }
        var ids: [NodeID] = []
        for item in items {
          guard let id = item.scalarText else {
            error("G103", "`\(name)` takes a list of ids", at: file.range(item))
            ok = false
            continue
          }
          if let n = resolve(.id(id, file.range(item)), kinds: nil, edge: edge.name, end: name) {
            ids.append(n)
          } else {
            ok = false
          }
        }
        properties[name] = .nodes(ids)
      }
      guard ok else { continue }
      do {
        try builder.addEdge(pending.type, from: from, to: to, properties: properties, range: pending.range)
      } catch {
        diagnostics.append(error)
      }
    }
  }

  private mutating func resolve(_ reference: Reference, kinds: [String]?, edge: String, end: String)
    -> NodeID?
  {
    switch reference {
    case .node(let node): return node
    case .id(let id, let range):
      if let node = builder.node(withID: id) { return node }
      let prefix = id.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
      var pool = builder.allIDs.filter { candidate in
        guard let kinds else { return true }
        return kinds.contains { candidate.hasPrefix($0 + ":") }
      }
      if pool.isEmpty { pool = Array(builder.allIDs) }
      var help = Suggestions.closest(to: id, in: pool).map { "did you mean `\($0)`?" }
      if help.isEmpty, let kinds, !kinds.contains(prefix) {
        help = [
          "`\(edge)` \(end == "from" ? "leaves" : "points at") \(Suggestions.list(kinds)): the id should start with `\(kinds[0]):`"
        ]
      } else if help.isEmpty {
        help = ["define a node with `id: \(id)`, or correct the id"]
      }
      error(
        "G201", "no node has the id `\(id)`", at: range, label: "unknown id", help: help,
        notes: id.contains(":") ? [] : ["ids have the form `KIND:path`, like `competency:kubernetes`"])
      return nil
    }
  }

  /// Converts a YAML value to a property's type, or reports why it cannot.
  mutating func convert(_ node: Node, to property: PropertyDefinition, file: YAMLFile) -> Value? {
    let range = file.range(node)
    func wrong(_ example: String) -> Value? {
      error(
        "G103", "`\(property.name)` takes \(Self.article(property.type)), not \(node.yamlTypeName)",
        at: range,
        label: "this is \(node.yamlTypeName)", help: ["write it like `\(property.name): \(example)`"])
      return nil
    }
    switch property.type {
    case .string, .text:
      guard case .scalar(let s) = node, !node.isNull else { return wrong("some text") }
      guard node.yamlTypeName == "a string" else { return quoteMe(node, key: property.name, file: file) }
      return .string(s.string)
    case .int:
      guard case .scalar(let s) = node, s.style == .plain, let i = Int(s.string) else { return wrong("3") }
      return .int(i)
    case .number:
      guard case .scalar(let s) = node, s.style == .plain, let d = Double(s.string), d.isFinite else {
        return wrong("0.5")
      }
      return .number(d)
    case .bool:
      guard case .scalar(let s) = node, s.style == .plain, ["true", "false"].contains(s.string) else {
        return wrong("true")
      }
      return .bool(s.string == "true")
    case .strings:
      guard case .sequence(let items) = node else { return wrong("[first, second]") }
      var out: [String] = []
      for item in items {
        guard case .scalar(let s) = item else {
          error("G103", "`\(property.name)` takes a list of strings", at: file.range(item))
          return nil
        }
        guard item.yamlTypeName == "a string" else { return quoteMe(item, key: property.name, file: file) }
        out.append(s.string)
      }
      return .strings(out)
    case .source:
      var document: String?
      var line: Int?
      if case .scalar(let s) = node, let colon = s.string.lastIndex(of: ":") {
        document = String(s.string[..<colon])
        line = Int(s.string[s.string.index(after: colon)...])
      } else if case .mapping(let m) = node {
        document = m["document"]?.scalarText
        line = m["line"]?.scalarText.flatMap { Int($0) }
      }
      guard let document, let line, line >= 1 else { return wrong("seed-000:12") }
      if !documentIDs.contains(document) {
        error(
          "G204", "the document `\(document)` is not declared in the manifest", at: range,
          label: "unknown document",
          help: Suggestions.closest(to: document, in: documentIDs).map { "did you mean `\($0)`?" }
            + ["declare it under `documents:` in the manifest"],
          notes: documentIDs.isEmpty ? [] : ["documents: " + documentIDs.sorted().joined(separator: ", ")])
        return nil
      }
      return .source(SourceReference(document: document, line: line))
    case .nodes:
      return wrong("[kind:id, kind:id]")
    case .enumeration(let enumName):
      guard let definition = builder.schema.enumDefinition(enumName) else { return nil }
      guard case .scalar(let s) = node, !node.isNull else { return wrong(definition.cases.first ?? "") }
      if property.name == "origin" && s.string != "declared" && definition.cases.contains(s.string) {
        error(
          "G103", "only `declared` edges are written in graph files", at: range,
          help: ["remove `origin:`: \(s.string) edges are computed when the graph is loaded"])
        return nil
      }
      if let c = definition.enumCase(s.string) { return .enumCase(c) }
      var help = Suggestions.closest(to: s.string, in: definition.cases).map { "did you mean `\($0)`?" }
      if help.isEmpty, enumName == "proficiency",
        let mapped = Schema.proficiencySynonyms[s.string.lowercased()]
      {
        help = ["did you mean `\(mapped)`? (“\(s.string)” maps to \(mapped) on the scale)"]
      }
      if help.isEmpty, enumName == "proficiency", let n = Int(s.string), n >= 1, n <= definition.cases.count {
        help = ["write the word: \(n) is `\(definition.cases[n - 1])`"]
      }
      error(
        "G104",
        "`\(s.string)` is not a \(enumName == "proficiency" ? "proficiency" : "case of `\(enumName)`")",
        at: range, label: "unknown \(enumName)", help: help,
        notes: [
          "\(enumName): " + definition.cases.joined(separator: enumName == "proficiency" ? " < " : ", ")
        ])
      return nil
    }
  }

  /// Reports a plain scalar that YAML reads as a number, boolean or null where a string is expected.
  mutating func quoteMe(_ node: Node, key: String, file: YAMLFile) -> Value? {
    let text = node.scalarText ?? ""
    error(
      "G103", "`\(key)` takes a string, but YAML reads `\(text)` as \(node.yamlTypeName)",
      at: file.range(node),
      label: "this is \(node.yamlTypeName)", help: ["quote it: `\(key): \"\(text)\"`"])
    return nil
  }

  static func article(_ type: PropertyType) -> String {
    switch type {
    case .string: return "a string"
    case .text: return "text"
    case .int: return "an integer"
    case .number: return "a number"
    case .bool: return "true or false"
    case .strings: return "a list of strings"
    case .source: return "a source (`DOCUMENT:LINE`)"
    case .nodes: return "a list of ids"
    case .enumeration(let name): return "a `\(name)` word"
    }
  }
}
