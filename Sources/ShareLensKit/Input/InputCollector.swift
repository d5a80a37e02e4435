import Foundation

/// Finds the input files: every file under the input folders, plus the files named with
/// `--audit`, `--tenant`, `--sites` and `--labels`. A named path that does not exist is an error
/// (exit 66); a file that is not an export is listed with the reason and not used.
public struct InputCollector: Sendable {
  public var folders: [String] = []
  /// `--audit` takes files or folders.
  public var audit: [String] = []
  public var tenant: String?
  public var sites: String?
  public var labels: String?

  public init(
    folders: [String] = [], audit: [String] = [], tenant: String? = nil, sites: String? = nil, labels: String? = nil
  ) {
    self.folders = folders
    self.audit = audit
    self.tenant = tenant
    self.sites = sites
    self.labels = labels
  }

  public func collect() throws(ShareLensError) -> [InputFile] {
    var files: [InputFile] = []
    var seen = Set<String>()
    func add(_ path: String, display: String, role: InputRole?) throws(ShareLensError) {
      let key = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
      guard seen.insert(key).inserted else { return }
      files.append(try InputInspector.inspect(path: path, displayPath: display, requestedRole: role))
    }
    // Named files first, so that their requested role wins over a folder that also holds them.
    let named: [(String, InputRole)] =
      [tenant.map { ($0, .tenant) }, sites.map { ($0, .sites) }, labels.map { ($0, .labels) }].compactMap { $0 }
    for (path, role) in named {
      guard Self.kind(of: path) == .file else {
        throw ShareLensError(
          Self.kind(of: path) == .missing ? .missingInput : .unreadable("a folder, not a file"), path: path)
      }
      try add(path, display: Self.displayPath(path), role: role)
    }
    for path in audit {
      switch Self.kind(of: path) {
      case .missing: throw ShareLensError(.missingInput, path: path)
      case .file: try add(path, display: Self.displayPath(path), role: .audit)
      case .folder:
        for (file, display) in try Self.files(under: path) { try add(file, display: display, role: .audit) }
      }
    }
    for folder in folders {
      switch Self.kind(of: folder) {
      case .missing: throw ShareLensError(.missingInput, path: folder)
      case .file: throw ShareLensError(.notADirectory, path: folder)
      case .folder:
        for (file, display) in try Self.files(under: folder) { try add(file, display: display, role: nil) }
      }
    }
    return files
  }

  enum Kind { case missing, file, folder }

  static func kind(of path: String) -> Kind {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return .missing }
    return isFolder.boolValue ? .folder : .file
  }

  /// A path fit for the report: relative paths as given, absolute ones reduced to the file name, so
  /// no path of the machine that ran the build reaches the output.
  static func displayPath(_ path: String) -> String {
    let parts = path.split(separator: "/").filter { $0 != "." }
    if path.hasPrefix("/") { return parts.last.map(String.init) ?? "/" }
    return parts.isEmpty ? "." : parts.joined(separator: "/")
  }

  /// Every regular file under `folder`, sorted, skipping hidden entries, symbolic links to folders
  /// and report folders written by ShareLens (which carry its marker file).
  static func files(under folder: String) throws(ShareLensError) -> [(path: String, display: String)] {
    let prefix = displayPath(folder)
    var found: [(String, String)] = []
    func walk(_ directory: String, relative: String) throws(ShareLensError) {
      let names: [String]
      do {
        names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
      } catch {
        throw ShareLensError(.unreadable(error.localizedDescription), path: directory)
      }
      if names.contains(SiteWriter.reportMarker.name) { return }
      for name in names where !name.hasPrefix(".") {
        let path = directory + "/" + name
        let shown = relative.isEmpty ? name : relative + "/" + name
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        switch attributes?[.type] as? FileAttributeType {
        case .typeDirectory?: try walk(path, relative: shown)
        case .typeRegular?: found.append((path, prefix == "." ? shown : prefix + "/" + shown))
        case .typeSymbolicLink? where kind(of: path) == .file:
          found.append((path, prefix == "." ? shown : prefix + "/" + shown))
        default: continue
        }
      }
    }
    try walk(folder, relative: "")
    return found
  }
}
