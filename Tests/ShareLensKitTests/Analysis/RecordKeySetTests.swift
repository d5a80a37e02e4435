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
    let first = table.insert(.init("not-a-guid"))
    let again = table.insert(.init("not-a-guid"))
    #expect(first && !again)
  }
}
