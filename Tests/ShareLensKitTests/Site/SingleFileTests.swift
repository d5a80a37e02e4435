import Foundation
import Testing

@testable import ShareLensKit

@Suite struct SingleFileTests {
  /// Links to pages point inside the file, in one pass, as one replacement per page did; the same
  /// words in text (where the data put them) stay as they are.
  @Test func pageLinksPointInsideTheFile() {
    let pages = ["index.html": "#page-index", "links-2.html": "#page-links-2", "links.html": "#page-links"]
    let html = [
      #"<a href="links.html">a</a> <a href="links-2.html">b</a><a href="links.csv">c</a> href="index.html""#,
      #"<a href="nolinks.html">d</a> text "quoted" href="links.html"href="links.html" <a href="unclosed"#, "",
      #"<p>é href="links.html" ü</p>"#, #"<td>x href="href="links.html" y</td>"#,
      #"<td>data href="</td><td><a href="links.html">3</a></td>"#, #"href="href="href="index.html""#,
      #"<td>&lt;a href="links.html"</td><a href="<a href="index.html">"#,
    ]
    for text in html {
      var expected = text
      for (path, anchor) in pages.sorted(by: { $0.key < $1.key }) {
        expected = expected.replacingOccurrences(of: "<a href=\"\(path)\"", with: "<a href=\"\(anchor)\"")
      }
      #expect(SiteRenderer.pointingLinks(in: text, to: pages) == expected)
    }
    // A place on a page is that place in the file; places on other files, and in-page links, stay.
    #expect(
      SiteRenderer.pointingLinks(
        in: ##"<a href="links.html#rule-A4-low">x</a> <a href="other.html#y">y</a> <a href="#z">z</a>"##, to: pages)
        == ##"<a href="#rule-A4-low">x</a> <a href="other.html#y">y</a> <a href="#z">z</a>"##)
  }

  @Test func oneSelfContainedFileWithEveryPageAndAHashedStyle() throws {
    let temp = try TemporaryFolder()
    let file = temp.url.appendingPathComponent("review.html")
    let status = ShareLensCLI.run(
      [
        "build", "--out", temp.url.appendingPathComponent("Site").path, "--quiet", "--single-file", file.path,
        "--classification", "Restricted", "--organization", "Contoso Ltd",
      ],
      environment: ["SOURCE_DATE_EPOCH": "1796083200"], console: Console(out: { _ in }, err: { _ in }))
    #expect(status == 0)
    let html = try String(contentsOf: file, encoding: .utf8)
    let style = try #require(
      html.range(of: "<style>").flatMap { open in
        html.range(of: "</style>").map { html[open.upperBound..<$0.lowerBound] }
      })
    let hash = Data(SHA256.digest(Array(style.utf8))).base64EncodedString()
    #expect(html.contains("content=\"default-src &#39;none&#39;; style-src &#39;sha256-\(hash)&#39;; img-src data:\""))
    #expect(!html.contains("<script"))
    #expect(!html.contains("<link "))
    let pages = try FileManager.default.contentsOfDirectory(atPath: temp.url.appendingPathComponent("Site").path).filter
    { $0.hasSuffix(".html") }
    for page in pages { #expect(html.contains("<section class=\"page\" id=\"page-\(page.dropLast(5))\">")) }
    #expect(!html.contains(".html\""), "every link points inside the file")
    #expect(!html.contains(".html#"), "every link to a place on a page points inside the file")
    // Every id once, and every link inside the file to one of them.
    let ids = html.matches(of: /id="([^"]*)"/).map { String($0.output.1) }
    #expect(ids.count == Set(ids).count, "\(Dictionary(grouping: ids) { $0 }.filter { $0.value.count > 1 }.keys)")
    let targets = Set(html.matches(of: /href="#([^"]*)"/).map { String($0.output.1) })
    #expect(targets.subtracting(ids).isEmpty, "\(targets.subtracting(ids))")
    #expect(targets.contains { $0.hasPrefix("rule-") }, "links to places on the findings page")
    #expect(html.contains("<title>RESTRICTED · ShareLens sharing report</title>"))
    #expect(style.contains(#"@top-center { content: "RESTRICTED""#), "the classification on every printed page")
    let page = try temp.read("Site/index.html")
    #expect(page.contains(#"<link rel="stylesheet" href="assets/classification.css">"#))
    #expect(try temp.read("Site/assets/classification.css").contains(#"@bottom-center { content: "RESTRICTED""#))
    #expect(html.components(separatedBy: "Contoso Ltd").count > 2, "the organization on the page and in print")
    // A file ShareLens did not write is not replaced without --force.
    let foreign = try temp.write("foreign.html", "<p>mine</p>")
    let refused = ShareLensCLI.run(
      ["build", "--out", temp.url.appendingPathComponent("Site").path, "--quiet", "--single-file", foreign],
      environment: [:], console: Console(out: { _ in }, err: { _ in }))
    #expect(refused == 73)
    #expect(try temp.read("foreign.html") == "<p>mine</p>")
  }

  /// A file name that reads like a link to a page keeps its words in the single file.
  @Test func dataThatReadsLikeALinkIsNotRewritten() throws {
    let temp = try TemporaryFolder()
    let name = #"q3 href="index.html" plan.docx"#
    let data = [
      #"{"Id":"11111111-2222-3333-4444-555555555555","CreationTime":"2026-09-01T07:00:00","#,
      #""Operation":"AnonymousLinkCreated","UserId":"a@contoso.com","Workload":"OneDrive","#,
      #""SiteUrl":"https://contoso-my.sharepoint.com/personal/a/","SourceFileName":"NAME","#,
      #""ObjectId":"https://contoso-my.sharepoint.com/personal/a/Documents/NAME","#,
      #""UniqueSharingId":"66666666-7777-8888-9999-000000000000"}"#,
    ].joined().replacingOccurrences(of: "NAME", with: name.replacingOccurrences(of: "\"", with: #"\""#))
    let audit = try temp.write(
      "audit.csv",
      "RecordId,CreationDate,Operation,AuditData\n1,9/1/2026,AnonymousLinkCreated,\""
        + data.replacingOccurrences(of: "\"", with: "\"\"") + "\"\n")
    let file = temp.url.appendingPathComponent("review.html")
    let status = ShareLensCLI.run(
      [
        "build", "--audit", audit, "--out", temp.url.appendingPathComponent("Site").path, "--quiet", "--single-file",
        file.path,
      ],
      environment: ["SOURCE_DATE_EPOCH": "1796083200"], console: Console(out: { _ in }, err: { _ in }))
    #expect(status == 0)
    let html = try String(contentsOf: file, encoding: .utf8)
    #expect(html.contains(#"q3 href="index.html" plan.docx"#))
    #expect(!html.contains(##"q3 href="#page-index""##))
    #expect(html.contains(##"<a href="#page-index""##))
  }

  @Test(arguments: [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (String(repeating: "a", count: 1000), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
  ])
  func sha256KnownAnswers(input: String, hex: String) {
    #expect(SHA256.digest(Array(input.utf8)).map { String(format: "%02x", $0) }.joined() == hex)
  }
}
