/// The fields of one audit record that the report uses, decoded leniently from any export format.
public struct AuditRecord: Sendable, Equatable {
  /// `Id` (= RecordId / Identity / OfficeId): the key duplicates are removed on.
  public var id: String
  /// Seconds since 1970, UTC.
  public var time: Int64
  public var operation: String
  public var recordType: String = ""
  public var userId: String = ""
  public var workload: String = ""
  public var objectId: String = ""
  public var siteUrl: String = ""
  public var sourceRelativeUrl: String = ""
  public var sourceFileName: String = ""
  public var listItemUniqueId: String = ""
  public var uniqueSharingId: String = ""
  public var eventData: String = ""
  public var targetUserOrGroupName: String = ""
  public var targetUserOrGroupType: String = ""
  public var userAgent: String = ""
  /// `ApplicationDisplayName`, or `AppAccessContext.ClientAppName`.
  public var applicationName: String = ""
  public var correlationId: String = ""
  public var itemType: String = ""
  /// `SharingLinkScope` on the newer `SharingLink*` records.
  public var sharingLinkScope: String = ""
  /// `SharingLinks.<item>.<Kind>.<link>` names from `ModifiedProperties` (GroupAdded).
  public var modifiedGroupNames: [String] = []

  public init(id: String, time: Int64, operation: String) {
    self.id = id
    self.time = time
    self.operation = operation
  }
}
