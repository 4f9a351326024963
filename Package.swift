// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "modelreg",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "modelreg", targets: ["modelreg"]),
        .library(name: "ModelRegistry", targets: ["ModelRegistry"]),
        .library(name: "RegistryQuery", targets: ["RegistryQuery"]),
        .plugin(name: "RegistryCodegen", targets: ["RegistryCodegen"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // C libraries, each imported by exactly one Swift module.
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(name: "CGit2", pkgConfig: "libgit2", providers: [.apt(["libgit2-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),

        // Wrappers: the only importers of the C modules.
        .target(name: "YAML", dependencies: ["CYAML"]),
        .target(name: "Git", dependencies: ["CGit2"]),
        .target(name: "Digest", dependencies: ["CCrypto"]),

        // Pure Swift.
        .target(name: "JSONSchema"),
        .target(
            name: "ModelRegistry",
            dependencies: ["YAML", "JSONSchema", "Digest", "Git"]
        ),
        .target(name: "RegistryQuery", dependencies: ["ModelRegistry", "JSONSchema", "Git", "Digest"]),
        .target(
            name: "ModelRegCLI",
            dependencies: [
                "ModelRegistry", "RegistryQuery", "Git",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "modelreg", dependencies: ["ModelRegCLI"]),
        // Generates Swift from a consuming package's registry/ at build time (see Examples/ModelCatalog).
        .plugin(name: "RegistryCodegen", capability: .buildTool(), dependencies: ["modelreg"]),

        .testTarget(name: "YAMLTests", dependencies: ["YAML"]),
        .testTarget(name: "JSONSchemaTests", dependencies: ["JSONSchema"]),
        .testTarget(name: "GitTests", dependencies: ["Git"]),
        .testTarget(name: "DigestTests", dependencies: ["Digest"]),
        .testTarget(name: "ModelRegistryTests", dependencies: ["ModelRegistry", "YAML", "Git"]),
        .testTarget(name: "RegistryQueryTests", dependencies: ["RegistryQuery"], exclude: ["Fixtures"]),
        .testTarget(name: "ModelRegCLITests", dependencies: ["ModelRegCLI", "modelreg"]),
    ],
    swiftLanguageModes: [.v6]
)
