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
    /// A file found in a folder: problems are listed, never fatal. `expected` is the role of an
    /// `--audit` folder, whose other files are skipped rather than rejected.
    func add(_ entry: FolderEntry, expected: InputRole?) {
      let key = URL(fileURLWithPath: entry.path).standardizedFileURL.resolvingSymlinksInPath().path
      guard seen.insert(key).inserted else { return }
      let size = (try? FileManager.default.attributesOfItem(atPath: entry.path)[.size] as? NSNumber)?.int64Value ?? 0
      if let problem = entry.problem {
        files.append(InputFile(path: entry.display, location: entry.path, size: size, problem: problem))
        return
      }
      do {
        var file = try InputInspector.inspect(path: entry.path, displayPath: entry.display, requestedRole: nil)
        if let expected, let format = file.format, format.role != expected {
          file.problem = "not \(expected.title) (\(format.title)), found in an --\(expected.rawValue) folder"
        }
        files.append(file)
      } catch {
        files.append(InputFile(path: entry.display, location: entry.path, size: size, problem: error.message))
      }
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
        for entry in try Self.files(under: path) { add(entry, expected: .audit) }
      }
    }
    for folder in folders {
      switch Self.kind(of: folder) {
      case .missing: throw ShareLensError(.missingInput, path: folder)
      case .file: throw ShareLensError(.notADirectory, path: folder)
      case .folder:
        for entry in try Self.files(under: folder) { add(entry, expected: nil) }
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

  /// One entry found in an input folder: a file to inspect, or one that cannot be, and why.
  struct FolderEntry {
    var path: String
    var display: String
    var problem: String?
  }

  /// Every file under `folder`, sorted by name, skipping hidden entries and report folders written
  /// by ShareLens (which carry its marker file). Symbolic links to files are followed, links to
  /// folders are not (no cycles). Entries that cannot be read as files (a FIFO, a name that is not
  /// UTF-8) are returned with the reason, so that nothing in the folder goes unmentioned.
  static func files(under folder: String) throws(ShareLensError) -> [FolderEntry] {
    let prefix = displayPath(folder)
    var found: [FolderEntry] = []
    func walk(_ directory: String, relative: String) throws(ShareLensError) {
      guard let stream = opendir(directory) else {
        throw ShareLensError(.unreadable(String(cString: strerror(errno))), path: directory)
      }
      var names: [(String, valid: Bool)] = []
      while let entry = readdir(stream) {
        let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
        if let name = String(validating: bytes, as: UTF8.self) {
          names.append((name, true))
        } else {
          names.append((String(decoding: bytes, as: UTF8.self), false))
        }
      }
      closedir(stream)
      if names.contains(where: { $0.0 == SiteWriter.reportMarker.name }) { return }
      for (name, valid) in names.sorted(by: { $0.0 < $1.0 }) where !name.hasPrefix(".") {
        let path = directory + "/" + name
        let shown = relative.isEmpty ? name : relative + "/" + name
        let display = prefix == "." ? shown : prefix + "/" + shown
        guard valid else {
          found.append(
            FolderEntry(
              path: path, display: display, problem: "the file name is not valid UTF-8; rename the file to read it"))
          continue
        }
        var link = stat()
        var target = stat()
        guard lstat(path, &link) == 0 else { continue }
        let isLink = link.st_mode & S_IFMT == S_IFLNK
        guard stat(path, &target) == 0 else {
          found.append(
            FolderEntry(path: path, display: display, problem: isLink ? "a broken symbolic link" : "cannot be read"))
          continue
        }
        switch target.st_mode & S_IFMT {
        case S_IFDIR where !isLink: try walk(path, relative: shown)
        case S_IFDIR: continue
        case S_IFREG: found.append(FolderEntry(path: path, display: display))
        default: found.append(FolderEntry(path: path, display: display, problem: "not a regular file"))
        }
      }
    }
    try walk(folder, relative: "")
    return found
  }
}
