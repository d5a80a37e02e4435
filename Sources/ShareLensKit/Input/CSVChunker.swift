/// Cuts a CSV byte stream into chunks of whole records so that they can be parsed in parallel.
/// A chunk ends at a line break outside quotes: there the count of quote characters since the
/// start of the file is even, which is exactly where `CSVRecordReader` ends a record, so parsing
/// the chunks one after the other reads the same records as reading the file in one go.
///
/// Anything the record reader treats specially (a quote that never closes, a record longer than
/// `CSVRecordReader.recordLimit`) is handed back whole, from the last boundary on, as the `rest`
/// of the file to be read sequentially.
final class CSVChunker {
  enum Piece {
    /// Whole records (their lines are counted where they are parsed).
    case chunk([UInt8])
    /// From here on the file must be read by `CSVRecordReader`: these bytes (starting at a record
    /// boundary, on the line after the chunks before), then the reader's remaining blocks.
    case rest([UInt8])
  }

  private let reader: ByteReader
  private let targetSize: Int
  private var buffer: [UInt8]
  private var atEnd = false
  private var handedOver = false

  /// - Parameters:
  ///   - pending: bytes already read from `reader`, starting at a record boundary.
  ///   - targetSize: the size a chunk is cut at (it ends at the first boundary before it, or grows
  ///     to the end of a record longer than that).
  init(_ reader: ByteReader, pending: [UInt8], targetSize: Int) {
    self.reader = reader
    self.buffer = pending
    self.targetSize = max(1, targetSize)
  }

  func next() throws(ShareLensError) -> Piece? {
    guard !handedOver else { return nil }
    while true {
      try fill(to: targetSize)
      if buffer.isEmpty { return nil }
      if let boundary = Self.lastBoundary(in: buffer), boundary <= CSVRecordReader.recordLimit {
        // The chunk keeps the buffer's storage; only the short tail is copied.
        var chunk = buffer
        buffer = Array(chunk[boundary...])
        chunk.removeLast(chunk.count - boundary)
        return .chunk(chunk)
      }
      if atEnd {
        // The last record has no line break after it: whole if its quotes are balanced.
        if !Self.oddQuotes(buffer[...]), buffer.count <= CSVRecordReader.recordLimit {
          let chunk = buffer
          buffer = []
          return .chunk(chunk)
        }
        return handOver()
      }
      if buffer.count > CSVRecordReader.recordLimit { return handOver() }
      // One record longer than the target: read on until it ends.
      try fill(to: buffer.count + ByteReader.blockSize)
    }
  }

  /// Reads until the buffer holds `size` bytes or the file ends. A plain UTF-8 file is read
  /// straight into the buffer; anything else comes decoded, block by block.
  private func fill(to size: Int) throws(ShareLensError) {
    while buffer.count < size, !atEnd {
      guard reader.readsDirectly else {
        if let block = try reader.nextBlock() { buffer += block } else { atEnd = true }
        continue
      }
      var failure: ShareLensError?
      let kept = buffer
      buffer = [UInt8](unsafeUninitializedCapacity: size) { free, initialized in
        _ = free.initialize(from: kept)
        initialized = kept.count
        while initialized < size {
          do throws(ShareLensError) {
            let count = try reader.readDirect(into: UnsafeMutableBufferPointer(rebasing: free[initialized..<size]))
            if count == 0 { break }
            initialized += count
          } catch {
            failure = error
            break
          }
        }
      }
      if let failure { throw failure }
      if buffer.count < size { atEnd = true }
    }
  }

  private func handOver() -> Piece {
    handedOver = true
    let rest = buffer
    buffer = []
    return .rest(rest)
  }

  /// The offset just after the last line break outside quotes, given that `bytes` starts outside
  /// quotes; nil when there is none.
  static func lastBoundary(in bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBufferPointer { buffer in
      // Parity of the quotes after each position, walking back from the end.
      var inQuotesAtEnd = oddQuotes(bytes[...])
      var index = buffer.count
      while index > 0 {
        index -= 1
        let byte = buffer[index]
        if byte == 0x0A, !inQuotesAtEnd { return index + 1 }
        if byte == UInt8(ascii: "\"") { inQuotesAtEnd.toggle() }
      }
      return nil
    }
  }

  /// Whether `bytes` hold an odd number of quote characters.
  static func oddQuotes(_ bytes: ArraySlice<UInt8>) -> Bool {
    bytes.withUnsafeBufferPointer { SWAR.oddCount(of: UInt8(ascii: "\""), in: $0) }
  }
}
