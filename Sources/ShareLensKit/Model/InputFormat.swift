/// What an input file holds.
public enum InputRole: String, Sendable, Codable, CaseIterable, Comparable {
  case audit
  case tenant
  case sites
  case labels

  public var title: String {
    switch self {
    case .audit: return "audit log"
    case .tenant: return "tenant settings"
    case .sites: return "site list"
    case .labels: return "sensitivity labels"
    }
  }

  /// What one record of this role is, for counts ("1,204 records", "32 sites").
  public func unit(_ count: Int) -> String {
    let singular: String
    switch self {
    case .audit: singular = "record"
    case .tenant: singular = "tenant"
    case .sites: singular = "site"
    case .labels: singular = "label"
    }
    return count == 1 ? singular : singular + "s"
  }

  public static func < (lhs: InputRole, rhs: InputRole) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}

/// The export format of an input file, told from its content (never from its name).
public enum InputFormat: String, Sendable, Codable, CaseIterable {
  case purviewCSV = "purview-csv"
  case purviewClassicCSV = "purview-classic-csv"
  case powerShellCSV = "powershell-csv"
  case sentinelCSV = "sentinel-csv"
  case managementAPIJSON = "management-api-json"
  case extractorJSON = "extractor-json"
  case graphAuditJSON = "graph-audit-json"
  case sentinelJSON = "sentinel-json"
  case spoTenantJSON = "spo-tenant-json"
  case restTenantJSON = "rest-tenant-json"
  case cliTenantJSON = "cli-tenant-json"
  case graphTenantJSON = "graph-tenant-json"
  case tenantCSV = "tenant-csv"
  /// ScubaGear's provider export: tenant settings and sites in one file.
  case scubaGearJSON = "scubagear-json"
  case spoSitesJSON = "spo-sites-json"
  case csomSitesJSON = "csom-sites-json"
  case sitesCSV = "sites-csv"
  case getLabelJSON = "get-label-json"
  case graphLabelsJSON = "graph-labels-json"

  public var role: InputRole {
    switch self {
    case .purviewCSV, .purviewClassicCSV, .powerShellCSV, .sentinelCSV, .managementAPIJSON,
      .extractorJSON, .graphAuditJSON, .sentinelJSON:
      return .audit
    case .spoTenantJSON, .restTenantJSON, .cliTenantJSON, .graphTenantJSON, .tenantCSV, .scubaGearJSON:
      return .tenant
    case .spoSitesJSON, .csomSitesJSON, .sitesCSV:
      return .sites
    case .getLabelJSON, .graphLabelsJSON:
      return .labels
    }
  }

  public var isCSV: Bool {
    switch self {
    case .purviewCSV, .purviewClassicCSV, .powerShellCSV, .sentinelCSV, .tenantCSV, .sitesCSV: return true
    default: return false
    }
  }

  public var title: String {
    switch self {
    case .purviewCSV: return "Purview audit search CSV"
    case .purviewClassicCSV: return "Purview audit search CSV (classic layout)"
    case .powerShellCSV: return "Search-UnifiedAuditLog CSV"
    case .sentinelCSV: return "Sentinel OfficeActivity CSV"
    case .managementAPIJSON: return "Management Activity API JSON"
    case .extractorJSON: return "Audit records JSON (AuditData as object)"
    case .graphAuditJSON: return "Microsoft Graph audit records JSON"
    case .sentinelJSON: return "Sentinel OfficeActivity JSON"
    case .spoTenantJSON: return "Get-SPOTenant / Get-PnPTenant JSON"
    case .restTenantJSON: return "SharePoint REST SPO.Tenant JSON"
    case .cliTenantJSON: return "CLI for Microsoft 365 tenant settings JSON"
    case .graphTenantJSON: return "Microsoft Graph SharePoint settings JSON"
    case .tenantCSV: return "Tenant settings CSV"
    case .scubaGearJSON: return "ScubaGear provider export (tenant and sites)"
    case .spoSitesJSON: return "Get-SPOSite / Get-PnPTenantSite JSON"
    case .csomSitesJSON: return "CSOM site properties JSON"
    case .sitesCSV: return "Site list CSV"
    case .getLabelJSON: return "Get-Label JSON"
    case .graphLabelsJSON: return "Microsoft Graph sensitivity labels JSON"
    }
  }
}
