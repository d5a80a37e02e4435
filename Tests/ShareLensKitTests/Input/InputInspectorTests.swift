import Foundation
import Testing

@testable import ShareLensKit

@Suite struct InputInspectorTests {
  func inspect(_ fixture: String, as role: InputRole? = nil) throws -> InputFile {
    try InputInspector.inspect(path: try Fixtures.path(fixture), displayPath: fixture, requestedRole: role)
  }

  /// Real public exports, recognised by content, with their record counts (an audit log's records
  /// are counted when it is read: see AuditIngestTests).
  @Test(arguments: [
    ("real/huntress-ctf-2023-rogue-inbox-purview-export.csv", InputFormat.purviewCSV, 0),
    ("real/elastic-beats-o365-audit-14-sp-sharing-op.ndjson", .managementAPIJSON, 0),
    ("real/cli-m365-spo-tenant-settings-list.response.json", .cliTenantJSON, 1),
    ("real/cli-m365-onedrive-list.response.json", .csomSitesJSON, 1),
    ("real/graph-v1.0-sharepointsettings-get.response.json", .graphTenantJSON, 1),
    ("real/graph-beta-security-sensitivitylabel-get.response.json", .graphLabelsJSON, 1),
    ("real/getlabel-labelactions-live.json", .getLabelJSON, 1),
  ])
  func recognisesRealExports(fixture: String, format: InputFormat, records: Int) throws {
    let file = try inspect(fixture)
    #expect(file.format == format)
    #expect(file.records == records)
    #expect(file.problem == nil)
    #expect(file.encoding == .utf8)
  }

  @Test func theDemoTenantFilesAreRecognised() throws {
    let root = Fixtures.packageRoot.appendingPathComponent("Samples/contoso")
    let expectations: [(String, InputFormat, Int)] = [
      (DemoTenant.auditFile, .purviewCSV, 0), (DemoTenant.tenantFile, .spoTenantJSON, 1),
      (DemoTenant.sitesFile, .spoSitesJSON, 28), (DemoTenant.labelsFile, .getLabelJSON, 4),
    ]
    for (name, format, records) in expectations {
      let file = try InputInspector.inspect(
        path: root.appendingPathComponent(name).path, displayPath: name, requestedRole: nil)
      #expect(file.format == format, "\(name)")
      #expect(file.records == records, "\(name)")
    }
  }

  @Test func aCombinedScubaGearExportIsRecognised() throws {
    let file = try inspect("real/scubagear-1.7.0-Get-SPOTenant-Get-SPOSite.json")
    #expect(file.format == .scubaGearJSON)
    #expect(file.records == 1)
  }

  @Test func aFileOfTheWrongKindIsRejectedWithTheReason() throws {
    let file = try inspect("real/getlabel-labelactions-live.json", as: .tenant)
    #expect(file.isRejected)
    #expect(file.problem == "expected tenant settings, but this is sensitivity labels (Get-Label JSON)")
  }

  @Test(arguments: [
    ("a.csv", "Name;Size\n", "separated by ; or tabs"),
    ("b.csv", "Name,Size\nx,1\n", "no known columns (header: Name, Size)"),
    ("c.json", "{\"hello\": 1}", "unknown shape (first keys: hello)"),
    ("d.json", "[1, 2]", "not objects"),
    ("e.json", "[{\"Operation\": 1", "not valid JSON"),
    ("f.txt", "", "empty file"),
  ])
  func unrecognisedFilesSayWhy(name: String, content: String, reason: String) throws {
    let temp = try TemporaryFolder()
    let file = try InputInspector.inspect(path: try temp.write(name, content), displayPath: name, requestedRole: nil)
    #expect(file.format == nil)
    #expect(file.problem?.contains(reason) == true, "\(file.problem ?? "no problem")")
  }

  @Test(arguments: [
    ([UInt8]([0x1F, 0x8B, 0x08, 0x00]), "gzip data ends early"), ([0x50, 0x4B, 0x03, 0x04], "ZIP"),
    ([0x41, 0x00, 0x42], "binary"),
  ])
  func binaryFilesSayWhat(bytes: [UInt8], reason: String) throws {
    let temp = try TemporaryFolder()
    let file = try InputInspector.inspect(path: try temp.write("x", bytes: bytes), displayPath: "x", requestedRole: nil)
    #expect(file.problem?.contains(reason) == true)
  }

  @Test(arguments: [
    (["RecordId", "CreationDate", "RecordType", "Operation", "UserId", "AuditData"], false, InputFormat.purviewCSV),
    (["CreationDate", "UserIds", "Operations", "AuditData"], false, .purviewClassicCSV),
    (
      ["RecordType", "CreationDate", "UserIds", "Operations", "AuditData", "ResultIndex", "ResultCount", "Identity"],
      false, .powerShellCSV
    ),
    (
      [
        "PSComputerName", "RunspaceId", "PSShowComputerName", "RecordType", "CreationDate", "UserIds", "Operations",
        "AuditData",
      ], true, .powerShellCSV
    ),
    (
      ["TimeGenerated", "Operation", "OfficeWorkload", "OfficeObjectId", "Site_Url", "Event_Data"], false, .sentinelCSV
    ),
    (["Url", "Template", "SharingCapability"], false, .sitesCSV),
    (["SharingCapability", "OneDriveSharingCapability"], false, .tenantCSV),
  ])
  func csvLayoutsAreToldApartByTheirColumns(header: [String], typeLine: Bool, format: InputFormat) {
    #expect(InputInspector.csvFormat(columns: Set(header.map { $0.lowercased() }), hasTypeLine: typeLine) == format)
  }
}
