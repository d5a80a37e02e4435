import Foundation
import Testing

@testable import ShareLensKit

/// The comparison rule by rule, on small report.json objects.
@Suite struct ReportComparerTests {
  static func report(
    time: String = "2026-12-01T00:00:00Z", findings: [[String: Any]] = [], links: [[String: Any]] = [],
    sites: [[String: Any]] = [], tenant: [String: Any] = [:]
  ) -> [String: Any] {
    ["schemaVersion": 1, "generatedAt": time, "findings": findings, "links": links, "sites": sites, "tenant": tenant]
  }

  static func kinds(_ diff: ReportDiff) -> [String] {
    diff.changes.filter { $0.kind != "figure" }.map { "\($0.kind) \($0.subject)" }
  }

  @Test func severityUpAndDown() {
    let old = Self.report(findings: [["id": "A:x", "severity": "medium"], ["id": "B:x", "severity": "high"]])
    let new = Self.report(findings: [["id": "A:x", "severity": "high"], ["id": "B:x", "severity": "low"]])
    let diff = ReportComparer.compare(old: old, new: new)
    #expect(Self.kinds(diff) == ["finding.severity A:x", "finding.lessSevere B:x"])
    #expect(DiffCommand.holds(.newHigh, diff))
    #expect(!DiffCommand.holds(.newFindings, diff))
  }

  @Test func sitesAddedRemovedAndLoosened() {
    let old = Self.report(sites: [
      ["url": "https://c/sites/A", "effectiveSharing": ["value": "Disabled"]], ["url": "https://c/sites/B"],
    ])
    let new = Self.report(sites: [
      ["url": "https://c/SITES/a", "effectiveSharing": ["value": "ExternalUserAndGuestSharing"]],
      ["url": "https://c/sites/C"],
    ])
    let diff = ReportComparer.compare(old: old, new: new)
    #expect(
      Self.kinds(diff) == [
        "site.setting https://c/SITES/a effectiveSharing", "site.added https://c/sites/C",
        "site.removed https://c/sites/B",
      ])
  }

  @Test func linksNewlyUsedAndNewlyExpired() {
    let old = Self.report(
      time: "2026-11-01T00:00:00Z",
      links: [
        ["id": "l1", "scope": "anyone", "uses": 0],
        ["id": "l2", "scope": "anyone", "expiresAt": "2026-11-15T00:00:00Z"],
        ["id": "l3", "scope": "anyone", "expiresAt": "2026-10-01T00:00:00Z"],
      ])
    let new = Self.report(links: [
      ["id": "l1", "scope": "anyone", "uses": 2, "lastUsedAt": "2026-11-20T00:00:00Z"],
      ["id": "l2", "scope": "anyone", "expiresAt": "2026-11-15T00:00:00Z"],
      ["id": "l3", "scope": "anyone", "expiresAt": "2026-10-01T00:00:00Z"],
    ])
    #expect(Self.kinds(ReportComparer.compare(old: old, new: new)) == ["link.newlyUsed l1", "link.newlyExpired l2"])
    // Without the old report's time, nothing can be said to have expired in between.
    var timeless = old
    timeless["generatedAt"] = nil
    #expect(!Self.kinds(ReportComparer.compare(old: timeless, new: new)).contains("link.newlyExpired l2"))
  }

  @Test func oneBadElementDoesNotHideTheRest() {
    let findings: [Any] = [["id": "F1", "severity": "HIGH"], 5, "x", NSNull()]
    let diff = ReportComparer.compare(old: Self.report(), new: ["schemaVersion": 1, "findings": findings])
    #expect(Self.kinds(diff) == ["finding.new F1"])
    #expect(DiffCommand.holds(.newHigh, diff), "severity is read without regard to case")
  }

  @Test func duplicateIdsGiveTheSameAnswerInAnyOrder() {
    let a: [[String: Any]] = [
      ["id": "D", "severity": "high", "summary": "a"], ["id": "D", "severity": "low", "summary": "b"],
    ]
    let forward = ReportComparer.compare(old: Self.report(), new: Self.report(findings: a))
    let backward = ReportComparer.compare(old: Self.report(), new: Self.report(findings: a.reversed()))
    #expect(forward == backward)
    #expect(forward.changes.first?.severity == "high")
    #expect(
      ReportComparer.compare(old: Self.report(findings: a), new: Self.report(findings: a.reversed())).changes.isEmpty)
    // Links too: of two entries with one id, the more severe (in any case), then the first summary.
    let links: [[String: Any]] = [
      ["id": "L", "scope": "anyone", "summary": "b", "itemName": "low.docx"],
      ["id": "L", "scope": "anyone", "severity": "HIGH", "summary": "z", "itemName": "high.docx"],
      ["id": "L", "scope": "anyone", "summary": "a", "itemName": "first.docx"],
    ]
    for order in [links, links.reversed()] {
      let diff = ReportComparer.compare(old: Self.report(), new: Self.report(links: order))
      #expect(diff.changes.first { $0.kind == "link.new" }?.summary.contains("high.docx") == true)
    }
  }

  @Test func tenantChangesAreNamedAndLooseningComesFirst() {
    let old = Self.report(
      findings: [["id": "N:x", "severity": "high"]],
      tenant: ["sharingCapability": 0, "emailAttestationRequired": false])
    let new = Self.report(
      findings: [["id": "N:x", "severity": "high"], ["id": "M:y", "severity": "medium"]],
      tenant: ["sharingCapability": 2, "emailAttestationRequired": true])
    let diff = ReportComparer.compare(old: old, new: new)
    #expect(diff.changes.first?.summary == "Tenant sharingCapability: Only people in the organization → Anyone")
    #expect(diff.changes.contains { $0.summary == "Tenant emailAttestationRequired: false → true" })
    #expect(DiffCommand.holds(.newHigh, diff), "a tenant that now shares with Anyone counts as new and high")
  }

  @Test func allListsUnchangedFindingsEvenWithoutChanges() {
    let same = Self.report(findings: [["id": "S:x", "severity": "low"]])
    let diff = ReportComparer.compare(old: same, new: same, all: true)
    #expect(diff.changes.isEmpty)
    #expect(diff.unchangedFindings == ["S:x"])
    let text = ChangesPage.document(diff).text
    #expect(text.contains("No changes."))
    #expect(text.contains("`S:x`"))
  }

  @Test func hostileTextInAReportStaysText() throws {
    let hostile = "<script>alert(1)</script> **x** [a](javascript:b)"
    let diff = ReportComparer.compare(
      old: Self.report(), new: Self.report(findings: [["id": "<b>id", "severity": "high", "summary": hostile]]))
    let html = try #require(MarkdownRenderer.html(fromMarkdown: ChangesPage.document(diff).text))
    #expect(!html.contains("<script"))
    #expect(!html.contains("<b>id"))
    #expect(!html.contains("<strong>x"))
    #expect(!html.contains("href=\"javascript"))
  }
}
