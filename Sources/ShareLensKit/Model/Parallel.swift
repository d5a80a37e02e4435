import Dispatch

/// Work spread over threads with results kept in input order, so that the output does not depend
/// on how many threads ran or which finished first.
enum Parallel {
  /// `transform` of every element, on up to `jobs` threads; the results in the elements' order.
  static func map<Element: Sendable, Result: Sendable>(
    _ elements: [Element], jobs: Int, _ transform: @Sendable (Element) -> Result
  ) -> [Result] {
    let workers = min(max(jobs, 1), elements.count)
    guard workers > 1 else { return elements.map(transform) }
    let slots = Slots<Result>(count: elements.count)
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      for index in stride(from: worker, to: elements.count, by: workers) {
        slots.store(transform(elements[index]), at: index)
      }
    }
    return slots.results()
  }

  /// Each index written by one thread only, read after all have finished.
  private final class Slots<Value>: @unchecked Sendable {
    private let values: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
      values = .allocate(capacity: count)
      values.initialize(repeating: nil)
    }

    deinit {
      _ = values.deinitialize()
      values.deallocate()
    }

    func store(_ value: Value, at index: Int) { values[index] = value }

    func results() -> [Value] { values.map { $0! } }
  }
}
