import Yams

// Resolving the ids that queued edges name, once every file is read.
extension YAMLGraphReader {
  /// Resolves the ids of queued edges and adds them.
  mutating func resolvePendingEdges() {
    let schema = builder.schema
    for (n, pending) in pendingEdges.enumerated() {
      if n % 4096 == 4095, outOfTime("resolving edges") { return }
      guard let edge = schema.edgeType(pending.type) else { continue }
      guard let from = resolve(pending.from, kinds: edge.from, edge: edge.name, end: "from"),
        let to = resolve(pending.to, kinds: edge.to, edge: edge.name, end: "to")
      else { continue }
      var properties = pending.properties
      var ok = true
      for (name, (node, file)) in pending.nodeLists {
        guard case .sequence(let items) = node else {
          error(.G103, "`\(name)` takes a list of ids", at: file.range(node))
          ok = false
          continue
        }
        var ids: [NodeID] = []
        for item in items {
          guard let id = item.scalarText else {
            error(.G103, "`\(name)` takes a list of ids", at: file.range(item))
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
      // "Did you mean" compares the id with every id: for the first unknown ids only (as many as a report
      // shows), so thousands of them stay linear rather than each scanning the graph (10,000 took 28 s).
      var help: [String] = []
      if suggestionsMade < DiagnosticRenderer.defaultLimit {
        suggestionsMade += 1
        var pool = builder.allIDs.filter { candidate in
          guard let kinds else { return true }
          return kinds.contains { candidate.hasPrefix($0 + ":") }
        }
        if pool.isEmpty { pool = Array(builder.allIDs) }
        help = Suggestions.didYouMean(id, in: pool)
      }
      if help.isEmpty, let kinds, !kinds.contains(prefix) {
        help = [
          "`\(edge)` \(end == "from" ? "leaves" : "points at") \(Suggestions.list(kinds)): the id should start with `\(kinds[0]):`"
        ]
      } else if help.isEmpty {
        help = ["define a node with `id: \(id)`, or correct the id"]
      }
      error(
        .G201, "no node has the id `\(id)`", at: range, label: "unknown id", help: help,
        notes: id.contains(":") ? [] : ["ids have the form `KIND:path`, like `competency:kubernetes`"])
      return nil
    }
  }
}
