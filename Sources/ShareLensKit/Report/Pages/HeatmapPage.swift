import Foundation

/// When and where Anyone links are created and used: weekday × hour in the report's time zone,
/// site × ISO week and creator × week. Each cell shows its number; its colour (a colour-blind-safe
/// sequential scale, in the stylesheet) is the second channel.
public enum HeatmapPage {
  public static let slug = "heatmap"
  public static let title = "Heatmap"
  public static let topRows = 10
  static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

  public static func build(_ context: ReportContext) -> ReportPage {
    var document = MarkdownDocument(title: "Anonymous-link heatmap")
    let anyone = context.links.filter { $0.scope == .anyone }
    let created = anyone.compactMap { link in link.createdAt.map { (time: $0, link: link) } }
    let used = anyone.flatMap { link in link.useTimes.map { (time: $0, link: link) } }
    let zone = context.timeZone
    let titles = context.siteTitles

    guard !created.isEmpty || !used.isEmpty else {
      document.paragraph("The audit data holds no Anyone link.")
      return ReportPage(slug: slug, navigationTitle: title, document: document)
    }
    // Every time once in the zone's wall-clock seconds.
    var clock = LocalClock(zone: zone)
    let createdAt = created.map { clock.local($0.time) }
    let usedAt = used.map { clock.local($0.time) }
    let createdWeeks = createdAt.map(LocalClock.isoWeek(local:))
    let usedWeeks = usedAt.map(LocalClock.isoWeek(local:))
    document.paragraph(
      "Times are in \(zone.identifier) (`--timezone`), daylight-saving changes included. Each cell shows its count; the shade grows with it, as the legend shows. Sites and creators beyond the top \(topRows) are folded into one row."
    )
    document.heading("Weekday and hour")
    document.table(weekdayHour(createdAt, caption: "Anyone links created, by weekday and hour (\(zone.identifier))"))
    document.table(weekdayHour(usedAt, caption: "Anyone link uses, by weekday and hour (\(zone.identifier))"))
    document.paragraph(legend())

    let weeks = Array(Set(createdWeeks + usedWeeks)).sorted()
    document.heading("Site and week")
    document.table(
      byWeek(
        zip(createdWeeks, created).map { ($0, LinksPage.siteName($1.link.siteUrl, titles: titles)) }, weeks: weeks,
        rowTitle: "Site", caption: "Anyone links created, by site and ISO week"))
    document.table(
      byWeek(
        zip(usedWeeks, used).map { ($0, LinksPage.siteName($1.link.siteUrl, titles: titles)) }, weeks: weeks,
        rowTitle: "Site", caption: "Anyone link uses, by site and ISO week"))
    document.heading("Creator and week")
    document.table(
      byWeek(
        zip(createdWeeks, created).map { ($0, $1.link.createdBy ?? "unknown") }, weeks: weeks,
        rowTitle: "Creator", caption: "Anyone links created, by creator and ISO week"))
    return ReportPage(slug: slug, navigationTitle: title, document: document)
  }

  /// Counts by weekday and hour of wall-clock times (`LocalClock.local`).
  static func weekdayHour(_ times: [Int64], caption: String) -> Table {
    var counts = Array(repeating: Array(repeating: 0, count: 24), count: 7)
    for time in times {
      counts[LocalClock.weekday(local: time)][LocalClock.hour(local: time)] += 1
    }
    let maximum = counts.flatMap { $0 }.max() ?? 0
    return Table(
      caption: caption, columns: [.init("Day")] + hourColumns,
      rows: counts.enumerated().map { day, hours in [.header(weekdays[day])] + hours.map { cell($0, maximum: maximum) }
      })
  }

  static let hourColumns: [Table.Column] = (0..<24).map { .init($0 < 10 ? "0\($0)" : "\($0)", numeric: true) }

  /// Counts by row and ISO week (`LocalClock.isoWeek`), the top rows by count and the rest folded.
  static func byWeek(_ events: [(Int, String)], weeks: [Int], rowTitle: String, caption: String) -> Table {
    var totals: [String: Int] = [:]
    for (_, key) in events { totals[key, default: 0] += 1 }
    let top = totals.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(topRows).map(\.key)
    let topSet = Set(top)
    let other = "Other (\(max(totals.count - top.count, 0)))"
    var counts: [String: [Int: Int]] = [:]
    for (week, key) in events {
      counts[topSet.contains(key) ? key : other, default: [:]][week, default: 0] += 1
    }
    let rows = top + (totals.count > top.count ? [other] : [])
    let maximum = counts.values.flatMap(\.values).max() ?? 0
    return Table(
      caption: caption,
      columns: [.init(rowTitle)] + weeks.map { .init(String(LocalClock.weekName($0).suffix(3)), numeric: true) } + [
        .init("All", numeric: true)
      ],
      rows: rows.map { key in
        [.header(key)] + weeks.map { cell(counts[key]?[$0] ?? 0, maximum: maximum) } + [
          .count(counts[key]?.values.reduce(0, +) ?? 0)
        ]
      })
  }

  /// Eight shades above zero, each a class of the stylesheet (no inline style: the CSP forbids it).
  static func cell(_ count: Int, maximum: Int) -> Table.Cell {
    let level = count == 0 || maximum == 0 ? 0 : max(1, Int((Double(count) / Double(maximum) * 8).rounded(.up)))
    return Table.Cell("<span class=\"heat heat-\(level)\">\(count)</span>")
  }

  static func legend() -> Markdown {
    "Shade: "
      + Markdown(
        stringLiteral: (0...8).map { "<span class=\"heat heat-\($0)\">\($0 == 0 ? "0" : "\($0)/8")</span>" }.joined(
          separator: " "))
      + " of the table's largest count."
  }
}
