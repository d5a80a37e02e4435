import Foundation

/// Tells what an input file is from its content, and counts its records in one streaming pass.
public enum InputInspector {
  /// Inspects one file. Problems with the file's content become `InputFile.problem`; only a file
  /// that cannot be opened at all throws.
  public static func inspect(
    path: String, displayPath: String, requestedRole: InputRole?
  ) throws(ShareLensError) -> InputFile {
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
    var file = InputFile(path: displayPath, location: path, size: size, requestedRole: requestedRole)
    let reader = try ByteReader(path: path)
    file.encoding = reader.encoding
    file.compressed = reader.compressed
    let head = try reader.peek()
    if let problem = (head.isEmpty ? reader.problem : nil) ?? unreadableContent(head, encoding: reader.encoding) {
      file.problem = problem
      return file
    }
    let firstByte = head.first { !isWhitespace($0) }
    let recognised: Result<(InputFormat, Int, [String]), Unrecognised>
    if firstByte == UInt8(ascii: "{") || firstByte == UInt8(ascii: "[") {
      // Audit logs are counted while they are read; settings files are small and counted here.
      recognised = inspectJSON(try JSONShape.scan(reader) { shape in !isAuditJSON(shape) })
    } else {
      recognised = inspectCSV(try CSVShape.scan(reader) { shape in csvFormat(of: shape)?.role != .audit })
    }
    switch recognised {
    case .success(let (format, records, warnings)):
      file.format = format
      file.records = records
      file.warnings = warnings
      if let requestedRole, requestedRole != format.role {
        file.problem = "expected \(requestedRole.title), but this is \(format.role.title) (\(format.title))"
      }
    case .failure(let unrecognised):
      file.problem = unrecognised.reason
    }
    return file
  }

  struct Unrecognised: Error {
    var reason: String
  }

  private static func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
  }

  private static func unreadableContent(_ head: [UInt8], encoding: TextEncoding) -> String? {
    if head.isEmpty { return "empty file" }
    if head.starts(with: [0x1F, 0x8B]) { return "gzip-compressed; decompress it first" }
    if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return "a ZIP archive; extract it first" }
    if encoding == .utf8 || encoding == .utf8BOM, head.contains(0) {
      return "binary content (or UTF-16 without a byte-order mark)"
    }
    return nil
  }

  // MARK: CSV

  static func csvFormat(of shape: CSVShape) -> InputFormat? {
    csvFormat(columns: Set(shape.header.map { $0.lowercased() }), hasTypeLine: shape.typeLine != nil)
  }

  static func isAuditJSON(_ shape: JSONShape) -> Bool {
    guard let object = try? JSONSerialization.jsonObject(with: Data(shape.firstElement)) as? [String: Any] else {
      return false
    }
    return shape.layout == .array || shape.elements > 1 ? jsonFormat(object)?.role == .audit : false
  }

  static func inspectCSV(_ shape: CSVShape) -> Result<(InputFormat, Int, [String]), Unrecognised> {
    if shape.headerTooLong {
      return .failure(Unrecognised(reason: "no line break in the first 64 kB, so no CSV header"))
    }
    guard let format = csvFormat(of: shape) else {
      if shape.header.count == 1, let only = shape.header.first, only.contains(";") || only.contains("\t") {
        return .failure(Unrecognised(reason: "fields are separated by ; or tabs, not commas (Export-Csv -UseCulture?)"))
      }
      let shown = shape.header.prefix(6).map { String($0.prefix(40)) }.joined(separator: ", ")
      let more = shape.header.count > 6 ? ", …" : ""
      return .failure(
        Unrecognised(
          reason: "not an audit export, tenant settings or site list: no known columns (header: \(shown)\(more))"))
    }
    var warnings: [String] = []
    if shape.endsInsideQuotes {
      warnings.append("the file ends inside a quoted field: its last row is truncated")
    }
    // An audit log's rows are counted when it is read, with each row's fate.
    return .success((format, shape.counted ? shape.dataRecords : 0, warnings))
  }

  static func csvFormat(columns: Set<String>, hasTypeLine: Bool) -> InputFormat? {
    if columns.contains("auditdata") {
      if columns.contains("recordid") { return .purviewCSV }
      if hasTypeLine || !columns.isDisjoint(with: ["runspaceid", "resultindex", "pscomputername", "identity"]) {
        return .powerShellCSV
      }
      if columns.isSuperset(of: ["creationdate", "operations"]) { return .purviewClassicCSV }
      return nil
    }
    if !columns.isDisjoint(with: ["event_data", "officeworkload", "officeobjectid"]) { return .sentinelCSV }
    if columns.contains("url"), !columns.isDisjoint(with: ["template", "sharingcapability"]) { return .sitesCSV }
    if !columns.isDisjoint(with: ["sharingcapability", "onedrivesharingcapability", "odbsharingcapability"]) {
      return .tenantCSV
    }
    return nil
  }

  // MARK: JSON

  static func inspectJSON(_ shape: JSONShape) -> Result<(InputFormat, Int, [String]), Unrecognised> {
    if let problem = shape.problem {
      return .failure(Unrecognised(reason: "not valid JSON (\(problem))"))
    }
    guard shape.elements > 0 else { return .failure(Unrecognised(reason: "JSON with no records")) }
    guard !shape.firstElement.isEmpty else { return .failure(Unrecognised(reason: "JSON values are not objects")) }
    let parsed: Any
    do {
      parsed = try JSONSerialization.jsonObject(with: Data(shape.firstElement), options: [.fragmentsAllowed])
    } catch {
      return .failure(Unrecognised(reason: "the first JSON value does not parse"))
    }
    guard var object = parsed as? [String: Any] else {
      return .failure(Unrecognised(reason: "JSON values are not objects"))
    }
    var records = shape.counted ? shape.elements : 0
    var isRESTEnvelope = false
    // Envelopes: SharePoint REST `{"d": …}`, Graph and OData `{"value": …}`.
    if shape.layout == .valueSequence, shape.elements == 1 {
      if let inner = object["d"] as? [String: Any] {
        isRESTEnvelope = true
        object = inner
        if let results = inner["results"] as? [[String: Any]], let first = results.first {
          object = first
          records = results.count
        }
      } else if let value = object["value"] as? [[String: Any]] {
        guard let first = value.first else { return .failure(Unrecognised(reason: "empty \"value\" list")) }
        object = first
        records = value.count
      } else if let value = object["value"] as? [String: Any] {
        object = value
      }
    }
    guard var format = jsonFormat(object) else {
      let keys = object.keys.sorted().prefix(6).map { String($0.prefix(40)) }.joined(separator: ", ")
      return .failure(
        Unrecognised(reason: "JSON of an unknown shape (first keys: \(keys)\(object.count > 6 ? ", …" : ""))"))
    }
    if isRESTEnvelope, format.role == .tenant { format = .restTenantJSON }
    return .success((format, records, []))
  }

  static func jsonFormat(_ object: [String: Any]) -> InputFormat? {
    let keys = Set(object.keys)
    if keys.contains("SPO_tenant") { return .scubaGearJSON }
    if keys.contains("auditLogRecordType") || keys.contains("auditData") { return .graphAuditJSON }
    if keys.contains("AuditData") { return .extractorJSON }
    if !keys.isDisjoint(with: ["Event_Data", "OfficeWorkload", "OfficeObjectId"]) { return .sentinelJSON }
    if keys.contains("Operation"), !keys.isDisjoint(with: ["CreationTime", "RecordType"]) { return .managementAPIJSON }
    if keys.contains("LabelActions")
      || (keys.contains("ContentType") && !keys.isDisjoint(with: ["Guid", "ImmutableId"]))
    {
      return .getLabelJSON
    }
    if keys.contains("contentFormats") || keys.isSuperset(of: ["sensitivity", "isAppliable"]) {
      return .graphLabelsJSON
    }
    if keys.contains("Url"), !keys.isDisjoint(with: ["Template", "SharingCapability"]) {
      let csom =
        keys.contains("SensitivityLabel2") || object.values.contains { ($0 as? String)?.hasPrefix("/Guid(") == true }
      return csom ? .csomSitesJSON : .spoSitesJSON
    }
    if keys.contains("sharingCapability") { return .graphTenantJSON }
    if !keys.isDisjoint(with: ["SharingCapability", "ODBSharingCapability", "OneDriveSharingCapability"]) {
      if keys.contains("__metadata") { return .restTenantJSON }
      return object["SharingCapability"] is String ? .cliTenantJSON : .spoTenantJSON
    }
    return nil
  }
}
