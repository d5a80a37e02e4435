import Foundation
import Testing

@testable import ShareLensKit

/// Pages are rendered with their tables copied rather than parsed by libcmark: the HTML must be
/// that of the whole Markdown through libcmark, on every page of a report and on documents built
/// to put tables where a block could run into them.
@Suite struct TablePassThroughTests {
  static func expectSameHTML(_ document: MarkdownDocument, _ name: String) {
    let whole = MarkdownRenderer.html(fromMarkdown: document.text)
    #expect(whole != nil)
    #expect(MarkdownRenderer.html(from: document) == whole, "\(name)")
  }

  @Test func everyPageOfAReportIsItsWholeMarkdownThroughLibcmark() throws {
    let context = try ReportJSONStreamingTests.demoContext(events: 3000)
    let pages = ReportBuilder(context: context).pages(jobs: 2)
    #expect(pages.count > 20)
    #expect(pages.filter { !$0.document.tableBlocks.isEmpty }.count > 10)
    for page in pages { Self.expectSameHTML(page.document, page.slug) }
  }

  @Test func tablesNextToEveryKindOfBlock() {
    let data = "tab\there <b>&amp; `code` *em* [x]: /y \"q\" 'a' é \u{202E}"
    func table(_ caption: String) -> Table {
      Table(
        caption: caption, columns: [.init("A"), .init("B", numeric: true)],
        rows: [[.header(data), .count(1234)], [.text("\n\nline"), .count(0)]])
    }
    var documents: [MarkdownDocument] = []
    var first = MarkdownDocument(title: "Tables \(data)")
    first.table(table("right after the title"))
    first.table(table("right after a table"))
    documents.append(first)
    var blocks = MarkdownDocument(title: "Blocks")
    blocks.paragraph("A paragraph \(data)")
    blocks.table(table("after a paragraph"))
    blocks.bulletList(["one \(data)", "two"])
    blocks.table(table("after a list"))
    blocks.note("A note \(data)")
    blocks.table(table("after a note"))
    blocks.heading("A heading \(data)")
    blocks.table(table("after a heading"))
    blocks.anchor("id-\(data)")
    blocks.table(table("after an anchor"))
    blocks.paragraph(Markdown.code("code ``` \(data)"))
    documents.append(blocks)
    var none = MarkdownDocument(title: "No table")
    none.paragraph("Only \(data)")
    documents.append(none)
    for (index, document) in documents.enumerated() { Self.expectSameHTML(document, "document \(index)") }
  }
}
