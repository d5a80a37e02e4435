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

  /// Writing shows the pages written and the size so far, now and then (at most ten times a second).
  @Test func whileWritingItShowsPagesAndSize() {
    let captured = Captured()
    let meter = ProgressMeter(console: Console(out: { _ in }, err: { captured.append($0) }), enabled: true)
    meter.interval = 3_600_000_000_000
    meter.writing("links-2.html", pages: 3, of: 1_200, bytes: 2_500_000)
    meter.writing("links-3.html", pages: 4, of: 1_200, bytes: 2_600_000)
    meter.finish()
    #expect(
      captured.value == "\rwriting the report: 3 of 1,200 pages, 2.5 MB (links-2.html)\u{1B}[K\r\u{1B}[K",
      "the second call, within the interval, is not shown")
  }

  @Test func otherwiseItSaysNothing() {
    let captured = Captured()
    let meter = ProgressMeter(console: Console(out: { _ in }, err: { captured.append($0) }), enabled: false)
    meter.report(InputFile(path: "audit.csv", size: 1_000_000), bytes: 250_000, rows: 140_000)
    meter.writing("index.html", pages: 1, of: 2, bytes: 1)
    meter.finish()
    #expect(captured.value.isEmpty)
  }
}
