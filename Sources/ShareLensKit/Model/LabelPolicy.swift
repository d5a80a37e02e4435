import Foundation

/// An organization's own rule for labelled sites (label rule L10, opt-in with `--label-policy`):
/// sites whose label has at least a given priority may share at most so far, and offer at most
/// such a default link. Not a Microsoft rule: a policy the organization chooses.
public struct LabelPolicy: Sendable, Equatable {
  public struct Rule: Sendable, Equatable {
    public var minimumPriority: Int
    public var maximumSharing: SharingCapability?
    public var maximumDefaultLink: LinkScopeDefault?
  }

  public var rules: [Rule]

  /// `{"rules": [{"minimumPriority": 2, "maximumSharing": "ExistingExternalUserSharingOnly",
  /// "maximumDefaultLink": "SpecificPeople"}]}`
  public static func read(path: String) throws(ShareLensError) -> LabelPolicy {
    guard FileManager.default.fileExists(atPath: path) else { throw ShareLensError(.missingInput, path: path) }
    guard let data = FileManager.default.contents(atPath: path),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let list = object["rules"] as? [[String: Any]]
    else {
      throw ShareLensError(.invalidInput("not a label policy: expected {\"rules\": [ … ]} (see README)"), path: path)
    }
    var rules: [Rule] = []
    for (index, entry) in list.enumerated() {
      guard let priority = SettingValue.int(entry["minimumPriority"]) else {
        throw ShareLensError(.invalidInput("rule \(index + 1) has no minimumPriority"), path: path)
      }
      let sharing = entry["maximumSharing"].map { SharingCapability(lenient: $0) }
      let link = entry["maximumDefaultLink"].map { LinkScopeDefault(labelValue: SettingValue.string($0)) }
      if sharing == .some(nil) || link == .some(nil) {
        throw ShareLensError(
          .invalidInput(
            "rule \(index + 1): maximumSharing must be a SharingCapabilities name, maximumDefaultLink SpecificPeople, Organization or Anyone"
          ),
          path: path)
      }
      rules.append(Rule(minimumPriority: priority, maximumSharing: sharing ?? nil, maximumDefaultLink: link ?? nil))
    }
    return LabelPolicy(rules: rules)
  }

  /// L10 findings: labelled sites above what the policy allows for their label's priority.
  public func findings(_ postures: [SitePosture]) -> [Finding] {
    var findings: [Finding] = []
    for posture in postures where posture.isComplete {
      guard let label = posture.label, let priority = label.priority else { continue }
      let applicable = rules.filter { priority >= $0.minimumPriority }
      let maxSharing = applicable.compactMap(\.maximumSharing).min()
      let maxLink = applicable.compactMap(\.maximumDefaultLink).min()
      var problems: [String] = []
      var fixes: [String] = []
      if let maxSharing, let effective = posture.effectiveCapability?.value, effective > maxSharing {
        problems.append("sharing \(effective.title), the policy allows at most \(maxSharing.title)")
        fixes.append("-SharingCapability \(maxSharing.name)")
      }
      if let maxLink, let scope = posture.defaultScope?.value, scope > maxLink {
        problems.append("default link \(scope.title), the policy allows at most \(maxLink.title)")
        fixes.append("-DefaultSharingLinkType \(maxLink.linkTypeName)")
      }
      guard !problems.isEmpty else { continue }
      findings.append(
        Finding(
          rule: "L10", severity: .medium, subject: posture.site.url, siteUrl: posture.site.url,
          summary:
            "Against the organization's label policy for \(label.name) (priority \(priority)): \(problems.joined(separator: "; ")).",
          evidence: ["label \(label.name), priority \(priority)"] + problems,
          explanation:
            "The label policy given with --label-policy says how far sites with labels of this priority may share. It is the organization's rule, not Microsoft's.",
          remediation: "Set-SPOSite -Identity \(PowerShell.quote(posture.site.url)) " + fixes.joined(separator: " "),
          references: ["label rule L10 (organization policy)"]))
    }
    return findings
  }
}
