/// A Markdown document assembled block by block. Blocks are separated by one blank line and every
/// block is either escaped Markdown or a generated HTML block, so the document is the diffable
/// record of the page.
public struct MarkdownDocument: Sendable {
  public private(set) var blocks: [String] = []
  /// Which blocks are tables (HTML blocks), in order.
  private(set) var tableBlocks: [Int] = []

  public init(title: Markdown) {
    blocks.append("# " + title.source)
  }

  public mutating func heading(_ text: Markdown, level: Int = 2) {
    blocks.append(String(repeating: "#", count: min(max(level, 2), 6)) + " " + text.source)
  }

  public mutating func paragraph(_ text: Markdown) {
    blocks.append(text.source)
  }

  public mutating func bulletList(_ items: [Markdown]) {
    guard !items.isEmpty else { return }
    blocks.append(items.map { "- " + $0.source }.joined(separator: "\n"))
  }

  public mutating func table(_ table: Table) {
    tableBlocks.append(blocks.count)
    blocks.append(table.html.source)
  }

  /// A highlighted remark (a warning, or what a section does not cover).
  public mutating func note(_ text: Markdown) {
    blocks.append("> " + text.source)
  }

  /// A target for links to this place (`page.html#id`): an empty element with the id.
  public mutating func anchor(_ id: String) {
    blocks.append(HTML("<div id=\"\(attribute: id)\"></div>").source)
  }

  public var text: String { blocks.joined(separator: "\n\n") + "\n" }
}
