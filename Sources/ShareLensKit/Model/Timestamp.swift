import Foundation

/// Parsing of the times the user gives (`--generated-at`, `SOURCE_DATE_EPOCH`).
public enum Timestamp {
  /// `2026-01-31T12:00:00Z` (UTC; fractional seconds and offsets such as `+01:00` accepted).
  /// Between 1970 and the end of 9999: the years reports are dated in.
  public static func parse(_ text: String) -> Date? {
    let formatter = ISO8601DateFormatter()
    var date = formatter.date(from: text)
    if date == nil {
      formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
      date = formatter.date(from: text)
    }
    guard let date, (0...latest).contains(date.timeIntervalSince1970) else { return nil }
    return date
  }

  /// 9999-12-31T23:59:59Z.
  static let latest: TimeInterval = 253_402_300_799

  /// The reproducible-builds convention: seconds since 1970 in `SOURCE_DATE_EPOCH`.
  public static func sourceDateEpoch(_ environment: [String: String]) throws(ShareLensError) -> Date? {
    guard let text = environment["SOURCE_DATE_EPOCH"] else { return nil }
    guard let seconds = Int64(text.trimmingCharacters(in: .whitespaces)), seconds >= 0,
      TimeInterval(seconds) <= latest
    else {
      throw ShareLensError(
        .usage("SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, up to the year 9999 (got '\(text)')"))
    }
    return Date(timeIntervalSince1970: TimeInterval(seconds))
  }
}
