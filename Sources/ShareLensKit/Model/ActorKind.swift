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
    // `lowercased()` copies the id; ASCII ids (nearly all) are matched in place, ignoring case.
    if ASCIIText.isASCII(userId) {
      let lower = { (token: String) in CaseInsensitive.hasLowercasedPrefix(userId, token) }
      let count = userId.utf8.count
      if (count == 9 && lower("anonymous")) || lower("urn:spo:anon#") {
        self = .anonymous
      } else if lower("urn:spo:guest#") || CaseInsensitive.contains(userId, "#ext#") {
        self = .guest
      } else if (count == 14 && lower("app@sharepoint")) || (count == 17 && lower("sharepoint\\system"))
        || CaseInsensitive.hasLowercasedSuffix(userId, "|app@sharepoint")
      {
        self = .system
      } else {
        self = .member
      }
      return
    }
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
