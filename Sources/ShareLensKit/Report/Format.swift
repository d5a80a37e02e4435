import Foundation

/// Number, size and date formatting, the same on every page and independent of the locale.
public enum Format {
  /// `1234567` → `1,234,567`.
  public static func count(_ value: Int) -> String {
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
  public static func minute(_ date: Date) -> String {
    let c = civil(date)
    return "\(padded(c.year, 4))-\(padded(c.month))-\(padded(c.day)) \(padded(c.hour)):\(padded(c.minute))"
  }

  /// ISO 8601 in UTC with seconds, for machine-readable places.
  public static func iso8601(_ date: Date) -> String {
    let c = civil(date)
    return
      "\(padded(c.year, 4))-\(padded(c.month))-\(padded(c.day))T\(padded(c.hour)):\(padded(c.minute)):\(padded(c.second))Z"
  }

  /// The UTC calendar time of a date, seconds rounded down (dates are those of audit records and
  /// of reports: 1970 to 9999; anything outside is held to those bounds rather than trapping).
  static func civil(_ date: Date) -> CivilTime {
    let seconds = date.timeIntervalSince1970.rounded(.down)
    return CivilTime(epochSeconds: seconds.isNaN ? 0 : Int64(min(max(seconds, 0), Timestamp.latest)))
  }

  /// `7` → `07`: zero-padded to `width` digits, as `%0*d` does.
  static func padded(_ value: Int, _ width: Int = 2) -> String {
    let digits = String(value.magnitude)
    let padding = String(repeating: "0", count: max(0, width - digits.count - (value < 0 ? 1 : 0)))
    return value < 0 ? "-" + padding + digits : padding + digits
  }

  private static func oneDecimal(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    return "\(tenths / 10).\(tenths % 10)"
  }
}
