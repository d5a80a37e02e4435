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

  public static var libraryVersion: String {
    String(cString: cmark_version_string())
  }
}
