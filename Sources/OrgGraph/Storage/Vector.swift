#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A contiguous run of plain values: the storage behind a graph's columns and adjacency arrays.
///
/// A vector owns memory it allocated, grown with `realloc` (so a large column grows in place instead of being
/// copied into a buffer twice its size), or it reads memory that belongs to something else — a memory-mapped
/// snapshot — which it never writes or frees. It has value semantics: a write to a shared or borrowed vector
/// copies it first.
package struct Vector<Element: BitwiseCopyable>: RandomAccessCollection, MutableCollection,
  @unchecked Sendable
{
  final class Storage {
    var base: UnsafeMutablePointer<Element>?
    var count: Int
    var capacity: Int
    /// Keeps borrowed memory alive; `nil` when the storage owns `base`.
    let owner: AnyObject?

    init(capacity: Int) {
      self.capacity = capacity
      count = 0
      owner = nil
      base =
        capacity > 0
        ? malloc(capacity * MemoryLayout<Element>.stride)?.assumingMemoryBound(to: Element.self) : nil
      if capacity > 0 && base == nil { fatalError("out of memory allocating \(capacity) values") }
      Self.adviseHugePages(base, bytes: capacity * MemoryLayout<Element>.stride)
    }

    /// Asks for 2 MiB pages over a large block: a lookup into a 16 MiB hash table then costs one cache miss
    /// instead of a cache miss and a page-table walk (which dominated loading a million people on a virtual
    /// machine). Only a hint: where transparent huge pages are off, nothing changes.
    static func adviseHugePages(_ base: UnsafeMutableRawPointer?, bytes: Int) {
      #if os(Linux)
        let huge = 2 << 20
        guard let base, bytes >= 2 * huge else { return }
        let start = (Int(bitPattern: base) + huge - 1) & ~(huge - 1)
        let end = (Int(bitPattern: base) + bytes) & ~(huge - 1)
        if end > start { _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_HUGEPAGE) }
      #endif
    }

    static func adviseHugePages(_ base: UnsafeMutablePointer<Element>?, bytes: Int) {
      adviseHugePages(base.map { UnsafeMutableRawPointer($0) }, bytes: bytes)
    }

    init(borrowing base: UnsafePointer<Element>, count: Int, owner: AnyObject) {
      self.base = UnsafeMutablePointer(mutating: base)
      self.count = count
      capacity = count
      self.owner = owner
    }

    deinit { if owner == nil, let base { free(base) } }

    func grow(to wanted: Int) {
      let size = Swift.max(wanted, 16) * MemoryLayout<Element>.stride
      guard let grown = realloc(base, size) else { fatalError("out of memory growing to \(wanted) values") }
      base = grown.assumingMemoryBound(to: Element.self)
      capacity = Swift.max(wanted, 16)
      Self.adviseHugePages(grown, bytes: size)
    }
  }

  var storage: Storage

  /// An empty vector.
  package init() { storage = Storage(capacity: 0) }

  /// `count` copies of `value`.
  package init(repeating value: Element, count: Int) {
    storage = Storage(capacity: count)
    if let base = storage.base { base.initialize(repeating: value, count: count) }
    storage.count = count
  }

  /// The elements of a sequence.
  package init<S: Sequence>(_ elements: S) where S.Element == Element {
    storage = Storage(capacity: elements.underestimatedCount)
    for element in elements { append(element) }
  }

  /// A vector reading `count` values at `base`, which `owner` keeps alive.
  package init(borrowing base: UnsafePointer<Element>, count: Int, owner: AnyObject) {
    storage = Storage(borrowing: base, count: count, owner: owner)
  }

  package var startIndex: Int { 0 }
  package var endIndex: Int { storage.count }

  package subscript(position: Int) -> Element {
    get {
      precondition(position >= 0 && position < storage.count, "index out of range")
      return storage.base.unsafelyUnwrapped[position]
    }
    set {
      precondition(position >= 0 && position < storage.count, "index out of range")
      makeUnique()
      storage.base.unsafelyUnwrapped[position] = newValue
    }
  }

  /// Reserves room for `capacity` values in all.
  package mutating func reserveCapacity(_ capacity: Int) {
    makeUnique()
    if capacity > storage.capacity { storage.grow(to: capacity) }
  }

  /// Appends a value.
  package mutating func append(_ value: Element) {
    makeUnique()
    if storage.count == storage.capacity { storage.grow(to: storage.capacity * 2) }
    storage.base.unsafelyUnwrapped[storage.count] = value
    storage.count += 1
  }

  /// Appends the values of a buffer.
  package mutating func append(contentsOf values: UnsafeBufferPointer<Element>) {
    guard let source = values.baseAddress, !values.isEmpty else { return }
    makeUnique()
    if storage.count + values.count > storage.capacity {
      storage.grow(to: Swift.max(storage.capacity * 2, storage.count + values.count))
    }
    (storage.base.unsafelyUnwrapped + storage.count).update(from: source, count: values.count)
    storage.count += values.count
  }

  /// Appends `count` copies of `value`.
  package mutating func append(repeating value: Element, count: Int) {
    guard count > 0 else { return }
    reserveCapacity(storage.count + count)
    (storage.base.unsafelyUnwrapped + storage.count).initialize(repeating: value, count: count)
    storage.count += count
  }

  /// Calls `body` with the values as a buffer.
  package func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
    try body(UnsafeBufferPointer(start: storage.base, count: storage.count))
  }

  /// Calls `body` with the values as a mutable buffer.
  package mutating func withUnsafeMutableBufferPointer<R>(
    _ body: (UnsafeMutableBufferPointer<Element>) throws -> R
  ) rethrows -> R {
    makeUnique()
    return try body(UnsafeMutableBufferPointer(start: storage.base, count: storage.count))
  }

  private mutating func makeUnique() {
    if isKnownUniquelyReferenced(&storage) && storage.owner == nil { return }
    let copy = Storage(capacity: storage.count)
    if let from = storage.base, let to = copy.base { to.initialize(from: from, count: storage.count) }
    copy.count = storage.count
    storage = copy
  }
}
