import Dispatch
import Foundation

/// Threads of our own, each running its queue of jobs in order. A chunk is parsed on one of them
/// and its records are freed later on the same one: glibc's allocator gives each thread an arena,
/// and memory freed by another thread than the one that allocated it makes the two contend for the
/// arena's lock. On Dispatch's shared threads, which thread ran a job was chance, and that contention
/// was a tenth of a build's processor time (BENCHMARKS.md).
final class WorkerThreads: @unchecked Sendable {
  private final class Lane: @unchecked Sendable {
    let lock = NSLock()
    let ready = DispatchSemaphore(value: 0)
    var jobs: [(@Sendable () -> Void)?] = []
    var next = 0

    func add(_ job: (@Sendable () -> Void)?) {
      lock.lock()
      jobs.append(job)
      lock.unlock()
      ready.signal()
    }

    /// Runs jobs until the nil that ends them.
    func run() {
      while true {
        ready.wait()
        lock.lock()
        let job = jobs[next]
        jobs[next] = nil
        next += 1
        if next > 256, next * 2 > jobs.count {
          jobs.removeFirst(next)
          next = 0
        }
        lock.unlock()
        guard let job else { return }
        job()
      }
    }
  }

  private let lanes: [Lane]
  private let finished = DispatchGroup()

  init(count: Int) {
    lanes = (0..<max(count, 1)).map { _ in Lane() }
    for lane in lanes {
      finished.enter()
      let thread = Thread { [finished] in
        lane.run()
        finished.leave()
      }
      thread.stackSize = 8 << 20
      thread.start()
    }
  }

  var count: Int { lanes.count }

  /// Runs `job` on thread `lane` (modulo the count), after the jobs given to it before.
  func run(on lane: Int, _ job: @escaping @Sendable () -> Void) {
    lanes[lane % lanes.count].add(job)
  }

  /// Lets every thread finish its jobs, then ends them.
  func finish() {
    for lane in lanes { lane.add(nil) }
    finished.wait()
  }
}
