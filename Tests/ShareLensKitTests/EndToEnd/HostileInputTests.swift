import Foundation
import Testing

@testable import ShareLensKit

/// File names, user agents and user names in the audit data are attacker-controlled: every output
/// (HTML, Markdown, CSV, JSON) must show them as text.
@Suite struct HostileInputTests {
  static let hostileName = #"<img src=x onerror=alert(1)>[x](javascript:alert(2))=HYPERLINK("http://e").docx"#
  static let hostileAgent = #"<script>alert(3)</script> **bold** Teams/1"#

  static func audit() throws -> String {
    var data: [String: Any] = [
      "Id": "6f1f8b52-7a43-4c47-9d44-1d8a7b9f0a11", "CreationTime": "2026-10-01T09:00:00",
      "Operation": "AnonymousLinkCreated",
      "RecordType": 14, "UserId": "=cmd|' /C calc'!A0", "Workload": "OneDrive",
      "ObjectId": "https://contoso-my.sharepoint.com/personal/x/Documents/" + hostileName,
      "SiteUrl": "https://contoso-my.sharepoint.com/personal/x", "SourceRelativeUrl": "Documents/" + hostileName,
      "SourceFileName": hostileName, "ListItemUniqueId": "0b7c2c1e-58a0-4a5e-9a57-1c0f7f0b9d01",
      "UniqueSharingId": "1d5a9f7e-9a32-4c3b-8d7e-5b2f8f9e1c22", "EventData": "<Type>Edit</Type>",
      "UserAgent": hostileAgent,
    ]
    let created = try JSONSerialization.data(withJSONObject: data, options: [.sortedKeys])
    data["Id"] = "7a2c9e10-3b44-4d58-8e55-2e9b8c0a1b33"
    data["Operation"] = "AnonymousLinkUsed"
    data["UserId"] = "anonymous"
    data["UniqueSharingId"] = nil
    let used = try JSONSerialization.data(withJSONObject: data, options: [.sortedKeys])
    func row(_ json: Data) -> String {
      "r,10/1/2026 9:00:00 AM,14,Op,u,\""
        + String(decoding: json, as: UTF8.self).replacingOccurrences(of: "\"", with: "\"\"") + "\",,\r\n"
    }
    return
      "RecordId,CreationDate,RecordType,Operation,UserId,AuditData,AssociatedAdminUnits,AssociatedAdminUnitsNames\r\n"
      + row(created) + row(used)
  }

  @Test func hostileAuditDataIsTextEverywhere() throws {
    let temp = try TemporaryFolder()
    try temp.write("in/audit.csv", try Self.audit())
    let run = try BinaryRun.run(["in", "--out", "report", "--quiet"], in: temp.url)
    #expect(run.status == 0, "\(run.stderr)")
    let html = try temp.read("report/links.html")
    #expect(!html.contains("<img"))
    #expect(!html.contains("<script"))
    #expect(!html.contains("<strong>"))
    #expect(!html.contains("href=\"javascript"))
    #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;[x](javascript:alert(2))=HYPERLINK(\"http://e\").docx"))
    let markdown = try temp.read("report/markdown/links.md")
    #expect(!markdown.contains("<img"))
    let csv = try temp.read("report/links.csv")
    #expect(csv.contains(",'=cmd|' /C calc'!A0,"), "formula in a cell is neutralised")
    let json = try JSONSerialization.jsonObject(with: Data(try temp.read("report/report.json").utf8)) as? [String: Any]
    let links = json?["links"] as? [[String: Any]]
    #expect(links?.first?["itemName"] as? String == Self.hostileName)
    #expect(links?.first?["origin"] as? String == "teams")
    #expect(links?.first?["uses"] as? Int == 1)
  }
}
