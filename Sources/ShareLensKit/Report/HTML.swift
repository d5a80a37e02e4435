/// A fragment of HTML for the HTML blocks inside the Markdown documents (tables, figures).
/// Literals are trusted; interpolated strings are escaped as HTML text, or as an attribute value
/// with `\(attribute:)`.
public struct HTML: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
  public private(set) var source: String

  public init(stringLiteral value: String) { source = value }
  public init(stringInterpolation: Interpolation) { source = stringInterpolation.source }

  public var description: String { source }

  public struct Interpolation: StringInterpolationProtocol {
    var source = ""
    public init(literalCapacity: Int, interpolationCount: Int) {
      source.reserveCapacity(literalCapacity + interpolationCount * 16)
    }
    public mutating func appendLiteral(_ literal: String) { source += literal }
    public mutating func appendInterpolation(_ text: String) { source += Escaping.htmlText(text) }
    public mutating func appendInterpolation(attribute value: String) {
      source += Escaping.htmlAttribute(value)
    }
    public mutating func appendInterpolation(_ html: HTML) { source += html.source }
    public mutating func appendInterpolation(_ number: Int) { source += Format.count(number) }
  }

  public static func + (lhs: HTML, rhs: HTML) -> HTML {
    var joined = lhs
    joined.source += rhs.source
    return joined
  }
}
