import Foundation

/// Writes the single-file edition atomically. An existing file is replaced only when ShareLens
/// wrote it (its generator line says so) or with `force`.
public struct SingleFileWriter: Sendable {
  public var path: String
  public var force: Bool

  public func write(_ html: String) throws(ShareLensError) {
    let url = URL(fileURLWithPath: path)
    if FileManager.default.fileExists(atPath: path), !force {
      let head =
        (try? FileHandle(forReadingFrom: url).read(upToCount: 4096)).flatMap { $0 }.map {
          String(decoding: $0, as: UTF8.self)
        } ?? ""
      guard head.contains("<meta name=\"generator\" content=\"ShareLens") else {
        throw ShareLensError(.fileNotOurs, path: path)
      }
    }
    do {
      try Data(html.utf8).write(to: url, options: .atomic)
    } catch {
      throw ShareLensError(.cannotWrite(error.localizedDescription), path: path)
    }
  }
}
