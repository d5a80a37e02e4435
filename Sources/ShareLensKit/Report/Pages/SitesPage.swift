import Foundation

/// Per-site sharing posture: every site sorted by exposure, and a page of its own for each site
/// with its settings and where each comes from, its findings and its links.
public enum SitesPage {
  public static let slug = "sites"
  public static let title = "Sites"

  /// A file name for a site's page: readable, and unique through a hash of the URL.
  public static func pageSlug(_ url: String) -> String {
    var readable = ""
    // The path names the site; the host is the same for all but OneDrives, whose path says so.
    let afterScheme = url.range(of: "://").map { url[$0.upperBound...] } ?? url[...]
    let path = afterScheme.firstIndex(of: "/").map { afterScheme[$0...] } ?? ""
    for scalar in (path.isEmpty || path == "/" ? "root" : path).lowercased().unicodeScalars {
      let keep = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
      if keep { readable.unicodeScalars.append(scalar) } else if !readable.hasSuffix("-") { readable += "-" }
    }
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in url.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    let trimmed = String(readable.trimmingCharacters(in: CharacterSet(charactersIn: "-")).prefix(48))
    return "site-\(trimmed)-\(String(hash, radix: 16).suffix(8))"
  }

  public static func build(_ context: ReportContext) -> [ReportPage] {
    var document = MarkdownDocument(title: "Sites")
    let postures = context.postures
    guard !postures.isEmpty else {
      document.paragraph(
        "No site list was given: run `Get-SPOSite -Identity <url> | Select-Object * | ConvertTo-Json` for each site (the Inputs page lists what was read)."
      )
      return [ReportPage(slug: slug, navigationTitle: title, document: document)]
    }
    let insufficient = postures.filter { !$0.isComplete }.count
    document.paragraph(
      "\(postures.count) sites and OneDrives, most exposed first: what they allow now, then their active Anyone links. Each value says where it comes from (the site, the tenant, the OneDrive or SharePoint partition, or a documented fallback); the effective sharing is the most restrictive of tenant, partition and site."
    )
    if insufficient > 0 {
      document.note(
        "\(insufficient) \(insufficient == 1 ? "site has" : "sites have") insufficient detail: the site list looks like a bulk listing, whose sharing fields are defaults rather than facts. Their values below come from the tenant only."
      )
    }
    document.table(
      Table(
        caption: "Sites by exposure",
        // What a reviewer looks for first (how far the site shares, its active Anyone links, its
        // findings) comes before the defaults behind it: a wide table scrolls, and these stay in view.
        columns: [
          .init("Site"), .init("Label"), .init("Sharing (effective)"), .init("Active Anyone", numeric: true),
          .init("Findings", numeric: true), .init("Links", numeric: true), .init("Default link"),
          .init("Default permission"), .init("Anyone expiry"), .init("Stored"), .init("Kind"),
        ],
        rows: postures.map { posture in row(posture, findings: context.findings) }))
    var pages = [ReportPage(slug: slug, navigationTitle: title, document: document)]
    let bySite = SharingLink.bySite(context.links)
    pages += postures.map { sitePage($0, links: bySite[$0.site.url.lowercased()] ?? [], context: context) }
    return pages
  }

  static func row(_ posture: SitePosture, findings: [Finding]) -> [Table.Cell] {
    let site = posture.site
    let count = findings.filter { $0.siteUrl == site.url }.count
    let name = site.title.isEmpty ? site.url : site.title
    return [
      Table.Cell("<a href=\"\(attribute: pageSlug(site.url)).html\">\(name)</a>", isRowHeader: true),
      .text(posture.label?.name ?? (site.labelId == nil ? "" : "unknown label")),
      posture.isComplete
        ? sourced(posture.effectiveCapability.map { Sourced(value: $0.value.title, source: $0.source) })
        : Table.Cell("<em>insufficient detail</em>"),
      .count(posture.anyoneLinksActive), .count(count), .count(posture.linksCreated),
      sourced(posture.defaultScope.map { Sourced(value: $0.value.title, source: $0.source) }),
      sourced(posture.defaultRole.map { Sourced(value: $0.value.rawValue, source: $0.source) }),
      posture.allowsAnyone
        ? sourced(
          posture.anyoneExpiryDays.map { Sourced(value: $0.value.map { "\($0) days" } ?? "none", source: $0.source) })
        : .text("–"),
      .text(posture.isComplete ? site.storedCapability?.title ?? "–" : "–"),
      .text(site.kind.title),
    ]
  }

  static func sourced(_ value: Sourced<String>?) -> Table.Cell {
    guard let value else { return .text("–") }
    return Table.Cell("\(value.value) <small>(\(value.source.title))</small>")
  }

  /// - Parameter links: the site's links, oldest first.
  static func sitePage(_ posture: SitePosture, links: [SharingLink], context: ReportContext) -> ReportPage {
    ReportPage(slug: pageSlug(posture.site.url), navigationTitle: title, inNavigation: false, section: slug) {
      siteDocument(posture, links: links, context: context)
    }
  }

  static func siteDocument(_ posture: SitePosture, links: [SharingLink], context: ReportContext) -> MarkdownDocument {
    let site = posture.site
    var document = MarkdownDocument(title: "\(site.title.isEmpty ? site.url : site.title)")
    document.paragraph(
      "\(Markdown.code(site.url)) · \(site.kind.title)\(site.template.isEmpty ? "" : " (\(site.template))") · \(Markdown.link("all sites", to: SitesPage.slug + ".html"))"
    )
    if case .insufficient(let signs) = posture.detail {
      document.note(
        "Insufficient detail: \(signs.joined(separator: "; ")). The values below come from the tenant only.")
    }
    document.heading("Settings")
    var rows: [[Table.Cell]] = []
    func add(_ name: String, _ cell: Table.Cell) { rows.append([.header(name), cell]) }
    add(
      "Sensitivity label",
      .text(
        posture.label.map { "\($0.name) (\($0.id))" } ?? site.labelId.map { "\($0) (not in the label export)" }
          ?? "none"))
    if let label = posture.label, label.siteSettingsEnabled {
      add("Label: external sharing", .text(label.externalSharing?.title ?? "not set"))
      add(
        "Label: default link",
        .text(
          [label.defaultScope?.title, label.defaultRole?.rawValue].compactMap { $0 }.joined(separator: ", ").ifEmpty(
            "not set")))
    }
    add(
      "Effective sharing",
      sourced(posture.effectiveCapability.map { Sourced(value: $0.value.title, source: $0.source) }))
    add("Stored on the site", .text(posture.isComplete ? site.storedCapability?.title ?? "–" : "unknown"))
    if let latent = posture.latentCapability {
      add("Latent exposure", .text("the site stores \(latent.title): loosening the tenant would revive it"))
    }
    add("Default link", sourced(posture.defaultScope.map { Sourced(value: $0.value.title, source: $0.source) }))
    add("Default permission", sourced(posture.defaultRole.map { Sourced(value: $0.value.rawValue, source: $0.source) }))
    add(
      "Anyone link expiry",
      posture.allowsAnyone
        ? sourced(
          posture.anyoneExpiryDays.map { Sourced(value: $0.value.map { "\($0) days" } ?? "none", source: $0.source) })
        : .text("Anyone links not allowed"))
    document.table(
      Table(
        caption: "Effective settings and where each comes from", columns: [.init("Setting"), .init("Value")], rows: rows
      ))

    let findings = context.findings.filter { $0.siteUrl == site.url }
    document.heading("Findings")
    if findings.isEmpty {
      document.paragraph("No finding for this site.")
    } else {
      document.bulletList(
        findings.map {
          "**\($0.severity.title)** \($0.summary) \(Markdown.link(Markdown.code($0.id), to: FindingsPage.link(to: $0)))"
        })
      document.paragraph(
        "\(Markdown.link("All findings", to: FindingsPage.slug + ".html")) explains each rule and gives the fix.")
    }

    document.heading("Links, oldest first")
    if links.isEmpty {
      document.paragraph("The audit data holds no link on this site.")
    } else {
      document.paragraph("\(links.count) \(links.count == 1 ? "link" : "links") on this site:")
      document.table(LinksPage.table(Array(links.prefix(LinksPage.rowsPerPage)), first: 0, titles: context.siteTitles))
      if links.count > LinksPage.rowsPerPage {
        document.note("\(links.count - LinksPage.rowsPerPage) more links on this site are in links.csv.")
      }
    }
    return document
  }
}

extension String {
  func ifEmpty(_ replacement: String) -> String { isEmpty ? replacement : self }
}
