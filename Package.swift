// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "kgx",
    products: [
        .library(name: "KGModel", targets: ["KGModel"]),
        .library(name: "KGExtraction", targets: ["KGExtraction"]),
        .library(name: "KGExport", targets: ["KGExport"]),
        .library(name: "KGInput", targets: ["KGInput"]),
        .library(name: "KGStore", targets: ["KGStore"]),
        .executable(name: "kgx", targets: ["kgx"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // `swift package generate-documentation`: the DocC catalogs of KGModel and KGExtraction.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        // The corpus store (`kgx extract … -o corpus.kgx`): SQLite through GRDB.
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "KGModel"),
        .target(
            name: "KGExtraction",
            dependencies: ["KGModel"],
            resources: [.copy("Resources/lexicon")]
        ),
        .target(name: "KGExport", dependencies: ["KGModel", "CLibXML2"]),
        .target(name: "KGInput", dependencies: ["KGExtraction", "KGExport"]),
        .target(name: "KGStore", dependencies: ["KGModel", "KGExport", .product(name: "GRDB", package: "GRDB.swift")]),
        .executableTarget(
            name: "kgx",
            dependencies: [
                "KGModel", "KGExtraction", "KGExport", "KGInput", "KGStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "kgx-benchmark",
            dependencies: ["KGExtraction", "KGExport", "KGModel", "KGStore"]
        ),
        // libFuzzer harnesses (scripts/fuzz.sh builds them with -sanitize=fuzzer,address -DFUZZING);
        // built plainly, the same binary replays a corpus of inputs.
        .executableTarget(
            name: "kgx-fuzz",
            dependencies: ["KGExtraction", "KGExport", "KGInput", "KGModel"]
        ),
        // Helpers the tests share (running every rule's own examples); not part of any product.
        .target(name: "KGTestSupport", dependencies: ["KGExtraction", "KGModel"], path: "Tests/Support"),
        .testTarget(name: "KGModelTests", dependencies: ["KGModel"]),
        .testTarget(name: "KGExtractionTests", dependencies: ["KGExtraction", "KGModel", "KGTestSupport"]),
        .testTarget(name: "KGExportTests", dependencies: ["KGExport", "KGModel"]),
        .testTarget(name: "KGStoreTests", dependencies: ["KGStore", "KGModel", "KGExport"]),
        .testTarget(
            name: "IntegrationTests", dependencies: ["KGExtraction", "KGExport", "KGInput", "KGModel", "kgx", "kgx-fuzz"], exclude: ["Fixtures"]),
    ]
)
