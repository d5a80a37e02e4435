/// Writes the demo tenant's audit log as a Purview audit-search CSV (new layout): time-ordered,
/// with the ten-odd records of a real share, and every way links come to be in PRODUCT.md — OneDrive
/// default links, re-shares that add links, Teams chat files, Teams attachments never sent,
/// Outlook attachments (drafts never sent included), links used by anonymous visitors, guests,
/// never used and removed. Streams: only records waiting for their time are held in memory.
struct DemoAuditLog {
  static let header =
    "RecordId,CreationDate,RecordType,Operation,UserId,AuditData,AssociatedAdminUnits,AssociatedAdminUnitsNames\r\n"
  /// The audit period: 1 September to 30 November 2026 (UTC).
  static let start = CivilTime(year: 2026, month: 9, day: 1).epochSeconds
  static let days = 91
  /// Follow-up records (uses, removals) beyond this many waiting are not scheduled, which bounds
  /// memory for any `--events`.
  static let maximumWaiting = 200_000
  /// Audit rows one planned action writes on average, measured on the generator itself.
  static let rowsPerAction = 6.8

  let rows: Int
  var random: SplitMix64
  let organizationId: String
  var queue = DemoEventQueue()
  var sequence = 0
  /// The anonymous visitors who open Anyone links (`urn:spo:anon#…`).
  var visitors: [GUID] = []
  let activeSites: [Int]
  let activeSiteWeights: [Int]

  init(seed: UInt64, rows: Int) {
    self.rows = rows
    random = SplitMix64(seed: seed)
    organizationId = random.guid().string
    for _ in 0..<48 { visitors.append(random.guid()) }
    activeSites = DemoWorld.sites.indices.filter {
      DemoWorld.sites[$0].kind != .oneDrive && DemoWorld.sites[$0].activity > 0
    }
    activeSiteWeights = activeSites.map { DemoWorld.sites[$0].activity }
  }

  // MARK: Writing

  mutating func write(to writer: ByteWriter) throws(ShareLensError) {
    writer.write(Self.header)
    var written = 0
    var clock = Self.start
    // Mean gap between share actions so that the rows fill the period at office-hours density.
    let meanGap = Double(Self.days * 86_400) * 0.378 / (Double(rows) / Self.rowsPerAction)
    var row: [UInt8] = []
    row.reserveCapacity(4096)
    while written < rows {
      clock = nextActionTime(after: clock, meanGap: meanGap)
      while written < rows, let earliest = queue.earliest, earliest <= clock, let event = queue.pop() {
        row.removeAll(keepingCapacity: true)
        render(event, into: &row)
        writer.write(bytes: row)
        try writer.flushIfFull()
        written += 1
      }
      planAction(at: clock)
    }
  }

  /// Activity follows office hours: the next action of a Poisson process whose rate is the hour's
  /// weight, found by walking hour by hour through the weighted time.
  mutating func nextActionTime(after clock: Int64, meanGap: Double) -> Int64 {
    let uniform = max(Double(random.next() >> 11) / Double(1 << 53), 1e-12)
    var remaining = -log(uniform) * meanGap
    var time = clock
    while true {
      let weight = Self.activityWeight(at: time)
      let untilNextHour = Double(3600 - time % 3600)
      if remaining <= untilNextHour * weight {
        return time + max(1, Int64(remaining / weight))
      }
      remaining -= untilNextHour * weight
      time += Int64(untilNextHour)
    }
  }

  static func activityWeight(at time: Int64) -> Double {
    let hour = Int(time % 86_400 / 3600)
    if CivilTime.weekday(epochSeconds: time) < 5 {
      if (8..<18).contains(hour) { return 1 }
      return hour == 7 || (18..<22).contains(hour) ? 0.35 : 0.04
    }
    return (10..<18).contains(hour) ? 0.12 : 0.03
  }

  // MARK: Planning

  enum Action: Int, CaseIterable {
    case oneDriveShare, oneDriveReshare, teamsChatFile, teamsChangedLink, teamsNotSent, outlookAttachment,
      outlookChangedLink, siteShare, guestInvitation, officeAppShare, otherActivity

    var weight: Int {
      switch self {
      case .oneDriveShare: return 13
      case .oneDriveReshare: return 5
      case .teamsChatFile: return 10
      case .teamsChangedLink: return 4
      case .teamsNotSent: return 4
      case .outlookAttachment: return 9
      case .outlookChangedLink: return 4
      case .siteShare: return 15
      case .guestInvitation: return 4
      case .officeAppShare: return 3
      case .otherActivity: return 40
      }
    }
  }

  static let actionWeights = Action.allCases.map(\.weight)

  mutating func planAction(at time: Int64) {
    let member = random.below(DemoWorld.people.count)
    let oneDrive = DemoWorld.sites.firstIndex { $0.url == DemoWorld.people[member].oneDriveURL }!
    switch Action(rawValue: random.weighted(Self.actionWeights))! {
    case .oneDriveShare:
      let item = newItem(site: oneDrive, folder: "Documents")
      share(
        item, by: member, kind: .anonymousEdit, client: random.pick(DemoClient.browsers), at: time, firstOnItem: true)
    case .oneDriveReshare:
      let item = newItem(site: oneDrive, folder: "Documents")
      let client = random.pick(DemoClient.browsers)
      share(item, by: member, kind: .anonymousEdit, client: client, at: time, firstOnItem: true)
      share(
        item, by: member, kind: changedKind(), client: client, at: time + 60 + Int64(random.below(420)),
        firstOnItem: false)
    case .teamsChatFile, .teamsChangedLink, .teamsNotSent:
      let item = newItem(site: oneDrive, folder: "Documents/Microsoft Teams Chat Files")
      upload(item, by: member, client: .teams, at: time)
      let action = Action(rawValue: random.below(3) + Action.teamsChatFile.rawValue)!
      if action == .teamsNotSent { break }
      share(
        item, by: member, kind: .anonymousEdit, client: .teams, at: time + 4 + Int64(random.below(20)),
        firstOnItem: true)
      if action == .teamsChangedLink {
        share(
          item, by: member, kind: changedKind(), client: .teams, at: time + 40 + Int64(random.below(150)),
          firstOnItem: false)
      }
    case .outlookAttachment, .outlookChangedLink:
      let item = newItem(site: oneDrive, folder: "Documents/Attachments")
      let client: DemoClient = random.chance(0.55) ? .outlookWeb : .outlookDesktop
      upload(item, by: member, client: client, at: time)
      // A third of the mails are never sent: their links are created all the same, and never used.
      let sent = random.chance(0.66)
      share(
        item, by: member, kind: .anonymousEdit, client: client, at: time + 3 + Int64(random.below(15)),
        firstOnItem: true, used: sent)
      if random.chance(0.35) {
        share(
          item, by: member, kind: changedKind(), client: client, at: time + 30 + Int64(random.below(240)),
          firstOnItem: false, used: sent)
      }
    case .siteShare:
      let site = activeSites[random.weighted(activeSiteWeights)]
      let item = newItem(site: site, folder: DemoWorld.sites[site].library + "/" + random.pick(Self.siteFolders))
      let client = random.chance(0.85) ? random.pick(DemoClient.browsers) : .teams
      share(item, by: member, kind: siteLinkKind(site, at: time), client: client, at: time, firstOnItem: true)
    case .guestInvitation:
      let site = activeSites[random.weighted(activeSiteWeights)]
      let item = newItem(site: site, folder: DemoWorld.sites[site].library + "/" + random.pick(Self.siteFolders))
      invite(random.below(DemoWorld.guests.count), to: item, by: member, at: time)
    case .officeAppShare:
      let item = newItem(site: oneDrive, folder: "Documents")
      share(item, by: member, kind: .anonymousEdit, client: .word, at: time, firstOnItem: true)
    case .otherActivity:
      otherActivity(by: member, at: time)
    }
  }

  static let siteFolders = ["General", "Projects", "Reports", "Contracts", "Campaigns", "Templates"]
  static let topics = [
    "Q3 results", "Falcon launch plan", "Budget forecast FY27", "Board meeting notes", "Vendor contract - Northwind",
    "Customer list", "Pricing model", "Roadmap 2027", "Brand guidelines", "Offsite agenda", "Salary review",
    "Press release draft", "Security assessment", "R&D proposal", "Invoice 4471", "Travel policy",
    "Onboarding checklist", "Campaign results", "Partner NDA", "Product photos", "Sales pipeline", "Org chart",
  ]
  static let suffixes = ["", "", " v2", " (final)", " - draft", " [internal]", " 2026-11"]
  static let extensions = ["docx", "docx", "xlsx", "xlsx", "pptx", "pdf", "pdf", "png", "zip"]

  mutating func newItem(site: Int, folder: String) -> DemoEvent.Item {
    let name = random.pick(Self.topics) + random.pick(Self.suffixes) + "." + random.pick(Self.extensions)
    return DemoEvent.Item(site: site, folder: folder, name: name, id: random.guid())
  }

  /// The link a user picks after changing the audience or type of the first one.
  mutating func changedKind() -> DemoEvent.LinkKind {
    random.pick([.anonymousView, .anonymousView, .organizationView, .organizationEdit, .specificPeople])
  }

  /// The site's default link, as the share dialog offers it, or sometimes another one the user picks.
  mutating func siteLinkKind(_ index: Int, at time: Int64) -> DemoEvent.LinkKind {
    let site = DemoWorld.sites[index]
    let day = Int((time - Self.start) / 86_400)
    let anyoneAllowed = site.defined == .externalUserAndGuestSharing || (site.anyoneUntilDay.map { day < $0 } ?? false)
    let linkType =
      site.anyoneUntilDay.map { day < $0 } == true ? 3 : (site.defaultLinkType == 0 ? 3 : site.defaultLinkType)
    let edit = (site.defaultPermission == 0 ? 2 : site.defaultPermission) == 2
    var kind: DemoEvent.LinkKind
    switch linkType {
    case 3 where anyoneAllowed: kind = edit ? .anonymousEdit : .anonymousView
    case 1: kind = .specificPeople
    default: kind = edit ? .organizationEdit : .organizationView
    }
    if random.chance(0.25) { kind = random.pick([.specificPeople, .organizationView, .anonymousView]) }
    if kind.isAnyone, !anyoneAllowed { kind = .organizationView }
    return kind
  }

  mutating func schedule(_ event: DemoEvent) {
    var event = event
    sequence += 1
    event.sequence = sequence
    queue.push(event)
  }

  mutating func upload(_ item: DemoEvent.Item, by member: Int, client: DemoClient, at time: Int64) {
    schedule(
      DemoEvent(
        time: time, sequence: 0, operation: .fileUploaded, actor: .member(member), client: client, item: item,
        correlation: random.guid()))
  }

  /// The records one click on Share writes, then the link's later life (uses, removal).
  mutating func share(
    _ item: DemoEvent.Item, by member: Int, kind: DemoEvent.LinkKind, client: DemoClient, at time: Int64,
    firstOnItem: Bool, used: Bool = true
  ) {
    let correlation = random.guid()
    let link = random.guid()
    func record(_ operation: DemoEvent.Operation, _ offset: Int64, _ target: DemoEvent.Target = .none) -> DemoEvent {
      DemoEvent(
        time: time + offset, sequence: 0, operation: operation, actor: .member(member), client: client, item: item,
        correlation: correlation, link: link, linkKind: kind, target: target)
    }
    schedule(record(.groupAdded, 0))
    if firstOnItem { schedule(record(.sharingInheritanceBroken, 1)) }
    schedule(record(.sharingSet, 1, .linkClaim))
    schedule(record(.sharingSet, 1, .linkGroup))
    schedule(record(.addedToGroup, 1, .limitedAccessGroup))
    switch kind {
    case .anonymousEdit, .anonymousView:
      schedule(record(.anonymousLinkCreated, 2))
    case .organizationEdit, .organizationView:
      schedule(record(.companyLinkCreated, 2))
    case .specificPeople:
      schedule(record(.secureLinkCreated, 2))
      let recipient = (member + 1 + random.below(DemoWorld.people.count - 1)) % DemoWorld.people.count
      schedule(record(.addedToSecureLink, 2, .member(recipient)))
    }
    guard used, queue.count < Self.maximumWaiting else { return }
    planLinkLife(item, creator: member, kind: kind, link: link, created: time + 2)
  }

  mutating func planLinkLife(_ item: DemoEvent.Item, creator: Int, kind: DemoEvent.LinkKind, link: GUID, created: Int64)
  {
    let removal: Int64? =
      kind.isAnyone && random.chance(0.12) ? created + 86_400 + Int64(random.below(19 * 86_400)) : nil
    let horizon = removal ?? created + 6 * 86_400
    let uses = random.chance(0.3) ? 0 : 1 + random.below(5)
    let visitorCount = 1 + random.below(3)
    let firstVisitor = random.below(visitors.count)
    for use in 0..<uses {
      // Most opens come soon after the link is sent.
      let span = Double(horizon - created - 60)
      let fraction = pow(Double(random.below(1000)) / 1000, 2.5)
      let when = created + 60 + Int64(span * fraction)
      let base = DemoEvent(
        time: when, sequence: 0, operation: .anonymousLinkUsed, actor: .anonymous,
        client: random.pick(DemoClient.browsers),
        item: item, correlation: random.guid(), link: link, linkKind: kind)
      switch kind {
      case .anonymousEdit, .anonymousView:
        schedule(base)
        var access = base
        access.operation = .fileAccessed
        access.actor = .visitor(visitors[(firstVisitor + use % visitorCount) % visitors.count])
        access.time += 1 + Int64(random.below(4))
        schedule(access)
      case .organizationEdit, .organizationView:
        var used = base
        used.operation = .companyLinkUsed
        used.actor = .member((creator + 1 + random.below(DemoWorld.people.count - 1)) % DemoWorld.people.count)
        schedule(used)
      case .specificPeople:
        var used = base
        used.operation = .secureLinkUsed
        used.actor = .member((creator + 1 + random.below(DemoWorld.people.count - 1)) % DemoWorld.people.count)
        schedule(used)
      }
    }
    if let removal {
      schedule(
        DemoEvent(
          time: removal, sequence: 0, operation: .anonymousLinkRemoved, actor: .member(creator),
          client: random.pick(DemoClient.browsers),
          item: item, correlation: random.guid(), link: link, linkKind: kind))
    }
  }

  mutating func invite(_ guest: Int, to item: DemoEvent.Item, by member: Int, at time: Int64) {
    let correlation = random.guid()
    let link = random.guid()
    let client = random.pick(DemoClient.browsers)
    func record(_ operation: DemoEvent.Operation, _ offset: Int64, _ actor: DemoEvent.Actor, _ target: DemoEvent.Target)
      -> DemoEvent
    {
      DemoEvent(
        time: time + offset, sequence: 0, operation: operation, actor: actor, client: client, item: item,
        correlation: correlation, link: link, linkKind: .specificPeople, target: target)
    }
    schedule(record(.sharingInvitationCreated, 0, .member(member), .guest(guest)))
    schedule(record(.secureLinkCreated, 1, .member(member), .none))
    schedule(record(.addedToSecureLink, 1, .member(member), .guest(guest)))
    guard queue.count < Self.maximumWaiting else { return }
    let accepted = time + 600 + Int64(random.below(2 * 86_400))
    schedule(record(.sharingInvitationAccepted, accepted - time, .guest(guest), .guest(guest)))
    if random.chance(0.7) {
      schedule(record(.secureLinkUsed, accepted - time + 5, .guest(guest), .none))
    }
  }

  mutating func otherActivity(by member: Int, at time: Int64) {
    let roll = random.below(100)
    let site =
      roll < 30
      ? DemoWorld.sites.firstIndex { $0.url == DemoWorld.people[member].oneDriveURL }!
      : activeSites[random.weighted(activeSiteWeights)]
    let item = newItem(
      site: site, folder: DemoWorld.sites[site].library + (roll < 30 ? "" : "/" + random.pick(Self.siteFolders)))
    let operation: DemoEvent.Operation
    var client = random.pick(DemoClient.browsers)
    var actor = DemoEvent.Actor.member(member)
    switch roll % 10 {
    case 0, 1, 2: operation = .fileAccessed
    case 3: operation = .fileModified
    case 4: operation = .filePreviewed
    case 5: operation = .fileDownloaded
    case 6: operation = .pageViewed
    case 7:
      operation = .fileAccessed
      client = .service
      actor = .system
    case 8:
      operation = .fileUploaded
      client = .syncClient
    default: operation = .userLoggedIn
    }
    schedule(
      DemoEvent(
        time: time, sequence: 0, operation: operation, actor: actor, client: client, item: item,
        correlation: random.guid()))
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
