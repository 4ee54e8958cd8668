import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A built graph saved in one binary file that opens by mapping it into memory.
///
/// The file is a header, a table of sections and the sections: every large array of the graph (node kinds,
/// the id and name tables and their hash indexes, the adjacency arrays, one-byte enum columns) is a section,
/// written as it lies in memory and read back in place through `mmap`, so opening a graph does not copy or
/// rebuild it. One small section, the *description*, holds the schema, the manifest and the few properties
/// that are not plain arrays; it is decoded when the file opens.
///
/// A file is refused, with error G006, when it is truncated, when any byte differs from what was written
/// (every section carries a checksum, verified on open), or when a newer format version wrote it.
/// docs/performance.md, "Snapshots", describes the layout.
public enum GraphSnapshot {
  /// The first eight bytes of every snapshot.
  static let magic: [UInt8] = Array("ORGSNAP\u{1A}".utf8)
  /// The format version this OrgGraph writes and reads.
  public static let formatVersion: UInt32 = 1
  static let headerSize = 64
  static let entrySize = 24
  static let alignment = 64

  /// Writes `graph` to `path` atomically: a temporary file beside it, renamed into place when complete.
  public static func write(_ graph: Graph, to path: String) throws(OutputFileError) {
    var encoder = SnapshotEncoder()
    encoder.encode(graph)
    let sections = encoder.sections
    // Layout: header, section table, sections aligned.
    var offset = headerSize + sections.count * entrySize
    var entries: [(offset: Int, length: Int, checksum: UInt64)] = []
    for section in sections {
      offset = (offset + alignment - 1) / alignment * alignment
      entries.append((offset, section.count, section.checksum()))
      offset += section.count
    }
    var table = ByteWriter()
    for entry in entries {
      table.uint64(UInt64(entry.offset))
      table.uint64(UInt64(entry.length))
      table.uint64(entry.checksum)
    }
    var header = ByteWriter()
    header.bytes(magic)
    header.uint32(formatVersion)
    header.uint32(UInt32(sections.count))
    header.uint64(UInt64(offset))
    header.uint64(table.data.withUnsafeBufferPointer { Checksum.of($0) })
    while header.data.count < headerSize - 8 { header.uint8(0) }
    header.uint64(header.data.withUnsafeBufferPointer { Checksum.of($0) })

    let directory = (path as NSString).deletingLastPathComponent
    let temporary =
      (directory.isEmpty ? "." : directory) + "/.\((path as NSString).lastPathComponent).\(getpid()).partial"
    guard FileManager.default.createFile(atPath: temporary, contents: nil),
      let handle = FileHandle(forWritingAtPath: temporary)
    else {
      throw OutputFileError(
        path: path, reason: "cannot create a file in `\(directory.isEmpty ? "." : directory)`")
    }
    do {
      var written = 0
      func put(_ bytes: UnsafeRawBufferPointer) throws {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        try handle.write(
          contentsOf: Data(
            bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: bytes.count, deallocator: .none))
        written += bytes.count
      }
      func pad(to target: Int) throws {
        if target > written { try handle.write(contentsOf: Data(count: target - written)) }
        written = target
      }
      try header.data.withUnsafeBytes { try put($0) }
      try table.data.withUnsafeBytes { try put($0) }
      for (section, entry) in zip(sections, entries) {
        try pad(to: entry.offset)
        try section.withBytes { try put($0) }
      }
      try handle.synchronize()
      try handle.close()
      if rename(temporary, path) != 0 {
        throw OutputFileError(path: path, reason: String(cString: strerror(errno)))
      }
    } catch let error as OutputFileError {
      try? FileManager.default.removeItem(atPath: temporary)
      throw error
    } catch {
      try? FileManager.default.removeItem(atPath: temporary)
      throw OutputFileError(path: path, reason: error.localizedDescription)
    }
  }

  /// Whether the file at `path` starts with the snapshot magic.
  public static func isSnapshot(path: String) -> Bool {
    guard let handle = FileHandle(forReadingAtPath: path) else { return false }
    defer { try? handle.close() }
    let start = (try? handle.read(upToCount: magic.count)) ?? Data()
    return Array(start) == magic
  }

  /// Opens the snapshot at `path`, or returns `nil` when the file is not a snapshot at all.
  static func openIfSnapshot(path: String) throws(GraphLoadFailure) -> Graph? {
    guard isSnapshot(path: path) else { return nil }
    return try open(path: path)
  }

  /// Opens a snapshot: maps it, verifies every checksum, and returns the graph reading the mapped memory.
  public static func open(path: String) throws(GraphLoadFailure) -> Graph {
    func refuse(_ message: String, help: String? = nil) -> GraphLoadFailure {
      GraphLoadFailure(diagnostics: [
        Diagnostic(
          code: .G006, message: message, range: SourceRange(file: path, line: 1, column: 1),
          help: [help ?? "write it again from its graph: `orgraph snapshot --graph DIR -o \(path) --force`"])
      ])
    }
    let mapping: Mapping
    switch Mapping.map(path: path) {
    case .success(let m): mapping = m
    case .failure(let reason):
      throw refuse(
        "cannot open `\(path)`: \(reason)", help: "check that the file exists and that you may read it")
    }
    let bytes = mapping.bytes
    if bytes.count >= magic.count, bytes.count < headerSize, Array(bytes[0..<magic.count]) == magic {
      throw refuse("`\(path)` is truncated: it holds \(bytes.count) bytes, less than a snapshot's header")
    }
    guard bytes.count >= headerSize, Array(bytes[0..<8]) == magic else {
      throw refuse(
        "`\(path)` is not an OrgGraph snapshot",
        help: "pass a Graph folder, a snapshot written by `orgraph snapshot`, or a JSON export")
    }
    var header = ByteReader(UnsafeRawBufferPointer(rebasing: bytes[0..<headerSize]))
    header.skip(8)
    let version = header.uint32()
    // A version far past this one is a damaged header, not a newer OrgGraph.
    guard version <= formatVersion || version > 1000 else {
      throw refuse(
        "`\(path)` is a snapshot of format \(version), newer than this OrgGraph reads (\(formatVersion))",
        help: "open it with the OrgGraph that wrote it, or write it again from its graph folder")
    }
    let sectionCount = Int(header.uint32())
    let size = header.uint64()
    let tableChecksum = header.uint64()
    let headerChecksum = UnsafeRawBufferPointer(rebasing: bytes[(headerSize - 8)..<headerSize]).loadUnaligned(
      as: UInt64.self)
    let computedHeader = UnsafeRawBufferPointer(rebasing: bytes[0..<(headerSize - 8)]).withMemoryRebound(
      to: UInt8.self
    ) { Checksum.of($0) }
    guard headerChecksum == computedHeader else {
      throw refuse("`\(path)` is damaged: its header does not match its checksum")
    }
    guard size == UInt64(bytes.count) else {
      throw refuse(
        size > UInt64(bytes.count)
          ? "`\(path)` is truncated: it holds \(bytes.count) of \(size) bytes"
          : "`\(path)` is \(bytes.count) bytes, but its header says \(size)")
    }
    let tableEnd = headerSize + sectionCount * entrySize
    guard sectionCount > 0, tableEnd <= bytes.count else {
      throw refuse("`\(path)` is damaged: its section table is cut short")
    }
    let tableBytes = UnsafeRawBufferPointer(rebasing: bytes[headerSize..<tableEnd])
    guard tableBytes.withMemoryRebound(to: UInt8.self, { Checksum.of($0) }) == tableChecksum else {
      throw refuse("`\(path)` is damaged: its section table does not match its checksum")
    }
    var table = ByteReader(tableBytes)
    var sections: [UnsafeRawBufferPointer] = []
    var checksums: [UInt64] = []
    for _ in 0..<sectionCount {
      let offset = Int(clamping: table.uint64())
      let length = Int(clamping: table.uint64())
      checksums.append(table.uint64())
      guard offset >= tableEnd, offset % alignment == 0, length <= bytes.count - offset else {
        throw refuse("`\(path)` is damaged: a section lies outside the file")
      }
      sections.append(UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)]))
    }
    // The padding between sections is zeros, so that no byte of the file goes unchecked.
    var previousEnd = tableEnd
    let origin = bytes.baseAddress
    let starts = sections.map { section in
      origin.flatMap { o in section.baseAddress.map { $0 - o } } ?? tableEnd
    }
    for (start, section) in zip(starts, sections).sorted(by: { $0.0 < $1.0 }) {
      guard start >= previousEnd, bytes[previousEnd..<start].allSatisfy({ $0 == 0 }) else {
        throw refuse("`\(path)` is damaged: bytes between its sections changed")
      }
      previousEnd = start + section.count
    }
    guard bytes[previousEnd...].allSatisfy({ $0 == 0 }) else {
      throw refuse("`\(path)` is damaged: bytes after its last section changed")
    }
    // Every byte is checked before any is trusted: the sections are split between two threads.
    let damaged = Checksum.verify(sections, against: checksums)
    if let first = damaged {
      throw refuse(
        "`\(path)` is damaged: section \(first) does not match its checksum (a byte changed since it was written)"
      )
    }
    do {
      var decoder = SnapshotDecoder(sections: sections, owner: mapping)
      return try decoder.decode()
    } catch {
      throw refuse("`\(path)` is damaged: \(error.message)")
    }
  }
}

/// A read-only memory mapping of a whole file, unmapped when the last vector reading it goes away.
final class Mapping: @unchecked Sendable {
  let base: UnsafeRawPointer?
  let count: Int

  private init(base: UnsafeRawPointer?, count: Int) {
    self.base = base
    self.count = count
  }

  var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

  static func map(path: String) -> Result<Mapping, SnapshotError> {
    let fd = Glibc.open(path, O_RDONLY)
    guard fd >= 0 else { return .failure(SnapshotError(String(cString: strerror(errno)))) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { return .failure(SnapshotError(String(cString: strerror(errno)))) }
    let count = Int(info.st_size)
    guard count > 0 else { return .success(Mapping(base: nil, count: 0)) }
    guard let pointer = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0), pointer != MAP_FAILED else {
      return .failure(SnapshotError(String(cString: strerror(errno))))
    }
    return .success(Mapping(base: UnsafeRawPointer(pointer), count: count))
  }

  deinit {
    if let base { munmap(UnsafeMutableRawPointer(mutating: base), count) }
  }
}

/// Why a snapshot's description cannot be decoded.
struct SnapshotError: Error {
  let message: String
  init(_ message: String) { self.message = message }
}

/// A fast 64-bit checksum: four independent lanes over 8-byte words, so that it runs at memory speed.
enum Checksum {
  static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    of(UnsafeRawBufferPointer(bytes))
  }

  static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    let n = bytes.count
    var lanes: (UInt64, UInt64, UInt64, UInt64) = (
      0x243F_6A88_85A3_08D3, 0x1319_8A2E_0370_7344, 0xA409_3822_299F_31D0, 0x082E_FA98_EC4E_6C89
    )
    let prime: UInt64 = 0x9E37_79B9_7F4A_7C15
    var i = 0
    if let base = bytes.baseAddress {
      while i + 32 <= n {
        lanes.0 = (lanes.0 ^ base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* prime
        lanes.1 = (lanes.1 ^ base.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)) &* prime
        lanes.2 = (lanes.2 ^ base.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)) &* prime
        lanes.3 = (lanes.3 ^ base.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)) &* prime
        lanes.0 ^= lanes.0 >> 29
        lanes.1 ^= lanes.1 >> 29
        lanes.2 ^= lanes.2 >> 29
        lanes.3 ^= lanes.3 >> 29
        i += 32
      }
      while i < n {
        lanes.0 = (lanes.0 ^ UInt64(base.load(fromByteOffset: i, as: UInt8.self))) &* prime
        i += 1
      }
    }
    var h = UInt64(n) &* prime
    for lane in [lanes.0, lanes.1, lanes.2, lanes.3] {
      h = (h ^ lane) &* 0xBF58_476D_1CE4_E5B9
      h ^= h >> 31
    }
    return h
  }

  /// The first section whose checksum differs, checking on two threads.
  static func verify(_ sections: [UnsafeRawBufferPointer], against sums: [UInt64]) -> Int? {
    final class Results: @unchecked Sendable { var bad: [Int] = [] }
    let results = Results()
    let lock = NSLock()
    nonisolated(unsafe) let shared = sections
    let total = sections.reduce(0) { $0 + $1.count }
    // Split the sections into two runs of about equal size.
    var split = 0
    var running = 0
    while split < sections.count && running < total / 2 {
      running += sections[split].count
      split += 1
    }
    let runs = [0..<split, split..<sections.count]
    DispatchQueue.concurrentPerform(iterations: 2) { r in
      for s in runs[r] where of(shared[s]) != sums[s] {
        lock.lock()
        results.bad.append(s)
        lock.unlock()
      }
    }
    return results.bad.min()
  }
}
