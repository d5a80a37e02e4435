import Foundation
import Testing

@testable import ShareLensKit

/// The demo site's Markdown, page by page, against reviewed golden files.
@Suite struct DemoSiteGoldenTests {
  @Test(arguments: ["index.md", "findings.md", "sites.md", "links.md", "inputs.md"])
  func demoSiteMarkdown(page: String) throws {
    let temp = try TemporaryFolder()
    let status = ShareLensCLI.run(
      ["build", "--out", temp.url.appendingPathComponent("Site").path, "--quiet"],
      environment: ["SOURCE_DATE_EPOCH": "1796083200"], console: Console(out: { _ in }, err: { _ in }))
    #expect(status == 0)
    try expectGolden(try temp.read("Site/markdown/\(page)"), "demo/\(page)")
  }

  @Test func demoSiteHTMLOfTheOverview() throws {
    let temp = try TemporaryFolder()
    let status = ShareLensCLI.run(
      ["build", "--out", temp.url.appendingPathComponent("Site").path, "--quiet", "--classification", "Internal"],
      environment: ["SOURCE_DATE_EPOCH": "1796083200"], console: Console(out: { _ in }, err: { _ in }))
    #expect(status == 0)
    try expectGolden(try temp.read("Site/index.html"), "demo/index.html")
  }
}
