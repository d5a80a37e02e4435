import Foundation

/// Case-insensitive matching of the report's fixed ASCII tokens against data: plain ASCII text
/// (nearly every user agent, path and field name) byte by byte; other text through Foundation,
/// which folds Unicode case.
enum CaseInsensitive {
  /// Whether `text` contains `token`.
  static func contains(_ text: String, _ token: String) -> Bool {
    guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.range(of: token, options: .caseInsensitive) != nil }
    let needle = Array(token.utf8).map(lowered)
    guard let first = needle.first else { return true }
    let haystack = Array(text.utf8)
    guard haystack.count >= needle.count else { return false }
    for start in 0...(haystack.count - needle.count) where lowered(haystack[start]) == first {
      var offset = 1
      while offset < needle.count, lowered(haystack[start + offset]) == needle[offset] { offset += 1 }
      if offset == needle.count { return true }
    }
    return false
  }

  /// Whether two strings are equal ignoring case (ASCII fast, Foundation otherwise).
  static func equal(_ text: String, _ other: String) -> Bool {
    guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.caseInsensitiveCompare(other) == .orderedSame }
    return text.utf8.count == other.utf8.count && contains(text, other)
  }

  @inline(__always)
  static func lowered(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
}
