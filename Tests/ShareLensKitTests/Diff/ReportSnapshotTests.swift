import Foundation
import Testing

@testable import ShareLensKit

/// A report.json read with its links taken apart must read as the whole document decoded at once;
/// the current report's snapshot, made without writing it, as its report.json read back.
@Suite struct ReportSnapshotTests {
  /// `load` on `text` against decoding the whole text: the same document and link facts, or the
  /// same error.
  static func expectSameAsWhole(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let temp = try TemporaryFolder()
    let path = try temp.write("report.json", text)
    let whole: Result<ReportComparer.Snapshot, ShareLensError>
    if let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] {
      whole = .success(ReportComparer.Snapshot(object))
    } else if (try? JSONSerialization.jsonObject(with: Data(text.utf8))) != nil {
      whole = .failure(ShareLensError(ReportComparer.notAnObject, path: path))
    } else {
      whole = .failure(ShareLensError(ReportComparer.notJSON, path: path))
    }
    let parts = Result { () throws(ShareLensError) in try ReportComparer.load(path) }
    switch (whole, parts) {
    case (.success(let whole), .success(let parts)):
      #expect(
        NSDictionary(dictionary: whole.document) == NSDictionary(dictionary: parts.document),
        sourceLocation: sourceLocation)
      #expect(whole.links == parts.links, sourceLocation: sourceLocation)
    case (.failure(let whole), .failure(let parts)):
      #expect(whole == parts, sourceLocation: sourceLocation)
    case (.success, .failure(let error)):
      // A document without schemaVersion is refused after decoding, either way.
      #expect(error.description.contains("schemaVersion"), "\(error)", sourceLocation: sourceLocation)
    case (.failure(let error), .success):
      Issue.record("read apart, but not whole: \(error)", sourceLocation: sourceLocation)
    }
  }

  @Test(arguments: [
    // Plain, and with the links first, last, empty or absent.
    #"{"schemaVersion": 1, "links": [{"id": "a", "uses": 2, "scope": "anyone"}, {"id": "b"}], "title": "T"}"#,
    #"{"links": [{"id": "a"}], "schemaVersion": 1}"#,
    #"{"schemaVersion": 1, "links": []}"#, #"{"schemaVersion":1,"links":[ ]}"#, #"{"schemaVersion": 1}"#,
    // Strings with escaped quotes, backslashes and brackets; nested lists and objects in a link.
    #"{"schemaVersion": 1, "links": [{"id": "a\"]}", "itemName": "x\\", "n": [[1], {"a": "]"}]}], "t": "\"links\""}"#,
    // Links that are not objects are ignored; numbers and texts as values.
    #"{"schemaVersion": 1, "links": [1, "x", null, {"id": 42, "uses": "3"}, [], true]}"#,
    // Whitespace of every kind between everything.
    "{\r\n\t\"schemaVersion\" :\t1 ,\n \"links\"\n:\n[\n{ \"id\" : \"a\" }\n,\n{\"id\":\"b\"}\n]\n}\n",
    // A key written with an escape, two lists of links, links that are not a list: read whole.
    #"{"schemaVersion": 1, "\u006cinks": [{"id": "a"}]}"#,
    #"{"schemaVersion": 1, "links": [{"id": "a"}], "links": [{"id": "b"}]}"#,
    #"{"schemaVersion": 1, "links": {"id": "a"}}"#,
    // Broken: inside a link, between links, after the document, cut off, not an object.
    #"{"schemaVersion": 1, "links": [{"id": "a",}]}"#, #"{"schemaVersion": 1, "links": [{"id": "a"},, {}]}"#,
    #"{"schemaVersion": 1, "links": [{"id": "a"}]} x"#, #"{"schemaVersion": 1, "links": [{"id": "a"}"#,
    #"{"schemaVersion": 1, "links": [{"id": tru}]}"#, #"[{"links": []}]"#, "", "{", #"{"links": [}"#,
    // Without schemaVersion.
    #"{"links": [{"id": "a"}]}"#,
    // The last of two equal keys wins, however either is written.
    #"{"schemaVersion": 1, "links": [{"id": "L1", "scope": "anyone"}], "link\u0073": []}"#,
    #"{"schemaVersion": 1, "link\u0073": [{"id": "L1"}], "links": []}"#,
    // What the whole document refuses, inside a link: a NUL, a byte-order mark, UTF-16.
    "{\"schemaVersion\": 1, \"links\": [1\u{0}]}", "{\"schemaVersion\": 1, \"links\": [\u{FEFF}1]}",
    "{\"schemaVersion\": 1, \"links\": [t\u{0}r\u{0}u\u{0}e\u{0}]}",
    // Nesting at the decoder's limit, and just past it, counted from the top of the document.
    "{\"schemaVersion\": 1, \"links\": [" + String(repeating: "[", count: 510) + String(repeating: "]", count: 510)
      + "]}",
    "{\"schemaVersion\": 1, \"links\": [" + String(repeating: "[", count: 511) + String(repeating: "]", count: 511)
      + "]}",
    "{\"schemaVersion\": 1, \"links\": [{\"id\": \"deep\", \"x\": " + String(repeating: "[", count: 510)
      + String(repeating: "]", count: 510) + "}]}",
  ])
  func readApartAsWhole(text: String) throws {
    try Self.expectSameAsWhole(text)
  }

  /// Which documents are taken apart, and where their links lie.
  @Test func theLinksListIsFoundWhereItIsPlain() throws {
    func layout(_ text: String) -> (list: String, elements: [String])? {
      let bytes = Array(text.utf8)
      return bytes.withUnsafeBufferPointer { buffer in
        JSONLayout(buffer).linksList().map { found in
          (
            String(decoding: bytes[found.list], as: UTF8.self),
            found.elements.map { String(decoding: bytes[$0], as: UTF8.self) }
          )
        }
      }
    }
    let plain = layout(#"{"a": {"links": [1]}, "links" : [ {"id": "]"} , 2,"x"] ,"b": "links"}"#)
    #expect(plain?.list == #"[ {"id": "]"} , 2,"x"]"#)
    #expect(plain?.elements == [#"{"id": "]"}"#, "2", #""x""#])
    #expect(layout(#"{"links": []}"#)?.elements == [])
    for whole in [
      #"{"a": 1}"#, #"{"\u006cinks": []}"#, #"{"links": [], "links": []}"#, #"{"links": {}}"#, #"[]"#,
      #"{"links": [1,]}"#, #"{"links": [1] x}"#, #"{"links": ["#, "", #"{"a\"b": 1, "links": []}"#,
    ] {
      #expect(layout(whole) == nil, "\(whole)")
    }
    let context = try ReportJSONStreamingTests.demoContext(events: 3_000)
    #expect(layout(ReportJSON(context: context).encoded())?.elements.count == context.links.count)
  }

  /// Links are decoded in batches: several batches, a fault in a later one, empty links.
  @Test func manyLinksReadApartAsWhole() throws {
    let links = (0..<2_500).map { #"{"id": "l\#($0)", "uses": \#($0 % 3)}"# }
    let document = { (links: [String]) in #"{"schemaVersion": 1, "links": ["# + links.joined(separator: ",") + "]}" }
    try Self.expectSameAsWhole(document(links))
    let temp = try TemporaryFolder()
    let read = try ReportComparer.load(try temp.write("report.json", document(links)))
    #expect(read.links.count == 2_500)
    #expect(read.links.last?.id == "l2499" && read.links.last?.uses == 0)
    try Self.expectSameAsWhole(document(Array(repeating: "{}", count: 2_100) + ["[]", "{\"x\": 1}"]))
    var broken = links
    broken[2_100] = #"{"id": }"#
    try Self.expectSameAsWhole(document(broken))
  }

  /// A real report, large enough for many links.
  @Test func aRealReportReadsApartAsWhole() throws {
    let context = try ReportJSONStreamingTests.demoContext(events: 3_000)
    #expect(context.links.count > 100)
    try Self.expectSameAsWhole(ReportJSON(context: context).encoded())
  }

  /// The current report's snapshot, made from the links themselves, is its report.json read back.
  @Test func theCurrentReportIsItsReportJSONReadBack() throws {
    let context = try ReportJSONStreamingTests.demoContext(events: 3_000)
    let direct = ReportComparer.Snapshot(context: context)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(ReportJSON(context: context).encoded().utf8)) as? [String: Any])
    let readBack = ReportComparer.Snapshot(object)
    #expect(NSDictionary(dictionary: direct.document) == NSDictionary(dictionary: readBack.document))
    #expect(direct.links.count == context.links.count)
    #expect(direct.links == readBack.links)
  }

  /// The same for texts JSON escapes, and absent values.
  @Test func linkTextsReadBackAsTheyAre() throws {
    let texts = ["", "\"q\" \\ /", "Crème 日本語 🙂 \u{2028} e\u{301}", String(decoding: [1, 0x1F, 0x7F], as: UTF8.self)]
    for text in texts {
      for absent in [false, true] {
        let link = ReportJSON.Link(
          id: text, scope: text, permission: text, siteUrl: text, itemUrl: text, itemName: text,
          createdBy: absent ? nil : text, createdByKind: nil, createdAt: absent ? nil : text, origin: text,
          originConfidence: text, originEvidence: text, uses: absent ? 0 : -7, distinctVisitors: 0,
          lastUsedAt: absent ? nil : text, removedAt: absent ? nil : text, expiresAt: absent ? nil : text)
        var bytes: [UInt8] = []
        link.write(into: &bytes)
        let entry = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(ReportComparer.LinkFacts(link) == ReportComparer.LinkFacts(entry), "\(text.debugDescription)")
      }
    }
  }
}
