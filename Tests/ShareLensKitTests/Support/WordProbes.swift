/// Texts for checking an eight-bytes-at-a-time test against a byte loop: every byte value at every
/// position of texts of "a" around the word size.
enum WordProbes {
  static func everyByteAtEveryPosition(lengths: [Int] = [1, 7, 8, 9, 16, 17, 23]) -> [[UInt8]] {
    var texts: [[UInt8]] = []
    for length in lengths {
      for position in 0..<length {
        for value in 0...255 {
          var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
          bytes[position] = UInt8(value)
          texts.append(bytes)
        }
      }
    }
    return texts
  }
}
