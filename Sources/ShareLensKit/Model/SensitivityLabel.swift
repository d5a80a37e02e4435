/// A sensitivity label, with the site settings ("groups & sites" scope) that concern sharing.
public struct SensitivityLabel: Sendable, Equatable {
  public var id: String
  public var name: String
  public var priority: Int?
  /// The label's scope includes sites and groups (`ContentType` has Site/UnifiedGroup, or Graph's
  /// `contentFormats` has `site`); nil when the export does not say.
  public var appliesToSites: Bool?
  /// `protectsite` present and not disabled.
  public var siteSettingsEnabled = false
  /// `protectsite.externalsharingcontroltype`.
  public var externalSharing: SharingCapability?
  /// `defaultsharingscope` / `defaultsharelinkpermission` advanced settings.
  public var defaultScope: LinkScopeDefault?
  public var defaultRole: LinkRoleDefault?
  /// Where the sharing settings were read: `LabelActions`, `Settings` or flattened properties.
  public var settingsSource: String?

  public init(id: String, name: String) {
    self.id = id
    self.name = name
  }

  /// The label allows no Anyone links on its sites.
  public var forbidsAnyone: Bool {
    guard siteSettingsEnabled, let externalSharing else { return false }
    return externalSharing < .externalUserAndGuestSharing
  }
}
