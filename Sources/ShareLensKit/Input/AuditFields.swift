import Foundation

/// The AuditData fields the report reads, as text, from either reader: the one-pass scanner fills
/// them straight from the bytes; JSONSerialization's dictionaries (the fallback, and the JSON
/// exports) are converted by `init(_:)`. A field that is absent, null or not a scalar is nil.
public struct AuditFields: Sendable, Equatable {
  /// The top-level fields, indexed by `Key`.
  public var values: [String?] = Array(repeating: nil, count: Key.allCases.count)
  /// `AppAccessContext.ClientAppName` and `.CorrelationId`.
  public var contextClientAppName: String?
  public var contextCorrelationId: String?
  /// The `NewValue` strings of `ModifiedProperties`; nil when the record has no such list.
  public var newValues: [String]?

  public enum Key: Int, CaseIterable, Sendable {
    case id, creationTime, operation, recordType, userId, workload, objectId, siteUrl, sourceRelativeUrl
    case sourceFileName, listItemUniqueId, uniqueSharingId, eventData, targetUserOrGroupName
    case targetUserOrGroupType, userAgent, applicationDisplayName, correlationId, itemType, sharingLinkScope

    /// The field's name in AuditData.
    public var name: String {
      switch self {
      case .id: "Id"
      case .creationTime: "CreationTime"
      case .operation: "Operation"
      case .recordType: "RecordType"
      case .userId: "UserId"
      case .workload: "Workload"
      case .objectId: "ObjectId"
      case .siteUrl: "SiteUrl"
      case .sourceRelativeUrl: "SourceRelativeUrl"
      case .sourceFileName: "SourceFileName"
      case .listItemUniqueId: "ListItemUniqueId"
      case .uniqueSharingId: "UniqueSharingId"
      case .eventData: "EventData"
      case .targetUserOrGroupName: "TargetUserOrGroupName"
      case .targetUserOrGroupType: "TargetUserOrGroupType"
      case .userAgent: "UserAgent"
      case .applicationDisplayName: "ApplicationDisplayName"
      case .correlationId: "CorrelationId"
      case .itemType: "ItemType"
      case .sharingLinkScope: "SharingLinkScope"
      }
    }
  }

  public init() {}

  public subscript(key: Key) -> String? {
    get { values[key.rawValue] }
    set { values[key.rawValue] = newValue }
  }

  /// Every field nil again, keeping the storage (a parsing thread reuses one value for every record).
  public mutating func clear() {
    for index in values.indices where values[index] != nil { values[index] = nil }
    contextClientAppName = nil
    contextCorrelationId = nil
    newValues = nil
  }

  /// The field's value, moved out (the field is nil afterwards).
  public mutating func take(_ key: Key) -> String? { values[key.rawValue].take() }

  /// From a decoded JSON object (JSONSerialization's types).
  public init(_ object: [String: Any]) {
    for key in Key.allCases { self[key] = Self.text(object[key.name]) }
    let context = object["AppAccessContext"] as? [String: Any]
    contextClientAppName = Self.text(context?["ClientAppName"])
    contextCorrelationId = Self.text(context?["CorrelationId"])
    if let properties = object["ModifiedProperties"] as? [[String: Any]] {
      newValues = properties.compactMap { Self.text($0["NewValue"]) }
    }
  }

  /// Strings as they are; numbers and booleans as their text (`14`, `true`).
  static func text(_ value: Any?) -> String? {
    switch value {
    case let text as String: return text
    case let number as NSNumber:
      if String(cString: number.objCType) == "c" { return number.boolValue ? "true" : "false" }
      return number.stringValue
    default: return nil
    }
  }
}
