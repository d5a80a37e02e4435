import Foundation
import Testing

@testable import ShareLensKit

@Suite struct CSVShapeTests {
  func shape(_ text: String) throws -> CSVShape {
    let temp = try TemporaryFolder()
    return try CSVShape.scan(try ByteReader(path: try temp.write("f.csv", text)))
  }

  @Test func countsRecordsNotLines() throws {
    let csv = "A,B\r\n1,\"two\r\nlines\"\r\n2,\"say \"\"hi\"\"\"\r\n\r\n3,x"
    let result = try shape(csv)
    #expect(result.header == ["A", "B"])
    #expect(result.dataRecords == 3)
    #expect(!result.endsInsideQuotes)
  }

  @Test func readsAQuotedHeaderAndThePowerShellTypeLine() throws {
    let result = try shape(
      "#TYPE Deserialized.Microsoft.Exchange.Data.ApplicationLogic.UnifiedAuditLogEvent\n\"RecordType\",\"CreationDate\",\"AuditData\"\n\"x\",\"y\",\"{}\"\n"
    )
    #expect(result.typeLine == "#TYPE Deserialized.Microsoft.Exchange.Data.ApplicationLogic.UnifiedAuditLogEvent")
    #expect(result.header == ["RecordType", "CreationDate", "AuditData"])
    #expect(result.dataRecords == 1)
  }

  @Test func aFileEndingInsideQuotesIsTruncated() throws {
    let result = try shape("A,B\n1,\"{\"\"cut")
    #expect(result.endsInsideQuotes)
    #expect(result.dataRecords == 1)
  }

  @Test func headerOnly() throws {
    #expect(try shape("A,B\r\n").dataRecords == 0)
  }
}

@Suite struct JSONShapeTests {
  func shape(_ text: String) throws -> JSONShape {
    let temp = try TemporaryFolder()
    return try JSONShape.scan(try ByteReader(path: try temp.write("f.json", text)))
  }

  @Test func array() throws {
    let result = try shape(#"[ {"a": "]}\"{"}, {"b": [1, 2]}, {} ]"#)
    #expect(result.layout == .array)
    #expect(result.elements == 3)
    #expect(String(decoding: result.firstElement, as: UTF8.self) == #"{"a": "]}\"{"}"#)
    #expect(result.problem == nil)
  }

  @Test func ndjson() throws {
    let result = try shape("{\"a\":1}\n{\"a\":2}\r\n\n{\"a\":3}\n")
    #expect(result.layout == .valueSequence)
    #expect(result.elements == 3)
    #expect(String(decoding: result.firstElement, as: UTF8.self) == #"{"a":1}"#)
  }

  @Test(arguments: [
    (#"[{"a":1}, {"b":"#, "ends inside a value"), (#"{"a":1}}"#, "unbalanced"), (#"[{"a":1}] x"#, "after the closing"),
    (#"{"a":1},{"a":2}"#, "comma between"),
  ])
  func brokenJSON(text: String, problem: String) throws {
    let result = try shape(text)
    #expect(result.problem?.contains(problem) == true, "\(result.problem ?? "no problem")")
  }
}
