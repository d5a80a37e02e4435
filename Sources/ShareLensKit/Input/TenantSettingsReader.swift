import Foundation

/// Reads tenant settings from any of their shapes once the object is found: `Get-SPOTenant` /
/// `Get-PnPTenant` (numbers), REST `SPO.Tenant` (numbers, 64-bit integers as strings), CLI for
/// Microsoft 365 (names and numbers mixed), Graph `admin/sharepoint/settings` (camelCase names),
/// `Export-Csv` (names). Keys are matched without regard to case.
public enum TenantSettingsReader {
  public static func read(_ object: [String: Any]) -> TenantSettings {
    let members = LenientObject(object)
    func value(_ name: String, _ alias: String? = nil) -> Any? { alias.map { members[name, $0] } ?? members[name] }
    var tenant = TenantSettings()
    tenant.sharingCapability = SharingCapability(lenient: value("SharingCapability"))
    tenant.oneDriveSharingCapability = SharingCapability(
      lenient: value("OneDriveSharingCapability", "ODBSharingCapability"))
    tenant.coreSharingCapability = SharingCapability(lenient: value("CoreSharingCapability"))
    let linkType = value("DefaultSharingLinkType")
    tenant.defaultLinkScope = LinkScopeDefault(linkType: linkType)
    tenant.defaultLinkTypeIsNone = SettingValue.enumValue(linkType, names: [("None", 0)]) == 0
    let permission = value("DefaultLinkPermission")
    tenant.defaultLinkRole = LinkRoleDefault(lenient: permission)
    tenant.defaultLinkPermissionIsNone = SettingValue.enumValue(permission, names: [("None", 0)]) == 0
    tenant.coreDefaultLinkScope = LinkScopeDefault(scope: value("CoreDefaultShareLinkScope"))
    tenant.coreDefaultLinkRole = LinkRoleDefault(lenient: value("CoreDefaultShareLinkRole"))
    tenant.oneDriveDefaultLinkScope = LinkScopeDefault(scope: value("OneDriveDefaultShareLinkScope"))
    tenant.oneDriveDefaultLinkRole = LinkRoleDefault(lenient: value("OneDriveDefaultShareLinkRole"))
    tenant.anyoneLinkExpiryDays = SettingValue.int(value("RequireAnonymousLinksExpireInDays"))
    let anonymousLinkTypes = [("None", 0), ("View", 1), ("Edit", 2), ("ViewUpload", 3)]
    tenant.fileAnyoneLinkType = SettingValue.enumValue(value("FileAnonymousLinkType"), names: anonymousLinkTypes)
    tenant.folderAnyoneLinkType = SettingValue.enumValue(value("FolderAnonymousLinkType"), names: anonymousLinkTypes)
    tenant.domainRestrictionMode = SettingValue.enumValue(
      value("SharingDomainRestrictionMode"), names: [("None", 0), ("AllowList", 1), ("BlockList", 2)])
    tenant.emailAttestationRequired = SettingValue.bool(value("EmailAttestationRequired"))
    tenant.emailAttestationReAuthDays = SettingValue.int(value("EmailAttestationReAuthDays"))
    tenant.enableAzureADB2BIntegration = SettingValue.bool(value("EnableAzureADB2BIntegration"))
    if let prevent = SettingValue.bool(value("PreventExternalUsersFromResharing")) {
      tenant.preventExternalUsersFromResharing = prevent
    } else if let resharing = SettingValue.bool(value("isResharingByExternalUsersEnabled")) {
      tenant.preventExternalUsersFromResharing = !resharing
    }
    tenant.externalUserExpirationRequired = SettingValue.bool(value("ExternalUserExpirationRequired"))
    tenant.externalUserExpireInDays = SettingValue.int(value("ExternalUserExpireInDays"))
    tenant.legacyAuthProtocolsEnabled = SettingValue.bool(value("LegacyAuthProtocolsEnabled"))
    tenant.disallowInfectedFileDownload = SettingValue.bool(value("DisallowInfectedFileDownload"))
    let groups = value("GuestSharingGroupAllowListInTenantByGroupId")
    if let results = (groups as? [String: Any])?["results"] {
      tenant.guestSharingGroupAllowList = SettingValue.string(results)
    } else if let text = SettingValue.string(groups), !text.hasPrefix("System.") {
      // Export-Csv writes a list as its type name (System.Collections.Generic.List`1[…]): unknown.
      tenant.guestSharingGroupAllowList = text
    }
    return tenant
  }
}
