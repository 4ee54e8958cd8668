/// What a name resolved to.
public enum NameResolution: Sendable, Hashable {
  /// Exactly one node has the name.
  case found(NodeID)
  /// Several nodes of the kind have the name; name one by its id.
  case ambiguous([NodeID])
  /// No node of the kind has the name; the closest names, if any are close.
  case notFound(suggestions: [String])
}

extension Graph {
  /// Resolves a name as a user writes it — a display name, a string id, or a competency's alias,
  /// case-insensitively — to a node of the kind `kind` (any kind when `nil`).
  public func resolve(_ name: String, kind: String? = nil) -> NameResolution {
    let kindNumber = kind.flatMap(schema.kindNumber)
    if let node = lookupID(name), kindNumber == nil || self.kindNumber(of: node) == kindNumber {
      return .found(node)
    }
    let matches = lookupName(name.lowercased()).filter {
      kindNumber == nil || self.kindNumber(of: $0) == kindNumber
    }
    switch matches.count {
    case 1: return .found(matches[0])
    case 0: return .notFound(suggestions: suggestNames(for: name, kind: kind))
    default: return .ambiguous(matches)
    }
  }

  /// The level with code `code` (case-insensitive) among the levels of a role or track — `role X @ L3`.
  /// For a level, its ladder's levels are searched.
  public func level(withCode code: String, on owner: NodeID) -> NodeID? {
    var owners = [owner]
    if kind(of: owner).name == "level" {
      owners = Array(neighbors(of: owner, via: "has_level", direction: .backward).map(\.node))
    }
    let wanted = code.lowercased()
    for o in owners {
      for (level, _) in neighbors(of: o, via: "has_level", direction: .forward) {
        if case .string(let c)? = property("code", of: level), c.lowercased() == wanted { return level }
      }
    }
    return nil
  }

  /// Names of the kind `kind` close to `name`, for "did you mean".
  public func suggestNames(for name: String, kind: String?) -> [String] {
    let pool: [NodeID] = kind.map { nodes(ofKind: $0) } ?? nodes
    var candidates: [String] = []
    candidates.reserveCapacity(pool.count)
    for node in pool {
      candidates.append(nodeNames[node.index])
      if case .strings(let aliases)? = property("aliases", of: node) {
        candidates.append(contentsOf: aliases)
      }
    }
    return Suggestions.closest(to: name, in: candidates)
  }
}
