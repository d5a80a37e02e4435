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
  /// Bytes given back after a broken record, read again before the file's next block.
  private var replay: [UInt8] = []
  private var replayPosition = 0

  public init(_ reader: ByteReader) {
    self.reader = reader
  }

  /// Continues a file part-way: `pending` (starting at a record boundary on line `line`) is read
  /// before the reader's next block.
  public init(_ reader: ByteReader, pending: [UInt8], line: Int) {
    self.reader = reader
    self.replay = pending
    self.line = line
  }

  /// Hands over what was read from the file but not parsed yet, and the line it starts on, so that
  /// another reader can go on from here. Call between records; this reader is done afterwards.
  public func remainder() -> (bytes: [UInt8], line: Int) {
    let bytes = Array(replay[replayPosition...]) + block[position...]
    replay = []
    replayPosition = 0
    block = []
    position = 0
    return (bytes, line)
  }

  /// The header: the first record that is not Windows PowerShell's `#TYPE …` line; nil for a file
  /// without one. Call before `next()`.
  public func header() throws(ShareLensError) -> [String]? {
    while let record = try next() {
      let fields = record.fields.map { String(decoding: $0, as: UTF8.self) }
      if fields.first?.hasPrefix("#TYPE") == true { continue }
      return fields
    }
    return nil
  }

  /// The next record, skipping blank lines; nil at the end of the file.
  public func next() throws(ShareLensError) -> Record? {
    while true {
      guard let record = try readRecord() else { return nil }
      if record.fields.count == 1, record.fields[0].isEmpty, !record.truncated { continue }
      return record
    }
  }

  @inline(__always)
  private func nextByte() throws(ShareLensError) -> UInt8? {
    if replayPosition < replay.count {
      let byte = replay[replayPosition]
      replayPosition += 1
      if replayPosition == replay.count {
        replay = []
        replayPosition = 0
      }
      return byte
    }
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

  @inline(__always)
  private func peekByte() throws(ShareLensError) -> UInt8? {
    if replayPosition < replay.count { return replay[replayPosition] }
    guard let byte = try nextByte() else { return nil }
    if replay.isEmpty {
      position -= 1
    } else {
      replayPosition -= 1
    }
    return byte
  }

  /// A record broke (a quote that never closes): only its first line is rejected; everything after
  /// that line is read again as records, so one bad row cannot swallow the rows behind it.
  private func resume(after startLine: Int, replaying bytes: [UInt8], rest: Bool) -> Record {
    replay = bytes + replay[replayPosition...]
    replayPosition = 0
    line = startLine + 1
    return Record(line: startLine, fields: [], truncated: !rest, oversized: rest)
  }

  private func readRecord() throws(ShareLensError) -> Record? {
    guard try peekByte() != nil else { return nil }
    let startLine = line
    var fields: [[UInt8]] = []
    fields.reserveCapacity(8)
    var field: [UInt8] = []
    var inQuotes = false
    var size = 0
    // The bytes after the record's first line, kept only once a quoted field runs past it: they
    // are read again if the record turns out broken.
    var afterFirstLine: [UInt8]?
    while let byte = try nextByte() {
      size += 1
      if byte == 0x0A {
        line += 1
        if inQuotes, afterFirstLine == nil {
          afterFirstLine = []
          field.append(byte)
          continue
        }
      }
      afterFirstLine?.append(byte)
      if size > Self.recordLimit {
        // Still on the record's first line: the rest of that line is part of the rejected row.
        if afterFirstLine == nil, byte != 0x0A {
          while let skipped = try nextByte(), skipped != 0x0A {}
        }
        return resume(after: startLine, replaying: afterFirstLine ?? [], rest: true)
      }
      if inQuotes {
        if byte == UInt8(ascii: "\"") {
          if try peekByte() == UInt8(ascii: "\"") {
            _ = try nextByte()
            size += 1
            afterFirstLine?.append(byte)
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
        field.reserveCapacity(64)
      case 0x0A:
        if field.last == 0x0D { field.removeLast() }
        fields.append(field)
        return Record(line: startLine, fields: fields, truncated: false)
      default:
        field.append(byte)
      }
    }
    if inQuotes, let afterFirstLine { return resume(after: startLine, replaying: afterFirstLine, rest: false) }
    if field.last == 0x0D, !inQuotes { field.removeLast() }
    fields.append(field)
    return Record(line: startLine, fields: fields, truncated: inQuotes)
  }

}
