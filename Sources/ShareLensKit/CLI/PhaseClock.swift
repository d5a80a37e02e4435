import Foundation

/// Wall-clock time per phase of a build, for `--timings` and the benchmark.
struct PhaseClock {
  private var last = DispatchTime.now().uptimeNanoseconds
  private(set) var phases: [(String, Double)] = []

  mutating func lap(_ name: String) {
    let now = DispatchTime.now().uptimeNanoseconds
    phases.append((name, Double(now - last) / 1e9))
    last = now
  }

  /// A part of the last phase, shown under it.
  mutating func note(_ name: String, seconds: Double) {
    phases.append(("  of which " + name, seconds))
  }

  func report() -> String {
    phases.map { name, seconds in
      "timing: " + name.padding(toLength: 46, withPad: " ", startingAt: 0) + String(format: "%8.2f s\n", seconds)
    }.joined()
  }
}
