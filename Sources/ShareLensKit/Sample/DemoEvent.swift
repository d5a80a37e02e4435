/// One audit record of the demo log, before it is written out. Small and string-light so that
/// the queue of records waiting for their time stays compact.
struct DemoEvent {
  enum Operation: String {
    case groupAdded = "GroupAdded"
    case sharingInheritanceBroken = "SharingInheritanceBroken"
    case sharingSet = "SharingSet"
    case addedToGroup = "AddedToGroup"
    case anonymousLinkCreated = "AnonymousLinkCreated"
    case anonymousLinkUsed = "AnonymousLinkUsed"
    case anonymousLinkRemoved = "AnonymousLinkRemoved"
    case companyLinkCreated = "CompanyLinkCreated"
    case companyLinkUsed = "CompanyLinkUsed"
    case secureLinkCreated = "SecureLinkCreated"
    case addedToSecureLink = "AddedToSecureLink"
    case secureLinkUsed = "SecureLinkUsed"
    case sharingInvitationCreated = "SharingInvitationCreated"
    case sharingInvitationAccepted = "SharingInvitationAccepted"
    case fileUploaded = "FileUploaded"
    case fileAccessed = "FileAccessed"
    case fileModified = "FileModified"
    case filePreviewed = "FilePreviewed"
    case fileDownloaded = "FileDownloaded"
    case pageViewed = "PageViewed"
    case userLoggedIn = "UserLoggedIn"

    var recordType: Int {
      switch self {
      case .groupAdded, .pageViewed: return 4
      case .fileUploaded, .fileAccessed, .fileModified, .filePreviewed, .fileDownloaded: return 6
      case .userLoggedIn: return 15
      default: return 14
      }
    }
  }

  enum Actor {
    case member(Int)
    case guest(Int)
    /// `AnonymousLinkUsed` is logged for the literal user "anonymous".
    case anonymous
    /// What an Anyone-link visitor does next is logged under `urn:spo:anon#<hex>`.
    case visitor(GUID)
    case system
  }

  enum LinkKind: Int {
    case anonymousEdit, anonymousView, organizationEdit, organizationView, specificPeople

    var groupKind: String {
      switch self {
      case .anonymousEdit: return "AnonymousEdit"
      case .anonymousView: return "AnonymousView"
      case .organizationEdit: return "OrganizationEdit"
      case .organizationView: return "OrganizationView"
      case .specificPeople: return "Flexible"
      }
    }

    var isAnyone: Bool { self == .anonymousEdit || self == .anonymousView }
    var isEdit: Bool { self == .anonymousEdit || self == .organizationEdit }
  }

  /// A file in a site's document library.
  struct Item {
    var site: Int
    /// Folder path inside the site, starting with the library (`Documents/Attachments`).
    var folder: String
    var name: String
    var id: GUID
  }

  var time: Int64
  var sequence: Int
  var operation: Operation
  var actor: Actor
  var client: DemoClient
  var item: Item
  var correlation: GUID
  var link: GUID = .zero
  var linkKind: LinkKind = .anonymousEdit
  /// For SharingSet / AddedToGroup / AddedToSecureLink / invitations: which record of the pattern.
  var target: Target = .none

  enum Target {
    case none
    case linkClaim
    case linkGroup
    case limitedAccessGroup
    case member(Int)
    case guest(Int)
  }
}

/// A min-heap on (time, sequence): records come out in time order, ties in creation order.
struct DemoEventQueue {
  private var heap: [DemoEvent] = []

  var count: Int { heap.count }
  var earliest: Int64? { heap.first?.time }

  mutating func push(_ event: DemoEvent) {
    heap.append(event)
    var child = heap.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard Self.before(heap[child], heap[parent]) else { break }
      heap.swapAt(child, parent)
      child = parent
    }
  }

  mutating func pop() -> DemoEvent? {
    guard !heap.isEmpty else { return nil }
    heap.swapAt(0, heap.count - 1)
    let top = heap.removeLast()
    var parent = 0
    while true {
      let left = 2 * parent + 1
      let right = left + 1
      var smallest = parent
      if left < heap.count, Self.before(heap[left], heap[smallest]) { smallest = left }
      if right < heap.count, Self.before(heap[right], heap[smallest]) { smallest = right }
      if smallest == parent { break }
      heap.swapAt(parent, smallest)
      parent = smallest
    }
    return top
  }

  private static func before(_ a: DemoEvent, _ b: DemoEvent) -> Bool {
    a.time != b.time ? a.time < b.time : a.sequence < b.sequence
  }
}
