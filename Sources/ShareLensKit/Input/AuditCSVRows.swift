/// Turns the rows of an audit CSV (the Purview layouts and PowerShell's) into records, either from
/// a chunk of whole records (fields are located in place; only AuditData is copied, to undo the
/// CSV quoting) or from one record of `CSVRecordReader`. Both give the same rows for the same
/// bytes. One value per thread: it reuses its buffers.
struct AuditCSVRows {
  /// One row's outcome. A time from the export's date column is read afterwards, in row order.
  enum Parsed: Sendable {
    case row(AuditFileReader.Row)
    case needsDate(AuditFileReader.ReadRecord, date: String, line: Int)
  }

  /// A field's raw bytes in the chunk. `quoted`: it holds quote characters, so its text needs
  /// the CSV quoting undone; `dropsCarriageReturn`: the record's last field, whose text loses a
  /// final carriage return (a CRLF line end).
  struct Field {
    var start: Int
    var end: Int
    var quoted: Bool
    var dropsCarriageReturn: Bool
  }

  let columnCount: Int
  let columns: AuditFileReader.Columns
  private var fields: [Field] = []
  /// A field's unquoted text, in its first bytes (the array only grows).
  private var scratch: [UInt8] = []
  /// The AuditData of the row being decoded, one value reused for every row.
  private var audit = AuditFields()

  init(columnCount: Int, columns: AuditFileReader.Columns) {
    self.columnCount = columnCount
    self.columns = columns
  }

  /// Every record of a chunk of whole records, in order, and the count of line breaks in the chunk;
  /// blank lines give nothing.
  mutating func parse(chunk: [UInt8], firstLine: Int) -> (rows: [Parsed], lineBreaks: Int) {
    var lineBreaks = 0
    var rows: [Parsed] = []
    rows.reserveCapacity(chunk.count / 1024 + 1)
    chunk.withUnsafeBufferPointer { bytes in
      var index = 0
      var line = firstLine
      while index < bytes.count {
        let recordLine = line
        fields.removeAll(keepingCapacity: true)
        var fieldStart = index
        var quoted = false
        var inQuotes = false
        var ended = false
        // AuditData read in place where it starts a field (see `AuditDataScanner.scanQuotedField`).
        var prescanned = false
        func scanAuditData() {
          guard fields.count == columns.auditData,
            let scanned = AuditDataScanner.scanQuotedField(bytes, at: index, into: &audit)
          else { return }
          fields.append(Field(start: index, end: scanned.end, quoted: true, dropsCarriageReturn: false))
          prescanned = true
          line += scanned.lineBreaks
          index = scanned.end + 1
          fieldStart = index
        }
        scanAuditData()
        // `""` inside quotes leaves and re-enters them, which is all the splitting needs.
        while index < bytes.count {
          if inQuotes {
            // Inside quotes only a quote or a line break matters.
            index = SWAR.firstIndex(of: UInt8(ascii: "\""), or: 0x0A, in: bytes, from: index)
            guard index < bytes.count else { break }
          }
          let byte = bytes[index]
          index += 1
          if inQuotes {
            if byte == UInt8(ascii: "\"") {
              inQuotes = false
            } else {
              line += 1
            }
            continue
          }
          if byte == UInt8(ascii: "\"") {
            inQuotes = true
            quoted = true
          } else if byte == UInt8(ascii: ",") {
            fields.append(Field(start: fieldStart, end: index - 1, quoted: quoted, dropsCarriageReturn: false))
            fieldStart = index
            quoted = false
            scanAuditData()
          } else if byte == 0x0A {
            line += 1
            ended = true
            break
          }
        }
        // An unquoted last field loses its carriage return here, a quoted one once unquoted.
        var last = Field(start: fieldStart, end: ended ? index - 1 : index, quoted: quoted, dropsCarriageReturn: quoted)
        if !quoted, last.end > last.start, bytes[last.end - 1] == 0x0D { last.end -= 1 }
        fields.append(last)
        if let row = decode(bytes, line: recordLine, prescanned: prescanned) { rows.append(row) }
      }
      lineBreaks = line - firstLine
    }
    return (rows, lineBreaks)
  }

  /// A record read by `CSVRecordReader` (its fields already unquoted).
  mutating func decode(_ record: CSVRecordReader.Record) -> Parsed? {
    var joined: [UInt8] = []
    joined.reserveCapacity(record.fields.reduce(0) { $0 + $1.count })
    fields.removeAll(keepingCapacity: true)
    for field in record.fields {
      fields.append(
        Field(start: joined.count, end: joined.count + field.count, quoted: false, dropsCarriageReturn: false))
      joined += field
    }
    return joined.withUnsafeBufferPointer { decode($0, line: record.line, prescanned: false) }
  }

  /// The current `fields` as a row; nil for a blank line.
  /// - Parameter prescanned: AuditData was read in place into `audit`; otherwise it is read here.
  private mutating func decode(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, prescanned: Bool) -> Parsed? {
    if fields.count == 1, unquote(fields[0], in: bytes) == 0 { return nil }
    guard fields.count == columnCount else {
      let reason =
        fields.count < columnCount
        ? "the row has \(fields.count) of the header's \(columnCount) columns"
        : "the row has \(fields.count) fields but the header \(columnCount) (a comma outside quotes?)"
      return .row(.rejected(line: line, reason: reason))
    }
    guard let auditIndex = columns.auditData else {
      return .row(.rejected(line: line, reason: "no AuditData column"))
    }
    if !prescanned {
      let auditCount = unquote(fields[auditIndex], in: bytes)
      if let scanned = scratch.withUnsafeBufferPointer({
        AuditDataScanner.scan(UnsafeBufferPointer(rebasing: $0[..<auditCount]))
      }) {
        audit = scanned
      } else {
        switch AuditFileReader.decodeObject(Array(scratch[..<auditCount])) {
        case .success(let object): audit = AuditFields(object)
        case .failure(let why): return .row(.rejected(line: line, reason: why.message))
        }
      }
    }
    func column(_ index: Int?) -> String? {
      guard let index else { return nil }
      let field = fields[index]
      if !field.quoted {
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[field.start..<field.end]), as: UTF8.self)
      }
      let count = unquote(field, in: bytes)
      return String(decoding: scratch[..<count], as: UTF8.self)
    }
    let envelope = AuditRecordDecoder.Envelope(for: audit) { wanted in
      switch wanted {
      case .id: column(columns.id)
      case .date: column(columns.date)
      case .operation: column(columns.operation)
      case .userId: column(columns.userId)
      case .recordType: column(columns.recordType)
      }
    }
    var columnDate: String?
    let read: AuditFileReader.ReadRecord
    do throws(AuditRecordDecoder.Failure) {
      read = AuditFileReader.ReadRecord(
        try AuditRecordDecoder.record(taking: &audit, envelope: envelope, columnDate: &columnDate))
    } catch {
      return .row(.rejected(line: line, reason: AuditFileReader.reason(error)))
    }
    if let date = columnDate { return .needsDate(read, date: date, line: line) }
    return .row(.record(read, line: line))
  }

  /// A field's text, as `CSVRecordReader` reads it, into `scratch`; returns its length. Outside
  /// quotes a quote opens them; inside, `""` is a quote and a lone quote closes them. The runs
  /// between quotes are copied whole.
  private mutating func unquote(_ field: Field, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    let raw = UnsafeBufferPointer(rebasing: bytes[field.start..<field.end])
    if scratch.count < raw.count { scratch = [UInt8](repeating: 0, count: max(raw.count, scratch.count * 2)) }
    let quote = UInt8(ascii: "\"")
    var length = scratch.withUnsafeMutableBufferPointer { out -> Int in
      guard let from = raw.baseAddress, let to = out.baseAddress else { return 0 }
      guard field.quoted else {
        to.update(from: from, count: raw.count)
        return raw.count
      }
      var count = 0
      var index = 0
      var inQuotes = false
      while index < raw.count {
        let end = SWAR.firstIndex(of: quote, or: quote, in: raw, from: index)
        (to + count).update(from: from + index, count: end - index)
        count += end - index
        guard end < raw.count else { break }
        index = end + 1
        if !inQuotes {
          inQuotes = true
        } else if index < raw.count, from[index] == quote {
          to[count] = quote
          count += 1
          index += 1
        } else {
          inQuotes = false
        }
      }
      return count
    }
    if field.dropsCarriageReturn, length > 0, scratch[length - 1] == 0x0D { length -= 1 }
    return length
  }
}
