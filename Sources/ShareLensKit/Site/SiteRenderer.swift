import Foundation

/// Turns the report's pages into the files of the site: each page's Markdown (the diffable record),
/// its HTML through libcmark and the layout, and the assets.
public struct SiteRenderer: Sendable {
  public static let layoutName = "page.html"

  public var context: ReportContext
  var layout: Layout
  /// The page the report title in the masthead leads to.
  public var home = "index.html"
  /// Threads that render pages.
  public var jobs = 1

  public init(context: ReportContext) {
    self.init(context: context, layout: Layout(template: EmbeddedFiles.templates[Self.layoutName] ?? ""))
  }

  init(context: ReportContext, layout: Layout) {
    self.context = context
    self.layout = layout
  }

  public func files(for pages: [ReportPage]) throws(ShareLensError) -> [OutputFile] {
    var files: [OutputFile] = []
    try render(pages) { file in
      if file.appends, let last = files.indices.last, files[last].path == file.path {
        files[last].contents += file.contents
      } else {
        files.append(file)
      }
    }
    return files
  }

  /// Renders the pages into `emit`, a few at a time (on `jobs` threads), so that a large report is
  /// never whole in memory; `report.json` and `links.csv` come in parts.
  public func render(_ pages: [ReportPage], into emit: (OutputFile) throws(ShareLensError) -> Void)
    throws(ShareLensError)
  {
    let navigation = navigation(pages)
    let batch = max(jobs, 1) * 4
    for start in stride(from: 0, to: pages.count, by: batch) {
      let some = Array(pages[start..<min(start + batch, pages.count)])
      let rendered = Parallel.map(some, jobs: jobs) { page in render(page, navigation: navigation) }
      for files in rendered {
        let files = try files.get()
        try emit(files.markdown)
        try emit(files.html)
      }
    }
    // Written in parts, as the links are encoded.
    var started = false
    try ReportJSON.write(context, jobs: jobs) { text throws(ShareLensError) in
      try emit(OutputFile(path: "report.json", text: text, appends: started))
      started = true
    }
    started = false
    try ReportJSON.writeLinksCSV(context, jobs: jobs) { text throws(ShareLensError) in
      try emit(OutputFile(path: LinksPage.csvPath, text: text, appends: started))
      started = true
    }
    if let style = classificationStyle {
      try emit(OutputFile(path: "assets/" + Self.classificationStylePath, text: style))
    }
    for (name, text) in EmbeddedFiles.assets.sorted(by: { $0.key < $1.key }) {
      try emit(OutputFile(path: "assets/" + name, text: text))
    }
  }

  /// One page's Markdown and HTML files.
  func render(
    _ page: ReportPage, navigation: (ReportPage) -> HTML
  ) -> Result<(markdown: OutputFile, html: OutputFile), ShareLensError> {
    let document = page.document  // built here, once
    let markdown = document.text
    guard let content = MarkdownRenderer.html(from: document) else {
      return .failure(ShareLensError(.renderFailed(page: page.slug)))
    }
    let rendered = Result { () throws(ShareLensError) in
      try layout.render(
        text: [
          "title": page.navigationTitle,
          "report-title": context.title,
          "generated-at": Format.timestamp(context.generatedAt),
          "version": ShareLensVersion.current,
          "root": "", "home": home,
          "organization": context.organization ?? "",
          "title-prefix": titlePrefix,
        ],
        raw: [
          "navigation": navigation(page),
          "content": HTML(stringLiteral: content),
          "classification-banner": classificationBanner,
          "classification-banner-bottom": classificationBanner(bottom: true),
          "classification-style": classificationStyle == nil
            ? "" : "\n<link rel=\"stylesheet\" href=\"assets/\(Self.classificationStylePath)\">",
        ])
    }
    return rendered.map {
      (OutputFile(path: page.markdownPath, text: markdown), OutputFile(path: page.htmlPath, text: $0))
    }
  }

  /// The navigation list, built once per section rather than once per page.
  func navigation(_ pages: [ReportPage]) -> @Sendable (ReportPage) -> HTML {
    var bySection: [String: HTML] = [:]
    for page in pages where bySection[page.section] == nil {
      bySection[page.section] = navigation(pages, current: page)
    }
    let lists = bySection
    return { page in lists[page.section] ?? "" }
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

  var classificationBanner: HTML { classificationBanner(bottom: false) }

  static let classificationStylePath = "classification.css"

  /// The classification in the top and bottom margin of every printed page (CSS page-margin boxes),
  /// generated for this report because the text is the user's.
  var classificationStyle: String? {
    guard let classification = context.classification, !classification.isEmpty else { return nil }
    let text = Escaping.cssString(classification.uppercased())
    return """
      /* The classification of this report, on every printed page. */
      @page {
        @top-center { content: "\(text)"; font: 600 9pt system-ui, sans-serif; }
        @bottom-center { content: "\(text)"; font: 600 9pt system-ui, sans-serif; }
      }
      @media print { .classification { display: none; } }

      """
  }

  /// The classification leads the page title, which browsers print in the header of every page.
  var titlePrefix: String {
    guard let classification = context.classification, !classification.isEmpty else { return "" }
    return classification.uppercased() + " · "
  }

  func classificationBanner(bottom: Bool) -> HTML {
    guard let classification = context.classification, !classification.isEmpty else { return "" }
    return bottom
      ? "<p class=\"classification bottom\" role=\"note\">\(classification)</p>"
      : "<p class=\"classification\" role=\"note\">\(classification)</p>"
  }

  /// `<a href="<page>.html"` → `<a href="#page-<slug>"` for every page in `anchors`, and
  /// `<a href="<page>.html#<id>"` → `<a href="#<id>"`, in one pass (one search per page made the
  /// single file grow with the square of the pages). Only links are rewritten: every `<` from the
  /// data is escaped, so `<a href="` is always a link of the report's own, while `href="…"` alone
  /// can be text of the data (a site title, a file name).
  static func pointingLinks(in html: String, to anchors: [String: String]) -> String {
    var out: [UInt8] = []
    let marker = "<a href=\""
    ASCIIText.withBytes(of: html) { bytes in
      out.reserveCapacity(bytes.count)
      var index = 0
      var copied = 0
      while let start = ASCIIText.withBytes(
        of: marker, { ASCIIText.firstIndex(of: $0, in: bytes, from: index, foldingCase: false) })
      {
        let valueStart = start + marker.utf8.count
        guard let valueEnd = bytes[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { break }
        let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<valueEnd]), as: UTF8.self)
        // A place on a page (`page.html#id`) is that place in the file: the ids of the pages'
        // places are unique across the report.
        let target: String?
        if let hash = value.firstIndex(of: "#") {
          target = anchors[String(value[..<hash])] == nil ? nil : String(value[hash...])
        } else {
          target = anchors[value]
        }
        // Not a page: search on from just after this `<a href="`.
        guard let anchor = target else {
          index = valueStart
          continue
        }
        index = valueEnd + 1
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<valueStart]))
        out.append(contentsOf: anchor.utf8)
        copied = valueEnd
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The whole report as one HTML file: every page a section, links turned into in-page anchors,
  /// the stylesheet inlined and allowed by its hash, so the policy still forbids every script.
  public func singleFile(_ pages: [ReportPage]) throws(ShareLensError) -> String {
    let layout = Layout(template: EmbeddedFiles.templates["single.html"] ?? "")
    let style = (EmbeddedFiles.assets.sorted { $0.key < $1.key }.map(\.value) + [classificationStyle ?? ""]).joined(
      separator: "\n")
    let hash = Data(SHA256.digest(Array(style.utf8))).base64EncodedString()
    var sections: [String] = []
    let anchors = Dictionary(pages.map { ($0.htmlPath, "#page-" + $0.slug) }, uniquingKeysWith: { first, _ in first })
    for page in pages {
      guard var html = MarkdownRenderer.html(from: page.document) else {
        throw ShareLensError(.renderFailed(page: page.slug))
      }
      html = Self.pointingLinks(in: html, to: anchors)
      // links.csv stays beside the report folder: name it, don't link it.
      html = html.replacingOccurrences(
        of: "<a href=\"\(LinksPage.csvPath)\">links.csv</a>", with: "links.csv (in the report folder)")
      sections.append("<section class=\"page\" id=\"page-\(page.slug)\">\n\(html)</section>")
    }
    var navigation = ["<ul>"]
    for page in pages where page.inNavigation {
      let item: HTML = "<li><a href=\"#page-\(attribute: page.slug)\">\(page.navigationTitle)</a></li>"
      navigation.append(item.source)
    }
    navigation.append("</ul>")
    return try layout.render(
      text: [
        "csp": "default-src 'none'; style-src 'sha256-\(hash)'; img-src data:", "report-title": context.title,
        "organization": context.organization ?? "", "generated-at": Format.timestamp(context.generatedAt),
        "version": ShareLensVersion.current, "title-prefix": titlePrefix,
      ],
      raw: [
        "style": HTML(stringLiteral: style), "navigation": HTML(stringLiteral: navigation.joined(separator: "\n")),
        "content": HTML(stringLiteral: sections.joined(separator: "\n")), "classification-banner": classificationBanner,
        "classification-banner-bottom": classificationBanner(bottom: true),
      ])
  }
}
