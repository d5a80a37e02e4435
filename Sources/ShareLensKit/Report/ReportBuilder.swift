/// Builds every page of the report from the model, in navigation order.
public struct ReportBuilder: Sendable {
  public var context: ReportContext

  public init(context: ReportContext) { self.context = context }

  public func pages() -> [ReportPage] {
    let inputs = InputsPage.build(context)
    let summaries: [(slug: String, title: String, summary: Markdown)] = [
      (
        inputs.slug, inputs.navigationTitle,
        "every input file, the format it was recognised as, its size and record count, and the files that were not used and why."
      )
    ]
    return [OverviewPage.build(context, pages: summaries), inputs]
  }
}
