import Foundation

/// One file of a generated folder, by its path relative to the folder.
public struct OutputFile: Sendable, Equatable {
  public var path: String
  public var contents: [UInt8]
  /// A further part of a file written in parts (too large to hold whole): added at its end.
  public var appends = false

  public init(path: String, contents: [UInt8], appends: Bool = false) {
    self.path = path
    self.contents = contents
    self.appends = appends
  }

  public init(path: String, text: String, appends: Bool = false) {
    self.init(path: path, contents: Array(text.utf8), appends: appends)
  }
}

/// Writes a generated folder so that readers never see it half-written: everything goes into a
/// hidden sibling folder first, which then takes the destination's place in one atomic exchange.
/// A folder ShareLens creates carries a marker file; a non-empty folder without it is someone
/// else's and is only replaced with `force`.
public struct SiteWriter: Sendable {
  /// The marker of a report folder. Input folders are searched without entering these.
  public static let reportMarker = Marker(
    name: ".sharelens-report", text: "This folder was written by ShareLens. The next build replaces everything in it.\n"
  )
  /// The marker of a demo tenant folder written by `sharelens sample`.
  public static let sampleMarker = Marker(
    name: ".sharelens-sample",
    text: "This folder was written by `sharelens sample`. Writing a sample here again replaces everything in it.\n")

  public struct Marker: Sendable {
    public var name: String
    public var text: String
  }

  public var destination: URL
  public var force: Bool
  public var marker: Marker
  /// The destination as the user named it, for messages.
  public var displayPath: String

  public init(destination: URL, force: Bool, marker: Marker = SiteWriter.reportMarker, displayPath: String? = nil) {
    self.destination = destination.resolvingSymlinksInPath().standardizedFileURL
    self.force = force
    self.marker = marker
    self.displayPath = displayPath ?? destination.path
  }

  /// Fails, touching nothing, when the destination may not be replaced. Called before any work.
  /// `protected` paths (the inputs, the working folder) must not be inside the destination: the
  /// swap would delete them, so not even `force` allows it.
  public func checkDestination(protecting protected: [(path: String, what: String)] = []) throws(ShareLensError) {
    let path = destination.path
    for (candidate, what) in protected {
      let resolved = URL(fileURLWithPath: candidate).resolvingSymlinksInPath().standardizedFileURL.path
      if resolved == path || resolved.hasPrefix(path.hasSuffix("/") ? path : path + "/") {
        throw ShareLensError(.outputHoldsInput(what), path: displayPath)
      }
    }
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return }
    guard isFolder.boolValue else { throw ShareLensError(.outputIsNotAFolder, path: displayPath) }
    let entries: [String]
    do {
      entries = try FileManager.default.contentsOfDirectory(atPath: path)
    } catch {
      throw ShareLensError(.cannotWrite(error.localizedDescription), path: displayPath)
    }
    if entries.isEmpty || entries.contains(marker.name) || force { return }
    throw ShareLensError(.outputNotOurs, path: displayPath)
  }

  public func write(_ files: [OutputFile]) throws(ShareLensError) {
    try write { staging throws(ShareLensError) in
      for file in files { try Self.save(file, in: staging) }
    }
  }

  /// Writes one file into a folder being filled (the staging folder of `write`).
  public static func save(_ file: OutputFile, in folder: URL) throws(ShareLensError) {
    let target = folder.appendingPathComponent(file.path)
    do {
      if file.appends {
        let handle = try FileHandle(forWritingTo: target)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: file.contents)
        return
      }
      try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(file.contents).write(to: target)
    } catch {
      throw ShareLensError(.cannotWrite(error.localizedDescription), path: file.path)
    }
  }

  /// Lets `populate` fill the staging folder (for output too large to hold in memory), then puts
  /// it in place.
  public func write(_ populate: (URL) throws(ShareLensError) -> Void) throws(ShareLensError) {
    try checkDestination()
    let fileManager = FileManager.default
    let parent = destination.deletingLastPathComponent()
    let name = destination.lastPathComponent
    let staging = parent.appendingPathComponent(".\(name).sharelens-new-\(getpid())")
    do {
      try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
      if fileManager.fileExists(atPath: staging.path) { try fileManager.removeItem(at: staging) }
      try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
      try Data(marker.text.utf8).write(to: staging.appendingPathComponent(marker.name))
    } catch {
      try? fileManager.removeItem(at: staging)
      throw ShareLensError(.cannotWrite(error.localizedDescription), path: destination.path)
    }
    do {
      try populate(staging)
    } catch {
      try? fileManager.removeItem(at: staging)
      throw error
    }
    try swapIntoPlace(staging)
  }

  /// Exchanges the staging folder with the destination (Linux `renameat2(RENAME_EXCHANGE)`), then
  /// deletes what was there before. Without that call it falls back to two renames.
  private func swapIntoPlace(_ staging: URL) throws(ShareLensError) {
    let fileManager = FileManager.default
    let path = destination.path
    defer { try? fileManager.removeItem(at: staging) }
    guard fileManager.fileExists(atPath: path) else {
      guard rename(staging.path, path) == 0 else {
        throw ShareLensError(.cannotWrite(String(cString: strerror(errno))), path: path)
      }
      return
    }
    if let exchange = Self.renameExchange {
      guard exchange(AT_FDCWD, staging.path, AT_FDCWD, path, 2 /* RENAME_EXCHANGE */) == 0 else {
        throw ShareLensError(.cannotWrite(String(cString: strerror(errno))), path: path)
      }
      return  // `staging` now holds the previous contents; the defer removes them.
    }
    let previous = destination.deletingLastPathComponent()
      .appendingPathComponent(".\(destination.lastPathComponent).sharelens-old-\(getpid())")
    guard rename(path, previous.path) == 0 else {
      throw ShareLensError(.cannotWrite(String(cString: strerror(errno))), path: path)
    }
    defer { try? fileManager.removeItem(at: previous) }
    guard rename(staging.path, path) == 0 else {
      _ = rename(previous.path, path)
      throw ShareLensError(.cannotWrite(String(cString: strerror(errno))), path: path)
    }
  }

  private typealias RenameAt2 =
    @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

  /// glibc ≥ 2.28 has `renameat2`, but Swift's Glibc module does not declare it.
  private static let renameExchange: RenameAt2? = {
    guard let symbol = dlsym(nil, "renameat2") else { return nil }
    return unsafeBitCast(symbol, to: RenameAt2.self)
  }()
}
