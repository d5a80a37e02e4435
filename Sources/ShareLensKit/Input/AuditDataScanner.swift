/// A fast reader for AuditData: one pass over the JSON bytes that checks the whole document's
/// syntax and keeps only the fields the report uses, instead of building every object and string
/// (Foundation's JSONSerialization spends most of a large build there). A document it cannot read
/// returns nil, and the caller falls back to JSONSerialization, which says why.
struct AuditDataScanner {
  /// Top-level fields kept, with their values as text.
  static let wanted: Set<[UInt8]> = Set(
    [
      "Id", "CreationTime", "Operation", "RecordType", "UserId", "Workload", "ObjectId", "SiteUrl", "SourceRelativeUrl",
      "SourceFileName", "ListItemUniqueId", "UniqueSharingId", "EventData", "TargetUserOrGroupName",
      "TargetUserOrGroupType", "UserAgent", "ApplicationDisplayName", "CorrelationId", "ItemType", "SharingLinkScope",
    ].map { Array($0.utf8) })
  static let appAccessContext = Array("AppAccessContext".utf8)
  static let modifiedProperties = Array("ModifiedProperties".utf8)
  static let newValue = Array("NewValue".utf8)
  static let contextKeys: Set<[UInt8]> = [Array("ClientAppName".utf8), Array("CorrelationId".utf8)]

  let bytes: UnsafeBufferPointer<UInt8>
  var index = 0

  /// The fields as AuditRecordDecoder reads them, or nil when the bytes are not one valid JSON object.
  static func scan(_ data: [UInt8]) -> [String: Any]? {
    data.withUnsafeBufferPointer { buffer in
      var scanner = AuditDataScanner(bytes: buffer)
      scanner.skipSpace()
      guard let result = scanner.object(level: 0) else { return nil }
      scanner.skipSpace()
      return scanner.index == buffer.count ? result : nil
    }
  }

  mutating func skipSpace() {
    while index < bytes.count,
      bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09
    {
      index += 1
    }
  }

  /// Parses an object; at level 0 (AuditData itself) and in the few nested places the report uses,
  /// keeps the wanted members.
  mutating func object(level: Int, keep: Set<[UInt8]>? = nil) -> [String: Any]? {
    guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return nil }
    index += 1
    var result: [String: Any] = [:]
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return result
    }
    while true {
      skipSpace()
      guard let key = rawString() else { return nil }
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
      index += 1
      skipSpace()
      let wantedHere = level == 0 ? Self.wanted.contains(key) : (keep?.contains(key) ?? false)
      if level == 0, key == Self.appAccessContext, index < bytes.count, bytes[index] == UInt8(ascii: "{") {
        guard let context = object(level: 1, keep: Self.contextKeys) else { return nil }
        result["AppAccessContext"] = context
      } else if level == 0, key == Self.modifiedProperties, index < bytes.count, bytes[index] == UInt8(ascii: "[") {
        guard let properties = propertyList() else { return nil }
        result["ModifiedProperties"] = properties
      } else if wantedHere {
        guard let value = scalarText() else { return nil }
        if let value { result[String(decoding: key, as: UTF8.self)] = value }
      } else {
        guard skipValue(depth: 0) else { return nil }
      }
      skipSpace()
      guard index < bytes.count else { return nil }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard bytes[index] == UInt8(ascii: "}") else { return nil }
      index += 1
      return result
    }
  }

  /// `ModifiedProperties`: a list of objects whose `NewValue` strings are kept.
  mutating func propertyList() -> [[String: Any]]? {
    index += 1
    var list: [[String: Any]] = []
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return list
    }
    while true {
      skipSpace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "{") {
        guard let entry = object(level: 1, keep: [Self.newValue]) else { return nil }
        list.append(entry)
      } else {
        guard skipValue(depth: 0) else { return nil }
      }
      skipSpace()
      guard index < bytes.count else { return nil }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard bytes[index] == UInt8(ascii: "]") else { return nil }
      index += 1
      return list
    }
  }

  /// A wanted value: a string (decoded), or a number or literal (as its text); `.some(nil)` for
  /// null or a nested value (skipped); nil on a syntax error.
  mutating func scalarText() -> String?? {
    guard index < bytes.count else { return nil }
    switch bytes[index] {
    case UInt8(ascii: "\""):
      guard let raw = rawString() else { return nil }
      return .some(String(decoding: raw, as: UTF8.self))
    case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "n"):
      guard skipValue(depth: 0) else { return nil }
      return .some(nil)
    default:
      let start = index
      guard skipValue(depth: 0) else { return nil }
      return .some(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
    }
  }

  /// A string's decoded UTF-8 bytes (escapes resolved, `\/` included); nil on a syntax error.
  mutating func rawString() -> [UInt8]? {
    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
    index += 1
    let start = index
    // Fast path: no escape in the string.
    while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\"),
      bytes[index] >= 0x20
    {
      index += 1
    }
    guard index < bytes.count else { return nil }
    if bytes[index] == UInt8(ascii: "\"") {
      let result = Array(bytes[start..<index])
      index += 1
      return result
    }
    var out = Array(bytes[start..<index])
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      switch byte {
      case UInt8(ascii: "\""): return out
      case UInt8(ascii: "\\"):
        guard index < bytes.count else { return nil }
        let escape = bytes[index]
        index += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
          guard var scalar = hex4() else { return nil }
          if (0xD800...0xDBFF).contains(scalar), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
            bytes[index + 1] == UInt8(ascii: "u")
          {
            index += 2
            guard let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          }
          out.append(contentsOf: Array(String(Unicode.Scalar(scalar) ?? "\u{FFFD}").utf8))
        default: return nil
        }
      case 0x00..<0x20: return nil
      default: out.append(byte)
      }
    }
    return nil
  }

  mutating func hex4() -> UInt32? {
    guard index + 4 <= bytes.count else { return nil }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[index]
      index += 1
      switch byte {
      case 0x30...0x39: value = value << 4 | UInt32(byte - 0x30)
      case 0x41...0x46: value = value << 4 | UInt32(byte - 0x41 + 10)
      case 0x61...0x66: value = value << 4 | UInt32(byte - 0x61 + 10)
      default: return nil
      }
    }
    return value
  }

  /// Skips any value, checking its syntax.
  mutating func skipValue(depth: Int) -> Bool {
    guard depth < 512, index < bytes.count else { return false }
    switch bytes[index] {
    case UInt8(ascii: "\""): return rawString() != nil
    case UInt8(ascii: "{"), UInt8(ascii: "["):
      let close = bytes[index] == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
      let isObject = close == UInt8(ascii: "}")
      index += 1
      skipSpace()
      if index < bytes.count, bytes[index] == close {
        index += 1
        return true
      }
      while true {
        skipSpace()
        if isObject {
          guard rawString() != nil else { return false }
          skipSpace()
          guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return false }
          index += 1
          skipSpace()
        }
        guard skipValue(depth: depth + 1) else { return false }
        skipSpace()
        guard index < bytes.count else { return false }
        if bytes[index] == UInt8(ascii: ",") {
          index += 1
          continue
        }
        guard bytes[index] == close else { return false }
        index += 1
        return true
      }
    case UInt8(ascii: "t"): return literal("true")
    case UInt8(ascii: "f"): return literal("false")
    case UInt8(ascii: "n"): return literal("null")
    default: return number()
    }
  }

  mutating func literal(_ word: StaticString) -> Bool {
    let length = word.utf8CodeUnitCount
    guard index + length <= bytes.count else { return false }
    for offset in 0..<length where bytes[index + offset] != word.utf8Start[offset] { return false }
    index += length
    return true
  }

  mutating func number() -> Bool {
    let start = index
    if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
    let digits = index
    while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
    guard index > digits else { return false }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      let fraction = index
      while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
      guard index > fraction else { return false }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
      let exponent = index
      while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
      guard index > exponent else { return false }
    }
    return index > start
  }
}
