import Foundation
import Testing

@testable import ShareLensKit

/// The fast AuditData reader gives what JSONSerialization gives for the fields the report uses, and
/// gives up (so that JSONSerialization says why) on anything that is not valid JSON.
@Suite struct AuditDataScannerTests {
  @Test func realRecordsReadTheSameEitherWay() throws {
    let text = try String(
      contentsOfFile: try Fixtures.path("real/huntress-ctf-2023-rogue-inbox-purview-export.csv"), encoding: .utf8)
    let rows = CSVTestReader.records(text).dropFirst()
    #expect(rows.count == 219)
    var style = DateColumnStyle()
    for row in rows {
      let bytes = Array(row[5].utf8)
      let fast = try #require(AuditDataScanner.scan(bytes), "the scanner gave up on a valid record")
      let slow = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
      #expect(fast == AuditFields(slow))
      let a = AuditRecordDecoder.decode(fast, envelope: .init(), dateStyle: &style)
      let b = AuditRecordDecoder.decode(slow, envelope: .init(), dateStyle: &style)
      #expect(try a.get() == b.get())
    }
  }

  @Test(arguments: [
    #"{"Id":"1","Operation":"X""#, #"{"Id":"1",}"#, #"{"Id":"1"} trailing"#, #"{"Id":"\x"}"#, #"{"Id":tru}"#,
    #"{"Id":1.}"#,
    #"{"Id":"a"b"}"#, "{\"Id\":\"line\nbreak\"}", #"[1]"#,
  ])
  func invalidJSONIsLeftToJSONSerialization(text: String) {
    #expect(AuditDataScanner.scan(Array(text.utf8)) == nil)
  }

  @Test func escapesAndNestedFields() throws {
    let text =
      #"{"Id":"a\/b","UserAgent":"\"q\" \u00e9 \ud83d\udcc4","RecordType":14,"AppAccessContext":{"ClientAppName":"Microsoft Teams","Other":[1,{"x":null}]},"ModifiedProperties":[{"Name":"Name","NewValue":"SharingLinks.i.AnonymousEdit.l"}],"Ignored":{"deep":[[[]]]}}"#
    let fields = try #require(AuditDataScanner.scan(Array(text.utf8)))
    #expect(fields[.id] == "a/b")
    #expect(fields[.userAgent] == "\"q\" é 📄")
    #expect(fields[.recordType] == "14")
    #expect(fields.contextClientAppName == "Microsoft Teams")
    #expect(fields.newValues == ["SharingLinks.i.AnonymousEdit.l"])
    #expect(
      fields == AuditFields(try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])))
  }

  /// AuditData read in place from a CSV field (quotes doubled) gives what unquoting the field and
  /// scanning it gives, and gives up wherever that would fail or the field is not a clean one.
  @Test func quotedFieldsReadAsTheirUnquotedText() throws {
    let documents = [
      #"{"Id":"a\/b","UserAgent":"\"q\" \u00e9 \ud83d\udcc4","RecordType":14,"AppAccessContext":{"ClientAppName":"Microsoft Teams","Other":[1,{"x":null}]},"ModifiedProperties":[{"Name":"Name","NewValue":"SharingLinks.i.AnonymousEdit.l"}],"Ignored":{"deep":[[[]]]}}"#,
      #"{"Id":"back\\","Operation":"\\\"x\\\""}"#, "{ \"Id\" :\n\"1\",\r\n \"Operation\":\"X\" }\n", #"{}"#,
      #"{"Id":"1","Operation":"X""#, #"{"Id":"1"} trailing"#, #"{"Id":"a"b"}"#, #"[1]"#, #"{"Id":"\x"}"#,
      #"{"I\u0064":"\u0022","SiteUrl":"https://x/\"y\"/"}"#,
    ]
    var read = 0
    for document in documents {
      let field = "\"" + document.replacingOccurrences(of: "\"", with: "\"\"") + "\",next"
      let bytes = Array(field.utf8)
      let inPlace = bytes.withUnsafeBufferPointer { AuditDataScanner.scanQuotedField($0, at: 0) }
      let unquoted = AuditDataScanner.scan(Array(document.utf8))
      #expect(inPlace?.fields == unquoted, "\(document)")
      if let inPlace {
        read += 1
        #expect(bytes[inPlace.end] == UInt8(ascii: ","))
        #expect(inPlace.lineBreaks == document.utf8.filter { $0 == 0x0A }.count)
      }
    }
    #expect(read == 5, "the valid documents")
    // Not a clean field: a lone quote, a doubled quote or text after the closing quote, no comma.
    for field in [#""{""Id"":""1""}"x,"#, #""{""Id"":""1""}""","#, #""{""Id"":""1""}""#, #""{"Id":"1"}","#] {
      #expect(Array(field.utf8).withUnsafeBufferPointer { AuditDataScanner.scanQuotedField($0, at: 0) } == nil)
    }
  }

  /// The Purview layout's AuditData takes the in-place path: every row of the demo export is read
  /// where it lies and ends at the comma before the next column. (If it fell back to unquoting,
  /// the reports would still agree, so the chunked-reading test could not tell.)
  @Test func purviewRowsAreReadInPlace() throws {
    let temp = try TemporaryFolder()
    try DemoTenant.write(to: temp.url, seed: 5, events: 300)
    let text = try String(contentsOf: temp.url.appendingPathComponent("AuditLog.csv"), encoding: .utf8)
    let rows = text.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
    #expect(rows.count > 250)
    for row in rows {
      let bytes = Array(row.utf8)
      let start = try #require(row.utf8.firstRange(of: #",""#.utf8)).upperBound
      let offset = row.utf8.distance(from: row.utf8.startIndex, to: start) - 1
      let read = bytes.withUnsafeBufferPointer { AuditDataScanner.scanQuotedField($0, at: offset) }
      let inPlace = try #require(read, "row read by unquoting: \(row.prefix(60))")
      #expect(bytes[inPlace.end] == UInt8(ascii: ","))
      #expect(inPlace.fields[.id] != nil && inPlace.fields[.operation] != nil)
    }
  }

  /// A parsing thread reads every row's AuditData into one reused value: nothing of a row may stay
  /// for the next, whether that is read in place, by unquoting (a space after the closing quote) or
  /// follows a rejected row.
  @Test func aRowKeepsNothingOfTheRowBefore() {
    let header = "RecordId,CreationDate,RecordType,Operation,UserId,AuditData,AssociatedAdminUnits"
    let full =
      #""{""Id"":""1"",""CreationTime"":""2026-01-01T00:00:00"",""Operation"":""AnonymousLinkCreated"",""SiteUrl"":""https://c/sites/a"",""UserAgent"":""Teams/1"",""ApplicationDisplayName"":""App"",""RecordType"":14,""AppAccessContext"":{""ClientAppName"":""C"",""CorrelationId"":""x""},""ModifiedProperties"":[{""NewValue"":""SharingLinks.a.Anonymous.b""}]}""#
    func minimal(_ id: Int) -> String {
      #""{""Id"":""\#(id)"",""CreationTime"":""2026-01-01T00:00:00"",""Operation"":""FileAccessed""}""#
    }
    let rows = [
      "a,d,1,o,u,\(full),", "b,d,1,o,u,\(minimal(2)),", "c,d,1,o,u,\(full),", "d,d,1,o,u,\(minimal(3)) ,",
      "e,d,1,o,u,\(full),", "f,d,1,o,u,\(full)", "g,d,1,o,u,\(minimal(4)),",
    ]
    let chunk = Array((rows.map { $0 + "\r\n" }.joined()).utf8)
    let names = header.split(separator: ",").map(String.init)
    var parser = AuditCSVRows(columnCount: names.count, columns: AuditFileReader.Columns(header: names))
    var records: [AuditRecord] = []
    var rejected = 0
    for parsed in parser.parse(chunk: chunk, firstLine: 2).rows {
      switch parsed {
      case .row(.record(let read, _)): records.append(read.record)
      case .row(.rejected): rejected += 1
      case .needsDate: Issue.record("every row has its CreationTime")
      }
    }
    #expect(rejected == 1)
    #expect(records.count == 6)
    #expect(records.map(\.id) == ["1", "2", "1", "3", "1", "4"])
    for record in records where record.id == "1" {
      #expect(record.siteUrl == "https://c/sites/a" && record.modifiedGroupNames.count == 1)
    }
    for record in records where record.id != "1" {
      #expect(record.siteUrl == "" && record.userAgent == "" && record.applicationName == "", "\(record.id)")
      #expect(record.correlationId == "" && record.modifiedGroupNames == [] && record.recordType == "1", "\(record.id)")
    }
  }
}
