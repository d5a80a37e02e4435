import Foundation

/// Tenant and OneDrive checks of the public baselines: CISA SCuBA MS.SHAREPOINT and the CIS
/// Microsoft 365 Foundations Benchmark (SharePoint section), citing their ids.
public enum BaselineRules {
  public struct Check: Sendable {
    public var rule: String
    /// A sharing setting that sites inherit (rather than a tenant-only setting).
    public var sharing = false
    public var title: String
    public var requirement: String
    public var references: [String]
    /// nil: not applicable; `.pass`; `.fail(severity, actual, fix)`; `.missing(setting)`.
    let evaluate: @Sendable (TenantSettings) -> Outcome?
  }

  public enum Outcome: Sendable, Equatable {
    case pass(String)
    case fail(Severity, String, String)
    case missing(String)
  }

  static func capability(_ value: SharingCapability?) -> String { value?.title ?? "–" }

  static let anyoneOnly: @Sendable (TenantSettings) -> Bool = { $0.sharingCapability == .externalUserAndGuestSharing }

  public static let checks: [Check] = [
    Check(
      rule: "MS.SHAREPOINT.1.1v1", sharing: true, title: "SharePoint external sharing",
      requirement: "limited to Existing guests or Only people in your organization",
      references: ["CISA SCuBA MS.SHAREPOINT.1.1v1"],
      evaluate: { tenant in
        guard let value = tenant.sharingCapability else { return .missing("SharingCapability") }
        if value <= .existingExternalUserSharingOnly { return .pass(capability(value)) }
        return .fail(
          value == .externalUserAndGuestSharing ? .high : .medium, capability(value),
          "Set-SPOTenant -SharingCapability ExistingExternalUserSharingOnly")
      }),
    Check(
      rule: "MS.SHAREPOINT.1.2v1", sharing: true, title: "OneDrive external sharing",
      requirement: "limited to Existing guests or Only people in your organization",
      references: ["CISA SCuBA MS.SHAREPOINT.1.2v1"],
      evaluate: { tenant in
        guard let value = tenant.oneDriveSharingCapability else {
          return .missing("OneDriveSharingCapability (ODBSharingCapability)")
        }
        if value <= .existingExternalUserSharingOnly { return .pass(capability(value)) }
        return .fail(
          value == .externalUserAndGuestSharing ? .high : .medium, capability(value),
          "Set-SPOTenant -OneDriveSharingCapability ExistingExternalUserSharingOnly")
      }),
    Check(
      rule: "MS.SHAREPOINT.2.1v1", sharing: true, title: "Default sharing link", requirement: "Specific people",
      references: ["CISA SCuBA MS.SHAREPOINT.2.1v1"],
      evaluate: { tenant in
        if tenant.defaultLinkTypeIsNone {
          return .fail(.high, "None (the widest link allowed)", "Set-SPOTenant -DefaultSharingLinkType Direct")
        }
        guard let value = tenant.defaultLinkScope else { return .missing("DefaultSharingLinkType") }
        if value == .specificPeople { return .pass(value.title) }
        return .fail(value == .anyone ? .high : .medium, value.title, "Set-SPOTenant -DefaultSharingLinkType Direct")
      }),
    Check(
      rule: "MS.SHAREPOINT.2.2v1", sharing: true, title: "Default link permission", requirement: "View",
      references: ["CISA SCuBA MS.SHAREPOINT.2.2v1", "CIS M365 7.2.11"],
      evaluate: { tenant in
        if tenant.defaultLinkPermissionIsNone {
          return .fail(.medium, "None", "Set-SPOTenant -DefaultLinkPermission View")
        }
        guard let value = tenant.defaultLinkRole else { return .missing("DefaultLinkPermission") }
        if value == .view { return .pass("View") }
        return .fail(.medium, "Edit", "Set-SPOTenant -DefaultLinkPermission View")
      }),
    Check(
      rule: "MS.SHAREPOINT.3.1v1", sharing: true, title: "Anyone link expiry",
      requirement: "30 days or less (when Anyone links are allowed)",
      references: ["CISA SCuBA MS.SHAREPOINT.3.1v1"],
      evaluate: { tenant in
        guard anyoneOnly(tenant) else { return nil }
        guard let days = tenant.anyoneLinkExpiryDays else { return .missing("RequireAnonymousLinksExpireInDays") }
        if (1...30).contains(days) { return .pass("\(days) days") }
        return .fail(
          .high, days <= 0 ? "no expiry" : "\(days) days", "Set-SPOTenant -RequireAnonymousLinksExpireInDays 30")
      }),
    Check(
      rule: "MS.SHAREPOINT.3.2v1", title: "Anyone link permissions",
      requirement: "View for files and folders (when Anyone links are allowed)",
      references: ["CISA SCuBA MS.SHAREPOINT.3.2v1"],
      evaluate: { tenant in
        guard anyoneOnly(tenant) else { return nil }
        guard let file = tenant.fileAnyoneLinkType, let folder = tenant.folderAnyoneLinkType else {
          return .missing("FileAnonymousLinkType / FolderAnonymousLinkType")
        }
        let names = [0: "None", 1: "View", 2: "Edit", 3: "View and upload"]
        let actual = "files \(names[file] ?? String(file)), folders \(names[folder] ?? String(folder))"
        if file == 1, folder == 1 { return .pass(actual) }
        return .fail(.medium, actual, "Set-SPOTenant -FileAnonymousLinkType View -FolderAnonymousLinkType View")
      }),
    Check(
      rule: "CIS-7.2.1", title: "Legacy authentication protocols", requirement: "off (modern authentication only)",
      references: ["CIS M365 7.2.1 (L1)"],
      evaluate: { tenant in
        guard let value = tenant.legacyAuthProtocolsEnabled else { return .missing("LegacyAuthProtocolsEnabled") }
        return value ? .fail(.medium, "allowed", "Set-SPOTenant -LegacyAuthProtocolsEnabled $false") : .pass("off")
      }),
    Check(
      rule: "CIS-7.2.2", title: "Entra B2B integration", requirement: "the integration enabled",
      references: ["CIS M365 7.2.2 (L1)"],
      evaluate: { tenant in
        guard let value = tenant.enableAzureADB2BIntegration else { return .missing("EnableAzureADB2BIntegration") }
        return value ? .pass("enabled") : .fail(.low, "disabled", "Set-SPOTenant -EnableAzureADB2BIntegration $true")
      }),
    Check(
      rule: "CIS-7.2.3", sharing: true, title: "External content sharing",
      requirement: "New and existing guests or less",
      references: ["CIS M365 7.2.3 (L1)"],
      evaluate: { tenant in
        guard let value = tenant.sharingCapability else { return .missing("SharingCapability") }
        return value == .externalUserAndGuestSharing
          ? .fail(.high, capability(value), "Set-SPOTenant -SharingCapability ExternalUserSharingOnly")
          : .pass(capability(value))
      }),
    Check(
      rule: "CIS-7.2.4", sharing: true, title: "OneDrive content sharing",
      requirement: "Only people in your organization",
      references: ["CIS M365 7.2.4 (L2)"],
      evaluate: { tenant in
        guard let value = tenant.oneDriveSharingCapability else {
          return .missing("OneDriveSharingCapability (ODBSharingCapability)")
        }
        return value == .disabled
          ? .pass(capability(value))
          : .fail(
            value == .externalUserAndGuestSharing ? .medium : .low, capability(value),
            "Set-SPOTenant -OneDriveSharingCapability Disabled")
      }),
    Check(
      rule: "CIS-7.2.5", title: "Guests re-sharing", requirement: "that guests cannot share items they don't own",
      references: ["CIS M365 7.2.5 (L2)"],
      evaluate: { tenant in
        guard let value = tenant.preventExternalUsersFromResharing else {
          return .missing("PreventExternalUsersFromResharing")
        }
        return value
          ? .pass("prevented") : .fail(.low, "allowed", "Set-SPOTenant -PreventExternalUsersFromResharing $true")
      }),
    Check(
      rule: "CIS-7.2.6", title: "Domain allow or deny list", requirement: "external sharing limited by a domain list",
      references: ["CIS M365 7.2.6 (L2)", "CISA SCuBA MS.SHAREPOINT.1.3v1"],
      evaluate: { tenant in
        guard tenant.sharingCapability != .disabled else { return nil }
        guard let mode = tenant.domainRestrictionMode else { return .missing("SharingDomainRestrictionMode") }
        return mode == 0
          ? .fail(
            .low, "no domain list",
            "Set-SPOTenant -SharingDomainRestrictionMode AllowList -SharingAllowedDomainList \"partner.example\"")
          : .pass(mode == 1 ? "allow list" : "deny list")
      }),
    Check(
      rule: "CIS-7.2.7", sharing: true, title: "Link sharing restricted",
      requirement: "default link Specific people or People in the organization",
      references: ["CIS M365 7.2.7 (L1)"],
      evaluate: { tenant in
        if tenant.defaultLinkTypeIsNone {
          return .fail(.high, "None (the widest link allowed)", "Set-SPOTenant -DefaultSharingLinkType Direct")
        }
        guard let value = tenant.defaultLinkScope else { return .missing("DefaultSharingLinkType") }
        return value == .anyone
          ? .fail(.high, value.title, "Set-SPOTenant -DefaultSharingLinkType Direct") : .pass(value.title)
      }),
    Check(
      rule: "CIS-7.2.8", title: "External sharing by security group",
      requirement: "only members of allowed groups share externally",
      references: ["CIS M365 7.2.8 (L2)"],
      evaluate: { tenant in
        guard tenant.sharingCapability != .disabled else { return nil }
        guard let list = tenant.guestSharingGroupAllowList else {
          return .missing("GuestSharingGroupAllowListInTenantByGroupId")
        }
        let groups = list.trimmingCharacters(in: .whitespaces)
        return groups.isEmpty
          ? .fail(.low, "no group list", "Set-SPOTenant -GuestSharingGroupAllowListInTenantByPrincipalIdentity <group>")
          : .pass("group list set")
      }),
    Check(
      rule: "CIS-7.2.9", title: "Guest access expiry", requirement: "guest access expires within 30 days",
      references: ["CIS M365 7.2.9 (L1)"],
      evaluate: { tenant in
        guard let required = tenant.externalUserExpirationRequired else {
          return .missing("ExternalUserExpirationRequired")
        }
        let days = tenant.externalUserExpireInDays ?? 0
        if required, (1...30).contains(days) { return .pass("\(days) days") }
        return .fail(
          .low, required ? "\(days) days" : "no expiry",
          "Set-SPOTenant -ExternalUserExpirationRequired $true -ExternalUserExpireInDays 30")
      }),
    Check(
      rule: "CIS-7.2.10", title: "Verification code reauthentication", requirement: "15 days or less",
      references: ["CIS M365 7.2.10 (L1)", "CISA SCuBA MS.SHAREPOINT.3.3v2"],
      evaluate: { tenant in
        guard let required = tenant.emailAttestationRequired else { return .missing("EmailAttestationRequired") }
        guard required else {
          return .fail(
            .low, "not required", "Set-SPOTenant -EmailAttestationRequired $true -EmailAttestationReAuthDays 15")
        }
        guard let days = tenant.emailAttestationReAuthDays else { return .missing("EmailAttestationReAuthDays") }
        if days <= 15 { return .pass("\(days) days") }
        return .fail(
          .low, required ? "\(days) days" : "not required",
          "Set-SPOTenant -EmailAttestationRequired $true -EmailAttestationReAuthDays 15")
      }),
    Check(
      rule: "CIS-7.3.1", title: "Infected files", requirement: "download of infected files blocked",
      references: ["CIS M365 7.3.1 (L2)"],
      evaluate: { tenant in
        guard let value = tenant.disallowInfectedFileDownload else { return .missing("DisallowInfectedFileDownload") }
        return value ? .pass("blocked") : .fail(.low, "allowed", "Set-SPOTenant -DisallowInfectedFileDownload $true")
      }),
  ]

  public static func findings(_ tenant: TenantSettings) -> [Finding] {
    checks.compactMap { check -> Finding? in
      switch check.evaluate(tenant) {
      case nil, .pass?: return nil
      case .fail(let severity, let actual, let fix)?:
        return Finding(
          rule: check.rule, severity: severity, subject: "tenant",
          summary: "\(check.title): \(actual); the baseline wants \(check.requirement).",
          evidence: ["tenant settings: \(actual)"],
          explanation:
            "Baseline: \(check.references.joined(separator: ", ")). Wanted: \(check.requirement)."
            + (check.sharing
              ? " The tenant setting applies to every site and OneDrive that does not set a narrower value of its own. CISA and CIS check some of the same settings and do not always agree on the value (CIS accepts New and existing guests where CISA wants Existing guests at most): each finding names its baseline."
              : ""),
          remediation: fix, references: check.references)
      case .missing(let setting)?:
        return Finding(
          rule: check.rule, severity: .warning, subject: "tenant",
          summary: "\(check.title): cannot be checked, \(setting) is not in the tenant export.",
          evidence: ["\(setting) missing from the tenant settings"],
          explanation:
            "Export the tenant settings with Get-SPOTenant (or the SharePoint REST SPO.Tenant endpoint), which include \(setting).",
          remediation: nil, references: check.references)
      }
    }
  }
}
