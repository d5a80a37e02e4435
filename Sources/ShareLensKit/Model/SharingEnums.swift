/// `SharingCapabilities`: how far sharing may reach. The numbers are NOT in restrictiveness order
/// (0 < 3 < 1 < 2), so comparisons go through `rank`.
public enum SharingCapability: Int, Sendable, Codable, CaseIterable, Comparable {
  case disabled = 0
  case externalUserSharingOnly = 1
  case externalUserAndGuestSharing = 2
  case existingExternalUserSharingOnly = 3

  /// 0 only people in the organization < 1 existing guests < 2 new and existing guests < 3 anyone.
  public var rank: Int {
    switch self {
    case .disabled: return 0
    case .existingExternalUserSharingOnly: return 1
    case .externalUserSharingOnly: return 2
    case .externalUserAndGuestSharing: return 3
    }
  }

  public static func < (lhs: SharingCapability, rhs: SharingCapability) -> Bool { lhs.rank < rhs.rank }

  public var name: String {
    switch self {
    case .disabled: return "Disabled"
    case .externalUserSharingOnly: return "ExternalUserSharingOnly"
    case .externalUserAndGuestSharing: return "ExternalUserAndGuestSharing"
    case .existingExternalUserSharingOnly: return "ExistingExternalUserSharingOnly"
    }
  }

  /// The admin center's words.
  public var title: String {
    switch self {
    case .disabled: return "Only people in the organization"
    case .existingExternalUserSharingOnly: return "Existing guests"
    case .externalUserSharingOnly: return "New and existing guests"
    case .externalUserAndGuestSharing: return "Anyone"
    }
  }

  public init?(lenient value: Any?) {
    switch SettingValue.enumValue(value, names: Self.allCases.map { ($0.name, $0.rawValue) }) {
    case let number?: self.init(rawValue: number)
    case nil: return nil
    }
  }
}

/// The default link a share dialog offers, in the tenant's and site's words. Tenant and site store it
/// as `SharingLinkType` (0 None, 1 Direct, 2 Internal, 3 AnonymousAccess) or, newer, as
/// `SharingScope` (-1 unset, 0 Anyone, 1 Organization, 2 SpecificPeople): the numbers differ.
public enum LinkScopeDefault: String, Sendable, Codable, CaseIterable, Comparable {
  case existingAccess
  case specificPeople
  case organization
  case anyone

  public var rank: Int { Self.allCases.firstIndex(of: self)! }
  public static func < (lhs: LinkScopeDefault, rhs: LinkScopeDefault) -> Bool { lhs.rank < rhs.rank }

  public var title: String {
    switch self {
    case .existingAccess: return "People with existing access"
    case .specificPeople: return "Specific people"
    case .organization: return "People in the organization"
    case .anyone: return "Anyone"
    }
  }

  /// From a `SharingLinkType` value; nil for None (use the next level's default).
  public init?(linkType value: Any?) {
    let names = [("None", 0), ("Direct", 1), ("Internal", 2), ("AnonymousAccess", 3)]
    switch SettingValue.enumValue(value, names: names) {
    case 1?: self = .specificPeople
    case 2?: self = .organization
    case 3?: self = .anyone
    default: return nil
    }
  }

  /// From a `SharingScope` value; nil for Uninitialized (-1).
  public init?(scope value: Any?) {
    let names = [("Uninitialized", -1), ("Anyone", 0), ("Organization", 1), ("SpecificPeople", 2)]
    switch SettingValue.enumValue(value, names: names) {
    case 0?: self = .anyone
    case 1?: self = .organization
    case 2?: self = .specificPeople
    default: return nil
    }
  }

  /// From a label's `defaultsharingscope` advanced setting.
  public init?(labelValue: String?) {
    switch labelValue?.lowercased() {
    case "specificpeople": self = .specificPeople
    case "organization": self = .organization
    case "anyone": self = .anyone
    default: return nil
    }
  }

  /// `Set-SPOSite -DefaultSharingLinkType` value that gives this default.
  public var linkTypeName: String {
    switch self {
    case .existingAccess: return "ExistingAccess"
    case .specificPeople: return "Direct"
    case .organization: return "Internal"
    case .anyone: return "AnonymousAccess"
    }
  }
}

public enum LinkRoleDefault: String, Sendable, Codable, Comparable {
  case view, edit

  public static func < (lhs: LinkRoleDefault, rhs: LinkRoleDefault) -> Bool { lhs == .view && rhs == .edit }

  /// From `SharingPermissionType` / `Role` (1 View, 2 Edit; 0 None = use the next level's default).
  public init?(lenient value: Any?) {
    switch SettingValue.enumValue(value, names: [("None", 0), ("View", 1), ("Edit", 2)]) {
    case 1?: self = .view
    case 2?: self = .edit
    default: return nil
    }
  }

  public init?(labelValue: String?) {
    switch labelValue?.lowercased() {
    case "view": self = .view
    case "edit": self = .edit
    default: return nil
    }
  }
}
