import Foundation

/// The settings read from every tenant, site and label file used.
public struct SettingsInputs: Sendable {
  public var tenant: TenantSettings?
  /// Sites by URL, sorted.
  public var sites: [Site] = []
  public var labels: [SensitivityLabel] = []

  public init() {}

  public func label(_ id: String?) -> SensitivityLabel? {
    guard let id else { return nil }
    return labels.first { $0.id == id }
  }
}

/// Reads the settings files: each is split into its objects (array elements, NDJSON values, the
/// contents of `{"d": …}` and `{"value": …}` envelopes, CSV rows), which the readers turn into
/// tenant settings, sites and labels. The first tenant file wins; sites and labels are merged,
/// the first occurrence of a URL or label id winning.
public enum SettingsLoader {
  public static func load(_ files: [InputFile]) throws(ShareLensError) -> (SettingsInputs, [InputFile]) {
    var settings = SettingsInputs()
    var result = files
    var siteURLs = Set<String>()
    var labelIds = Set<String>()
    for index in result.indices {
      guard result[index].isUsed, let format = result[index].format, format.role != .audit else { continue }
      let objects = try self.objects(of: result[index], format: format)
      var sites: [[String: Any]] = []
      switch format.role {
      case .tenant:
        var tenantObject = objects.first
        if format == .scubaGearJSON {
          tenantObject = (objects.first?["SPO_tenant"] as? [[String: Any]])?.first
          sites = objects.first?["SPO_site"] as? [[String: Any]] ?? []
        }
        if let tenantObject {
          if settings.tenant == nil {
            settings.tenant = TenantSettingsReader.read(tenantObject)
          } else {
            result[index].warnings.append("a second tenant settings file: the first one was used")
          }
        }
      case .sites: sites = objects
      case .labels:
        for object in objects {
          guard let label = LabelReader.read(object) else { continue }
          if labelIds.insert(label.id).inserted { settings.labels.append(label) }
        }
      case .audit: continue
      }
      var unreadable = 0
      for object in sites {
        guard let site = SiteReader.read(object) else {
          unreadable += 1
          continue
        }
        if siteURLs.insert(site.url.lowercased()).inserted { settings.sites.append(site) }
      }
      if unreadable > 0 {
        result[index].warnings.append(
          "\(Format.count(unreadable)) site \(unreadable == 1 ? "entry has" : "entries have") no Url and \(unreadable == 1 ? "was" : "were") skipped"
        )
      }
    }
    settings.sites.sort { $0.url.lowercased() < $1.url.lowercased() }
    settings.labels.sort { ($0.priority ?? .max, $0.name, $0.id) < ($1.priority ?? .max, $1.name, $1.id) }
    return (settings, result)
  }

  /// The objects a settings file holds, envelopes removed.
  static func objects(of file: InputFile, format: InputFormat) throws(ShareLensError) -> [[String: Any]] {
    let reader = try ByteReader(path: file.location)
    var objects: [[String: Any]] = []
    if format.isCSV {
      let records = CSVRecordReader(reader)
      guard let names = try records.header() else { return [] }
      while let record = try records.next() {
        let fields = record.fields.map { String(decoding: $0, as: UTF8.self) }
        objects.append(Dictionary(zip(names, fields.map { $0 as Any }), uniquingKeysWith: { first, _ in first }))
      }
      return objects
    }
    let elements = JSONRecordReader(reader)
    while let element = try elements.next() {
      guard case .object(_, let bytes) = element,
        let parsed = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
      else { continue }
      objects += unwrapped(parsed)
    }
    return objects
  }

  static func unwrapped(_ object: [String: Any]) -> [[String: Any]] {
    if let inner = object["d"] as? [String: Any] {
      if let results = inner["results"] as? [[String: Any]] { return results }
      return [inner]
    }
    if let list = object["value"] as? [[String: Any]] { return list }
    if let inner = object["value"] as? [String: Any] { return [inner] }
    return [object]
  }
}
