// Build-time tool: writes a Swift file that holds every file of the given folders as a string.
// Usage: EmbedTemplates OUTPUT.swift FOLDER...
import Foundation

let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first, arguments.count >= 2 else {
  FileHandle.standardError.write(Data("usage: EmbedTemplates OUTPUT.swift FOLDER...\n".utf8))
  exit(64)
}

var source = "// Generated at build time from Templates/ and Assets/. Do not edit.\n"
source += "enum EmbeddedFiles {\n"
for folder in arguments.dropFirst() {
  let folderURL = URL(fileURLWithPath: folder)
  let names = try FileManager.default.contentsOfDirectory(atPath: folder)
    .filter { !$0.hasPrefix(".") }.sorted()
  source += "  static let \(folderURL.lastPathComponent.lowercased()): [String: String] = [\n"
  for name in names {
    let text = try String(contentsOf: folderURL.appendingPathComponent(name), encoding: .utf8)
    // A raw string literal with enough #s that nothing in the file can close it or interpolate.
    var hashes = "#"
    while text.contains("\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
    source += "    \"\(name)\": \(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes),\n"
  }
  source += "  ]\n"
}
source += "}\n"
try source.write(toFile: output, atomically: true, encoding: .utf8)
