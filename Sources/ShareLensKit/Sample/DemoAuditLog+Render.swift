extension DemoAuditLog {
  /// One CSV row: the Purview columns, then AuditData as one quoted JSON field, CRLF-terminated.
  func render(_ event: DemoEvent, into row: inout [UInt8]) {
    let site = DemoWorld.sites[event.item.site]
    let recordId = GUID(
      high: event.correlation.high ^ UInt64(event.sequence), low: event.correlation.low &+ UInt64(event.sequence)
    ).string
    let civil = CivilTime(epochSeconds: event.time)
    let userId = Self.userId(event.actor)
    var data = JSONObjectText()
    if event.operation == .userLoggedIn {
      renderLogon(event, recordId: recordId, civil: civil, into: &data)
    } else {
      renderSharePoint(event, site: site, recordId: recordId, civil: civil, userId: userId, into: &data)
    }
    row.append(contentsOf: recordId.utf8)
    row.append(UInt8(ascii: ","))
    row.append(contentsOf: Self.purviewDate(civil).utf8)
    row.append(UInt8(ascii: ","))
    row.append(contentsOf: String(event.operation.recordType).utf8)
    row.append(UInt8(ascii: ","))
    row.append(contentsOf: event.operation.rawValue.utf8)
    row.append(UInt8(ascii: ","))
    CSVText.append(field: Array((event.operation == .userLoggedIn ? Self.userId(event.actor) : userId).utf8), to: &row)
    row.append(UInt8(ascii: ","))
    CSVText.append(field: data.finished(), to: &row, alwaysQuote: true)
    row.append(contentsOf: ",,\r\n".utf8)
  }

  private func renderSharePoint(
    _ event: DemoEvent, site: DemoWorld.Site, recordId: String, civil: CivilTime, userId: String,
    into data: inout JSONObjectText
  ) {
    let item = event.item
    let isOneDrive = site.kind == .oneDrive
    let anonymous: Bool
    if case .anonymous = event.actor { anonymous = true } else { anonymous = false }
    var context = JSONObjectText()
    if !anonymous {
      context.string("AADSessionId", GUID(high: event.correlation.low, low: event.correlation.high).string)
    }
    context.string("CorrelationId", event.correlation.string)
    if !anonymous {
      context.string("UniqueTokenId", GUID.hex(event.correlation.high, 16).uppercased().prefix(22).description)
    }
    data.raw("AppAccessContext", context.finished())
    data.string("CreationTime", Self.isoTime(civil))
    data.string("Id", recordId)
    data.string("Operation", event.operation.rawValue)
    data.string("OrganizationId", organizationId)
    data.number("RecordType", event.operation.recordType)
    data.string("UserKey", Self.userKey(event.actor))
    data.number("UserType", 0)
    data.number("Version", 1)
    data.string("Workload", isOneDrive ? "OneDrive" : "SharePoint")
    data.string("ClientIP", Self.clientIP(event))
    data.string("UserId", userId)
    data.string("AuthenticationType", anonymous ? "None" : Self.isVisitor(event.actor) ? "FormsCookieAuth" : "OAuth")
    data.string("BrowserName", event.client.browserName)
    data.string("BrowserVersion", event.client.browserVersion)
    data.string("CorrelationId", event.correlation.string)
    data.string("EventSource", "SharePoint")
    data.bool("IsManagedDevice", !anonymous && !Self.isVisitor(event.actor) && event.client.platform == "WinDesktop")
    let siteLevel = event.operation == .groupAdded || event.operation == .addedToGroup
    data.string("ItemType", siteLevel ? "Site" : event.operation == .pageViewed ? "Page" : "File")
    if !siteLevel {
      data.string("ListId", Self.listId(item.site).string)
      data.string("ListItemUniqueId", item.id.string)
    }
    data.string("Platform", event.client.platform)
    data.string("Site", Self.siteId(item.site).string)
    data.string("UserAgent", event.client.userAgent)
    data.string("WebId", Self.webId(item.site).string)
    data.string("DeviceDisplayName", Self.clientIP(event))
    if let application = event.client.applicationDisplayName { data.string("ApplicationDisplayName", application) }
    let groupName = "SharingLinks.\(item.id.string).\(event.linkKind.groupKind).\(event.link.string)"
    switch event.operation {
    case .groupAdded:
      data.raw("ModifiedProperties", Array(#"[{"Name":"Name","NewValue":"\#(groupName)"}]"#.utf8))
      data.string("ObjectId", site.url)
      return
    case .addedToGroup:
      data.string("EventData", "<Group>Limited Access System Group For List \(Self.listId(item.site).string)</Group>")
      data.string("TargetUserOrGroupType", "SecurityGroup")
      data.string("TargetUserOrGroupName", "SLinkClaim.\(item.id.string).\(event.link.string)")
      data.string("SiteUrl", site.url)
      data.string("ObjectId", site.url)
      return
    case .sharingInheritanceBroken:
      data.string("EventData", "<copyRoleAssignments>True</copyRoleAssignments><clearSubScopes>True</clearSubScopes>")
    case .sharingSet:
      switch event.target {
      case .linkClaim:
        data.string(
          "EventData",
          "<PermissionsGranted>\(event.linkKind.isEdit ? "System.LimitedEdit" : "System.LimitedView")</PermissionsGranted><MembersCanShareApplied>False</MembersCanShareApplied>"
        )
        data.string("TargetUserOrGroupType", "SecurityGroup")
        data.string("TargetUserOrGroupName", "SLinkClaim.\(item.id.string).\(event.link.string)")
      default:
        data.string(
          "EventData",
          "<PermissionsGranted>\(event.linkKind.isEdit ? "Contribute" : "Read")</PermissionsGranted><MembersCanShareApplied>False</MembersCanShareApplied>"
        )
        data.string("TargetUserOrGroupType", "SharePointGroup")
        data.string("TargetUserOrGroupName", groupName)
      }
    case .anonymousLinkCreated, .companyLinkCreated, .secureLinkCreated, .anonymousLinkRemoved:
      data.string(
        "EventData",
        "<Type>\(event.linkKind.isEdit ? "Edit" : "View")</Type><MembersCanShareApplied>False</MembersCanShareApplied>")
      data.string("UniqueSharingId", event.link.string)
    case .addedToSecureLink, .sharingInvitationCreated:
      data.string("EventData", "<Type>View</Type><MembersCanShareApplied>False</MembersCanShareApplied>")
      switch event.target {
      case .guest(let guest):
        data.string("TargetUserOrGroupType", "Guest")
        data.string("TargetUserOrGroupName", DemoWorld.guests[guest].email)
      case .member(let member):
        data.string("TargetUserOrGroupType", "Member")
        data.string("TargetUserOrGroupName", DemoWorld.people[member].upn)
      default: break
      }
      data.string("UniqueSharingId", event.link.string)
    case .companyLinkUsed, .secureLinkUsed, .sharingInvitationAccepted:
      data.string("UniqueSharingId", event.link.string)
    default:
      break
    }
    let extensionStart = item.name.lastIndex(of: ".").map { item.name.index(after: $0) }
    data.string("SourceFileExtension", extensionStart.map { String(item.name[$0...]) } ?? "")
    data.string("SiteUrl", event.operation.recordType == 6 ? site.url + "/" : site.url)
    data.string("SourceRelativeUrl", event.operation.recordType == 6 ? item.folder : item.folder + "/" + item.name)
    data.string("SourceFileName", item.name)
    data.string("ObjectId", site.url + "/" + item.folder + "/" + item.name)
  }

  private func renderLogon(_ event: DemoEvent, recordId: String, civil: CivilTime, into data: inout JSONObjectText) {
    data.string("CreationTime", Self.isoTime(civil))
    data.string("Id", recordId)
    data.string("Operation", "UserLoggedIn")
    data.string("OrganizationId", organizationId)
    data.number("RecordType", 15)
    data.string("ResultStatus", "Success")
    data.string("UserKey", Self.userKey(event.actor))
    data.number("UserType", 0)
    data.number("Version", 1)
    data.string("Workload", "AzureActiveDirectory")
    data.string("ClientIP", Self.clientIP(event))
    data.string("ObjectId", "00000003-0000-0ff1-ce00-000000000000")
    data.string("UserId", Self.userId(event.actor))
    data.number("AzureActiveDirectoryEventType", 1)
    data.string("ApplicationId", "00000003-0000-0ff1-ce00-000000000000")
    data.string("ErrorNumber", "0")
  }

  static func userId(_ actor: DemoEvent.Actor) -> String {
    switch actor {
    case .member(let index): return DemoWorld.people[index].upn
    case .guest(let index): return "urn:spo:guest#" + DemoWorld.guests[index].email
    case .anonymous: return "anonymous"
    case .visitor(let id): return "urn:spo:anon#" + id.longHex
    case .system: return "app@sharepoint"
    }
  }

  static func userKey(_ actor: DemoEvent.Actor) -> String {
    switch actor {
    case .member(let index):
      return "i:0h.f|membership|100320\(GUID.hex(UInt64(0x2a1c_0000 + index * 7919), 10))@live.com"
    case .guest(let index): return "i:0#.f|membership|" + DemoWorld.guests[index].externalUPN.lowercased()
    case .anonymous: return "anonymous"
    case .visitor(let id): return "i:0h.f|membership|urn%3aspo%3aanon#" + id.longHex
    case .system: return "i:0i.t|00000003-0000-0ff1-ce00-000000000000|app@sharepoint"
    }
  }

  static func isVisitor(_ actor: DemoEvent.Actor) -> Bool {
    if case .visitor = actor { return true }
    return false
  }

  /// Addresses from the documentation ranges (RFC 5737, RFC 3849): never a real network.
  static func clientIP(_ event: DemoEvent) -> String {
    switch event.actor {
    case .member(let index):
      return event.time % 5 == 0 ? "2001:db8:4a1::\(GUID.hex(UInt64(index + 16), 1))" : "203.0.113.\(10 + index)"
    case .guest(let index): return "192.0.2.\(40 + index)"
    case .anonymous, .visitor: return "198.51.100.\(Int(event.correlation.low % 200) + 20)"
    case .system: return ""
    }
  }

  static func siteId(_ site: Int) -> GUID { fixedGUID(site, salt: 0x51) }
  static func webId(_ site: Int) -> GUID { fixedGUID(site, salt: 0x3E) }
  static func listId(_ site: Int) -> GUID { fixedGUID(site, salt: 0x7A) }

  /// Ids that belong to the fixed world (sites, lists) and so do not depend on the seed.
  static func fixedGUID(_ index: Int, salt: UInt64) -> GUID {
    var generator = SplitMix64(seed: salt << 32 | UInt64(index))
    return generator.guid()
  }

  /// `2026-09-26T02:16:40`: AuditData's CreationTime, UTC without a zone.
  static func isoTime(_ c: CivilTime) -> String {
    "\(c.year)-\(pad(c.month))-\(pad(c.day))T\(pad(c.hour)):\(pad(c.minute)):\(pad(c.second))"
  }

  /// `9/26/2023 2:16:40 AM`: the portal's CreationDate column, US format, UTC.
  static func purviewDate(_ c: CivilTime) -> String {
    let hour12 = c.hour % 12 == 0 ? 12 : c.hour % 12
    return "\(c.month)/\(c.day)/\(c.year) \(hour12):\(pad(c.minute)):\(pad(c.second)) \(c.hour < 12 ? "AM" : "PM")"
  }

  static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
