import Foundation
import Testing

@testable import ShareLensKit

@Suite struct DemoTenantTests {
  struct Record: @unchecked Sendable {
    var columns: [String: String]
    /// Read-only after decoding.
    var data: [String: Any]
    var operation: String { data["Operation"] as? String ?? "" }
    func string(_ key: String) -> String { data[key] as? String ?? "" }
  }

  /// The default demo tenant, as committed in Samples/contoso/.
  static let folder = Fixtures.packageRoot.appendingPathComponent("Samples/contoso")

  static let records: [Record] = {
    let text = (try? String(contentsOf: folder.appendingPathComponent(DemoTenant.auditFile), encoding: .utf8)) ?? ""
    let rows = CSVTestReader.records(text)
    guard let header = rows.first else { return [] }
    return rows.dropFirst().map { row in
      let columns = Dictionary(uniqueKeysWithValues: zip(header, row))
      let data = (try? JSONSerialization.jsonObject(with: Data((columns["AuditData"] ?? "").utf8))) as? [String: Any]
      return Record(columns: columns, data: data ?? [:])
    }
  }()

  static func created(_ records: [Record]) -> [Record] {
    records.filter { ["AnonymousLinkCreated", "CompanyLinkCreated", "SecureLinkCreated"].contains($0.operation) }
  }

  @Test func samplesFolderIsWhatTheGeneratorWrites() throws {
    let temp = try TemporaryFolder()
    try DemoTenant.write(to: temp.url, seed: DemoTenant.defaultSeed, events: DemoTenant.defaultEvents)
    for name in [DemoTenant.auditFile, DemoTenant.tenantFile, DemoTenant.sitesFile, DemoTenant.labelsFile] {
      let committed = try Data(contentsOf: Self.folder.appendingPathComponent(name))
      let generated = try Data(contentsOf: temp.url.appendingPathComponent(name))
      #expect(committed == generated, "Samples/contoso/\(name) is stale: run `make samples`")
    }
  }

  @Test func theSeedDecidesTheBytes() throws {
    let temp = try TemporaryFolder()
    for (name, seed) in [("a", UInt64(7)), ("b", 7), ("c", 8)] {
      let folder = temp.url.appendingPathComponent(name)
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try DemoTenant.write(to: folder, seed: seed, events: 500)
    }
    let audit = { (name: String) in
      try Data(contentsOf: temp.url.appendingPathComponent("\(name)/\(DemoTenant.auditFile)"))
    }
    #expect(try audit("a") == audit("b"))
    #expect(try audit("a") != audit("c"))
  }

  @Test(arguments: [1, 17, 1234])
  func writesExactlyTheRowsAskedFor(events: Int) throws {
    let temp = try TemporaryFolder()
    try DemoTenant.write(to: temp.url, seed: 3, events: events)
    let shape = try CSVShape.scan(try ByteReader(path: temp.url.appendingPathComponent(DemoTenant.auditFile).path))
    #expect(shape.dataRecords == events)
  }

  @Test func everyRowIsAWellFormedPurviewRecord() throws {
    let records = Self.records
    #expect(records.count == DemoTenant.defaultEvents)
    var previous = ""
    var ids = Set<String>()
    for record in records {
      #expect(record.columns["RecordId"] == record.string("Id"))
      #expect(record.columns["Operation"] == record.operation)
      #expect(record.columns["UserId"] == record.string("UserId"))
      #expect(record.columns["RecordType"] == String(record.data["RecordType"] as? Int ?? -1))
      let time = record.string("CreationTime")
      #expect(time >= previous, "rows are in time order")
      previous = time
      ids.insert(record.string("Id"))
    }
    #expect(ids.count == records.count, "record ids are unique")
  }

  /// One click on Share writes the group, permission and link records under one correlation id.
  @Test func eachShareHasTheMultiRecordPattern() throws {
    let byCorrelation = Dictionary(grouping: Self.records) { $0.string("CorrelationId") }
    let anyone = Self.records.filter { $0.operation == "AnonymousLinkCreated" }
    #expect(anyone.count > 100)
    for link in anyone.prefix(50) {
      let operations = Set(byCorrelation[link.string("CorrelationId")]?.map(\.operation) ?? [])
      #expect(operations.isSuperset(of: ["GroupAdded", "SharingSet", "AddedToGroup", "AnonymousLinkCreated"]))
      let groups =
        byCorrelation[link.string("CorrelationId")]?.compactMap { $0.data["TargetUserOrGroupName"] as? String } ?? []
      #expect(groups.contains { $0.hasPrefix("SharingLinks.") && $0.hasSuffix(link.string("UniqueSharingId")) })
    }
  }

  /// The seven behaviours of PRODUCT.md all appear in the demo log.
  @Test func exercisesTheSevenWorkloadBehaviours() throws {
    let records = Self.records
    let links = Self.created(records)
    let byItem = Dictionary(grouping: links) { $0.string("ListItemUniqueId") }
    let usedItems = Set(records.filter { $0.operation == "AnonymousLinkUsed" }.map { $0.string("ListItemUniqueId") })
    let oneDrive = { (record: Record) in record.string("Workload") == "OneDrive" }
    let folder = { (record: Record, name: String) in record.string("ObjectId").contains("/\(name)/") }
    let inDocumentsRoot = { (record: Record) in record.string("SourceRelativeUrl").split(separator: "/").count == 2 }

    // 1. OneDrive share from the browser: a link of the default (Anyone) type.
    #expect(
      links.contains {
        oneDrive($0) && $0.operation == "AnonymousLinkCreated" && $0.string("UserAgent").hasPrefix("Mozilla/")
          && !$0.string("UserAgent").contains("Teams/")
      })
    // 2. OneDrive re-share: a second link on the same file.
    #expect(byItem.values.contains { $0.count >= 2 && oneDrive($0[0]) && inDocumentsRoot($0[0]) })
    // 3. Teams chat file: a default link on a file in "Microsoft Teams Chat Files", by the Teams client.
    let teamsLinks = links.filter {
      folder($0, "Microsoft Teams Chat Files") && $0.string("UserAgent").contains("Teams/")
    }
    #expect(!teamsLinks.isEmpty)
    // 4. Teams link settings changed in the compose box: a second link on the same chat file.
    #expect(teamsLinks.contains { byItem[$0.string("ListItemUniqueId")]?.count ?? 0 >= 2 })
    // 5. Teams attachment never sent: uploaded, no link.
    let teamsUploads = records.filter { $0.operation == "FileUploaded" && folder($0, "Microsoft Teams Chat Files") }
    #expect(teamsUploads.contains { byItem[$0.string("ListItemUniqueId")] == nil })
    // 6. Outlook attachment: a link on a file in "Attachments"; some never used (drafts never sent).
    let outlookLinks = links.filter { folder($0, "Attachments") && ($0.string("UserAgent").contains("Outlook")) }
    #expect(!outlookLinks.isEmpty)
    #expect(outlookLinks.contains { !usedItems.contains($0.string("ListItemUniqueId")) })
    // 7. Outlook link type changed: a second link on the same attachment.
    #expect(outlookLinks.contains { byItem[$0.string("ListItemUniqueId")]?.count ?? 0 >= 2 })
  }

  @Test func linksAreUsedNeverUsedAndRemovedByEveryKindOfActor() throws {
    let records = Self.records
    let operations = Set(records.map(\.operation))
    #expect(
      operations.isSuperset(of: [
        "AnonymousLinkUsed", "AnonymousLinkRemoved", "CompanyLinkCreated", "CompanyLinkUsed", "SecureLinkCreated",
        "AddedToSecureLink", "SecureLinkUsed", "SharingInvitationCreated", "SharingInvitationAccepted",
      ]))
    let users = records.map { $0.string("UserId") }
    #expect(users.contains("anonymous"))
    #expect(users.contains { $0.hasPrefix("urn:spo:anon#") })
    #expect(users.contains { $0.hasPrefix("urn:spo:guest#") })
    #expect(users.contains("app@sharepoint"))
    let anyone = records.filter { $0.operation == "AnonymousLinkCreated" }.map { $0.string("ListItemUniqueId") }
    let used = Set(records.filter { $0.operation == "AnonymousLinkUsed" }.map { $0.string("ListItemUniqueId") })
    #expect(anyone.contains { !used.contains($0) }, "some Anyone links are never used")
    #expect(anyone.contains { used.contains($0) }, "some Anyone links are used")
  }

  @Test func sitesCoverEveryKindAndLabelsAgreeAndDisagree() throws {
    let sites = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: Self.folder.appendingPathComponent(DemoTenant.sitesFile)))
        as? [[String: Any]])
    let templates = Set(sites.compactMap { $0["Template"] as? String })
    #expect(templates.isSuperset(of: ["GROUP#0", "STS#3", "SITEPAGEPUBLISHING#0", "TEAMCHANNEL#0", "SPSPERS#10"]))
    let labels = try #require(
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: Self.folder.appendingPathComponent(DemoTenant.labelsFile)))
        as? [[String: Any]])
    // The label's external-sharing setting, by label GUID, from its protectsite action.
    var labelSharing: [String: String] = [:]
    for label in labels {
      for action in label["LabelActions"] as? [String] ?? [] where action.contains("\"protectsite\"") {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(action.utf8)) as? [String: Any])
        let settings = object["Settings"] as? [[String: String]] ?? []
        labelSharing[label["Guid"] as? String ?? ""] =
          settings.first { $0["Key"] == "externalsharingcontroltype" }?["Value"]
      }
    }
    let names = [
      "Disabled", "ExternalUserSharingOnly", "ExternalUserAndGuestSharing", "ExistingExternalUserSharingOnly",
    ]
    let labelled = sites.filter { labelSharing[$0["SensitivityLabel"] as? String ?? ""] != nil }
    let agreeing = labelled.filter {
      names[$0["SiteDefinedSharingCapability"] as? Int ?? 0] == labelSharing[$0["SensitivityLabel"] as! String]
    }
    #expect(!agreeing.isEmpty)
    #expect(agreeing.count < labelled.count, "some labelled sites disagree with their label")
    #expect(
      sites.contains { ($0["SensitivityLabel"] as? String).map { labelSharing[$0] == nil } ?? false },
      "a label without site settings is applied to a site")
  }
}
