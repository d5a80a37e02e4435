import Foundation

/// Patterns in the links that tell how they came to be: bursts (several links on one file by one
/// person within minutes: a changed audience in OneDrive, a changed link in a Teams message or an
/// Outlook mail) and the folders Teams and Outlook upload to.
public enum LinkPatterns {
  public static let defaultBurstWindow: Int64 = 10 * 60

  /// Ids of the links that belong to a burst: another link on the same file by the same creator
  /// within `window` seconds.
  public static func burstLinks(_ links: [SharingLink], window: Int64) -> Set<String> {
    /// The file and the creator as two values: joined into one text, two pairs could meet.
    struct Group: Hashable {
      var item: String
      var creator: String
    }
    var groups: [Group: [SharingLink]] = [:]
    for link in links where link.createdAt != nil {
      groups[Group(item: ASCIIText.lowercased(link.itemUrl), creator: link.createdBy ?? ""), default: []].append(link)
    }
    var burst = Set<String>()
    for group in groups.values where group.count > 1 {
      let sorted = group.sorted { ($0.createdAt!, $0.id) < ($1.createdAt!, $1.id) }
      for (previous, next) in zip(sorted, sorted.dropFirst()) where next.createdAt! - previous.createdAt! <= window {
        burst.insert(previous.id)
        burst.insert(next.id)
      }
    }
    return burst
  }

  public static func inTeamsChatFiles(_ link: SharingLink) -> Bool {
    CaseInsensitive.contains(link.itemUrl, "/Microsoft Teams Chat Files/")
  }

  public static func inOutlookAttachments(_ link: SharingLink) -> Bool {
    CaseInsensitive.equal(link.workload, "OneDrive")
      && CaseInsensitive.contains(link.itemUrl, "/Attachments/")
  }
}
