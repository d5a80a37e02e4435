import Foundation

/// Reads a file in large blocks and hands out UTF-8 bytes: a UTF-8 byte-order mark is dropped,
/// UTF-16 (with a byte-order mark) is transcoded on the fly. Memory stays at one block whatever the
/// file size.
public final class ByteReader {
  public static let blockSize = 1 << 20

  public let encoding: TextEncoding
  /// The file is gzip-compressed (and is decompressed while it is read).
  public let compressed: Bool
  /// Set when the compressed data turned out damaged: the reading stopped there.
  public private(set) var problem: String?
  /// Harmless oddities of the file (bytes after the gzip data).
  public private(set) var notes: [String] = []
  private let handle: FileHandle
  private let gunzip: Gunzip?
  /// Bytes read from the file so far (compressed bytes for a gzip file), for progress.
  public private(set) var consumed: Int64 = 0
  /// Time spent waiting for the file's bytes (the reads themselves, not decoding), for `--timings`.
  public private(set) var readingNanoseconds: UInt64 = 0
  private var pending: [UInt8] = []
  private var atEnd = false
  private var highSurrogate: UInt16?

  public init(path: String) throws(ShareLensError) {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw ShareLensError(
        FileManager.default.fileExists(atPath: path) ? .unreadable("permission denied") : .missingInput,
        path: path)
    }
    self.handle = handle
    var head: [UInt8]
    do {
      head = Array(try handle.read(upToCount: Self.blockSize) ?? Data())
      consumed = Int64(head.count)
    } catch {
      throw ShareLensError(.unreadable(error.localizedDescription), path: path)
    }
    if head.starts(with: [0x1F, 0x8B]), let gunzip = Gunzip() {
      compressed = true
      self.gunzip = gunzip
      var raw = head
      head = []
      // Decompress until there is something to look at (or the file ends).
      while head.isEmpty, !raw.isEmpty {
        let output = gunzip.inflate(raw)
        head = output.bytes
        if output.corrupt {
          problem = "the gzip data is damaged"
          break
        }
        if output.trailingBytes > 0 {
          notes.append("bytes after the end of the gzip data were ignored")
          stopped = true
          break
        }
        if head.isEmpty {
          raw = ((try? handle.read(upToCount: Self.blockSize)) ?? nil).map { Array($0) } ?? []
        }
      }
      if head.isEmpty, problem == nil, gunzip.insideMember { problem = "the gzip data ends early (a truncated file)" }
    } else {
      compressed = false
      gunzip = nil
    }
    if head.starts(with: [0xEF, 0xBB, 0xBF]) {
      encoding = .utf8BOM
      head.removeFirst(3)
    } else if head.starts(with: [0xFF, 0xFE]) {
      encoding = .utf16LE
      head.removeFirst(2)
    } else if head.starts(with: [0xFE, 0xFF]) {
      encoding = .utf16BE
      head.removeFirst(2)
    } else {
      encoding = .utf8
    }
    pending = head
    atEnd = head.isEmpty
  }

  deinit { try? handle.close() }

  private var lookahead: [UInt8]?
  /// The gzip data ended before the file did; what follows is not read.
  private var stopped = false

  /// The first block of UTF-8 bytes without consuming it (empty for an empty file).
  public func peek() throws(ShareLensError) -> [UInt8] {
    if let lookahead { return lookahead }
    let block = try nextBlock() ?? []
    lookahead = block
    return block
  }

  /// The next block of UTF-8 bytes, or nil at the end of the file.
  public func nextBlock() throws(ShareLensError) -> [UInt8]? {
    if let block = lookahead {
      lookahead = nil
      if !block.isEmpty { return block }
    }
    while true {
      if !pending.isEmpty {
        let raw = pending
        pending = []
        let block = decode(raw)
        if !block.isEmpty { return block }
        continue
      }
      if atEnd {
        // A file that ends inside a UTF-16 character: show that, don't drop it.
        guard highSurrogate != nil || oddByte != nil else { return nil }
        highSurrogate = nil
        oddByte = nil
        return [0xEF, 0xBF, 0xBD]
      }
      if problem != nil || stopped {
        atEnd = true
        continue
      }
      do {
        let started = DispatchTime.now().uptimeNanoseconds
        let data = try handle.read(upToCount: Self.blockSize) ?? Data()
        readingNanoseconds += DispatchTime.now().uptimeNanoseconds - started
        consumed += Int64(data.count)
        if data.isEmpty {
          atEnd = true
          if gunzip?.insideMember == true { problem = "the gzip data ends early (a truncated file)" }
        } else if let gunzip {
          let output = gunzip.inflate(Array(data))
          pending = output.bytes
          if output.corrupt { problem = "the gzip data is damaged" }
          if output.trailingBytes > 0 {
            notes.append("bytes after the end of the gzip data were ignored")
            stopped = true
          }
        } else {
          pending = Array(data)
        }
      } catch {
        throw ShareLensError(.unreadable(error.localizedDescription))
      }
    }
  }

  /// The next bytes can be read straight from the file, with no decoding and no copy between
  /// (`readDirect`): a plain UTF-8 file, with nothing decoded and waiting.
  public var readsDirectly: Bool {
    gunzip == nil && (encoding == .utf8 || encoding == .utf8BOM) && pending.isEmpty && lookahead == nil
      && !stopped && problem == nil
  }

  /// Reads the file's next bytes into `buffer` (only when `readsDirectly`); 0 at the end of the file.
  public func readDirect(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(ShareLensError) -> Int {
    precondition(readsDirectly)
    guard !atEnd, !buffer.isEmpty else { return 0 }
    while true {
      let started = DispatchTime.now().uptimeNanoseconds
      let count = read(handle.fileDescriptor, buffer.baseAddress, buffer.count)
      readingNanoseconds += DispatchTime.now().uptimeNanoseconds - started
      if count < 0, errno == EINTR { continue }
      guard count >= 0 else { throw ShareLensError(.unreadable(String(cString: strerror(errno)))) }
      if count == 0 { atEnd = true }
      consumed += Int64(count)
      return count
    }
  }

  private var oddByte: UInt8?

  private func decode(_ raw: [UInt8]) -> [UInt8] {
    switch encoding {
    case .utf8, .utf8BOM: return raw
    case .utf16LE, .utf16BE: return transcodeUTF16(raw, littleEndian: encoding == .utf16LE)
    }
  }

  /// UTF-16 → UTF-8, carrying an odd trailing byte and an unpaired high surrogate across blocks.
  /// Unpaired surrogates become U+FFFD rather than being dropped.
  private func transcodeUTF16(_ raw: [UInt8], littleEndian: Bool) -> [UInt8] {
    var bytes = raw
    if let odd = oddByte {
      bytes.insert(odd, at: 0)
      oddByte = nil
    }
    if bytes.count % 2 == 1 { oddByte = bytes.removeLast() }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      let unit =
        littleEndian
        ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8
        : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
      index += 2
      var scalarValue: UInt32
      if let high = highSurrogate {
        highSurrogate = nil
        if (0xDC00...0xDFFF).contains(unit) {
          scalarValue = 0x10000 + (UInt32(high - 0xD800) << 10) + UInt32(unit - 0xDC00)
        } else {
          Self.appendUTF8(0xFFFD, to: &out)
          scalarValue = UInt32(unit)
        }
      } else {
        scalarValue = UInt32(unit)
      }
      if (0xD800...0xDBFF).contains(scalarValue) {
        highSurrogate = UInt16(scalarValue)
        continue
      }
      if (0xDC00...0xDFFF).contains(scalarValue) { scalarValue = 0xFFFD }
      Self.appendUTF8(scalarValue, to: &out)
    }
    return out
  }

  private static func appendUTF8(_ value: UInt32, to out: inout [UInt8]) {
    switch value {
    case 0..<0x80:
      out.append(UInt8(value))
    case 0x80..<0x800:
      out.append(UInt8(0xC0 | value >> 6))
      out.append(UInt8(0x80 | value & 0x3F))
    case 0x800..<0x10000:
      out.append(UInt8(0xE0 | value >> 12))
      out.append(UInt8(0x80 | value >> 6 & 0x3F))
      out.append(UInt8(0x80 | value & 0x3F))
    default:
      out.append(UInt8(0xF0 | value >> 18))
      out.append(UInt8(0x80 | value >> 12 & 0x3F))
      out.append(UInt8(0x80 | value >> 6 & 0x3F))
      out.append(UInt8(0x80 | value & 0x3F))
    }
  }
}
