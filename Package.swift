// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "ShareLens",
  products: [
    .executable(name: "sharelens", targets: ["sharelens"])
  ],
  targets: [
    // libcmark from Debian's libcmark-dev: the CommonMark reference implementation.
    .systemLibrary(
      name: "Ccmark",
      pkgConfig: "libcmark",
      providers: [.apt(["libcmark-dev"])]
    ),
    // zlib from Debian's zlib1g-dev: reads gzip-compressed exports without unpacking them first.
    .systemLibrary(
      name: "Czlib",
      pkgConfig: "zlib",
      providers: [.apt(["zlib1g-dev"])]
    ),
    // Turns Templates/ and Assets/ into Swift string constants at build time, so the
    // binary is self-contained: no resource bundle to ship beside it.
    .executableTarget(name: "EmbedTemplates"),
    .plugin(
      name: "EmbedAssets",
      capability: .buildTool(),
      dependencies: ["EmbedTemplates"]
    ),
    .target(
      name: "ShareLensKit",
      dependencies: ["Ccmark", "Czlib"],
      plugins: ["EmbedAssets"]
    ),
    .executableTarget(
      name: "sharelens",
      dependencies: ["ShareLensKit"]
    ),
    .testTarget(
      name: "ShareLensKitTests",
      dependencies: ["ShareLensKit", "sharelens"],
      exclude: ["Golden"],
      resources: [.copy("Fixtures")]
    ),
  ],
  swiftLanguageModes: [.v6]
)
