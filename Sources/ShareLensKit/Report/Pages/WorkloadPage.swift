/// The workload behavior matrix: how OneDrive, SharePoint, Teams and Outlook create links (the
/// reference behaviour) beside what this tenant's audit data shows. Every count links to a page
/// listing the links behind it.
public enum WorkloadPage {
  public static let slug = "workloads"
  public static let title = "Workloads"

  /// A set of links behind one count, with the page that lists them.
  struct Subset {
    var slug: String
    var title: String
    var links: [SharingLink]
  }

  public static func build(_ context: ReportContext) -> [ReportPage] {
    var document = MarkdownDocument(title: "Workload behavior matrix")
    let links = context.links.filter { $0.createdAt != nil }
    let bursts = LinkPatterns.burstLinks(links, window: context.burstWindow)
    var subsets: [Subset] = []
    func count(_ slug: String, _ title: String, _ some: [SharingLink]) -> Table.Cell {
      guard !some.isEmpty else { return .count(0) }
      if !subsets.contains(where: { $0.slug == slug }) { subsets.append(Subset(slug: slug, title: title, links: some)) }
      return Table.Cell("<a href=\"\(attribute: slug).html\">\(some.count)</a>")
    }
    let minutes = Int(context.burstWindow / 60)

    document.paragraph(
      "Users create sharing links without noticing it: the same click makes a link of the site's or OneDrive's default type, whichever app it comes from, and changing the link later makes a new one beside it. The audit log does not say which app made a link; ShareLens infers it from the user agent, the app name and the folder the file is in, and says how sure it is."
    )
    document.heading("How each workload creates links, and what this tenant's data shows")
    let oneDriveWeb = links.filter {
      $0.origin == .web && CaseInsensitive.equal($0.workload, "OneDrive")
    }
    let teams = links.filter { $0.origin == .teams }
    let outlook = links.filter { $0.origin == .outlookWeb || $0.origin == .outlookDesktop }
    let chatFiles = links.filter(LinkPatterns.inTeamsChatFiles)
    let attachments = links.filter(LinkPatterns.inOutlookAttachments)
    let reference: [(String, String, String, String, Table.Cell)] = [
      (
        "1", "OneDrive", "shares a document (Send or Copy link)", "a link of the OneDrive's default type is created",
        count("links-onedrive-web", "Links made in OneDrive on the web", oneDriveWeb)
      ),
      (
        "2", "OneDrive", "changes who a link works for",
        "a new link is created beside the old one: one file can carry several Anyone links",
        count("links-onedrive-bursts", "OneDrive links in bursts", oneDriveWeb.filter { bursts.contains($0.id) })
      ),
      (
        "3", "Teams", "posts a OneDrive file in a chat",
        "a link of the default type is created; the upload lands in Microsoft Teams Chat Files",
        count("links-teams-chat-files", "Links on files in Microsoft Teams Chat Files", chatFiles)
      ),
      (
        "4", "Teams", "changes the link settings while writing the message",
        "a new link is created, whether or not the message is sent",
        count("links-teams-bursts", "Teams links in bursts", teams.filter { bursts.contains($0.id) })
      ),
      ("5", "Teams", "attaches a file but neither sends nor edits", "no link is created", .text("no link to count")),
      (
        "6", "Outlook", "attaches a file as a link",
        "a default-type link is created, even if the mail is never sent; the upload lands in OneDrive Attachments",
        count("links-outlook-attachments", "Links on files in the OneDrive Attachments folder", attachments)
      ),
      (
        "7", "Outlook", "changes the link type in the mail", "a new link is created; the first one stays",
        count("links-outlook-bursts", "Outlook links in bursts", outlook.filter { bursts.contains($0.id) })
      ),
    ]
    document.table(
      Table(
        caption: "Reference behaviour beside this tenant's links",
        columns: [
          .init("#"), .init("Workload"), .init("The user"), .init("What happens"),
          .init("Links in this data", numeric: true),
        ],
        rows: reference.map { number, workload, action, result, cell in
          [.header(number), .text(workload), .text(action), .text(result), cell]
        }))
    document.paragraph(
      "Deleting the Teams message or the draft mail does not delete the link. A burst is two or more links on the same file by the same person within \(minutes) minutes (`--burst-window`)."
    )

    document.heading("Links by origin and scope")
    let origins = LinkOrigin.allCases.filter { origin in links.contains { $0.origin == origin } }
    if origins.isEmpty {
      document.paragraph("The audit data holds no link creation.")
    } else {
      var rows: [[Table.Cell]] = []
      for origin in origins {
        let some = links.filter { $0.origin == origin }
        var row: [Table.Cell] = [.header(origin.title)]
        for scope in LinkScope.allCases {
          row.append(
            count(
              "links-\(origin.rawValue.lowercased())-\(scope.rawValue.lowercased())",
              "\(scope.title) links from \(origin.title)", some.filter { $0.scope == scope }))
        }
        row.append(count("links-\(origin.rawValue.lowercased())", "Links from \(origin.title)", some))
        row.append(
          count(
            "links-\(origin.rawValue.lowercased())-never-used", "Never-used links from \(origin.title)",
            some.filter { $0.uses == 0 }))
        row.append(
          count(
            "links-\(origin.rawValue.lowercased())-bursts", "Links from \(origin.title) in bursts",
            some.filter { bursts.contains($0.id) }))
        rows.append(row)
      }
      document.table(
        Table(
          caption: "Links created, by inferred origin and scope",
          columns: [.init("Origin")] + LinkScope.allCases.map { .init($0.title, numeric: true) } + [
            .init("All", numeric: true), .init("Never used (all scopes)", numeric: true),
            .init("In bursts", numeric: true),
          ],
          rows: rows))
    }

    document.heading("How each origin was inferred")
    document.paragraph("The rules are tried in this order; the first that matches a link's creation record decides.")
    document.table(
      Table(
        caption: "Origin rules",
        columns: [.init("Origin"), .init("Confidence"), .init("Evidence"), .init("Links", numeric: true)],
        rows: OriginRules.rules.map { rule in
          let some = links.filter { $0.originEvidence == rule.evidence }
          return [
            .header(rule.origin.title), .text(rule.confidence.rawValue), .text(rule.evidence),
            count("links-rule-\(rule.id)", "Links whose origin rests on: \(rule.evidence)", some),
          ]
        } + [
          [
            .header(LinkOrigin.unknown.title), .text(OriginConfidence.unknown.rawValue), .text("nothing above matched"),
            count("links-unknown-origin", "Links of unknown origin", links.filter { $0.origin == .unknown }),
          ]
        ]))

    var pages = [ReportPage(slug: slug, navigationTitle: title, document: document)]
    for subset in subsets {
      pages += LinksPage.listPages(
        slug: subset.slug, title: subset.title, links: subset.links, section: slug,
        back: (title: "the workload matrix", page: slug), titles: context.siteTitles)
    }
    return pages
  }
}
