import Foundation
import Testing

@testable import ShareLensKit

@Suite struct ProgressMeterTests {
  final class Captured: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""
    func append(_ more: String) { lock.withLock { text += more } }
    var value: String { lock.withLock { text } }
  }

  @Test func onATerminalItShowsPercentRowsSpeedAndTimeLeftThenClearsTheLine() {
    let captured = Captured()
    let meter = ProgressMeter(console: Console(out: { _ in }, err: { captured.append($0) }), enabled: true)
    meter.report(InputFile(path: "audit.csv", size: 1_000_000), bytes: 250_000, rows: 140_000)
    meter.finish()
    #expect(captured.value.hasPrefix("\raudit.csv: 25 %, 140,000 rows, "))
    #expect(captured.value.contains("B/s, about "))
    #expect(captured.value.contains("s left"))
    #expect(captured.value.hasSuffix("\r\u{1B}[K"))
  }

  @Test func otherwiseItSaysNothing() {
    let captured = Captured()
    let meter = ProgressMeter(console: Console(out: { _ in }, err: { captured.append($0) }), enabled: false)
    meter.report(InputFile(path: "audit.csv", size: 1_000_000), bytes: 250_000, rows: 140_000)
    meter.finish()
    #expect(captured.value.isEmpty)
  }
}
