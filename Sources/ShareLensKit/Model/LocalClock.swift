import Foundation

/// Wall-clock fields of UTC times in one time zone, daylight-saving changes included, with the
/// ISO 8601 week rules (weeks start on Monday; week 1 holds the year's first Thursday). Foundation's
/// `Calendar.dateComponents` gives the same fields but costs microseconds a call, which a heatmap of
/// millions of link uses cannot afford; here the zone's offset is asked once per hour of UTC time
/// and the rest is integer arithmetic (`CivilTime`).
struct LocalClock {
  let zone: TimeZone
  /// UTC hour → the zone's offset in seconds, or nil when the offset changes within that hour.
  private var offsets: [Int64: Int?] = [:]

  init(zone: TimeZone) { self.zone = zone }

  /// Wall-clock seconds since 1970 in the zone (UTC seconds plus the zone's offset at that time).
  mutating func local(_ time: Int64) -> Int64 {
    let hour = Self.floorDivide(time, 3600)
    let offset: Int?
    if let known = offsets[hour] {
      offset = known
    } else {
      // Offsets change at most a few times a year; an hour whose first and last second share an
      // offset keeps it throughout.
      let first = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(hour * 3600)))
      let last = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(hour * 3600 + 3599)))
      offset = first == last ? first : nil
      offsets[hour] = offset
    }
    return time + Int64(offset ?? zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(time))))
  }

  /// 0 = Monday … 6 = Sunday, of wall-clock seconds.
  static func weekday(local: Int64) -> Int { CivilTime.weekday(epochSeconds: local) }

  /// 0 … 23, of wall-clock seconds.
  static func hour(local: Int64) -> Int { Int((local - floorDivide(local, 86_400) * 86_400) / 3600) }

  /// The ISO week of wall-clock seconds, as `year * 100 + week` (sorts as the weeks do).
  static func isoWeek(local: Int64) -> Int {
    let day = floorDivide(local, 86_400)
    let thursday = day - Int64(weekday(local: local)) + 3
    let year = CivilTime(epochSeconds: thursday * 86_400).year
    let januaryFirst = floorDivide(CivilTime(year: year, month: 1, day: 1).epochSeconds, 86_400)
    return year * 100 + Int((thursday - januaryFirst) / 7) + 1
  }

  /// `2026-W05` for `isoWeek`'s 202605.
  static func weekName(_ week: Int) -> String {
    let year = String(week / 100)
    let number = week % 100
    return String(repeating: "0", count: max(0, 4 - year.count)) + year + (number < 10 ? "-W0" : "-W") + String(number)
  }

  static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
    value >= 0 ? value / divisor : (value - divisor + 1) / divisor
  }
}
