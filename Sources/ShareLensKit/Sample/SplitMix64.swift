/// A small, fast pseudo-random generator with a fixed algorithm, so that a seed gives the same
/// demo tenant on every machine and every Swift version (`SystemRandomNumberGenerator` would not).
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Uniform in `0..<bound` (bound > 0), by Lemire's multiply-shift without rejection: the bias is
  /// below 2⁻³² for the small bounds used here, and the sequence stays simple to reproduce.
  mutating func below(_ bound: Int) -> Int {
    Int((UInt64(bound).multipliedFullWidth(by: next())).high)
  }

  mutating func chance(_ probability: Double) -> Bool {
    Double(next() >> 11) / Double(1 << 53) < probability
  }

  mutating func pick<T>(_ values: [T]) -> T { values[below(values.count)] }

  /// Picks an index with the given relative weights.
  mutating func weighted(_ weights: [Int]) -> Int {
    var roll = below(weights.reduce(0, +))
    for (index, weight) in weights.enumerated() {
      if roll < weight { return index }
      roll -= weight
    }
    return weights.count - 1
  }

  mutating func guid() -> GUID { GUID(high: next(), low: next()) }
}

/// A GUID held as two integers, written in the lower-case 8-4-4-4-12 form of audit records.
struct GUID: Hashable, Sendable {
  var high: UInt64
  var low: UInt64

  static let zero = GUID(high: 0, low: 0)

  var string: String {
    String(unsafeUninitializedCapacity: 36) { buffer in
      var position = 0
      for digit in 0..<32 {
        if position == 8 || position == 13 || position == 18 || position == 23 {
          buffer[position] = UInt8(ascii: "-")
          position += 1
        }
        let word = digit < 16 ? high : low
        buffer[position] = Self.hexDigits[Int(word >> UInt64(60 - 4 * (digit % 16)) & 0xF)]
        position += 1
      }
      return position
    }
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  /// 64 hex digits, as in `urn:spo:anon#…` visitor ids.
  var longHex: String {
    var mixer = SplitMix64(seed: high ^ low)
    return Self.hex(high, 16) + Self.hex(low, 16) + Self.hex(mixer.next(), 16) + Self.hex(mixer.next(), 16)
  }

  static func hex(_ value: UInt64, _ width: Int) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
