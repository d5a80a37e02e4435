import Foundation

/// A piece of Markdown that is safe to place in a document. String literals written in the code
/// are trusted as Markdown; every interpolated value is escaped as Markdown text, so a page builder
/// cannot forget to escape data:
///
///     let line: Markdown = "Read \(fileCount) files from \(folderName)."
public struct Markdown: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
  public private(set) var source: String

  public init(stringLiteral value: String) { source = value }
  public init(stringInterpolation: Interpolation) { source = stringInterpolation.source }
  init(trusted source: String) { self.source = source }

  public var description: String { source }

  public struct Interpolation: StringInterpolationProtocol {
    var source = ""
    public init(literalCapacity: Int, interpolationCount: Int) {
      source.reserveCapacity(literalCapacity + interpolationCount * 16)
    }
    public mutating func appendLiteral(_ literal: String) { source += literal }
    /// Data: escaped.
    public mutating func appendInterpolation(_ text: String) { source += Escaping.markdownText(text) }
    /// Already-safe Markdown (built by the same rules).
    public mutating func appendInterpolation(_ markdown: Markdown) { source += markdown.source }
    /// A count, formatted the same way everywhere.
    public mutating func appendInterpolation(_ number: Int) { source += Format.count(number) }
    /// A time, formatted the same way everywhere.
    public mutating func appendInterpolation(_ date: Date) { source += Format.timestamp(date) }
  }

  public static func + (lhs: Markdown, rhs: Markdown) -> Markdown {
    Markdown(trusted: lhs.source + rhs.source)
  }

  /// Inline code: the value is shown verbatim, in a code span that no backtick run inside can close.
  public static func code(_ value: String) -> Markdown {
    // Code spans take their content literally and cmark escapes it for HTML itself; only line
    // breaks (which could end the paragraph) and control characters need replacing.
    let flat = String(
      String.UnicodeScalarView(
        Escaping.neutralized(value).map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }))
    // Backticks counted as bytes, as libcmark counts them: a backtick followed by a combining mark
    // is one Character, not equal to "`", but it still ends a code span.
    var longestRun = 0
    var run = 0
    for byte in flat.utf8 {
      if byte == UInt8(ascii: "`") { run += 1; longestRun = max(longestRun, run) } else { run = 0 }
    }
    let fence = String(repeating: "`", count: longestRun + 1)
    // A space inside the fence only where a backtick or space would otherwise touch it.
    let first = flat.utf8.first
    let pad = first == UInt8(ascii: "`") || flat.utf8.last == UInt8(ascii: "`") || first == UInt8(ascii: " ") ? " " : ""
    return Markdown(trusted: fence + pad + flat + pad + fence)
  }

  /// A link to another page of the report (a relative URL chosen by the code, never by data).
  public static func link(_ text: Markdown, to page: String) -> Markdown {
    Markdown(trusted: "[\(text.source)](\(page))")
  }
}
