/// Escaping for each context a data-derived string can land in. Every string read from an input
/// file is attacker-controlled; it passes through exactly one of these before it is placed.
public enum Escaping {
  /// Text inside a Markdown paragraph, heading, list item or table of contents. Line breaks become
  /// spaces (inline text never starts a block of its own); the characters that start inline markup
  /// (emphasis, code, links, raw HTML, entities, escapes) are backslash-escaped everywhere, and the
  /// ones that start a block (`#`, `-`, `1.` …) where the value begins, which is the only place
  /// they can act. Other punctuation stays as it is, so the Markdown stays readable.
  public static func markdownText(_ value: String) -> String {
    var out = ""
    out.unicodeScalars.reserveCapacity(value.unicodeScalars.count + 8)
    let scalars = neutralized(value).map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }
    let leadingDigits = scalars.prefix { ("0"..."9").contains($0) }.count
    for (index, scalar) in scalars.enumerated() {
      let escape: Bool
      if inlineMarkup.contains(scalar) {
        escape = true
      } else if index == 0 {
        escape = blockStart.contains(scalar)
      } else {
        escape = index == leadingDigits && (scalar == "." || scalar == ")")
      }
      if escape { out.unicodeScalars.append("\\") }
      out.unicodeScalars.append(scalar)
    }
    return out
  }

  private static let inlineMarkup: Set<Unicode.Scalar> = [
    "\\", "`", "*", "_", "[", "]", "<", ">", "&", "!", "~", "|", "#",
  ]
  private static let blockStart: Set<Unicode.Scalar> = ["+", "-", "="]

  /// Text inside an HTML element (including the HTML blocks of the Markdown documents). Line breaks
  /// become character references so that a value can never end an HTML block with a blank line.
  public static func htmlText(_ value: String) -> String {
    html(value, quotes: false)
  }

  /// A double-quoted HTML attribute value.
  public static func htmlAttribute(_ value: String) -> String {
    html(value, quotes: true)
  }

  private static func html(_ value: String, quotes: Bool) -> String {
    // Most values need nothing: plain ASCII without markup characters passes as it is.
    if ASCIIText.withBytes(of: value, { plainHTML($0, quotes: quotes) }) { return value }
    var out: [UInt8] = []
    out.reserveCapacity(value.utf8.count + 16)
    escapeHTML(value, quotes: quotes, into: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// `htmlText` (or, with `quotes`, `htmlAttribute`) appended to `out` as UTF-8, for writers that
  /// build a page's bytes without a string per value.
  static func appendHTML(_ value: String, quotes: Bool, to out: inout [UInt8]) {
    let plain = ASCIIText.withBytes(of: value) { bytes in
      guard plainHTML(bytes, quotes: quotes) else { return false }
      out.append(contentsOf: bytes)
      return true
    }
    if !plain { escapeHTML(value, quotes: quotes, into: &out) }
  }

  /// Written as bytes, runs of bytes that need nothing copied whole: appending scalar by scalar
  /// to a String cost more than the rest of a page. A Swift string's UTF-8 is always valid, so the
  /// characters `neutralized` replaces are known by their bytes: C0 controls and DEL, C1 controls
  /// (C2 80…C2 9F) and the bidirectional controls (E2 80 AA…AE, E2 81 A6…A9).
  private static func escapeHTML(_ value: String, quotes: Bool, into out: inout [UInt8]) {
    ASCIIText.withBytes(of: value) { bytes in
      var index = 0
      var run = 0
      func replace(_ count: Int, with replacement: StaticString) {
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
        out.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
        index += count
        run = index
      }
      func byte(_ offset: Int) -> UInt8 { index + offset < bytes.count ? bytes[index + offset] : 0 }
      while index < bytes.count {
        switch bytes[index] {
        case UInt8(ascii: "&"): replace(1, with: "&amp;")
        case UInt8(ascii: "<"): replace(1, with: "&lt;")
        case UInt8(ascii: ">"): replace(1, with: "&gt;")
        case UInt8(ascii: "\"") where quotes: replace(1, with: "&quot;")
        case UInt8(ascii: "'") where quotes: replace(1, with: "&#39;")
        case 0x0A: replace(1, with: "&#10;")
        case 0x0D: replace(1, with: "&#13;")
        case 0x09: index += 1
        case 0x00...0x1F, 0x7F: replace(1, with: "\u{FFFD}")
        case 0xC2 where (0x80...0x9F).contains(byte(1)): replace(2, with: "\u{FFFD}")
        case 0xE2
        where (byte(1) == 0x80 && (0xAA...0xAE).contains(byte(2)))
          || (byte(1) == 0x81 && (0xA6...0xA9).contains(byte(2))):
          replace(3, with: "\u{FFFD}")
        default: index += 1
        }
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
    }
  }

  /// Whether the bytes are printable ASCII without `<`, `>`, `&` (and quotes, for an attribute):
  /// text that needs no escaping. Eight bytes at a time (`SWAR`).
  static func plainHTML(_ bytes: UnsafeBufferPointer<UInt8>, quotes: Bool) -> Bool {
    func special(_ word: UInt64) -> UInt64 {
      var found =
        SWAR.control(word) | (word & 0x8080_8080_8080_8080) | SWAR.equal(word, 0x7F)
        | SWAR.equal(word, UInt8(ascii: "<")) | SWAR.equal(word, UInt8(ascii: ">"))
        | SWAR.equal(word, UInt8(ascii: "&"))
      if quotes { found |= SWAR.equal(word, UInt8(ascii: "\"")) | SWAR.equal(word, UInt8(ascii: "'")) }
      return found
    }
    guard let base = bytes.baseAddress else { return true }
    var index = 0
    while index + 8 <= bytes.count {
      if special(SWAR.word(UnsafeRawPointer(base), index)) != 0 { return false }
      index += 8
    }
    // The last bytes in a word of spaces, which need nothing.
    var tail: UInt64 = 0x2020_2020_2020_2020
    withUnsafeMutableBytes(of: &tail) {
      $0.copyMemory(from: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[index...])))
    }
    return special(UInt64(littleEndian: tail)) == 0
  }

  /// A CSS string literal's content: everything but ASCII letters and digits as a six-digit hex
  /// escape, so no quote, backslash, line break or `</style>` can end the string or the style (spaces
  /// too: a space right after an escape would be taken as part of it).
  public static func cssString(_ value: String) -> String {
    var out = ""
    for scalar in neutralized(value) {
      if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
        out.unicodeScalars.append(scalar)
      } else {
        let hex = String(scalar.value, radix: 16)
        out += "\\" + String(repeating: "0", count: max(0, 6 - hex.count)) + hex
      }
    }
    return out
  }

  /// Text for a terminal (stderr messages): control characters, including escape sequences that
  /// could retitle or rewrite the terminal, and bidirectional overrides become U+FFFD.
  public static func terminal(_ value: String) -> String {
    String(
      String.UnicodeScalarView(neutralized(value).map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? "\u{FFFD}" : $0 }))
  }

  /// Control characters (other than tab, CR and LF) and the bidirectional overrides that can make a
  /// file name read backwards ("gpj.exe") are replaced with U+FFFD, visibly.
  static func neutralized(_ value: String) -> [Unicode.Scalar] {
    value.unicodeScalars.map(neutralized)
  }

  static func neutralized(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    switch scalar.value {
    case 0x09, 0x0A, 0x0D: return scalar
    case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return "\u{FFFD}"
    default: return scalar
    }
  }
}
