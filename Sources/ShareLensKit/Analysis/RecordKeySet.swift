/// The GUID record ids seen so far, for removing duplicates: an open-addressing hash table of 16-byte
/// keys, probed linearly. Swift's `Set` hashes every key with SipHash and spent a third of the
/// time the set took; here a GUID's bits go through MurmurHash3's
/// 64-bit finalizer, in which every input bit moves every output bit, seeded at random per run, so
/// crafted ids cannot pile into one run of the table. The seed changes nothing in the output (only
/// membership is asked).
struct RecordKeySet {
  private var slots: [AuditIngest.RecordKey]
  private var mask: Int
  /// The all-zero key marks an empty slot; it is kept aside when it is a real id.
  private var hasZero = false
  private(set) var count = 0
  private let seed: UInt64

  init(capacity: Int = 1024) {
    var size = 16
    while size < capacity * 4 / 3 { size *= 2 }
    slots = Array(repeating: .init(high: 0, low: 0), count: size)
    mask = size - 1
    seed = UInt64.random(in: 1...UInt64.max) | 1
  }

  /// Adds `key`; false when it was there already.
  mutating func insert(_ key: AuditIngest.RecordKey) -> Bool {
    if key.high == 0, key.low == 0 {
      defer { hasZero = true }
      return !hasZero
    }
    if (count + 1) * 4 > slots.count * 3 { grow() }
    let inserted = Self.place(key, in: &slots, mask: mask, seed: seed)
    if inserted { count += 1 }
    return inserted
  }

  @inline(__always)
  static func index(_ key: AuditIngest.RecordKey, mask: Int, seed: UInt64) -> Int {
    Int(truncatingIfNeeded: mix(key.high ^ mix(key.low ^ seed))) & mask
  }

  @inline(__always)
  static func mix(_ value: UInt64) -> UInt64 {
    var x = value
    x ^= x >> 33
    x &*= 0xFF51_AFD7_ED55_8CCD
    x ^= x >> 33
    x &*= 0xC4CE_B9FE_1A85_EC53
    x ^= x >> 33
    return x
  }

  /// Puts `key` in the first empty slot of its run unless the run holds it; true when placed.
  private static func place(
    _ key: AuditIngest.RecordKey, in slots: inout [AuditIngest.RecordKey], mask: Int, seed: UInt64
  ) -> Bool {
    slots.withUnsafeMutableBufferPointer { slots in
      var index = index(key, mask: mask, seed: seed)
      while true {
        let slot = slots[index]
        if slot.high == 0, slot.low == 0 {
          slots[index] = key
          return true
        }
        if slot == key { return false }
        index = (index + 1) & mask
      }
    }
  }

  private mutating func grow() {
    var larger = Array(repeating: AuditIngest.RecordKey(high: 0, low: 0), count: slots.count * 2)
    let largerMask = larger.count - 1
    for key in slots where key.high != 0 || key.low != 0 {
      _ = Self.place(key, in: &larger, mask: largerMask, seed: seed)
    }
    slots = larger
    mask = largerMask
  }
}
