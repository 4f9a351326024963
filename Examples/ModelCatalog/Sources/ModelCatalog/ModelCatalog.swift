import Foundation
import RegistryQuery

/// A tiny application over the registry.
///
/// `RegistryModels` is generated at build time from registry/ by the RegistryCodegen plugin: the models
/// are compiled in. `Registry` (from the RegistryQuery library) reads the YAML files at run time, for the
/// questions that need the whole registry: role resolution, lineage, filters, building models.
@main
struct ModelCatalog {
    /// A stand-in for what an application would build from an entry.
    struct Encoder: Sendable {
        var id: String
        var dimension: Int?
        var device: String
    }

    static func main() throws {
        // Compiled in: no file is read here.
        print("\(RegistryModels.all.count) models compiled in")
        if let colbert = RegistryModels.model(named: "colbertv2") {
            print("colbertv2 is \(colbert.id): \(colbert.embeddingDim.map(String.init) ?? "?")-dimensional, \(colbert.license)")
        }

        // Read at run time: the registry folder next to the package, or the one given as the first argument.
        let directory = CommandLine.arguments.dropFirst().first ?? "registry"
        let registry = try Registry.open(directory: directory)
        let captioner = try registry.resolve(RoleRequest(role: "caption")).chosen
        print("caption → \(captioner.id)")
        let retriever = try registry.resolve(RoleRequest(role: "retrieval", requirements: [.multiVector, .language("de")]))
        print("multilingual multi-vector retrieval → \(retriever.chosen.id)")
        let small = registry.select(EntryFilter(types: ["dense"], maxEmbeddingDim: 384))
        print("dense models with at most 384 dimensions: " + small.map(\.id).joined(separator: ", "))
        let lineage = try registry.lineage(of: "vikhr-qwen-2.5-0.5b-instruct")
        print("vikhr-qwen-2.5-0.5b-instruct descends from \(lineage.base.id)")

        // Building application objects by architecture.
        var factory = ModelFactory<String, Encoder>(registry: registry)
        factory.register(architecture: "bert") { entry, device in
            Encoder(id: entry.id, dimension: entry.specs.embeddingDim, device: device)
        }
        let encoder = try factory.make("colbert-v2", with: "cpu")
        print("built \(encoder.id) (\(encoder.dimension ?? 0) dimensions) on \(encoder.device)")
        do {
            _ = try factory.make("qwen2.5-0.5b-instruct", with: "cpu")
        } catch {
            print("as expected: \(error)")
        }
    }
}
