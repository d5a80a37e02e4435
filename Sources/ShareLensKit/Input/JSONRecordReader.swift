/// Reads the top-level values of a JSON file one at a time: the elements of a top-level array, or
/// the values of an NDJSON / JSONL file. Holds one block and one value in memory.
public final class JSONRecordReader {
  public enum Element {
    case object(line: Int, bytes: [UInt8])
    /// A top-level value that is not an object or array.
    case scalar(line: Int)
  }

  private let reader: ByteReader
  private var scanner = JSONShape.Scanner()
  private var pending: [Element] = []
  private var finished = false

  public init(_ reader: ByteReader) {
    self.reader = reader
    scanner.capturesAll = true
  }

  /// The next value, or nil at the end. A structural problem (a truncated file, stray text)
  /// ends the reading; `problem` then says where and why.
  public func next() throws(ShareLensError) -> Element? {
    while pending.isEmpty {
      if finished { return nil }
      if scanner.shape.problem == nil, let block = try reader.nextBlock() {
        scanner.consume(block)
      } else {
        if scanner.shape.problem == nil { scanner.finish() }
        finished = true
      }
      let scalars = scanner.scalarLines.map { Element.scalar(line: $0) }
      pending += scalars + scanner.completed.map { Element.object(line: $0.line, bytes: $0.bytes) }
      scanner.scalarLines.removeAll()
      scanner.completed.removeAll()
    }
    return pending.removeFirst()
  }

  /// Why the reading stopped early, with the line (`line 12: …`), if it did.
  public var problem: String? { scanner.shape.problem }
  /// The line reached; a truncated file's last value starts before it.
  public var line: Int { scanner.lineNumber }
}
