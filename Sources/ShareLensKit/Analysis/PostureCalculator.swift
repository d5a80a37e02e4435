/// Computes each site's effective sharing from tenant, partition (OneDrive or SharePoint), site
/// and label, following Microsoft's documented rules (Set-SPOTenant, Set-SPOSite and the admin
/// center's external sharing pages): the most restrictive capability wins, the partition cap is
/// skipped with OverrideSharingCapability, a site default overrides the tenant's, an Anyone default
/// falls back to the organization where Anyone is not allowed.
public enum PostureCalculator {
  public static func postures(settings: SettingsInputs, links: [SharingLink]) -> [SitePosture] {
    let bySite = SharingLink.bySite(links)
    return settings.sites.map { site in
      var posture = posture(site, tenant: settings.tenant, label: settings.label(site.labelId))
      let siteLinks = bySite[site.url.lowercased()] ?? []
      posture.linksCreated = siteLinks.filter { $0.createdAt != nil }.count
      posture.linksActive = siteLinks.filter(\.isActive).count
      posture.linksUsed = siteLinks.filter { $0.uses > 0 }.count
      posture.anyoneLinksActive = siteLinks.filter { $0.isActive && $0.scope == .anyone }.count
      return posture
    }
  }

  public static func posture(_ site: Site, tenant: TenantSettings?, label: SensitivityLabel?) -> SitePosture {
    var signs = site.bulkListingSigns
    let oneDrive = site.kind == .oneDrive
    let partitionSource: SettingSource = oneDrive ? .oneDrivePartition : .sharePointPartition
    // Capability: the most restrictive of tenant, partition (unless the site overrides it) and site.
    var caps: [Sourced<SharingCapability>] = []
    if let value = tenant?.sharingCapability { caps.append(Sourced(value: value, source: .tenant)) }
    if !site.overrideSharingCapability, let value = tenant?.partitionCapability(oneDrive: oneDrive) {
      caps.append(Sourced(value: value, source: partitionSource))
    }
    let capsWithoutSite = caps
    if let stored = site.storedCapability, signs.isEmpty { caps.append(Sourced(value: stored, source: .site)) }
    // On ties the site is named: it is where the value was set for this site.
    let effective = caps.min {
      ($0.value.rank, $0.source == .site ? 0 : 1) < ($1.value.rank, $1.source == .site ? 0 : 1)
    }
    if signs.isEmpty, let reported = site.reportedCapability, let effective, reported > effective.value,
      let tenantCap = capsWithoutSite.map(\.value).min(), reported > tenantCap
    {
      signs.append("the site reports \(reported.title) although the tenant allows at most \(tenantCap.title)")
    }
    var posture = SitePosture(site: site, label: label, detail: signs.isEmpty ? .complete : .insufficient(signs))
    posture.effectiveCapability = effective
    if posture.isComplete, let stored = site.storedCapability, let effective, stored > effective.value {
      posture.latentCapability = stored
    }
    // Default link scope: site, else the partition's newer scope, else the tenant's link type.
    let complete = posture.isComplete
    var scope: Sourced<LinkScopeDefault>?
    if complete, site.defaultToExistingAccess {
      scope = Sourced(value: .existingAccess, source: .site)
    } else if complete, let value = site.defaultScope {
      scope = Sourced(value: value, source: .site)
    } else if let value = oneDrive ? tenant?.oneDriveDefaultLinkScope : tenant?.coreDefaultLinkScope {
      scope = Sourced(value: value, source: partitionSource)
    } else if let value = tenant?.defaultLinkScope {
      scope = Sourced(value: value, source: .tenant)
    } else if tenant?.defaultLinkTypeIsNone == true {
      // Tenant "None": the widest link the settings allow. A tenant export without the setting
      // (Graph) leaves the default unknown rather than guessed.
      scope = Sourced(value: .anyone, source: .tenant)
    }
    if let current = scope, current.value == .anyone, let effective, effective.value != .externalUserAndGuestSharing {
      scope = Sourced(value: .organization, source: .fallback)
    }
    posture.defaultScope = scope
    if complete, let value = site.defaultRole {
      posture.defaultRole = Sourced(value: value, source: .site)
    } else if let value = oneDrive ? tenant?.oneDriveDefaultLinkRole : tenant?.coreDefaultLinkRole {
      posture.defaultRole = Sourced(value: value, source: partitionSource)
    } else if let value = tenant?.defaultLinkRole {
      posture.defaultRole = Sourced(value: value, source: .tenant)
    } else if tenant?.defaultLinkPermissionIsNone == true {
      posture.defaultRole = Sourced(value: .edit, source: .builtInDefault)
    }
    // Anyone-link expiry: the site's override, else the tenant's requirement (≤ 0 = none).
    if complete, site.anyoneExpiryOverride {
      let days = site.anyoneExpiryDays.flatMap { $0 > 0 ? $0 : nil }
      posture.anyoneExpiryDays = Sourced(value: days, source: .site)
    } else if let days = tenant?.anyoneLinkExpiryDays {
      posture.anyoneExpiryDays = Sourced(value: days > 0 ? days : nil, source: .tenant)
    }
    return posture
  }
}
