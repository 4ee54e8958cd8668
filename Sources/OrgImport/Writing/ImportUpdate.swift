import Foundation
import OrgGraph
import Yams

/// Re-importing into a Graph folder an earlier import wrote (`orgraph import --update`). Every import keeps a
/// copy of what it wrote in the folder's hidden `.orgraph-import/`; an update merges, file by file and line
/// by line, what the documents changed since (that copy against the new import) into the files as they are
/// now, so a person's edits — reviewed links, comments, corrections — stay where they were. Where a person
/// edited lines the documents changed too, the person's lines are kept and the conflict reported with the
/// import's text. A folder from before these copies keeps the links marked `reviewed: true` for statements
/// whose text is unchanged. What changed is reported per file.
package enum ImportUpdate {
  /// How the comment above a conflict starts.
  static let conflictComment = "# orgraph import --update:"

  /// The hidden folder holding a copy of what the last import wrote: the base of the next update's merge.
  package static let baseFolder = ".orgraph-import"

  /// The organisation an earlier import into `folder` was for: its manifest's name, `… (imported)`.
  package static func organisation(of folder: String) -> String? {
    guard let text = try? String(contentsOfFile: folder + "/orgraph.yaml", encoding: .utf8),
      let name = (try? Yams.load(yaml: text) as? [String: Any])?["name"] as? String
    else { return nil }
    return name.hasSuffix(" (imported)") ? String(name.dropLast(" (imported)".count)) : name
  }

  /// `files` and, in ``baseFolder``, a copy of each: what to write so that a later update can merge.
  package static func withBase(_ visible: [ExportFile], generated: [ExportFile]) -> [ExportFile] {
    visible + generated.map { ExportFile(path: baseFolder + "/" + $0.path, text: $0.text) }
  }

  /// The outcome of merging a new import into a folder.
  package struct Merge: Sendable {
    /// The files to write, as a person will see them.
    package var files: [ExportFile]
    /// What the report says about the merge: files whose edits were kept, conflicts.
    package var notes: [String]
    /// How many conflicts, new or still open, the folder holds.
    package var conflicts: Int
  }

  /// Merges `generated` (the new import) into `folder`, whose last import's output is in ``baseFolder``;
  /// `nil` when the folder has no such copy (an import from before copies were kept).
  package static func merge(into folder: String, _ generated: [ExportFile]) -> Merge? {
    let base = folder + "/" + baseFolder
    guard FileManager.default.fileExists(atPath: base) else { return nil }
    func read(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }
    var files: [ExportFile] = []
    var notes: [String] = []
    var fresh = Set<String>()
    var conflicts = 0
    for file in generated {
      guard let current = read(folder + "/" + file.path) else {
        files.append(file)
        continue
      }
      guard let before = read(base + "/" + file.path), before != current else {
        // Not edited since the last import (or new to it): the import's text.
        files.append(file)
        continue
      }
      var merged = threeWay(base: lines(before), mine: lines(current), theirs: lines(file.text))
      var commented = false
      if !merged.conflicts.isEmpty, let annotated = annotate(merged.lines, merged.conflicts) {
        merged = annotated
        commented = true
      }
      files.append(ExportFile(path: file.path, text: merged.lines.joined(separator: "\n")))
      notes.append("kept your edits to \(file.path)")
      for c in merged.conflicts {
        // The comment this update put above it: a header line and one line per line of theirs.
        if commented { fresh.insert("\(file.path):\(c.line - max(c.theirs.count, 1) - 1)") }
        let theirs =
          c.theirs.isEmpty
          ? "(nothing)" : c.theirs.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " / ")
        conflicts += 1
        notes.append(
          "conflict \(file.path):\(c.line): you edited lines the documents changed; kept yours, the import has: \(theirs)\(commented ? " (a comment above them says so)" : "")"
        )
      }
    }
    // Conflicts an earlier update left, not yet settled (their comments are still there).
    for file in files {
      for (n, line) in lines(file.text).enumerated()
      where line.trimmingCharacters(in: .whitespaces).hasPrefix(conflictComment)
        && !fresh.contains("\(file.path):\(n + 1)")
      {
        conflicts += 1
        notes.append(
          "conflict \(file.path):\(n + 1): still open, from an earlier update: settle it and delete the comment"
        )
      }
    }
    // A file whose document is no longer imported goes, unless someone edited it.
    let written = Set(generated.map(\.path))
    let old = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
      $0.hasSuffix(".yaml") && !written.contains($0)
    }
    for name in old.sorted() {
      guard let current = read(folder + "/" + name), let before = read(base + "/" + name), before != current
      else {
        continue
      }
      files.append(ExportFile(path: name, text: current))
      notes.append("kept \(name): its document is no longer imported, but you edited it")
    }
    return Merge(files: files, notes: notes, conflicts: conflicts)
  }

  static func lines(_ text: String) -> [String] { text.components(separatedBy: "\n") }

  /// A place where both sides changed the same lines of the base differently.
  struct Conflict: Equatable {
    /// The line, in the merged text, where the kept lines start.
    var line: Int
    /// The other side's lines there.
    var theirs: [String]
  }

  /// The three-way merge of lines: each run of lines between lines all three share takes the side that
  /// changed it; where both changed it differently, `mine` is kept and the conflict recorded.
  static func threeWay(base: [String], mine: [String], theirs: [String]) -> (
    lines: [String], conflicts: [Conflict]
  ) {
    /// For each base line, its index on the other side when the line is unchanged there.
    func matches(_ other: [String]) -> [Int?] {
      let difference = other.difference(from: base)
      var removed = Set<Int>()
      var inserted = Set<Int>()
      for change in difference {
        switch change {
        case .remove(let offset, _, _): removed.insert(offset)
        case .insert(let offset, _, _): inserted.insert(offset)
        }
      }
      var out = [Int?](repeating: nil, count: base.count)
      var j = 0
      for i in base.indices where !removed.contains(i) {
        while inserted.contains(j) { j += 1 }
        out[i] = j
        j += 1
      }
      return out
    }
    let a = matches(mine)
    let b = matches(theirs)
    var out: [String] = []
    var conflicts: [Conflict] = []
    var (i, m, t) = (0, 0, 0)
    while i < base.count || m < mine.count || t < theirs.count {
      if i < base.count, a[i] == m, b[i] == t {
        out.append(mine[m])
        (i, m, t) = (i + 1, m + 1, t + 1)
        continue
      }
      // The next line all three share, after this run.
      var s = i
      while s < base.count, a[s] == nil || b[s] == nil { s += 1 }
      let (m2, t2) = s < base.count ? (a[s] ?? mine.count, b[s] ?? theirs.count) : (mine.count, theirs.count)
      let old = Array(base[i..<s])
      let ours = Array(mine[m..<m2])
      let other = Array(theirs[t..<t2])
      if ours == old || ours == other {
        out += other
      } else if other == old {
        out += ours
      } else if let added = added(to: old, in: ours) {
        // Lines the person added beside lines the documents changed (a comment above a statement): both.
        out += added.before + other + added.after
      } else if let added = added(to: old, in: other) {
        out += added.before + ours + added.after
      } else {
        conflicts.append(Conflict(line: out.count + 1, theirs: other))
        out += ours
      }
      (i, m, t) = (s, m2, t2)
    }
    return (out, conflicts)
  }

  /// The lines `side` adds before or after `old` when it holds `old` whole at its start or end.
  static func added(to old: [String], in side: [String]) -> (before: [String], after: [String])? {
    guard side.count > old.count else { return nil }
    if side.suffix(old.count).elementsEqual(old) { return (Array(side.dropLast(old.count)), []) }
    if side.prefix(old.count).elementsEqual(old) { return ([], Array(side.dropFirst(old.count))) }
    return nil
  }

  /// `lines` with a comment above each conflict saying what the documents say there now, so the conflict
  /// stays in the file until someone settles it; `nil` when a comment would change what the YAML says (a
  /// conflict inside a block of text).
  static func annotate(_ lines: [String], _ conflicts: [Conflict]) -> (
    lines: [String], conflicts: [Conflict]
  )? {
    var out = lines
    var moved = conflicts
    for (k, c) in conflicts.enumerated().reversed() {
      let at = c.line - 1
      let indent = at < out.count ? String(out[at].prefix { $0 == " " }) : ""
      let note =
        [
          "\(indent)\(conflictComment) you edited these lines, and the documents changed them; they now say:"
        ]
        + (c.theirs.isEmpty
          ? ["\(indent)#   (nothing)"]
          : c.theirs.map {
            "\(indent)#   " + String($0.dropFirst(min(indent.count, $0.prefix { $0 == " " }.count)))
          })
      out.insert(contentsOf: note, at: at)
      for j in k..<moved.count { moved[j].line += note.count }
    }
    let before = try? Yams.compose(yaml: lines.joined(separator: "\n"))
    let after = try? Yams.compose(yaml: out.joined(separator: "\n"))
    guard let before, before == after else { return nil }
    return (out, moved)
  }

  /// Reviewed `expresses` entries, by the text of the statement they belong to.
  package typealias ReviewedLinks = [String: [Node]]

  /// The reviewed `expresses` entries of the folder's files, by statement text.
  package static func reviewedLinks(in folder: String) -> [String: [Node]] {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return reviewedLinks(
      in: files.filter { $0.hasSuffix(".yaml") }.compactMap {
        try? String(contentsOfFile: folder + "/" + $0, encoding: .utf8)
      })
  }

  /// The reviewed `expresses` entries of YAML texts, by statement text.
  package static func reviewedLinks(in texts: [String]) -> [String: [Node]] {
    var out: [String: [Node]] = [:]
    for text in texts {
      guard let root = try? Yams.compose(yaml: text) else { continue }
      collect(root, into: &out)
    }
    return out
  }

  static func collect(_ node: Node, into out: inout [String: [Node]]) {
    switch node {
    case .mapping(let mapping):
      if let text = mapping["text"]?.string, let expresses = mapping["expresses"]?.sequence {
        let reviewed = expresses.filter { $0.mapping?["reviewed"]?.bool == true }
        if !reviewed.isEmpty { out[text] = Array(reviewed) }
      }
      for (_, value) in mapping { collect(value, into: &out) }
    case .sequence(let sequence):
      for item in sequence { collect(item, into: &out) }
    default: break
    }
  }

  /// The update's report lines: the reviewed links kept, what the merge did, and what changed — or that
  /// nothing did (not said while a conflict is open: the documents then say something the folder does not).
  package static func summary(folder: String, files: [ExportFile], merge: Merge?) -> [String] {
    let kept = reviewedLinks(in: files.map(\.text)).values.reduce(0) { $0 + $1.count }
    var lines = ["\(kept) reviewed link\(kept == 1 ? "" : "s") kept"] + (merge?.notes ?? [])
    let changed = changes(from: folder, to: files)
    lines += changed
    if changed.isEmpty && (merge?.conflicts ?? 0) == 0 {
      lines.append("no changes: the documents say what the folder holds")
    }
    return lines
  }

  /// What changed between the folder's files and `files`, as report lines.
  static func changes(from folder: String, to files: [ExportFile]) -> [String] {
    var out: [String] = []
    let old = Set(
      ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".yaml") })
    let new = Set(files.map(\.path).filter { $0.hasSuffix(".yaml") })
    func statements(_ text: String) -> Set<String> {
      guard let root = try? Yams.compose(yaml: text) else { return [] }
      var all = Set<String>()
      func walk(_ node: Node) {
        switch node {
        case .mapping(let m):
          if let t = m["text"]?.string { all.insert(t) }
          for (_, v) in m { walk(v) }
        case .sequence(let s): for i in s { walk(i) }
        default: break
        }
      }
      walk(root)
      return all
    }
    for file in files where file.path.hasSuffix(".yaml") {
      guard old.contains(file.path) else {
        out.append("added \(file.path)")
        continue
      }
      let before = (try? String(contentsOfFile: folder + "/" + file.path, encoding: .utf8)) ?? ""
      if before == file.text { continue }
      let a = statements(before)
      let b = statements(file.text)
      let gone = a.subtracting(b).count
      let came = b.subtracting(a).count
      if gone == 0 && came == 0 {
        // No statement came or went: say how much else did.
        let lines = lines(file.text).difference(from: lines(before)).insertions.count
        out.append(
          "changed \(file.path): no statement added or removed; \(lines) line\(lines == 1 ? "" : "s") changed"
        )
      } else {
        out.append("changed \(file.path): \(came) statement\(came == 1 ? "" : "s") added, \(gone) removed")
      }
    }
    for file in old.subtracting(new).sorted() { out.append("removed \(file)") }

    return out
  }
}
