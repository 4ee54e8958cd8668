// swift-tools-version: 6.0
import PackageDescription

// `ORGRAPH_FUZZ=1` (set by scripts/fuzz.sh, with its own build folder) builds the engine instrumented for
// libFuzzer and AddressSanitizer, and `orgraph-fuzz` as a libFuzzer target. The build tool that embeds the
// default graph is left alone, as is every other product.
let fuzzing = Context.environment["ORGRAPH_FUZZ"] == "1"
let fuzzFlags: [SwiftSetting] = fuzzing ? [.unsafeFlags(["-sanitize=fuzzer,address"])] : []

let package = Package(
  name: "OrgGraph",
  platforms: [.macOS(.v13)],
  products: [
    // The model, the query engine, DOT/Mermaid diagrams and the exports: no system library needed.
    .library(name: "OrgGraph", targets: ["OrgGraph", "OrgQuery", "OrgDiagram", "OrgExport"]),
    // Graphviz rendering to SVG, PNG and PDF, in-process (needs libgraphviz-dev).
    .library(name: "OrgRender", targets: ["OrgRender"]),
    // What the command line does, as a library: check/stats/export text, query scripts with exit status,
    // rendering glue (needs libgraphviz-dev, through OrgRender).
    .library(name: "OrgTool", targets: ["OrgTool"]),
    // Importing handbooks (Markdown with HTML inside) into Graph folders: needs libcmark-gfm-dev and
    // libxml2-dev.
    .library(name: "OrgImport", targets: ["OrgImport"]),
    .executable(name: "orgraph", targets: ["orgraph"]),
  ],
  dependencies: [
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
  ],
  targets: [
    // The model: schema, immutable Graph, GraphBuilder, Graph folders (YAML), validation.
    .target(
      name: "OrgGraph",
      dependencies: [.product(name: "Yams", package: "Yams")],
      swiftSettings: fuzzFlags,
      plugins: [.plugin(name: "EmbedDefaultGraph")]
    ),
    // One exporter per format behind the GraphExporter protocol; ExportFormat lists them (made from the
    // files of Formats/ by the RegisterFamilies plugin).
    .target(
      name: "OrgExport",
      dependencies: [
        "OrgGraph", "OrgDiagram", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ],
      swiftSettings: fuzzFlags,
      plugins: [.plugin(name: "RegisterFamilies")]
    ),
    // Build tool that lists a family's members (one type per file) for the module that holds them.
    .executableTarget(name: "OrgRegistryGen"),
    .plugin(
      name: "RegisterFamilies",
      capability: .buildTool(),
      dependencies: ["OrgRegistryGen"]
    ),
    // The synthetic organisations of the scale benchmark: in no library product, so an embedder does not
    // compile a benchmark generator.
    .target(name: "OrgSynthetic", dependencies: ["OrgGraph"]),
    // Build tool that turns Graph/*.yaml into Swift source, so the default graph ships inside the product.
    .executableTarget(name: "OrgGraphEmbed"),
    .plugin(
      name: "EmbedDefaultGraph",
      capability: .buildTool(),
      dependencies: ["OrgGraphEmbed"]
    ),
    // The query language: lexer, parser, checker, evaluator, results, diagnostics.
    .target(
      name: "OrgQuery",
      dependencies: ["OrgGraph", .product(name: "HeapModule", package: "swift-collections")],
      swiftSettings: fuzzFlags
    ),
    // Diagram styles written as DOT and Mermaid text (pure Swift).
    .target(
      name: "OrgDiagram",
      dependencies: [
        "OrgGraph", "OrgQuery", .product(name: "OrderedCollections", package: "swift-collections"),
      ],
      swiftSettings: fuzzFlags
    ),
    // Graphviz layout and rendering, in-process through libgvc.
    .systemLibrary(
      name: "CGraphviz",
      pkgConfig: "libgvc",
      providers: [.apt(["libgraphviz-dev"])]
    ),
    .target(name: "OrgRender", dependencies: ["OrgDiagram", "CGraphviz"]),
    // GitHub's Markdown parser and libxml2's HTML parser, for the importers.
    .systemLibrary(
      name: "CCmarkGFM",
      pkgConfig: "libcmark-gfm",
      providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
    ),
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]
    ),
    // libxml2 behind a small C interface: its headers bring the system's ICU, which clashes with
    // Foundation's in a Swift module.
    .target(name: "COrgHTML", dependencies: ["CLibXML2"]),
    // Readers of career-framework handbooks, writing reviewable Graph folders.
    .target(
      name: "OrgImport",
      dependencies: [
        "OrgGraph", "CCmarkGFM", "COrgHTML", .product(name: "Yams", package: "Yams"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ],
      swiftSettings: fuzzFlags,
      plugins: [.plugin(name: "RegisterFamilies")]
    ),
    // The tool's surface: the text, exit status and files of `orgraph`'s commands, for the executable, the
    // examples and embedders who want the tool's behaviour.
    .target(name: "OrgTool", dependencies: ["OrgGraph", "OrgQuery", "OrgDiagram", "OrgRender", "OrgExport"]),
    // libedit for the REPL, linked by the executable only.
    .systemLibrary(
      name: "CLineEdit",
      pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]
    ),
    // `orgraph serve`: the graph over HTTP (Hummingbird 2) — the site's pages live, a query console and a
    // JSON API, read-only and bounded.
    .target(
      name: "OrgServer",
      dependencies: [
        "OrgGraph", "OrgQuery", "OrgDiagram", "OrgRender", "OrgTool",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    // The command-line tool and REPL.
    .executableTarget(
      name: "orgraph",
      dependencies: [
        "OrgGraph", "OrgQuery", "OrgDiagram", "OrgRender", "OrgTool", "OrgImport", "OrgExport",
        "OrgSynthetic", "OrgServer",
        "CLineEdit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Examples: small real tools that embed the library (Examples/README.md).
    // What the examples share: how they fail and what `--graph` means. They read their command lines with
    // swift-argument-parser, as the tool does.
    .target(
      name: "ExampleSupport",
      dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")],
      path: "Examples/Support"),
    .executableTarget(
      name: "promotion-report",
      dependencies: [
        "OrgGraph", "OrgQuery", "ExampleSupport",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "Examples/PromotionReport"),
    .executableTarget(
      name: "overlap-matrix",
      dependencies: [
        "OrgGraph", "OrgQuery", "ExampleSupport",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "Examples/OverlapMatrix"),
    .executableTarget(
      name: "career-atlas",
      dependencies: [
        "OrgGraph", "OrgQuery", "OrgDiagram", "OrgRender", "ExampleSupport",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "Examples/CareerAtlas"),
    .executableTarget(
      name: "framework-diff",
      dependencies: [
        "OrgGraph", "OrgQuery", "ExampleSupport",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "Examples/FrameworkDiff"),
    // Benchmarks at the scale DESIGN.md plans for: `swift run -c release orgraph-benchmarks`.
    .executableTarget(
      name: "orgraph-benchmarks",
      dependencies: ["OrgGraph", "OrgQuery", "OrgSynthetic"],
      path: "Benchmarks/OrgGraphBenchmarks"
    ),
    // What containing Graphviz in a helper process costs: `swift run -c release render-benchmarks`.
    .executableTarget(
      name: "render-benchmarks",
      dependencies: ["OrgGraph", "OrgQuery", "OrgDiagram", "OrgRender"],
      path: "Benchmarks/RenderBenchmarks"
    ),
    // libFuzzer targets (scripts/fuzz.sh); built normally, it replays inputs from files.
    .executableTarget(
      name: "orgraph-fuzz",
      dependencies: [
        "OrgGraph", "OrgQuery", "OrgDiagram", "OrgImport", "OrgExport", "OrgRender", "OrgRenderTestSupport",
      ],
      path: "Fuzz/OrgGraphFuzz",
      swiftSettings: [
        .unsafeFlags(["-parse-as-library"] + (fuzzing ? ["-sanitize=fuzzer,address", "-DFUZZING"] : []))
      ],
      linkerSettings: fuzzing ? [.unsafeFlags(["-sanitize=fuzzer,address"])] : []
    ),
    // Golden files, paths, built executables and a seeded generator, shared by the test targets.
    .target(
      name: "OrgTestSupport",
      dependencies: [
        "OrgGraph", "OrgDiagram", "OrgSynthetic", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ], path: "Tests/Support"),
    // The model's and the language's tests build without Graphviz.
    .testTarget(
      name: "OrgGraphTests",
      dependencies: ["OrgGraph", "OrgSynthetic", "OrgTestSupport"],
      exclude: ["Golden", "Fixtures"]
    ),
    .testTarget(
      name: "OrgQueryTests",
      dependencies: ["OrgQuery", "OrgGraph", "OrgTestSupport"],
      exclude: ["Golden"]
    ),
    .testTarget(
      name: "OrgExportTests",
      dependencies: [
        "OrgExport", "OrgGraph", "OrgTestSupport",
      ],
      exclude: ["Golden", "Fixtures"]
    ),
    .testTarget(
      name: "OrgToolTests",
      dependencies: ["OrgTool", "OrgExport", "OrgGraph", "OrgQuery", "OrgTestSupport"],
      exclude: ["Golden", "Fixtures"]
    ),
    .testTarget(
      name: "OrgDiagramTests",
      dependencies: ["OrgDiagram", "OrgQuery", "OrgGraph", "OrgTestSupport"],
      exclude: ["Golden"]
    ),
    // Graphviz's own DOT parser, to check what the writers produce (tests only).
    .target(
      name: "OrgRenderTestSupport", dependencies: ["OrgRender", "OrgDiagram", "CGraphviz"],
      path: "Tests/RenderSupport"),
    .testTarget(
      name: "OrgRenderTests",
      dependencies: [
        "OrgRender", "OrgDiagram", "OrgQuery", "OrgGraph", "OrgTestSupport", "OrgRenderTestSupport",
      ]
    ),
    // The public API as a user imports it (no @testable), and the examples run as tools.
    .testTarget(
      name: "APITests",
      dependencies: [
        "OrgGraph", "OrgQuery", "OrgDiagram", "OrgRender", "OrgTool", "OrgExport", "OrgTestSupport",
      ]
    ),
    .testTarget(
      name: "ExamplesTests",
      dependencies: [
        "promotion-report", "overlap-matrix", "career-atlas", "framework-diff", "OrgTestSupport",
      ],
      exclude: ["Golden"]
    ),
    // End-to-end tests of the built tool.
    .testTarget(
      name: "EndToEndTests",
      dependencies: [
        "orgraph", "orgraph-fuzz", "orgraph-benchmarks", "OrgExport", "OrgTestSupport",
      ],
      exclude: ["Golden", "Transcripts"]
    ),
    // The server driven in-process through HummingbirdTesting: every endpoint, status and limit.
    .testTarget(
      name: "OrgServerTests",
      dependencies: [
        "OrgServer", "OrgGraph", .product(name: "HummingbirdTesting", package: "hummingbird"),
      ]
    ),
    .testTarget(
      name: "OrgImportTests",
      dependencies: ["OrgImport", "OrgGraph", "OrgQuery", "OrgTestSupport"],
      exclude: [
        "Golden", "Fixtures", "Matrices", "LevelPages", "Structured", "Workbooks", "LinkQuality", "Mapping",
        "RolePages",
      ]
    ),
  ],
  swiftLanguageModes: [.v6]
)
