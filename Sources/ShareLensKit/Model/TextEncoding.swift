/// The text encoding of an input file, as told by its byte-order mark.
public enum TextEncoding: String, Sendable, Codable {
  case utf8 = "UTF-8"
  case utf8BOM = "UTF-8 with BOM"
  case utf16LE = "UTF-16 LE"
  case utf16BE = "UTF-16 BE"
}
