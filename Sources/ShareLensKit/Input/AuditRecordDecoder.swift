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
  }

  public enum Failure: Error, Equatable {
    case missing(String)
    case badTime(String)
  }

  /// - Parameter dateStyle: how the file writes dates in its date column, learned row by row.
  public static func decode(
    _ data: [String: Any], envelope: Envelope, dateStyle: inout DateColumnStyle
  ) -> Result<AuditRecord, Failure> {
    guard let id = nonEmpty(string(data["Id"])) ?? nonEmpty(envelope.id) else { return .failure(.missing("Id")) }
    guard let operation = nonEmpty(string(data["Operation"])) ?? nonEmpty(envelope.operation) else {
      return .failure(.missing("Operation"))
    }
    let time: Int64
    if let creation = nonEmpty(string(data["CreationTime"])) {
      guard let parsed = AuditTime.parseISO(creation) else { return .failure(.badTime(creation)) }
      time = parsed
    } else if let date = nonEmpty(envelope.date?.trimmingCharacters(in: .whitespaces)) {
      guard let parsed = dateStyle.parse(date) else { return .failure(.badTime(date)) }
      time = parsed
    } else {
      return .failure(.missing("CreationTime"))
    }
    var record = AuditRecord(id: id.lowercased(), time: time, operation: operation)
    record.recordType = string(data["RecordType"]) ?? envelope.recordType ?? ""
    record.userId = string(data["UserId"]) ?? envelope.userId ?? ""
    record.workload = string(data["Workload"]) ?? ""
    record.objectId = string(data["ObjectId"]) ?? ""
    record.siteUrl = string(data["SiteUrl"]) ?? ""
    record.sourceRelativeUrl = string(data["SourceRelativeUrl"]) ?? ""
    record.sourceFileName = string(data["SourceFileName"]) ?? ""
    record.listItemUniqueId = (string(data["ListItemUniqueId"]) ?? "").lowercased()
    record.uniqueSharingId = (string(data["UniqueSharingId"]) ?? "").lowercased()
    record.eventData = string(data["EventData"]) ?? ""
    record.targetUserOrGroupName = string(data["TargetUserOrGroupName"]) ?? ""
    record.targetUserOrGroupType = string(data["TargetUserOrGroupType"]) ?? ""
    record.userAgent = string(data["UserAgent"]) ?? ""
    let context = data["AppAccessContext"] as? [String: Any]
    record.applicationName = nonEmpty(string(data["ApplicationDisplayName"])) ?? string(context?["ClientAppName"]) ?? ""
    record.correlationId = (string(data["CorrelationId"]) ?? string(context?["CorrelationId"]) ?? "").lowercased()
    record.itemType = string(data["ItemType"]) ?? ""
    record.sharingLinkScope = string(data["SharingLinkScope"]) ?? ""
    if let properties = data["ModifiedProperties"] as? [[String: Any]] {
      record.modifiedGroupNames = properties.compactMap { string($0["NewValue"]) }.filter {
        $0.hasPrefix("SharingLinks.")
      }
    }
    return .success(record)
  }

  /// Strings as they are; numbers and booleans as their text (`14`, `true`).
  static func string(_ value: Any?) -> String? {
    switch value {
    case let text as String: return text
    case let number as NSNumber:
      if String(cString: number.objCType) == "c" { return number.boolValue ? "true" : "false" }
      return number.stringValue
    default: return nil
    }
  }

  static func nonEmpty(_ value: String?) -> String? {
    guard let value, !value.isEmpty else { return nil }
    return value
  }
}
