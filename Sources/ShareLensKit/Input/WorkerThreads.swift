import Foundation

/// Threads of our own. A chunk is parsed on whichever is free, and its records are freed later on
/// that same thread: glibc's allocator gives each thread an arena, and memory freed by another
/// thread than the one that allocated it makes the two contend for the arena's lock. On Dispatch's
/// shared threads, which thread ran a job was chance, and that contention was a tenth of a build's
/// processor time (BENCHMARKS.md).
final class WorkerThreads: @unchecked Sendable {
  typealias Job = @Sendable (_ lane: Int) -> Void

  private let condition = NSCondition()
  /// Jobs for one thread, in order; they go before the shared ones.
  private var own: [[Job]]
  /// Jobs for any thread, in order.
  private var shared: [Job] = []
  private var stopping = false
  private let finished = DispatchGroup()

  init(count: Int) {
    own = Array(repeating: [], count: max(count, 1))
    for lane in own.indices {
      finished.enter()
      let thread = Thread { [self] in
        work(lane)
        finished.leave()
      }
      thread.stackSize = 8 << 20
      thread.start()
    }
  }

  /// Runs `job` on thread `lane` (modulo the count), after the jobs given to that thread before.
  func run(on lane: Int, _ job: @escaping @Sendable () -> Void) {
    condition.lock()
    own[lane % own.count].append { _ in job() }
    condition.broadcast()
    condition.unlock()
  }

  /// Runs `job` on the first thread free, telling it which thread that is; jobs start in order.
  func runOnAny(_ job: @escaping Job) {
    condition.lock()
    shared.append(job)
    condition.broadcast()
    condition.unlock()
  }

  /// Lets the threads finish every job, then ends them.
  func finish() {
    condition.lock()
    stopping = true
    condition.broadcast()
    condition.unlock()
    finished.wait()
  }

  private func work(_ lane: Int) {
    condition.lock()
    while true {
      let job: Job
      if !own[lane].isEmpty {
        job = own[lane].removeFirst()
      } else if !shared.isEmpty {
        job = shared.removeFirst()
      } else if stopping {
        condition.unlock()
        return
      } else {
        condition.wait()
        continue
      }
      condition.unlock()
      job(lane)
      condition.lock()
    }
  }
}
