/// Where an effective setting comes from.
public enum SettingSource: String, Sendable, Codable {
  case site
  case tenant
  case oneDrivePartition
  case sharePointPartition
  case fallback
  case builtInDefault

  public var title: String {
    switch self {
    case .site: return "site"
    case .tenant: return "tenant"
    case .oneDrivePartition: return "tenant (OneDrive)"
    case .sharePointPartition: return "tenant (SharePoint sites)"
    case .fallback: return "fallback: Anyone is not allowed here"
    case .builtInDefault: return "Microsoft's default"
    }
  }
}

public struct Sourced<Value: Sendable & Equatable>: Sendable, Equatable {
  public var value: Value
  public var source: SettingSource
}

/// One site's effective sharing, each value with where it comes from, and its links.
public struct SitePosture: Sendable, Equatable {
  public enum Detail: Sendable, Equatable {
    case complete
    /// The export is a bulk listing: the site's own sharing fields are defaults, not facts.
    case insufficient([String])
  }

  public var site: Site
  public var label: SensitivityLabel?
  public var detail: Detail
  /// The most restrictive of tenant, partition and site.
  public var effectiveCapability: Sourced<SharingCapability>?
  /// The stored value is broader than the effective one: loosening the tenant would revive it.
  public var latentCapability: SharingCapability?
  public var defaultScope: Sourced<LinkScopeDefault>?
  public var defaultRole: Sourced<LinkRoleDefault>?
  /// Days an Anyone link may live at most; nil value = no expiry required.
  public var anyoneExpiryDays: Sourced<Int?>?
  public var linksCreated = 0
  public var linksActive = 0
  public var linksUsed = 0
  public var anyoneLinksActive = 0

  public var isComplete: Bool { detail == .complete }
  public var allowsAnyone: Bool { effectiveCapability?.value == .externalUserAndGuestSharing }

}
