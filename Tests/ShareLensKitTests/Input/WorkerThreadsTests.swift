import Foundation
import Testing

@testable import ShareLensKit

@Suite struct WorkerThreadsTests {
  final class Log: @unchecked Sendable {
    let lock = NSLock()
    /// The threads themselves are kept, so that none is freed and its address reused.
    var entries: [(lane: Int, job: Int, thread: Thread)] = []
    func add(_ lane: Int, _ job: Int) {
      lock.lock()
      entries.append((lane, job, Thread.current))
      lock.unlock()
    }
  }

  /// Each lane runs its jobs in the order given, always on the same thread of its own, and
  /// `finish` returns once every job has run.
  @Test func lanesRunTheirJobsInOrderOnOneThreadEach() {
    let workers = WorkerThreads(count: 3)
    let log = Log()
    for job in 0..<3000 { workers.run(on: job) { log.add(job % 3, job) } }
    workers.finish()
    #expect(log.entries.count == 3000)
    for lane in 0..<3 {
      let mine = log.entries.filter { $0.lane == lane }
      #expect(mine.map(\.job) == Array(stride(from: lane, to: 3000, by: 3)))
      #expect(Set(mine.map { ObjectIdentifier($0.thread) }).count == 1)
    }
    #expect(Set(log.entries.map { ObjectIdentifier($0.thread) }).count == 3)
    #expect(!log.entries.contains { $0.thread === Thread.current })
  }

  /// Shared jobs run once each, told the thread they run on, and start in the order given.
  @Test func sharedJobsRunOnceOnTheThreadTheyAreTold() {
    let workers = WorkerThreads(count: 2)
    let log = Log()
    for job in 0..<2000 { workers.runOnAny { lane in log.add(lane, job) } }
    workers.finish()
    #expect(log.entries.map(\.job).sorted() == Array(0..<2000))
    let threads = Dictionary(grouping: log.entries, by: \.lane).mapValues {
      Set($0.map { ObjectIdentifier($0.thread) })
    }
    #expect(threads.values.allSatisfy { $0.count == 1 })
  }
}
