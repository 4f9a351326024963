import Foundation
import PackagePlugin

/// A build-tool plugin: generates `RegistryModels.swift` from the consuming package's `registry/` folder
/// with `modelreg export --format swift`, so the target compiles the models in and reads no YAML at run time.
///
/// Apply it to a target: `plugins: [.plugin(name: "RegistryCodegen", package: "modelreg")]`. The generated
/// declarations (`RegistryModel`, `RegistryModels`) are internal to that target. Every model file is an
/// input, so editing, adding or removing one regenerates the source on the next build.
@main
struct RegistryCodegen: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let registry = context.package.directoryURL.appendingPathComponent("registry")
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: registry.path)
        } catch {
            throw RegistryCodegenError(
                "RegistryCodegen: no registry/ folder at \(registry.path): the plugin generates Swift from the package's registry/")
        }
        let inputs = names.filter { !$0.hasPrefix(".") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) }.sorted()
            .map { registry.appendingPathComponent($0) }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("RegistryModels.swift")
        return [
            .buildCommand(
                displayName: "Generating RegistryModels.swift from \(inputs.count) model files in registry/",
                executable: try context.tool(named: "modelreg").url,
                arguments: [
                    "export", "--format", "swift", "--swift-access", "internal", "--registry", registry.path,
                    "--output", output.path,
                ],
                inputFiles: inputs,
                outputFiles: [output])
        ]
    }
}

struct RegistryCodegenError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
