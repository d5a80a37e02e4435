import Testing

@testable import ShareLensKit

@Suite struct RecordKeySetTests {
  /// The table answers as Swift's Set does, across many growths, with the all-zero key, keys that
  /// differ in one half only, and keys given again after growing.
  @Test func itAnswersAsASetDoes() {
    var table = RecordKeySet(capacity: 1)
    var reference = Set<AuditIngest.RecordKey>()
    var state: UInt64 = 7
    func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state
    }
    var keys: [AuditIngest.RecordKey] = [.init(high: 0, low: 0), .init(high: 0, low: 1), .init(high: 1, low: 0)]
    for _ in 0..<20_000 { keys.append(.init(high: next() % 64, low: next() % 512)) }
    for _ in 0..<20_000 { keys.append(.init(high: next(), low: next())) }
    keys += keys.shuffled()
    var differences = 0
    for key in keys where table.insert(key) != reference.insert(key).inserted { differences += 1 }
    #expect(differences == 0)
    #expect(table.count == reference.count - 1, "the all-zero key is kept aside")
  }

  /// A GUID is its 16 bytes, in either case; other text is no key.
  @Test func guidsAreTheirBytes() {
    let key = AuditIngest.RecordKey(guid: "0123abcd-4567-89ef-0123-456789ABCDEF")
    #expect(key == AuditIngest.RecordKey(high: 0x0123_abcd_4567_89ef, low: 0x0123_4567_89ab_cdef))
    for text in ["not-a-guid", "0123abcd-4567-89ef-0123-456789abcdeg", "{0123abcd-4567-89ef-0123-456789abcdef}", ""] {
      #expect(AuditIngest.RecordKey(guid: text) == nil, "\(text)")
    }
  }

  /// Keys that differ in a few high bits only (or only in one half) still spread over the table:
  /// every bit of a key moves the slot.
  @Test func keysDifferingInFewBitsSpreadOut() {
    for seed: UInt64 in [1, 0x1234_5678_9ABC_DEF1, UInt64.max] {
      let byHigh = Set(
        (0..<256).map { RecordKeySet.index(.init(high: UInt64($0) << 56, low: 0), mask: 1023, seed: seed) })
      let byLow = Set(
        (0..<256).map { RecordKeySet.index(.init(high: 7, low: UInt64($0) << 56), mask: 1023, seed: seed) })
      #expect(byHigh.count > 180, "seed \(seed)")
      #expect(byLow.count > 180, "seed \(seed)")
    }
  }
}

/// The link builder's one-copy-per-text set compares bytes, not Swift's canonical equivalence.
@Suite struct ExactTextTests {
  @Test func textsAreTheSameOnlyByteForByte() {
    typealias Text = LinkBuilder.ExactText
    #expect(Text("é") != Text("e\u{301}"))
    #expect("é" == "e\u{301}")
    let built = String(["https://c/sites/", "a"].joined())
    #expect(Text("https://c/sites/a") == Text(built))
    #expect(Text("https://c/sites/a").hashValue == Text(built).hashValue)
    #expect(Text("") == Text(String()))
    #expect(Set([Text("é"), Text("e\u{301}"), Text("é"), Text("")]).count == 3)
  }
}
