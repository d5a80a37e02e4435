import Foundation

/// Progress of a long read on stderr, one line rewritten in place: the share of the file read (rows
/// are not known ahead), the rows so far, the speed and the time left for the file. Only on a
/// terminal, never with `--quiet`, so logs and pipes stay clean.
final class ProgressMeter {
  private let console: Console
  private let enabled: Bool
  private let start = DispatchTime.now().uptimeNanoseconds
  private var shown = false

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

  func finish() {
    if shown { console.err("\r\u{1B}[K") }
  }
}
