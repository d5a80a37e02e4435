import Foundation
import PackagePlugin

/// Embeds every file of `Templates/` and `Assets/` into the target as Swift string constants.
@main
struct EmbedAssets: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let root = context.package.directoryURL
    let folders = ["Templates", "Assets"].map { root.appending(path: $0) }
    var inputs: [URL] = []
    for folder in folders {
      let names = try FileManager.default.contentsOfDirectory(atPath: folder.path()).sorted()
      inputs += names.filter { !$0.hasPrefix(".") }.map { folder.appending(path: $0) }
    }
    let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
    return [
      .buildCommand(
        displayName: "Embedding Templates/ and Assets/",
        executable: try context.tool(named: "EmbedTemplates").url,
        arguments: [output.path()] + folders.map { $0.path() },
        inputFiles: inputs,
        outputFiles: [output]
      )
    ]
  }
}
