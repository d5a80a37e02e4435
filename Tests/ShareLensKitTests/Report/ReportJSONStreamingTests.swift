import Foundation
import Testing

@testable import ShareLensKit

/// report.json and links.csv are written in parts, their links encoded a batch at a time on several
/// threads: the bytes must be those of encoding the whole report at once, for any number of threads.
@Suite struct ReportJSONStreamingTests {
  static func demoContext(events: Int) throws -> ReportContext {
    let temp = try TemporaryFolder()
    try DemoTenant.write(to: temp.url, seed: 3, events: events)
    let files = try InputCollector(folders: [temp.path]).collect()
    let ingest = try AuditIngest.run(files)
    let (settings, read) = try SettingsLoader.load(ingest.files)
    var context = ReportContext(
      title: "Streaming", classification: nil, generatedAt: Date(timeIntervalSince1970: 1_796_083_200),
      inputs: ReportInputs(origin: .userFiles, files: read), links: ingest.links, settings: settings)
    context.anonymousVisitors = ingest.anonymousVisitors
    return context
  }

  static func parts(
    _ write: (ReportContext, Int, Int, (String) throws(ShareLensError) -> Void) throws(ShareLensError) -> Void,
    _ context: ReportContext, jobs: Int, batch: Int = 100
  ) throws -> (text: String, count: Int) {
    var text = ""
    var count = 0
    try write(context, jobs, batch) { part in
      text += part
      count += 1
    }
    return (text, count)
  }

  @Test func theLinksWrittenInPartsAreTheWholeReport() throws {
    let context = try Self.demoContext(events: 12_000)
    #expect(context.links.count > 1000, "too few links for several batches")
    let whole = ReportJSON(context: context).encoded()
    let csvInOnePart = try Self.parts(ReportJSON.writeLinksCSV, context, jobs: 1, batch: context.links.count)
    #expect(csvInOnePart.count == 2)
    for jobs in [1, 3] {
      let json = try Self.parts(ReportJSON.write, context, jobs: jobs)
      #expect(json.count > 3, "written in one part")
      #expect(json.text == whole, "\(jobs) threads")
      let csv = try Self.parts(ReportJSON.writeLinksCSV, context, jobs: jobs)
      #expect(csv.text == csvInOnePart.text)
      #expect(csv.text.split(separator: "\r\n").count == context.links.count + 1)
    }
  }

  @Test func aReportWithoutLinks() throws {
    var context = try Self.demoContext(events: 200)
    context.links = []
    let json = try Self.parts(ReportJSON.write, context, jobs: 2)
    #expect(json.text == ReportJSON(context: context).encoded())
    #expect(json.text.contains("\"links\" : [\n\n  ]"))
  }

  /// The hand-written link writer against JSONEncoder, on texts with every control character,
  /// quotes, backslashes, slashes, non-ASCII text and absent values.
  @Test func linksAreWrittenAsJSONEncoderWritesThem() throws {
    let controls = String(decoding: (0..<0x20).map { UInt8($0) } + [0x7F], as: UTF8.self)
    let texts = [
      "", controls, "\"quoted\" \\ back/slash", "Crème brûlée — 日本語 🙂 \u{2028}\u{2029} e\u{301}",
      "https://contoso.sharepoint.com/sites/A/Shared Documents/x.docx", "</script><!--",
    ]
    var links: [ReportJSON.Link] = []
    for (index, text) in texts.enumerated() {
      for absent in [false, true] {
        links.append(
          ReportJSON.Link(
            id: text, scope: "anyone", permission: text, siteUrl: text, itemUrl: text, itemName: text,
            createdBy: absent ? nil : text, createdByKind: absent ? nil : "member",
            createdAt: absent ? nil : "2026-01-01T00:00:00Z", origin: text, originConfidence: text,
            originEvidence: text, uses: index * 1000 - 1, distinctVisitors: index, lastUsedAt: absent ? nil : text,
            removedAt: absent ? nil : text, expiresAt: absent ? nil : text))
      }
    }
    let list = try ReportJSON.encoder.encode(links)
    // The encoder's list without its brackets, indented one level more, as in the report.
    var expected: [UInt8] = [0x20, 0x20]
    for byte in list.dropFirst(2).dropLast(2) {
      expected.append(byte)
      if byte == 0x0A { expected += [0x20, 0x20] }
    }
    var written: [UInt8] = []
    for (index, link) in links.enumerated() {
      if index > 0 { written += ",\n".utf8 }
      link.write(into: &written)
    }
    #expect(String(decoding: written, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
    #expect(written == expected)
  }
}
