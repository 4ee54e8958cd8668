import Foundation

/// Node ids laid out for lookups by their bytes: a string table and a hash index over it — of every node,
/// or of the nodes of a few kinds (then `nodes` maps positions in the table to node numbers).
struct IDLookup: @unchecked Sendable {
  let table: StringTable
  let index: HashIndex
  /// For a subset: the node at each position of the table; empty when positions are node numbers.
  let nodes: [Int32]

  init(_ ids: some Collection<String>, nodes: [Int32] = []) {
    table = StringTable(ids)
    var index = HashIndex(capacityFor: ids.count)
    for i in 0..<ids.count { table.withBytes(i) { index.insert(Int32(i), hash: HashIndex.hash($0)) } }
    self.index = index
    self.nodes = nodes
  }

  /// The ids of the builder's nodes of the kinds `allowed` marks — the twenty thousand competencies an
  /// `assessed` table names, not a million people: a table small enough to stay in the processor's cache.
  /// `nil` when they are half the nodes or more (the whole graph's lookup serves then).
  static func subset(of builder: GraphBuilder, kinds allowed: [Bool]) -> IDLookup? {
    let kinds = builder.nodeKinds
    let nodes = (0..<kinds.count).filter { Int(kinds[$0]) < allowed.count && allowed[Int(kinds[$0])] }
    guard nodes.count < kinds.count / 2 else { return nil }
    return IDLookup(nodes.map { builder.nodeIDs[$0] }, nodes: nodes.map { Int32($0) })
  }

  /// The node whose id is `key`, or -1.
  func find(_ key: UnsafeBufferPointer<UInt8>) -> Int32 {
    var position: Int32 = -1
    withRaw { position = $0.find(key) }
    return position
  }

  /// Calls `body` with the lookup's arrays as raw pointers, read without reference counting in loops.
  func withRaw(_ body: (Raw) -> Void) {
    table.offsets.withUnsafeBufferPointer { offsets in
      table.bytes.withUnsafeBufferPointer { bytes in
        index.slots.withUnsafeBufferPointer { slots in
          nodes.withUnsafeBufferPointer { nodes in
            body(Raw(offsets: offsets, bytes: bytes, slots: slots, nodes: nodes))
          }
        }
      }
    }
  }

  /// An ``IDLookup``'s arrays, borrowed for the length of a `withRaw` call.
  struct Raw {
    let offsets: UnsafeBufferPointer<UInt64>
    let bytes: UnsafeBufferPointer<UInt8>
    let slots: UnsafeBufferPointer<Int32>
    let nodes: UnsafeBufferPointer<Int32>

    /// The node whose id is `key`, or -1.
    @inline(__always)
    func find(_ key: UnsafeBufferPointer<UInt8>) -> Int32 {
      let mask = slots.count - 1
      guard mask > 0, !key.isEmpty else { return -1 }
      var slot = Int(truncatingIfNeeded: HashIndex.hash(key)) & mask
      while true {
        let position = slots[slot]
        if position < 0 { return -1 }
        let start = Int(offsets[Int(position)])
        let end = Int(offsets[Int(position) + 1])
        if end - start == key.count
          && sameBytes(bytes.baseAddress.map { $0 + start }, key.baseAddress, count: key.count)
        {
          return nodes.isEmpty ? position : nodes[Int(position)]
        }
        slot = (slot + 1) & mask
      }
    }
  }
}
