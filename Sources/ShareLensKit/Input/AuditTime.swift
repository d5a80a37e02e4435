/// Audit-log times: `AuditData.CreationTime` (ISO 8601, UTC when it has no zone) and the export's
/// date column, whose format depends on the exporting machine's culture.
public enum AuditTime {
  /// `2023-09-26T02:15:59`, `2026-01-24T06:54:24.0000000Z`, `…+02:00`. Nil when it is not one.
  public static func parseISO(_ text: String) -> Int64? {
    ASCIIText.withBytes(of: text, parseISO)
  }

  static func parseISO(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
    guard bytes.count >= 19, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54 || bytes[10] == 0x20,
      bytes[13] == 0x3A, bytes[16] == 0x3A,
      let year = number(bytes, 0, 4), let month = number(bytes, 5, 2), let day = number(bytes, 8, 2),
      let hour = number(bytes, 11, 2), let minute = number(bytes, 14, 2), let second = number(bytes, 17, 2)
    else { return nil }
    var index = 19
    if index < bytes.count, bytes[index] == 0x2E {
      index += 1
      while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
    }
    var offset = 0
    if index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: "Z") where index == bytes.count - 1: break
      case UInt8(ascii: "+"), UInt8(ascii: "-"):
        guard bytes.count == index + 6, bytes[index + 3] == 0x3A, let hours = number(bytes, index + 1, 2),
          let minutes = number(bytes, index + 4, 2)
        else { return nil }
        offset = (hours * 3600 + minutes * 60) * (bytes[index] == UInt8(ascii: "+") ? 1 : -1)
      default: return nil
      }
    }
    guard valid(year: year, month: month, day: day, hour: hour, minute: minute, second: second) else { return nil }
    return CivilTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second).epochSeconds
      - Int64(offset)
  }

  static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int) -> Int? {
    guard start + length <= bytes.count else { return nil }
    var value = 0
    for byte in bytes[start..<start + length] {
      guard (0x30...0x39).contains(byte) else { return nil }
      value = value * 10 + Int(byte - 0x30)
    }
    return value
  }

  static func valid(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Bool {
    guard (1970...2200).contains(year), (1...12).contains(month), hour < 24, minute < 60, second < 61 else {
      return false
    }
    let lengths = [
      31, year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]
    return (1...lengths[month - 1]).contains(day)
  }
}

/// How one file's date column orders day and month, learned from its rows: a part above 12 settles
/// it. Until then, dates with AM/PM are read month first (US), 24-hour dates day first (Europe),
/// and each such guess is counted so the Inputs page can say so.
public struct DateColumnStyle: Sendable, Equatable {
  public enum Order: Sendable, Equatable {
    case monthFirst, dayFirst
  }

  /// Settled by a row whose day is above 12.
  public private(set) var provenOrder: Order?
  /// Rows whose order could not be told, and the order they were read in.
  public private(set) var guessed = 0
  public private(set) var guessedOrders: Set<Order> = []

  public init() {}

  /// The date column's text, already trimmed. ISO 8601 first, then `M/d/yyyy h:mm:ss tt` or
  /// `d/M/yyyy HH:mm:ss`.
  public mutating func parse(_ text: String) -> Int64? {
    if let iso = AuditTime.parseISO(text) { return iso }
    // Log Analytics writes `9/26/2023, 2:15:59.123 AM`: drop the comma and the fraction.
    let parts = text.replacingOccurrences(of: ",", with: "").split(separator: " ")
    guard parts.count == 2 || parts.count == 3 else { return nil }
    let date = parts[0].split(separator: "/").map { Int($0) }
    let clock = (parts[1].split(separator: ".").first ?? "").split(separator: ":").map { Int($0) }
    guard date.count == 3, clock.count == 3, let first = date[0], let second = date[1], let year = date[2],
      var hour = clock[0], let minute = clock[1], let seconds = clock[2]
    else { return nil }
    let twelveHour = parts.count == 3
    if twelveHour {
      let marker = parts[2].uppercased()
      guard (1...12).contains(hour), marker == "AM" || marker == "PM" else { return nil }
      hour = hour % 12 + (marker == "PM" ? 12 : 0)
    }
    let order: Order
    if first > 12 {
      order = .dayFirst
      provenOrder = provenOrder ?? .dayFirst
    } else if second > 12 {
      order = .monthFirst
      provenOrder = provenOrder ?? .monthFirst
    } else if let proven = provenOrder {
      order = proven
    } else {
      order = twelveHour ? .monthFirst : .dayFirst
      if first != second {
        guessed += 1
        guessedOrders.insert(order)
      }
    }
    let (month, day) = order == .monthFirst ? (first, second) : (second, first)
    guard AuditTime.valid(year: year, month: month, day: day, hour: hour, minute: minute, second: seconds) else {
      return nil
    }
    return CivilTime(year: year, month: month, day: day, hour: hour, minute: minute, second: seconds).epochSeconds
  }

  /// A sentence for the Inputs page when some dates were read by guess, nil otherwise.
  public var ambiguityWarning: String? {
    guard guessed > 0 else { return nil }
    let count = Format.count(guessed)
    let guessOrder = guessedOrders.contains(.monthFirst) ? "month/day (US)" : "day/month"
    if let proven = provenOrder, !guessedOrders.contains(proven) {
      return
        "\(count) dates in the date column were read as \(guessOrder) before a later row showed the file writes \(proven == .monthFirst ? "month/day" : "day/month"); their times may be wrong"
    }
    if provenOrder != nil { return nil }
    return
      "day and month cannot be told apart in the date column (no day above 12): \(count) dates were read as \(guessOrder); export with AuditData's CreationTime to be sure"
  }
}
