/// Who acted in an audit record, told from its user id.
public enum ActorKind: String, Sendable, Codable, CaseIterable {
  case member, guest, anonymous, system

  public var title: String {
    switch self {
    case .member: return "Members"
    case .guest: return "Guests"
    case .anonymous: return "Anonymous"
    case .system: return "System accounts"
    }
  }

  public init(userId: String) {
    let id = userId.lowercased()
    if id == "anonymous" || id.hasPrefix("urn:spo:anon#") {
      self = .anonymous
    } else if id.hasPrefix("urn:spo:guest#") || id.contains("#ext#") {
      self = .guest
    } else if id == "app@sharepoint" || id == "sharepoint\\system" || id.hasSuffix("|app@sharepoint") {
      self = .system
    } else {
      self = .member
    }
  }
}
