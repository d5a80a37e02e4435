/// What kind of site, from its template.
public enum SiteKind: String, Sendable, Codable, CaseIterable {
  case oneDrive, teamSite, communicationSite, channelSite, other

  public var title: String {
    switch self {
    case .oneDrive: return "OneDrive"
    case .teamSite: return "Team site"
    case .communicationSite: return "Communication site"
    case .channelSite: return "Channel site"
    case .other: return "Other"
    }
  }

  public init(template: String, url: String) {
    let upper = template.uppercased()
    if upper.hasPrefix("SPSPERS") || (url.contains("-my.sharepoint.") && url.contains("/personal/")) {
      self = .oneDrive
    } else if upper.hasPrefix("GROUP#") || upper.hasPrefix("STS#") {
      self = .teamSite
    } else if upper.hasPrefix("SITEPAGEPUBLISHING#") {
      self = .communicationSite
    } else if upper.hasPrefix("TEAMCHANNEL#") {
      self = .channelSite
    } else {
      self = .other
    }
  }
}

/// One site or OneDrive as its settings export describes it.
public struct Site: Sendable, Equatable {
  public var url: String
  public var title: String
  public var template: String
  public var kind: SiteKind
  /// `SiteDefinedSharingCapability`: what the site (or its label) stores.
  public var storedCapability: SharingCapability?
  /// `SharingCapability` as exported: the effective value SharePoint computed.
  public var reportedCapability: SharingCapability?
  public var overrideSharingCapability = false
  public var defaultScope: LinkScopeDefault?
  public var defaultRole: LinkRoleDefault?
  public var defaultToExistingAccess = false
  public var anyoneExpiryOverride = false
  public var anyoneExpiryDays: Int?
  public var labelId: String?
  /// Signs that the export is a bulk listing whose sharing fields are defaults, not facts.
  public var bulkListingSigns: [String] = []

  public init(url: String, title: String, template: String) {
    self.url = url.hasSuffix("/") && url.count > 9 ? String(url.dropLast()) : url
    self.title = title
    self.template = template
    kind = SiteKind(template: template, url: url)
  }
}
