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
    links = context.links.map { link in
      Link(
        id: link.id, scope: link.scope.rawValue, permission: link.permission.rawValue, siteUrl: link.siteUrl,
        itemUrl: link.itemUrl, itemName: link.itemName, createdBy: link.createdBy,
        createdByKind: link.creatorKind?.rawValue, createdAt: Self.time(link.createdAt),
        origin: link.origin.rawValue, originConfidence: link.originConfidence.rawValue,
        originEvidence: link.originEvidence, uses: link.uses, distinctVisitors: link.distinctVisitors,
        lastUsedAt: Self.time(link.lastUsedAt), removedAt: Self.time(link.removedAt),
        expiresAt: Self.time(link.expiresAt))
    }
  }

  static func time(_ seconds: Int64?) -> String? {
    seconds.map { Format.iso8601(Date(timeIntervalSince1970: TimeInterval($0))) }
  }

  public func encoded() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    // Encoding plain strings, numbers and arrays cannot fail.
    let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  /// The same columns as `links` in report.json, for spreadsheets.
  public static func linksCSV(_ context: ReportContext) -> String {
    let columns = [
      "id", "scope", "permission", "siteUrl", "itemUrl", "itemName", "createdBy", "createdByKind", "createdAt",
      "origin",
      "originConfidence", "originEvidence", "uses", "distinctVisitors", "lastUsedAt", "removedAt", "expiresAt",
    ]
    var text = CSVCell.row(columns)
    for link in ReportJSON(context: context).links {
      text += CSVCell.row([
        link.id, link.scope, link.permission, link.siteUrl, link.itemUrl, link.itemName, link.createdBy ?? "",
        link.createdByKind ?? "", link.createdAt ?? "", link.origin, link.originConfidence, link.originEvidence,
        String(link.uses),
        String(link.distinctVisitors), link.lastUsedAt ?? "", link.removedAt ?? "", link.expiresAt ?? "",
      ])
    }
    return text
  }
}
