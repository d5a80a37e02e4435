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
      if names.contains(where: { name in
        ["SharingLinks.", "SLinkClaim.", "System.Limited"].contains { ASCIIText.search(name, $0) ?? name.contains($0) }
      }) {
        return .related
      }
    }
    // What an Anyone-link visitor does after opening the link.
    if CaseInsensitive.hasLowercasedPrefix(record.userId, "urn:spo:anon#") { return .related }
    return nil
  }

  /// `SharingLinks.<item>.<Kind>.<link>`: the group SharePoint makes for each link.
  public struct GroupName: Equatable, Sendable {
    public var item: String
    public var kind: String
    public var link: String

    public init?(_ text: String) {
      if let ascii = ASCIIText.withBytes(of: text, Self.ascii) {
        guard let ascii else { return nil }
        self = ascii
        return
      }
      guard text.hasPrefix("SharingLinks.") else { return nil }
      let parts = text.split(separator: ".", omittingEmptySubsequences: false)
      guard parts.count == 4, parts[0] == "SharingLinks", !parts[3].isEmpty else { return nil }
      item = Self.withoutBraces(parts[1]).lowercased()
      kind = String(parts[2])
      link = Self.withoutBraces(parts[3]).lowercased()
    }

    /// `init` on ASCII text, where characters are bytes, without splitting it into strings;
    /// nil when the text is not ASCII.
    static func ascii(_ bytes: UnsafeBufferPointer<UInt8>) -> GroupName?? {
      guard ASCIIText.isASCII(bytes) else { return nil }
      let prefix = "SharingLinks.".utf8
      guard bytes.count >= prefix.count, zip(bytes, prefix).allSatisfy({ $0 == $1 }) else { return .some(nil) }
      // Exactly three dots, found without a list of them.
      var dots = (0, 0, 0)
      var count = 0
      for index in bytes.indices where bytes[index] == UInt8(ascii: ".") {
        switch count {
        case 0: dots.0 = index
        case 1: dots.1 = index
        case 2: dots.2 = index
        default: return .some(nil)
        }
        count += 1
      }
      guard count == 3, dots.2 + 1 < bytes.count else { return .some(nil) }
      func part(_ range: Range<Int>, lowercased: Bool, braces: Bool) -> String {
        var range = range
        if braces {
          let brace = { (byte: UInt8) in byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") }
          while !range.isEmpty, brace(bytes[range.lowerBound]) { range = (range.lowerBound + 1)..<range.upperBound }
          while !range.isEmpty, brace(bytes[range.upperBound - 1]) { range = range.lowerBound..<(range.upperBound - 1) }
        }
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        return lowercased ? ASCIIText.lowercasedString(slice) : String(decoding: slice, as: UTF8.self)
      }
      return GroupName(
        item: part((dots.0 + 1)..<dots.1, lowercased: true, braces: true),
        kind: part((dots.1 + 1)..<dots.2, lowercased: false, braces: false),
        link: part((dots.2 + 1)..<bytes.count, lowercased: true, braces: true))
    }

    init(item: String, kind: String, link: String) {
      self.item = item
      self.kind = kind
      self.link = link
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
    if let fields = ASCIIText.withBytes(of: text, { ASCIIText.isASCII($0) ? asciiEventDataFields($0) : nil }) {
      return fields
    }
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

  /// `eventDataFields` on ASCII text, where characters are bytes: the same steps on the bytes.
  static func asciiEventDataFields(_ bytes: UnsafeBufferPointer<UInt8>) -> [(name: String, value: String)] {
    func text(_ start: Int, _ end: Int) -> String {
      String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }
    var fields: [(String, String)] = []
    var rest = 0
    var closing: [UInt8] = []
    while let open = bytes[rest...].firstIndex(of: UInt8(ascii: "<")) {
      guard let close = bytes[open...].firstIndex(of: UInt8(ascii: ">")) else { break }
      let name = UnsafeBufferPointer(rebasing: bytes[(open + 1)..<close])
      closing.removeAll(keepingCapacity: true)
      closing.append(contentsOf: [UInt8(ascii: "<"), UInt8(ascii: "/")])
      closing.append(contentsOf: name)
      closing.append(UInt8(ascii: ">"))
      let end = closing.withUnsafeBufferPointer {
        ASCIIText.firstIndex(of: $0, in: bytes, from: close, foldingCase: false)
      }
      guard !name.isEmpty, name[0] != UInt8(ascii: "/"), let end else {
        rest = open + 1
        continue
      }
      fields.append((text(open + 1, close), text(close + 1, end)))
      rest = end + closing.count
    }
    return fields
  }
}
