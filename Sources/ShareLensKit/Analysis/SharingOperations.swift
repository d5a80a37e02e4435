import Foundation

/// Which audit operations concern sharing, and what each one does to a link.
public enum SharingOperations {
  public enum Effect: Equatable, Sendable {
    case created(LinkScope?)
    case updated
    case removed(LinkScope?)
    case used(LinkScope?)
    /// Part of a share's record pattern (groups, permissions, inheritance) or of an access to shared content.
    case related
  }

  static let effects: [String: Effect] = [
    "AnonymousLinkCreated": .created(.anyone), "CompanyLinkCreated": .created(.organization),
    "SecureLinkCreated": .created(.specificPeople), "AddedToSecureLink": .created(.specificPeople),
    "SharingInvitationCreated": .created(.specificPeople), "SharingLinkCreated": .created(nil),
    "AddedToSharingLink": .created(nil),
    "AnonymousLinkUpdated": .updated, "CompanyLinkUpdated": .updated, "SecureLinkUpdated": .updated,
    "SharingLinkUpdated": .updated, "SharingInvitationUpdated": .updated,
    "AnonymousLinkRemoved": .removed(.anyone), "CompanyLinkRemoved": .removed(.organization),
    "SecureLinkDeleted": .removed(.specificPeople), "SharingLinkRemoved": .removed(nil),
    "SharingLinkDeleted": .removed(nil),
    "SharingInvitationRevoked": .removed(.specificPeople),
    "AnonymousLinkUsed": .used(.anyone), "CompanyLinkUsed": .used(.organization),
    "SecureLinkUsed": .used(.specificPeople),
    "SharingLinkUsed": .used(nil), "SharingInvitationAccepted": .used(.specificPeople),
    "SharingSet": .related, "SharingRevoked": .related, "SharingInheritanceBroken": .related,
    "SharingInheritanceReset": .related, "SharingPolicyChanged": .related, "SharingInvitationBlocked": .related,
    "RemovedFromSecureLink": .related, "RemovedFromSharingLink": .related, "AccessRequestCreated": .related,
    "AccessRequestAccepted": .related, "AccessRequestDenied": .related, "AccessRequestUpdated": .related,
    "WebMembersCanShareModified": .related,
  ]

  /// Group operations belong to sharing when they name a sharing-link group.
  static let groupOperations: Set<String> = ["GroupAdded", "AddedToGroup", "RemovedFromGroup", "PermissionLevelAdded"]

  public static func effect(of record: AuditRecord) -> Effect? {
    if let effect = effects[record.operation] { return effect }
    if groupOperations.contains(record.operation) {
      let names = record.modifiedGroupNames + [record.targetUserOrGroupName, record.eventData]
      if names.contains(where: {
        $0.contains("SharingLinks.") || $0.contains("SLinkClaim.") || $0.contains("System.Limited")
      }) {
        return .related
      }
    }
    // What an Anyone-link visitor does after opening the link.
    if record.userId.lowercased().hasPrefix("urn:spo:anon#") { return .related }
    return nil
  }

  /// `SharingLinks.<item>.<Kind>.<link>`: the group SharePoint makes for each link.
  public struct GroupName: Equatable, Sendable {
    public var item: String
    public var kind: String
    public var link: String

    public init?(_ text: String) {
      guard text.hasPrefix("SharingLinks.") else { return nil }
      let parts = text.split(separator: ".", omittingEmptySubsequences: false)
      guard parts.count == 4, parts[0] == "SharingLinks", !parts[3].isEmpty else { return nil }
      item = Self.withoutBraces(parts[1]).lowercased()
      kind = String(parts[2])
      link = Self.withoutBraces(parts[3]).lowercased()
    }

    /// `{guid}` → `guid` (any braces at either end).
    static func withoutBraces(_ text: Substring) -> Substring {
      var text = text
      while let first = text.first, first == "{" || first == "}" { text = text.dropFirst() }
      while let last = text.last, last == "{" || last == "}" { text = text.dropLast() }
      return text
    }

    public var scope: LinkScope? {
      if kind.hasPrefix("Anonymous") { return .anyone }
      if kind.hasPrefix("Organization") { return .organization }
      if kind.hasPrefix("Flexible") || kind.hasPrefix("Direct") || kind.hasPrefix("Specific") { return .specificPeople }
      return nil
    }

    public var permission: LinkPermission {
      if kind.hasSuffix("Edit") { return .edit }
      if kind.hasSuffix("View") { return .view }
      return .unknown
    }
  }

  /// The elements of EventData, a fragment like `<Type>Edit</Type><MembersCanShareApplied>…` that
  /// is not well-formed XML (several roots, spaces in names).
  public static func eventDataFields(_ text: String) -> [(name: String, value: String)] {
    var fields: [(String, String)] = []
    var rest = Substring(text)
    while let open = rest.firstIndex(of: "<") {
      guard let close = rest[open...].firstIndex(of: ">") else { break }
      let name = rest[rest.index(after: open)..<close]
      guard !name.isEmpty, !name.hasPrefix("/"), let end = rest[close...].range(of: "</\(name)>") else {
        rest = rest[rest.index(after: open)...]
        continue
      }
      fields.append((String(name), String(rest[rest.index(after: close)..<end.lowerBound])))
      rest = rest[end.upperBound...]
    }
    return fields
  }
}
