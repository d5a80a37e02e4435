/// Turns the report's pages into the files of the site: each page's Markdown (the diffable record),
/// its HTML through libcmark and the layout, and the assets.
public struct SiteRenderer: Sendable {
  public static let layoutName = "page.html"

  public var context: ReportContext
  var layout: Layout

  public init(context: ReportContext) {
    self.init(context: context, layout: Layout(template: EmbeddedFiles.templates[Self.layoutName] ?? ""))
  }

  init(context: ReportContext, layout: Layout) {
    self.context = context
    self.layout = layout
  }

  public func files(for pages: [ReportPage]) throws(ShareLensError) -> [OutputFile] {
    var files: [OutputFile] = []
    try render(pages) { files.append($0) }
    return files
  }

  /// Renders page after page into `emit`, so that a large report is never whole in memory.
  public func render(_ pages: [ReportPage], into emit: (OutputFile) throws(ShareLensError) -> Void)
    throws(ShareLensError)
  {
    for page in pages {
      let markdown = page.document.text
      try emit(OutputFile(path: page.markdownPath, text: markdown))
      guard let content = MarkdownRenderer.html(fromMarkdown: markdown) else {
        throw ShareLensError(.renderFailed(page: page.slug))
      }
      let html = try layout.render(
        text: [
          "title": page.navigationTitle,
          "report-title": context.title,
          "generated-at": Format.timestamp(context.generatedAt),
          "version": ShareLensVersion.current,
          "root": "",
        ],
        raw: [
          "navigation": navigation(pages, current: page),
          "content": HTML(stringLiteral: content),
          "classification-banner": classificationBanner,
        ])
      try emit(OutputFile(path: page.htmlPath, text: html))
    }
    try emit(OutputFile(path: "report.json", text: ReportJSON(context: context).encoded()))
    try emit(OutputFile(path: LinksPage.csvPath, text: ReportJSON.linksCSV(context)))
    for (name, text) in EmbeddedFiles.assets.sorted(by: { $0.key < $1.key }) {
      try emit(OutputFile(path: "assets/" + name, text: text))
    }
  }

  func navigation(_ pages: [ReportPage], current: ReportPage) -> HTML {
    var lines: [String] = ["<ul>"]
    for page in pages where page.inNavigation {
      let currentMark = page.slug == current.section ? " aria-current=\"page\"" : ""
      let item: HTML =
        "<li><a href=\"\(attribute: page.htmlPath)\"\(HTML(stringLiteral: currentMark))>\(page.navigationTitle)</a></li>"
      lines.append(item.source)
    }
    lines.append("</ul>")
    return HTML(stringLiteral: lines.joined(separator: "\n"))
  }

  var classificationBanner: HTML {
    guard let classification = context.classification, !classification.isEmpty else { return "" }
    return "<p class=\"classification\" role=\"note\">\(classification)</p>"
  }
}
