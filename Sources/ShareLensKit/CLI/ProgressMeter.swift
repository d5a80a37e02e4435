import Foundation

/// Progress of a long build on stderr, one line rewritten in place. While reading: the share of the
/// file read (rows are not known ahead), the rows so far, the speed and the time left for the file.
/// While writing: the pages written of all, and the size of the report so far (`report.json` and
/// `links.csv` come last and are the largest). Only on a terminal, never with `--quiet`, so logs
/// and pipes stay clean.
final class ProgressMeter {
  private let console: Console
  private let enabled: Bool
  private let start = DispatchTime.now().uptimeNanoseconds
  private var shown = false
  /// When the writing line was last shown, and how long it waits before it is shown again.
  private var lastShown: UInt64?
  var interval: UInt64 = 100_000_000

  init(console: Console, enabled: Bool) {
    self.console = console
    self.enabled = enabled
  }

  func report(_ file: InputFile, bytes: Int64, rows: Int) {
    guard enabled, file.size > 0 else { return }
    let seconds = max(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, 0.001)
    let rate = Double(bytes) / seconds
    let left = rate > 0 ? Double(max(file.size - bytes, 0)) / rate : 0
    let percent = min(100, Int(Double(bytes) / Double(file.size) * 100))
    console.err(
      "\r\(Escaping.terminal(file.path)): \(percent) %, \(Format.count(rows)) rows, \(Format.bytes(Int64(rate)))/s, about \(Int(left.rounded())) s left   "
    )
    shown = true
  }

  func writing(_ path: String, pages: Int, of total: Int, bytes: Int64) {
    guard enabled else { return }
    let now = DispatchTime.now().uptimeNanoseconds
    if let lastShown, now - lastShown < interval { return }
    lastShown = now
    console.err(
      "\rwriting the report: \(Format.count(pages)) of \(Format.count(total)) pages, \(Format.bytes(bytes)) (\(Escaping.terminal(path)))\u{1B}[K"
    )
    shown = true
  }

  func finish() {
    if shown { console.err("\r\u{1B}[K") }
  }
}
