import Ccmark
import Foundation

/// The one place that calls libcmark. Raw HTML is let through (`CMARK_OPT_UNSAFE`) because the
/// tables are HTML blocks; that is safe only because every data-derived string was escaped by
/// `Markdown` / `HTML` interpolation before it entered the document.
public enum MarkdownRenderer {
  /// Returns nil only when libcmark cannot allocate memory.
  public static func html(fromMarkdown markdown: String) -> String? {
    let options = CMARK_OPT_UNSAFE | CMARK_OPT_VALIDATE_UTF8
    let utf8 = Array(markdown.utf8)
    guard let rendered = cmark_markdown_to_html(utf8, utf8.count, options) else { return nil }
    defer { free(rendered) }
    return String(cString: rendered)
  }

  /// A document's HTML: the same as its whole Markdown through libcmark (a test holds every page of
  /// the demo report and crafted documents to that). The tables are HTML blocks, which libcmark
  /// copies as they are with a line break after them, so they are copied here without being parsed:
  /// they are most of a large report. The Markdown between them goes through libcmark, which
  /// starts afresh after each table as it would after the blank line that ends an HTML block.
  public static func html(from document: MarkdownDocument) -> String? {
    var out = ""
    var start = 0
    func markdown(upTo end: Int) -> Bool {
      guard end > start else { return true }
      guard let html = html(fromMarkdown: document.blocks[start..<end].joined(separator: "\n\n") + "\n") else {
        return false
      }
      out += html
      return true
    }
    for table in document.tableBlocks {
      guard markdown(upTo: table) else { return nil }
      out += document.blocks[table]
      out += "\n"
      start = table + 1
    }
    guard markdown(upTo: document.blocks.count) else { return nil }
    return out
  }

  public static var libraryVersion: String {
    String(cString: cmark_version_string())
  }
}
