// swift-tools-version:6.0
import PackageDescription

// An application that uses the registry two ways: models compiled in by the RegistryCodegen plugin
// (no YAML at run time), and the RegistryQuery library reading registry/ at run time.
let package = Package(
    name: "ModelCatalog",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "modelreg", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "ModelCatalog",
            dependencies: [.product(name: "RegistryQuery", package: "modelreg")],
            plugins: [.plugin(name: "RegistryCodegen", package: "modelreg")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
