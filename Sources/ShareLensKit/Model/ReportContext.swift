import Foundation

/// What every page of one report shares: its title, classification, time of generation and inputs.
public struct ReportContext: Sendable {
  public var title: String
  public var classification: String?
  /// `--organization`: shown on every page and in print.
  public var organization: String?
  public var generatedAt: Date
  public var inputs: ReportInputs
  /// Every link rebuilt from the audit data, oldest first.
  public var links: [SharingLink]
  public var settings: SettingsInputs
  /// Every site's effective posture, most exposed first.
  public var postures: [SitePosture]
  /// Most severe first.
  public var findings: [Finding]
  /// Links on one file by one person within this many seconds form a burst.
  public var burstWindow: Int64 = LinkPatterns.defaultBurstWindow
  /// Site titles by lower-cased URL, to name sites the same way on every page.
  public var siteTitles: [String: String] {
    Dictionary(settings.sites.map { ($0.url.lowercased(), $0.title) }, uniquingKeysWith: { first, _ in first })
  }

  /// The changes since the report given with `--baseline`.
  public var changes: ReportDiff?
  /// Distinct anonymous visitors on Anyone-linked files.
  public var anonymousVisitors = 0
  /// The time zone of the heatmaps (`--timezone`).
  public var timeZone = TimeZone(identifier: "UTC")!

  public init(
    title: String, classification: String?, generatedAt: Date, inputs: ReportInputs, links: [SharingLink] = [],
    settings: SettingsInputs = SettingsInputs(), labelPolicy: LabelPolicy? = nil
  ) {
    self.title = title
    self.classification = classification
    self.generatedAt = generatedAt
    self.inputs = inputs
    self.links = links
    self.settings = settings
    let postures = PostureCalculator.postures(settings: settings, links: links)
    var findings = settings.tenant.map(BaselineRules.findings) ?? []
    findings += SiteRules.findings(postures, settings: settings, links: links)
    findings += labelPolicy?.findings(postures) ?? []
    self.findings = findings.sorted { ($0.severity, $0.rule, $0.subject) < ($1.severity, $1.rule, $1.subject) }
    // Most exposed first: what a site allows now, then its high findings, its default link, its
    // active Anyone links.
    var high: [String: Int] = [:]
    for finding in self.findings where finding.severity == .high {
      if let url = finding.siteUrl { high[url, default: 0] += 1 }
    }
    func key(_ posture: SitePosture) -> (Int, Int, Int, Int) {
      (
        posture.effectiveCapability?.value.rank ?? 0, high[posture.site.url] ?? 0,
        posture.defaultScope?.value.rank ?? 0,
        posture.anyoneLinksActive
      )
    }
    self.postures = postures.sorted { lhs, rhs in
      key(lhs) != key(rhs) ? key(lhs) > key(rhs) : lhs.site.url < rhs.site.url
    }
  }
}

/// One page of the report: its file name (without extension), navigation title and Markdown.
public struct ReportPage: Sendable {
  public var slug: String
  public var navigationTitle: String
  /// The page's Markdown, built when it is asked for: a large report's pages are built one at a
  /// time as they are written (and on several threads), never all held at once.
  public var document: MarkdownDocument { build() }
  private let build: @Sendable () -> MarkdownDocument
  /// The continuation pages of a long table are reached from their first page, not the navigation.
  public var inNavigation: Bool
  /// The navigation entry this page belongs to.
  public var section: String

  public init(
    slug: String, navigationTitle: String, document: MarkdownDocument, inNavigation: Bool = true, section: String? = nil
  ) {
    self.init(slug: slug, navigationTitle: navigationTitle, inNavigation: inNavigation, section: section) { document }
  }

  public init(
    slug: String, navigationTitle: String, inNavigation: Bool = true, section: String? = nil,
    build: @escaping @Sendable () -> MarkdownDocument
  ) {
    self.slug = slug
    self.navigationTitle = navigationTitle
    self.build = build
    self.inNavigation = inNavigation
    self.section = section ?? slug
  }

  public var htmlPath: String { slug + ".html" }
  public var markdownPath: String { "markdown/" + slug + ".md" }
}
