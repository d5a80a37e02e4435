/// "Changes since the last report": what is new, resolved or changed, most important first.
public enum ChangesPage {
  public static let slug = "changes"
  public static let title = "Changes"

  static let sections: [(kinds: Set<String>, title: String)] = [
    (["finding.new", "finding.severity"], "New and more severe findings"),
    (["link.new", "link.newlyUsed"], "New links and first uses"),
    (["tenant.setting"], "Tenant settings"),
    (["site.added", "site.setting", "site.removed"], "Sites"),
    (["finding.evidence", "finding.lessSevere"], "Findings with new evidence or lower severity"),
    (["finding.resolved"], "Resolved findings"),
    (["link.newlyRemoved", "link.newlyExpired", "link.removed"], "Links removed, expired or no longer in the data"),
    (["figure"], "Headline figures"),
  ]

  public static func document(_ diff: ReportDiff, title: Markdown = "Changes since the last report") -> MarkdownDocument
  {
    var document = MarkdownDocument(title: title)
    document.paragraph(
      "From the report of \(diff.old.generatedAt.isEmpty ? "unknown date" : diff.old.generatedAt) to the report of \(diff.new.generatedAt.isEmpty ? "unknown date" : diff.new.generatedAt), matched on stable ids: findings by rule and subject, sites by URL, links by link id, tenant settings by name."
    )
    document.paragraph(summary(diff))
    for section in sections {
      let some = diff.changes.filter { section.kinds.contains($0.kind) }
      guard !some.isEmpty else { continue }
      document.heading("\(section.title) (\(some.count))")
      document.table(
        Table(
          caption: section.title, columns: [.init("Change"), .init("Severity"), .init("What"), .init("Id")],
          rows: some.map { change in
            [
              .header(label(change.kind)), .text(change.severity ?? ""), .text(change.summary),
              Table.Cell("<code>\(change.subject)</code>"),
            ]
          }))
    }
    if !diff.unchangedFindings.isEmpty {
      document.heading("Unchanged findings (\(diff.unchangedFindings.count))")
      document.bulletList(diff.unchangedFindings.map { "\(Markdown.code($0))" })
    }
    return document
  }

  public static func build(_ diff: ReportDiff) -> ReportPage {
    ReportPage(slug: slug, navigationTitle: title, document: document(diff))
  }

  public static func summary(_ diff: ReportDiff) -> Markdown {
    guard !diff.changes.isEmpty else { return "No changes." }
    let newFindings = diff.changes.filter { $0.kind == "finding.new" }
    let high = newFindings.filter { $0.severity == "high" }.count
    return
      "\(diff.changes.count) \(diff.changes.count == 1 ? "change" : "changes"): \(newFindings.count) new \(newFindings.count == 1 ? "finding" : "findings") (\(high) high), \(diff.count("finding.resolved")) resolved, \(diff.count("link.new")) new \(diff.count("link.new") == 1 ? "link" : "links"), \(diff.count("tenant.setting")) tenant \(diff.count("tenant.setting") == 1 ? "setting" : "settings") and \(diff.count("site.setting")) site \(diff.count("site.setting") == 1 ? "setting" : "settings") changed."
  }

  static func label(_ kind: String) -> String {
    switch kind {
    case "finding.new": return "new finding"
    case "finding.severity": return "more severe"
    case "finding.lessSevere": return "less severe"
    case "finding.evidence": return "new evidence"
    case "finding.resolved": return "resolved"
    case "link.new": return "new link"
    case "link.newlyUsed": return "first used"
    case "link.newlyRemoved": return "removed"
    case "link.newlyExpired": return "expired"
    case "link.removed": return "not in the data"
    case "site.added": return "new site"
    case "site.removed": return "site gone"
    case "site.setting": return "site setting"
    case "tenant.setting": return "tenant setting"
    case "figure": return "figure"
    default: return kind
    }
  }
}
