import Foundation
import Testing

@testable import ShareLensKit

/// Every page of the demo site and of a hostile-input site, opened in headless Chromium (installed
/// by `make test`): no console message at all (a CSP violation, a blocked or failed load and a
/// script error all show there), and no element made from hostile text. Screenshots of the main
/// pages go to Tests/Screenshots/ for a reviewer to look at.
@Suite(.serialized) struct BrowserTests {
  static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  static let flags = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-default-apps", "--disable-extensions", "--enable-logging=stderr",
    "--v=0",
  ]

  struct PageRun {
    var console: [String]
    var dom: String
  }

  /// Opens one page; returns its console messages and its DOM after parsing.
  static func open(_ page: URL, screenshot: URL? = nil) throws -> PageRun {
    let capture = try TemporaryFolder()
    let process = Process()
    process.executableURL = URL(
      fileURLWithPath: try #require(chromium, "Chromium is not installed: run `make test`, which installs it"))
    var arguments = flags + ["--user-data-dir=\(capture.path)/profile"]
    if let screenshot {
      arguments += ["--hide-scrollbars", "--window-size=1366,1100", "--screenshot=\(screenshot.path)"]
    } else {
      arguments.append("--dump-dom")
    }
    process.arguments = arguments + [page.absoluteString]
    let out = try capture.write("dom", "")
    let err = try capture.write("log", "")
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
    try process.run()
    process.waitUntilExit()
    let console = try capture.read("log").split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
    return PageRun(console: console, dom: try capture.read("dom"))
  }

  static func pages(in folder: URL) throws -> [URL] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".html") }.sorted()
      .map { folder.appendingPathComponent($0) }
  }

  /// Pages in two parallel browsers at a time (the machine has two cores).
  static func check(_ pages: [URL], _ body: @escaping @Sendable (URL, PageRun) -> Void) async throws {
    try await withThrowingTaskGroup(of: Void.self) { group in
      var pending = pages[...]
      for _ in 0..<2 {
        guard let page = pending.popFirst() else { break }
        group.addTask { body(page, try open(page)) }
      }
      while try await group.next() != nil {
        guard let page = pending.popFirst() else { continue }
        group.addTask { body(page, try open(page)) }
      }
    }
  }

  @Test func everyDemoPageLoadsCleanlyAndScreenshotsAreSaved() async throws {
    let temp = try TemporaryFolder()
    let site = temp.url.appendingPathComponent("Site")
    let status = ShareLensCLI.run(
      ["build", "--out", site.path, "--quiet", "--classification", "Internal", "--organization", "Contoso"],
      environment: ["SOURCE_DATE_EPOCH": "1796083200"], console: Console(out: { _ in }, err: { _ in }))
    #expect(status == 0)
    let pages = try Self.pages(in: site)
    #expect(pages.count > 40)
    try await Self.check(pages) { page, run in
      #expect(run.console.isEmpty, "\(page.lastPathComponent): \(run.console)")
      #expect(run.dom.contains("<main>"), "\(page.lastPathComponent) did not render")
    }
    let shots = Fixtures.packageRoot.appendingPathComponent("Tests/Screenshots")
    try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
    for name in ["index", "workloads", "sites", "findings", "heatmap", "links", "inputs"] {
      let shot = shots.appendingPathComponent("\(name).png")
      _ = try Self.open(site.appendingPathComponent("\(name).html"), screenshot: shot)
      #expect(FileManager.default.fileExists(atPath: shot.path), "no screenshot of \(name)")
    }
  }

  @Test func hostileTextNeverBecomesMarkupInTheBrowser() async throws {
    let temp = try TemporaryFolder()
    try temp.write("in/audit.csv", try HostileInputTests.audit())
    try temp.write("in/<img src=x onerror=alert(1)>.csv", "<script>alert(2)</script>,b\n1,2\n")
    let site = temp.url.appendingPathComponent("report")
    let status = ShareLensCLI.run(
      [
        "build", temp.url.appendingPathComponent("in").path, "--out", site.path, "--quiet", "--title", "<b>T</b>",
        "--classification", "<i>C</i>", "--organization", "<u>O</u>", "--single-file",
        temp.url.appendingPathComponent("one.html").path,
      ],
      environment: ["SOURCE_DATE_EPOCH": "1796083200"], console: Console(out: { _ in }, err: { _ in }))
    #expect(status == 0)
    try await Self.check(try Self.pages(in: site) + [temp.url.appendingPathComponent("one.html")]) { page, run in
      #expect(run.console.isEmpty, "\(page.lastPathComponent): \(run.console)")
      for markup in ["<img", "<script", "<b>T", "<i>C", "<u>O", "onerror=\""] {
        #expect(!run.dom.contains(markup), "\(page.lastPathComponent): \(markup) became markup")
      }
    }
  }
}
