import Foundation
import Testing

@testable import ShareLensKit

@Suite struct HeatmapTests {
  /// 00:30 UTC is 02:30 in Berlin in summer time and 01:30 after the change back (25 October 2026).
  @Test func hoursFollowDaylightSavingTime() {
    var calendar = Calendar(identifier: .iso8601)
    calendar.timeZone = TimeZone(identifier: "Europe/Berlin")!
    let summer = CivilTime(year: 2026, month: 10, day: 23, hour: 0, minute: 30).epochSeconds  // a Friday
    let winter = CivilTime(year: 2026, month: 10, day: 30, hour: 0, minute: 30).epochSeconds  // the next Friday
    let table = HeatmapPage.weekdayHour([summer, winter], calendar: calendar, caption: "t")
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
    var calendar = Calendar(identifier: .iso8601)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    // 2027-01-01 is a Friday: it belongs to ISO week 53 of 2026.
    #expect(HeatmapPage.week(CivilTime(year: 2027, month: 1, day: 1, hour: 12).epochSeconds, calendar) == "2026-W53")
  }

  @Test func anUnknownTimeZoneIsAUsageError() {
    #expect(throws: ShareLensError.self) { try CommandLineParser.parse(["--timezone", "Mars/Olympus"]) }
    #expect(throws: ShareLensError.self) { try CommandLineParser.parse(["--burst-window", "0"]) }
  }
}
