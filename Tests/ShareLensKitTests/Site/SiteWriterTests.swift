import Foundation
import Testing

@testable import ShareLensKit

@Suite struct SiteWriterTests {
  let files = [OutputFile(path: "index.html", text: "<p>new</p>"), OutputFile(path: "assets/a.css", text: "b{}")]

  @Test func writesANewFolderWithItsMarker() throws {
    let temp = try TemporaryFolder()
    try SiteWriter(destination: temp.url.appendingPathComponent("out"), force: false).write(files)
    let written = try temp.snapshot("out")
    #expect(Set(written.keys) == ["index.html", "assets/a.css", ".sharelens-report"])
    #expect(try temp.read("out/index.html") == "<p>new</p>")
  }

  @Test func replacesItsOwnFolderCompletelyAndLeavesNoStagingBehind() throws {
    let temp = try TemporaryFolder()
    let out = temp.url.appendingPathComponent("out")
    try SiteWriter(destination: out, force: false).write(files + [OutputFile(path: "old.html", text: "x")])
    try SiteWriter(destination: out, force: false).write(files)
    #expect(Set(try temp.snapshot("out").keys) == ["index.html", "assets/a.css", ".sharelens-report"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: temp.path) == ["out"])
  }

  @Test func refusesAForeignNonEmptyFolderAndTouchesNothing() throws {
    let temp = try TemporaryFolder()
    try temp.write("out/notes.txt", "mine")
    let before = try temp.snapshot()
    #expect(throws: ShareLensError(.outputNotOurs, path: temp.url.appendingPathComponent("out").path)) {
      try SiteWriter(destination: temp.url.appendingPathComponent("out"), force: false).write(files)
    }
    #expect(try temp.snapshot() == before)
    #expect(try FileManager.default.contentsOfDirectory(atPath: temp.path) == ["out"])
  }

  @Test func forceReplacesAForeignFolder() throws {
    let temp = try TemporaryFolder()
    try temp.write("out/notes.txt", "mine")
    try SiteWriter(destination: temp.url.appendingPathComponent("out"), force: true).write(files)
    #expect(Set(try temp.snapshot("out").keys) == ["index.html", "assets/a.css", ".sharelens-report"])
  }

  @Test func usesAnEmptyFolder() throws {
    let temp = try TemporaryFolder()
    try FileManager.default.createDirectory(
      at: temp.url.appendingPathComponent("out"), withIntermediateDirectories: true)
    try SiteWriter(destination: temp.url.appendingPathComponent("out"), force: false).write(files)
    #expect(try temp.read("out/index.html") == "<p>new</p>")
  }

  @Test func refusesAFileInTheWay() throws {
    let temp = try TemporaryFolder()
    try temp.write("out", "a file")
    #expect(throws: ShareLensError.self) {
      try SiteWriter(destination: temp.url.appendingPathComponent("out"), force: true).write(files)
    }
    #expect(try temp.read("out") == "a file")
  }

  @Test func aFailureWhileWritingLeavesTheOldReportInPlace() throws {
    let temp = try TemporaryFolder()
    let out = temp.url.appendingPathComponent("out")
    try SiteWriter(destination: out, force: false).write(files)
    let before = try temp.snapshot()
    #expect(throws: ShareLensError(.renderFailed(page: "x"))) {
      try SiteWriter(destination: out, force: false).write { _ throws(ShareLensError) in
        throw ShareLensError(.renderFailed(page: "x"))
      }
    }
    #expect(try temp.snapshot() == before)
    #expect(try FileManager.default.contentsOfDirectory(atPath: temp.path) == ["out"])
  }

  @Test func writesThroughASymbolicLinkWithoutReplacingIt() throws {
    let temp = try TemporaryFolder()
    try FileManager.default.createDirectory(
      at: temp.url.appendingPathComponent("real"), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: temp.url.appendingPathComponent("link").path, withDestinationPath: "real")
    try SiteWriter(destination: temp.url.appendingPathComponent("link"), force: false).write(files)
    #expect(
      try FileManager.default.destinationOfSymbolicLink(atPath: temp.url.appendingPathComponent("link").path) == "real")
    #expect(try temp.read("real/index.html") == "<p>new</p>")
  }
}
