/// CSV cells for files people open in a spreadsheet: quoted when needed, and guarded against
/// formula injection (a cell that starts with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`,
/// so Excel and LibreOffice show it as text instead of running it).
public enum CSVCell {
  public static func escape(_ value: String) -> String {
    var text = value
    if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
      text = "'" + text
    }
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  public static func row(_ values: [String]) -> String {
    values.map(escape).joined(separator: ",") + "\r\n"
  }
}
