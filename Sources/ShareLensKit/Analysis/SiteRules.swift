import Foundation

/// Label versus site checks (L1–L9 of the label rules) and the checks that join the audit data:
/// links the label or the site's settings should not have let happen.
public enum SiteRules {
  static func labelName(_ label: SensitivityLabel) -> String { "\(label.name) (\(label.id))" }

  public static func findings(_ postures: [SitePosture], settings: SettingsInputs, links: [SharingLink]) -> [Finding] {
    var findings: [Finding] = []
    let bySite = SharingLink.bySite(links)
    for posture in postures {
      let site = posture.site
      let url = site.url
      guard case .complete = posture.detail else {
        if case .insufficient(let signs) = posture.detail {
          findings.append(
            Finding(
              rule: "SITE-DETAIL", severity: .warning, subject: url, siteUrl: url,
              summary: "The site list does not say how this site is set: it looks like a bulk listing.",
              evidence: signs,
              explanation:
                "Get-SPOSite -Limit All and Get-PnPTenantSite without -Detailed leave the sharing fields unpopulated with default-looking values (Microsoft documents this). The report uses the tenant's settings for this site and checks nothing that needs the site's own.",
              remediation: "Get-SPOSite -Identity \(PowerShell.quote(url)) | Select-Object * | ConvertTo-Json",
              references: ["Get-SPOSite documentation"]))
        }
        continue
      }
      if let labelId = site.labelId {
        if let label = posture.label {
          findings += labelFindings(posture, label: label, tenant: settings.tenant)
        } else if !settings.labels.isEmpty {
          findings.append(
            Finding(
              rule: "L9", severity: .warning, subject: url, siteUrl: url,
              summary: "The site carries a sensitivity label that is not in the label export.",
              evidence: ["site label id \(labelId)"],
              explanation:
                "The label was deleted or not published, or the label export is incomplete: what it should enforce cannot be checked.",
              remediation: "Get-Label -Identity \(PowerShell.quote(labelId))", references: ["label rule L9"]))
        }
      }
      findings += activityFindings(posture, links: bySite[url.lowercased()] ?? [])
    }
    findings += labelWideFindings(settings)
    return findings
  }

  static func labelFindings(_ posture: SitePosture, label: SensitivityLabel, tenant: TenantSettings?) -> [Finding] {
    let site = posture.site
    let url = site.url
    var findings: [Finding] = []
    let name = labelName(label)
    guard label.appliesToSites != false, label.siteSettingsEnabled else {
      findings.append(
        Finding(
          rule: "L8", severity: .info, subject: url, siteUrl: url,
          summary:
            "The site's label \(label.name) has no site settings: it classifies the site but does not control its sharing.",
          evidence: [
            "label \(name): scope \(label.appliesToSites == false ? "without sites and groups" : "includes sites"), site settings \(label.siteSettingsEnabled ? "on" : "off")"
          ],
          explanation:
            "A label without \"groups & sites\" settings is still offered for sites, but applying it changes nothing: sharing is governed by the site and tenant settings alone. If sites with this label should be held to a sharing level, turn on its site settings with that level (Set-Label -SiteAndGroupProtectionEnabled $true -SiteExternalSharingControlType …).",
          remediation: nil,
          references: ["label rule L8", "Purview: sensitivity labels for Teams, groups and sites"]))
      return findings
    }
    if let wanted = label.externalSharing {
      if let stored = site.storedCapability, stored > wanted {
        let effective = posture.effectiveCapability?.value
        findings.append(
          Finding(
            rule: "L1", severity: (effective.map { $0 > wanted } ?? true) ? .high : .medium, subject: url, siteUrl: url,
            summary:
              "The site allows sharing with \(stored.title); its label \(label.name) allows at most \(wanted.title).",
            evidence: [
              "label \(name): external sharing \(wanted.name)", "site: SiteDefinedSharingCapability \(stored.name)",
              "effective: \(effective?.title ?? "unknown")",
            ],
            explanation:
              "Applying a label sets the site's sharing to the label's value. A broader site value means the label's intent is not in force: the label was edited after it was applied (changes can take 24 hours or more to reach sites), or the site was changed by hand.",
            remediation: "Set-SPOSite -Identity \(PowerShell.quote(url)) -SharingCapability \(wanted.name)",
            references: ["label rule L1"]
          ))
      }
      let partition =
        site.overrideSharingCapability ? nil : tenant?.partitionCapability(oneDrive: site.kind == .oneDrive)
      let cap = [tenant?.sharingCapability, partition].compactMap { $0 }.min()
      if let cap, wanted > cap {
        findings.append(
          Finding(
            rule: "L2", severity: .info, subject: url, siteUrl: url,
            summary:
              "The label \(label.name) promises \(wanted.title) sharing, but the tenant allows at most \(cap.title).",
            evidence: ["label \(name): external sharing \(wanted.name)", "tenant cap: \(cap.name)"],
            explanation:
              "A site's sharing must be the same as or more restrictive than the organization's, so the label's setting cannot take effect. Nothing is exposed; the label is misleading.",
            remediation:
              "Set-Label -Identity \(PowerShell.quote(label.id)) -SiteExternalSharingControlType \(cap.name)",
            references: ["label rule L2"]))
      }
    }
    if let wanted = label.defaultScope, let actual = posture.defaultScope, actual.value > wanted {
      findings.append(
        Finding(
          rule: "L3", severity: actual.value == .anyone ? .high : .medium, subject: url, siteUrl: url,
          summary: "The site's default link is \(actual.value.title); its label \(label.name) sets \(wanted.title).",
          evidence: [
            "label \(name): defaultsharingscope \(wanted.title)",
            "effective default: \(actual.value.title) (from \(actual.source.title))",
          ],
          explanation:
            "The label's default sharing link is the equivalent of the site's default link type: a labelled site whose default is broader has drifted from its label.",
          remediation: "Set-SPOSite -Identity \(PowerShell.quote(url)) -DefaultSharingLinkType \(wanted.linkTypeName)",
          references: ["label rule L3"]))
    }
    if label.defaultRole == .view, let actual = posture.defaultRole, actual.value == .edit {
      findings.append(
        Finding(
          rule: "L4", severity: .medium, subject: url, siteUrl: url,
          summary: "The site's default link permission is Edit; its label \(label.name) sets View.",
          evidence: [
            "label \(name): defaultsharelinkpermission View",
            "effective default permission: Edit (from \(actual.source.title))",
          ],
          explanation:
            "The label's default link permission is the equivalent of the site's DefaultLinkPermission: the site has drifted from its label.",
          remediation: "Set-SPOSite -Identity \(PowerShell.quote(url)) -DefaultLinkPermission View",
          references: ["label rule L4"]))
    }
    if label.defaultScope == .anyone, !posture.allowsAnyone {
      findings.append(
        Finding(
          rule: "L5", severity: .info, subject: url, siteUrl: url,
          summary: "The label \(label.name) makes Anyone the default link, but this site does not allow Anyone links.",
          evidence: [
            "label \(name): defaultsharingscope Anyone",
            "effective sharing: \(posture.effectiveCapability?.value.title ?? "unknown")",
          ],
          explanation:
            "When Anyone links are not allowed, the default falls back to People in the organization: the label's default has no effect here.",
          remediation:
            "Set-Label -Identity \(PowerShell.quote(label.id)) -AdvancedSettings @{DefaultSharingScope=\"SpecificPeople\"}",
          references: ["label rule L5"]))
    }
    return findings
  }

  /// Rules about a label as such (L6, L7): one finding per label used by at least one site.
  static func labelWideFindings(_ settings: SettingsInputs) -> [Finding] {
    let used = Set(settings.sites.compactMap(\.labelId))
    var findings: [Finding] = []
    for label in settings.labels where used.contains(label.id) && label.siteSettingsEnabled {
      let sites = settings.sites.filter { $0.labelId == label.id }.count
      if label.defaultScope == .anyone || label.defaultScope == .organization || label.defaultRole == .edit {
        var what: [String] = []
        if let scope = label.defaultScope, scope != .specificPeople { what.append("default link \(scope.title)") }
        if label.defaultRole == .edit { what.append("default permission Edit") }
        findings.append(
          Finding(
            rule: "L6", severity: .medium, subject: label.id,
            summary:
              "The label \(label.name) sets a \(what.joined(separator: " and ")) on its \(Format.count(sites)) \(sites == 1 ? "site" : "sites"), below the baselines.",
            evidence: ["label \(labelName(label)): " + what.joined(separator: ", ")],
            explanation:
              "A site's default overrides the tenant's, so labelled sites deviate from CISA MS.SHAREPOINT.2.1 (Specific people) and 2.2 (View) and CIS 7.2.7 / 7.2.11 even when the tenant's defaults comply.",
            remediation:
              "Set-Label -Identity \(PowerShell.quote(label.id)) -AdvancedSettings @{DefaultSharingScope=\"SpecificPeople\"; DefaultShareLinkPermission=\"View\"}",
            references: [
              "label rule L6", "CISA SCuBA MS.SHAREPOINT.2.1v1", "CISA SCuBA MS.SHAREPOINT.2.2v1", "CIS M365 7.2.7",
              "CIS M365 7.2.11",
            ]))
      }
      if label.externalSharing == .externalUserAndGuestSharing,
        settings.tenant?.sharingCapability == .externalUserAndGuestSharing
      {
        findings.append(
          Finding(
            rule: "L7", severity: .medium, subject: label.id,
            summary:
              "The label \(label.name) lets its \(Format.count(sites)) \(sites == 1 ? "site" : "sites") share with Anyone.",
            evidence: [
              "label \(labelName(label)): external sharing ExternalUserAndGuestSharing", "tenant: Anyone allowed",
            ],
            explanation:
              "A site owner who applies this label can issue Anyone links; CISA MS.SHAREPOINT.1.1 wants Existing guests or less.",
            remediation:
              "Set-Label -Identity \(PowerShell.quote(label.id)) -SiteExternalSharingControlType ExistingExternalUserSharingOnly",
            references: ["label rule L7", "CISA SCuBA MS.SHAREPOINT.1.1v1"]))
      }
    }
    return findings
  }

  static func activityFindings(_ posture: SitePosture, links: [SharingLink]) -> [Finding] {
    let url = posture.site.url
    let anyone = links.filter { $0.scope == .anyone }
    guard !anyone.isEmpty else { return [] }
    var findings: [Finding] = []
    if let label = posture.label, label.siteSettingsEnabled {
      if label.forbidsAnyone {
        findings.append(
          Finding(
            rule: "A1", severity: .high, subject: url, siteUrl: url,
            summary:
              "\(Format.count(anyone.count)) Anyone \(anyone.count == 1 ? "link was" : "links were") created on a site whose label \(label.name) forbids Anyone sharing (it allows \(label.externalSharing?.title ?? "less")).",
            evidence: evidence(anyone),
            explanation:
              "Either the links predate the label (or its last change), or the label's settings never reached the site. A label that tightens sharing does not remove the links made before.",
            remediation: removal(anyone), references: ["label rule L1"]))
      } else if let narrower = label.defaultScope, narrower < .anyone {
        findings.append(
          Finding(
            rule: "A5", severity: .medium, subject: url, siteUrl: url,
            summary:
              "\(Format.count(anyone.count)) Anyone \(anyone.count == 1 ? "link was" : "links were") created on a site whose label \(label.name) makes \(narrower.title) the default link.",
            evidence: evidence(anyone),
            explanation:
              "The label allows Anyone links but does not offer them by default: these links were chosen on purpose, or made while the site's default had drifted from its label (see L3).",
            remediation: removal(anyone), references: ["label rule L3"]))
      }
      if label.defaultRole == .view {
        let edits = anyone.filter { $0.permission == .edit }
        if !edits.isEmpty {
          findings.append(
            Finding(
              rule: "A2", severity: .medium, subject: url, siteUrl: url,
              summary:
                "\(Format.count(edits.count)) Anyone \(edits.count == 1 ? "link gives" : "links give") Edit on a site whose label \(label.name) defaults to View.",
              evidence: evidence(edits),
              explanation:
                "Anyone with an Edit link can change or delete the file without signing in. The permission Anyone links may carry is a tenant-wide setting; after lowering it, re-share the files that need editing with specific people.",
              remediation: "Set-SPOTenant -FileAnonymousLinkType View -FolderAnonymousLinkType View",
              references: ["label rule L4", "CISA SCuBA MS.SHAREPOINT.3.2v1"]))
        }
      }
    }
    let active = anyone.filter(\.isActive)
    if !posture.allowsAnyone, posture.effectiveCapability != nil, !active.isEmpty {
      findings.append(
        Finding(
          rule: "A3", severity: .medium, subject: url, siteUrl: url,
          summary:
            "\(Format.count(active.count)) Anyone \(active.count == 1 ? "link is" : "links are") dormant here: the site no longer allows Anyone links, but \(active.count == 1 ? "it was" : "they were") never removed.",
          evidence: evidence(active) + [
            "effective sharing now: \(posture.effectiveCapability!.value.title) (from \(posture.effectiveCapability!.source.title))"
          ],
          explanation:
            "When sharing is turned down, existing links stop working but are not deleted; if the setting is loosened again, they work again (Microsoft: \"the site sharing setting returns to what it was before and the shared links resume working\").",
          remediation: removal(active),
          references: ["SharePoint: change the external sharing setting for a site"]))
    }
    if posture.allowsAnyone {
      // No expiry policy in the exports: links without an expiry are still worth saying.
      let policy = posture.anyoneExpiryDays ?? Sourced(value: nil, source: .tenant)
      let created = active.filter { $0.createdAt != nil }
      let tooLong = created.filter { link in
        guard let limit = policy.value else { return link.expiresAt == nil }
        guard let expires = link.expiresAt, let start = link.createdAt else { return true }
        return expires - start > Int64(limit) * 86_400
      }
      if !tooLong.isEmpty {
        let now =
          policy.value.map { "links here must now expire within \($0) days (\(policy.source.title) setting)" }
          ?? "no expiry is required here (\(policy.source.title) setting)"
        findings.append(
          Finding(
            rule: "A4", severity: policy.value == nil ? .medium : .low, subject: url, siteUrl: url,
            summary:
              "\(Format.count(tooLong.count)) active Anyone \(tooLong.count == 1 ? "link has" : "links have") no expiry, or a longer one than allowed; \(now).",
            evidence: evidence(tooLong),
            explanation: policy.value == nil
              ? "Anyone links without an expiry work until someone removes them. Requiring an expiry (Set-SPOTenant -RequireAnonymousLinksExpireInDays, or the site override) caps new links."
              : "Microsoft documents that when the expiry requirement is shortened, existing links keep their expiration if the new setting is longer, and are updated to the new setting if it is shorter; a link created without an expiry before the requirement should therefore be capped now. Check these links in the file's Manage access pane: the audit data only shows the expiry they were created with.",
            remediation: policy.value == nil ? "Set-SPOTenant -RequireAnonymousLinksExpireInDays 30" : nil,
            references: [
              "CISA SCuBA MS.SHAREPOINT.3.1v1", "SharePoint: manage sharing settings (Anyone link expiration)",
            ]))
      }
    }
    return findings
  }

  /// The command that removes the first of these links (the evidence lists each link's file and id).
  static func removal(_ links: [SharingLink]) -> String? {
    guard let link = links.first else { return nil }
    return
      "Remove-PnPFileSharingLink -FileUrl \(PowerShell.quote(serverRelative(link.itemUrl))) -Identity \(PowerShell.quote(link.id))"
  }

  /// `https://host/sites/a/Shared Documents/f.docx` → `/sites/a/Shared Documents/f.docx`.
  static func serverRelative(_ url: String) -> String {
    guard let host = url.range(of: "://")?.upperBound, let slash = url[host...].firstIndex(of: "/") else { return url }
    return String(url[slash...])
  }

  static func evidence(_ links: [SharingLink]) -> [String] {
    let shown = links.prefix(5).map { link in
      "\(serverRelative(link.itemUrl)): \(link.scope.title) \(link.permission.rawValue) link \(link.id), created \(link.createdAt.map { ReportJSON.time($0) ?? "" } ?? "before the audit data") by \(link.createdBy ?? "unknown")"
    }
    return shown + (links.count > 5 ? ["and \(links.count - 5) more on the site's page"] : [])
  }
}
