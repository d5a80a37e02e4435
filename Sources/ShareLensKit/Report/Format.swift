import Foundation

/// Number, size and date formatting, the same on every page and independent of the locale.
public enum Format {
  /// `1234567` → `1,234,567`.
  public static func count(_ value: Int) -> String {
    if (0..<1000).contains(value) { return String(value) }  // no separator: most counts in a report
    let digits = String(value.magnitude)
    var out = ""
    for (index, digit) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
      out.append(digit)
    }
    return value < 0 ? "-" + out : out
  }

  /// Decimal units, as file managers show them: `1,534` → `1.5 kB`.
  public static func bytes(_ value: Int64) -> String {
    if value < 1000 { return "\(count(Int(value))) B" }
    let units = ["kB", "MB", "GB", "TB"]
    var scaled = Double(value) / 1000
    var unit = 0
    while scaled >= 999.95, unit < units.count - 1 {
      scaled /= 1000
      unit += 1
    }
    return oneDecimal(scaled) + " " + units[unit]
  }

  /// `2026-12-04 20:06 UTC`.
  public static func timestamp(_ date: Date) -> String { minute(date) + " UTC" }

  /// `2026-12-04 20:06` (UTC, for tables that say so once).
  public static func minute(_ date: Date) -> String { calendarText(civil(date), iso: false) }

  /// ISO 8601 in UTC with seconds, for machine-readable places.
  public static func iso8601(_ date: Date) -> String { calendarText(civil(date), iso: true) }

  /// `2026-12-04 20:06` or `2026-12-04T20:06:59Z`, written digit by digit into the string (a
  /// report writes millions of them). `civil` keeps years to four digits.
  static func calendarText(_ c: CivilTime, iso: Bool) -> String {
    String(unsafeUninitializedCapacity: 20) { out in
      var count = 0
      func put(_ byte: UInt8) {
        out[count] = byte
        count += 1
      }
      func put(_ value: Int, _ width: Int) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        while divisor > 0 {
          put(UInt8(ascii: "0") + UInt8(value / divisor % 10))
          divisor /= 10
        }
      }
      put(c.year, 4)
      put(UInt8(ascii: "-"))
      put(c.month, 2)
      put(UInt8(ascii: "-"))
      put(c.day, 2)
      put(iso ? UInt8(ascii: "T") : UInt8(ascii: " "))
      put(c.hour, 2)
      put(UInt8(ascii: ":"))
      put(c.minute, 2)
      if iso {
        put(UInt8(ascii: ":"))
        put(c.second, 2)
        put(UInt8(ascii: "Z"))
      }
      return count
    }
  }

  /// The UTC calendar time of a date, seconds rounded down (dates are those of audit records and
  /// of reports: 1970 to 9999; anything outside is held to those bounds rather than trapping).
  static func civil(_ date: Date) -> CivilTime {
    let seconds = date.timeIntervalSince1970.rounded(.down)
    return CivilTime(epochSeconds: seconds.isNaN ? 0 : Int64(min(max(seconds, 0), Timestamp.latest)))
  }

  private static func oneDecimal(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    return "\(tenths / 10).\(tenths % 10)"
  }
}
