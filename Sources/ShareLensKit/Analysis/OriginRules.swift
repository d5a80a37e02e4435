import Foundation

/// How a link's origin is inferred from its creation record. The rules are tried in order and the
/// first that matches wins; each says what it saw, so the report can show its evidence.
public enum OriginRules {
  public struct Rule: Sendable {
    public var id: String
    public var origin: LinkOrigin
    public var confidence: OriginConfidence
    public var evidence: String
    let matches: @Sendable (AuditRecord) -> Bool
  }

  static func userAgent(_ record: AuditRecord, contains token: String) -> Bool {
    CaseInsensitive.contains(record.userAgent, token)
  }

  /// Whether the file's path has `folder`, given with its slashes (`/Attachments/`).
  static func inFolder(_ record: AuditRecord, _ folder: String) -> Bool {
    let path = record.sourceRelativeUrl.isEmpty ? record.objectId : record.sourceRelativeUrl
    return CaseInsensitive.contains(path, folder)
  }

  static func isBrowser(_ record: AuditRecord) -> Bool { record.userAgent.hasPrefix("Mozilla/") }

  public static let rules: [Rule] = [
    Rule(
      id: "teams-client", origin: .teams, confidence: .certain,
      evidence: "the user agent carries the Teams/ token or the app is Microsoft Teams",
      matches: {
        userAgent($0, contains: "Teams/")
          || CaseInsensitive.equal($0.applicationName, "Microsoft Teams")
      }),
    Rule(
      id: "outlook-web-app", origin: .outlookWeb, confidence: .certain,
      evidence: "the user agent is Outlook Web App (Exchange Online)",
      matches: {
        userAgent($0, contains: "Outlook Web App")
          || CaseInsensitive.equal($0.applicationName, "Outlook on the web")
      }),
    Rule(
      id: "outlook-desktop", origin: .outlookDesktop, confidence: .certain,
      evidence: "the user agent names Microsoft Outlook",
      matches: { userAgent($0, contains: "Microsoft Outlook") }),
    Rule(
      id: "sync-client", origin: .syncClient, confidence: .certain,
      evidence: "the user agent is the OneDrive sync client",
      matches: { userAgent($0, contains: "SkyDriveSync") || userAgent($0, contains: "OneDriveSync") }),
    Rule(
      id: "office-app", origin: .officeApp, confidence: .certain,
      evidence: "the user agent is an Office desktop app (Word, Excel, PowerPoint)",
      matches: { $0.userAgent.hasPrefix("Microsoft Office ") || userAgent($0, contains: "Desktop app") }),
    Rule(
      id: "service-account", origin: .service, confidence: .certain,
      evidence: "made by a system account (app@sharepoint, SHAREPOINT\\system)",
      matches: { ActorKind(userId: $0.userId) == .system }),
    Rule(
      id: "teams-chat-files-folder", origin: .teams, confidence: .likely,
      evidence: "the file is in Microsoft Teams Chat Files, where Teams puts files shared in chats",
      matches: { inFolder($0, "/Microsoft Teams Chat Files/") }),
    Rule(
      id: "outlook-attachments-folder", origin: .outlookWeb, confidence: .likely,
      evidence: "the file is in the OneDrive Attachments folder, where Outlook puts attachments shared as links",
      matches: { CaseInsensitive.equal($0.workload, "OneDrive") && inFolder($0, "/Attachments/") }),
    Rule(
      id: "browser", origin: .web, confidence: .likely,
      evidence: "a web browser's user agent (Teams on the web and other web apps look the same)",
      matches: { isBrowser($0) }),
  ]

  /// The first rule that matches, or unknown with what was there.
  public static func infer(_ record: AuditRecord) -> (
    origin: LinkOrigin, confidence: OriginConfidence, evidence: String
  ) {
    if let rule = rules.first(where: { $0.matches(record) }) { return (rule.origin, rule.confidence, rule.evidence) }
    let agent = record.userAgent.isEmpty ? "no user agent" : "an unrecognised user agent"
    return (.unknown, .unknown, "\(agent) and no folder hint")
  }
}
