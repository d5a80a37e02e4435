import Foundation
import Testing

/// A folder of its own for each test that writes files; removed when the test ends.
final class TemporaryFolder {
  let url: URL
  var path: String { url.path }

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("sharelens-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  @discardableResult
  func write(_ name: String, _ text: String) throws -> String {
    try write(name, bytes: Array(text.utf8))
  }

  @discardableResult
  func write(_ name: String, bytes: [UInt8]) throws -> String {
    let file = url.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: file)
    return file.path
  }

  func read(_ name: String) throws -> String {
    try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
  }

  /// Every file under the folder (hidden ones included) with its bytes, by relative path.
  func snapshot(_ name: String = "") throws -> [String: Data] {
    let root = name.isEmpty ? url : url.appendingPathComponent(name)
    var files: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: root.path)
    while let relative = enumerator?.nextObject() as? String {
      var isFolder: ObjCBool = false
      let full = root.appendingPathComponent(relative).path
      if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue {
        files[relative] = try Data(contentsOf: URL(fileURLWithPath: full))
      }
    }
    return files
  }
}

enum Fixtures {
  /// A file copied into the test bundle from `Tests/ShareLensKitTests/Fixtures/`.
  static func path(_ relative: String) throws -> String {
    let url = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
    return url.appendingPathComponent(relative).path
  }

  /// The package's root folder (for `Samples/`, and for golden files that tests re-record).
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

/// Compares text with a golden file; `SHARELENS_RECORD_GOLDEN=1` rewrites the file instead.
func expectGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
  let golden = Fixtures.packageRoot.appendingPathComponent("Tests/ShareLensKitTests/Golden/\(name)")
  if ProcessInfo.processInfo.environment["SHARELENS_RECORD_GOLDEN"] == "1" {
    try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: golden, atomically: true, encoding: .utf8)
    return
  }
  let expected = try String(contentsOf: golden, encoding: .utf8)
  #expect(
    text == expected, "differs from Golden/\(name); re-record with SHARELENS_RECORD_GOLDEN=1 and review the diff",
    sourceLocation: sourceLocation)
}

/// Runs the built `sharelens` binary.
struct BinaryRun {
  var status: Int32
  var stdout: String
  var stderr: String

  static var binary: URL {
    // The test bundle sits in the build products folder, next to the executable.
    Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("sharelens")
  }

  static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> BinaryRun {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "SOURCE_DATE_EPOCH")
    for (key, value) in environment { env[key] = value }
    process.environment = env
    // Files, not pipes: a child that fills one pipe while the test drains the other would hang.
    let capture = try TemporaryFolder()
    let outPath = try capture.write("stdout", "")
    let errPath = try capture.write("stderr", "")
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
    try process.run()
    process.waitUntilExit()
    return BinaryRun(
      status: process.terminationStatus, stdout: try capture.read("stdout"), stderr: try capture.read("stderr"))
  }
}
