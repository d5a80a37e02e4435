/// Builds every page of the report from the model, in navigation order.
public struct ReportBuilder: Sendable {
  public var context: ReportContext

  public init(context: ReportContext) { self.context = context }

  public func pages() -> [ReportPage] {
    let links = LinksPage.build(context)
    let sites = SitesPage.build(context)
    let findings = FindingsPage.build(context)
    let workloads = WorkloadPage.build(context)
    let heatmap = HeatmapPage.build(context)
    let inputs = InputsPage.build(context)
    let summaries: [(slug: String, title: String, summary: Markdown)] = [
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
        inputs.slug, "Inputs and data quality",
        "every input file, the format it was recognised as, and what became of each record: used, duplicate, another operation, or rejected with the reason."
      ),
    ]
    let changes = context.changes.map { [ChangesPage.build($0)] } ?? []
    return [OverviewPage.build(context, pages: summaries)] + OverviewPage.figureLists(context) + changes + workloads
      + sites + [findings, heatmap] + links
      + [inputs]
  }
}
