import Foundation

enum Memory {
  /// Gives freed memory back to the system. Parsing threads free millions of records into their
  /// own heaps, which the rest of the build would never reuse; without this the process keeps them.
  static func releaseFreed() {
    _ = mallocTrim?(0)
  }

  /// glibc's `malloc_trim`, which Swift's Glibc module does not declare.
  private static let mallocTrim: (@convention(c) (Int) -> Int32)? = {
    guard let symbol = dlsym(nil, "malloc_trim") else { return nil }
    return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
  }()
}
