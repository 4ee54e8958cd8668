extension Graph {
  /// The whole graph as JSON: manifest, schema extensions, every node with its properties, and every edge
  /// with its origin. Derived and inferred edges are included and marked; loading the file back
  /// (``GraphLoader/load(path:)``) recomputes them instead of doubling them.
  public func exportJSON() -> String {
    var root: [(String, JSON)] = [("orgraph", .int(1)), ("manifest", manifestJSON)]
    let extensions = schemaExtensionJSON
    if !extensions.isEmpty { root.append(("schema", .object(extensions))) }
    root.append(("nodes", .array(nodes.map(nodeJSON))))
    var edges: [JSON] = []
    for t in 0..<schema.edgeTypes.count {
      for edge in self.edges(ofType: t) { edges.append(edgeJSON(edge)) }
    }
    root.append(("edges", .array(edges)))
    return JSON.object(root).pretty() + "\n"
  }

  /// A node as a JSON object: `id`, `kind`, `name`, then its properties.
  public func nodeJSON(_ node: NodeID) -> JSON {
    var pairs: [(String, JSON)] = [("id", .string(id(of: node))), ("kind", .string(kind(of: node).name))]
    for (name, value) in properties(of: node) { pairs.append((name, json(value))) }
    return .object(pairs)
  }

  /// An edge as a JSON object: `type`, `from`, `to` (ids), then its properties, `origin` included.
  public func edgeJSON(_ edge: EdgeID) -> JSON {
    var pairs: [(String, JSON)] = [
      ("type", .string(type(of: edge).name)), ("from", .string(id(of: source(of: edge)))),
      ("to", .string(id(of: target(of: edge)))),
    ]
    for (name, value) in properties(of: edge) { pairs.append((name, json(value))) }
    return .object(pairs)
  }

  /// A property value as JSON: enum cases as words, sources as `DOCUMENT:LINE`, node lists as ids.
  public func json(_ value: Value) -> JSON {
    switch value {
    case .string(let s): return .string(s)
    case .int(let i): return .int(i)
    case .number(let d): return .number(d)
    case .bool(let b): return .bool(b)
    case .enumCase(let c): return .string(c.name)
    case .strings(let list): return .array(list.map(JSON.string))
    case .nodes(let ids): return .array(ids.map { .string(id(of: $0)) })
    case .source(let s): return .string(s.description)
    }
  }

  private var manifestJSON: JSON {
    var pairs: [(String, JSON)] = [("name", .string(manifest.name))]
    if let d = manifest.description { pairs.append(("description", .string(d))) }
    pairs.append(
      (
        "inference",
        .object([("lateral_threshold", manifest.lateralThreshold.map(JSON.number) ?? .string("off"))])
      ))
    pairs.append(
      (
        "documents",
        .array(
          manifest.documents.map { d in
            var o: [(String, JSON)] = [("id", .string(d.id)), ("title", .string(d.title))]
            if let origin = d.origin { o.append(("origin", .string(origin))) }
            if let licence = d.licence { o.append(("licence", .string(licence))) }
            return .object(o)
          })
      ))
    return .object(pairs)
  }

  private var schemaExtensionJSON: [(String, JSON)] {
    let builtIn = Schema.builtIn
    func properties(_ list: [PropertyDefinition]) -> JSON {
      .object(list.map { ($0.name, .string($0.type.description)) })
    }
    var out: [(String, JSON)] = []
    let enums = schema.enums.filter { builtIn.enumDefinition($0.name) == nil }
    if !enums.isEmpty {
      out.append(
        (
          "enums",
          .array(
            enums.map { .object([("name", .string($0.name)), ("cases", .array($0.cases.map(JSON.string)))]) })
        ))
    }
    let kinds = schema.kinds.filter { builtIn.kind($0.name) == nil }
    if !kinds.isEmpty {
      out.append(
        (
          "kinds",
          .array(
            kinds.map { k in
              .object([
                ("name", .string(k.name)), ("plural", .string(k.plural)),
                (
                  "properties",
                  properties(k.properties.filter { p in !Schema.commonNodeProperties.contains(p) })
                ),
              ])
            })
        ))
    }
    let edges = schema.edgeTypes.filter { builtIn.edgeType($0.name) == nil }
    if !edges.isEmpty {
      out.append(
        (
          "edges",
          .array(
            edges.map { e in
              .object([
                ("name", .string(e.name)), ("from", .array(e.from.map(JSON.string))),
                ("to", .array(e.to.map(JSON.string))),
                ("properties", properties(e.properties.filter { $0 != Schema.originProperty })),
              ])
            })
        ))
    }
    var added: [(String, JSON)] = []
    for k in schema.kinds {
      guard let original = builtIn.kind(k.name) else { continue }
      let extra = k.properties.filter { original.property($0.name) == nil }
      if !extra.isEmpty { added.append((k.name, properties(extra))) }
    }
    for e in schema.edgeTypes {
      guard let original = builtIn.edgeType(e.name) else { continue }
      let extra = e.properties.filter { original.property($0.name) == nil }
      if !extra.isEmpty { added.append((e.name, properties(extra))) }
    }
    if !added.isEmpty { out.append(("properties", .object(added))) }
    return out
  }
}
