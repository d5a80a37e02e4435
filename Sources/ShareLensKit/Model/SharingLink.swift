/// Who a link lets in.
public enum LinkScope: String, Sendable, Codable, CaseIterable {
  case anyone
  case organization
  case specificPeople

  public var title: String {
    switch self {
    case .anyone: return "Anyone"
    case .organization: return "Organization"
    case .specificPeople: return "Specific people"
    }
  }
}

public enum LinkPermission: String, Sendable, Codable {
  case view, edit, unknown
}

/// Which program made a link, as far as the audit record tells.
public enum LinkOrigin: String, Sendable, Codable, CaseIterable {
  case web = "oneDriveSharePointWeb"
  case teams
  case outlookDesktop
  case outlookWeb
  case officeApp
  case syncClient
  case service
  case unknown

  public var title: String {
    switch self {
    case .web: return "OneDrive/SharePoint web"
    case .teams: return "Teams"
    case .outlookDesktop: return "Outlook desktop"
    case .outlookWeb: return "Outlook on the web"
    case .officeApp: return "Office desktop app"
    case .syncClient: return "Sync client"
    case .service: return "Service"
    case .unknown: return "Unknown"
    }
  }
}

public enum OriginConfidence: String, Sendable, Codable, Comparable {
  case certain, likely, unknown

  public static func < (lhs: OriginConfidence, rhs: OriginConfidence) -> Bool {
    let order: [OriginConfidence] = [.unknown, .likely, .certain]
    return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
  }
}

/// One sharing link, rebuilt from the records of its life: created, used, updated, removed.
/// A link is read by many pages and lists: a class, so that the lists share one copy of it.
public final class SharingLink: Sendable, Equatable {
  public let id: String
  public let scope: LinkScope
  public let permission: LinkPermission
  public let siteUrl: String
  public let itemUrl: String
  public let itemName: String
  public let createdBy: String?
  /// Member, guest, anonymous or system, told from `createdBy`.
  public var creatorKind: ActorKind? { createdBy.map(ActorKind.init(userId:)) }
  /// Nil when the creation is not in the audit data (the link is older than the export).
  public let createdAt: Int64?
  public let origin: LinkOrigin
  public let originConfidence: OriginConfidence
  public let originEvidence: String
  public let uses: Int
  public let distinctVisitors: Int
  public let lastUsedAt: Int64?
  public let removedAt: Int64?
  public let expiresAt: Int64?
  public let workload: String
  /// When each use happened (for the heatmaps; not written to report.json).
  public let useTimes: [Int64]

  public init(
    id: String,
    scope: LinkScope,
    permission: LinkPermission,
    siteUrl: String,
    itemUrl: String,
    itemName: String,
    createdBy: String?,
    createdAt: Int64?,
    origin: LinkOrigin,
    originConfidence: OriginConfidence,
    originEvidence: String,
    uses: Int,
    distinctVisitors: Int,
    lastUsedAt: Int64?,
    removedAt: Int64?,
    expiresAt: Int64?,
    workload: String,
    useTimes: [Int64] = []
  ) {
    self.id = id
    self.scope = scope
    self.permission = permission
    self.siteUrl = siteUrl
    self.itemUrl = itemUrl
    self.itemName = itemName
    self.createdBy = createdBy
    self.createdAt = createdAt
    self.origin = origin
    self.originConfidence = originConfidence
    self.originEvidence = originEvidence
    self.uses = uses
    self.distinctVisitors = distinctVisitors
    self.lastUsedAt = lastUsedAt
    self.removedAt = removedAt
    self.expiresAt = expiresAt
    self.workload = workload
    self.useTimes = useTimes
  }

  public static func == (lhs: SharingLink, rhs: SharingLink) -> Bool {
    lhs.id == rhs.id && lhs.scope == rhs.scope && lhs.permission == rhs.permission && lhs.siteUrl == rhs.siteUrl
      && lhs.itemUrl == rhs.itemUrl && lhs.itemName == rhs.itemName && lhs.createdBy == rhs.createdBy
      && lhs.createdAt == rhs.createdAt && lhs.origin == rhs.origin && lhs.originConfidence == rhs.originConfidence
      && lhs.originEvidence == rhs.originEvidence && lhs.uses == rhs.uses
      && lhs.distinctVisitors == rhs.distinctVisitors && lhs.lastUsedAt == rhs.lastUsedAt
      && lhs.removedAt == rhs.removedAt && lhs.expiresAt == rhs.expiresAt && lhs.workload == rhs.workload
      && lhs.useTimes == rhs.useTimes
  }

  public var isActive: Bool { removedAt == nil }

  /// Links by their site's lower-cased URL.
  public static func bySite(_ links: [SharingLink]) -> [String: [SharingLink]] {
    Dictionary(grouping: links) { ASCIIText.lowercased($0.siteUrl) }
  }
}
