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
public struct SharingLink: Sendable, Equatable, Codable {
  public var id: String
  public var scope: LinkScope
  public var permission: LinkPermission
  public var siteUrl: String
  public var itemUrl: String
  public var itemName: String
  public var createdBy: String?
  /// Member, guest, anonymous or system, told from `createdBy`.
  public var creatorKind: ActorKind? { createdBy.map(ActorKind.init(userId:)) }
  /// Nil when the creation is not in the audit data (the link is older than the export).
  public var createdAt: Int64?
  public var origin: LinkOrigin
  public var originConfidence: OriginConfidence
  public var originEvidence: String
  public var uses: Int
  public var distinctVisitors: Int
  public var lastUsedAt: Int64?
  public var removedAt: Int64?
  public var expiresAt: Int64?
  public var workload: String
  /// When each use happened (for the heatmaps; not written to report.json).
  public var useTimes: [Int64] = []

  public var isActive: Bool { removedAt == nil }

  /// Links by their site's lower-cased URL.
  public static func bySite(_ links: [SharingLink]) -> [String: [SharingLink]] {
    Dictionary(grouping: links) { $0.siteUrl.lowercased() }
  }
}
