/// Builds every page of the report from the model, in navigation order.
public struct ReportBuilder: Sendable {
  public var context: ReportContext

  public init(context: ReportContext) { self.context = context }

  /// The pages in navigation order; the sections are worked out on up to `jobs` threads (each
  /// page's Markdown is built later, when it is written).
  public func pages(jobs: Int = 1) -> [ReportPage] {
    let context = context
    let sections: [@Sendable () -> [ReportPage]] = [
      { [OverviewPage.build(context, pages: Self.summaries)] },
      { OverviewPage.figureLists(context) },
      { context.changes.map { [ChangesPage.build($0)] } ?? [] },
      { WorkloadPage.build(context) },
      { SitesPage.build(context) },
      { [FindingsPage.build(context)] },
      { [HeatmapPage.build(context)] },
      { LinksPage.build(context) },
      { [InputsPage.build(context)] },
    ]
    return Parallel.map(sections, jobs: jobs) { $0() }.flatMap { $0 }
  }

  /// The overview's list of sections.
  static let summaries: [(slug: String, title: String, summary: Markdown)] = [
    (
      WorkloadPage.slug, "Workload behavior matrix",
      "how OneDrive, SharePoint, Teams and Outlook create links, beside the links of this tenant by inferred origin and scope, never-used links and bursts."
    ),
    (
      FindingsPage.slug, "Findings",
      "label versus site mismatches, the tenant against the CISA and CIS baselines, and links the settings should not have let happen, each with its evidence and fix."
    ),
    (
      SitesPage.slug, "Sites",
      "every site and OneDrive by exposure: effective sharing, default link and permission, Anyone-link expiry, each with its source, and a page per site."
    ),
    (
      HeatmapPage.slug, "Anonymous-link heatmap",
      "when and where Anyone links are created and used: weekday and hour, site and week, creator and week."
    ),
    (
      LinksPage.slug, "Link inventory",
      "every sharing link rebuilt from the audit records: who made it, when, where, its scope and permission, which program made it, its uses and removal."
    ),
    (
      InputsPage.slug, "Inputs and data quality",
      "every input file, the format it was recognised as, and what became of each record: used, duplicate, another operation, or rejected with the reason."
    ),
  ]
}
