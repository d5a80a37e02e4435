import Foundation
import Testing

/// libcmark is called from one file only, which frees what cmark returns.
@Suite struct CmarkBoundaryTests {
  @Test func exactlyOneSourceFileImportsCcmark() throws {
    let sources = Fixtures.packageRoot.appendingPathComponent("Sources/ShareLensKit")
    var importers: [String] = []
    let enumerator = FileManager.default.enumerator(atPath: sources.path)
    while let relative = enumerator?.nextObject() as? String {
      guard relative.hasSuffix(".swift") else { continue }
      let text = try String(contentsOf: sources.appendingPathComponent(relative), encoding: .utf8)
      if text.split(separator: "\n").contains("import Ccmark") { importers.append(relative) }
    }
    #expect(importers == ["Site/MarkdownRenderer.swift"])
    let renderer = try String(
      contentsOf: sources.appendingPathComponent("Site/MarkdownRenderer.swift"), encoding: .utf8)
    #expect(renderer.contains("defer { free(rendered) }"))
  }
}
