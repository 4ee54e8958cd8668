#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Whether `count` bytes at `a` and at `b` are the same (`memcmp`, for pointers that may be absent).
@inline(__always)
func sameBytes(_ a: UnsafePointer<UInt8>?, _ b: UnsafePointer<UInt8>?, count: Int) -> Bool {
  guard count > 0 else { return true }
  guard let a, let b else { return false }
  return memcmp(a, b, count) == 0
}

/// Strings stored end to end in one byte vector — a million node ids take one allocation, not a million,
/// and map straight out of a snapshot.
package struct StringTable: Sendable {
  /// String `i` is `bytes[offsets[i] ..< offsets[i + 1]]`.
  package var offsets: Vector<UInt64>
  package var bytes: Vector<UInt8>

  /// An empty table.
  package init() {
    offsets = Vector(repeating: 0, count: 1)
    bytes = Vector()
  }

  /// A table of the given strings, in order.
  package init(_ strings: some Collection<String>) {
    self.init()
    offsets.reserveCapacity(strings.count + 1)
    for string in strings { append(string) }
  }

  /// A table read from a snapshot.
  package init(offsets: Vector<UInt64>, bytes: Vector<UInt8>) {
    self.offsets = offsets
    self.bytes = bytes
  }

  /// The number of strings.
  package var count: Int { offsets.count - 1 }

  /// Appends a string.
  package mutating func append(_ string: String) {
    var string = string
    string.withUTF8 { bytes.append(contentsOf: $0) }
    offsets.append(UInt64(bytes.count))
  }

  /// String `i`.
  package subscript(i: Int) -> String {
    withBytes(i) { String(decoding: $0, as: UTF8.self) }
  }

  /// Calls `body` with string `i`'s UTF-8 bytes.
  package func withBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    let start = Int(offsets[i])
    let end = Int(offsets[i + 1])
    return bytes.withUnsafeBufferPointer { all in
      body(UnsafeBufferPointer(rebasing: all[start..<end]))
    }
  }

  /// Whether string `i` is exactly `key`.
  package func equals(_ i: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
    withBytes(i) { $0.count == key.count && $0.elementsEqual(key) }
  }
}

/// A hash table from byte strings to positions, kept as one vector of slots so that it maps straight out of
/// a snapshot. Keys are not stored: the caller compares a candidate position against its own table.
/// Several positions may share a key (a multi-map); `lookup` visits them all.
package struct HashIndex: Sendable {
  /// Open addressing with linear probing; -1 marks an empty slot. The count is a power of two.
  package var slots: Vector<Int32>

  /// An index sized for `count` entries (at most half full).
  package init(capacityFor count: Int) {
    var size = 16
    while size < count * 2 { size <<= 1 }
    slots = Vector(repeating: -1, count: size)
  }

  /// An index read from a snapshot.
  package init(slots: Vector<Int32>) { self.slots = slots }

  /// Adds `position` under `hash`.
  package mutating func insert(_ position: Int32, hash: UInt64) {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    slots.withUnsafeMutableBufferPointer { slots in
      while slots[slot] >= 0 { slot = (slot + 1) & mask }
      slots[slot] = position
    }
  }

  /// Calls `visit` with every position stored under `hash` (and some others that share its slots: the
  /// caller compares keys), until `visit` returns `false`.
  package func lookup(hash: UInt64, _ visit: (Int32) -> Bool) {
    let mask = slots.count - 1
    guard mask > 0 else { return }
    var slot = Int(truncatingIfNeeded: hash) & mask
    slots.withUnsafeBufferPointer { slots in
      var probes = 0
      while slots[slot] >= 0, probes <= mask {
        if !visit(slots[slot]) { return }
        slot = (slot + 1) & mask
        probes += 1
      }
    }
  }

  /// A stable 64-bit hash of bytes (the same in every process, so that indexes can be saved).
  package static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
    var i = 0
    let n = bytes.count
    guard let base = bytes.baseAddress else { return mix(h) }
    let raw = UnsafeRawPointer(base)
    while i + 8 <= n {
      h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
      h ^= h >> 31
      i += 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while i < n {
      tail |= UInt64(base[i]) << shift
      shift += 8
      i += 1
    }
    return mix(h ^ tail)
  }

  /// The hash of a string's UTF-8 bytes.
  package static func hash(_ string: String) -> UInt64 {
    var string = string
    return string.withUTF8 { hash($0) }
  }

  private static func mix(_ value: UInt64) -> UInt64 {
    var z = value &* 0x94D0_49BB_1331_11EB
    z ^= z >> 29
    z = z &* 0xBF58_476D_1CE4_E5B9
    return z ^ (z >> 32)
  }
}
