/// The fictional Contoso tenant behind `sharelens sample`: its people, sites and labels. Fixed
/// data; only the audit activity depends on the seed.
struct DemoWorld {
  static let tenantName = "contoso"
  static let domain = "contoso.onmicrosoft.com"
  static let sharePointHost = "https://contoso.sharepoint.com"
  static let oneDriveHost = "https://contoso-my.sharepoint.com"

  struct Person {
    var displayName: String
    var alias: String
    var upn: String { "\(alias)@\(DemoWorld.domain)" }
    var oneDriveURL: String { "\(DemoWorld.oneDriveHost)/personal/\(alias)_contoso_onmicrosoft_com" }
  }

  struct Guest {
    var email: String
    /// The guest account's UPN in the tenant (`…#ext#@tenant`).
    var externalUPN: String {
      email.replacingOccurrences(of: "@", with: "_") + "#ext#@\(DemoWorld.domain)"
    }
  }

  enum SiteKind {
    case teamSite, groupTeamSite, communicationSite, channelSite, classicSite, oneDrive

    var template: String {
      switch self {
      case .teamSite: return "STS#3"
      case .groupTeamSite: return "GROUP#0"
      case .communicationSite: return "SITEPAGEPUBLISHING#0"
      case .channelSite: return "TEAMCHANNEL#0"
      case .classicSite: return "STS#0"
      case .oneDrive: return "SPSPERS#10"
      }
    }
  }

  /// Sharing capability numbers as Get-SPOSite writes them (SharingCapabilities enum).
  enum Capability: Int {
    case disabled = 0, externalUserSharingOnly = 1, externalUserAndGuestSharing = 2, existingExternalUserSharingOnly = 3

    var name: String {
      switch self {
      case .disabled: return "Disabled"
      case .externalUserSharingOnly: return "ExternalUserSharingOnly"
      case .externalUserAndGuestSharing: return "ExternalUserAndGuestSharing"
      case .existingExternalUserSharingOnly: return "ExistingExternalUserSharingOnly"
      }
    }
  }

  struct Label {
    var name: String
    var guid: String
    var priority: Int
    var color: String
    var tooltip: String
    /// nil: a file-and-email label without site and group settings.
    var siteSharing: Capability?
    var defaultScope: String?
    var defaultPermission: String?
    var privacy: String?
  }

  struct Site {
    var url: String
    var title: String
    var kind: SiteKind
    /// The stored site-level capability (`SiteDefinedSharingCapability`).
    var defined: Capability
    /// `DefaultSharingLinkType`: 0 None (tenant default), 1 Direct, 2 Internal, 3 AnonymousAccess.
    var defaultLinkType = 0
    /// `DefaultLinkPermission`: 0 None (tenant default), 1 View, 2 Edit.
    var defaultPermission = 0
    var label: String?
    var owner: String
    var teams = false
    var lockState = "Unlock"
    var anonymousExpiryOverride: Int?
    /// Share of the tenant's activity that happens here (relative weight).
    var activity = 1
    /// Anyone links were possible here until this day of the audit period (the site or its label
    /// was tightened later): they lie dormant now.
    var anyoneUntilDay: Int?
    var library = "Shared Documents"
  }

  static let people: [Person] = [
    ("Adele Vance", "adelev"), ("Alex Wilber", "alexw"), ("Diego Siciliani", "diegos"), ("Grady Archie", "gradya"),
    ("Henrietta Mueller", "henriettam"), ("Isaiah Langer", "isaiahl"), ("Johanna Lorenz", "johannal"),
    ("Joni Sherman", "jonis"), ("Lee Gu", "leeg"), ("Lidia Holloway", "lidiah"), ("Lynne Robbins", "lynner"),
    ("Megan Bowen", "meganb"), ("Miriam Graham", "miriamg"), ("Nestor Wilke", "nestorw"),
    ("Patti Fernandez", "pattif"), ("Pradeep Gupta", "pradeepg"),
  ].map { Person(displayName: $0.0, alias: $0.1) }

  static let guests: [Guest] = [
    Guest(email: "jordan.lee@fabrikam.com"), Guest(email: "sam.okafor@northwindtraders.com"),
    Guest(email: "r.ivanova@adatum.com"),
  ]

  static let labels: [Label] = [
    Label(
      name: "Public", guid: "87ba5c36-b7cf-4793-bbc2-bd5b3a9f95ca", priority: 0, color: "#13A10E",
      tooltip: "Business data that is meant for public consumption.", siteSharing: nil, defaultScope: nil,
      defaultPermission: nil, privacy: nil),
    Label(
      name: "General", guid: "f42aa342-8706-4288-bd11-ebb85995028c", priority: 1, color: "#0078D4",
      tooltip: "Business data that is not meant for the public.", siteSharing: .externalUserAndGuestSharing,
      defaultScope: "Organization", defaultPermission: "Edit", privacy: "public"),
    Label(
      name: "Confidential", guid: "074e257c-5848-4582-9a6f-34a182080e71", priority: 2, color: "#FF8C00",
      tooltip: "Sensitive business data that could cause damage if shared with unauthorized people.",
      siteSharing: .existingExternalUserSharingOnly, defaultScope: "SpecificPeople", defaultPermission: "View",
      privacy: "private"),
    Label(
      name: "Highly Confidential", guid: "27451a5b-5823-4853-bcd4-2204d03ab477", priority: 3, color: "#E81123",
      tooltip: "Very sensitive business data that would cause damage if shared with unauthorized people.",
      siteSharing: .disabled, defaultScope: "SpecificPeople", defaultPermission: "View", privacy: "private"),
  ]

  static func label(named name: String) -> Label { labels.first { $0.name == name }! }

  static let sites: [Site] = {
    let host = sharePointHost
    var sites: [Site] = [
      Site(
        url: host, title: "Contoso Intranet", kind: .communicationSite, defined: .externalUserAndGuestSharing,
        owner: "meganb@\(domain)", activity: 2, library: "Shared Documents"),
      Site(
        url: "\(host)/sites/Marketing", title: "Marketing", kind: .groupTeamSite, defined: .externalUserAndGuestSharing,
        label: "General", owner: "meganb@\(domain)", teams: true, activity: 6),
      Site(
        url: "\(host)/sites/Marketing-Campaigns", title: "Marketing - Campaigns", kind: .channelSite,
        defined: .externalUserAndGuestSharing, label: "General", owner: "meganb@\(domain)", teams: true, activity: 2),
      Site(
        url: "\(host)/sites/Finance", title: "Finance", kind: .groupTeamSite, defined: .externalUserAndGuestSharing,
        defaultLinkType: 3, defaultPermission: 2, label: "Confidential", owner: "lynner@\(domain)", teams: true,
        activity: 4),
      Site(
        url: "\(host)/sites/Legal", title: "Legal", kind: .groupTeamSite, defined: .disabled, defaultLinkType: 1,
        defaultPermission: 1, label: "Highly Confidential", owner: "johannal@\(domain)", teams: true, activity: 2,
        anyoneUntilDay: 21),
      Site(
        url: "\(host)/sites/HR", title: "Human Resources", kind: .teamSite, defined: .existingExternalUserSharingOnly,
        defaultLinkType: 1, defaultPermission: 1, label: "Confidential", owner: "pattif@\(domain)", activity: 2),
      Site(
        url: "\(host)/sites/ProjectFalcon", title: "Project Falcon", kind: .groupTeamSite,
        defined: .externalUserSharingOnly, defaultLinkType: 2, label: "General", owner: "alexw@\(domain)",
        teams: true, activity: 4),
      Site(
        url: "\(host)/sites/SalesPortal", title: "Sales Portal", kind: .communicationSite,
        defined: .externalUserAndGuestSharing, label: "Public", owner: "alexw@\(domain)", activity: 3,
        library: "Documents"),
      Site(
        url: "\(host)/sites/Engineering", title: "Engineering", kind: .groupTeamSite, defined: .externalUserSharingOnly,
        owner: "gradya@\(domain)", teams: true, activity: 4),
      Site(
        url: "\(host)/sites/Partners", title: "Partner Collaboration", kind: .groupTeamSite,
        defined: .externalUserAndGuestSharing, label: "General", owner: "diegos@\(domain)", teams: true,
        anonymousExpiryOverride: 90, activity: 3),
      Site(
        url: "\(host)/sites/ExecBoard", title: "Executive Board", kind: .groupTeamSite,
        defined: .externalUserAndGuestSharing, defaultLinkType: 3, defaultPermission: 2, label: "Highly Confidential",
        owner: "lidiah@\(domain)", teams: true, activity: 1),
      Site(
        url: "\(host)/sites/Archive2019", title: "Archive 2019", kind: .classicSite, defined: .disabled,
        owner: "nestorw@\(domain)", lockState: "ReadOnly", activity: 0),
    ]
    sites += people.map { person in
      Site(
        url: person.oneDriveURL, title: person.displayName, kind: .oneDrive, defined: .externalUserAndGuestSharing,
        owner: person.upn, activity: 3, library: "Documents")
    }
    return sites
  }()
}
