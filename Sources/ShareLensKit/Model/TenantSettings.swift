/// The tenant's sharing settings that the report evaluates; nil where the export does not say.
public struct TenantSettings: Sendable, Equatable, Codable {
  public var sharingCapability: SharingCapability?
  public var oneDriveSharingCapability: SharingCapability?
  public var coreSharingCapability: SharingCapability?
  public var defaultLinkScope: LinkScopeDefault?
  public var defaultLinkRole: LinkRoleDefault?
  /// `DefaultSharingLinkType` is None: "the most permissive link available".
  public var defaultLinkTypeIsNone = false
  /// `DefaultLinkPermission` is None.
  public var defaultLinkPermissionIsNone = false
  public var coreDefaultLinkScope: LinkScopeDefault?
  public var coreDefaultLinkRole: LinkRoleDefault?
  public var oneDriveDefaultLinkScope: LinkScopeDefault?
  public var oneDriveDefaultLinkRole: LinkRoleDefault?
  /// `RequireAnonymousLinksExpireInDays`; ≤ 0 means no expiry required.
  public var anyoneLinkExpiryDays: Int?
  /// `FileAnonymousLinkType` / `FolderAnonymousLinkType`: 1 View, 2 Edit, 3 View and upload.
  public var fileAnyoneLinkType: Int?
  public var folderAnyoneLinkType: Int?
  /// 0 None, 1 AllowList, 2 BlockList.
  public var domainRestrictionMode: Int?
  public var emailAttestationRequired: Bool?
  public var emailAttestationReAuthDays: Int?
  public var enableAzureADB2BIntegration: Bool?
  public var preventExternalUsersFromResharing: Bool?
  public var externalUserExpirationRequired: Bool?
  public var externalUserExpireInDays: Int?
  public var legacyAuthProtocolsEnabled: Bool?
  public var disallowInfectedFileDownload: Bool?
  public var guestSharingGroupAllowList: String?

  public init() {}

  /// The partition cap for a site: OneDrive's for OneDrives, Core's (SharePoint) for the rest.
  public func partitionCapability(oneDrive: Bool) -> SharingCapability? {
    oneDrive ? oneDriveSharingCapability : coreSharingCapability
  }
}
