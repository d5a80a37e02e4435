/// CSV cells for files people open in a spreadsheet: quoted when needed, and guarded against
/// formula injection (a cell that starts with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`,
/// so Excel and LibreOffice show it as text instead of running it).
public enum CSVCell {
  public static func escape(_ value: String) -> String {
    var out: [UInt8] = []
    append(value, to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  public static func row(_ values: [String]) -> String {
    var out: [UInt8] = []
    appendRow(values, to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// The cells, comma-separated, and a CRLF line end, appended to `out` as UTF-8.
  static func appendRow(_ values: [String], to out: inout [UInt8]) {
    for (index, value) in values.enumerated() {
      if index > 0 { out.append(UInt8(ascii: ",")) }
      append(value, to: &out)
    }
    out.append(0x0D)
    out.append(0x0A)
  }

  /// One cell, escaped, appended to `out` as UTF-8. Bytes, not characters: "\r\n" is one Character,
  /// equal to neither "\r" nor "\n", and a quote followed by a combining mark is one Character,
  /// not equal to a quote, but a spreadsheet still reads the quote (an earlier Character-wise
  /// version left such quotes undoubled, which let a cell end early and start a formula). Every
  /// character that matters is ASCII, so a first byte that is one of the formula characters is a
  /// first character that is.
  static func append(_ value: String, to out: inout [UInt8]) {
    ASCIIText.withBytes(of: value) { bytes in
      let quote = UInt8(ascii: "\"")
      let guarded = bytes.first.map { [UInt8]("=+-@\t\r".utf8).contains($0) } ?? false
      let quoted = bytes.contains { $0 == UInt8(ascii: ",") || $0 == quote || $0 == 0x0A || $0 == 0x0D }
      if quoted { out.append(quote) }
      if guarded { out.append(UInt8(ascii: "'")) }
      guard quoted else {
        out.append(contentsOf: bytes)
        return
      }
      // Quotes doubled; the runs between them copied whole.
      var start = 0
      while start < bytes.count {
        let end = SWAR.firstIndex(of: quote, or: quote, in: bytes, from: start)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
        guard end < bytes.count else { break }
        out.append(quote)
        out.append(quote)
        start = end + 1
      }
      out.append(quote)
    }
  }
}
