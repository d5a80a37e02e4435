import Foundation
import Testing

@testable import ShareLensKit

@Suite struct HeatmapTests {
  /// 00:30 UTC is 02:30 in Berlin in summer time and 01:30 after the change back (25 October 2026).
  @Test func hoursFollowDaylightSavingTime() {
    var clock = LocalClock(zone: TimeZone(identifier: "Europe/Berlin")!)
    let summer = CivilTime(year: 2026, month: 10, day: 23, hour: 0, minute: 30).epochSeconds  // a Friday
    let winter = CivilTime(year: 2026, month: 10, day: 30, hour: 0, minute: 30).epochSeconds  // the next Friday
    let table = HeatmapPage.weekdayHour([clock.local(summer), clock.local(winter)], caption: "t")
    let friday = table.rows[4]
    #expect(friday[0].content.source.contains("Friday"))
    #expect(friday[1 + 2].content.source.contains(">1<"), "02:00 in summer time")
    #expect(friday[1 + 1].content.source.contains(">1<"), "01:00 in winter time")
    #expect(friday[1 + 0].content.source.contains(">0<"))
  }

  @Test func shadesScaleWithTheLargestCountAndZeroIsUnshaded() {
    #expect(HeatmapPage.cell(0, maximum: 10).content.source == "<span class=\"heat heat-0\">0</span>")
    #expect(HeatmapPage.cell(1, maximum: 10).content.source == "<span class=\"heat heat-1\">1</span>")
    #expect(HeatmapPage.cell(10, maximum: 10).content.source == "<span class=\"heat heat-8\">10</span>")
  }

  @Test func weeksAreISOWeeks() {
    // 2027-01-01 is a Friday: it belongs to ISO week 53 of 2026.
    let week = LocalClock.isoWeek(local: CivilTime(year: 2027, month: 1, day: 1, hour: 12).epochSeconds)
    #expect(LocalClock.weekName(week) == "2026-W53")
    #expect(
      LocalClock.weekName(LocalClock.isoWeek(local: CivilTime(year: 2026, month: 1, day: 5).epochSeconds)) == "2026-W02"
    )
  }

  /// The clock gives what Foundation's ISO 8601 calendar gives, in zones with half-hour and
  /// 45-minute offsets, half-hour daylight-saving changes and changes of the standard offset, on
  /// every hour around their changes and on spread-out times from 1970 to 2200.
  @Test func theClockAgreesWithFoundationsCalendar() {
    let zones = [
      "UTC", "Europe/Berlin", "America/New_York", "America/St_Johns", "Asia/Kathmandu", "Australia/Lord_Howe",
      "Pacific/Chatham", "Pacific/Apia", "Europe/Moscow", "America/Sao_Paulo", "Asia/Tehran",
    ]
    var times: [Int64] = []
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    for _ in 0..<3000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      times.append(Int64(state >> 33) % 7_258_118_400)  // 1970 … 2200
    }
    for year in [1993, 2011, 2014, 2021, 2026] {
      let start = CivilTime(year: year, month: 1, day: 1).epochSeconds
      times += stride(from: start, to: start + 366 * 86_400, by: 1800).map { $0 + 7 }
    }
    for name in zones {
      let zone = TimeZone(identifier: name)!
      var calendar = Calendar(identifier: .iso8601)
      calendar.timeZone = zone
      var clock = LocalClock(zone: zone)
      var differences = 0
      for time in times {
        let parts = calendar.dateComponents(
          [.weekday, .hour, .yearForWeekOfYear, .weekOfYear], from: Date(timeIntervalSince1970: TimeInterval(time)))
        let local = clock.local(time)
        let expected = [
          ((parts.weekday ?? 1) + 5) % 7, parts.hour ?? -1, parts.yearForWeekOfYear! * 100 + parts.weekOfYear!,
        ]
        if [LocalClock.weekday(local: local), LocalClock.hour(local: local), LocalClock.isoWeek(local: local)]
          != expected
        {
          differences += 1
        }
      }
      #expect(differences == 0, "\(name)")
    }
  }

  @Test func anUnknownTimeZoneIsAUsageError() {
    #expect(throws: ShareLensError.self) { try CommandLineParser.parse(["--timezone", "Mars/Olympus"]) }
    #expect(throws: ShareLensError.self) { try CommandLineParser.parse(["--burst-window", "0"]) }
  }
}
