/// The Overview page: what the report covers, with links to the pages that explain each figure.
public enum OverviewPage {
  public static let slug = "index"
  public static let title = "Overview"

  public static func build(_ context: ReportContext, pages: [(slug: String, title: String, summary: Markdown)])
    -> ReportPage
  {
    let inputs = context.inputs
    var document = MarkdownDocument(title: "\(context.title)")
    let inputsLink = InputsPage.slug + ".html"

    document.paragraph(
      "Generated \(context.generatedAt) from \(inputs.used.count) input \(inputs.used.count == 1 ? "file" : "files")."
        + InputsPage.origin(inputs.origin)
    )

    if let changes = context.changes {
      document.note(
        "Since the last report: " + ChangesPage.summary(changes) + " "
          + Markdown.link("Changes", to: ChangesPage.slug + ".html"))
    }
    headlines(context, into: &document)

    document.heading("What was read")
    document.table(
      Table(
        caption: "Inputs, by kind",
        columns: [.init("Kind"), .init("Files", numeric: true), .init("Records", numeric: true)],
        rows: InputRole.allCases.map { role in
          [
            Table.Cell("<a href=\"\(attribute: inputsLink)\">\(role.title)</a>", isRowHeader: true),
            .count(inputs.used(role).count), .count(inputs.records(role)),
          ]
        }))
    let missing = InputRole.allCases.filter { inputs.used($0).isEmpty }
    if !missing.isEmpty {
      let names = missing.map(\.title).joined(separator: ", ")
      document.note("No \(names) input could be used.")
    }
    if !inputs.notUsed.isEmpty {
      let count = inputs.notUsed.count
      document.note(
        "\(count) \(count == 1 ? "file was" : "files were") not used; \(Markdown.link("Inputs", to: inputsLink)) says why."
      )
    }

    if let tenant = context.settings.tenant {
      document.heading("Tenant policy against the baselines")
      document.table(
        Table(
          caption: "Tenant settings checked against CISA SCuBA and CIS Microsoft 365",
          columns: [.init("Check"), .init("Baseline wants"), .init("Tenant"), .init("Result")],
          rows: BaselineRules.checks.map { check in
            let result: (String, String)
            switch check.evaluate(tenant) {
            case nil: result = ("not applicable", "–")
            case .pass(let actual)?: result = ("pass", actual)
            case .fail(let severity, let actual, _)?: result = ("fails (\(severity.rawValue))", actual)
            case .missing(let setting)?: result = ("not in the export", setting)
            }
            return [
              Table.Cell("\(check.rule) <small>\(check.title)</small>", isRowHeader: true), .text(check.requirement),
              .text(result.1), .text(result.0),
            ]
          }))
      let failing = context.findings.filter { $0.subject == "tenant" && $0.severity != .warning }.count
      document.paragraph(
        "\(failing) of \(BaselineRules.checks.count) checks fail; \(Markdown.link("Findings", to: FindingsPage.slug + ".html")) gives the fix for each."
      )
    }

    document.heading("In this report")
    document.bulletList(
      pages.map { page in "\(Markdown.link("\(page.title)", to: page.slug + ".html")): \(page.summary)" })
    return ReportPage(slug: slug, navigationTitle: title, document: document)
  }

  static func headlines(_ context: ReportContext, into document: inout MarkdownDocument) {
    let anyone = context.links.filter { $0.scope == .anyone }
    let created = anyone.filter { $0.createdAt != nil }
    let outlook = created.filter { $0.origin == .outlookWeb || $0.origin == .outlookDesktop }
    let accounts = context.inputs.used.compactMap(\.audit)
    func link(_ text: String, _ page: String) -> Table.Cell {
      Table.Cell("<a href=\"\(attribute: page).html\">\(text)</a>")
    }
    var rows: [[Table.Cell]] = [
      [.header("Anyone links created"), link(Format.count(created.count), "links-anyone")],
      [
        .header("still active (not removed)"),
        link(Format.count(anyone.filter(\.isActive).count), "links-anyone-active"),
      ],
      [.header("never used"), link(Format.count(anyone.filter { $0.uses == 0 }.count), "links-anyone-never-used")],
      [.header("distinct anonymous visitors"), link(Format.count(context.anonymousVisitors), LinksPage.slug)],
      [
        .header("created from Outlook"),
        link(
          created.isEmpty
            ? "–"
            : "\(Int((Double(outlook.count) / Double(created.count) * 100).rounded())) % (\(Format.count(outlook.count)))",
          "links-anyone-outlook"),
      ],
    ]
    if let first = accounts.compactMap(\.firstEvent).min(), let last = accounts.compactMap(\.lastEvent).max() {
      rows.append([
        .header("audit data covers"), link("\(InputsPage.time(first)) – \(InputsPage.time(last)) UTC", InputsPage.slug),
      ])
    }
    if !context.postures.isEmpty {
      let open = context.postures.filter(\.allowsAnyone).count
      rows.append([
        .header("sites allowing Anyone links"),
        link("\(Format.count(open)) of \(Format.count(context.postures.count))", SitesPage.slug),
      ])
    }
    if !context.findings.isEmpty {
      let counts = Severity.allCases.compactMap { severity -> String? in
        let count = context.findings.filter { $0.severity == severity }.count
        return count == 0 ? nil : "\(Format.count(count)) \(severity.rawValue)"
      }
      rows.append([.header("findings"), link(counts.joined(separator: ", "), FindingsPage.slug)])
    }
    document.heading("Headline figures")
    document.table(
      Table(
        caption: "Headline figures (each links to the page that explains it)",
        columns: [.init("Figure"), .init("Value", numeric: true)], rows: rows))
    let top = context.findings.filter { $0.severity == .high }.prefix(5)
    if !top.isEmpty {
      document.heading("Top findings")
      document.bulletList(
        top.map { finding in
          let page =
            finding.siteUrl.map { SitesPage.pageSlug($0) + ".html" } ?? FindingsPage.link(to: finding)
          return "\(finding.summary) \(Markdown.link("\(finding.rule)", to: page))"
        })
    }
  }

  /// The lists behind the headline figures.
  public static func figureLists(_ context: ReportContext) -> [ReportPage] {
    let anyone = context.links.filter { $0.scope == .anyone }
    let outlook = anyone.filter { $0.createdAt != nil && ($0.origin == .outlookWeb || $0.origin == .outlookDesktop) }
    let back = (title: "the Overview", page: slug)
    let lists: [(String, String, [SharingLink])] = [
      ("links-anyone", "Anyone links", anyone),
      ("links-anyone-active", "Anyone links still active", anyone.filter(\.isActive)),
      ("links-anyone-never-used", "Anyone links never used", anyone.filter { $0.uses == 0 }),
      ("links-anyone-outlook", "Anyone links created from Outlook", outlook),
    ]
    return lists.flatMap { page, title, links in
      LinksPage.listPages(
        slug: page, title: title, links: links, section: LinksPage.slug, back: back, titles: context.siteTitles)
    }
  }
}
