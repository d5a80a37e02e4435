import Foundation

/// Buffered output to a file in large blocks, with the JSON and CSV escaping the sample needs.
final class ByteWriter {
  private let handle: FileHandle
  private let path: String
  private var buffer: [UInt8] = []
  private static let flushSize = 1 << 20

  init(path: String) throws(ShareLensError) {
    guard FileManager.default.createFile(atPath: path, contents: nil),
      let handle = FileHandle(forWritingAtPath: path)
    else { throw ShareLensError(.cannotWrite("cannot create the file"), path: path) }
    self.handle = handle
    self.path = path
    buffer.reserveCapacity(Self.flushSize + 64 * 1024)
  }

  func write(_ text: String) {
    buffer.append(contentsOf: text.utf8)
  }

  func write(bytes: [UInt8]) {
    buffer.append(contentsOf: bytes)
  }

  func flushIfFull() throws(ShareLensError) {
    if buffer.count >= Self.flushSize { try flush() }
  }

  func flush() throws(ShareLensError) {
    do {
      try handle.write(contentsOf: buffer)
    } catch {
      throw ShareLensError(.cannotWrite(error.localizedDescription), path: path)
    }
    buffer.removeAll(keepingCapacity: true)
  }

  func close() throws(ShareLensError) {
    try flush()
    try? handle.close()
  }
}

/// Builds one JSON object's text with keys in the order they are added (as real records have).
struct JSONObjectText {
  private(set) var bytes: [UInt8] = [UInt8(ascii: "{")]
  private var first = true

  private mutating func key(_ name: String) {
    if !first { bytes.append(UInt8(ascii: ",")) }
    first = false
    Self.appendString(name, to: &bytes)
    bytes.append(UInt8(ascii: ":"))
  }

  mutating func string(_ name: String, _ value: String) {
    key(name)
    Self.appendString(value, to: &bytes)
  }

  mutating func number(_ name: String, _ value: Int) {
    key(name)
    bytes.append(contentsOf: String(value).utf8)
  }

  mutating func bool(_ name: String, _ value: Bool) {
    key(name)
    bytes.append(contentsOf: (value ? "true" : "false").utf8)
  }

  mutating func null(_ name: String) {
    key(name)
    bytes.append(contentsOf: "null".utf8)
  }

  mutating func raw(_ name: String, _ json: [UInt8]) {
    key(name)
    bytes.append(contentsOf: json)
  }

  func finished() -> [UInt8] { bytes + [UInt8(ascii: "}")] }

  static func appendString(_ value: String, to bytes: inout [UInt8]) {
    bytes.append(UInt8(ascii: "\""))
    for byte in value.utf8 {
      switch byte {
      case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
      case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
      case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
      case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
      case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
      case 0x00..<0x20: bytes.append(contentsOf: Array(String(format: "\\u%04x", byte).utf8))
      default: bytes.append(byte)
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }
}

enum CSVText {
  /// One CSV field: quoted (with `"` doubled) when it holds a comma, quote or line break.
  static func append(field: [UInt8], to bytes: inout [UInt8], alwaysQuote: Bool = false) {
    let needsQuotes =
      alwaysQuote || field.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
    guard needsQuotes else {
      bytes.append(contentsOf: field)
      return
    }
    bytes.append(UInt8(ascii: "\""))
    for byte in field {
      if byte == UInt8(ascii: "\"") { bytes.append(byte) }
      bytes.append(byte)
    }
    bytes.append(UInt8(ascii: "\""))
  }
}
