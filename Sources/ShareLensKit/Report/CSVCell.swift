/// CSV cells for files people open in a spreadsheet: quoted when needed, and guarded against
/// formula injection (a cell that starts with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`,
/// so Excel and LibreOffice show it as text instead of running it).
public enum CSVCell {
  public static func escape(_ value: String) -> String {
    var text = value
    if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
      text = "'" + text
    }
    // Bytes, not characters: "\r\n" is one Character, equal to neither "\r" nor "\n".
    let plain = ASCIIText.withBytes(of: text) { !$0.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D } }
    guard !plain else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  public static func row(_ values: [String]) -> String {
    values.map(escape).joined(separator: ",") + "\r\n"
  }
}
