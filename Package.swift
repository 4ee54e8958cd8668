// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "OrgGraph",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "OrgGraph", targets: ["OrgGraph"]),
    .executable(name: "orgraph", targets: ["orgraph"]),
  ],
  dependencies: [
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
  ],
  targets: [
    // The model: schema, immutable Graph, GraphBuilder, Graph folders (YAML), validation.
    .target(
      name: "OrgGraph",
      dependencies: [.product(name: "Yams", package: "Yams")],
      plugins: [.plugin(name: "EmbedDefaultGraph")]
    ),
    // Build tool that turns Graph/*.yaml into Swift source, so the default graph ships inside the product.
    .executableTarget(name: "OrgGraphEmbed"),
    .plugin(
      name: "EmbedDefaultGraph",
      capability: .buildTool(),
      dependencies: ["OrgGraphEmbed"]
    ),
    // The command-line tool.
    .executableTarget(
      name: "orgraph",
      dependencies: [
        "OrgGraph",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(
      name: "OrgGraphTests",
      dependencies: ["OrgGraph"],
      exclude: ["Golden", "Fixtures"]
    ),
    // End-to-end tests of the built tool.
    .testTarget(
      name: "OrgraphTests",
      dependencies: ["orgraph"],
      exclude: ["Golden"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
