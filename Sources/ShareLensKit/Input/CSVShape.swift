import Foundation

/// The outline of a CSV file, read in one streaming pass: its header, the number of data records
/// (quoted line breaks do not end a record) and whether the last record is cut off.
public struct CSVShape: Sendable, Equatable {
  /// A leading `#TYPE …` line written by Windows PowerShell's Export-Csv, if any.
  public var typeLine: String?
  public var header: [String] = []
  public var dataRecords = 0
  /// The file ends inside a quoted field: the last record is truncated.
  public var endsInsideQuotes = false
  /// No line break in the first 64 kB: there is no header to read.
  public var headerTooLong = false

  /// Whether the records were counted (false when `scan` stopped after the header).
  public var counted = true

  /// Reads the file once, holding one block and the header in memory. Once the header is read,
  /// `countRecords` decides whether to go on counting the records or stop there.
  public static func scan(
    _ reader: ByteReader, countRecords: (CSVShape) -> Bool = { _ in true }
  ) throws(ShareLensError) -> CSVShape {
    var scanner = Scanner()
    while let block = try reader.nextBlock() {
      scanner.consume(block)
      if scanner.headerDone, !countRecords(scanner.shape) {
        scanner.shape.counted = false
        return scanner.shape
      }
    }
    scanner.finish()
    return scanner.shape
  }

  /// The header is parsed field by field; after it, only quotes and line ends are looked at.
  struct Scanner {
    var shape = CSVShape()
    var inQuotes = false
    var recordHasContent = false
    var headerDone = false
    var fields: [String] = []
    var field: [UInt8] = []

    mutating func consume(_ block: [UInt8]) {
      var index = 0
      if !headerDone {
        index = consumeHeader(block)
      }
      guard headerDone else { return }
      block.withUnsafeBufferPointer { bytes in
        var inQuotes = self.inQuotes
        var hasContent = self.recordHasContent
        var records = shape.dataRecords
        while index < bytes.count {
          let byte = bytes[index]
          if byte == UInt8(ascii: "\"") {
            inQuotes.toggle()
            hasContent = true
          } else if byte == UInt8(ascii: "\n"), !inQuotes {
            if hasContent { records += 1 }
            hasContent = false
          } else if byte != UInt8(ascii: "\r") {
            hasContent = true
          }
          index += 1
        }
        self.inQuotes = inQuotes
        self.recordHasContent = hasContent
        shape.dataRecords = records
      }
    }

    /// A header longer than this is not a header: the file is not CSV (or has no line breaks).
    static let headerLimit = 64 * 1024
    var headerBytes = 0

    /// Parses fields until the header record is complete; returns where the data begins.
    private mutating func consumeHeader(_ block: [UInt8]) -> Int {
      var index = 0
      while index < block.count {
        headerBytes += 1
        if headerBytes > Self.headerLimit {
          shape.header = []
          shape.headerTooLong = true
          headerDone = true
          return block.count
        }
        let byte = block[index]
        index += 1
        if inQuotes {
          if byte == UInt8(ascii: "\"") {
            if index < block.count, block[index] == UInt8(ascii: "\"") {
              field.append(byte)
              index += 1
            } else {
              inQuotes = false
            }
          } else {
            field.append(byte)
          }
          continue
        }
        switch byte {
        case UInt8(ascii: "\""): inQuotes = true
        case UInt8(ascii: ","):
          fields.append(String(decoding: field, as: UTF8.self))
          field = []
        case UInt8(ascii: "\n"):
          endHeaderRecord()
          if headerDone { return index }
        case UInt8(ascii: "\r"): break
        default: field.append(byte)
        }
      }
      return index
    }

    private mutating func endHeaderRecord() {
      fields.append(String(decoding: field, as: UTF8.self))
      field = []
      defer { fields = [] }
      if fields == [""] { return }  // blank line before the header
      if shape.typeLine == nil, shape.header.isEmpty, fields[0].hasPrefix("#TYPE") {
        shape.typeLine = fields.joined(separator: ",")
        return
      }
      shape.header = fields.map { $0.trimmingCharacters(in: .whitespaces) }
      headerDone = true
    }

    mutating func finish() {
      if !headerDone, !(fields.isEmpty && field.isEmpty) {
        endHeaderRecord()
      }
      if recordHasContent { shape.dataRecords += 1 }
      shape.endsInsideQuotes = inQuotes
    }
  }
}
