import Foundation

/// Reads every audit file once, in path order: removes duplicate records across files (overlapping
/// exports are normal), accounts for every record, and rebuilds the links.
public struct AuditIngest {
  public struct Result: Sendable {
    public var files: [InputFile]
    public var links: [SharingLink]
    public var anonymousVisitors: Int
    /// Time spent waiting for the audit files' bytes, for `--timings`.
    public var readingSeconds: Double
  }

  /// A GUID record id in 16 bytes.
  struct RecordKey: Hashable, Sendable {
    var high: UInt64
    var low: UInt64

    init(high: UInt64, low: UInt64) {
      self.high = high
      self.low = low
    }

    /// nil when `id` is not a GUID.
    init?(guid id: String) {
      guard let guid = Self.guid(id) else { return nil }
      (high, low) = guid
    }

    static func guid(_ text: String) -> (UInt64, UInt64)? {
      ASCIIText.withBytes(of: text) { bytes in
        guard bytes.count == 36 else { return nil }
        var words: (UInt64, UInt64) = (0, 0)
        var digits = 0
        for index in 0..<36 {
          let byte = bytes[index]
          if index == 8 || index == 13 || index == 18 || index == 23 {
            guard byte == UInt8(ascii: "-") else { return nil }
            continue
          }
          let value: UInt64
          switch byte {
          case 0x30...0x39: value = UInt64(byte - 0x30)
          case 0x61...0x66: value = UInt64(byte - 0x61 + 10)
          case 0x41...0x46: value = UInt64(byte - 0x41 + 10)
          default: return nil
          }
          if digits < 16 { words.0 = words.0 << 4 | value } else { words.1 = words.1 << 4 | value }
          digits += 1
        }
        return words
      }
    }
  }

  /// An id as it is: a GUID in 16 bytes, any other id as its text. Never a hash of the text, so
  /// two different ids can never be taken for one (a record for a duplicate, a share for another).
  enum ExactID: Hashable, Sendable {
    case guid(RecordKey)
    case text(String)

    init(_ id: String) {
      self = RecordKey(guid: id).map(Self.guid) ?? .text(id)
    }
  }

  /// The Purview portal and `Search-UnifiedAuditLog -SessionCommand ReturnLargeSet` stop here.
  public static let exportRowLimit = 50_000

  /// - Parameters:
  ///   - jobs: threads that parse an audit CSV (the result is the same for any number).
  ///   - progress: told the file being read, the bytes read of it and its rows, now and then.
  public static func run(
    _ files: [InputFile], jobs: Int = 1, progress: ((_ file: InputFile, _ bytes: Int64, _ rows: Int) -> Void)? = nil
  ) throws(ShareLensError) -> Result {
    try run(files, jobs: jobs, chunkSize: AuditFileReader.defaultChunkSize, chunked: true, progress: progress)
  }

  /// `chunkSize` and `chunked` set how audit CSVs are cut up (see `AuditFileReader`); tests vary them.
  static func run(
    _ files: [InputFile], jobs: Int, chunkSize: Int, chunked: Bool,
    progress: ((_ file: InputFile, _ bytes: Int64, _ rows: Int) -> Void)?
  ) throws(ShareLensError) -> Result {
    var seen = RecordKeySet()
    /// Ids that are not GUIDs (real audit ids are), kept as text.
    var seenText = Set<String>()
    var readingSeconds = 0.0
    var builder = LinkBuilder()
    var result = files
    for index in result.indices where result[index].isUsed && result[index].format?.role == .audit {
      var file = result[index]
      var account = AuditAccount()
      var reader = AuditFileReader(path: file.location, format: file.format!)
      reader.jobs = jobs
      reader.chunkSize = chunkSize
      reader.chunked = chunked
      let current = file
      reader.progress = progress.map { report in { bytes, rows in report(current, bytes, rows) } }
      let outcome = try reader.read { row in
        switch row {
        case .rejected(let line, let reason):
          account.reject(line: line, reason)
        case .record(let read, _):
          let fresh =
            switch read.key {
            case .guid(let key): seen.insert(key)
            case .text(let id): seenText.insert(id).inserted
            }
          guard fresh else {
            account.duplicates += 1
            return
          }
          account.saw(read.record.time)
          if let effect = read.effect, let prepared = read.prepared {
            account.sharing += 1
            builder.add(read.record, effect: effect, prepared: prepared)
          } else {
            account.other += 1
          }
        }
      }
      readingSeconds += outcome.readingSeconds
      if let warning = outcome.dateStyle.ambiguityWarning { file.warnings.append(warning) }
      file.warnings += outcome.notes
      if let damage = outcome.damage {
        account.damage = damage
        file.warnings.append("\(damage) after the last row read: the rest of the file could not be read")
      }
      if file.format!.isCSV, account.records == exportRowLimit {
        file.warnings.append(
          "exactly \(Format.count(exportRowLimit)) rows: the export probably stopped at the portal or cmdlet limit, so later records are missing"
        )
      }
      file.records = account.records
      file.audit = account
      if account.rejected > 0 {
        file.warnings.append(
          "\(Format.count(account.rejected)) \(account.rejected == 1 ? "row was" : "rows were") rejected")
      }
      result[index] = file
    }
    Memory.releaseFreed()
    let links = builder.finish()
    Memory.releaseFreed()
    return Result(
      files: result, links: links, anonymousVisitors: builder.distinctAnonymousVisitors,
      readingSeconds: readingSeconds)
  }
}
