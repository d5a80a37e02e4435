import Dispatch
import Foundation

/// Reads the records of one audit file, whatever its format, in one streaming pass. Each row comes
/// out as a decoded record or as a rejection with its line and reason; nothing is skipped silently.
/// Audit CSVs are cut into chunks of whole records parsed on `jobs` threads; the rows still come
/// out one at a time, in file order, exactly as reading on one thread gives them.
public struct AuditFileReader {
  public enum Row: Sendable {
    case record(ReadRecord, line: Int)
    case rejected(line: Int, reason: String)
  }

  /// A record with what the ingest needs to know about it, worked out where it was parsed. A class:
  /// handing a row on copies one reference, not the record's twenty strings.
  public final class ReadRecord: Sendable {
    public let record: AuditRecord
    let key: AuditIngest.ExactID
    public let effect: SharingOperations.Effect?
    /// For sharing records: what the link builder works out from the record alone.
    let prepared: LinkBuilder.Prepared?

    init(_ record: consuming AuditRecord) {
      key = AuditIngest.ExactID(record.id)
      let effect = SharingOperations.effect(of: record)
      self.effect = effect
      if let effect {
        prepared = LinkBuilder.Prepared(record, effect: effect)
      } else {
        prepared = nil
      }
      self.record = record
    }

    /// The same record at another time (read from the date column once its order is known).
    func at(_ time: Int64) -> ReadRecord {
      var record = record
      record.time = time
      return ReadRecord(record)
    }
  }

  public var path: String
  public var format: InputFormat
  /// Called now and then with the bytes of the file read so far and the rows.
  public var progress: ((_ bytes: Int64, _ rows: Int) -> Void)?
  /// Threads that parse an audit CSV; 1 parses it on the calling thread.
  public var jobs = 1
  /// Cut CSV files into chunks of whole records (false: `CSVRecordReader` reads every record, the
  /// reference the chunked reading is tested against).
  var chunked = true
  /// The size CSV chunks are cut at. 1 MB chunks with `jobs + 2` in flight took the same time as
  /// 2 MB chunks with `jobs + 1` and 8 MB less memory (BENCHMARKS.md).
  public var chunkSize = Self.defaultChunkSize
  public static let defaultChunkSize = 1 << 20

  public init(path: String, format: InputFormat) {
    self.path = path
    self.format = format
  }

  /// What reading a file found beside its rows.
  public struct Outcome {
    /// How the file writes dates in its date column (for the ambiguity warning).
    public var dateStyle: DateColumnStyle
    /// The file is damaged after its last row read (corrupt or cut-off gzip data).
    public var damage: String?
    public var notes: [String]
    /// Time spent waiting for the file's bytes.
    public var readingSeconds: Double
  }

  /// Reads every row.
  public func read(_ visit: (Row) -> Void) throws(ShareLensError) -> Outcome {
    var style = DateColumnStyle()
    let reader = try ByteReader(path: path)
    var rows = 0
    let visit: (Row) -> Void = { row in
      visit(row)
      rows += 1
      if rows % 20_000 == 0 { progress?(reader.consumed, rows) }
    }
    switch format {
    case .purviewCSV, .purviewClassicCSV, .powerShellCSV, .sentinelCSV:
      try readCSV(reader, style: &style, visit)
    default:
      try readJSON(reader, style: &style, visit)
    }
    return Outcome(
      dateStyle: style, damage: reader.problem, notes: reader.notes,
      readingSeconds: Double(reader.readingNanoseconds) / 1e9)
  }

  // MARK: CSV

  /// Which column holds what, by header name (never by position).
  struct Columns {
    var auditData: Int?
    var id: Int?
    var date: Int?
    var operation: Int?
    var userId: Int?
    var recordType: Int?

    init(header: [String]) {
      let names = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
      func column(_ candidates: String...) -> Int? {
        for candidate in candidates { if let index = names.firstIndex(of: candidate) { return index } }
        return nil
      }
      auditData = column("auditdata")
      id = column("recordid", "identity", "officeid", "sourcerecordid")
      date = column("creationdate", "timegenerated", "timegenerated [utc]")
      operation = column("operation", "operations")
      userId = column("userid", "userids")
      recordType = column("recordtype")
    }
  }

  /// Sentinel's OfficeActivity columns that carry AuditData fields under other names, in the order
  /// they are tried.
  static let sentinelPrecedence: [(String, String)] = [
    ("officeid", "Id"), ("sourcerecordid", "Id"), ("timegenerated", "CreationTime"),
    ("timegenerated [utc]", "CreationTime"),
    ("officeobjectid", "ObjectId"), ("site_url", "SiteUrl"), ("officeworkload", "Workload"),
    ("event_data", "EventData"),
  ]

  static let sentinelNames = Dictionary(sentinelPrecedence, uniquingKeysWith: { first, _ in first })

  func readCSV(_ reader: ByteReader, style: inout DateColumnStyle, _ visit: (Row) -> Void) throws(ShareLensError) {
    var records = CSVRecordReader(reader)
    guard let columnNames = try records.header() else { return }
    let columns = Columns(header: columnNames)
    var rows = AuditCSVRows(columnCount: columnNames.count, columns: columns)
    /// A row of a chunk whose first line is `base` + 1 (its lines count from 1).
    func deliver(_ parsed: AuditCSVRows.Parsed, base: Int = 0) {
      switch parsed {
      case .row(.record(let read, let line)): visit(.record(read, line: base + line))
      case .row(.rejected(let line, let reason)): visit(.rejected(line: base + line, reason: reason))
      case .needsDate(let read, let date, let line):
        guard let time = style.parse(date) else {
          visit(.rejected(line: base + line, reason: Self.reason(.badTime(date))))
          return
        }
        visit(.record(read.at(time), line: base + line))
      }
    }
    // Chunks while the file allows; after a broken quote or an oversized record, the record reader
    // reads on until it has rejected that row, then chunks take over again.
    let chunks = chunked && format != .sentinelCSV
    reading: while true {
      if chunks {
        var (pending, line) = records.remainder()
        let chunker = CSVChunker(reader, pending: pending, targetSize: chunkSize)
        pending = []
        // Chunks parse on other threads while this one reads ahead and hands out the rows in order;
        // each chunk's lines are counted from 1 where it is parsed and placed here.
        var inFlight: [ParsedChunk] = []
        let window = jobs + 2
        let workers = jobs > 1 ? WorkerThreads(count: jobs) : nil
        defer { workers?.finish() }
        func handOut(_ chunk: ParsedChunk) {
          chunk.done.wait()
          for parsed in chunk.rows { deliver(parsed, base: line - 1) }
          line += chunk.lineBreaks
          // The chunk's records are freed by the thread that made them (see `WorkerThreads`); this
          // one has the rows to hand out.
          workers?.run(on: chunk.lane) { chunk.rows = [] }
        }
        var rest: [UInt8]?
        while rest == nil, let piece = try chunker.next() {
          switch piece {
          case .chunk(let bytes) where workers == nil:
            let (rows, lineBreaks) = rows.parse(chunk: bytes, firstLine: line)
            for parsed in rows { deliver(parsed) }
            line += lineBreaks
          case .chunk(let bytes):
            let chunk = ParsedChunk()
            let template = rows
            workers?.runOnAny { lane in
              chunk.lane = lane
              var parser = template
              (chunk.rows, chunk.lineBreaks) = parser.parse(chunk: bytes, firstLine: 1)
              chunk.done.signal()
            }
            inFlight.append(chunk)
            if inFlight.count >= window { handOut(inFlight.removeFirst()) }
          case .rest(let bytes):
            rest = bytes
          }
        }
        while !inFlight.isEmpty { handOut(inFlight.removeFirst()) }
        guard let rest else { return }
        // A broken quote or an oversized record: the record reader takes it from there.
        records = CSVRecordReader(reader, pending: rest, line: line)
      }
      while let record = try records.next() {
        if record.oversized || (record.truncated && record.fields.isEmpty) {
          visit(
            .rejected(
              line: record.line,
              reason: "a quote opened in this row never closes; the rows after it were read on their own"))
          if chunks { continue reading }
          continue
        }
        if record.truncated {
          visit(.rejected(line: record.line, reason: "the file ends inside this row: it is truncated"))
          continue
        }
        guard record.fields.count == columnNames.count else {
          let reason =
            record.fields.count < columnNames.count
            ? "the row has \(record.fields.count) of the header's \(columnNames.count) columns"
            : "the row has \(record.fields.count) fields but the header \(columnNames.count) (a comma outside quotes?)"
          visit(.rejected(line: record.line, reason: reason))
          continue
        }
        if format == .sentinelCSV {
          visit(decodeSentinelRow(record, header: columnNames, columns: columns, style: &style))
        } else if let parsed = rows.decode(record) {
          deliver(parsed)
        }
      }
      return
    }
  }

  /// One chunk's rows, filled in by the thread that parses it.
  final class ParsedChunk: @unchecked Sendable {
    let done = DispatchSemaphore(value: 0)
    /// The worker thread that parsed it, which frees its records.
    var lane = 0
    var rows: [AuditCSVRows.Parsed] = []
    var lineBreaks = 0
  }

  /// Sentinel's OfficeActivity table: AuditData's fields are columns of their own.
  func decodeSentinelRow(
    _ record: CSVRecordReader.Record, header: [String], columns: Columns, style: inout DateColumnStyle
  ) -> Row {
    var data: [String: Any] = [:]
    for (index, name) in header.enumerated() {
      let key = Self.sentinelNames[name.lowercased()] ?? name
      if data[key] == nil { data[key] = String(decoding: record.fields[index], as: UTF8.self) }
    }
    // Sentinel writes TimeGenerated in the exporting machine's format: read it as a date column.
    if let time = data["CreationTime"] as? String, AuditTime.parseISO(time) == nil { data["CreationTime"] = nil }
    func field(_ index: Int?) -> String? {
      guard let index else { return nil }
      return String(decoding: record.fields[index], as: UTF8.self)
    }
    let envelope = AuditRecordDecoder.Envelope(
      id: field(columns.id), date: field(columns.date), operation: field(columns.operation),
      userId: field(columns.userId), recordType: field(columns.recordType))
    return row(data, envelope: envelope, line: record.line, style: &style)
  }

  func row(_ data: [String: Any], envelope: AuditRecordDecoder.Envelope, line: Int, style: inout DateColumnStyle) -> Row
  {
    row(AuditFields(data), envelope: envelope, line: line, style: &style)
  }

  func row(_ data: AuditFields, envelope: AuditRecordDecoder.Envelope, line: Int, style: inout DateColumnStyle) -> Row {
    switch AuditRecordDecoder.decode(data, envelope: envelope, dateStyle: &style) {
    case .success(let record): return .record(ReadRecord(record), line: line)
    case .failure(let failure): return .rejected(line: line, reason: Self.reason(failure))
    }
  }

  static func reason(_ failure: AuditRecordDecoder.Failure) -> String {
    switch failure {
    case .missing(let field): return "no \(field) in the record"
    case .badTime(let text): return "unreadable time \(Self.shortened(text))"
    }
  }

  // MARK: JSON

  func readJSON(_ reader: ByteReader, style: inout DateColumnStyle, _ visit: (Row) -> Void) throws(ShareLensError) {
    let elements = JSONRecordReader(reader)
    var envelopeProblem: (line: Int, reason: String)?
    while let element = try elements.next() {
      switch element {
      case .scalar(let line):
        visit(.rejected(line: line, reason: "a JSON value that is not a record object"))
      case .object(let line, let bytes):
        // Management API records are AuditData itself: the fast scanner reads most of them.
        if format == .managementAPIJSON, let fields = AuditDataScanner.scan(bytes) {
          visit(row(fields, envelope: .init(), line: line, style: &style))
          continue
        }
        switch Self.decodeObject(bytes) {
        case .failure(let why): visit(.rejected(line: line, reason: why.message))
        case .success(let object):
          // Graph and OData wrap the records: `{"value": [ … ]}`.
          if let wrapped = object["value"] as? [Any], object["Operation"] == nil, object["auditData"] == nil {
            for element in wrapped {
              guard let record = element as? [String: Any] else {
                visit(.rejected(line: line, reason: "a JSON value that is not a record object"))
                continue
              }
              visit(decodeJSONRecord(record, line: line, style: &style))
            }
          } else {
            visit(decodeJSONRecord(object, line: line, style: &style))
          }
        }
      }
    }
    if let problem = elements.problem {
      envelopeProblem = (elements.line, problem)
    }
    if let (line, reason) = envelopeProblem {
      visit(
        .rejected(line: line, reason: "the JSON stops being valid here (\(reason)); the rest of the file was not read"))
    }
  }

  func decodeJSONRecord(_ object: [String: Any], line: Int, style: inout DateColumnStyle) -> Row {
    let text = AuditFields.text
    switch format {
    case .extractorJSON:
      let inner: [String: Any]
      switch object["AuditData"] {
      case let nested as [String: Any]: inner = nested
      case let string as String:
        switch Self.decodeObject(Array(string.utf8)) {
        case .success(let nested): inner = nested
        case .failure(let why): return .rejected(line: line, reason: why.message)
        }
      default: return .rejected(line: line, reason: "no AuditData in the record")
      }
      let envelope = AuditRecordDecoder.Envelope(
        id: text(object["RecordId"]) ?? text(object["Identity"]) ?? text(object["Id"]),
        date: text(object["CreationDate"]) ?? text(object["CreationTime"]),
        operation: text(object["Operation"]) ?? text(object["Operations"]),
        userId: text(object["UserId"]) ?? text(object["UserIds"]), recordType: text(object["RecordType"]))
      return row(inner, envelope: envelope, line: line, style: &style)
    case .graphAuditJSON:
      guard let inner = object["auditData"] as? [String: Any] else {
        return .rejected(line: line, reason: "no auditData object in the record")
      }
      let envelope = AuditRecordDecoder.Envelope(
        id: text(object["id"]), date: text(object["createdDateTime"]), operation: text(object["operation"]),
        userId: text(object["userPrincipalName"]) ?? text(object["userId"]),
        recordType: text(object["auditLogRecordType"]))
      return row(inner, envelope: envelope, line: line, style: &style)
    case .sentinelJSON:
      // Renamed columns are applied in a fixed order, the first present winning (OfficeId before
      // SourceRecordId), so the same record always gets the same id.
      let keys = object.keys.sorted()
      var data: [String: Any] = [:]
      for key in keys where Self.sentinelNames[key.lowercased()] == nil { data[key] = object[key] }
      for (column, field) in Self.sentinelPrecedence where data[field] == nil {
        if let key = keys.first(where: { $0.lowercased() == column }), !(object[key] is NSNull) {
          data[field] = object[key]
        }
      }
      // TimeGenerated in the exporting machine's format is read like a date column.
      var envelope = AuditRecordDecoder.Envelope()
      if let time = data["CreationTime"].flatMap(AuditFields.text), AuditTime.parseISO(time) == nil {
        data["CreationTime"] = nil
        envelope.date = time
      }
      return row(data, envelope: envelope, line: line, style: &style)
    default:
      return row(object, envelope: .init(), line: line, style: &style)
    }
  }

  // MARK: Shared

  enum DecodeFailure: Error {
    case invalid(String)
    var message: String {
      switch self {
      case .invalid(let why): return why
      }
    }
  }

  /// A JSON object from bytes (AuditData is JSON inside a CSV field, sometimes inside JSON again),
  /// or why it is not one.
  static func decodeObject(_ bytes: [UInt8]) -> Result<[String: Any], DecodeFailure> {
    let trimmed = bytes.drop { $0 == 0x20 || $0 == 0x09 }
    guard !trimmed.isEmpty else { return .failure(.invalid("AuditData is empty")) }
    guard let parsed = try? JSONSerialization.jsonObject(with: Data(trimmed)) else {
      let text = String(decoding: bytes.suffix(24), as: UTF8.self)
      let ending = bytes.last == UInt8(ascii: "}") ? "" : ", and it does not end with } (cut off?)"
      return .failure(.invalid("AuditData is not valid JSON\(ending): …\(shortened(text))"))
    }
    guard let object = parsed as? [String: Any] else { return .failure(.invalid("AuditData is not a JSON object")) }
    return .success(object)
  }

  /// Data quoted in a reason is cut to a readable length.
  static func shortened(_ text: String, limit: Int = 60) -> String {
    let flat = text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    return flat.count <= limit ? "'\(flat)'" : "'\(flat.prefix(limit))…'"
  }
}
