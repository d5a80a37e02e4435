import Foundation

/// Parsing of the times the user gives (`--generated-at`, `SOURCE_DATE_EPOCH`).
public enum Timestamp {
  /// `2026-01-31T12:00:00Z` (UTC; fractional seconds and offsets such as `+01:00` accepted).
  public static func parse(_ text: String) -> Date? {
    let formatter = ISO8601DateFormatter()
    if let date = formatter.date(from: text) { return date }
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return formatter.date(from: text)
  }

  /// The reproducible-builds convention: seconds since 1970 in `SOURCE_DATE_EPOCH`.
  public static func sourceDateEpoch(_ environment: [String: String]) throws(ShareLensError) -> Date? {
    guard let text = environment["SOURCE_DATE_EPOCH"] else { return nil }
    guard let seconds = Int64(text.trimmingCharacters(in: .whitespaces)), seconds >= 0 else {
      throw ShareLensError(.usage("SOURCE_DATE_EPOCH must be a whole number of seconds since 1970 (got '\(text)')"))
    }
    return Date(timeIntervalSince1970: TimeInterval(seconds))
  }
}
