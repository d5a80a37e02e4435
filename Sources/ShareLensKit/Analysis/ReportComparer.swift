import Foundation

/// Compares two `report.json` documents on stable ids, never on positions: findings by id, sites by
/// URL, tenant settings by name, links by id, headline figures by name. Reads them leniently:
/// fields it does not know are ignored, missing ones compare as absent.
public enum ReportComparer {
  /// A report.json, or a report folder holding one.
  /// - Parameter links: false checks the links (each is decoded) but does not keep them: a report
  ///   is checked whole before a long read, and its links are read again when they are needed.
  public static func load(_ path: String, links: Bool = true) throws(ShareLensError) -> Snapshot {
    var file = path
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
      throw ShareLensError(.missingInput, path: path)
    }
    if isFolder.boolValue { file = (path as NSString).appendingPathComponent("report.json") }
    guard let data = FileManager.default.contents(atPath: file) else { throw ShareLensError(.missingInput, path: file) }
    // The links taken apart where the layout allows; otherwise the whole document at once.
    let parts = try data.withUnsafeBytes { bytes in
      Result { () throws(ShareLensError) in try Self.snapshot(bytes, file: file, links: links) }
    }.get()
    let snapshot: Snapshot
    if let parts {
      snapshot = parts
    } else {
      guard let parsed = try? JSONSerialization.jsonObject(with: data) else {
        throw ShareLensError(notJSON, path: file)
      }
      guard let object = parsed as? [String: Any] else { throw ShareLensError(notAnObject, path: file) }
      snapshot = Snapshot(object)
    }
    let object = snapshot.document
    guard object["schemaVersion"] != nil else {
      throw ShareLensError(.invalidInput("not a ShareLens report.json (no schemaVersion)"), path: file)
    }
    guard let version = SettingValue.int(object["schemaVersion"]) else {
      throw ShareLensError(.invalidInput("report.json's schemaVersion is not a whole number"), path: file)
    }
    guard version == ReportJSON.schemaVersion else {
      throw ShareLensError(
        .invalidInput(
          "report.json has schemaVersion \(version); this ShareLens reads version \(ReportJSON.schemaVersion) (build both reports with the same version)"
        ),
        path: file)
    }
    return snapshot
  }

  /// The objects of a list; anything else in it is ignored, never the whole list.
  static func list(_ value: Any?) -> [[String: Any]] { (value as? [Any] ?? []).compactMap { $0 as? [String: Any] } }

  /// Entries by id. Should an id repeat, the most severe entry wins, then the first summary in
  /// text order: the same whatever order the file lists them in.
  static func byId(_ entries: [[String: Any]], key: String = "id") -> [String: [String: Any]] {
    byId(entries, id: { text($0[key]) }) { entry in
      (rank(entry), text(entry["summary"]) ?? "", text(entry["createdAt"]) ?? "")
    }
  }

  static func byId(_ links: [LinkFacts]) -> [String: LinkFacts] {
    byId(links, id: \.id) { link in
      (rank(severity: link.severity), link.summary ?? "", link.createdAt ?? "")
    }
  }

  static func byId<Entry>(
    _ entries: [Entry], id: (Entry) -> String?, order: (Entry) -> (Int, String, String)
  ) -> [String: Entry] {
    var result: [String: Entry] = [:]
    for entry in entries {
      guard let id = id(entry) else { continue }
      guard let other = result[id] else {
        result[id] = entry
        continue
      }
      if order(entry) < order(other) { result[id] = entry }
    }
    return result
  }

  static func severity(_ entry: [String: Any]) -> String { severity(text(entry["severity"])) }
  static func severity(_ text: String?) -> String { (text ?? "info").lowercased() }
  static func rank(_ entry: [String: Any]) -> Int { rank(severity: text(entry["severity"])) }
  static func rank(severity text: String?) -> Int { severityRank[severity(text)] ?? 5 }
  static func text(_ value: Any?) -> String? {
    switch value {
    case nil, is NSNull: return nil
    case let dictionary as [String: Any]:
      return dictionary["value"].flatMap { text($0) } ?? dictionary["name"].flatMap { text($0) }
        ?? dictionary["id"].flatMap { text($0) }
    case let list as [Any]: return list.compactMap { text($0) }.joined(separator: "; ")
    default: return AuditFields.text(value)
    }
  }

  static let severityRank = ["high": 0, "medium": 1, "low": 2, "info": 3, "warning": 4]

  public static func compare(old: [String: Any], new: [String: Any], all: Bool = false) -> ReportDiff {
    compare(old: Snapshot(old), new: Snapshot(new), all: all)
  }

  public static func compare(old: Snapshot, new: Snapshot, all: Bool = false) -> ReportDiff {
    var changes: [ReportChange] = []
    var unchanged: [String] = []

    // Findings: new, resolved, severity changed, evidence changed.
    let oldFindings = byId(list(old["findings"]))
    let newFindings = byId(list(new["findings"]))
    for (id, finding) in newFindings {
      let severity = Self.severity(finding)
      let rank = Self.rank(finding)
      guard let before = oldFindings[id] else {
        changes.append(
          ReportChange(
            kind: "finding.new", subject: id, summary: text(finding["summary"]) ?? id, severity: severity,
            rank: rank * 10))
        continue
      }
      let oldSeverity = Self.severity(before)
      if oldSeverity != severity {
        let worse = rank < Self.rank(before)
        changes.append(
          ReportChange(
            kind: worse ? "finding.severity" : "finding.lessSevere", subject: id,
            summary: "\(worse ? "More" : "Less") severe: \(text(finding["summary"]) ?? id)",
            severity: severity, before: oldSeverity, after: severity, rank: worse ? rank * 10 + 1 : 300))
      } else if text(before["evidence"]) != text(finding["evidence"]) {
        changes.append(
          ReportChange(
            kind: "finding.evidence", subject: id, summary: text(finding["summary"]) ?? id, severity: severity,
            before: text(before["evidence"]), after: text(finding["evidence"]), rank: 200 + rank))
      } else {
        unchanged.append(id)
      }
    }
    for (id, finding) in oldFindings where newFindings[id] == nil {
      changes.append(
        ReportChange(
          kind: "finding.resolved", subject: id, summary: text(finding["summary"]) ?? id,
          severity: Self.severity(finding), rank: 400 + Self.rank(finding)))
    }

    // Links: new Anyone links first, then the other changes of their life.
    let oldLinks = byId(old.links)
    let newLinks = byId(new.links)
    let newTime = text(new["generatedAt"]) ?? ""
    let oldTime = text(old["generatedAt"]) ?? ""
    func describe(_ link: LinkFacts) -> String {
      "\(link.scope ?? "") \(link.permission ?? "") link on \(link.itemName ?? "?") (\(link.siteUrl ?? "?"))"
    }
    for (id, link) in newLinks {
      guard let before = oldLinks[id] else {
        let anyone = link.scope == "anyone"
        changes.append(
          ReportChange(
            kind: "link.new", subject: id, summary: "New \(describe(link)) by \(link.createdBy ?? "unknown")",
            rank: anyone ? 50 : 150))
        continue
      }
      if before.removedAt == nil, let removed = link.removedAt {
        changes.append(
          ReportChange(
            kind: "link.newlyRemoved", subject: id, summary: "Removed: \(describe(link))", after: removed, rank: 410))
      }
      if (before.uses ?? 0) == 0, (link.uses ?? 0) > 0 {
        changes.append(
          ReportChange(
            kind: "link.newlyUsed", subject: id, summary: "First used: \(describe(link))", after: link.lastUsedAt,
            rank: 60))
      }
      if let expires = link.expiresAt, !oldTime.isEmpty, expires <= newTime, expires > oldTime {
        changes.append(
          ReportChange(
            kind: "link.newlyExpired", subject: id, summary: "Expired: \(describe(link))", after: expires, rank: 420))
      }
    }
    for (id, link) in oldLinks where newLinks[id] == nil {
      changes.append(
        ReportChange(
          kind: "link.removed", subject: id, summary: "No longer in the audit data: \(describe(link))", rank: 430))
    }

    // Sites: added, removed, and each posture field that changed.
    let oldSites = byId(
      list(old["sites"]).map { $0.merging(["key": (text($0["url"]) ?? "").lowercased()]) { a, _ in a } }, key: "key")
    let newSites = byId(
      list(new["sites"]).map { $0.merging(["key": (text($0["url"]) ?? "").lowercased()]) { a, _ in a } }, key: "key")
    let siteFields: [(String, String)] = [
      ("effectiveSharing", "effective sharing"), ("storedSharing", "stored sharing"), ("defaultScope", "default link"),
      ("defaultPermission", "default permission"), ("anyoneExpiryDays", "Anyone link expiry (days)"),
      ("label", "label"),
      ("detail", "detail"),
    ]
    let sharingRank = [
      "Disabled": 0, "ExistingExternalUserSharingOnly": 1, "ExternalUserSharingOnly": 2,
      "ExternalUserAndGuestSharing": 3,
    ]
    for (key, site) in newSites {
      let url = text(site["url"]) ?? key
      guard let before = oldSites[key] else {
        changes.append(
          ReportChange(
            kind: "site.added", subject: url, summary: "New site \(url)", after: text(site["effectiveSharing"]),
            rank: 160))
        continue
      }
      for (field, name) in siteFields where text(before[field]) != text(site[field]) {
        let was = text(before[field]) ?? "none"
        let now = text(site[field]) ?? "none"
        let loosened = field == "effectiveSharing" && (sharingRank[now] ?? 0) > (sharingRank[was] ?? 0)
        changes.append(
          ReportChange(
            kind: "site.setting", subject: "\(url) \(field)", summary: "\(url): \(name) \(was) → \(now)", before: was,
            after: now,
            rank: loosened ? 70 : 170))
      }
    }
    for (key, site) in oldSites where newSites[key] == nil {
      let url = text(site["url"]) ?? key
      changes.append(
        ReportChange(kind: "site.removed", subject: url, summary: "Site no longer listed: \(url)", rank: 440))
    }

    // Tenant settings, by name.
    let oldTenant = old["tenant"] as? [String: Any] ?? [:]
    let newTenant = new["tenant"] as? [String: Any] ?? [:]
    for key in Set(oldTenant.keys).union(newTenant.keys) where text(oldTenant[key]) != text(newTenant[key]) {
      // Capabilities by their names; a tenant that now shares further ranks with new high findings.
      var was = text(oldTenant[key])
      var now = text(newTenant[key])
      var loosened = false
      if key.lowercased().hasSuffix("sharingcapability") {
        let before = SharingCapability(lenient: oldTenant[key])
        let after = SharingCapability(lenient: newTenant[key])
        was = before?.title ?? was
        now = after?.title ?? now
        loosened = (after?.rank ?? 0) > (before?.rank ?? 0)
      }
      changes.append(
        ReportChange(
          kind: "tenant.setting", subject: key,
          summary: "Tenant \(key): \(was ?? "not exported") → \(now ?? "not exported")",
          before: was, after: now, rank: loosened ? 5 : 100))
    }

    // Headline figures with their deltas.
    let oldFigures = figures(old)
    for (name, value) in figures(new) where oldFigures[name] != value {
      let was = oldFigures[name] ?? 0
      let delta = value - was
      changes.append(
        ReportChange(
          kind: "figure", subject: name,
          summary:
            "\(name): \(Format.count(was)) → \(Format.count(value)) (\(delta > 0 ? "+" : "")\(Format.count(delta)))",
          before: String(was), after: String(value), rank: 500))
    }

    changes.sort { ($0.rank, $0.kind, $0.subject) < ($1.rank, $1.kind, $1.subject) }
    return ReportDiff(
      old: .init(title: text(old["title"]) ?? "", generatedAt: oldTime),
      new: .init(title: text(new["title"]) ?? "", generatedAt: newTime),
      changes: changes, unchangedFindings: all ? unchanged.sorted() : [])
  }

  /// The headline figures, computed the same way from either report.
  static func figures(_ report: Snapshot) -> [String: Int] {
    let links = report.links
    let anyone = links.filter { $0.scope == "anyone" }
    let findings = list(report["findings"])
    var figures: [String: Int] = [
      "Anyone links": anyone.count,
      "Anyone links still active": anyone.filter { $0.removedAt == nil }.count,
      "Anyone links never used": anyone.filter { ($0.uses ?? 0) == 0 }.count,
      "links": links.count, "sites": list(report["sites"]).count,
    ]
    for severity in ["high", "medium", "low"] {
      figures["\(severity) findings"] = findings.filter { text($0["severity"]) == severity }.count
    }
    return figures
  }
}
