import Testing

@testable import ShareLensKit

@Suite struct CSVCellTests {
  @Test(arguments: ["=HYPERLINK(\"http://evil\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
  func formulaPrefixesAreNeutralised(cell: String) {
    let escaped = CSVCell.escape(cell)
    #expect(escaped.hasPrefix("'") || escaped.hasPrefix("\"'"))
  }

  @Test(arguments: [
    ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("two\nlines", "\"two\nlines\""), ("plain", "plain"),
  ])
  func quoting(cell: String, expected: String) {
    #expect(CSVCell.escape(cell) == expected)
  }

  @Test func aRowEndsWithCRLF() {
    #expect(CSVCell.row(["a", "=1"]) == "a,'=1\r\n")
  }

  /// The byte writer against the string form it replaced, quotes doubled scalar by scalar, on
  /// every character class that matters.
  @Test func cellsAreTheStringFormsBytes() {
    func reference(_ value: String) -> String {
      var text = value
      if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
        text = "'" + text
      }
      let plain = !text.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
      guard !plain else { return text }
      var quoted = String.UnicodeScalarView()
      for scalar in text.unicodeScalars {
        if scalar == "\"" { quoted.append(scalar) }
        quoted.append(scalar)
      }
      return "\"" + String(quoted) + "\""
    }
    let values = [
      "", "plain", "a,b", "\"", "\"\"", "say \"hi\" twice \"", "two\nlines", "cr\r\nlf", "=1,2", "-\"x\"", "@", "\t",
      "\r", "é=1", "Crème, \"brûlée\"", "🙂\"🙂", "a long value with a quote \" after the first eight bytes",
      "x,\"\u{301},=1+1", "\"\u{FE0F}",
    ]
    for value in values { #expect(CSVCell.escape(value) == reference(value), "\(value)") }
    #expect(CSVCell.row(values) == values.map(reference).joined(separator: ",") + "\r\n")
  }

  /// A quote followed by a combining mark is one Character but still a quote to a spreadsheet: it
  /// must be doubled, or the cell ends there and the rest is read as cells of its own (once, a
  /// formula past the `'` guard).
  @Test func aQuoteBeforeACombiningMarkIsDoubled() {
    let value = "x,\"\u{301},=1+1"
    #expect(CSVCell.escape(value) == "\"x,\"\"\u{301},=1+1\"")
    #expect(CSVTestReader.records(CSVCell.row([value, "next"])) == [[value, "next"]])
  }
}
