import Foundation

/// The link inventory: every rebuilt link, oldest first, split into pages so that no page grows
/// without bound; `links.csv` holds them all.
public enum LinksPage {
  public static let slug = "links"
  public static let title = "Links"
  public static let csvPath = "links.csv"
  public static let rowsPerPage = 500

  public static func pageSlug(_ index: Int) -> String { index == 0 ? slug : "\(slug)-\(index + 1)" }

  public static func build(_ context: ReportContext) -> [ReportPage] {
    let links = context.links
    let starts = Array(stride(from: 0, to: max(links.count, 1), by: rowsPerPage))
    return starts.enumerated().map { index, start in
      ReportPage(slug: pageSlug(index), navigationTitle: title, inNavigation: index == 0, section: slug) {
        let chunk = links[start..<min(start + rowsPerPage, links.count)]
        var document = MarkdownDocument(title: index == 0 ? "Link inventory" : "Link inventory, page \(index + 1)")
        if index == 0 { summary(links, visitors: context.anonymousVisitors, into: &document) }
        if starts.count > 1 { document.paragraph(pager(current: index, count: starts.count, total: links.count)) }
        if !chunk.isEmpty { document.table(table(Array(chunk), first: start, titles: context.siteTitles)) }
        if starts.count > 1 { document.paragraph(pager(current: index, count: starts.count, total: links.count)) }
        return document
      }
    }
  }

  /// The list of the links behind a count elsewhere: at most one page of them (every link is in the
  /// inventory and links.csv), so that a large tenant's report does not repeat its inventory.
  static func listPages(
    slug: String, title: String, links: [SharingLink], section: String, back: (title: String, page: String),
    titles: [String: String] = [:]
  ) -> [ReportPage] {
    let count = links.count
    let listed = Array(links.prefix(rowsPerPage))
    return [
      ReportPage(slug: slug, navigationTitle: title, inNavigation: false, section: section) {
        var document = MarkdownDocument(title: "\(title)")
        document.paragraph(
          "\(count) \(count == 1 ? "link" : "links"), behind a count in \(Markdown.link("\(back.title)", to: back.page + ".html")). Every link is in the \(Markdown.link("inventory", to: LinksPage.slug + ".html")) and in \(Markdown.link("links.csv", to: csvPath))."
        )
        if count > rowsPerPage {
          document.note("The first \(rowsPerPage) are listed here, oldest first; links.csv has them all.")
        }
        document.table(table(listed, first: 0, titles: titles))
        return document
      }
    ]
  }

  static func summary(_ links: [SharingLink], visitors distinct: Int, into document: inout MarkdownDocument) {
    guard !links.isEmpty else {
      document.paragraph("The audit data holds no sharing link.")
      return
    }
    let anyone = links.filter { $0.scope == .anyone }
    document.paragraph(
      "\(links.count) \(links.count == 1 ? "link" : "links") rebuilt from the audit records, one per link however many records its share wrote. Every link is also in \(Markdown.link("links.csv", to: csvPath)) (and `report.json`)."
    )
    document.table(
      Table(
        caption: "Links by scope",
        columns: [
          .init("Scope"), .init("Links", numeric: true), .init("Still active", numeric: true),
          .init("Never used", numeric: true), .init("Edit", numeric: true),
        ],
        rows: LinkScope.allCases.map { scope in
          let some = links.filter { $0.scope == scope }
          return [
            .header(scope.title), .count(some.count), .count(some.filter(\.isActive).count),
            .count(some.filter { $0.uses == 0 }.count), .count(some.filter { $0.permission == .edit }.count),
          ]
        }))
    let kinds = ActorKind.allCases.map { kind in (kind, links.filter { $0.creatorKind == kind }) }.filter {
      !$0.1.isEmpty
    }
    if !kinds.isEmpty {
      document.table(
        Table(
          caption: "Who created the links",
          columns: [.init("Creator"), .init("Links", numeric: true), .init("Anyone links", numeric: true)],
          rows: kinds.map { kind, some in
            [.header(kind.title), .count(some.count), .count(some.filter { $0.scope == .anyone }.count)]
          }))
    }
    let earlier = links.filter { $0.createdAt == nil }.count
    if earlier > 0 {
      document.note(
        "\(earlier) \(earlier == 1 ? "link was" : "links were") used in the period but created before the audit data begins: \(earlier == 1 ? "its" : "their") creator and origin are unknown."
      )
    }
    if !anyone.isEmpty {
      let visitors = anyone.reduce(0) { $0 + $1.distinctVisitors }
      document.paragraph(
        "Anyone links were opened \(anyone.reduce(0) { $0 + $1.uses }) times. \(distinct) distinct anonymous \(distinct == 1 ? "visitor" : "visitors") (`urn:spo:anon#` ids) opened files while an Anyone link on them was active; counted link by link they add up to \(visitors), as one person who opens two links counts twice."
      )
    }
  }

  /// Links to the other pages of the inventory: all of them when there are few; otherwise the first,
  /// the last and the nearest few, so that the pager does not grow with the tenant.
  static func pager(current: Int, count: Int, total: Int) -> Markdown {
    let shown = count <= 15 ? Array(0..<count) : pagerIndexes(current: current, count: count)
    var parts: [Markdown] = []
    for (position, index) in shown.enumerated() {
      if position > 0, index > shown[position - 1] + 1 { parts.append("…") }
      let label: Markdown = "\(index + 1)"
      parts.append(index == current ? "**\(index + 1)**" : Markdown.link(label, to: pageSlug(index) + ".html"))
    }
    let from = current * rowsPerPage + 1
    let to = min(total, (current + 1) * rowsPerPage)
    return "Links \(from)–\(to) of \(total). Pages: "
      + parts.reduce(Markdown(stringLiteral: "")) { $0.source.isEmpty ? $1 : $0 + " · " + $1 }
  }

  /// The first page, the last, and four on either side of the current one, in order.
  static func pagerIndexes(current: Int, count: Int) -> [Int] {
    Array(Set([0, count - 1] + Array(max(0, current - 4)...min(count - 1, current + 4)))).sorted()
  }

  static func table(_ links: [SharingLink], first: Int, titles: [String: String] = [:]) -> Table {
    Table(
      caption: "Links \(Format.count(first + 1))–\(Format.count(first + links.count)), oldest first (times in UTC)",
      columns: [
        .init("Created"), .init("Scope"), .init("Permission"), .init("Item"), .init("Site"), .init("Created by"),
        .init("Origin"), .init("Uses", numeric: true), .init("Visitors", numeric: true), .init("Removed"),
      ], count: links.count
    ) { index, row in
      // Written straight into the table: these rows are most of a large report.
      let link = links[index]
      row.text(link.createdAt.map(time) ?? "before the audit data", header: true)
      row.text(link.scope.title)
      row.text(link.permission.rawValue)
      row.cell { cell in
        cell.raw("<span title=\"")
        cell.attribute(link.itemUrl)
        cell.raw("\">")
        cell.escaped(link.itemName)
        cell.raw("</span>")
      }
      row.cell { cell in
        cell.raw("<span title=\"")
        cell.attribute(link.siteUrl)
        cell.raw("\">")
        cell.escaped(siteName(link.siteUrl, titles: titles))
        cell.raw("</span>")
      }
      row.text(link.createdBy ?? "unknown")
      row.cell { cell in
        cell.raw("<span title=\"")
        cell.attribute(link.originEvidence)
        cell.raw("\">")
        cell.escaped(link.origin.title)
        cell.raw("</span> <small>(")
        cell.escaped(link.originConfidence.rawValue)
        cell.raw(")</small>")
      }
      row.count(link.uses)
      row.count(link.distinctVisitors)
      row.text(link.removedAt.map(time) ?? "")
    }
  }

  static func time(_ seconds: Int64) -> String {
    Format.minute(Date(timeIntervalSince1970: TimeInterval(seconds)))
  }

  /// `…/sites/Finance` → `/sites/Finance`; `…-my.sharepoint.com/personal/megan_contoso_com` →
  /// `OneDrive of megan`; the full URL stays in the cell's tooltip, the CSV and report.json.
  static func siteName(_ url: String, titles: [String: String] = [:]) -> String {
    if let title = titles[ASCIIText.lowercased(url)], !title.isEmpty { return title }
    guard let host = url.range(of: "://")?.upperBound else { return url }
    let rest = url[host...]
    guard let slash = rest.firstIndex(of: "/") else { return "/ (root site)" }
    let path = rest[slash...]
    if path.hasPrefix("/personal/") {
      let person = path.dropFirst("/personal/".count).split(separator: "_").first.map(String.init) ?? ""
      return "OneDrive of \(person)"
    }
    return String(path)
  }
}
