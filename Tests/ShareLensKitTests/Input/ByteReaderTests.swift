import Foundation
import Testing

@testable import ShareLensKit

@Suite struct ByteReaderTests {
  static let text = "Name,Größe\r\n\"Ünïcode 📄\",1\r\n"

  func readAll(_ bytes: [UInt8]) throws -> (TextEncoding, String) {
    let temp = try TemporaryFolder()
    let reader = try ByteReader(path: try temp.write("f", bytes: bytes))
    var out: [UInt8] = []
    while let block = try reader.nextBlock() { out += block }
    return (reader.encoding, String(decoding: out, as: UTF8.self))
  }

  @Test func plainUTF8() throws {
    let (encoding, text) = try readAll(Array(Self.text.utf8))
    #expect(encoding == .utf8)
    #expect(text == Self.text)
  }

  @Test func utf8ByteOrderMarkIsDropped() throws {
    let (encoding, text) = try readAll([0xEF, 0xBB, 0xBF] + Array(Self.text.utf8))
    #expect(encoding == .utf8BOM)
    #expect(text == Self.text)
  }

  @Test(arguments: [true, false])
  func utf16IsTranscoded(littleEndian: Bool) throws {
    var bytes: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
    for unit in Self.text.utf16 {
      let pair = [UInt8(unit & 0xFF), UInt8(unit >> 8)]
      bytes += littleEndian ? pair : pair.reversed()
    }
    let (encoding, text) = try readAll(bytes)
    #expect(encoding == (littleEndian ? .utf16LE : .utf16BE))
    #expect(text == Self.text)
  }

  /// A surrogate pair split across two blocks: the first block ends after its high half.
  @Test func utf16AcrossBlockBoundaries() throws {
    let long = String(repeating: "a", count: ByteReader.blockSize / 2 - 2) + "📄b"
    var bytes: [UInt8] = [0xFF, 0xFE]
    for unit in long.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    let (_, text) = try readAll(bytes)
    #expect(text == long)
  }

  @Test func truncatedUTF16IsShownNotDropped() throws {
    let (_, text) = try readAll([0xFF, 0xFE, 0x41, 0x00, 0x3D, 0xD8])
    #expect(text == "A\u{FFFD}")
  }

  @Test func missingFileIsAMissingInput() {
    #expect(throws: ShareLensError(.missingInput, path: "/nonexistent/x.csv")) {
      _ = try ByteReader(path: "/nonexistent/x.csv")
    }
  }
}
