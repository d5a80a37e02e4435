/// Findings: the label versus site mismatches, the baseline checks and the activity checks, grouped
/// by severity and rule, each with its evidence, explanation and fix.
public enum FindingsPage {
  public static let slug = "findings"
  public static let title = "Findings"

  /// Where a finding's rule is explained under its severity. A rule can have findings of several
  /// severities; each group has an anchor of its own, and the first also `rule-<rule>`.
  public static func link(to finding: Finding) -> String {
    slug + ".html#" + anchor(rule: finding.rule, severity: finding.severity)
  }

  static func anchor(rule: String, severity: Severity) -> String { "rule-\(rule)-\(severity.rawValue)" }

  public static func build(_ context: ReportContext) -> ReportPage {
    var document = MarkdownDocument(title: "Findings")
    let findings = context.findings
    guard !findings.isEmpty else {
      document.paragraph(
        context.settings.tenant == nil && context.settings.sites.isEmpty
          ? "No tenant, site or label settings were given, so nothing could be checked."
          : "No finding: every check passed.")
      return ReportPage(slug: slug, navigationTitle: title, document: document)
    }
    document.paragraph(
      "Each finding has a stable id (rule and subject) so that two reports can be compared. Severity: high means people outside the organization can reach content now or by default; medium a setting or link that deviates from the label or the baselines; low a hardening gap; info a configuration that has no effect; warning data that does not allow a verdict."
    )
    document.table(
      Table(
        caption: "Findings by severity",
        columns: [.init("Severity"), .init("Findings", numeric: true)],
        rows: Severity.allCases.compactMap { severity in
          let count = findings.filter { $0.severity == severity }.count
          return count == 0 ? nil : [.header(severity.title), .count(count)]
        }))
    var anchored = Set<String>()
    for severity in Severity.allCases {
      let some = findings.filter { $0.severity == severity }
      guard !some.isEmpty else { continue }
      document.heading("\(severity.title)")
      for rule in Array(Set(some.map(\.rule))).sorted() {
        let group = some.filter { $0.rule == rule }
        if anchored.insert(rule).inserted { document.anchor("rule-\(rule)") }
        document.anchor(anchor(rule: rule, severity: severity))
        document.heading("\(rule) · \(group.count) \(group.count == 1 ? "finding" : "findings")", level: 3)
        document.paragraph("\(group[0].explanation)")
        for finding in group {
          document.paragraph("**\(finding.summary)** \(Markdown.code(finding.id))")
          var items = finding.evidence.map { item -> Markdown in "Evidence: \(item)" }
          if let fix = finding.remediation { items.append("Fix: \(Markdown.code(fix))") }
          if !finding.references.isEmpty { items.append("References: \(finding.references.joined(separator: "; "))") }
          document.bulletList(items)
        }
      }
    }
    return ReportPage(slug: slug, navigationTitle: title, document: document)
  }
}
