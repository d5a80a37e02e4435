import Foundation
import Testing

@testable import ShareLensKit

/// The links rebuilt from real public exports.
@Suite struct RealExportLinkTests {
  static func ingest(_ fixtures: String...) throws -> AuditIngest.Result {
    let files = try fixtures.map { name in
      try InputInspector.inspect(path: try Fixtures.path(name), displayPath: name, requestedRole: nil)
    }
    return try AuditIngest.run(files)
  }

  @Test func huntressPurviewExportHasOneAnyoneLink() throws {
    let result = try Self.ingest("real/huntress-ctf-2023-rogue-inbox-purview-export.csv")
    let account = try #require(result.files[0].audit)
    #expect(account.records == 219)
    #expect(account.duplicates == 0)
    #expect(account.rejected == 0)
    #expect(account.sharing + account.other == 219)
    #expect(result.files[0].records == 219)
    let anyone = result.links.filter { $0.scope == .anyone }
    #expect(anyone.count == 1)
    let link = try #require(anyone.first)
    #expect(link.id == "63033ade-21e5-4af8-9d0e-02b854de2c74")
    #expect(link.permission == .edit)
    let created = CivilTime(year: 2023, month: 9, day: 26, hour: 2, minute: 15, second: 59).epochSeconds
    #expect(link.createdAt == created)
    #expect(link.createdBy == "debrab@m365b132131.onmicrosoft.com")
    #expect(link.siteUrl == "https://m365b132131-my.sharepoint.com/personal/debrab_m365b132131_onmicrosoft_com")
    #expect(link.itemName == "John Hammond.png")
    #expect(link.itemUrl.hasSuffix("/Documents/Attachments/John Hammond.png"))
    #expect(link.workload == "OneDrive")
    #expect(link.uses == 1)
    #expect(link.distinctVisitors == 1)
    #expect(link.removedAt == nil)
    #expect(link.origin == .outlookWeb)
    #expect(link.originConfidence == .likely)
    #expect(result.links.count == 1)
  }

  @Test func elasticManagementAPIRecordsHaveOneAnyoneLink() throws {
    let result = try Self.ingest("real/elastic-beats-o365-audit-14-sp-sharing-op.ndjson")
    let account = try #require(result.files[0].audit)
    #expect(account.records == 10)
    #expect(account.rejected == 0)
    let anyone = result.links.filter { $0.scope == .anyone }
    #expect(anyone.count == 1)
    #expect(anyone.first?.itemName == "Screenshot.png")
    #expect(anyone.first?.permission == .edit)
    #expect(anyone.first?.uses == 0)
  }

  @Test func overlappingExportsAreDeduplicated() throws {
    let temp = try TemporaryFolder()
    let original = try String(
      contentsOfFile: try Fixtures.path("real/huntress-ctf-2023-rogue-inbox-purview-export.csv"), encoding: .utf8)
    let lines = original.components(separatedBy: "\r\n")
    try temp.write("a.csv", lines[0..<150].joined(separator: "\r\n") + "\r\n")
    try temp.write("b.csv", ([lines[0]] + lines[100..<220]).joined(separator: "\r\n"))
    let files = try ["a.csv", "b.csv"].map { name in
      try InputInspector.inspect(
        path: temp.url.appendingPathComponent(name).path, displayPath: name, requestedRole: nil)
    }
    let result = try AuditIngest.run(files)
    #expect(result.files[0].audit?.duplicates == 0)
    #expect(result.files[1].audit?.duplicates == 50)
    let total = result.files.compactMap { $0.audit?.records }.reduce(0, +)
    #expect(total == 149 + 120)
    #expect(result.links.filter { $0.scope == .anyone }.count == 1)
  }
}
