/// One difference between two reports, ordered by how much it matters to a reviewer.
public struct ReportChange: Sendable, Equatable, Codable {
  /// `finding.new`, `finding.resolved`, `finding.severity`, `finding.evidence`, `site.added`,
  /// `site.removed`, `site.setting`, `tenant.setting`, `link.new`, `link.removed`, `link.newlyRemoved`,
  /// `link.newlyUsed`, `link.newlyExpired`, `figure`.
  public var kind: String
  /// What it is about: a finding id, a site URL, a tenant setting, a link id, a figure.
  public var subject: String
  public var summary: String
  /// The severity of the finding concerned (new or current), when there is one.
  public var severity: String?
  public var before: String?
  public var after: String?
  /// Lower comes first.
  public var rank: Int

  public init(
    kind: String, subject: String, summary: String, severity: String? = nil, before: String? = nil,
    after: String? = nil, rank: Int
  ) {
    self.kind = kind
    self.subject = subject
    self.summary = summary
    self.severity = severity
    self.before = before
    self.after = after
    self.rank = rank
  }
}

/// The comparison of two reports, as `diff.json` holds it.
public struct ReportDiff: Sendable, Equatable, Codable {
  public static let schemaVersion = 1
  public var schemaVersion = ReportDiff.schemaVersion
  public var old: Side
  public var new: Side
  public var changes: [ReportChange]
  /// Findings present in both and unchanged (listed only with `--all`).
  public var unchangedFindings: [String]

  public struct Side: Sendable, Equatable, Codable {
    public var title: String
    public var generatedAt: String
  }

  public func count(_ kind: String) -> Int { changes.filter { $0.kind == kind }.count }
}
