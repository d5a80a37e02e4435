import Foundation
import Testing

@testable import ShareLensKit

/// Runs the built `sharelens` binary as a user would.
@Suite struct EndToEndTests {
  static let epoch = ["SOURCE_DATE_EPOCH": "1796083200"]  // 2026-12-01 00:00 UTC

  @Test func noArgumentsWritesTheDemoReportIntoSite() throws {
    let temp = try TemporaryFolder()
    let run = try BinaryRun.run([], in: temp.url)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      run.stdout.hasPrefix("Wrote ") && run.stdout.hasSuffix(" pages to Site/; open Site/index.html in a browser.\n"))
    #expect(run.stderr == "")
    let files = Set(try temp.snapshot("Site").keys)
    #expect(files.filter { $0.hasPrefix("site-") && $0.hasSuffix(".html") }.count == 28, "a page per site")
    let main = [
      ".sharelens-report", "index.html", "workloads.html", "sites.html", "findings.html", "heatmap.html", "links.html",
      "inputs.html", "assets/sharelens.css", "report.json", "links.csv",
    ]
    #expect(Set(main).isSubset(of: files))
    for page in files where page.hasSuffix(".html") {
      #expect(files.contains("markdown/" + page.dropLast(5) + ".md"), "\(page) has its Markdown")
    }
    // A second build replaces the first: its own folder, recognised by the marker.
    let again = try BinaryRun.run(["build"], in: temp.url)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(Set(try FileManager.default.contentsOfDirectory(atPath: temp.path)) == ["Site"])
  }

  @Test func twoBuildsWithSourceDateEpochAreByteIdentical() throws {
    let temp = try TemporaryFolder()
    #expect(try BinaryRun.run(["--out", "one"], in: temp.url, environment: Self.epoch).status == 0)
    #expect(try BinaryRun.run(["--out", "two", "--quiet"], in: temp.url, environment: Self.epoch).status == 0)
    let one = try temp.snapshot("one")
    #expect(one == (try temp.snapshot("two")))
    #expect(try temp.read("one/index.html").contains("Generated 2026-12-01 00:00 UTC"))
  }

  /// Neither the locale, the time zone nor the working directory's absolute path reaches the output;
  /// `--generated-at` and `SOURCE_DATE_EPOCH` name the same moment the same way.
  @Test func outputIgnoresLocaleTimeZoneAndPaths() throws {
    let temp = try TemporaryFolder()
    #expect(try BinaryRun.run(["--out", "plain", "-q"], in: temp.url, environment: Self.epoch).status == 0)
    let foreign = ["LANG": "de_DE.UTF-8", "LC_ALL": "de_DE.UTF-8", "TZ": "Asia/Tokyo"]
    #expect(
      try BinaryRun.run(
        ["--out", "foreign", "-q", "--generated-at", "2026-12-01T00:00:00Z"], in: temp.url, environment: foreign
      ).status == 0)
    #expect(try temp.snapshot("plain") == (try temp.snapshot("foreign")))
    // Inputs named by absolute path: only names relative to what was given reach the report.
    try FileManager.default.copyItem(
      at: Fixtures.packageRoot.appendingPathComponent("Samples/contoso"), to: temp.url.appendingPathComponent("exports")
    )
    let absolute = try BinaryRun.run(
      ["\(temp.path)/exports", "--out", "absolute", "-q"], in: temp.url, environment: Self.epoch)
    #expect(absolute.status == 0)
    for folder in ["plain", "absolute"] {
      for (name, data) in try temp.snapshot(folder) {
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.contains(temp.path), "\(folder)/\(name) holds the machine's path")
        #expect(!text.contains("sharelens-demo"), "\(folder)/\(name) holds the demo's scratch folder")
        #expect(!text.contains(NSTemporaryDirectory()), "\(folder)/\(name) holds the temporary folder")
      }
    }
    #expect(try temp.read("absolute/markdown/inputs.md").contains("<code>exports/AuditLog.csv</code>"))
  }

  /// `--timings` names every phase on stderr, the benchmark's source for them, and `--jobs 1`
  /// gives the same report as the default.
  @Test func timingsNameEveryPhaseAndJobsDoNotChangeTheReport() throws {
    let temp = try TemporaryFolder()
    let run = try BinaryRun.run(["--out", "one", "--quiet", "--timings"], in: temp.url, environment: Self.epoch)
    #expect(run.status == 0)
    for phase in ["read and parse", "of which waiting for the audit files", "analyse", "render and write"] {
      #expect(run.stderr.contains("timing: ") && run.stderr.contains(phase), "\(phase)")
    }
    #expect(
      try BinaryRun.run(["--out", "two", "--quiet", "--jobs", "1"], in: temp.url, environment: Self.epoch).status == 0)
    #expect(try temp.snapshot("one") == temp.snapshot("two"))
  }

  @Test func anUnknownOptionIsAUsageError() throws {
    let temp = try TemporaryFolder()
    let run = try BinaryRun.run(["--bogus"], in: temp.url)
    #expect(run.status == 64)
    #expect(run.stderr == "sharelens: error: unknown option '--bogus' (see 'sharelens build --help')\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: temp.path).isEmpty)
  }

  @Test(arguments: [["--tenant", "missing.json"], ["--audit", "missing.csv"], ["missing-folder"]])
  func aMissingInputExits66NamingIt(arguments: [String]) throws {
    let temp = try TemporaryFolder()
    let run = try BinaryRun.run(arguments, in: temp.url)
    #expect(run.status == 66)
    #expect(run.stderr == "\(arguments.last!): error: no such file or folder\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: temp.path).isEmpty)
  }

  @Test func aForeignNonEmptyFolderIsRefusedAndUntouched() throws {
    let temp = try TemporaryFolder()
    try temp.write("Site/index.html", "my own page")
    try temp.write("Site/notes/todo.txt", "keep me")
    let before = try temp.snapshot()
    let run = try BinaryRun.run([], in: temp.url)
    #expect(run.status == 73)
    #expect(
      run.stderr.contains(
        "error: folder exists, is not empty and was not written by ShareLens; pass --force to replace it"))
    #expect(try temp.snapshot() == before)
    #expect(try FileManager.default.contentsOfDirectory(atPath: temp.path) == ["Site"])
    let forced = try BinaryRun.run(["--force", "--quiet"], in: temp.url)
    #expect(forced.status == 0)
    #expect(try temp.snapshot("Site")["notes/todo.txt"] == nil)
  }

  @Test func strictFailsOnARejectedNamedFileAndOtherwiseWarns() throws {
    let temp = try TemporaryFolder()
    try temp.write("labels.json", #"{"Url": "https://contoso.sharepoint.com", "Template": "STS#3"}"#)
    let lenient = try BinaryRun.run(["--labels", "labels.json", "--quiet"], in: temp.url)
    #expect(lenient.status == 0)
    #expect(
      lenient.stderr.contains("labels.json: warning: rejected: expected sensitivity labels, but this is site list"))
    let strict = try BinaryRun.run(["--labels", "labels.json", "--strict", "--out", "strict"], in: temp.url)
    #expect(strict.status == 65)
    #expect(strict.stderr.hasSuffix("sharelens: error: 1 input item was rejected (--strict)\n"))
    #expect(!FileManager.default.fileExists(atPath: temp.url.appendingPathComponent("strict").path))
  }

  @Test func strictFailsOnRejectedRows() throws {
    let temp = try TemporaryFolder()
    try temp.write(
      "a.csv",
      "RecordId,CreationDate,RecordType,Operation,UserId,AuditData,AssociatedAdminUnits,AssociatedAdminUnitsNames\nx,1/2/2026 3:04:05 AM,6,Op,u,\"{broken\",,\n"
    )
    let lenient = try BinaryRun.run(["--audit", "a.csv", "-q"], in: temp.url)
    #expect(lenient.status == 0)
    #expect(lenient.stderr.contains("a.csv:2: warning: rejected: AuditData is not valid JSON"))
    #expect(lenient.stderr.contains("sharelens: 1 audit row was rejected; the Inputs page lists them"))
    let strict = try BinaryRun.run(["--audit", "a.csv", "--strict", "--out", "strict"], in: temp.url)
    #expect(strict.status == 65)
    #expect(!FileManager.default.fileExists(atPath: temp.url.appendingPathComponent("strict").path))
  }

  @Test func anOutputFolderHoldingAnInputIsRefusedEvenWithForce() throws {
    let temp = try TemporaryFolder()
    try FileManager.default.copyItem(
      at: Fixtures.packageRoot.appendingPathComponent("Samples/contoso"), to: temp.url.appendingPathComponent("exports")
    )
    let before = try temp.snapshot()
    for arguments in [
      ["exports", "--out", "exports", "--force"], ["exports", "--out", ".", "--force"],
      ["--audit", "exports/AuditLog.csv", "--out", "exports", "--force"],
    ] {
      let run = try BinaryRun.run(arguments, in: temp.url)
      #expect(run.status == 73, "\(arguments)")
      #expect(run.stderr.contains("replacing it would delete it, even with --force"))
    }
    #expect(try temp.snapshot() == before)
  }

  @Test func helpAndVersion() throws {
    let temp = try TemporaryFolder()
    let help = try BinaryRun.run(["--help"], in: temp.url)
    #expect(help.status == 0)
    #expect(help.stdout.contains("sharelens sample --out DIR"))
    let buildHelp = try BinaryRun.run(["build", "--help"], in: temp.url)
    #expect(buildHelp.stdout.contains("--classification TEXT"))
    let version = try BinaryRun.run(["--version"], in: temp.url)
    #expect(version.status == 0)
    #expect(version.stdout.hasPrefix("sharelens \(ShareLensVersion.current) (libcmark 0."))
  }

  @Test func sampleWritesADemoTenantThatBuildReads() throws {
    let temp = try TemporaryFolder()
    let sample = try BinaryRun.run(["sample", "--out", "tenant", "--seed", "5", "--events", "400"], in: temp.url)
    #expect(sample.status == 0, "\(sample.stderr)")
    let build = try BinaryRun.run(["tenant", "--out", "report", "--quiet"], in: temp.url, environment: Self.epoch)
    #expect(build.status == 0, "\(build.stderr)")
    let inputs = try temp.read("report/markdown/inputs.md")
    #expect(
      inputs.contains(
        "<code>tenant/AuditLog.csv</code></th><td>audit log</td><td>Purview audit search CSV</td><td>UTF-8</td>"))
    #expect(inputs.contains("<td class=\"num\">400</td>"))
  }

  /// File names and file contents are attacker-controlled: they must reach the page as text.
  @Test func hostileFileNamesAndHeadersRenderAsText() throws {
    let temp = try TemporaryFolder()
    let hostile = "<img src=x onerror=alert(1)>"
    try temp.write("in/\(hostile).csv", "\(hostile),\"<script>alert(2)</script>\"\n1,2\n")
    try temp.write("in/[x](javascript:alert(3)).json", "{\"<b>key</b>\": 1}")
    let run = try BinaryRun.run(["in", "--out", "report", "--classification", "<i>Secret</i> & \"co\""], in: temp.url)
    #expect(run.status == 0, "\(run.stderr)")
    let html = try temp.read("report/inputs.html")
    #expect(!html.contains("<img"))
    #expect(!html.contains("<script"))
    #expect(!html.contains("<b>key"))
    #expect(!html.contains("<i>Secret"))
    #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;.csv"))
    #expect(html.contains("&lt;script&gt;alert(2)&lt;/script&gt;"))
    #expect(html.contains("<p class=\"classification\" role=\"note\">&lt;i&gt;Secret&lt;/i&gt; &amp; \"co\"</p>"))
    #expect(!html.contains("href=\"javascript"))
  }

  /// Every page is locked down and self-contained: CSP, no script, no inline style, no external URL,
  /// and every link points to a file of the folder.
  @Test func everyPageIsLockedDownAndLinksOnlyWithinTheFolder() throws {
    let temp = try TemporaryFolder()
    #expect(try BinaryRun.run(["--quiet"], in: temp.url).status == 0)
    let site = try temp.snapshot("Site")
    let pages = site.keys.filter { $0.hasSuffix(".html") }
    #expect(pages.count > 40)
    for page in pages {
      let html = String(decoding: site[page]!, as: UTF8.self)
      #expect(
        html.contains(
          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'self'; img-src 'self' data:\">"
        ))
      #expect(!html.contains("<script"))
      #expect(!html.contains("style="))
      #expect(!html.contains("<style"))
      for link in Self.references(in: html) {
        #expect(!link.contains(":"), "\(page): \(link) is not a relative link")
        #expect(!link.hasPrefix("/") && !link.hasPrefix("//"), "\(page): \(link) is not relative")
        let target = link.split(separator: "#").first.map(String.init) ?? link
        #expect(site[target] != nil, "\(page) links to \(link), which is not in the folder")
      }
    }
  }

  static func references(in html: String) -> [String] {
    var links: [String] = []
    for attribute in ["href=\"", "src=\""] {
      var rest = html[...]
      while let start = rest.range(of: attribute) {
        rest = rest[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { break }
        links.append(String(rest[..<end]))
        rest = rest[end...]
      }
    }
    return links
  }
}
