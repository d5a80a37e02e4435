import Foundation
import Testing

@testable import ShareLensKit

/// A positive and a negative case for every rule.
@Suite struct RuleTests {
  static let url = "https://contoso.sharepoint.com/sites/Finance"
  static let labelId = "074e257c-5848-4582-9a6f-34a182080e71"

  static func tenant(_ capability: SharingCapability = .externalUserAndGuestSharing) -> TenantSettings {
    var tenant = TenantSettings()
    tenant.sharingCapability = capability
    tenant.oneDriveSharingCapability = capability
    tenant.defaultLinkScope = .specificPeople
    tenant.defaultLinkRole = .view
    tenant.anyoneLinkExpiryDays = 30
    return tenant
  }

  static func site(
    stored: SharingCapability = .existingExternalUserSharingOnly, scope: LinkScopeDefault? = nil,
    role: LinkRoleDefault? = nil,
    label: String? = labelId
  ) -> Site {
    var site = Site(url: url, title: "Finance", template: "GROUP#0")
    site.storedCapability = stored
    site.reportedCapability = stored
    site.defaultScope = scope
    site.defaultRole = role
    site.labelId = label
    return site
  }

  static func label(
    sharing: SharingCapability? = .existingExternalUserSharingOnly, scope: LinkScopeDefault? = .specificPeople,
    role: LinkRoleDefault? = .view, enabled: Bool = true, appliesToSites: Bool = true
  ) -> SensitivityLabel {
    var label = SensitivityLabel(id: labelId, name: "Confidential")
    label.externalSharing = sharing
    label.defaultScope = scope
    label.defaultRole = role
    label.siteSettingsEnabled = enabled
    label.appliesToSites = appliesToSites
    return label
  }

  static func anyoneLink(edit: Bool = true, removed: Bool = false, expires: Int64? = nil) -> SharingLink {
    SharingLink(
      id: "l1", scope: .anyone, permission: edit ? .edit : .view, siteUrl: url,
      itemUrl: url + "/Shared Documents/a.docx",
      itemName: "a.docx", createdBy: "a@contoso.com", createdAt: 1_000_000, origin: .web, originConfidence: .likely,
      originEvidence: "", uses: 0, distinctVisitors: 0, lastUsedAt: nil, removedAt: removed ? 2_000_000 : nil,
      expiresAt: expires, workload: "SharePoint")
  }

  static func rules(
    tenant: TenantSettings = tenant(), site: Site = site(), labels: [SensitivityLabel] = [label()],
    links: [SharingLink] = [], policy: LabelPolicy? = nil
  ) -> Set<String> {
    var settings = SettingsInputs()
    settings.tenant = tenant
    settings.sites = [site]
    settings.labels = labels
    let context = ReportContext(
      title: "t", classification: nil, generatedAt: Date(timeIntervalSince1970: 0),
      inputs: ReportInputs(origin: .userFiles, files: []), links: links, settings: settings, labelPolicy: policy)
    return Set(context.findings.filter { $0.subject != "tenant" }.map(\.rule))
  }

  @Test func aSiteThatAgreesWithItsLabelHasNoFinding() {
    #expect(Self.rules() == [])
  }

  @Test func l1SiteBroaderThanLabel() {
    #expect(Self.rules(site: Self.site(stored: .externalUserAndGuestSharing)).contains("L1"))
    #expect(!Self.rules(site: Self.site(stored: .disabled)).contains("L1"))
  }

  @Test func l2LabelBroaderThanTenant() {
    #expect(Self.rules(tenant: Self.tenant(.disabled), site: Self.site(stored: .disabled)).contains("L2"))
    #expect(!Self.rules(tenant: Self.tenant(.existingExternalUserSharingOnly)).contains("L2"))
  }

  @Test func l3DefaultScopeBroaderThanLabel() {
    #expect(Self.rules(site: Self.site(scope: .organization)).contains("L3"))
    #expect(!Self.rules(site: Self.site(scope: .specificPeople)).contains("L3"))
  }

  @Test func l4DefaultPermissionBroaderThanLabel() {
    #expect(Self.rules(site: Self.site(role: .edit)).contains("L4"))
    #expect(!Self.rules(site: Self.site(role: .view)).contains("L4"))
  }

  @Test func l5LabelDefaultAnyoneUnavailable() {
    #expect(Self.rules(labels: [Self.label(scope: .anyone)]).contains("L5"))
    #expect(
      !Self.rules(
        site: Self.site(stored: .externalUserAndGuestSharing),
        labels: [Self.label(sharing: .externalUserAndGuestSharing, scope: .anyone)]
      ).contains("L5"))
  }

  @Test func l6LabelWeakensBaseline() {
    #expect(Self.rules(labels: [Self.label(role: .edit)]).contains("L6"))
    #expect(!Self.rules(labels: [Self.label()]).contains("L6"))
  }

  @Test func l7LabelAllowsAnyone() {
    let anyone = Self.label(sharing: .externalUserAndGuestSharing)
    #expect(Self.rules(site: Self.site(stored: .externalUserAndGuestSharing), labels: [anyone]).contains("L7"))
    #expect(!Self.rules(tenant: Self.tenant(.externalUserSharingOnly), labels: [anyone]).contains("L7"))
  }

  @Test func l8LabelWithoutSiteSettings() {
    #expect(Self.rules(labels: [Self.label(enabled: false)]).contains("L8"))
    #expect(Self.rules(labels: [Self.label(appliesToSites: false)]).contains("L8"))
    #expect(!Self.rules().contains("L8"))
  }

  @Test func l9UnknownLabel() {
    #expect(Self.rules(site: Self.site(label: "11111111-2222-3333-4444-555555555555")).contains("L9"))
    #expect(!Self.rules().contains("L9"))
    #expect(
      !Self.rules(site: Self.site(label: "11111111-2222-3333-4444-555555555555"), labels: []).contains("L9"),
      "no label export at all")
  }

  @Test func l10OrganizationPolicyIsOptIn() throws {
    var ranked = Self.label()
    ranked.priority = 2
    let strict = LabelPolicy(rules: [
      .init(minimumPriority: 2, maximumSharing: .disabled, maximumDefaultLink: .specificPeople)
    ])
    #expect(Self.rules(labels: [ranked], policy: strict).contains("L10"))
    #expect(!Self.rules(labels: [ranked]).contains("L10"), "off without a policy")
    let lenient = LabelPolicy(rules: [.init(minimumPriority: 3, maximumSharing: .disabled, maximumDefaultLink: nil)])
    #expect(!Self.rules(labels: [ranked], policy: lenient).contains("L10"), "the label's priority is below the rule's")
  }

  @Test func labelPolicyFileIsReadOrRefused() throws {
    let temp = try TemporaryFolder()
    let good = try temp.write(
      "policy.json",
      #"{"rules": [{"minimumPriority": 2, "maximumSharing": "ExistingExternalUserSharingOnly", "maximumDefaultLink": "SpecificPeople"}]}"#
    )
    #expect(
      try LabelPolicy.read(path: good)
        == LabelPolicy(rules: [
          .init(
            minimumPriority: 2, maximumSharing: .existingExternalUserSharingOnly, maximumDefaultLink: .specificPeople)
        ]))
    let bad = try temp.write("bad.json", #"{"rules": [{"minimumPriority": 2, "maximumSharing": "Everyone"}]}"#)
    do {
      _ = try LabelPolicy.read(path: bad)
      Issue.record("a malformed policy was accepted")
    } catch {
      #expect(error.exitCode == 65)
    }
  }

  @Test func siteDetailFromABulkListing() {
    var bulk = Self.site()
    bulk.bulkListingSigns = ["a sign"]
    #expect(Self.rules(site: bulk) == ["SITE-DETAIL"], "nothing else is checked on such a site")
    #expect(!Self.rules().contains("SITE-DETAIL"))
  }

  @Test func a1AnyoneLinkAgainstLabel() {
    #expect(Self.rules(links: [Self.anyoneLink()]).contains("A1"))
    #expect(
      !Self.rules(
        site: Self.site(stored: .externalUserAndGuestSharing),
        labels: [Self.label(sharing: .externalUserAndGuestSharing, scope: .anyone, role: .edit)],
        links: [Self.anyoneLink()]
      ).contains("A1"))
  }

  /// Counts in findings' summaries are written as on the pages, with thousands separators.
  @Test func summariesGroupTheirThousands() {
    var settings = SettingsInputs()
    settings.tenant = Self.tenant()
    settings.sites = [Self.site()]
    settings.labels = [Self.label()]
    let links = (0..<1_234).map { _ in Self.anyoneLink() }
    let context = ReportContext(
      title: "t", classification: nil, generatedAt: Date(timeIntervalSince1970: 0),
      inputs: ReportInputs(origin: .userFiles, files: []), links: links, settings: settings)
    let summaries = context.findings.filter { $0.rule.hasPrefix("A") }.map(\.summary)
    #expect(summaries.count >= 3)
    for summary in summaries { #expect(summary.hasPrefix("1,234 "), "\(summary)") }
  }

  @Test func a2EditAnyoneLinkAgainstLabelView() {
    #expect(Self.rules(links: [Self.anyoneLink(edit: true)]).contains("A2"))
    #expect(!Self.rules(links: [Self.anyoneLink(edit: false)]).contains("A2"))
  }

  @Test func a3DormantAnyoneLinks() {
    #expect(Self.rules(links: [Self.anyoneLink()]).contains("A3"))
    #expect(!Self.rules(links: [Self.anyoneLink(removed: true)]).contains("A3"))
  }

  @Test func a4AnyoneLinksWithoutExpiry() {
    let open = Self.site(stored: .externalUserAndGuestSharing, label: nil)
    #expect(Self.rules(site: open, labels: [], links: [Self.anyoneLink()]).contains("A4"))
    #expect(
      !Self.rules(site: open, labels: [], links: [Self.anyoneLink(expires: 1_000_000 + 10 * 86_400)]).contains("A4"))
  }

  /// Each baseline check passes on a compliant tenant and fails (or says it cannot tell) on the
  /// out-of-the-box one.
  @Test func baselineChecks() {
    var compliant = TenantSettings()
    compliant.sharingCapability = .existingExternalUserSharingOnly
    compliant.oneDriveSharingCapability = .disabled
    compliant.defaultLinkScope = .specificPeople
    compliant.defaultLinkRole = .view
    compliant.anyoneLinkExpiryDays = 30
    compliant.fileAnyoneLinkType = 1
    compliant.folderAnyoneLinkType = 1
    compliant.domainRestrictionMode = 1
    compliant.emailAttestationRequired = true
    compliant.emailAttestationReAuthDays = 15
    compliant.enableAzureADB2BIntegration = true
    compliant.preventExternalUsersFromResharing = true
    compliant.externalUserExpirationRequired = true
    compliant.externalUserExpireInDays = 30
    compliant.legacyAuthProtocolsEnabled = false
    compliant.disallowInfectedFileDownload = true
    compliant.guestSharingGroupAllowList = "9f2d…"
    #expect(BaselineRules.findings(compliant).map(\.id) == [])

    var outOfTheBox = TenantSettings()
    outOfTheBox.sharingCapability = .externalUserAndGuestSharing
    outOfTheBox.oneDriveSharingCapability = .externalUserAndGuestSharing
    outOfTheBox.defaultLinkScope = .anyone
    outOfTheBox.defaultLinkRole = .edit
    outOfTheBox.anyoneLinkExpiryDays = 0
    outOfTheBox.fileAnyoneLinkType = 2
    outOfTheBox.folderAnyoneLinkType = 2
    outOfTheBox.domainRestrictionMode = 0
    outOfTheBox.emailAttestationRequired = false
    outOfTheBox.enableAzureADB2BIntegration = false
    outOfTheBox.preventExternalUsersFromResharing = false
    outOfTheBox.externalUserExpirationRequired = false
    outOfTheBox.legacyAuthProtocolsEnabled = true
    outOfTheBox.disallowInfectedFileDownload = false
    outOfTheBox.guestSharingGroupAllowList = ""
    let failing = BaselineRules.findings(outOfTheBox)
    #expect(Set(failing.map(\.rule)) == Set(BaselineRules.checks.map(\.rule)))
    #expect(failing.allSatisfy { $0.severity != .warning && $0.remediation?.hasPrefix("Set-SPOTenant") == true })
    #expect(
      BaselineRules.findings(TenantSettings()).filter { $0.severity == .warning }.count >= 10,
      "missing settings are said, not passed")
  }

  @Test func effectiveDefaultFallsBackWhenAnyoneIsNotAllowed() {
    let posture = PostureCalculator.posture(Self.site(scope: .anyone, label: nil), tenant: Self.tenant(), label: nil)
    #expect(posture.defaultScope == Sourced(value: .organization, source: .fallback))
  }

  @Test func findingIdsAreStable() {
    var settings = SettingsInputs()
    settings.tenant = Self.tenant()
    settings.sites = [Self.site(stored: .externalUserAndGuestSharing)]
    settings.labels = [Self.label()]
    let context = ReportContext(
      title: "t", classification: nil, generatedAt: Date(timeIntervalSince1970: 0),
      inputs: ReportInputs(origin: .userFiles, files: []),
      settings: settings)
    #expect(context.findings.map(\.id).contains("L1:\(Self.url)"))
  }
}

extension RuleTests {
  @Test func tenantDefaultNoneFailsTheBaselinesAndMeansTheWidestLink() {
    let tenant = TenantSettingsReader.read([
      "SharingCapability": 2, "DefaultSharingLinkType": 0, "DefaultLinkPermission": "None",
    ])
    let rules = Set(BaselineRules.findings(tenant).filter { $0.severity != .warning }.map(\.rule))
    #expect(rules.isSuperset(of: ["MS.SHAREPOINT.2.1v1", "MS.SHAREPOINT.2.2v1", "CIS-7.2.7"]))
    var site = Self.site(stored: .externalUserAndGuestSharing, label: nil)
    site.defaultScope = nil
    #expect(
      PostureCalculator.posture(site, tenant: tenant, label: nil).defaultScope
        == Sourced(value: .anyone, source: .tenant))
  }

  /// Graph's settings have no default link type: the default is unknown, not guessed.
  @Test func aTenantExportWithoutDefaultsLeavesThemUnknown() {
    let tenant = TenantSettingsReader.read(["sharingCapability": "externalUserAndGuestSharing"])
    var site = Self.site(stored: .externalUserAndGuestSharing)
    site.defaultScope = nil
    let posture = PostureCalculator.posture(site, tenant: tenant, label: Self.label())
    #expect(posture.defaultScope == nil)
    #expect(!Self.rules(tenant: tenant, site: site).contains("L3"))
  }

  /// The partition (OneDrive or SharePoint) caps a site unless it overrides it; the tenant always does.
  @Test(arguments: [
    (
      SharingCapability.externalUserAndGuestSharing, SharingCapability.disabled, false,
      SettingSource.sharePointPartition, SharingCapability.disabled
    ),
    (.externalUserAndGuestSharing, .disabled, true, .site, .externalUserAndGuestSharing),
    (.existingExternalUserSharingOnly, .externalUserSharingOnly, true, .tenant, .existingExternalUserSharingOnly),
  ])
  func partitionAndOverride(
    tenantCap: SharingCapability, core: SharingCapability, override: Bool, source: SettingSource,
    expected: SharingCapability
  ) {
    var tenant = Self.tenant(tenantCap)
    tenant.coreSharingCapability = core
    var site = Self.site(stored: .externalUserAndGuestSharing, label: nil)
    site.overrideSharingCapability = override
    let posture = PostureCalculator.posture(site, tenant: tenant, label: nil)
    #expect(posture.effectiveCapability == Sourced(value: expected, source: source))
  }

  @Test func oneDrivesAreCappedByTheOneDrivePartition() {
    var tenant = Self.tenant(.externalUserAndGuestSharing)
    tenant.oneDriveSharingCapability = .existingExternalUserSharingOnly
    var site = Site(
      url: "https://contoso-my.sharepoint.com/personal/megan_contoso_com", title: "Megan", template: "SPSPERS#10")
    site.storedCapability = .externalUserAndGuestSharing
    let posture = PostureCalculator.posture(site, tenant: tenant, label: nil)
    #expect(posture.effectiveCapability == Sourced(value: .existingExternalUserSharingOnly, source: .oneDrivePartition))
    #expect(posture.latentCapability == .externalUserAndGuestSharing)
  }

  @Test func l2RespectsTheSitesPartitionOverride() {
    var tenant = Self.tenant(.externalUserAndGuestSharing)
    tenant.coreSharingCapability = .disabled
    var site = Self.site(stored: .existingExternalUserSharingOnly)
    site.reportedCapability = .disabled  // what SharePoint reports: capped by the partition
    #expect(Self.rules(tenant: tenant, site: site).contains("L2"))
    site.overrideSharingCapability = true
    site.reportedCapability = .existingExternalUserSharingOnly
    #expect(!Self.rules(tenant: tenant, site: site).contains("L2"))
  }

  @Test func numbersMustBeWholeAndInRange() {
    #expect(SettingValue.int(NSNumber(value: 1e30)) == nil)
    #expect(SettingValue.int(NSNumber(value: 30.5)) == nil)
    #expect(SettingValue.int(NSNumber(value: 30)) == 30)
    #expect(SettingValue.int("-1") == -1)
    #expect(SharingCapability(lenient: NSNumber(value: 2.9)) == nil)
  }

  @Test func commandsQuoteWhatTheyCarry() {
    #expect(PowerShell.quote("https://x/sites/a$(calc)'b") == "'https://x/sites/a$(calc)''b'")
    // PowerShell ends a single-quoted string at a typographic single quote too, and at a quote
    // followed by a combining mark (one Character, which a Character-wise replace misses).
    #expect(
      PowerShell.quote("a\u{2019}b\u{2018}c\u{201A}d\u{201B}e")
        == "'a\u{2019}\u{2019}b\u{2018}\u{2018}c\u{201A}\u{201A}d\u{201B}\u{201B}e'")
    #expect(PowerShell.quote("a'\u{301}; calc") == "'a''\u{301}; calc'")
  }
}
