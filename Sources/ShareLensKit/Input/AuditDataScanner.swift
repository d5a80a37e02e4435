/// A fast reader for AuditData: one pass over the JSON bytes that checks the whole document's
/// syntax and keeps only the fields the report uses, instead of building every object and string
/// (Foundation's JSONSerialization spends most of a large build there). Keys are compared in place
/// and values become strings only when they are kept. A document it cannot read returns nil, and
/// the caller falls back to JSONSerialization, which says why.
struct AuditDataScanner {
  /// The names the scanner looks for, in tables made once and never freed, read through pointers.
  /// Arrays held by each scanner were retained and released for every document by both parsing
  /// threads at once, on one shared reference count.
  struct Tables: @unchecked Sendable {
    /// Every kept top-level key's bytes one after another, and where each starts (by `Key`).
    let names: UnsafeBufferPointer<UInt8>
    let nameStarts: UnsafeBufferPointer<Int>
    /// The keys ordered by the length of their names, and where each length starts.
    let keysByLength: UnsafeBufferPointer<Int>
    let lengthStarts: UnsafeBufferPointer<Int>
    let appAccessContext: UnsafeBufferPointer<UInt8>
    let modifiedProperties: UnsafeBufferPointer<UInt8>
    let newValue: UnsafeBufferPointer<UInt8>
    let clientAppName: UnsafeBufferPointer<UInt8>
    let correlationId: UnsafeBufferPointer<UInt8>

    init() {
      let keys = AuditFields.Key.allCases
      names = Self.kept(keys.flatMap { Array($0.name.utf8) })
      nameStarts = Self.kept(keys.reduce(into: [0]) { $0.append($0.last! + $1.name.utf8.count) })
      keysByLength = Self.kept(
        keys.sorted { ($0.name.utf8.count, $0.rawValue) < ($1.name.utf8.count, $1.rawValue) }.map(\.rawValue))
      lengthStarts = Self.kept((0...33).map { length in keys.filter { $0.name.utf8.count < length }.count })
      appAccessContext = Self.kept(Array("AppAccessContext".utf8))
      modifiedProperties = Self.kept(Array("ModifiedProperties".utf8))
      newValue = Self.kept(Array("NewValue".utf8))
      clientAppName = Self.kept(Array("ClientAppName".utf8))
      correlationId = Self.kept(Array("CorrelationId".utf8))
    }

    /// A copy that lives as long as the process.
    static func kept<Element>(_ array: [Element]) -> UnsafeBufferPointer<Element> {
      let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: array.count)
      _ = buffer.initialize(from: array)
      return UnsafeBufferPointer(buffer)
    }
  }

  static let tables = Tables()

  let bytes: UnsafeBufferPointer<UInt8>
  var index = 0
  /// The JSON is read as it sits inside a quoted CSV field: every quote character doubled.
  var doubledQuotes = false
  /// Line breaks skipped between tokens (a string cannot hold one).
  var lineBreaks = 0
  /// Fetched once a document rather than once a key (each global costs a call).
  let tables = Self.tables

  /// A string in the input: its bytes between the quotes, and whether escapes must be resolved.
  struct Span {
    var start: Int
    var end: Int
    var escaped: Bool
  }

  /// The fields as AuditRecordDecoder reads them, or nil when the bytes are not one valid JSON object.
  static func scan(_ data: [UInt8]) -> AuditFields? {
    data.withUnsafeBufferPointer { scan($0) }
  }

  static func scan(_ buffer: UnsafeBufferPointer<UInt8>) -> AuditFields? {
    var scanner = AuditDataScanner(bytes: buffer)
    var fields = AuditFields()
    scanner.skipSpace()
    guard scanner.topLevel(into: &fields) else { return nil }
    scanner.skipSpace()
    return scanner.index == buffer.count ? fields : nil
  }

  /// AuditData straight from a CSV chunk: `start` is the opening quote of the field, whose quote
  /// characters are doubled. The fields, the offset just past the closing quote and the line breaks
  /// inside; nil unless the field is exactly one valid JSON object, every quote in it doubled, and a
  /// comma follows it. (Then it reads as `scan` reads the unquoted field; anything else is left to
  /// unquoting and `scan`, which say what is wrong.) This saves copying the field and walking it twice.
  static func scanQuotedField(_ buffer: UnsafeBufferPointer<UInt8>, at start: Int) -> (
    fields: AuditFields, end: Int, lineBreaks: Int
  )? {
    var fields = AuditFields()
    return scanQuotedField(buffer, at: start, into: &fields).map { (fields, $0.end, $0.lineBreaks) }
  }

  /// `scanQuotedField` into `fields`, which are cleared first and keep their storage (a parsing
  /// thread reads every record into one value); on nil they hold nothing to rely on.
  static func scanQuotedField(_ buffer: UnsafeBufferPointer<UInt8>, at start: Int, into fields: inout AuditFields)
    -> (end: Int, lineBreaks: Int)?
  {
    guard start < buffer.count, buffer[start] == UInt8(ascii: "\"") else { return nil }
    var scanner = AuditDataScanner(bytes: buffer)
    scanner.doubledQuotes = true
    scanner.index = start + 1
    fields.clear()
    scanner.skipSpace()
    guard scanner.topLevel(into: &fields) else { return nil }
    scanner.skipSpace()
    let close = scanner.index
    guard close + 1 < buffer.count, buffer[close] == UInt8(ascii: "\""), buffer[close + 1] == UInt8(ascii: ",")
    else { return nil }
    return (close + 1, scanner.lineBreaks)
  }

  @inline(__always)
  mutating func skipSpace() {
    while index < bytes.count {
      let byte = bytes[index]
      guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
      if byte == 0x0A { lineBreaks += 1 }
      index += 1
    }
  }

  /// At a quote character of the JSON (two in a row when quotes are doubled).
  @inline(__always)
  func atQuote(_ offset: Int) -> Bool {
    guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { return false }
    return !doubledQuotes || (offset + 1 < bytes.count && bytes[offset + 1] == UInt8(ascii: "\""))
  }

  func matches(_ span: Span, _ name: UnsafeBufferPointer<UInt8>) -> Bool {
    if span.escaped { return text(span).utf8.elementsEqual(name) }
    guard span.end - span.start == name.count else { return false }
    return Self.equal(
      UnsafeRawPointer(bytes.baseAddress! + span.start), UnsafeRawPointer(name.baseAddress!), count: name.count)
  }

  func key(_ span: Span) -> AuditFields.Key? {
    if span.escaped { return AuditFields.Key.allCases.first { $0.name == text(span) } }
    let length = span.end - span.start
    guard length + 1 < tables.lengthStarts.count else { return nil }
    let raw = UnsafeRawPointer(bytes.baseAddress! + span.start)
    for index in tables.lengthStarts[length]..<tables.lengthStarts[length + 1] {
      let key = tables.keysByLength[index]
      if Self.equal(raw, tables.names.baseAddress! + tables.nameStarts[key], count: length) {
        return AuditFields.Key(rawValue: key)
      }
    }
    return nil
  }

  /// Whether `count` bytes at `a` and `b` are the same, eight at a time.
  @inline(__always)
  static func equal(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, count: Int) -> Bool {
    var offset = 0
    while offset + 8 <= count {
      if a.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        != b.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
      {
        return false
      }
      offset += 8
    }
    while offset < count {
      if a.load(fromByteOffset: offset, as: UInt8.self) != b.load(fromByteOffset: offset, as: UInt8.self) {
        return false
      }
      offset += 1
    }
    return true
  }

  /// Walks the members of an object, calling `member` with each key once the index is on its value;
  /// `member` must consume the value. False on a syntax error.
  @inline(__always)
  mutating func members(_ member: (inout AuditDataScanner, Span) -> Bool) -> Bool {
    guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return false }
    index += 1
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return true
    }
    while true {
      skipSpace()
      guard let key = stringSpan() else { return false }
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return false }
      index += 1
      skipSpace()
      guard member(&self, key) else { return false }
      guard closeOrContinue(UInt8(ascii: "}")) else { return false }
      if bytes[index - 1] == UInt8(ascii: "}") { return true }
    }
  }

  /// After a member or element: consumes `,` or the closing bracket. False on anything else.
  @inline(__always)
  mutating func closeOrContinue(_ close: UInt8) -> Bool {
    skipSpace()
    guard index < bytes.count, bytes[index] == UInt8(ascii: ",") || bytes[index] == close else { return false }
    index += 1
    return true
  }

  /// AuditData itself: the kept keys, `AppAccessContext` and `ModifiedProperties`. A key given
  /// twice keeps its last scalar value.
  mutating func topLevel(into fields: inout AuditFields) -> Bool {
    members { scanner, key in
      let next = scanner.index < scanner.bytes.count ? scanner.bytes[scanner.index] : 0
      if let wanted = scanner.key(key) {
        guard let value = scanner.scalarText() else { return false }
        if let value { fields[wanted] = value }
        return true
      }
      if next == UInt8(ascii: "{"), scanner.matches(key, scanner.tables.appAccessContext) {
        var client: String?
        var correlation: String?
        let valid = scanner.members { scanner, key in
          if scanner.matches(key, scanner.tables.clientAppName) || scanner.matches(key, scanner.tables.correlationId) {
            guard let value = scanner.scalarText() else { return false }
            if let value {
              if scanner.matches(key, scanner.tables.clientAppName) { client = value } else { correlation = value }
            }
            return true
          }
          return scanner.skipValue(depth: 0)
        }
        fields.contextClientAppName = client
        fields.contextCorrelationId = correlation
        return valid
      }
      if next == UInt8(ascii: "["), scanner.matches(key, scanner.tables.modifiedProperties) {
        guard let list = scanner.propertyList() else { return false }
        fields.newValues = list
        return true
      }
      return scanner.skipValue(depth: 0)
    }
  }

  /// `ModifiedProperties`: a list of objects whose `NewValue` strings are kept.
  mutating func propertyList() -> [String]? {
    index += 1
    var list: [String] = []
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return list
    }
    while true {
      skipSpace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "{") {
        var value: String?
        let valid = members { scanner, key in
          guard scanner.matches(key, scanner.tables.newValue) else { return scanner.skipValue(depth: 0) }
          guard let text = scanner.scalarText() else { return false }
          if let text { value = text }
          return true
        }
        guard valid else { return nil }
        if let value { list.append(value) }
      } else {
        guard skipValue(depth: 0) else { return nil }
      }
      guard closeOrContinue(UInt8(ascii: "]")) else { return nil }
      if bytes[index - 1] == UInt8(ascii: "]") { return list }
    }
  }

  /// A kept value: a string (decoded), or a number or literal (as its text); `.some(nil)` for
  /// null or a nested value (skipped); nil on a syntax error.
  mutating func scalarText() -> String?? {
    guard index < bytes.count else { return nil }
    switch bytes[index] {
    case UInt8(ascii: "\""):
      guard let span = stringSpan() else { return nil }
      return .some(text(span))
    case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "n"):
      guard skipValue(depth: 0) else { return nil }
      return .some(nil)
    default:
      let start = index
      guard skipValue(depth: 0) else { return nil }
      return .some(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
    }
  }

  /// A string's text, escapes resolved (`\/` included).
  func text(_ span: Span) -> String {
    let raw = UnsafeBufferPointer(rebasing: bytes[span.start..<span.end])
    guard span.escaped else { return String(decoding: raw, as: UTF8.self) }
    var out: [UInt8] = []
    out.reserveCapacity(raw.count)
    var index = 0
    while index < raw.count {
      let byte = raw[index]
      index += 1
      guard byte == UInt8(ascii: "\\") else {
        out.append(byte)
        continue
      }
      let escape = raw[index]
      index += 1
      switch escape {
      case UInt8(ascii: "\""):
        out.append(escape)
        if doubledQuotes { index += 1 }
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "u"):
        var scalar = Self.hex4(raw, index)!
        index += 4
        if (0xD800...0xDBFF).contains(scalar), index + 1 < raw.count, raw[index] == UInt8(ascii: "\\"),
          raw[index + 1] == UInt8(ascii: "u"), let low = Self.hex4(raw, index + 2), (0xDC00...0xDFFF).contains(low)
        {
          index += 6
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        }
        out.append(contentsOf: Array(String(Unicode.Scalar(scalar) ?? "\u{FFFD}").utf8))
      default: out.append(escape)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Steps over a string, checking its escapes; nil on a syntax error.
  mutating func stringSpan() -> Span? {
    guard atQuote(index) else { return nil }
    index += doubledQuotes ? 2 : 1
    let start = index
    var escaped = false
    let base = UnsafeRawPointer(bytes.baseAddress!)  // not empty: it holds the opening quote
    while index < bytes.count {
      // Plain bytes eight at a time, up to the first quote, backslash or control character.
      while index + 8 <= bytes.count {
        let word = SWAR.word(base, index)
        let special =
          SWAR.equal(word, UInt8(ascii: "\"")) | SWAR.equal(word, UInt8(ascii: "\\")) | SWAR.control(word)
        if special != 0 {
          index += special.trailingZeroBitCount >> 3
          break
        }
        index += 8
      }
      guard index < bytes.count else { return nil }
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        guard atQuote(index) else { return nil }
        let end = index
        index += doubledQuotes ? 2 : 1
        return Span(start: start, end: end, escaped: escaped)
      }
      if byte < 0x20 { return nil }
      index += 1
      guard byte == UInt8(ascii: "\\") else { continue }
      escaped = true
      guard index < bytes.count else { return nil }
      let escape = bytes[index]
      index += 1
      switch escape {
      case UInt8(ascii: "\""):
        // `\"`: the quote doubled too when quotes are.
        guard atQuote(index - 1) else { return nil }
        if doubledQuotes { index += 1 }
      case UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"),
        UInt8(ascii: "r"), UInt8(ascii: "t"):
        continue
      case UInt8(ascii: "u"):
        guard let scalar = Self.hex4(bytes, index) else { return nil }
        index += 4
        // A high surrogate followed by `\u` must pair with a low one.
        if (0xD800...0xDBFF).contains(scalar), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
          bytes[index + 1] == UInt8(ascii: "u")
        {
          guard let low = Self.hex4(bytes, index + 2), (0xDC00...0xDFFF).contains(low) else { return nil }
          index += 6
        }
      default: return nil
      }
    }
    return nil
  }

  static func hex4(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> UInt32? {
    guard start + 4 <= bytes.count else { return nil }
    var value: UInt32 = 0
    for offset in 0..<4 {
      let byte = bytes[start + offset]
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
    case UInt8(ascii: "\""): return stringSpan() != nil
    case UInt8(ascii: "{"): return members { scanner, _ in scanner.skipValue(depth: depth + 1) }
    case UInt8(ascii: "["):
      index += 1
      skipSpace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
        index += 1
        return true
      }
      while true {
        skipSpace()
        guard skipValue(depth: depth + 1), closeOrContinue(UInt8(ascii: "]")) else { return false }
        if bytes[index - 1] == UInt8(ascii: "]") { return true }
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
