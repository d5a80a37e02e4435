import Foundation
import Testing

@testable import ShareLensKit

/// Every real settings sample, read.
@Suite struct SettingsReadingTests {
  static func load(_ fixtures: String...) throws -> (SettingsInputs, [InputFile]) {
    let files = try fixtures.map { name in
      try InputInspector.inspect(path: try Fixtures.path(name), displayPath: name, requestedRole: nil)
    }
    return try SettingsLoader.load(files)
  }

  @Test func scubaGearGetSPOTenantAndSite() throws {
    let (settings, files) = try Self.load("real/scubagear-1.7.0-Get-SPOTenant-Get-SPOSite.json")
    #expect(files[0].format == .scubaGearJSON)
    let tenant = try #require(settings.tenant)
    #expect(tenant.sharingCapability == .disabled)
    #expect(tenant.oneDriveSharingCapability == .disabled)
    #expect(tenant.defaultLinkScope == .specificPeople)
    #expect(tenant.defaultLinkRole == .view)
    #expect(tenant.anyoneLinkExpiryDays == 30)
    #expect(tenant.fileAnyoneLinkType == 1)
    #expect(tenant.folderAnyoneLinkType == 2)
    #expect(tenant.domainRestrictionMode == 1)
    let site = try #require(settings.sites.first)
    #expect(site.url == "https://tqhjy.sharepoint.com")
    #expect(site.kind == .communicationSite)
    #expect(site.storedCapability == .externalUserAndGuestSharing)
    #expect(site.reportedCapability == .disabled)
    let posture = PostureCalculator.posture(site, tenant: tenant, label: nil)
    #expect(posture.isComplete)
    #expect(posture.effectiveCapability == Sourced(value: .disabled, source: .tenant))
    #expect(posture.latentCapability == .externalUserAndGuestSharing)
    #expect(posture.defaultScope == Sourced(value: .specificPeople, source: .tenant))
  }

  @Test func scubaGearPnPHasNoOneDriveCapability() throws {
    let (settings, _) = try Self.load("real/scubagear-1.6.0-Get-PnPTenant-Get-PnPTenantSite.json")
    let tenant = try #require(settings.tenant)
    #expect(tenant.sharingCapability == .disabled)
    #expect(tenant.oneDriveSharingCapability == nil)
    let warning = BaselineRules.findings(tenant).first { $0.rule == "MS.SHAREPOINT.1.2v1" }
    #expect(warning?.severity == .warning)
    #expect(settings.sites.count == 1)
  }

  @Test func scubaGearRESTTenant() throws {
    let (settings, _) = try Self.load("real/scubagear-1.8.0-rest-SPO.Tenant.json")
    let tenant = try #require(settings.tenant)
    #expect(tenant.oneDriveSharingCapability == .disabled)
    #expect(tenant.coreSharingCapability == .disabled)
    #expect(tenant.anyoneLinkExpiryDays == -1)
    #expect(tenant.coreDefaultLinkScope == nil)
  }

  @Test func cliForMicrosoft365MixesNamesAndNumbers() throws {
    let (settings, files) = try Self.load("real/cli-m365-spo-tenant-settings-list.response.json")
    #expect(files[0].format == .cliTenantJSON)
    let tenant = try #require(settings.tenant)
    #expect(tenant.sharingCapability == .disabled)
    #expect(tenant.oneDriveSharingCapability == .disabled)
    #expect(tenant.defaultLinkScope == .organization)
    #expect(tenant.defaultLinkRole == .edit)
    #expect(tenant.fileAnyoneLinkType == 2)
  }

  @Test func graphSettingsInAValueWrapper() throws {
    let (settings, _) = try Self.load("real/graph-v1.0-sharepointsettings-get.response.json")
    let tenant = try #require(settings.tenant)
    #expect(tenant.sharingCapability == .externalUserAndGuestSharing)
    #expect(tenant.domainRestrictionMode == 1)
    #expect(tenant.preventExternalUsersFromResharing == false)
    #expect(tenant.defaultLinkScope == nil)
  }

  @Test func csomBulkListingIsInsufficientDetail() throws {
    let (settings, files) = try Self.load("real/cli-m365-onedrive-list.response.json")
    #expect(files[0].format == .csomSitesJSON)
    let site = try #require(settings.sites.first)
    #expect(site.kind == .oneDrive)
    #expect(site.labelId == nil, "the all-zero GUID means no label")
    var tenant = TenantSettings()
    tenant.sharingCapability = .externalUserAndGuestSharing
    let posture = PostureCalculator.posture(site, tenant: tenant, label: nil)
    guard case .insufficient(let signs) = posture.detail else {
      Issue.record("expected insufficient detail")
      return
    }
    #expect(signs.contains { $0.contains("DefaultShareLinkScope 0") })
    #expect(posture.effectiveCapability == Sourced(value: .externalUserAndGuestSharing, source: .tenant))
  }

  @Test func labelActionsAndGraphLabels() throws {
    let (settings, _) = try Self.load(
      "real/getlabel-labelactions-live.json", "real/graph-beta-security-sensitivitylabel-get.response.json")
    #expect(settings.labels.isEmpty == false)
    let graph = settings.labels.first { $0.id == "0ed12617-d0ef-4053-b8e4-ecf5bcf2ffb3" }
    #expect(graph?.appliesToSites == true)
    #expect(graph?.priority == 2)
  }

  /// The LabelActions excerpt has no identity of its own; given one, it reads as a site label.
  @Test func labelActionsStringsAreParsed() throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: try Fixtures.path("real/getlabel-labelactions-live.json")))
    var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    object["Guid"] = "{6D4B3A2C-1F0E-4D5C-9B8A-7F6E5D4C3B2A}"
    object["DisplayName"] = "Fixture"
    object["Settings"] = [
      "[defaultsharingscope, SpecificPeople]", "[defaultsharelinkpermission, View]", "[color, #FF0000]",
    ]
    let label = try #require(LabelReader.read(object))
    #expect(label.id == "6d4b3a2c-1f0e-4d5c-9b8a-7f6e5d4c3b2a")
    #expect(label.siteSettingsEnabled)
    #expect(label.externalSharing == .existingExternalUserSharingOnly)
    #expect(label.defaultScope == .specificPeople)
    #expect(label.defaultRole == .view)
    #expect(label.settingsSource == "LabelActions")
    #expect(label.forbidsAnyone)
  }

  @Test(arguments: [
    ("2", SharingCapability.externalUserAndGuestSharing), ("ExternalUserAndGuestSharing", .externalUserAndGuestSharing),
    ("externaluserandguestsharing", .externalUserAndGuestSharing),
    ("existingExternalUserSharingOnly", .existingExternalUserSharingOnly),
    ("0", .disabled), ("Disabled", .disabled),
  ])
  func enumsAsNumbersOrNamesInAnyCase(text: String, expected: SharingCapability) {
    #expect(SharingCapability(lenient: text) == expected)
    #expect(SharingCapability(lenient: NSNumber(value: expected.rawValue)) == expected)
  }

  @Test func restrictivenessIsNotNumericOrder() {
    let ordered = SharingCapability.allCases.sorted()
    #expect(
      ordered == [.disabled, .existingExternalUserSharingOnly, .externalUserSharingOnly, .externalUserAndGuestSharing])
  }

  @Test(arguments: [
    ("/Guid(27451A5B-5823-4853-BCD4-2204D03AB477)/", "27451a5b-5823-4853-bcd4-2204d03ab477"),
    ("{27451a5b-5823-4853-bcd4-2204d03ab477}", "27451a5b-5823-4853-bcd4-2204d03ab477"),
    ("00000000-0000-0000-0000-000000000000", nil), ("", nil),
  ])
  func guidsAreNormalised(text: String, expected: String?) {
    #expect(SettingValue.guid(text) == expected)
  }
}

extension SettingsReadingTests {
  @Test func exportCsvWithEnumNames() throws {
    let (settings, files) = try Self.load("crafted/tenant-export-csv.csv", "crafted/sites-export-csv.csv")
    #expect(files.map(\.format) == [.tenantCSV, .sitesCSV])
    let tenant = try #require(settings.tenant)
    #expect(tenant.sharingCapability == .externalUserSharingOnly)
    #expect(tenant.oneDriveSharingCapability == .existingExternalUserSharingOnly)
    #expect(tenant.defaultLinkScope == .organization)
    #expect(tenant.defaultLinkRole == .view)
    #expect(tenant.anyoneLinkExpiryDays == 14)
    #expect(tenant.folderAnyoneLinkType == 3)
    let site = try #require(settings.sites.first)
    #expect(site.labelId == "074e257c-5848-4582-9a6f-34a182080e71")
    #expect(site.storedCapability == .externalUserSharingOnly)
    #expect(site.defaultScope == .specificPeople)
    let posture = PostureCalculator.posture(site, tenant: tenant, label: nil)
    #expect(posture.effectiveCapability == Sourced(value: .externalUserSharingOnly, source: .site))
  }
}
