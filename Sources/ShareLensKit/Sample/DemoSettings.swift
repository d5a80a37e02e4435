/// The demo tenant's settings exports, shaped like the real ones: `Get-SPOTenant | ConvertTo-Json`
/// (numeric enums), `Get-SPOSite -Identity … | Select-Object * | ConvertTo-Json` for every site,
/// and `Get-Label | ConvertTo-Json` (LabelActions as JSON strings, Settings as "[key, value]").
enum DemoSettings {
  /// Out-of-the-box sharing, as many tenants still have it: Anyone links allowed, Anyone the
  /// default link type with Edit permission, no expiry required.
  static func tenant() -> String {
    let members: [(String, OrderedJSON)] = [
      ("StorageQuota", .int(5_242_880)), ("StorageQuotaAllocated", .int(0)), ("OneDriveStorageQuota", .int(1_048_576)),
      ("CompatibilityRange", .string("15,15")), ("ExternalServicesEnabled", .bool(true)),
      ("NoAccessRedirectUrl", .null), ("SharingCapability", .int(2)), ("OneDriveSharingCapability", .int(2)),
      ("CoreSharingCapability", .int(2)), ("DisplayStartASiteOption", .bool(true)), ("ShowEveryoneClaim", .bool(false)),
      ("ShowAllUsersClaim", .bool(false)), ("ShowEveryoneExceptExternalUsersClaim", .bool(true)),
      ("OfficeClientADALDisabled", .bool(false)), ("LegacyAuthProtocolsEnabled", .bool(true)),
      ("RequireAcceptingAccountMatchInvitedAccount", .bool(false)), ("ProvisionSharedWithEveryoneFolder", .bool(false)),
      ("SignInAccelerationDomain", .string("")), ("EnableGuestSignInAcceleration", .bool(false)),
      ("BccExternalSharingInvitations", .bool(false)), ("BccExternalSharingInvitationsList", .null),
      ("RequireAnonymousLinksExpireInDays", .int(0)), ("SharingAllowedDomainList", .string("")),
      ("SharingBlockedDomainList", .string("")), ("SharingDomainRestrictionMode", .int(0)),
      ("OneDriveForGuestsEnabled", .bool(false)), ("IPAddressEnforcement", .bool(false)),
      ("DefaultSharingLinkType", .int(3)), ("ODBMembersCanShare", .int(0)), ("ODBAccessRequests", .int(0)),
      ("PreventExternalUsersFromResharing", .bool(false)), ("ShowPeoplePickerSuggestionsForGuestUsers", .bool(false)),
      ("FileAnonymousLinkType", .int(2)), ("FolderAnonymousLinkType", .int(2)),
      ("NotifyOwnersWhenItemsReshared", .bool(true)), ("NotifyOwnersWhenInvitationsAccepted", .bool(true)),
      ("NotificationsInOneDriveForBusinessEnabled", .bool(true)), ("NotificationsInSharePointEnabled", .bool(true)),
      ("OwnerAnonymousNotification", .bool(true)), ("OrphanedPersonalSitesRetentionPeriod", .int(30)),
      ("DefaultLinkPermission", .int(2)), ("ConditionalAccessPolicy", .int(0)),
      ("AllowDownloadingNonWebViewableFiles", .bool(true)), ("LimitedAccessFileType", .int(1)),
      ("AllowEditing", .bool(true)), ("EmailAttestationRequired", .bool(false)),
      ("EmailAttestationReAuthDays", .int(30)),
      ("ExternalUserExpirationRequired", .bool(false)), ("ExternalUserExpireInDays", .int(60)),
      ("EnableAzureADB2BIntegration", .bool(false)), ("SyncAadB2BManagementPolicy", .bool(false)),
      ("CoreDefaultShareLinkScope", .int(-1)), ("CoreDefaultShareLinkRole", .int(0)),
      ("CoreDefaultLinkToExistingAccess", .bool(false)), ("OneDriveDefaultShareLinkScope", .int(-1)),
      ("OneDriveDefaultShareLinkRole", .int(0)), ("OneDriveDefaultLinkToExistingAccess", .bool(false)),
      ("BlockSendLabelMismatchEmail", .bool(false)), ("EnableAIPIntegration", .bool(true)),
      ("EnableSensitivityLabelForPDF", .bool(true)), ("DisableDocumentLibraryDefaultLabeling", .bool(false)),
      ("MarkNewFilesSensitiveByDefault", .int(0)), ("EnableAutoNewsDigest", .bool(true)),
      ("CommentsOnFilesDisabled", .bool(false)), ("DisallowInfectedFileDownload", .bool(false)),
      ("GuestSharingGroupAllowListInTenantByGroupId", .array([])), ("CommentsOnSitePagesDisabled", .bool(false)),
      ("SpecialCharactersStateInFileFolderNames", .int(1)), ("DisabledWebPartIds", .null),
    ]
    return OrderedJSON.object(members).text() + "\n"
  }

  static func sites() -> String {
    let values = DemoWorld.sites.map { site -> OrderedJSON in
      // The tenant allows Anyone, so every site's effective capability is its own.
      let effective = site.defined
      let label = site.label.map { DemoWorld.label(named: $0).guid }
      let members: [(String, OrderedJSON)] = [
        ("LastContentModifiedDate", .string("2026-11-30T17:42:10Z")), ("Status", .string("Active")),
        ("ArchiveStatus", .string("NotArchived")), ("LockIssue", .null), ("WebsCount", .int(1)),
        ("CompatibilityLevel", .int(15)), ("DisableSharingForNonOwnersStatus", .null),
        ("HubSiteId", .string("00000000-0000-0000-0000-000000000000")), ("IsHubSite", .bool(false)),
        ("GroupId", .string(site.kind == .groupTeamSite ? groupId(site) : "00000000-0000-0000-0000-000000000000")),
        ("Url", .string(site.url)), ("LocaleId", .int(1033)), ("LockState", .string(site.lockState)),
        ("Owner", .string(site.owner)), ("StorageQuota", .int(site.kind == .oneDrive ? 1_048_576 : 26_214_400)),
        ("Template", .string(site.kind.template)), ("Title", .string(site.title)),
        ("DenyAddAndCustomizePages", .int(2)), ("SharingCapability", .int(effective.rawValue)),
        ("SiteDefinedSharingCapability", .int(site.defined.rawValue)), ("DisableCompanyWideSharingLinks", .int(2)),
        ("ConditionalAccessPolicy", .int(0)), ("SharingDomainRestrictionMode", .int(0)),
        ("SharingAllowedDomainList", .string("")), ("SharingBlockedDomainList", .string("")),
        ("AllowDownloadingNonWebViewableFiles", .bool(true)), ("LimitedAccessFileType", .int(1)),
        ("AllowEditing", .bool(true)), ("SensitivityLabel", label.map(OrderedJSON.string) ?? .null),
        ("DefaultSharingLinkType", .int(site.defaultLinkType)), ("DefaultLinkPermission", .int(site.defaultPermission)),
        ("DefaultLinkToExistingAccess", .bool(false)),
        ("AnonymousLinkExpirationInDays", .int(site.anonymousExpiryOverride ?? 0)),
        ("OverrideTenantAnonymousLinkExpirationPolicy", .bool(site.anonymousExpiryOverride != nil)),
        ("ExternalUserExpirationInDays", .int(0)), ("OverrideTenantExternalUserExpirationPolicy", .bool(false)),
        ("SharingLockDownEnabled", .bool(false)), ("SharingLockDownCanBeCleared", .bool(true)),
        ("IsTeamsConnected", .bool(site.teams && site.kind == .groupTeamSite)),
        ("IsTeamsChannelConnected", .bool(site.kind == .channelSite)),
        ("TeamsChannelType", .int(site.kind == .channelSite ? 2 : 0)), ("OverrideSharingCapability", .bool(false)),
        ("DefaultShareLinkScope", .int(-1)), ("DefaultShareLinkRole", .int(0)), ("BlockGuestsAsSiteAdmin", .int(0)),
      ]
      return .object(members)
    }
    return OrderedJSON.array(values).text() + "\n"
  }

  static func labels() -> String {
    let values = DemoWorld.labels.map { label -> OrderedJSON in
      var actions: [String] = [
        #"{"Type":"applycontentmarking","SubType":"footer","Settings":[{"Key":"disabled","Value":"false"},{"Key":"text","Value":"Classified as \#(label.name)"}]}"#
      ]
      var settings = ["[color, \(label.color)]"]
      var contentType = "File, Email"
      if let sharing = label.siteSharing {
        contentType = "File, Email, Site, UnifiedGroup"
        actions.append(
          #"{"Type":"protectgroup","SubType":null,"Settings":[{"Key":"allowaccesstoguestusers","Value":"\#(sharing == .disabled ? "false" : "true")"},{"Key":"allowemailfromguestusers","Value":"false"},{"Key":"disabled","Value":"false"},{"Key":"privacy","Value":"\#(label.privacy ?? "private")"}]}"#
        )
        actions.append(
          #"{"Type":"protectsite","SubType":null,"Settings":[{"Key":"allowfullaccess","Value":"true"},{"Key":"externalsharingcontroltype","Value":"\#(sharing.name)"},{"Key":"disabled","Value":"false"}]}"#
        )
      }
      if let scope = label.defaultScope { settings.append("[defaultsharingscope, \(scope)]") }
      if let permission = label.defaultPermission { settings.append("[defaultsharelinkpermission, \(permission)]") }
      let members: [(String, OrderedJSON)] = [
        ("Priority", .int(label.priority)), ("ContentType", .string(contentType)), ("Disabled", .bool(false)),
        ("Mode", .string("Enforce")), ("LabelActions", .array(actions.map(OrderedJSON.string))),
        ("Settings", .array(settings.map(OrderedJSON.string))), ("Tooltip", .string(label.tooltip)),
        ("Comment", .string("")), ("ParentId", .null), ("DisplayName", .string(label.name)),
        ("ImmutableId", .string(label.guid)), ("Guid", .string(label.guid)), ("Name", .string(label.name)),
        ("Workload", .string("Exchange")), ("IsValid", .bool(true)),
      ]
      return .object(members)
    }
    return OrderedJSON.array(values).text() + "\n"
  }

  static func groupId(_ site: DemoWorld.Site) -> String {
    var generator = SplitMix64(seed: UInt64(truncatingIfNeeded: site.url.utf8.reduce(5381) { ($0 &* 33) &+ Int($1) }))
    return generator.guid().string
  }
}
