import Foundation

/// A page layout from `Templates/` with named slots. `{{name}}` is a text slot: its value is
/// escaped (quotes included, so it may stand in an attribute). `{{{name}}}` is a raw slot for HTML the report generated itself
/// (navigation, page content). The two kinds have different names, so a slot cannot change kind
/// by accident.
public struct Layout: Sendable {
  enum Segment: Sendable, Equatable {
    case literal(String)
    case text(String)
    case raw(String)
  }

  let segments: [Segment]

  public init(template: String) {
    var segments: [Segment] = []
    var rest = Substring(template)
    while let open = rest.range(of: "{{") {
      segments.append(.literal(String(rest[..<open.lowerBound])))
      let isRaw = rest[open.upperBound...].hasPrefix("{")
      let closing = isRaw ? "}}}" : "}}"
      let nameStart = isRaw ? rest.index(after: open.upperBound) : open.upperBound
      guard let close = rest[nameStart...].range(of: closing) else {
        segments.append(.literal(String(rest[open.lowerBound...])))
        rest = ""
        break
      }
      let name = rest[nameStart..<close.lowerBound].trimmingCharacters(in: .whitespaces)
      segments.append(isRaw ? .raw(name) : .text(name))
      rest = rest[close.upperBound...]
    }
    segments.append(.literal(String(rest)))
    self.segments = segments.filter { $0 != .literal("") }
  }

  /// The names of the text slots and of the raw slots, for checks.
  public var slotNames: (text: Set<String>, raw: Set<String>) {
    var text = Set<String>()
    var raw = Set<String>()
    for segment in segments {
      if case .text(let name) = segment { text.insert(name) }
      if case .raw(let name) = segment { raw.insert(name) }
    }
    return (text, raw)
  }

  public func render(text: [String: String], raw: [String: HTML]) throws(ShareLensError) -> String {
    var out = ""
    for segment in segments {
      switch segment {
      case .literal(let literal): out += literal
      case .text(let name):
        guard let value = text[name] else { throw ShareLensError(.templateSlot(name)) }
        // Escaped for an attribute value, which is also right for element text.
        out += Escaping.htmlAttribute(value)
      case .raw(let name):
        guard let value = raw[name] else { throw ShareLensError(.templateSlot("{" + name + "}")) }
        out += value.source
      }
    }
    return out
  }
}
