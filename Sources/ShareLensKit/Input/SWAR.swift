/// Byte tests eight bytes at a time in a `UInt64` ("SIMD within a register"). Swift's generic
/// SIMD types compiled to slower code here (see BENCHMARKS.md). Each test sets the top bit of
/// exactly the bytes that pass it, with no carry between bytes, so the lowest set bit is the
/// first such byte (words are loaded little-endian).
enum SWAR {
  static let ones: UInt64 = 0x0101_0101_0101_0101
  static let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

  /// The eight bytes at `offset`, the first in the lowest bits.
  @inline(__always)
  static func word(_ base: UnsafeRawPointer, _ offset: Int) -> UInt64 {
    UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
  }

  /// Top bits of the bytes of `word` equal to `byte`.
  @inline(__always)
  static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
    let x = word ^ (UInt64(byte) &* ones)
    return ~(((x & low) &+ low) | x | low)
  }

  /// Top bits of the bytes of `word` below 0x20 (control characters).
  @inline(__always)
  static func control(_ word: UInt64) -> UInt64 {
    ~(((word & low) &+ (0x60 &* ones)) | word | low)
  }

  /// The index of the first byte from `start` equal to `first` or `second`, or `bytes.count`.
  @inline(__always)
  static func firstIndex(of first: UInt8, or second: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int)
    -> Int
  {
    guard let base = bytes.baseAddress else { return bytes.count }
    var index = start
    while index + 8 <= bytes.count {
      let word = word(UnsafeRawPointer(base), index)
      let found = equal(word, first) | equal(word, second)
      if found != 0 { return index + found.trailingZeroBitCount >> 3 }
      index += 8
    }
    while index < bytes.count, bytes[index] != first, bytes[index] != second { index += 1 }
    return index
  }

  /// Whether an odd number of bytes equal `target`. The words' flags are folded together with
  /// exclusive-or and counted once at the end (counting bits in every word was a tenth of a build
  /// on a machine without a population-count instruction).
  static func oddCount(of target: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let start = bytes.baseAddress else { return false }
    var folded: UInt64 = 0
    var index = 0
    while index + 8 <= bytes.count {
      folded ^= equal(word(UnsafeRawPointer(start), index), target)
      index += 8
    }
    var odd = folded.nonzeroBitCount & 1 == 1
    while index < bytes.count {
      if bytes[index] == target { odd.toggle() }
      index += 1
    }
    return odd
  }
}
