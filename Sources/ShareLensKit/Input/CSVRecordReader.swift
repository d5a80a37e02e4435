/// Reads CSV records (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes, CRLF or
/// LF) from a `ByteReader`, one at a time, holding one block and one record in memory.
public final class CSVRecordReader {
  public struct Record {
    /// The physical line the record starts on (1-based).
    public var line: Int
    public var fields: [[UInt8]]
    /// The file ended inside a quoted field: this record is cut off.
    public var truncated: Bool
    /// Longer than `recordLimit`: its fields were dropped and reading resumed at the next line.
    public var oversized = false
  }

  /// No audit record comes near this; a row that does is an unbalanced quote swallowing the file.
  public static let recordLimit = 16 << 20

  private let reader: ByteReader
  private var block: [UInt8] = []
  private var position = 0
  private var line = 1
  private var finished = false

  public init(_ reader: ByteReader) {
    self.reader = reader
  }

  /// The next record, skipping blank lines; nil at the end of the file.
  public func next() throws(ShareLensError) -> Record? {
    while true {
      guard let record = try readRecord() else { return nil }
      if record.fields.count == 1, record.fields[0].isEmpty, !record.truncated { continue }
      return record
    }
  }

  private func nextByte() throws(ShareLensError) -> UInt8? {
    if position == block.count {
      if finished { return nil }
      guard let next = try reader.nextBlock() else {
        finished = true
        return nil
      }
      block = next
      position = 0
    }
    let byte = block[position]
    position += 1
    return byte
  }

  private func peekByte() throws(ShareLensError) -> UInt8? {
    guard let byte = try nextByte() else { return nil }
    position -= 1
    return byte
  }

  private func readRecord() throws(ShareLensError) -> Record? {
    guard try peekByte() != nil else { return nil }
    let startLine = line
    var fields: [[UInt8]] = []
    var field: [UInt8] = []
    var inQuotes = false
    var size = 0
    while let byte = try nextByte() {
      if byte == 0x0A { line += 1 }
      size += 1
      if size > Self.recordLimit {
        // Give up on this record: skip to the end of the physical line and go on from there.
        var next: UInt8? = byte
        while let current = next, current != 0x0A { next = try nextByte() }
        if next == 0x0A, byte != 0x0A { line += 1 }
        return Record(line: startLine, fields: [], truncated: false, oversized: true)
      }
      if inQuotes {
        if byte == UInt8(ascii: "\"") {
          if try peekByte() == UInt8(ascii: "\"") {
            _ = try nextByte()
            field.append(byte)
          } else {
            inQuotes = false
          }
        } else {
          field.append(byte)
        }
        continue
      }
      switch byte {
      case UInt8(ascii: "\""):
        inQuotes = true
      case UInt8(ascii: ","):
        fields.append(field)
        field = []
      case 0x0A:
        if field.last == 0x0D { field.removeLast() }
        fields.append(field)
        return Record(line: startLine, fields: fields, truncated: false)
      default:
        field.append(byte)
      }
    }
    if field.last == 0x0D, !inQuotes { field.removeLast() }
    fields.append(field)
    return Record(line: startLine, fields: fields, truncated: inQuotes)
  }
}
