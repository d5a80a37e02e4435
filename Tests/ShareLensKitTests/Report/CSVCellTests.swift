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
}
