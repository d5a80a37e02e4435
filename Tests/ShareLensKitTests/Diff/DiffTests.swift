import Foundation
import Testing

@testable import ShareLensKit

/// Two small tenants that differ in known ways: the tenant's default link tightened, a site's label
/// removed, a new Anyone link, an old link removed.
@Suite struct DiffTests {
  static let tenantBefore =
    #"{"SharingCapability": 2, "OneDriveSharingCapability": 2, "DefaultSharingLinkType": 3, "DefaultLinkPermission": 2, "RequireAnonymousLinksExpireInDays": 30, "FileAnonymousLinkType": 1, "FolderAnonymousLinkType": 1}"#
  static let labels =
    #"[{"Guid": "074e257c-5848-4582-9a6f-34a182080e71", "DisplayName": "Confidential", "Priority": 2, "ContentType": "File, Email, Site, UnifiedGroup", "LabelActions": ["{\"Type\":\"protectsite\",\"SubType\":null,\"Settings\":[{\"Key\":\"externalsharingcontroltype\",\"Value\":\"ExistingExternalUserSharingOnly\"},{\"Key\":\"disabled\",\"Value\":\"false\"}]}"]}]"#

  static func sites(label: Bool) -> String {
    let finance = label ? #""074e257c-5848-4582-9a6f-34a182080e71""# : "null"
    return
      #"[{"Url": "https://contoso.sharepoint.com/sites/Finance", "Title": "Finance", "Template": "GROUP#0", "SharingCapability": 2, "SiteDefinedSharingCapability": 2, "DefaultSharingLinkType": 0, "DefaultLinkPermission": 0, "DefaultShareLinkScope": -1, "SensitivityLabel": \#(finance)}, {"Url": "https://contoso.sharepoint.com/sites/HR", "Title": "HR", "Template": "STS#3", "SharingCapability": 0, "SiteDefinedSharingCapability": 0, "DefaultSharingLinkType": 1, "DefaultLinkPermission": 1, "DefaultShareLinkScope": -1, "SensitivityLabel": null}]"#
  }

  static func audit(_ lines: [(String, String, String, String)]) -> String {
    lines.map { id, operation, time, link in
      #"{"Id": "\#(id)", "Operation": "\#(operation)", "CreationTime": "\#(time)", "UserId": "megan@contoso.com", "UniqueSharingId": "\#(link)", "ListItemUniqueId": "item-\#(link)", "SiteUrl": "https://contoso.sharepoint.com/sites/Finance", "ObjectId": "https://contoso.sharepoint.com/sites/Finance/Shared Documents/\#(link).docx", "SourceFileName": "\#(link).docx", "EventData": "<Type>View</Type>", "UserAgent": "Mozilla/5.0"}"#
    }.joined(separator: "\n") + "\n"
  }

  static let auditBefore = audit([
    ("00000000-0000-0000-0000-000000000001", "AnonymousLinkCreated", "2026-11-02T10:00:00", "old-link"),
    ("00000000-0000-0000-0000-000000000002", "AnonymousLinkCreated", "2026-11-03T10:00:00", "kept-link"),
  ])
  static let auditAfter = audit([
    ("00000000-0000-0000-0000-000000000001", "AnonymousLinkCreated", "2026-11-02T10:00:00", "old-link"),
    ("00000000-0000-0000-0000-000000000002", "AnonymousLinkCreated", "2026-11-03T10:00:00", "kept-link"),
    ("00000000-0000-0000-0000-000000000003", "AnonymousLinkRemoved", "2026-11-20T10:00:00", "old-link"),
    ("00000000-0000-0000-0000-000000000004", "AnonymousLinkCreated", "2026-11-25T10:00:00", "new-link"),
  ])

  /// Builds both reports and compares them; returns the temporary folder holding `old`, `new`, `diff`.
  static func reports() throws -> TemporaryFolder {
    let temp = try TemporaryFolder()
    for (name, tenant, sites, audit) in [
      ("old", tenantBefore, Self.sites(label: true), auditBefore),
      (
        "new",
        tenantBefore.replacingOccurrences(of: #""DefaultSharingLinkType": 3"#, with: #""DefaultSharingLinkType": 1"#),
        Self.sites(label: false), auditAfter
      ),
    ] {
      try temp.write("\(name)-in/tenant.json", tenant)
      try temp.write("\(name)-in/sites.json", sites)
      try temp.write("\(name)-in/labels.json", labels)
      try temp.write("\(name)-in/audit.jsonl", audit)
      let status = ShareLensCLI.run(
        [
          "build", temp.url.appendingPathComponent("\(name)-in").path, "--out",
          temp.url.appendingPathComponent(name).path, "--quiet",
        ],
        environment: ["SOURCE_DATE_EPOCH": name == "old" ? "1764547200" : "1796083200"],
        console: Console(out: { _ in }, err: { _ in }))
      #expect(status == 0)
    }
    return temp
  }

  @Test func knownDifferencesGiveExactlyTheExpectedChanges() throws {
    let temp = try Self.reports()
    let diff = ReportComparer.compare(
      old: try ReportComparer.load(temp.url.appendingPathComponent("old").path),
      new: try ReportComparer.load(temp.url.appendingPathComponent("new/report.json").path))
    let kinds = diff.changes.map { "\($0.kind) \($0.subject)" }
    let finance = "https://contoso.sharepoint.com/sites/Finance"
    #expect(
      kinds == [
        "link.new new-link", "tenant.setting defaultLinkScope", "site.setting \(finance) defaultScope",
        "site.setting \(finance) label", "finding.evidence A4:\(finance)", "finding.resolved A1:\(finance)",
        "finding.resolved CIS-7.2.7:tenant", "finding.resolved L1:\(finance)",
        "finding.resolved MS.SHAREPOINT.2.1v1:tenant",
        "link.newlyRemoved old-link", "figure Anyone links", "figure Anyone links never used", "figure high findings",
        "figure links",
      ])
    #expect(Set(kinds).count == 14)
    try expectGolden(ChangesPage.document(diff, title: "Changes between two reports").text, "diff/diff.md")
  }

  @Test func theCommandWritesItsFilesAndDecodesBack() throws {
    let temp = try Self.reports()
    let out = temp.url.appendingPathComponent("diff")
    let run = try BinaryRun.run(["diff", "old", "new", "--out", "diff"], in: temp.url)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      run.stdout.hasPrefix(
        "14 changes: 0 new findings (0 high), 4 resolved, 1 new link, 1 tenant setting and 2 site settings changed."))
    let decoded = try JSONDecoder().decode(
      ReportDiff.self, from: Data(contentsOf: out.appendingPathComponent("diff.json")))
    #expect(decoded.schemaVersion == 1)
    let direct = ReportComparer.compare(
      old: try ReportComparer.load(temp.url.appendingPathComponent("old").path),
      new: try ReportComparer.load(temp.url.appendingPathComponent("new").path))
    #expect(decoded == direct, "diff.json decodes back to the same changes")
    #expect(decoded.changes.count == 14)
    #expect(try temp.read("diff/diff.html").contains("Content-Security-Policy"))
    #expect(try temp.read("diff/diff.md").hasPrefix("# Changes between two reports"))
  }

  @Test func exitCodesForScheduledJobs() throws {
    let temp = try Self.reports()
    func status(_ arguments: [String]) throws -> Int32 {
      try BinaryRun.run(["diff"] + arguments + ["--force", "-q"], in: temp.url).status
    }
    #expect(try status(["old", "new", "--out", "d1", "--fail-on", "any-change"]) == 3)
    #expect(try status(["old", "new", "--out", "d2", "--fail-on", "new-findings"]) == 0)
    #expect(
      try status(["new", "old", "--out", "d3", "--fail-on", "new-findings"]) == 3,
      "the other way round, the resolved findings are new")
    #expect(try status(["new", "old", "--out", "d4", "--fail-on", "new-high"]) == 3)
    #expect(
      try status(["new", "new", "--out", "d5", "--fail-on", "any-change"]) == 0,
      "a report against itself has no changes")
    #expect(try status(["old", "new", "--out", "d6", "--fail-on", "sometimes"]) == 64)
  }

  @Test func aReportAgainstItselfHasNoChanges() throws {
    let temp = try Self.reports()
    let report = try ReportComparer.load(temp.url.appendingPathComponent("new").path)
    let diff = ReportComparer.compare(old: report, new: report)
    #expect(diff.changes.isEmpty)
    #expect(ChangesPage.document(diff).text.contains("No changes."))
  }

  @Test func anotherSchemaVersionStopsWithExit65AndUnknownFieldsAreIgnored() throws {
    let temp = try TemporaryFolder()
    try temp.write("v2/report.json", #"{"schemaVersion": 2, "links": []}"#)
    try temp.write(
      "v1/report.json",
      #"{"schemaVersion": 1, "surprise": {"x": [1, 2]}, "findings": [{"id": "R:x", "severity": "someday", "extra": true}], "links": [{"id": 42}]}"#
    )
    let refused = try BinaryRun.run(["diff", "v1", "v2"], in: temp.url)
    #expect(refused.status == 65)
    #expect(refused.stderr.contains("schemaVersion 2"))
    let odd = try ReportComparer.load(temp.url.appendingPathComponent("v1").path)
    #expect(ReportComparer.compare(old: odd, new: odd).changes.isEmpty)
    #expect(
      ReportComparer.compare(old: ReportComparer.Snapshot(["schemaVersion": 1]), new: odd).changes.contains {
        $0.kind == "finding.new" && $0.subject == "R:x"
      })
  }

  @Test func buildWithABaselineAddsTheChangesPage() throws {
    let temp = try Self.reports()
    let status = ShareLensCLI.run(
      [
        "build", temp.url.appendingPathComponent("new-in").path, "--out", temp.url.appendingPathComponent("again").path,
        "--quiet",
        "--baseline", temp.url.appendingPathComponent("old").path,
      ],
      environment: ["SOURCE_DATE_EPOCH": "1796083200"], console: Console(out: { _ in }, err: { _ in }))
    #expect(status == 0)
    #expect(try temp.read("again/markdown/changes.md").contains("14 changes"))
    #expect(try temp.read("again/markdown/index.md").contains("Since the last report: 14 changes"))
  }

  /// A baseline that cannot be read stops the build before the audit data is read (here, audit
  /// data that does not exist), whether the fault is in the document or in a link.
  @Test func aBrokenBaselineStopsTheBuild() throws {
    let temp = try Self.reports()
    let good = try temp.read("old/report.json")
    let brokenLink = try #require(good.range(of: "\"uses\" : "))
    for (name, text, reason) in [
      (
        "version.json", good.replacingOccurrences(of: "\"schemaVersion\" : 1", with: "\"schemaVersion\" : 7"),
        "schemaVersion 7"
      ),
      ("link.json", good.replacingCharacters(in: brokenLink, with: "\"uses\" : x"), "not valid JSON"),
    ] {
      let path = try temp.write(name, text)
      let run = try BinaryRun.run(
        ["build", "--audit", "missing.csv", "--out", "site-\(name)", "--quiet", "--baseline", path],
        in: temp.url)
      #expect(run.status == 65, "\(name)")
      #expect(run.stderr.contains(reason) && run.stderr.contains(name), "\(run.stderr)")
      #expect(!FileManager.default.fileExists(atPath: temp.url.appendingPathComponent("site-\(name)").path))
    }
  }
}
