import Foundation

/// `report.json`: the machine-readable record of a build (documented in docs/report-json.md).
/// Keys are sorted and times are ISO 8601 in UTC, so two reports diff cleanly.
public struct ReportJSON: Encodable {
  public static let schemaVersion = 1

  struct InputEntry: Encodable {
    var path: String
    var kind: String?
    var format: String?
    var encoding: String?
    var size: Int64
    var records: Int
    var sharingRecords: Int?
    var otherRecords: Int?
    var duplicates: Int?
    var rejected: Int?
    var firstEvent: String?
    var lastEvent: String?
    var used: Bool
    var problem: String?
    var warnings: [String]
  }

  struct Totals: Encodable {
    var files: Int
    var filesUsed: Int
    var auditRecords: Int
    var sharingRecords: Int
    var otherRecords: Int
    var duplicates: Int
    var rejected: Int
    var firstEvent: String?
    var lastEvent: String?
  }

  struct Inputs: Encodable {
    var files: [InputEntry]
    var totals: Totals
  }

  struct Link: Encodable {
    var id: String
    var scope: String
    var permission: String
    var siteUrl: String
    var itemUrl: String
    var itemName: String
    var createdBy: String?
    var createdByKind: String?
    var createdAt: String?
    var origin: String
    var originConfidence: String
    var originEvidence: String
    var uses: Int
    var distinctVisitors: Int
    var lastUsedAt: String?
    var removedAt: String?
    var expiresAt: String?
  }

  struct Valued<Value: Encodable>: Encodable {
    var value: Value?
    var source: String
  }

  struct LabelRef: Encodable {
    var id: String
    var name: String?
  }

  struct SiteEntry: Encodable {
    var url: String
    var title: String
    var kind: String
    var label: LabelRef?
    var storedSharing: String?
    var effectiveSharing: Valued<String>?
    var defaultScope: Valued<String>?
    var defaultPermission: Valued<String>?
    var anyoneExpiryDays: Valued<Int>?
    var detail: String
    var linksCreated: Int
    var linksActive: Int
    var linksUsed: Int
  }

  struct LabelEntry: Encodable {
    var id: String
    var name: String
    var priority: Int?
    var appliesToSites: Bool?
    var siteSettingsEnabled: Bool
    var externalSharing: String?
    var defaultScope: String?
    var defaultPermission: String?
  }

  struct FindingEntry: Encodable {
    var id: String
    var rule: String
    var severity: String
    var subject: String
    var siteUrl: String?
    var summary: String
    var evidence: [String]
    var explanation: String
    var remediation: String?
    var references: [String]
  }

  var schemaVersion = ReportJSON.schemaVersion
  var tenant: TenantSettings?
  var labels: [LabelEntry]
  var sites: [SiteEntry]
  var findings: [FindingEntry]
  var generator: String
  var generatedAt: String
  var title: String
  var inputs: Inputs
  var links: [Link]

  public init(context: ReportContext) {
    generator = "ShareLens \(ShareLensVersion.current)"
    generatedAt = Format.iso8601(context.generatedAt)
    title = context.title
    let files = context.inputs.files.map { file in
      InputEntry(
        path: file.path, kind: file.format?.role.rawValue, format: file.format?.rawValue,
        encoding: file.encoding?.rawValue,
        size: file.size, records: file.records, sharingRecords: file.audit?.sharing, otherRecords: file.audit?.other,
        duplicates: file.audit?.duplicates, rejected: file.audit?.rejected,
        firstEvent: Self.time(file.audit?.firstEvent),
        lastEvent: Self.time(file.audit?.lastEvent), used: file.isUsed, problem: file.problem, warnings: file.warnings)
    }
    let audits = context.inputs.used.compactMap(\.audit)
    let totals = Totals(
      files: context.inputs.files.count, filesUsed: context.inputs.used.count,
      auditRecords: audits.reduce(0) { $0 + $1.records }, sharingRecords: audits.reduce(0) { $0 + $1.sharing },
      otherRecords: audits.reduce(0) { $0 + $1.other }, duplicates: audits.reduce(0) { $0 + $1.duplicates },
      rejected: audits.reduce(0) { $0 + $1.rejected }, firstEvent: Self.time(audits.compactMap(\.firstEvent).min()),
      lastEvent: Self.time(audits.compactMap(\.lastEvent).max()))
    inputs = Inputs(files: files, totals: totals)
    tenant = context.settings.tenant
    labels = context.settings.labels.map { label in
      LabelEntry(
        id: label.id, name: label.name, priority: label.priority, appliesToSites: label.appliesToSites,
        siteSettingsEnabled: label.siteSettingsEnabled, externalSharing: label.externalSharing?.name,
        defaultScope: label.defaultScope?.rawValue, defaultPermission: label.defaultRole?.rawValue)
    }
    sites = context.postures.sorted { $0.site.url < $1.site.url }.map { posture in
      SiteEntry(
        url: posture.site.url, title: posture.site.title, kind: posture.site.kind.rawValue,
        label: posture.site.labelId.map { LabelRef(id: $0, name: posture.label?.name) },
        storedSharing: posture.isComplete ? posture.site.storedCapability?.name : nil,
        effectiveSharing: posture.effectiveCapability.map { Valued(value: $0.value.name, source: $0.source.rawValue) },
        defaultScope: posture.defaultScope.map { Valued(value: $0.value.rawValue, source: $0.source.rawValue) },
        defaultPermission: posture.defaultRole.map { Valued(value: $0.value.rawValue, source: $0.source.rawValue) },
        anyoneExpiryDays: posture.anyoneExpiryDays.map { Valued(value: $0.value, source: $0.source.rawValue) },
        detail: posture.isComplete ? "complete" : "insufficient", linksCreated: posture.linksCreated,
        linksActive: posture.linksActive, linksUsed: posture.linksUsed)
    }
    findings = context.findings.map { finding in
      FindingEntry(
        id: finding.id, rule: finding.rule, severity: finding.severity.rawValue, subject: finding.subject,
        siteUrl: finding.siteUrl, summary: finding.summary, evidence: finding.evidence,
        explanation: finding.explanation,
        remediation: finding.remediation, references: finding.references)
    }
    links = context.links.map(Link.init)
  }

  static func time(_ seconds: Int64?) -> String? {
    seconds.map { Format.iso8601(Date(timeIntervalSince1970: TimeInterval($0))) }
  }

  public func encoded() -> String {
    String(decoding: (try? Self.encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self) + "\n"
  }

  /// Sorted keys, two-space indents, slashes as they are. Encoding plain strings, numbers and
  /// arrays cannot fail.
  static var encoder: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    return encoder
  }

  /// report.json for `context` with an empty list of links: everything else, which is small.
  static func encodedWithoutLinks(_ context: ReportContext) -> String {
    var bare = context
    bare.links = []
    return ReportJSON(context: bare).encoded()
  }

  /// report.json for `context`, the same bytes as `encoded()`, handed out in parts: everything but
  /// the links is encoded whole, the links a batch at a time on `jobs` threads, so that a large
  /// tenant's report is never whole in memory.
  static func write(
    _ context: ReportContext, jobs: Int, batch: Int = 1024, _ part: (String) throws(ShareLensError) -> Void
  ) throws(ShareLensError) {
    let text = encodedWithoutLinks(context)
    let emptyLinks = "\n  \"links\" : [\n\n  ]"
    guard !context.links.isEmpty else { return try part(text) }
    // An encoder that writes an empty list another way: the whole report at once, links and all.
    guard let range = text.range(of: emptyLinks) else { return try part(ReportJSON(context: context).encoded()) }
    try part(String(text[..<range.lowerBound]) + "\n  \"links\" : [\n")
    try batches(context.links, jobs: jobs, batch: batch, separator: ",\n", part) { links in
      var out: [UInt8] = []
      out.reserveCapacity(links.count * 1024)
      for (index, link) in links.enumerated() {
        if index > 0 { out += ",\n".utf8 }
        Link(link).write(into: &out)
      }
      return String(decoding: out, as: UTF8.self)
    }
    try part("\n  ]" + text[range.upperBound...])
  }

  /// The same columns as `links` in report.json, for spreadsheets, handed out in parts.
  static func writeLinksCSV(
    _ context: ReportContext, jobs: Int, batch: Int = 1024, _ part: (String) throws(ShareLensError) -> Void
  ) throws(ShareLensError) {
    let columns = [
      "id", "scope", "permission", "siteUrl", "itemUrl", "itemName", "createdBy", "createdByKind", "createdAt",
      "origin",
      "originConfidence", "originEvidence", "uses", "distinctVisitors", "lastUsedAt", "removedAt", "expiresAt",
    ]
    try part(CSVCell.row(columns))
    try batches(context.links, jobs: jobs, batch: batch, separator: "", part) { links in
      // A batch's rows written into one buffer, not a string per cell and row.
      var out: [UInt8] = []
      out.reserveCapacity(links.count * 512)
      for link in links {
        let link = Link(link)
        CSVCell.appendRow(
          [
            link.id, link.scope, link.permission, link.siteUrl, link.itemUrl, link.itemName, link.createdBy ?? "",
            link.createdByKind ?? "", link.createdAt ?? "", link.origin, link.originConfidence, link.originEvidence,
            String(link.uses),
            String(link.distinctVisitors), link.lastUsedAt ?? "", link.removedAt ?? "", link.expiresAt ?? "",
          ], to: &out)
      }
      return String(decoding: out, as: UTF8.self)
    }
  }

  /// The links turned into text `batch` at a time, in order, the batches joined by `separator`.
  static func batches(
    _ links: [SharingLink], jobs: Int, batch: Int, separator: String, _ part: (String) throws(ShareLensError) -> Void,
    _ text: @escaping @Sendable (ArraySlice<SharingLink>) -> String
  ) throws(ShareLensError) {
    let groups = stride(from: 0, to: links.count, by: batch).map { links[$0..<min($0 + batch, links.count)] }
    for start in stride(from: 0, to: groups.count, by: max(jobs, 1) * 2) {
      let some = Array(groups[start..<min(start + max(jobs, 1) * 2, groups.count)])
      let texts = Parallel.map(some, jobs: jobs, text)
      try part((start == 0 ? "" : separator) + texts.joined(separator: separator))
    }
  }
}

extension ReportJSON.Link {
  init(_ link: SharingLink) {
    self.init(
      id: link.id, scope: link.scope.rawValue, permission: link.permission.rawValue, siteUrl: link.siteUrl,
      itemUrl: link.itemUrl, itemName: link.itemName, createdBy: link.createdBy,
      createdByKind: link.creatorKind?.rawValue, createdAt: ReportJSON.time(link.createdAt),
      origin: link.origin.rawValue, originConfidence: link.originConfidence.rawValue,
      originEvidence: link.originEvidence, uses: link.uses, distinctVisitors: link.distinctVisitors,
      lastUsedAt: ReportJSON.time(link.lastUsedAt), removedAt: ReportJSON.time(link.removedAt),
      expiresAt: ReportJSON.time(link.expiresAt))
  }
}

extension ReportJSON.Link {
  /// The link as it sits in report.json's list, indented by four spaces: the bytes `JSONEncoder`
  /// writes with `ReportJSON.encoder`'s settings (keys sorted, absent values left out, slashes and
  /// non-ASCII text as they are), written directly (the encoder was most of the time spent on
  /// report.json). A test holds the two to the same bytes.
  func write(into out: inout [UInt8]) {
    out += "    {\n".utf8
    var first = true
    func key(_ name: StaticString) {
      out += (first ? "      \"" : ",\n      \"").utf8
      first = false
      out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
      out += "\" : ".utf8
    }
    func text(_ name: StaticString, _ value: String?) {
      guard let value else { return }
      key(name)
      ReportJSON.appendString(value, to: &out)
    }
    func number(_ name: StaticString, _ value: Int) {
      key(name)
      out += String(value).utf8
    }
    text("createdAt", createdAt)
    text("createdBy", createdBy)
    text("createdByKind", createdByKind)
    number("distinctVisitors", distinctVisitors)
    text("expiresAt", expiresAt)
    text("id", id)
    text("itemName", itemName)
    text("itemUrl", itemUrl)
    text("lastUsedAt", lastUsedAt)
    text("origin", origin)
    text("originConfidence", originConfidence)
    text("originEvidence", originEvidence)
    text("permission", permission)
    text("removedAt", removedAt)
    text("scope", scope)
    text("siteUrl", siteUrl)
    number("uses", uses)
    out += "\n    }".utf8
  }
}

extension ReportJSON {
  /// A JSON string as `JSONEncoder` writes it: `"` and `\\` escaped, control characters as `\n`,
  /// `\t`… or `\u00XX`, everything else (slashes, non-ASCII text) as it is.
  static func appendString(_ value: String, to out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    // Most texts need no escape: copied whole.
    let copied = ASCIIText.withBytes(of: value) { bytes in
      guard !bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
        return false
      }
      out.append(contentsOf: bytes)
      return true
    }
    if copied {
      out.append(UInt8(ascii: "\""))
      return
    }
    for byte in value.utf8 {
      switch byte {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), byte]
      case 0x08: out += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
      case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
      case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
      case 0x0C: out += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
      case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
      case 0..<0x20:
        let hex = Array("0123456789abcdef".utf8)
        out += "\\u00".utf8
        out += [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
      default: out.append(byte)
      }
    }
    out.append(UInt8(ascii: "\""))
  }
}
