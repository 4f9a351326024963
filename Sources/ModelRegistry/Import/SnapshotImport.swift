import Foundation
import JSONSchema

/// Turns a model snapshot into a new registry entry: specs from `config.json`, license, languages and lineage
/// from the model card, artifacts hashed and the entry locked.
public struct SnapshotImport: Sendable {
    public var id: String
    public var name: String?
    public var type: String?
    public var huggingfaceID: String?
    /// Where the files are, as it will be written to `backend.model_path`.
    public var modelPath: String
    public var files: [HashedFile]
    /// The current time, as `last_verified`.
    public var verifiedAt: String

    public init(
        id: String, name: String? = nil, type: String? = nil, huggingfaceID: String? = nil, modelPath: String,
        files: [HashedFile], verifiedAt: String
    ) {
        self.id = id
        self.name = name
        self.type = type
        self.huggingfaceID = huggingfaceID
        self.modelPath = modelPath
        self.files = files
        self.verifiedAt = verifiedAt
    }

    /// The entry's YAML text. `registry` is used to turn the card's `base_model` into `fine_tuned_from`.
    public func render(_ snapshot: ModelSnapshot, registry: RegistryIndex) throws(ToolError) -> String {
        let aggregate = AggregateHash.compute(files.map { ArtifactHash(path: $0.path, sha256: $0.sha256) })
        let config = snapshot.config
        var fields: [(String, EditValue)] = [
            ("schema_version", .integer(1)),
            ("id", .string(id)),
            ("name", .string(name ?? id)),
            ("type", .string(type ?? Self.guessType(snapshot))),
            ("license", .string(snapshot.license ?? "other")),
            ("description", .string(snapshot.cardSummary ?? "Imported from \((snapshot.directory as NSString).lastPathComponent).")),
        ]
        if let huggingfaceID { fields.append(("huggingface_id", .string(huggingfaceID))) }

        var architecture: [(String, EditValue)] = []
        if let modelType = config?.member("model_type")?.asString { architecture.append(("type", .string(modelType))) }
        if let variant = config?.member("architectures")?.asArray?.first?.asString { architecture.append(("variant", .string(variant))) }
        if !architecture.isEmpty { fields.append(("architecture", .mapping(architecture))) }

        var specs: [(String, EditValue)] = []
        let hidden = config?.member("hidden_size")?.asInt ?? config?.member("d_model")?.asInt
        if snapshot.isSentenceTransformer, let dimension = snapshot.denseOutputDimension ?? hidden {
            specs.append(("embedding_dim", .integer(dimension)))
        }
        if let hidden { specs.append(("hidden_dim", .integer(hidden))) }
        let positions = config?.member("max_position_embeddings")?.asInt
        if let length = snapshot.maxSequenceLength ?? positions { specs.append(("context_length", .integer(length))) }
        if let positions { specs.append(("max_position_embeddings", .integer(positions))) }
        if let vocabulary = config?.member("vocab_size")?.asInt { specs.append(("vocab_size", .integer(vocabulary))) }
        if let layers = config?.member("num_hidden_layers")?.asInt ?? config?.member("num_layers")?.asInt {
            specs.append(("num_layers", .integer(layers)))
        }
        if !specs.isEmpty { fields.append(("specs", .mapping(specs))) }

        let languages = snapshot.languages.filter { $0.range(of: "^[a-z]{2,3}(-[a-z0-9]{2,8})*$", options: .regularExpression) != nil || $0 == "multilingual" }
        if !languages.isEmpty { fields.append(("capabilities", .mapping([("languages", .list(languages.map(EditValue.string)))]))) }

        if let base = snapshot.baseModel, let parent = Self.registryID(for: base, in: registry), parent != id {
            fields.append(("fine_tuned_from", .string(parent)))
        }
        fields.append(("backend", .mapping([("kind", .string("transformers")), ("model_path", .string(modelPath))])))
        fields.append((
            "artifacts",
            .mapping([
                (
                    "files",
                    .list(
                        files.map { .mapping([("path", .string($0.path)), ("sha256", .string($0.sha256)), ("size", .integer(Int($0.size)))]) })
                ),
                ("aggregate_sha256", .string(aggregate)),
            ])
        ))
        fields.append((
            "version_lock",
            .mapping([
                ("locked", .bool(true)), ("expected_aggregate_sha256", .string(aggregate)), ("last_verified", .string(verifiedAt)),
            ])
        ))

        var header = "# Imported by `modelreg import` from \((snapshot.directory as NSString).lastPathComponent).\n"
        if let base = snapshot.baseModel, Self.registryID(for: base, in: registry) == nil {
            header += "# The card names base_model \(base), which is not in the registry.\n"
        }
        do {
            var editor = try YAMLEditor(text: header)
            for (key, value) in fields { try editor.set([key], to: value) }
            return editor.text
        } catch {
            throw ToolError("cannot write the entry for \(id): \(error)")
        }
    }

    /// The registry id of a Hugging Face id: the entry with that `huggingface_id`, else an id or alias equal to it
    /// or to its name part.
    public static func registryID(for huggingfaceID: String, in registry: RegistryIndex) -> String? {
        let wanted = huggingfaceID.lowercased()
        if let match = registry.documents.first(where: { $0.value.member("huggingface_id")?.asString?.lowercased() == wanted }) {
            return match.id
        }
        let name = wanted.split(separator: "/").last.map(String.init) ?? wanted
        return registry.lookup(wanted)?.id ?? registry.lookup(name)?.id
    }

    /// A type from what the files say; `other` when they say nothing clear.
    static func guessType(_ snapshot: ModelSnapshot) -> String {
        let architectures = (snapshot.config?.member("architectures")?.asArray ?? []).compactMap(\.asString).joined(separator: " ")
        let modelType = snapshot.config?.member("model_type")?.asString ?? ""
        if snapshot.isSentenceTransformer { return "dense" }
        if modelType.contains("whisper") || modelType.contains("wav2vec") { return "speech" }
        if snapshot.config?.member("vision_config") != nil || architectures.contains("VL") { return "vision-language" }
        if architectures.contains("ForSequenceClassification") { return "cross-encoder" }
        if architectures.contains("ForCausalLM") { return "causal-lm" }
        if architectures.contains("ForConditionalGeneration") || ["t5", "bart", "mt5"].contains(modelType) { return "seq2seq" }
        return "other"
    }

    /// `id`, or the first of `id-v2`, `id-v3`, … that is free.
    public static func nextFreeID(_ id: String, in registry: RegistryIndex) -> String {
        if registry.lookup(id) == nil { return id }
        var version = 2
        while registry.lookup("\(id)-v\(version)") != nil { version += 1 }
        return "\(id)-v\(version)"
    }
}
