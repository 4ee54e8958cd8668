import Foundation
import OrgGraph
import Yams

/// Re-importing into a Graph folder an earlier import wrote (`orgraph import --update`): links a person has
/// reviewed (`reviewed: true` on an `expresses` entry) are kept for statements whose text is unchanged, and
/// what changed is reported per file — added, removed, changed, unchanged, with the statements that came and went.
public enum ImportUpdate {
  /// Reviewed `expresses` entries, by the text of the statement they belong to.
  public typealias ReviewedLinks = [String: [Node]]

  /// The reviewed `expresses` entries of the folder's files, by statement text.
  public static func reviewedLinks(in folder: String) -> [String: [Node]] {
    var out: [String: [Node]] = [:]
    let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    for file in files where file.hasSuffix(".yaml") {
      guard let text = try? String(contentsOfFile: folder + "/" + file, encoding: .utf8),
        let root = try? Yams.compose(yaml: text)
      else { continue }
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

  /// What changed between the folder's files and `files`, as report lines.
  public static func changes(from folder: String, to files: [ExportFile]) -> [String] {
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
      out.append(
        "changed \(file.path): \(came) statement\(came == 1 ? "" : "s") added, \(gone) removed")
    }
    for file in old.subtracting(new).sorted() { out.append("removed \(file)") }
    if out.isEmpty { out.append("no changes: the documents say what the folder holds") }
    return out
  }
}
