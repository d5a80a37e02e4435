/// A plain RFC 4180 reader for checking generated files in tests (whole file in memory).
enum CSVTestReader {
  static func records(_ text: String) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var inQuotes = false
    var iterator = Array(text.unicodeScalars).makeIterator()
    var pending: Unicode.Scalar?
    func next() -> Unicode.Scalar? {
      if let scalar = pending {
        pending = nil
        return scalar
      }
      return iterator.next()
    }
    while let scalar = next() {
      if inQuotes {
        if scalar == "\"" {
          if let after = next() {
            if after == "\"" {
              field.unicodeScalars.append("\"")
            } else {
              inQuotes = false
              pending = after
            }
          } else {
            inQuotes = false
          }
        } else {
          field.unicodeScalars.append(scalar)
        }
        continue
      }
      switch scalar {
      case "\"": inQuotes = true
      case ",":
        record.append(field)
        field = ""
      case "\r": continue
      case "\n":
        record.append(field)
        records.append(record)
        record = []
        field = ""
      default: field.unicodeScalars.append(scalar)
      }
    }
    if !field.isEmpty || !record.isEmpty {
      record.append(field)
      records.append(record)
    }
    return records
  }
}
