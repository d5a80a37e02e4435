import Foundation

/// `sharelens diff OLD NEW`: what changed between two reports, as diff.md, diff.html and diff.json.
struct DiffCommand {
  var options: DiffOptions
  var environment: [String: String]
  var console: Console

  /// Exit status 3: the `--fail-on` condition holds (for scheduled jobs).
  static let conditionHolds: Int32 = 3

  func run() throws(ShareLensError) -> Int32 {
    let old = try ReportComparer.load(options.old)
    let new = try ReportComparer.load(options.new)
    let diff = ReportComparer.compare(old: old, new: new, all: options.all)
    let writer = SiteWriter(
      destination: URL(fileURLWithPath: options.out), force: options.force, displayPath: options.out)
    try writer.checkDestination(protecting: [
      (options.old, "the report \(options.old)"), (options.new, "the report \(options.new)"),
      (FileManager.default.currentDirectoryPath, "the current folder"),
    ])
    let document = ChangesPage.document(diff, title: "Changes between two reports")
    var files = [
      OutputFile(path: "diff.md", text: document.text), OutputFile(path: "diff.json", text: Self.encoded(diff)),
    ]
    let page = ReportPage(slug: "diff", navigationTitle: "Changes", document: document)
    let epoch = try Timestamp.sourceDateEpoch(environment)
    let context = ReportContext(
      title: "ShareLens changes", classification: options.classification, generatedAt: epoch ?? Date(),
      inputs: ReportInputs(origin: .userFiles, files: []))
    var renderer = SiteRenderer(context: context)
    renderer.home = "diff.html"
    let rendered = try renderer.files(for: [page])
    files += rendered.filter { $0.path == "diff.html" || $0.path.hasPrefix("assets/") }
    try writer.write(files)
    if !options.quiet {
      console.out(ChangesPage.summary(diff).source + "\n")
      console.out("Wrote diff.md, diff.html and diff.json to \(options.out)/\n")
    }
    return options.failOn.map { Self.holds($0, diff) ? Self.conditionHolds : 0 } ?? 0
  }

  static func holds(_ condition: DiffOptions.FailOn, _ diff: ReportDiff) -> Bool {
    switch condition {
    case .anyChange: return !diff.changes.isEmpty
    case .newFindings: return diff.count("finding.new") > 0
    case .newHigh:
      return diff.changes.contains {
        ($0.kind == "finding.new" || $0.kind == "finding.severity") && $0.severity == "high"
      }
        || diff.changes.contains { $0.kind == "tenant.setting" && $0.rank < 10 }
    }
  }

  static func encoded(_ diff: ReportDiff) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    return String(decoding: (try? encoder.encode(diff)) ?? Data("{}".utf8), as: UTF8.self) + "\n"
  }
}
