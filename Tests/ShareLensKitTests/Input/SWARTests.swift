import Testing

@testable import ShareLensKit

@Suite struct SWARTests {
  /// Every byte value at every position of a word, and random buffers against a byte loop.
  @Test func wordTestsFlagExactlyTheMatchingBytes() {
    for value in 0...255 {
      for position in 0..<8 {
        var bytes = [UInt8](repeating: 0x41, count: 8)
        bytes[position] = UInt8(value)
        let word = bytes.withUnsafeBytes { SWAR.word($0.baseAddress!, 0) }
        let expectedControl: UInt64 = value < 0x20 ? 0x80 << (8 * UInt64(position)) : 0
        #expect(SWAR.control(word) == expectedControl)
        let expectedQuote: UInt64 = value == 0x22 ? 0x80 << (8 * UInt64(position)) : 0
        #expect(SWAR.equal(word, 0x22) == expectedQuote)
      }
    }
  }

  @Test func firstIndexFindsWhatAByteLoopFinds() {
    var state: UInt64 = 42
    for length in 0..<80 {
      for _ in 0..<20 {
        let bytes: [UInt8] = (0..<length).map { _ in
          state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
          return [0x22, 0x0A, 0x41, 0x00, 0xFF, 0x5C][Int(state >> 60) % 6]
        }
        for start in stride(from: 0, through: length, by: 3) {
          let expected = bytes[start...].firstIndex { $0 == 0x22 || $0 == 0x0A } ?? length
          #expect(
            bytes.withUnsafeBufferPointer { SWAR.firstIndex(of: 0x22, or: 0x0A, in: $0, from: start) } == expected)
        }
        let odd = bytes.withUnsafeBufferPointer { SWAR.oddCount(of: 0x22, in: $0) }
        #expect(odd == (bytes.filter { $0 == 0x22 }.count % 2 == 1))
      }
    }
  }

  /// The eight-at-a-time check that text needs no lower-casing, with every byte value at every
  /// position of texts around the word size, against a byte loop.
  @Test func lowercaseASCIIIsToldEightBytesAtATime() {
    var differences = 0
    for bytes in WordProbes.everyByteAtEveryPosition() {
      let expected = !bytes.contains { (0x41...0x5A).contains($0) || $0 >= 0x80 }
      if bytes.withUnsafeBufferPointer(ASCIIText.isLowercaseASCII) != expected { differences += 1 }
    }
    #expect(differences == 0)
  }

  /// Lower-casing ASCII text byte by byte gives what the standard library gives, and other text
  /// still goes through it.
  @Test func asciiLowercasingIsTheStandardLibrarys() {
    var texts = ["", "abc", "ABC", "Mixed/Case-URL_with.Dots?Q=1", "@[`{", "ÉTÉ", "İstanbul", "Straße", "ǅ"]
    texts += WordProbes.everyByteAtEveryPosition(lengths: [1, 9]).map { String(decoding: $0, as: UTF8.self) }
    #expect(texts.filter { ASCIIText.lowercased($0) != $0.lowercased() } == [])
  }
}
