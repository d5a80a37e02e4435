public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
  case high, medium, low, info
  /// The data does not allow a verdict (a setting missing from the export, an unknown label).
  case warning

  public var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

  public static func < (lhs: Severity, rhs: Severity) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}

/// One thing the report says is wrong or worth knowing, with a stable id (rule and subject) so that
/// two runs can be compared, the evidence and where it came from, and the command that fixes it.
public struct Finding: Sendable, Equatable, Codable {
  public var rule: String
  public var severity: Severity
  /// What it is about: a site URL, a label id, or `tenant`.
  public var subject: String
  public var siteUrl: String?
  public var summary: String
  public var evidence: [String]
  public var explanation: String
  public var remediation: String?
  public var references: [String]

  public var id: String { "\(rule):\(subject)" }

  public init(
    rule: String, severity: Severity, subject: String, siteUrl: String? = nil, summary: String, evidence: [String],
    explanation: String, remediation: String?, references: [String] = []
  ) {
    self.rule = rule
    self.severity = severity
    self.subject = subject
    self.siteUrl = siteUrl
    self.summary = summary
    self.evidence = evidence
    self.explanation = explanation
    self.remediation = remediation
    self.references = references
  }
}
