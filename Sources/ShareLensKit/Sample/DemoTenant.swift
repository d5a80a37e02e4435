import Foundation

/// The synthetic Contoso tenant export that `sharelens sample` writes and that `build` reads when
/// it is given no input. `Samples/contoso/` holds the default one.
public enum DemoTenant {
  public static let defaultSeed: UInt64 = 1
  public static let defaultEvents = 3_000

  public static let tenantFile = "Get-SPOTenant.json"
  public static let sitesFile = "Get-SPOSite.json"
  public static let labelsFile = "Get-Label.json"
  public static let auditFile = "AuditLog.csv"

  /// Writes the four export files into `folder`, which must exist.
  public static func write(to folder: URL, seed: UInt64, events: Int) throws(ShareLensError) {
    func save(_ name: String, _ text: String) throws(ShareLensError) {
      do {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
      } catch {
        throw ShareLensError(.cannotWrite(error.localizedDescription), path: name)
      }
    }
    try save(tenantFile, DemoSettings.tenant())
    try save(sitesFile, DemoSettings.sites())
    try save(labelsFile, DemoSettings.labels())
    let writer = try ByteWriter(path: folder.appendingPathComponent(auditFile).path)
    var log = DemoAuditLog(seed: seed, rows: events)
    try log.write(to: writer)
    try writer.close()
  }
}
