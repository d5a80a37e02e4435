import Foundation

/// Reads sites and labels from their exports (the objects, once a file has been split into them).
public enum SiteReader {
  public static func read(_ object: [String: Any]) -> Site? {
    let members = LenientObject(object)
    func value(_ name: String) -> Any? { members[name] }
    guard let url = SettingValue.string(value("Url")), !url.isEmpty else { return nil }
    var site = Site(
      url: url, title: SettingValue.string(value("Title")) ?? "", template: SettingValue.string(value("Template")) ?? ""
    )
    site.reportedCapability = SharingCapability(lenient: value("SharingCapability"))
    site.storedCapability = SharingCapability(lenient: value("SiteDefinedSharingCapability")) ?? site.reportedCapability
    site.overrideSharingCapability = SettingValue.bool(value("OverrideSharingCapability")) ?? false
    // The newer scope and role replace the legacy link type and permission when they are set.
    let newScope = value("DefaultShareLinkScope")
    site.defaultScope = LinkScopeDefault(scope: newScope) ?? LinkScopeDefault(linkType: value("DefaultSharingLinkType"))
    site.defaultRole =
      LinkRoleDefault(lenient: value("DefaultShareLinkRole"))
      ?? LinkRoleDefault(lenient: value("DefaultLinkPermission"))
    site.defaultToExistingAccess = SettingValue.bool(value("DefaultLinkToExistingAccess")) ?? false
    site.anyoneExpiryOverride = SettingValue.bool(value("OverrideTenantAnonymousLinkExpirationPolicy")) ?? false
    site.anyoneExpiryDays = SettingValue.int(value("AnonymousLinkExpirationInDays"))
    site.labelId = SettingValue.guid(value("SensitivityLabel2")) ?? SettingValue.guid(value("SensitivityLabel"))
    if value("SiteDefinedSharingCapability") == nil && value("SharingCapability") == nil {
      site.bulkListingSigns.append("the export has no sharing capability for the site")
    }
    if SettingValue.enumValue(newScope, names: []) == 0, let reported = site.reportedCapability,
      reported != .externalUserAndGuestSharing
    {
      site.bulkListingSigns.append(
        "its default link is Anyone (DefaultShareLinkScope 0) although the site cannot share with Anyone: the default value of a bulk listing"
      )
    }
    return site
  }
}

public enum LabelReader {
  /// A `Get-Label` object or a Graph sensitivity label.
  public static func read(_ object: [String: Any]) -> SensitivityLabel? {
    let members = LenientObject(object)
    func value(_ name: String) -> Any? { members[name] }
    guard
      let id = SettingValue.guid(value("ImmutableId")) ?? SettingValue.guid(value("Guid"))
        ?? SettingValue.guid(value("id"))
    else { return nil }
    let name =
      SettingValue.string(value("DisplayName")) ?? SettingValue.string(value("name")) ?? SettingValue.string(
        value("Name")) ?? id
    var label = SensitivityLabel(id: id, name: name)
    label.priority = SettingValue.int(value("Priority")) ?? SettingValue.int(value("sensitivity"))
    if let contentType = SettingValue.string(value("ContentType")) {
      label.appliesToSites =
        contentType.localizedCaseInsensitiveContains("Site")
        || contentType.localizedCaseInsensitiveContains("UnifiedGroup")
    } else if let formats = value("contentFormats") as? [Any] {
      label.appliesToSites = formats.contains { ($0 as? String)?.lowercased() == "site" }
    }
    // LabelActions first (the only reliable read), then Settings, then flattened properties.
    var fromActions = false
    for action in value("LabelActions") as? [Any] ?? [] {
      let parsed: [String: Any]?
      if let text = action as? String {
        parsed = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
      } else {
        parsed = action as? [String: Any]
      }
      guard let parsed, (parsed["Type"] as? String)?.lowercased() == "protectsite" else { continue }
      let settings = Dictionary(
        (parsed["Settings"] as? [[String: Any]] ?? []).compactMap { entry -> (String, String)? in
          guard let key = entry["Key"] as? String, let value = SettingValue.string(entry["Value"]) else { return nil }
          return (key.lowercased(), value)
        }, uniquingKeysWith: { first, _ in first })
      label.siteSettingsEnabled = SettingValue.bool(settings["disabled"]) != true
      label.externalSharing = SharingCapability(lenient: settings["externalsharingcontroltype"])
      label.settingsSource = "LabelActions"
      fromActions = true
    }
    for setting in settingsList(value("Settings")) {
      switch setting.key {
      case "defaultsharingscope": label.defaultScope = LinkScopeDefault(labelValue: setting.value)
      case "defaultsharelinkpermission": label.defaultRole = LinkRoleDefault(labelValue: setting.value)
      default: continue
      }
      label.settingsSource = label.settingsSource ?? "Settings"
    }
    if !fromActions, let flattened = value("SiteExternalSharingControlType") {
      label.externalSharing = SharingCapability(lenient: flattened)
      label.siteSettingsEnabled = SettingValue.bool(value("SiteAndGroupProtectionEnabled")) ?? true
      label.settingsSource = label.settingsSource ?? "flattened properties"
    }
    if label.defaultScope == nil, let advanced = value("AdvancedSettings") as? [String: Any] {
      label.defaultScope = LinkScopeDefault(labelValue: SettingValue.string(advanced["DefaultSharingScope"]))
      label.defaultRole = LinkRoleDefault(labelValue: SettingValue.string(advanced["DefaultShareLinkPermission"]))
    }
    if label.appliesToSites == nil, fromActions { label.appliesToSites = true }
    return label
  }

  /// `Settings` is a list of `"[key, value]"` strings (or one such string).
  static func settingsList(_ value: Any?) -> [(key: String, value: String)] {
    let strings: [String]
    if let list = value as? [Any] {
      strings = list.compactMap { $0 as? String }
    } else if let one = value as? String {
      strings = [one]
    } else {
      return []
    }
    return strings.compactMap { text in
      let trimmed = text.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
      guard let comma = trimmed.firstIndex(of: ",") else { return nil }
      let key = trimmed[..<comma].trimmingCharacters(in: .whitespaces).lowercased()
      let value = trimmed[trimmed.index(after: comma)...].trimmingCharacters(in: .whitespaces)
      return (key, value)
    }
  }
}
