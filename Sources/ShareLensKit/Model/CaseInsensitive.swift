import Foundation

/// Case-insensitive matching of the report's fixed ASCII tokens against data: plain ASCII text
/// (nearly every user agent, path and field name) byte by byte, in place; other text through
/// Foundation, which folds Unicode case.
enum CaseInsensitive {
  /// Whether `text` contains `token`.
  static func contains(_ text: String, _ token: String) -> Bool {
    ASCIIText.search(text, token, foldingCase: true) ?? (text.range(of: token, options: .caseInsensitive) != nil)
  }

  /// Whether two strings are equal ignoring case (ASCII fast, Foundation otherwise).
  static func equal(_ text: String, _ other: String) -> Bool {
    guard ASCIIText.isASCII(text) else { return text.caseInsensitiveCompare(other) == .orderedSame }
    return text.utf8.count == other.utf8.count && contains(text, other)
  }

  /// Whether `text` starts with `prefix` once lower-cased (`text.lowercased().hasPrefix(prefix)`
  /// for a lower-case ASCII `prefix`).
  static func hasLowercasedPrefix(_ text: String, _ prefix: String) -> Bool {
    guard ASCIIText.isASCII(text) else { return text.lowercased().hasPrefix(prefix) }
    return lowercasedMatch(text, prefix, atEnd: false)
  }

  /// `text.lowercased().hasSuffix(suffix)` for a lower-case ASCII `suffix`.
  static func hasLowercasedSuffix(_ text: String, _ suffix: String) -> Bool {
    guard ASCIIText.isASCII(text) else { return text.lowercased().hasSuffix(suffix) }
    return lowercasedMatch(text, suffix, atEnd: true)
  }

  private static func lowercasedMatch(_ text: String, _ part: String, atEnd: Bool) -> Bool {
    ASCIIText.withBytes(of: text) { text in
      ASCIIText.withBytes(of: part) { part in
        guard text.count >= part.count else { return false }
        let start = atEnd ? text.count - part.count : 0
        for offset in 0..<part.count where lowered(text[start + offset]) != part[offset] { return false }
        return true
      }
    }
  }

  @inline(__always)
  static func lowered(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
}

/// Searches in ASCII text, byte by byte and without copying. On ASCII text a byte search finds
/// exactly what `String`'s character search finds; text with other characters is left to the
/// caller (nil), since there characters and bytes can differ (combining marks, canonical
/// equivalents).
enum ASCIIText {
  /// The string's UTF-8 bytes, in place when it is stored in one piece (as strings made here are),
  /// without the copy into a `var` that `withUTF8` needs (and its reference counting).
  @inline(__always)
  static func withBytes<Result>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
    var copy = text
    return copy.withUTF8(body)
  }

  /// Whether every byte of `text` is ASCII.
  static func isASCII(_ text: String) -> Bool {
    withBytes(of: text) { isASCII($0) }
  }

  static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    var index = 0
    var high: UInt64 = 0
    while index + 8 <= bytes.count {
      high |= SWAR.word(UnsafeRawPointer(base), index)
      index += 8
    }
    while index < bytes.count {
      high |= UInt64(bytes[index])
      index += 1
    }
    return high & 0x8080_8080_8080_8080 == 0
  }

  /// `text.lowercased()`: on ASCII text (where Unicode case mapping changes only A–Z) byte by byte,
  /// and the text itself when it has no capital; other text through the standard library.
  static func lowercased(_ text: String) -> String {
    let ascii: String? = withBytes(of: text) { bytes in
      guard isASCII(bytes) else { return nil }
      return isLowercaseASCII(bytes) ? text : lowercasedString(bytes)
    }
    return ascii ?? text.lowercased()
  }

  /// ASCII bytes as a string, lower-cased.
  static func lowercasedString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    String(unsafeUninitializedCapacity: bytes.count) { out in
      for index in 0..<bytes.count { out[index] = CaseInsensitive.lowered(bytes[index]) }
      return bytes.count
    }
  }

  /// Whether the bytes are ASCII without a capital letter (text `lowercased()` leaves as it is),
  /// eight at a time.
  static func isLowercaseASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    // A byte is a capital when it is at least "A" (0x41) and below "[" (0x5B). Added to a byte's
    // low seven bits, 0x3F reaches the top bit from "A" up and 0x25 from "[" up, with no carry
    // into the next byte.
    func capitalOrHigh(_ word: UInt64) -> UInt64 {
      let seven = word & SWAR.low
      let atLeastA = (seven &+ 0x3F3F_3F3F_3F3F_3F3F) & 0x8080_8080_8080_8080
      let atLeastBracket = (seven &+ 0x2525_2525_2525_2525) & 0x8080_8080_8080_8080
      return (atLeastA & ~atLeastBracket) | (word & 0x8080_8080_8080_8080)
    }
    guard let base = bytes.baseAddress else { return true }
    var index = 0
    while index + 8 <= bytes.count {
      if capitalOrHigh(SWAR.word(UnsafeRawPointer(base), index)) != 0 { return false }
      index += 8
    }
    while index < bytes.count {
      let byte = bytes[index]
      if (0x41...0x5A).contains(byte) || byte >= 0x80 { return false }
      index += 1
    }
    return true
  }

  /// Whether `text` contains `token` (ignoring ASCII case with `foldingCase`); nil when either is
  /// not ASCII.
  static func search(_ text: String, _ token: String, foldingCase: Bool = false) -> Bool? {
    withBytes(of: text) { haystack in
      withBytes(of: token) { needle in
        guard isASCII(haystack), isASCII(needle) else { return nil }
        return firstIndex(of: needle, in: haystack, foldingCase: foldingCase) != nil
      }
    }
  }

  /// Where `needle` first starts in `haystack` at or after `from`.
  static func firstIndex(
    of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from: Int = 0,
    foldingCase: Bool
  ) -> Int? {
    guard !needle.isEmpty else { return from }
    guard haystack.count - from >= needle.count else { return nil }
    // Candidates for the first byte (either case when folding), eight bytes at a time.
    let first = foldingCase ? CaseInsensitive.lowered(needle[0]) : needle[0]
    let other = foldingCase && first >= 0x61 && first <= 0x7A ? first - 0x20 : first
    let last = haystack.count - needle.count
    var start = from
    while true {
      start = SWAR.firstIndex(of: first, or: other, in: haystack, from: start)
      guard start <= last else { return nil }
      var offset = 1
      while offset < needle.count {
        let next = haystack[start + offset]
        let wanted = needle[offset]
        if foldingCase ? CaseInsensitive.lowered(next) != CaseInsensitive.lowered(wanted) : next != wanted { break }
        offset += 1
      }
      if offset == needle.count { return start }
      start += 1
    }
  }
}
