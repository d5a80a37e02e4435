import Foundation

/// Turns one decoded AuditData object (plus the export's own columns, when it has them) into an
/// `AuditRecord`. Lenient about types (numbers as strings, booleans as "True", `\/` escapes are
/// already gone after JSON decoding), strict about what the report cannot do without: an id, a
/// time and an operation.
public enum AuditRecordDecoder {
  /// The export's columns for one row (all optional; AuditData wins where both exist).
  public struct Envelope {
    public var id: String?
    public var date: String?
    public var operation: String?
    public var userId: String?
    public var recordType: String?

    public init(
      id: String? = nil, date: String? = nil, operation: String? = nil, userId: String? = nil, recordType: String? = nil
    ) {
      self.id = id
      self.date = date
      self.operation = operation
      self.userId = userId
      self.recordType = recordType
    }

    /// An export column the envelope can hold.
    public enum Column { case id, date, operation, userId, recordType }

    /// The columns `decode` reads for these AuditData fields, and only those: a column is looked
    /// at only where AuditData lacks the field, so most rows turn no column into text.
    public init(for fields: AuditFields, column: (Column) -> String?) {
      if nonEmpty(fields[.id]) == nil { id = column(.id) }
      if nonEmpty(fields[.creationTime]) == nil { date = column(.date) }
      if nonEmpty(fields[.operation]) == nil { operation = column(.operation) }
      if fields[.userId] == nil { userId = column(.userId) }
      if fields[.recordType] == nil { recordType = column(.recordType) }
    }
  }

  public enum Failure: Error, Equatable {
    case missing(String)
    case badTime(String)
  }

  /// - Parameter dateStyle: how the file writes dates in its date column, learned row by row.
  public static func decode(
    _ data: [String: Any], envelope: Envelope, dateStyle: inout DateColumnStyle
  ) -> Result<AuditRecord, Failure> {
    decode(AuditFields(data), envelope: envelope, dateStyle: &dateStyle)
  }

  public static func decode(
    _ fields: AuditFields, envelope: Envelope, dateStyle: inout DateColumnStyle
  ) -> Result<AuditRecord, Failure> {
    var columnDate: String?
    do throws(Failure) {
      var record = try record(fields, envelope: envelope, columnDate: &columnDate)
      if let date = columnDate {
        guard let time = dateStyle.parse(date) else { return .failure(.badTime(date)) }
        record.time = time
      }
      return .success(record)
    } catch {
      return .failure(error)
    }
  }

  /// Decodes everything but a date-column time, which is left in `columnDate`: that must be read
  /// in row order, since the column's day/month order is learned from the rows before. (A record
  /// returned, not wrapped in a result: taking it out of one copied its twenty strings.)
  public static func record(
    _ fields: consuming AuditFields, envelope: Envelope, columnDate: inout String?
  ) throws(Failure) -> AuditRecord {
    var fields = fields
    return try record(taking: &fields, envelope: envelope, columnDate: &columnDate)
  }

  /// `record`, taking the values it keeps out of `fields` and leaving the rest (a parsing thread
  /// clears and reuses one value for every record instead of allocating one per record).
  static func record(
    taking fields: inout AuditFields, envelope: Envelope, columnDate: inout String?
  ) throws(Failure) -> AuditRecord {
    guard let id = nonEmpty(fields[.id]) ?? nonEmpty(envelope.id) else { throw .missing("Id") }
    guard let operation = nonEmpty(fields[.operation]) ?? nonEmpty(envelope.operation) else {
      throw .missing("Operation")
    }
    var time: Int64 = 0
    columnDate = nil
    if let creation = nonEmpty(fields[.creationTime]) {
      guard let parsed = AuditTime.parseISO(creation) else { throw .badTime(creation) }
      time = parsed
    } else if let date = nonEmpty(envelope.date?.trimmingCharacters(in: .whitespaces)) {
      columnDate = date
    } else {
      throw .missing("CreationTime")
    }
    var record = AuditRecord(id: ASCIIText.lowercased(id), time: time, operation: operation)
    // Each value is moved out of the fields, not copied.
    record.recordType = fields.take(.recordType) ?? envelope.recordType ?? ""
    record.userId = fields.take(.userId) ?? envelope.userId ?? ""
    record.workload = fields.take(.workload) ?? ""
    record.objectId = fields.take(.objectId) ?? ""
    record.siteUrl = fields.take(.siteUrl) ?? ""
    record.sourceRelativeUrl = fields.take(.sourceRelativeUrl) ?? ""
    record.sourceFileName = fields.take(.sourceFileName) ?? ""
    record.listItemUniqueId = ASCIIText.lowercased(fields.take(.listItemUniqueId) ?? "")
    record.uniqueSharingId = ASCIIText.lowercased(fields.take(.uniqueSharingId) ?? "")
    record.eventData = fields.take(.eventData) ?? ""
    record.targetUserOrGroupName = fields.take(.targetUserOrGroupName) ?? ""
    record.targetUserOrGroupType = fields.take(.targetUserOrGroupType) ?? ""
    record.userAgent = fields.take(.userAgent) ?? ""
    record.applicationName = nonEmpty(fields.take(.applicationDisplayName)) ?? fields.contextClientAppName.take() ?? ""
    record.correlationId = ASCIIText.lowercased(fields.take(.correlationId) ?? fields.contextCorrelationId.take() ?? "")
    record.itemType = fields.take(.itemType) ?? ""
    record.sharingLinkScope = fields.take(.sharingLinkScope) ?? ""
    if let values = fields.newValues.take() {
      record.modifiedGroupNames = values.filter { $0.hasPrefix("SharingLinks.") }
    }
    return record
  }

  static func nonEmpty(_ value: String?) -> String? {
    guard let value, !value.isEmpty else { return nil }
    return value
  }
}
