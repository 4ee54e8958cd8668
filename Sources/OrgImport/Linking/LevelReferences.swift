import Foundation

/// A level (or role) a document names as the one a level builds on ("Building on Senior Quality Coach
/// (Level 3)", "equivalent to a [Junior Software Engineer](L1-Junior-Software-Engineer.md)") or the one a
/// statement is measured against ("(Equivalent to L2 Software Engineer)").
public struct LevelReference: Sendable, Hashable {
  /// The level as the document names it: `L2 Software Engineer`, `Quality Coach (Level 2)`, `Leadership`.
  public var name: String
  /// The document the name links to, as an import path (`corpora/…/L2-Software-Engineer.md`), when it links
  /// to a local one.
  public var document: String?
  /// The file name a web link ends in (`Leadership.md` of `https://github.com/…/blob/main/Leadership.md`):
  /// the imported document of that name nearest to the one that links it.
  public var file: String?
  /// The line that names it.
  public var line: Int
}

/// What a ``LevelReference`` names, among the documents of one import.
package enum ReferenceTarget: Sendable, Hashable {
  /// The `index`th level of the `document`th document.
  case level(document: Int, index: Int)
  /// The `index`th role of the `document`th document.
  case role(document: Int, index: Int)
}

/// Finds the levels a text builds on or is measured against, and resolves them among the imported documents.
package enum LevelReferences {
  /// The words that name a level as a benchmark, longest first so the longest one is taken.
  static let cues: [String] = [
    "encompass all of the qualities listed in the", "encompasses all of the qualities listed in the",
    "encompass all of the qualities listed in", "encompasses all of the qualities listed in",
    "encompasses everything in the", "encompasses everything in", "equivalent to at least",
    "in addition to the", "in addition to an", "in addition to a", "in addition to", "equivalent to an",
    "equivalent to a", "equivalent to", "building on the", "building on", "build on top of", "builds on",
  ]

  /// The most references one text makes (a statement names a level or two; a hostile one, thousands).
  static let mostPerText = 8

  /// Trailing words that end a named level's phrase without being part of its name.
  static let endings = [
    " role", " definition", " above", " below", " level", "'s responsibilities", "’s responsibilities",
    " responsibilities", "'s", "’s", " does", " do", " is expected to do",
  ]

  /// Leading words that open a named level's phrase without being part of its name: "everything a
  /// Developer 2 does", "what the Senior Engineer does".
  static let openings = [
    "everything that a ", "everything that an ", "everything that the ", "everything a ", "everything an ",
    "everything the ", "all that a ", "all that an ", "what a ", "what an ", "what the ",
  ]

  /// The references `text` makes: each cue's phrase, split at `and`; a link that starts the phrase gives the
  /// name and the document. `path` is the import path of the document holding `text`.
  static func find(in text: String, links: [MarkdownLink], line: Int, path: String) -> [LevelReference] {
    // Every cue's places, each cue looked for once through the text (so a long text costs cues × length).
    var places: [Range<String.Index>] = []
    for cue in cues {
      var from = text.startIndex
      while let r = text.range(of: cue, options: .caseInsensitive, range: from..<text.endIndex) {
        from = r.upperBound
        let startsWord = r.lowerBound == text.startIndex || !text[text.index(before: r.lowerBound)].isLetter
        let endsWord = r.upperBound == text.endIndex || !text[r.upperBound].isLetter
        if startsWord && endsWord { places.append(r) }
      }
    }
    // In text order; where cues overlap, the longest at the earliest place.
    places.sort { ($0.lowerBound, $1.upperBound) < ($1.lowerBound, $0.upperBound) }
    var out: [LevelReference] = []
    var end = text.startIndex
    for cue in places where cue.lowerBound >= end && out.count < Self.mostPerText {
      end = cue.upperBound
      // A level's name is short: the phrase is read from the first 200 characters after the cue.
      let phrase = text[cue.upperBound...].prefix(200).trimmingCharacters(in: .whitespaces)
      for name in names(in: phrase, links: links) {
        let document = name.link.flatMap { localDocument($0.url, from: path) }
        let file = name.link.flatMap { link -> String? in
          guard link.url.contains("://"), let last = link.url.split(separator: "/").last,
            last.hasSuffix(".md")
          else { return nil }
          return String(last).removingPercentEncoding
        }
        out.append(LevelReference(name: name.text, document: document, file: file, line: line))
      }
    }
    return out
  }

  /// The names a cue's phrase holds: up to the end of its clause, split at `and`; each with the link it is.
  static func names(in phrase: String, links: [MarkdownLink]) -> [(text: String, link: MarkdownLink?)] {
    var clause = phrase
    for stop in [",", ";", ". ", ":"] {
      if let r = clause.range(of: stop) { clause = String(clause[..<r.lowerBound]) }
    }
    // A `)` that closes nothing opened in the phrase ends it: "(Equivalent to L2 Software Engineer)".
    var depth = 0
    for (offset, c) in clause.enumerated() {
      if c == "(" { depth += 1 }
      if c == ")" {
        if depth == 0 {
          clause = String(clause.prefix(offset))
          break
        }
        depth -= 1
      }
    }
    clause = clause.trimmingCharacters(in: .whitespaces)
    if clause.hasSuffix(".") { clause.removeLast() }
    var out: [(String, MarkdownLink?)] = []
    for part in clause.components(separatedBy: " and ") {
      var name = part.trimmingCharacters(in: .whitespaces)
      for opening in openings where name.lowercased().hasPrefix(opening) && name.count > opening.count {
        name = String(name.dropFirst(opening.count))
        break
      }
      var changed = true
      while changed {
        changed = false
        for ending in endings where name.lowercased().hasSuffix(ending) && name.count > ending.count {
          name = String(name.dropLast(ending.count)).trimmingCharacters(in: .whitespaces)
          changed = true
        }
      }
      guard !name.isEmpty else { continue }
      let link = links.first { !$0.text.isEmpty && name.hasPrefix($0.text) }
      out.append((link.map(\.text) ?? name, link))
    }
    return out
  }

  /// The import path a relative link points at (`../Software-Engineering/L2-Software-Engineer.md` from
  /// `corpora/…/Cloud-Engineering/L3-Senior-Cloud-Engineer.md`); `nil` for web addresses and anchors.
  static func localDocument(_ url: String, from path: String) -> String? {
    guard !url.contains("://"), !url.hasPrefix("#"), !url.hasPrefix("/"), !url.hasPrefix("mailto:") else {
      return nil
    }
    var target = url.split(separator: "#", maxSplits: 1).first.map(String.init) ?? url
    target = target.removingPercentEncoding ?? target
    var parts = path.split(separator: "/").dropLast().map(String.init)
    for part in target.split(separator: "/") {
      switch part {
      case ".": continue
      case "..": if !parts.isEmpty { parts.removeLast() }
      default: parts.append(String(part))
      }
    }
    return parts.joined(separator: "/")
  }

  /// How a reference was resolved.
  package enum Resolution: Sendable, Hashable {
    /// One level or role.
    case found(ReferenceTarget)
    /// Several levels or roles answer to the name, in the nearest folder that has any.
    case ambiguous(Int)
    /// None does.
    case missing
  }

  /// The documents of one import, indexed to resolve references: by path, by file name, by folder, with each
  /// document's levels and roles and their titles folded once.
  package struct Index: Sendable {
    struct Candidate: Sendable {
      var document: Int
      var target: ReferenceTarget
      var code: String?
      var rank: Int?
      var title: String
      var words: Set<Substring>
      var isRole: Bool
    }
    /// The documents indexed.
    package let documents: [ImportedDocument]
    let byPath: [String: Int]
    /// The documents under each folder (each document's folder and every folder above it; "" holds all).
    let byFolder: [String: [Int]]
    /// How many levels and roles the documents under each folder hold.
    let candidatesByFolder: [String: Int]
    let fileNames: [String]
    let candidates: [[Candidate]]
    /// Every candidate by its folded title, for exact names in scopes too large to scan.
    let byTitle: [String: [Candidate]]
    /// The most candidates a scope is scanned through for a loose or title-less name: a real folder holds a
    /// few dozen levels, and a hostile page of thousands must not make resolving quadratic.
    static let scanLimit = 500

    /// Indexes `documents`.
    package init(_ documents: [ImportedDocument]) {
      self.documents = documents
      var byPath: [String: Int] = [:]
      var byFolder: [String: [Int]] = [:]
      for (d, document) in documents.enumerated() {
        byPath[document.path] = byPath[document.path] ?? d
        var folder = document.path.split(separator: "/").dropLast().map(String.init)
        while true {
          byFolder[folder.joined(separator: "/"), default: []].append(d)
          if folder.isEmpty { break }
          folder.removeLast()
        }
      }
      self.byPath = byPath
      self.byFolder = byFolder
      fileNames = documents.map { $0.path.split(separator: "/").last.map(String.init) ?? $0.path }
      func candidate(
        _ d: Int, _ target: ReferenceTarget, _ code: String?, _ rank: Int?, _ title: String, role: Bool
      ) -> Candidate {
        let folded = LevelReferences.normalised(title)
        return Candidate(
          document: d, target: target, code: code, rank: rank, title: folded,
          words: Set(folded.split(separator: " ")), isRole: role)
      }
      candidates = documents.enumerated().map { d, document in
        document.levels.enumerated().map { i, l in
          candidate(d, .level(document: d, index: i), l.code, l.rank, l.title, role: false)
        }
          + document.roles.enumerated().map { i, r in
            candidate(d, .role(document: d, index: i), nil, nil, r.title, role: true)
          }
      }
      byTitle = Dictionary(grouping: candidates.joined(), by: \.title)
      candidatesByFolder = byFolder.mapValues { [candidates] in $0.reduce(0) { $0 + candidates[$1].count } }
    }

    /// The levels each level `includes`, as its references resolve, without circles: where levels would
    /// include each other round a circle (a hostile page, or two pages that each build on the other), the
    /// `includes` among them are left out, and those levels are in `circular`.
    package func includes() -> (edges: [ReferenceTarget: [ReferenceTarget]], circular: Set<ReferenceTarget>) {
      var edges: [ReferenceTarget: [ReferenceTarget]] = [:]
      for (d, document) in documents.enumerated() {
        for (i, level) in document.levels.enumerated() {
          let own = ReferenceTarget.level(document: d, index: i)
          for r in level.includes {
            guard case .found(let target) = resolve(r, from: d, roles: false, excluding: own),
              !(edges[own] ?? []).contains(target)
            else { continue }
            edges[own, default: []].append(target)
          }
        }
      }
      // Kahn's order: the levels left when no more can be taken off are on circles (or lead into them).
      var pointedAt: [ReferenceTarget: Int] = [:]
      for targets in edges.values { for t in targets { pointedAt[t, default: 0] += 1 } }
      var ready = edges.keys.filter { pointedAt[$0, default: 0] == 0 }
      var done = Set<ReferenceTarget>()
      while let next = ready.popLast() {
        done.insert(next)
        for t in edges[next] ?? [] {
          pointedAt[t, default: 0] -= 1
          if pointedAt[t] == 0 { ready.append(t) }
        }
      }
      let circular = Set(edges.keys.filter { !done.contains($0) })
      for source in circular { edges[source] = edges[source]?.filter { !circular.contains($0) } }
      return (edges, circular)
    }

    /// What `reference`, made in the `from`th document, names: the linked document's level (or role), else
    /// the level whose code, rank and title the name gives — looked for in the same document, then its
    /// folder, then each folder above (a name only some of whose words are the title's, only in the first
    /// two). Roles count only when `roles` is true; `excluding` (the level that makes the reference) never
    /// does.
    package func resolve(
      _ reference: LevelReference, from: Int, roles: Bool, excluding: ReferenceTarget? = nil
    ) -> Resolution {
      let wanted = parse(reference.name)
      let wantedWords = Set((wanted.title ?? "").split(separator: " "))
      func all(_ d: Int) -> [Candidate] {
        candidates[d].filter { (roles || !$0.isRole) && $0.target != excluding }
      }
      func matching(_ list: [Candidate], loose: Bool) -> [ReferenceTarget] {
        list.filter { c in
          if let code = wanted.code, let theirs = c.code, !(theirs == code || theirs.hasPrefix(code + ".")) {
            return false
          }
          if let rank = wanted.rank, c.rank != rank { return false }
          if wanted.code != nil, c.code == nil, wanted.rank == nil { return false }
          guard let title = wanted.title else { return wanted.code != nil || wanted.rank != nil }
          if c.title == title { return true }
          // Loosely: every word of the name is in the title ("a junior" → "Junior Backend Engineer").
          return loose && wantedWords.isSubset(of: c.words)
        }.map(\.target)
      }
      /// The level or role of the linked document: its only one, or the one the name gives.
      func linked(_ d: Int) -> Resolution {
        let list = all(d)
        if list.count == 1 { return .found(list[0].target) }
        let hits = matching(list, loose: true)
        return hits.count == 1 ? .found(hits[0]) : hits.isEmpty ? .missing : .ambiguous(hits.count)
      }
      if let document = reference.document, let d = byPath[document] { return linked(d) }
      // The same document, then its folder, then each folder above.
      // Each scope's documents, and its folder (none for the document itself).
      var scopes: [(documents: [Int], folder: String?)] = [([from], nil)]
      var folder = documents[from].path.split(separator: "/").dropLast().map(String.init)
      while true {
        let prefix = folder.joined(separator: "/")
        scopes.append((byFolder[prefix] ?? [], prefix))
        if folder.isEmpty { break }
        folder.removeLast()
      }
      if let file = reference.file {
        for scope in scopes {
          let named = scope.documents.filter { fileNames[$0] == file }
          if named.count == 1 { return linked(named[0]) }
          if named.count > 1 { return .ambiguous(named.count) }
        }
      }
      for (n, scope) in scopes.enumerated() {
        let size = scope.folder.map { candidatesByFolder[$0] ?? 0 } ?? candidates[from].count
        let list: [Candidate]
        if size <= Self.scanLimit {
          list = scope.documents.flatMap(all)
        } else if let title = wanted.title {
          // Too many to scan: the levels of that exact title in the scope (the document, or a folder).
          let prefix = scope.folder.map { $0.isEmpty ? "" : $0 + "/" }
          list = (byTitle[title] ?? []).filter { c in
            let inScope = prefix.map { documents[c.document].path.hasPrefix($0) } ?? (c.document == from)
            return inScope && (roles || !c.isRole) && c.target != excluding
          }
        } else {
          continue
        }
        // A loose name ("a junior") is looked for only in the document and its folder.
        for loose in n < 2 && size <= Self.scanLimit ? [false, true] : [false] {
          let hits = matching(list, loose: loose)
          if hits.count == 1 { return .found(hits[0]) }
          if hits.count > 1 { return .ambiguous(hits.count) }
        }
      }
      return .missing
    }
  }

  /// A level's name as code, rank and title: `L2 Software Engineer`, `Quality Coach (Level 2)`, `Level 1`.
  static func parse(_ name: String) -> (code: String?, rank: Int?, title: String?) {
    var text = name
    for article in ["a ", "an ", "the "] where text.lowercased().hasPrefix(article) {
      text = String(text.dropFirst(article.count))
    }
    if let heading = OctopusLadderReader.levelHeading(text) {
      return (heading.code, nil, normalised(heading.title))
    }
    if let (title, rank) = levelInParentheses(text) {
      return (nil, rank, title.isEmpty ? nil : normalised(title))
    }
    let words = text.split(separator: " ")
    if words.count == 2, words[0].lowercased() == "level", let rank = Int(words[1]) {
      return (nil, rank, nil)
    }
    if words.count == 1, let h = OctopusLadderReader.levelHeading(text + " x"), h.code == text {
      return (h.code, nil, nil)
    }
    return (nil, nil, normalised(text))
  }

  /// `Quality Coach (Level 2)` → ("Quality Coach", 2).
  static func levelInParentheses(_ text: String) -> (String, Int)? {
    guard text.hasSuffix(")"), let open = text.range(of: "(level ", options: [.caseInsensitive, .backwards])
    else { return nil }
    let number = text[open.upperBound...].dropLast()
    guard let rank = Int(number) else { return nil }
    return (text[..<open.lowerBound].trimmingCharacters(in: .whitespaces), rank)
  }

  static func normalised(_ title: String) -> String {
    title.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: " ")
  }
}
