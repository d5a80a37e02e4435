import Czlib

/// Streaming gzip decompression through zlib (the only file that imports Czlib). Handles files of
/// several concatenated gzip members, as `cat a.gz b.gz` makes.
final class Gunzip {
  private var stream = z_stream()
  private var open = false
  /// Inside a gzip member that has not ended: at the end of the file, that means truncation.
  private(set) var insideMember = false

  init?() {
    // 15 window bits + 16: expect a gzip header.
    guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
    open = true
  }

  deinit { if open { inflateEnd(&stream) } }

  /// What one block gave: the bytes decompressed (kept even when the data then turns out damaged),
  /// and whether it did.
  struct Output {
    var bytes: [UInt8]
    /// The compressed data is damaged here; nothing after it can be read.
    var corrupt = false
    /// Bytes after the last complete gzip member that are not gzip data (padding, garbage).
    var trailingBytes = 0
  }

  /// Decompresses one block of compressed bytes.
  func inflate(_ input: [UInt8]) -> Output {
    var output: [UInt8] = []
    var input = input
    var offset = 0
    var chunk = [UInt8](repeating: 0, count: 1 << 18)
    while offset < input.count {
      let status: Int32 = input.withUnsafeMutableBufferPointer { inBuffer in
        chunk.withUnsafeMutableBufferPointer { outBuffer in
          stream.next_in = inBuffer.baseAddress! + offset
          stream.avail_in = UInt32(inBuffer.count - offset)
          stream.next_out = outBuffer.baseAddress
          stream.avail_out = UInt32(outBuffer.count)
          let status = Czlib.inflate(&stream, Z_NO_FLUSH)
          offset = inBuffer.count - Int(stream.avail_in)
          return status
        }
      }
      let produced = chunk.count - Int(stream.avail_out)
      output.append(contentsOf: chunk[0..<produced])
      switch status {
      case Z_OK:
        insideMember = true
        continue
      case Z_STREAM_END:
        insideMember = false
        // Another gzip member may follow.
        guard inflateReset(&stream) == Z_OK else { return Output(bytes: output, corrupt: true) }
      case Z_BUF_ERROR where produced > 0: continue
      case Z_BUF_ERROR: return Output(bytes: output)
      case Z_DATA_ERROR where !insideMember && produced == 0:
        // Not the start of another member: trailing bytes after complete gzip data.
        return Output(bytes: output, trailingBytes: max(1, input.count - offset))
      default: return Output(bytes: output, corrupt: true)
      }
    }
    return Output(bytes: output)
  }
}
