import Foundation

/// Rebuilds each sharing link from the records of its life. One share writes about ten records;
/// they become one link, keyed by `UniqueSharingId` or, when a record lacks it, by the link id in
/// the `SharingLinks.<item>.<Kind>.<link>` group of the same action (same `CorrelationId`).
/// `AnonymousLinkUsed` has no link id: it is joined to the Anyone link on the same item that was
/// active at the time of use. Order of records does not matter; memory grows with links and items.
public struct LinkBuilder {
  struct LinkState {
    var id: String
    var scope: LinkScope?
    var permission: LinkPermission = .unknown
    var siteUrl = ""
    var itemUrl = ""
    var itemName = ""
    var item: Int32 = -1
    var workload = ""
    var createdBy: String?
    var createdAt: Int64?
    var origin: (LinkOrigin, OriginConfidence, String)?
    var uses = 0
    var lastUsedAt: Int64?
    var removedAt: Int64?
    var expiresAt: Int64?
    var visitors: Set<Int32> = []
    var useTimes: [Int64] = []
    /// Seen only through group records, not a creation record.
    var fromGroupOnly = true
  }

  /// A use, removal or visit that names no link: joined to one at the end.
  struct Unattributed {
    enum Kind { case use, removal, visit(Int32) }
    var kind: Kind
    var item: Int32
    /// nil: a `SharingLink…` record that does not say (joined to a link of any scope).
    var scope: LinkScope?
    var time: Int64
  }

  var links: [String: LinkState] = [:]
  /// Creation records without a link id, by correlation id, until a group record names the link.
  var anonymousCreations: [String: (record: AuditRecord, prepared: Prepared)] = [:]
  /// Link ids named by group records, by correlation id.
  var groupLinks: [AuditIngest.ExactID: String] = [:]
  var unattributed: [Unattributed] = []
  /// The first use record of each item, to describe a link created before the audit data begins
  /// (one record per item, not per use: memory follows items, not records).
  var firstUse: [Int32: ItemDescription] = [:]
  /// One copy of each site, item, name and user text the links keep (many links share them).
  var texts = Set<ExactText>()
  var items: [String: Int32] = [:]
  var itemNames: [String] = []
  /// Items known only by URL, and the URLs of items known by id: joined in `finish`.
  var urlKeyed: [Int32: String] = [:]
  var urlAliases: [String: Int32] = [:]
  var visitors: [String: Int32] = [:]
  /// After `finish`: distinct `urn:spo:anon#` visitors seen on files while an Anyone link was active.
  public private(set) var distinctAnonymousVisitors = 0

  public init() {}

  /// A file is known by its `ListItemUniqueId`, or by its URL where an export lacks the id
  /// (Sentinel); records that carry both let the two be joined at the end.
  mutating func itemKey(_ record: AuditRecord) -> Int32 {
    let url = ASCIIText.lowercased(record.objectId)
    guard !record.listItemUniqueId.isEmpty else {
      let index = itemKey(url)
      if !url.isEmpty { urlKeyed[index] = url }
      return index
    }
    let index = itemKey(record.listItemUniqueId)
    if !url.isEmpty, urlAliases[url] == nil { urlAliases[url] = index }
    return index
  }

  mutating func itemKey(_ key: String) -> Int32 {
    if let index = items[key] { return index }
    let index = Int32(items.count)
    items[key] = index
    itemNames.append(key)
    return index
  }

  /// What the builder works out from one record on its own: done where the record is parsed, on
  /// the parsing threads, so that the thread that joins the links in order does less.
  public struct Prepared: Sendable {
    /// The `SharingLinks.…` groups the record names.
    var groups: [SharingOperations.GroupName]
    /// The origin, for records that can describe a link (creations and group records).
    var origin: (LinkOrigin, OriginConfidence, String)?
    /// What EventData says of the link, the last value of each winning.
    var permission: LinkPermission?
    var expiresAt: Int64?

    public init(_ record: borrowing AuditRecord, effect: SharingOperations.Effect) {
      groups = record.modifiedGroupNames.compactMap(SharingOperations.GroupName.init)
      if let group = SharingOperations.GroupName(record.targetUserOrGroupName) { groups.append(group) }
      var describes = !groups.isEmpty
      switch effect {
      case .created:
        describes = true
        fallthrough
      case .updated:
        for (name, value) in SharingOperations.eventDataFields(record.eventData) {
          if name == "Type" {
            switch value.lowercased() {
            case "edit": permission = .edit
            case "view", "read": permission = .view
            default: break
            }
          } else if CaseInsensitive.contains(name, "expir"), let time = AuditTime.parseISO(value) {
            expiresAt = time
          }
        }
      default: break
      }
      origin = describes ? OriginRules.infer(record) : nil
    }
  }

  public mutating func add(_ record: AuditRecord, effect: SharingOperations.Effect) {
    add(record, effect: effect, prepared: Prepared(record, effect: effect))
  }

  mutating func add(_ record: AuditRecord, effect: SharingOperations.Effect, prepared: Prepared) {
    let linkId = record.uniqueSharingId.isEmpty ? nil : record.uniqueSharingId
    for group in prepared.groups { noteGroup(group, record, prepared) }
    switch effect {
    case .created(let scope):
      guard let linkId else {
        if !record.correlationId.isEmpty, let named = groupLinks[AuditIngest.ExactID(record.correlationId)] {
          create(named, scope: scope, record, prepared)
        } else {
          anonymousCreations[record.correlationId.isEmpty ? "record:" + record.id : record.correlationId] = (
            record, prepared
          )
        }
        return
      }
      create(linkId, scope: scope, record, prepared)
    case .updated:
      if let linkId { update(linkId) { Self.apply(prepared, to: &$0) } }
    case .removed(let scope):
      if let linkId {
        update(linkId) { $0.removedAt = min($0.removedAt ?? record.time, record.time) }
      } else {
        let scope = scope ?? Self.scope(record.sharingLinkScope)
        unattributed.append(Unattributed(kind: .removal, item: itemKey(record), scope: scope, time: record.time))
      }
    case .used(let scope):
      if let linkId {
        update(linkId) { state in
          state.uses += 1
          state.useTimes.append(record.time)
          state.lastUsedAt = max(state.lastUsedAt ?? record.time, record.time)
        }
      } else {
        let item = itemKey(record)
        if firstUse[item] == nil { firstUse[item] = description(of: record) }
        let scope = scope ?? Self.scope(record.sharingLinkScope)
        unattributed.append(Unattributed(kind: .use, item: item, scope: scope, time: record.time))
      }
    case .related:
      if CaseInsensitive.hasLowercasedPrefix(record.userId, "urn:spo:anon#") {
        let user = ASCIIText.lowercased(record.userId)
        let visitor: Int32
        if let known = visitors[user] {
          visitor = known
        } else {
          visitor = Int32(visitors.count)
          visitors[user] = visitor
        }
        unattributed.append(
          Unattributed(kind: .visit(visitor), item: itemKey(record), scope: .anyone, time: record.time))
      }
    }
  }

  mutating func noteGroup(_ group: SharingOperations.GroupName, _ record: AuditRecord, _ prepared: Prepared) {
    if !record.correlationId.isEmpty {
      groupLinks[AuditIngest.ExactID(record.correlationId)] = group.link
      if let creation = anonymousCreations.removeValue(forKey: record.correlationId) {
        create(
          group.link, scope: SharingOperations.effect(of: creation.record).flatMap(Self.scopeOfCreation),
          creation.record, creation.prepared)
      }
    }
    // The group name carries the item's id; only records about the item itself describe it.
    let item = itemKey(group.item)
    func describes(_ state: LinkState) -> Bool {
      state.fromGroupOnly && (!record.listItemUniqueId.isEmpty || state.itemUrl.isEmpty)
    }
    let description = describes(links[group.link] ?? LinkState(id: group.link)) ? description(of: record) : nil
    update(group.link) { state in
      if state.scope == nil { state.scope = group.scope }
      if state.permission == .unknown { state.permission = group.permission }
      if let description, describes(state) {
        Self.describe(&state, description, record, origin: prepared.origin, item: item, firstSeen: true)
      }
    }
  }

  static func scopeOfCreation(_ effect: SharingOperations.Effect) -> LinkScope? {
    if case .created(let scope) = effect { return scope }
    return nil
  }

  /// Changes a link in place (a copy taken out and put back would copy its list of uses each time).
  mutating func update(_ id: String, _ change: (inout LinkState) -> Void) {
    change(&links[id, default: LinkState(id: id)])
  }

  mutating func create(_ id: String, scope: LinkScope?, _ record: AuditRecord, _ prepared: Prepared) {
    let item = itemKey(record)
    // The first creation record describes the link; later ones (people added to it) do not.
    func describes(_ state: LinkState) -> Bool { state.fromGroupOnly || (state.createdAt ?? .max) > record.time }
    let description = describes(links[id] ?? LinkState(id: id)) ? description(of: record) : nil
    let creator = description == nil ? record.userId : interned(record.userId)
    update(id) { state in
      if let scope {
        state.scope = scope
      } else if state.scope == nil {
        state.scope = Self.scope(record.sharingLinkScope)
      }
      if let description, describes(state) {
        Self.describe(&state, description, record, origin: nil, item: item, firstSeen: false)
        state.createdAt = record.time
        state.createdBy = creator
        state.origin = prepared.origin ?? OriginRules.infer(record)
        state.fromGroupOnly = false
      }
      Self.apply(prepared, to: &state)
    }
  }

  /// Where a record says its item is: what a link keeps of the record that describes it.
  struct ItemDescription {
    var itemUrl: String
    var itemName: String
    var siteUrl: String
    var workload: String
  }

  mutating func description(of record: AuditRecord) -> ItemDescription {
    ItemDescription(
      itemUrl: interned(record.objectId),
      itemName: interned(
        record.sourceFileName.isEmpty ? Self.lastPathComponent(record.objectId) : record.sourceFileName),
      siteUrl: interned(record.siteUrl.hasSuffix("/") ? String(record.siteUrl.dropLast()) : record.siteUrl),
      workload: interned(record.workload))
  }

  /// The one kept copy of this text.
  mutating func interned(_ text: String) -> String { texts.insert(ExactText(text)).memberAfterInsert.text }

  /// Text compared byte for byte: Swift's `==` takes `é` and `e` + U+0301 for the same string, but
  /// a URL or user id written either way is another one.
  struct ExactText: Hashable {
    let text: String
    init(_ text: String) { self.text = text }
    static func == (lhs: ExactText, rhs: ExactText) -> Bool {
      ASCIIText.withBytes(of: lhs.text) { left in
        ASCIIText.withBytes(of: rhs.text) { right in
          left.count == right.count && (left.isEmpty || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0)
        }
      }
    }
    /// The same bytes always hash alike (the bytes are made contiguous when a string's are not).
    func hash(into hasher: inout Hasher) {
      hasher.combine(text.utf8.count)
      ASCIIText.withBytes(of: text) { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
  }

  static func describe(
    _ state: inout LinkState, _ description: ItemDescription, _ record: AuditRecord,
    origin: (LinkOrigin, OriginConfidence, String)?, item: Int32, firstSeen: Bool
  ) {
    state.item = item
    state.itemUrl = description.itemUrl
    state.itemName = description.itemName
    state.siteUrl = description.siteUrl
    state.workload = description.workload
    if firstSeen {
      state.createdAt = min(state.createdAt ?? record.time, record.time)
      state.createdBy = state.createdBy ?? record.userId
      state.origin = state.origin ?? origin ?? OriginRules.infer(record)
    }
  }

  static func apply(_ prepared: Prepared, to state: inout LinkState) {
    if let permission = prepared.permission { state.permission = permission }
    if let expiresAt = prepared.expiresAt { state.expiresAt = expiresAt }
  }

  static func scope(_ text: String) -> LinkScope? {
    switch text.lowercased() {
    case "anyone", "anonymous": return .anyone
    case "organization", "company": return .organization
    case "specificpeople", "users", "direct": return .specificPeople
    default: return nil
    }
  }

  static func lastPathComponent(_ url: String) -> String {
    // On ASCII text the same as splitting the characters at slashes, without the list of parts.
    let ascii: String?? = ASCIIText.withBytes(of: url) { bytes in
      guard ASCIIText.isASCII(bytes) else { return nil }
      var end = bytes.count
      while end > 0, bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
      guard end > 0 else { return .some(nil) }
      var start = end
      while start > 0, bytes[start - 1] != UInt8(ascii: "/") { start -= 1 }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }
    if let ascii { return ascii ?? url }
    return url.split(separator: "/").last.map(String.init) ?? url
  }

  /// Joins what named no link, and returns every link, oldest first.
  public mutating func finish() -> [SharingLink] {
    // Creations that named no link: the group records of the same share (same user and file, within
    // two minutes) name it when the export dropped the correlation id (Sentinel); otherwise the
    // creation is a link of its own.
    // The candidates by creator, looked up afresh each time (a creation can describe one); one
    // scan of every link for each creation made a large Sentinel export take hours.
    var groupOnlyByCreator: [String: [String]] = [:]
    if !anonymousCreations.isEmpty {
      for (id, state) in links where state.fromGroupOnly {
        groupOnlyByCreator[state.createdBy ?? "", default: []].append(id)
      }
    }
    for (key, (record, prepared)) in anonymousCreations.sorted(by: { $0.key < $1.key }) {
      let scope = SharingOperations.effect(of: record).flatMap(Self.scopeOfCreation)
      let candidates = (groupOnlyByCreator[record.userId] ?? []).compactMap { links[$0] }
      let partner = candidates.filter { state in
        state.fromGroupOnly && (scope == nil || state.scope == scope) && state.createdBy == record.userId
          && abs((state.createdAt ?? .min / 2) - record.time) <= 120
          && (state.itemUrl == record.objectId
            || (!record.sourceFileName.isEmpty && state.itemName == record.sourceFileName))
      }.min { (abs(($0.createdAt ?? 0) - record.time), $0.id) < (abs(($1.createdAt ?? 0) - record.time), $1.id) }
      create(
        partner?.id ?? "unidentified:" + (record.correlationId.isEmpty ? key : record.correlationId), scope: scope,
        record, prepared)
    }
    anonymousCreations = [:]
    // A file seen by URL in one export and by id in another is one file.
    var remap: [Int32: Int32] = [:]
    for (index, url) in urlKeyed { if let target = urlAliases[url], target != index { remap[index] = target } }
    if !remap.isEmpty {
      for id in links.keys where remap[links[id]!.item] != nil { links[id]!.item = remap[links[id]!.item]! }
      for index in unattributed.indices {
        unattributed[index].item = remap[unattributed[index].item] ?? unattributed[index].item
      }
      for (from, to) in remap where firstUse[to] == nil { firstUse[to] = firstUse[from] }
    }
    var byItem: [Int32: [String]] = [:]
    for (id, state) in links where state.item >= 0 { byItem[state.item, default: []].append(id) }
    for index in byItem.keys { byItem[index]!.sort() }
    // Removals first (they bound which link was active), then uses and visits in time order.
    unattributed.sort { lhs, rhs in
      let lhsRemoval = if case .removal = lhs.kind { 0 } else { 1 }
      let rhsRemoval = if case .removal = rhs.kind { 0 } else { 1 }
      return (lhsRemoval, lhs.time) < (rhsRemoval, rhs.time)
    }
    let ordered = unattributed
    unattributed = []
    for event in ordered {
      // A removal that names neither its link nor its scope cannot be placed.
      if case .removal = event.kind, event.scope == nil { continue }
      var id = activeLink(on: event.item, scope: event.scope, at: event.time, candidates: byItem[event.item] ?? [])
      if id == nil, case .removal = event.kind { continue }
      if id == nil, case .use = event.kind {
        // A use after its link's removal is still that link's (the removal may be logged first).
        id = latestLink(on: event.item, scope: event.scope, before: event.time, candidates: byItem[event.item] ?? [])
      }
      if id == nil, case .use = event.kind, let scope = event.scope {
        // Used, but created before the audit data begins.
        let earlier = "earlier:\(scope.rawValue):\(itemNames[Int(event.item)])"
        if links[earlier] == nil, let description = firstUse[event.item] {
          var state = LinkState(id: earlier, scope: scope)
          Self.describe(
            &state, description, AuditRecord(id: "", time: event.time, operation: ""), origin: nil,
            item: event.item, firstSeen: false)
          state.fromGroupOnly = false
          state.origin = (.unknown, .unknown, "created before the audit data begins")
          links[earlier] = state
          byItem[event.item, default: []].append(earlier)
        }
        id = links[earlier] == nil ? nil : earlier
      }
      guard let id else { continue }
      update(id) { state in
        switch event.kind {
        case .removal: state.removedAt = min(state.removedAt ?? event.time, event.time)
        case .use:
          state.uses += 1
          state.useTimes.append(event.time)
          state.lastUsedAt = max(state.lastUsedAt ?? event.time, event.time)
        case .visit(let visitor): state.visitors.insert(visitor)
        }
      }
    }
    firstUse = [:]
    texts = []
    var anonymous = Set<Int32>()
    for state in links.values where state.scope == .anyone { anonymous.formUnion(state.visitors) }
    distinctAnonymousVisitors = anonymous.count
    // Each state is dropped as its link is made, so that the two are never both whole in memory.
    var result: [SharingLink] = []
    result.reserveCapacity(links.count)
    for id in Array(links.keys) {
      guard let state = links.removeValue(forKey: id) else { continue }
      result.append(Self.link(state))
    }
    links = [:]
    return result.sorted { ($0.createdAt ?? .min, $0.id) < ($1.createdAt ?? .min, $1.id) }
  }

  /// The link of this scope on the item that was active at `time`: the latest created at or before
  /// it and not removed before it.
  func activeLink(on item: Int32, scope: LinkScope?, at time: Int64, candidates: [String]) -> String? {
    var best: (created: Int64, id: String)?
    for id in candidates {
      guard let state = links[id], scope == nil || state.scope == scope else { continue }
      let created = state.createdAt ?? .min
      guard created <= time, (state.removedAt ?? .max) >= time else { continue }
      if best == nil || (created, id) > (best!.created, best!.id) { best = (created, id) }
    }
    return best?.id
  }

  /// The latest link of this scope created on the item at or before `time`, removed or not.
  func latestLink(on item: Int32, scope: LinkScope?, before time: Int64, candidates: [String]) -> String? {
    candidates.compactMap { id -> (Int64, String)? in
      guard let state = links[id], scope == nil || state.scope == scope, let created = state.createdAt, created <= time
      else {
        return nil
      }
      return (created, id)
    }.max { $0 < $1 }?.1
  }

  static func link(_ state: LinkState) -> SharingLink {
    let origin = state.origin ?? (.unknown, .unknown, "no creation record")
    return SharingLink(
      id: state.id, scope: state.scope ?? .specificPeople, permission: state.permission, siteUrl: state.siteUrl,
      itemUrl: state.itemUrl, itemName: state.itemName, createdBy: state.createdBy, createdAt: state.createdAt,
      origin: origin.0, originConfidence: origin.1, originEvidence: origin.2, uses: state.uses,
      distinctVisitors: state.visitors.count, lastUsedAt: state.lastUsedAt, removedAt: state.removedAt,
      expiresAt: state.expiresAt, workload: state.workload, useTimes: state.useTimes.sorted())
  }
}
