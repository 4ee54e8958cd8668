import Foundation
import ZIPFoundation

/// A zip archive's entries as text — `== path` and the entry's bytes, in the archive's order — so a
/// workbook is compared whole against a golden file like any other output.
public enum ZipEntries {
  /// The entries of the archive in `data`.
  public static func text(_ data: Data) throws -> String {
    let archive = try Archive(data: data, accessMode: .read)
    var out = ""
    for entry in archive {
      var bytes = Data()
      _ = try archive.extract(entry) { bytes.append($0) }
      out += "== \(entry.path)\n" + String(decoding: bytes, as: UTF8.self)
    }
    return out
  }
}
