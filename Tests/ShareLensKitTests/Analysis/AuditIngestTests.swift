import Foundation
import Testing

@testable import ShareLensKit

/// Every export format, read end to end: the same 25 real records (lines 194–218 of the Huntress
/// Purview export, one Anyone link's life) in each shape give the same link.
@Suite struct AuditIngestTests {
  static func ingest(paths: [String]) throws -> AuditIngest.Result {
    let files = try paths.map { path in
      try InputInspector.inspect(
        path: path, displayPath: URL(fileURLWithPath: path).lastPathComponent, requestedRole: nil)
    }
    return try AuditIngest.run(files)
  }

  static func ingest(_ fixtures: String...) throws -> AuditIngest.Result {
    try ingest(paths: try fixtures.map { try Fixtures.path($0) })
  }

  @Test(arguments: [
    ("crafted/purview-new-layout.csv", InputFormat.purviewCSV, TextEncoding.utf8, false),
    ("crafted/purview-new-layout.csv.gz", .purviewCSV, .utf8, true),
    ("crafted/purview-classic-layout.csv", .purviewClassicCSV, .utf8, false),
    ("crafted/search-unifiedauditlog-utf16.csv", .powerShellCSV, .utf16LE, false),
    ("crafted/management-api.json", .managementAPIJSON, .utf8, false),
    ("crafted/extractor.jsonl", .extractorJSON, .utf8BOM, false),
    ("crafted/graph-audit-records.json", .graphAuditJSON, .utf8, false),
  ])
  func everyFormatGivesTheSameLink(fixture: String, format: InputFormat, encoding: TextEncoding, gzip: Bool) throws {
    let result = try Self.ingest(fixture)
    let file = result.files[0]
    #expect(file.format == format)
    #expect(file.encoding == encoding)
    #expect(file.compressed == gzip)
    let account = try #require(file.audit)
    #expect(account.records == 25)
    #expect(account.rejected == 0, "\(account.rejections)")
    #expect(account.duplicates == 0)
    #expect(file.warnings.isEmpty, "\(file.warnings)")
    #expect(result.links.count == 1)
    let link = try #require(result.links.first)
    #expect(link.id == "63033ade-21e5-4af8-9d0e-02b854de2c74")
    #expect(link.scope == .anyone)
    #expect(link.permission == .edit)
    #expect(link.itemName == "John Hammond.png")
    #expect(link.createdAt == AuditTime.parseISO("2023-09-26T02:15:59"))
    #expect(link.uses == 1)
    #expect(link.distinctVisitors == 1)
  }

  /// Sentinel's OfficeActivity has no UniqueSharingId, ListItemUniqueId or CorrelationId: the link is
  /// named by its SharingSet group, and its use joined through the file's URL.
  @Test func sentinelExportGivesTheSameLinkWithoutItsIds() throws {
    let result = try Self.ingest("crafted/sentinel-officeactivity.csv")
    let account = try #require(result.files[0].audit)
    #expect(result.files[0].format == .sentinelCSV)
    #expect(account.records == 25)
    #expect(account.rejected == 0, "\(account.rejections)")
    #expect(result.links.map(\.id) == ["63033ade-21e5-4af8-9d0e-02b854de2c74"])
    #expect(result.links.first?.uses == 1)
    #expect(result.links.first?.createdAt == AuditTime.parseISO("2023-09-26T02:15:59"))
  }

  @Test func theSameRecordsInEveryFormatAreDuplicates() throws {
    let names = [
      "crafted/purview-new-layout.csv", "crafted/management-api.json", "crafted/graph-audit-records.json",
      "crafted/search-unifiedauditlog-utf16.csv",
    ]
    let result = try Self.ingest(paths: try names.map { try Fixtures.path($0) })
    #expect(result.files.map { $0.audit?.duplicates } == [0, 25, 25, 25].map { Optional($0) })
    #expect(result.links.count == 1)
  }

  func ingestText(_ name: String, _ text: String) throws -> InputFile {
    let temp = try TemporaryFolder()
    return try Self.ingest(paths: [try temp.write(name, text)]).files[0]
  }

  static let header =
    "RecordId,CreationDate,RecordType,Operation,UserId,AuditData,AssociatedAdminUnits,AssociatedAdminUnitsNames\n"
  static let goodData =
    #"{""Id"":""11111111-1111-1111-1111-111111111111"",""CreationTime"":""2026-01-02T03:04:05"",""Operation"":""FileAccessed"",""UserId"":""a@b.c""}"#

  /// Each rejection reason, with its line, while the good rows around it are read.
  @Test(arguments: [
    (
      "x,1/2/2026 3:04:05 AM,6,FileAccessed,u,\"{\"\"Id\"\":\"\"2\"\",\"\"Operation\"\":\"\"X\"\"\",,\n",
      #"AuditData is not valid JSON, and it does not end with } (cut off?): …'"Id":"2","Operation":"X"'"#
    ),
    ("x,1/2/2026 3:04:05 AM,6,FileAccessed,u\n", "the row has 5 of the header's 8 columns"),
    (
      "x,1/2/2026 3:04:05 AM,6,FileAccessed,u,\"{}\",,,extra\n",
      "the row has 9 fields but the header 8 (a comma outside quotes?)"
    ),
    ("x,1/2/2026 3:04:05 AM,6,FileAccessed,u,\"[1]\",,\n", "AuditData is not a JSON object"),
    (",,6,FileAccessed,u,\"{\"\"Operation\"\":\"\"X\"\"}\",,\n", "no Id in the record"),
    (
      "x,13/13/2026 3:04:05 AM,6,FileAccessed,u,\"{\"\"Id\"\":\"\"2\"\",\"\"Operation\"\":\"\"X\"\"}\",,\n",
      "unreadable time '13/13/2026 3:04:05 AM'"
    ),
    ("x;1/2/2026;6;FileAccessed;u;{};;\n", "the row has 1 of the header's 8 columns"),
  ])
  func rejectedRowsKeepTheirLineAndReason(row: String, reason: String) throws {
    let good = "g,1/2/2026 3:04:05 AM,6,FileAccessed,a@b.c,\"\(Self.goodData)\",,\n"
    let file = try ingestText(
      "a.csv", Self.header + good + row + good.replacingOccurrences(of: "1111-1111-1111", with: "1111-1111-2222"))
    let account = try #require(file.audit)
    #expect(account.records == 3)
    #expect(account.other == 2)
    #expect(account.rejections == [AuditAccount.Rejection(line: 3, reason: reason)])
  }

  /// GUIDs are one id in any case; other ids are compared as their whole (lower-cased) text. (That
  /// no two different ids are taken for one is by construction: no hash of the text is compared.)
  @Test func idsAreComparedExactly() throws {
    let ids = [
      "rec-1", "REC-1", "rec-1 ", "rec-2", "AAAAAAAA-1111-1111-1111-111111111111",
      "aaaaaaaa-1111-1111-1111-111111111111", "aaaaaaaa-1111-1111-1111-111111111112", "",
    ]
    let rows = ids.map { id in
      let data = Self.goodData.replacingOccurrences(of: "11111111-1111-1111-1111-111111111111", with: id)
      return "g,1/2/2026 3:04:05 AM,6,FileAccessed,a@b.c,\"\(data)\",,\n"
    }
    let account = try #require(try ingestText("a.csv", Self.header + rows.joined()).audit)
    #expect(account.records == 8)
    #expect(account.duplicates == 2)
    #expect(account.other == 6, "rec-1, rec-1 with a space, rec-2, two GUIDs and the id from the column")
  }

  @Test func aTruncatedLastRowIsRejected() throws {
    let good = "g,1/2/2026 3:04:05 AM,6,FileAccessed,a@b.c,\"\(Self.goodData)\",,\n"
    let file = try ingestText("a.csv", Self.header + good + "t,1/2/2026 3:04:05 AM,6,X,u,\"{\"\"Id\"\":\"\"cut")
    #expect(
      file.audit?.rejections == [
        AuditAccount.Rejection(line: 3, reason: "the file ends inside this row: it is truncated")
      ])
  }

  @Test func brokenJSONStopsWithAReason() throws {
    let file = try ingestText(
      "a.json", "[{\"Id\":\"1\",\"CreationTime\":\"2026-01-02T03:04:05\",\"Operation\":\"X\"},\n{\"Id\":\"2\",\"Crea")
    #expect(file.audit?.other == 1)
    #expect(file.audit?.rejected == 1)
    #expect(file.audit?.rejections.first?.reason.contains("the JSON stops being valid here") == true)
  }

  @Test func anExportOfExactly50000RowsIsFlagged() throws {
    var csv = Self.header
    for index in 0..<50_000 {
      csv +=
        "r,1/2/2026 3:04:05 AM,6,FileAccessed,u,\"{\"\"Id\"\":\"\"\(index)\"\",\"\"CreationTime\"\":\"\"2026-01-02T03:04:05\"\",\"\"Operation\"\":\"\"FileAccessed\"\"}\",,\n"
    }
    let file = try ingestText("a.csv", csv)
    #expect(file.records == 50_000)
    #expect(file.warnings.contains { $0.contains("exactly 50,000 rows") })
  }

  @Test func ambiguousDatesAreSaid() throws {
    // No CreationTime in AuditData: the date column decides, and 3/4 could be either.
    let row =
      "r,3/4/2026 10:00:00,6,FileAccessed,u,\"{\"\"Id\"\":\"\"1\"\",\"\"Operation\"\":\"\"FileAccessed\"\"}\",,\n"
    let file = try ingestText("a.csv", Self.header + row)
    #expect(file.audit?.firstEvent == CivilTime(year: 2026, month: 4, day: 3, hour: 10).epochSeconds)
    #expect(file.warnings.contains { $0.contains("day and month cannot be told apart") })
    let settled = try ingestText(
      "b.csv",
      Self.header + row
        + row.replacingOccurrences(of: "3/4/2026", with: "25/4/2026").replacingOccurrences(
          of: "\"\"1\"\"", with: "\"\"2\"\""))
    #expect(!settled.warnings.contains { $0.contains("day and month") })
  }
}

extension AuditIngestTests {
  @Test func aTruncatedGzipFileKeepsWhatWasReadAndSaysWhy() throws {
    let temp = try TemporaryFolder()
    let whole = try Data(contentsOf: URL(fileURLWithPath: try Fixtures.path("crafted/purview-new-layout.csv.gz")))
    let path = try temp.write("cut.csv.gz", bytes: Array(whole.prefix(whole.count * 2 / 3)))
    let file = try Self.ingest(paths: [path]).files[0]
    let account = try #require(file.audit)
    #expect(account.records > 1 && account.records < 26)
    #expect(account.damage == "the gzip data ends early (a truncated file)")
    #expect(file.warnings.contains { $0.hasPrefix("the gzip data ends early") })
  }

  /// Damage in the middle keeps every row decoded before it; bytes after complete gzip data are noted.
  @Test func damagedAndPaddedGzip() throws {
    let temp = try TemporaryFolder()
    let whole = Array(
      try Data(contentsOf: URL(fileURLWithPath: try Fixtures.path("crafted/purview-new-layout.csv.gz"))))
    var damaged = whole
    for index in (whole.count / 2)..<(whole.count / 2 + 64) { damaged[index] ^= 0xA5 }
    let broken = try Self.ingest(paths: [try temp.write("damaged.csv.gz", bytes: damaged)]).files[0]
    #expect(broken.format == .purviewCSV)
    #expect((broken.audit?.records ?? 0) > 0)
    #expect(broken.audit?.damage != nil)
    let padded = try Self.ingest(paths: [
      try temp.write("padded.csv.gz", bytes: whole + [UInt8](repeating: 0, count: 512))
    ]).files[0]
    #expect(padded.audit?.records == 25)
    #expect(padded.audit?.damage == nil)
    #expect(padded.warnings.contains("bytes after the end of the gzip data were ignored"))
  }

  /// A quote that never closes costs one row, not the rows after it.
  @Test func anUnclosedQuoteCostsOneRow() throws {
    var csv = Self.header
    for index in 0..<200 {
      csv +=
        index == 100
        ? "r,1/2/2026 3:04:05 AM,6,FileAccessed,u,\"{\"\"Id\"\":\"\"x\"\",,\n"
        : "r,1/2/2026 3:04:05 AM,6,FileAccessed,u,\"{\"\"Id\"\":\"\"\(index)\"\",\"\"CreationTime\"\":\"\"2026-01-02T03:04:05\"\",\"\"Operation\"\":\"\"FileAccessed\"\"}\",,\n"
    }
    let file = try ingestText("a.csv", csv)
    #expect(file.audit?.other == 199)
    #expect(file.audit?.rejections.map(\.line) == [102])
    #expect(file.audit?.records == 200)
  }

  @Test func expiryAndRemovalFromEventData() throws {
    func record(_ id: String, _ operation: String, _ time: String, _ eventData: String = "") -> String {
      let json =
        #"{"Id":"\#(id)","CreationTime":"\#(time)","Operation":"\#(operation)","UserId":"a@b.c","ListItemUniqueId":"0b7c2c1e-58a0-4a5e-9a57-1c0f7f0b9d01","UniqueSharingId":"1d5a9f7e-9a32-4c3b-8d7e-5b2f8f9e1c22","SourceFileName":"f.docx","EventData":"\#(eventData)"}"#
      return json + "\n"
    }
    let temp = try TemporaryFolder()
    let path = try temp.write(
      "a.jsonl",
      record(
        "1", "AnonymousLinkCreated", "2026-01-01T10:00:00",
        "<Type>View</Type><Expiration>2026-02-01T00:00:00Z</Expiration>")
        + record("2", "AnonymousLinkRemoved", "2026-01-10T10:00:00"))
    let link = try #require(try Self.ingest(paths: [path]).links.first)
    #expect(link.permission == .view)
    #expect(link.expiresAt == AuditTime.parseISO("2026-02-01T00:00:00Z"))
    #expect(link.removedAt == AuditTime.parseISO("2026-01-10T10:00:00"))
    #expect(!link.isActive)
  }

  /// A use is joined to the Anyone link on its file that was active at the time: not one removed
  /// before, not one created after.
  @Test func usesJoinTheLinkActiveAtTheTime() throws {
    func record(_ id: String, _ operation: String, _ time: String, link: String? = nil) -> String {
      let sharing = link.map { #","UniqueSharingId":"\#($0)""# } ?? ""
      return
        #"{"Id":"\#(id)","CreationTime":"\#(time)","Operation":"\#(operation)","UserId":"a@b.c","ListItemUniqueId":"item-1","SourceFileName":"f.docx"\#(sharing)}"#
        + "\n"
    }
    let temp = try TemporaryFolder()
    let path = try temp.write(
      "a.jsonl",
      record("1", "AnonymousLinkCreated", "2026-01-01T10:00:00", link: "first")
        + record("2", "AnonymousLinkUsed", "2026-01-01T11:00:00")
        + record("3", "AnonymousLinkRemoved", "2026-01-02T10:00:00", link: "first")
        + record("4", "AnonymousLinkCreated", "2026-01-03T10:00:00", link: "second")
        + record("5", "AnonymousLinkUsed", "2026-01-04T10:00:00")
        + record("6", "AnonymousLinkUsed", "2026-01-05T10:00:00"))
    let links = try Self.ingest(paths: [path]).links
    #expect(links.map(\.id) == ["first", "second"])
    #expect(links.map(\.uses) == [1, 2])
  }
}

extension AuditIngestTests {
  static func jsonl(_ records: [[String: String]]) -> String {
    records.map { record in
      let data = try! JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])
      return String(decoding: data, as: UTF8.self)
    }.joined(separator: "\n") + "\n"
  }

  static func record(
    _ id: String, _ operation: String, _ time: String, link: String? = nil, item: String? = "item-1",
    url: String = "https://contoso.sharepoint.com/sites/a/Shared Documents/f.docx"
  ) -> [String: String] {
    var record = [
      "Id": id, "Operation": operation, "CreationTime": time, "UserId": "a@b.c", "ObjectId": url,
      "SourceFileName": "f.docx",
    ]
    if let link { record["UniqueSharingId"] = link }
    if let item { record["ListItemUniqueId"] = item }
    return record
  }

  func links(_ records: [[String: String]]) throws -> [SharingLink] {
    let temp = try TemporaryFolder()
    return try Self.ingest(paths: [try temp.write("a.jsonl", Self.jsonl(records))]).links
  }

  /// Links keep the bytes their records give: a name written with a combining accent is not the
  /// same URL as one written with a precomposed letter, though Swift compares them equal.
  /// A file's name from its URL: the last part between slashes, as splitting the characters gives.
  @Test(arguments: [
    "https://contoso.sharepoint.com/sites/A/Shared Documents/Report.docx", "https://x/y/folder/", "name", "", "/",
    "///", "a//b//", "https://x/Café/Crème.docx", "https://x/a/\u{301}b", "https://x/é/",
  ])
  func fileNamesAreTheLastPartOfTheURL(url: String) {
    #expect(LinkBuilder.lastPathComponent(url) == (url.split(separator: "/").last.map(String.init) ?? url))
  }

  @Test func linksKeepTheirOwnBytes() throws {
    let precomposed = "https://contoso.sharepoint.com/sites/a/Shared Documents/caf\u{E9}.docx"
    let combining = "https://contoso.sharepoint.com/sites/a/Shared Documents/cafe\u{301}.docx"
    let result = try links([
      Self.record("1", "AnonymousLinkCreated", "2026-01-01T10:00:00", link: "one", item: "item-1", url: precomposed),
      Self.record("2", "AnonymousLinkCreated", "2026-01-01T10:01:00", link: "two", item: "item-2", url: combining),
    ])
    #expect(result.map { Array($0.itemUrl.utf8) } == [Array(precomposed.utf8), Array(combining.utf8)])
  }

  /// A removal or use that names no link only joins a link of its own scope.
  @Test func recordsWithoutALinkIdKeepToTheirScope() throws {
    let result = try links([
      Self.record("1", "AnonymousLinkCreated", "2026-01-01T10:00:00", link: "anyone"),
      Self.record("2", "CompanyLinkCreated", "2026-01-01T10:01:00", link: "company"),
      Self.record("3", "CompanyLinkRemoved", "2026-01-02T10:00:00"),
      Self.record("4", "SharingLinkUsed", "2026-01-03T10:00:00"),
    ])
    let byId = Dictionary(uniqueKeysWithValues: result.map { ($0.id, $0) })
    #expect(byId["anyone"]?.removedAt == nil)
    #expect(byId["company"]?.removedAt == AuditTime.parseISO("2026-01-02T10:00:00"))
    #expect(result.count == 2, "no phantom link from a use without id or scope")
  }

  @Test func aUseAfterItsLinksRemovalStaysWithThatLink() throws {
    let result = try links([
      Self.record("1", "AnonymousLinkCreated", "2026-01-01T10:00:00", link: "first"),
      Self.record("2", "AnonymousLinkRemoved", "2026-01-02T10:00:00", link: "first"),
      Self.record("3", "AnonymousLinkUsed", "2026-01-02T10:00:05"),
    ])
    #expect(result.map(\.id) == ["first"])
    #expect(result.first?.uses == 1)
  }

  /// One export knows the file by id, another only by URL (Sentinel): still one file, one link.
  @Test func aFileKnownByIdAndByURLIsOneFile() throws {
    let result = try links([
      Self.record("1", "AnonymousLinkCreated", "2026-01-01T10:00:00", link: "first"),
      Self.record("2", "AnonymousLinkUsed", "2026-01-01T11:00:00", item: nil),
    ])
    #expect(result.map(\.id) == ["first"])
    #expect(result.first?.uses == 1)
  }

  @Test func groupNamesWithBracesNameTheSameLink() throws {
    var set = Self.record("1", "SharingSet", "2026-01-01T10:00:00")
    set["TargetUserOrGroupName"] = "SharingLinks.{ITEM-1}.AnonymousView.{FIRST}"
    let result = try links([Self.record("2", "AnonymousLinkCreated", "2026-01-01T10:00:01", link: "first"), set])
    #expect(result.map(\.id) == ["first"])
  }
}
