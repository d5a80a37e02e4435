/// A JSON value with object keys in a chosen order, printed like PowerShell 7's ConvertTo-Json
/// (two-space indentation), for the settings files of the demo tenant.
indirect enum OrderedJSON {
  case string(String)
  case int(Int)
  case bool(Bool)
  case null
  case array([OrderedJSON])
  case object([(String, OrderedJSON)])

  func text(indent: String = "") -> String {
    let inner = indent + "  "
    switch self {
    case .string(let value):
      var bytes: [UInt8] = []
      JSONObjectText.appendString(value, to: &bytes)
      return String(decoding: bytes, as: UTF8.self)
    case .int(let value): return String(value)
    case .bool(let value): return value ? "true" : "false"
    case .null: return "null"
    case .array(let values):
      guard !values.isEmpty else { return "[]" }
      return "[\n" + values.map { inner + $0.text(indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
    case .object(let members):
      guard !members.isEmpty else { return "{}" }
      let lines = members.map { key, value in inner + OrderedJSON.string(key).text() + ": " + value.text(indent: inner)
      }
      return "{\n" + lines.joined(separator: ",\n") + "\n\(indent)}"
    }
  }
}
