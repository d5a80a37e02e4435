import Foundation

extension ReportComparer {
  /// A report.json as the comparison reads it. The links, most of a large report, are kept as the
  /// few texts compared, not as decoded JSON: a million-row report's 100,000 links took 340 MB as
  /// JSONSerialization's objects. Everything else is kept as decoded.
  public struct Snapshot {
    /// The report without its links.
    var document: [String: Any]
    var links: [LinkFacts]

    /// From a decoded report.json.
    public init(_ object: [String: Any]) {
      document = object
      document["links"] = nil
      links = list(object["links"]).map(LinkFacts.of)
    }

    init(document: [String: Any], links: [LinkFacts]) {
      self.document = document
      self.links = links
    }

    /// The report `context` gives, as its report.json would read back, without writing it whole.
    init(context: ReportContext) {
      let object = try? JSONSerialization.jsonObject(with: Data(ReportJSON.encodedWithoutLinks(context).utf8))
      var document = object as? [String: Any] ?? [:]
      document["links"] = nil
      self.init(document: document, links: context.links.map { LinkFacts(ReportJSON.Link($0)) })
    }

    subscript(key: String) -> Any? { document[key] }
  }

  /// What the comparison reads of a link, as `text` and `SettingValue.int` read it from the JSON.
  final class LinkFacts: Equatable, Sendable {
    /// A link with none of the facts.
    static let none = LinkFacts([:])

    /// The facts of a link entry; links with none of them (`{}`, or only fields not compared)
    /// share one value.
    static func of(_ entry: [String: Any]) -> LinkFacts {
      guard !entry.isEmpty else { return none }
      let facts = LinkFacts(entry)
      return facts.isBlank ? none : facts
    }

    let id, scope, permission, itemName, siteUrl, createdBy, createdAt, removedAt, lastUsedAt, expiresAt: String?
    let uses: Int?
    /// Read only where two entries share an id (a hand-made file): which one is kept.
    let severity: String?, summary: String?

    init(_ entry: [String: Any]) {
      id = text(entry["id"])
      scope = text(entry["scope"])
      permission = text(entry["permission"])
      itemName = text(entry["itemName"])
      siteUrl = text(entry["siteUrl"])
      createdBy = text(entry["createdBy"])
      createdAt = text(entry["createdAt"])
      removedAt = text(entry["removedAt"])
      lastUsedAt = text(entry["lastUsedAt"])
      expiresAt = text(entry["expiresAt"])
      uses = SettingValue.int(entry["uses"])
      severity = text(entry["severity"])
      summary = text(entry["summary"])
    }

    /// The same facts as `init(_:)` gives for this link written to report.json and read back.
    init(_ link: ReportJSON.Link) {
      id = link.id
      scope = link.scope
      permission = link.permission
      itemName = link.itemName
      siteUrl = link.siteUrl
      createdBy = link.createdBy
      createdAt = link.createdAt
      removedAt = link.removedAt
      lastUsedAt = link.lastUsedAt
      expiresAt = link.expiresAt
      uses = link.uses
      severity = nil
      summary = nil
    }

    static func == (lhs: LinkFacts, rhs: LinkFacts) -> Bool {
      lhs.uses == rhs.uses && lhs.id == rhs.id && lhs.scope == rhs.scope && lhs.permission == rhs.permission
        && lhs.itemName == rhs.itemName && lhs.siteUrl == rhs.siteUrl && lhs.createdBy == rhs.createdBy
        && lhs.createdAt == rhs.createdAt && lhs.removedAt == rhs.removedAt && lhs.lastUsedAt == rhs.lastUsedAt
        && lhs.expiresAt == rhs.expiresAt && lhs.severity == rhs.severity && lhs.summary == rhs.summary
    }

    /// None of the facts.
    var isBlank: Bool {
      uses == nil && id == nil && scope == nil && permission == nil && itemName == nil && siteUrl == nil
        && createdBy == nil && createdAt == nil && removedAt == nil && lastUsedAt == nil && expiresAt == nil
        && severity == nil && summary == nil
    }
  }

  /// A report.json read with its `links` list taken apart: the rest of the document decoded whole,
  /// each link decoded on its own and turned into `LinkFacts` at once, so that the links are never
  /// all decoded together. nil when the bytes are not laid out as expected (no single top-level
  /// `links` list found): the caller then decodes the whole document as it is.
  static func snapshot(_ bytes: UnsafeRawBufferPointer, file: String, links wanted: Bool = true) throws(ShareLensError)
    -> Snapshot?
  {
    guard let layout = JSONLayout(bytes.bindMemory(to: UInt8.self)).linksList() else { return nil }
    var rest = Data(bytes[..<layout.list.lowerBound])
    rest.append(contentsOf: Array("[]".utf8))
    rest.append(contentsOf: bytes[layout.list.upperBound...])
    guard let document = try? JSONSerialization.jsonObject(with: rest) else {
      throw ShareLensError(notJSON, path: file)
    }
    // The links are decoded a batch at a time, `[[link],[link],…]`: each at the depth it has in the
    // file, inside two lists, so the decoder sees it as in the whole document (its nesting limit, no
    // encoding guessed from a link's first bytes, no byte-order mark skipped). One call per link
    // cost ten times as much on a file of empty links.
    var links: [LinkFacts] = []
    if wanted { links.reserveCapacity(layout.elements.count) }
    var batch: [UInt8] = []
    for start in stride(from: 0, to: layout.elements.count, by: 256) {
      batch.removeAll(keepingCapacity: true)
      batch.append(UInt8(ascii: "["))
      for range in layout.elements[start..<min(start + 256, layout.elements.count)] {
        if batch.count > 1 { batch.append(UInt8(ascii: ",")) }
        batch.append(UInt8(ascii: "["))
        batch.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[range]))
        batch.append(UInt8(ascii: "]"))
      }
      batch.append(UInt8(ascii: "]"))
      // Checked even when the links are not wanted: a broken one is found before a long read.
      guard let decoded = try? JSONSerialization.jsonObject(with: Data(batch)) as? [Any] else {
        throw ShareLensError(notJSON, path: file)
      }
      guard wanted else { continue }
      for case let wrapped as [Any] in decoded {
        if let entry = wrapped.first as? [String: Any] { links.append(LinkFacts.of(entry)) }
      }
    }
    guard var object = document as? [String: Any] else { throw ShareLensError(notAnObject, path: file) }
    object["links"] = nil
    return Snapshot(document: object, links: links)
  }

  static let notJSON = ShareLensError.Reason.invalidInput("not a ShareLens report.json (not valid JSON)")
  static let notAnObject = ShareLensError.Reason.invalidInput("not a ShareLens report.json (not a JSON object)")
}

/// Where a JSON document's top-level `links` list and its elements lie, found by following the
/// structure (strings, escapes, nesting) without decoding values. Anything unexpected gives nil.
struct JSONLayout {
  let bytes: UnsafeBufferPointer<UInt8>

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  func linksList() -> (list: Range<Int>, elements: [Range<Int>])? {
    var index = skipSpace(0)
    guard byte(index) == UInt8(ascii: "{") else { return nil }
    index = skipSpace(index + 1)
    var found: (list: Range<Int>, elements: [Range<Int>])?
    if byte(index) == UInt8(ascii: "}") { return nil }
    while true {
      guard byte(index) == UInt8(ascii: "\""), let keyEnd = stringEnd(index) else { return nil }
      let key = UnsafeBufferPointer(rebasing: bytes[(index + 1)..<(keyEnd - 1)])
      // A key written with an escape could be `links` too (the last of equal keys wins).
      guard !key.contains(UInt8(ascii: "\\")) else { return nil }
      index = skipSpace(keyEnd)
      guard byte(index) == UInt8(ascii: ":") else { return nil }
      index = skipSpace(index + 1)
      guard let valueEnd = valueEnd(index) else { return nil }
      if key.elementsEqual("links".utf8) {
        guard found == nil, byte(index) == UInt8(ascii: "["), let elements = elements(of: index) else { return nil }
        found = (index..<valueEnd, elements)
      }
      switch next(after: valueEnd, closing: UInt8(ascii: "}")) {
      case .item(let start): index = start
      case .closed: return found
      case .invalid: return nil
      }
    }
  }

  enum Next {
    case item(Int)
    case closed
    case invalid
  }

  /// What follows a member or element that ends at `end`: a comma and the next one, or the
  /// closing bracket.
  func next(after end: Int, closing: UInt8) -> Next {
    let index = skipSpace(end)
    if byte(index) == UInt8(ascii: ",") { return .item(skipSpace(index + 1)) }
    return byte(index) == closing ? .closed : .invalid
  }

  /// The elements of the list that opens at `start`.
  func elements(of start: Int) -> [Range<Int>]? {
    var elements: [Range<Int>] = []
    var index = skipSpace(start + 1)
    if byte(index) == UInt8(ascii: "]") { return elements }
    while true {
      guard let end = valueEnd(index), end > index else { return nil }
      elements.append(index..<end)
      switch next(after: end, closing: UInt8(ascii: "]")) {
      case .item(let start): index = start
      case .closed: return elements
      case .invalid: return nil
      }
    }
  }

  /// The byte at `index`, or 0 past the end.
  func byte(_ index: Int) -> UInt8 { index < bytes.count ? bytes[index] : 0 }

  func skipSpace(_ index: Int) -> Int {
    var index = index
    while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
    return index
  }

  static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

  /// Just past the closing quote of the string that opens at `start`.
  func stringEnd(_ start: Int) -> Int? {
    var index = start + 1
    while index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: "\\"): index += 2
      case UInt8(ascii: "\""): return index + 1
      default: index += 1
      }
    }
    return nil
  }

  /// Just past the value that starts at `start`: a string, an object or list with everything in
  /// it, or a scalar up to the next delimiter.
  func valueEnd(_ start: Int) -> Int? {
    switch byte(start) {
    case UInt8(ascii: "\""):
      return stringEnd(start)
    case UInt8(ascii: "{"), UInt8(ascii: "["):
      var depth = 0
      var index = start
      while index < bytes.count {
        switch bytes[index] {
        case UInt8(ascii: "\""):
          guard let end = stringEnd(index) else { return nil }
          index = end
          continue
        case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
          depth -= 1
          if depth == 0 { return index + 1 }
        default: break
        }
        index += 1
      }
      return nil
    default:
      var index = start
      while index < bytes.count {
        let byte = bytes[index]
        if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") || Self.isSpace(byte) {
          break
        }
        index += 1
      }
      return index
    }
  }
}
