import Foundation
import Testing

@testable import ShareLensKit

/// One case per dangerous character, in each context a data string can land in.
@Suite struct EscapingTests {
  @Test(arguments: [
    ("<", "&lt;"), (">", "&gt;"), ("&", "&amp;"), ("\n", "&#10;"), ("\r", "&#13;"),
  ])
  func htmlTextEscapes(character: String, expected: String) {
    #expect(Escaping.htmlText("a\(character)b") == "a\(expected)b")
  }

  @Test func htmlTextLeavesQuotes() {
    #expect(Escaping.htmlText(#"say "hi" it's"#) == #"say "hi" it's"#)
  }

  @Test(arguments: [
    ("<", "&lt;"), (">", "&gt;"), ("&", "&amp;"), ("\"", "&quot;"), ("'", "&#39;"), ("\n", "&#10;"), ("\r", "&#13;"),
  ])
  func htmlAttributeEscapes(character: String, expected: String) {
    #expect(Escaping.htmlAttribute("a\(character)b") == "a\(expected)b")
  }

  @Test(arguments: ["\\", "`", "*", "_", "[", "]", "<", ">", "&", "!", "~", "|", "#"])
  func markdownEscapesInlineMarkupAnywhere(character: String) {
    #expect(Escaping.markdownText("a\(character)b") == "a\\\(character)b")
  }

  @Test(arguments: ["+", "-", "="])
  func markdownEscapesBlockMarkersAtTheStart(character: String) {
    #expect(Escaping.markdownText("\(character) x") == "\\\(character) x")
    #expect(Escaping.markdownText("x \(character) y") == "x \(character) y")
  }

  @Test(arguments: ["1. item", "12) item"])
  func markdownEscapesOrderedListMarkers(text: String) {
    let escaped = Escaping.markdownText(text)
    #expect(escaped == text.replacingOccurrences(of: ". ", with: "\\. ").replacingOccurrences(of: ") ", with: "\\) "))
  }

  @Test func markdownKeepsHarmlessPunctuationReadable() {
    #expect(Escaping.markdownText("Q3 results (final), v2.docx: 50% done?") == "Q3 results (final), v2.docx: 50% done?")
  }

  @Test(arguments: ["\n", "\r", "\t"])
  func markdownTurnsLineBreaksIntoSpaces(character: String) {
    #expect(Escaping.markdownText("a\(character)- b") == "a - b")
  }

  @Test(arguments: ["\u{00}", "\u{1B}", "\u{7F}", "\u{202E}", "\u{2066}"])
  func controlAndBidiCharactersBecomeVisible(character: String) {
    let text = "gpj\(character).exe"
    #expect(Escaping.htmlText(text) == "gpj\u{FFFD}.exe")
    #expect(Escaping.htmlAttribute(text) == "gpj\u{FFFD}.exe")
    #expect(Escaping.markdownText(text) == "gpj\u{FFFD}.exe")
  }

  /// Whatever the data, libcmark's output holds no element, attribute or entity that came from it.
  @Test(arguments: [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[click](javascript:alert(1))",
    "![x](http://evil/x.png)",
    "&lt;b&gt;", "`code`", "**bold** _it_", "<!-- c -->", "# heading", "- item", "> quote", "1. one",
    "line\n\n<div>x</div>",
    "a\\", "<https://evil.example>", "\\<b>", "# x", "x ##", "x #",
  ])
  func dataInMarkdownRendersAsText(data: String) throws {
    // At the start of a block and at the end of a heading, where block markers act.
    for (prefix, open, close) in [("", "<p>", "</p>"), ("## ", "<h2>", "</h2>"), ("- ", "<ul>\n<li>", "</li>\n</ul>")] {
      let markdown: Markdown = "\(data)"
      let html = try #require(MarkdownRenderer.html(fromMarkdown: prefix + markdown.source))
      let flat = Escaping.htmlText(data.replacingOccurrences(of: "\n", with: " ")).replacingOccurrences(
        of: "\"", with: "&quot;")
      #expect(html == "\(open)\(flat)\(close)\n", "as \(prefix.isEmpty ? "paragraph" : prefix)")
    }
    let markdown: Markdown = "Value: \(data)"
    let html = try #require(MarkdownRenderer.html(fromMarkdown: markdown.source))
    let flat = data.replacingOccurrences(of: "\n", with: " ")
    #expect(html == "<p>Value: \(Escaping.htmlText(flat).replacingOccurrences(of: "\"", with: "&quot;"))</p>\n")
  }
}

extension EscapingTests {
  @Test(arguments: [
    ("Internal", "Internal"), ("Top \"Secret\"", "Top\\000020\\000022Secret\\000022"),
    ("a</style>", "a\\00003c\\00002fstyle\\00003e"), ("x\\y", "x\\00005cy"), ("é", "\\0000e9"),
  ])
  func cssStringsCannotEndTheirString(text: String, expected: String) {
    #expect(Escaping.cssString(text) == expected)
  }

  /// The byte-writing escaper against the scalar-by-scalar one it replaced.
  @Test func htmlEscapingMatchesTheScalarForm() {
    func reference(_ value: String, quotes: Bool) -> String {
      var out = ""
      for scalar in Escaping.neutralized(value) {
        switch scalar {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"" where quotes: out += "&quot;"
        case "'" where quotes: out += "&#39;"
        case "\n": out += "&#10;"
        case "\r": out += "&#13;"
        default: out.unicodeScalars.append(scalar)
        }
      }
      return out
    }
    let values = [
      "a web browser's user agent", "Q&A <draft> \"final\"", "Crème brûlée.docx", "gpj\u{202E}exe.",
      "\u{0}\u{1F}\u{7F}\u{85}\u{9F}\t\r\n", "🙂 e\u{301} \u{2066}x\u{2069}", "",
    ]
    for value in values {
      #expect(Escaping.htmlText(value) == reference(value, quotes: false))
      #expect(Escaping.htmlAttribute(value) == reference(value, quotes: true))
    }
    // Every scalar up to U+2100 (all the replaced ones and their byte neighbours) and some beyond,
    // alone and between plain text, the way the byte-level escaper meets them.
    var mismatches: [UInt32] = []
    for value in Array(0...0x2100) + [0xD7FF, 0xE000, 0xFEFF, 0xFFFD, 0xFFFF, 0x1F642, 0x10FFFF] {
      guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
      let text = "a" + String(scalar) + "b" + String(scalar)
      for quotes in [false, true] {
        let escaped = quotes ? Escaping.htmlAttribute(text) : Escaping.htmlText(text)
        if escaped != reference(text, quotes: quotes) { mismatches.append(UInt32(value)) }
      }
    }
    #expect(mismatches.isEmpty)
  }

  /// The eight-bytes-at-a-time check for text that needs no escaping, against a byte loop, with
  /// every byte value at every position of texts around the word size.
  @Test func plainTextIsToldEightBytesAtATime() {
    func reference(_ bytes: [UInt8], quotes: Bool) -> Bool {
      bytes.allSatisfy { byte in
        byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "<") && byte != UInt8(ascii: ">")
          && byte != UInt8(ascii: "&") && (!quotes || (byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "'")))
      }
    }
    var differences = 0
    for bytes in WordProbes.everyByteAtEveryPosition() {
      for quotes in [false, true] {
        let fast = bytes.withUnsafeBufferPointer { Escaping.plainHTML($0, quotes: quotes) }
        if fast != reference(bytes, quotes: quotes) { differences += 1 }
      }
    }
    #expect(differences == 0)
    #expect([UInt8]().withUnsafeBufferPointer { Escaping.plainHTML($0, quotes: true) })
  }
}
