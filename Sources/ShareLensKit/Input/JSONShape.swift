/// The outline of a JSON file, read in one streaming pass: a top-level array of values, one value
/// per line (NDJSON / JSONL), or a single document. Keeps the first element (to recognise the
/// format) and, for a single document, the whole document (settings exports are small).
public struct JSONShape: Sendable, Equatable {
  public enum Layout: Sendable, Equatable {
    case array
    case valueSequence
  }

  public var layout: Layout = .valueSequence
  /// Elements of the top-level array, or top-level values.
  public var elements = 0
  public var firstElement: [UInt8] = []
  /// Set when the file ends inside a value or has text outside any value.
  public var problem: String?

  /// Whether the elements were counted (false when `scan` stopped after the first one).
  public var counted = true

  /// Reads the file once. Once the first element is complete, `countElements` decides whether to
  /// go on counting or stop there.
  /// No record or settings object is this large; a value that is, is not one.
  static let elementLimit = 256 << 20

  public static func scan(
    _ reader: ByteReader, countElements: (JSONShape) -> Bool = { _ in true }
  ) throws(ShareLensError) -> JSONShape {
    var scanner = Scanner()
    var asked = false
    while let block = try reader.nextBlock() {
      scanner.consume(block)
      if scanner.shape.problem != nil { break }
      if !asked, scanner.shape.elements > 1 || (!scanner.shape.firstElement.isEmpty && !scanner.capturing) {
        asked = true
        if !countElements(scanner.shape) {
          scanner.shape.counted = false
          return scanner.shape
        }
      }
    }
    scanner.finish()
    return scanner.shape
  }

  struct Scanner {
    var shape = JSONShape()
    var depth = 0
    var inString = false
    var escaped = false
    var started = false
    var afterArray = false
    /// A scalar value (string, number, literal) is being read at element depth.
    var inScalar = false
    var capturing = false
    var lineNumber = 1
    /// Keep every element (for reading records), not only the first (for recognising the file).
    var capturesAll = false
    var elementLine = 1
    var current: [UInt8] = []
    /// Completed elements with the line they start on, for the reader to take.
    var completed: [(line: Int, bytes: [UInt8])] = []
    /// Lines of top-level scalar values (not objects), which a reader rejects.
    var scalarLines: [Int] = []

    /// Depth at which elements live: 1 inside a top-level array, 0 for a value sequence.
    var elementDepth: Int { shape.layout == .array ? 1 : 0 }

    mutating func consume(_ block: [UInt8]) {
      for byte in block {
        if byte == UInt8(ascii: "\n") { lineNumber += 1 }
        if capturing {
          current.append(byte)
          if current.count > JSONShape.elementLimit {
            return fail("a single value larger than \(JSONShape.elementLimit >> 20) MB")
          }
        }
        if inString {
          if escaped {
            escaped = false
          } else if byte == UInt8(ascii: "\\") {
            escaped = true
          } else if byte == UInt8(ascii: "\"") {
            inString = false
          }
          continue
        }
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
          if depth == elementDepth { inScalar = false }
        case UInt8(ascii: ","):
          if depth == elementDepth { inScalar = false }
          if depth == 0 { return fail("comma between top-level values") }
        case UInt8(ascii: "["), UInt8(ascii: "{"):
          if afterArray { return fail("text after the closing ] of the top-level array") }
          if !started {
            started = true
            if byte == UInt8(ascii: "[") {
              shape.layout = .array
              depth = 1
              continue
            }
          }
          if depth == elementDepth {
            shape.elements += 1
            if shape.elements == 1 || capturesAll {
              capturing = true
              elementLine = lineNumber
              current = [byte]
            }
          }
          depth += 1
        case UInt8(ascii: "]"), UInt8(ascii: "}"):
          depth -= 1
          inScalar = false
          if depth == elementDepth {
            if capturing { endElement() }
          } else if depth < elementDepth {
            guard shape.layout == .array, depth == 0, byte == UInt8(ascii: "]") else {
              return fail("unbalanced \(Character(Unicode.Scalar(byte)))")
            }
            afterArray = true
          }
        default:
          if afterArray { return fail("text after the closing ] of the top-level array") }
          started = true
          if depth == elementDepth, !inScalar {
            shape.elements += 1
            inScalar = true
            if capturesAll { scalarLines.append(lineNumber) }
          }
          if byte == UInt8(ascii: "\"") { inString = true }
        }
      }
    }

    mutating func endElement() {
      capturing = false
      if shape.elements == 1, shape.firstElement.isEmpty { shape.firstElement = current }
      if capturesAll { completed.append((elementLine, current)) }
      current = []
    }

    mutating func fail(_ why: String) {
      shape.problem = "line \(lineNumber): \(why)"
    }

    mutating func finish() {
      guard shape.problem == nil else { return }
      if inString || depth > elementDepth || (shape.layout == .array && !afterArray) {
        shape.problem = "the file ends inside a value (truncated?)"
      }
    }
  }
}
