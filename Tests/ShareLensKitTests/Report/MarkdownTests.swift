import Foundation
import Testing

@testable import ShareLensKit

@Suite struct MarkdownTests {
  @Test func literalsAreTrustedAndInterpolationsEscaped() {
    let name = "*x*"
    let markdown: Markdown = "**Bold** and \(name)"
    #expect(markdown.source == "**Bold** and \\*x\\*")
  }

  @Test func countsAndDatesAreFormatted() {
    let markdown: Markdown = "\(1_234_567) at \(Date(timeIntervalSince1970: 1_764_806_400))"
    #expect(markdown.source == "1,234,567 at 2025-12-04 00:00 UTC")
  }

  @Test(arguments: [
    ("plain", "`plain`"), ("a`b", "``a`b``"), ("`start", "`` `start ``"), ("x``y", "```x``y```"),
    ("two\nlines", "`two lines`"),
    // A backtick followed by a combining mark is one Character but still a backtick to libcmark.
    ("a`\u{301}<img src=x>", "``a`\u{301}<img src=x>``"), ("`\u{301}x", "`` `\u{301}x ``"),
  ])
  func codeSpansCannotBeClosedByTheirContent(value: String, expected: String) throws {
    #expect(Markdown.code(value).source == expected)
    let html = try #require(MarkdownRenderer.html(fromMarkdown: Markdown.code(value).source))
    #expect(html.hasPrefix("<p><code>"))
    #expect(html.hasSuffix("</code></p>\n"))
    #expect(html.components(separatedBy: "<code>").count == 2)
    #expect(!html.contains("<img"))
  }

  @Test func htmlInterpolationEscapesTextAndAttributes() {
    let value = "\"><script>"
    let html: HTML = "<a title=\"\(attribute: value)\">\(value)</a>"
    #expect(html.source == "<a title=\"&quot;&gt;&lt;script&gt;\">\"&gt;&lt;script&gt;</a>")
  }

  @Test func tableIsOneLinePerRowAndNeverHasABlankLine() {
    let table = Table(
      caption: "Files & <sizes>", columns: [.init("Name"), .init("Size", numeric: true)],
      rows: [[.header("a\n\nb"), .count(1200)], [.text("<b>"), .count(3)]])
    let lines = table.html.source.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(!lines.contains(""))
    #expect(lines.contains("<tr><th scope=\"row\">a&#10;&#10;b</th><td class=\"num\">1,200</td></tr>"))
    #expect(lines.contains("<tr><td>&lt;b&gt;</td><td class=\"num\">3</td></tr>"))
    #expect(lines.contains("<caption>Files &amp; &lt;sizes&gt;</caption>"))
  }

  /// Rows written straight into the table give the HTML of the same cells given as `Cell`s.
  @Test func writtenRowsAreTheCellsHTML() {
    let values = ["plain", "a\n\nb", "<b>&\"'", "Crème \u{202E}gpj.exe", "", "\u{85}\u{0}\t"]
    let columns: [Table.Column] = [.init("Name"), .init("Size", numeric: true), .init("Title"), .init("Note")]
    let cells = Table(
      caption: "c", columns: columns,
      rows: values.enumerated().map { index, value in
        [
          .header(value), .count(index * 999), Table.Cell("<span title=\"\(attribute: value)\">\(value)</span>"),
          .text(value),
        ]
      })
    let written = Table(caption: "c", columns: columns, count: values.count) { index, row in
      let value = values[index]
      row.text(value, header: true)
      row.count(index * 999)
      row.cell { cell in
        cell.raw("<span title=\"")
        cell.attribute(value)
        cell.raw("\">")
        cell.escaped(value)
        cell.raw("</span>")
      }
      row.text(value)
    }
    #expect(written.html.source == cells.html.source)
  }

  @Test func documentSeparatesBlocksWithOneBlankLine() {
    var document = MarkdownDocument(title: "Title")
    document.paragraph("One.")
    document.bulletList(["a", "b"])
    document.note("Careful.")
    #expect(document.text == "# Title\n\nOne.\n\n- a\n- b\n\n> Careful.\n")
  }

  @Test(arguments: [(0, "0"), (999, "999"), (1000, "1,000"), (-1_234_567, "-1,234,567")])
  func countFormatting(value: Int, expected: String) {
    #expect(Format.count(value) == expected)
  }

  @Test(arguments: [
    (Int64(0), "0 B"), (999, "999 B"), (1000, "1.0 kB"), (1534, "1.5 kB"), (999_950, "1.0 MB"), (5_301_271, "5.3 MB"),
  ])
  func byteFormatting(value: Int64, expected: String) {
    #expect(Format.bytes(value) == expected)
  }

  /// Times as `String(format:)` writes them, at the bounds, a leap day and spread-out seconds.
  @Test func timeFormatting() {
    var seconds: [Int64] = [0, 59, 951_782_400, 1_796_083_199, 253_402_300_799]
    var state: UInt64 = 5
    for _ in 0..<500 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      seconds.append(Int64(state >> 30) % 253_402_300_800)
    }
    for second in seconds {
      let c = CivilTime(epochSeconds: second)
      let date = Date(timeIntervalSince1970: TimeInterval(second))
      #expect(
        Format.iso8601(date)
          == String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year, c.month, c.day, c.hour, c.minute, c.second))
      #expect(
        Format.minute(date) == String(format: "%04d-%02d-%02d %02d:%02d", c.year, c.month, c.day, c.hour, c.minute))
    }
    #expect(Format.iso8601(Date(timeIntervalSince1970: -5)) == "1970-01-01T00:00:00Z")
    #expect(Format.timestamp(Date(timeIntervalSince1970: 1e15)) == "9999-12-31 23:59 UTC")
  }
}

/// The inventory's pager stays short however many pages there are.
@Suite struct LinksPagerTests {
  @Test func fewPagesAreAllLinked() {
    let pager = LinksPage.pager(current: 2, count: 5, total: 2_300).source
    #expect(pager.hasPrefix("Links 1,001–1,500 of 2,300. Pages: [1](links.html) · [2](links-2.html) · **3**"))
    #expect(!pager.contains("…"))
  }

  @Test func manyPagesShowTheEndsAndTheNeighbours() {
    let pager = LinksPage.pager(current: 999, count: 2_000, total: 1_000_000).source
    #expect(
      pager
        == "Links 499,501–500,000 of 1,000,000. Pages: [1](links.html) · … · [996](links-996.html) · [997](links-997.html) · [998](links-998.html) · [999](links-999.html) · **1,000** · [1,001](links-1001.html) · [1,002](links-1002.html) · [1,003](links-1003.html) · [1,004](links-1004.html) · … · [2,000](links-2000.html)"
    )
    #expect(LinksPage.pagerIndexes(current: 0, count: 2_000) == [0, 1, 2, 3, 4, 1_999])
    #expect(LinksPage.pagerIndexes(current: 1_999, count: 2_000) == [0, 1_995, 1_996, 1_997, 1_998, 1_999])
  }
}
