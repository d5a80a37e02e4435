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
  public static func timestamp(_ date: Date) -> String {
    let c = utcCalendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
    return String(
      format: "%04d-%02d-%02d %02d:%02d UTC", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0,
      c.minute ?? 0)
  }

  /// ISO 8601 in UTC with seconds, for machine-readable places.
  public static func iso8601(_ date: Date) -> String {
    let c = utcCalendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    return String(
      format: "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0,
      c.minute ?? 0, c.second ?? 0)
  }

  private static func oneDecimal(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    return "\(tenths / 10).\(tenths % 10)"
  }

  static let utcCalendar: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    calendar.locale = Locale(identifier: "en_US_POSIX")
    return calendar
  }()
}
