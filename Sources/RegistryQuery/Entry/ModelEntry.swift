import JSONSchema
import ModelRegistry

/// One model of the registry as a typed value, read from its YAML file.
///
/// Reading is forgiving: a field with the wrong type reads as absent (the `schema` rule of
/// `modelreg verify` reports it), and a missing required string reads as empty. Everything the
/// typed fields leave out is still in `raw`.
public struct ModelEntry: Sendable, Hashable {
    /// The registry id (`colbert-v2`); the file name when the file has no string `id`.
    public var id: String
    /// The display name (`ColBERTv2`).
    public var name: String
    /// The model family: `colbert`, `dense`, `sparse`, `cross-encoder`, `causal-lm`, … (`type`).
    public var type: String
    /// The SPDX-like license id (`apache-2.0`).
    public var license: String
    /// What the model is for.
    public var description: String
    /// The Hugging Face hub repository, `org/name` (`huggingface_id`).
    public var huggingfaceID: String?
    /// The pinned hub commit (`revision`).
    public var revision: String?
    /// Who publishes the model.
    public var organization: String?
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (`release_date`).
    public var releaseDate: String?
    /// Network architecture details (`architecture`).
    public var architecture: Architecture
    /// Size and shape figures (`specs`).
    public var specs: Specs
    /// What the model can do (`capabilities`).
    public var capabilities: Capabilities
    /// Benchmark name → score (`performance`).
    public var performance: [String: Double]
    /// What the model is used for (`roles`), in file order.
    public var roles: [String]
    /// Other names that find the model (`aliases`), as written.
    public var aliases: [String]
    /// How the model is served (`backend`).
    public var backend: Backend?
    /// The id of the entry this model was fine-tuned from (`fine_tuned_from`).
    public var fineTunedFrom: String?
    /// Set when the model is deprecated (`deprecated: true` or `{since, reason, replaced_by}`).
    public var deprecation: Deprecation?
    /// Whether the model is pinned to its artifacts (`version_lock.locked`).
    public var locked: Bool
    /// Resolution order among entries with the same role: lower first; nil sorts after every number.
    public var priority: Int?
    /// The file the entry was read from, as displayed (`registry/colbert-v2.yaml`); empty when built in memory.
    public var path: String
    /// The whole entry as data, including `metadata` and everything the typed fields leave out.
    public var raw: JSONValue

    /// True when the entry is deprecated.
    public var isDeprecated: Bool { deprecation != nil }

    /// Reads an entry from its data; `path` names the file it came from.
    public init(value: JSONValue, path: String = "") {
        let fields = EntryFields(source: value)
        id = fields.id ?? Self.fileStem(of: path)
        name = fields.name
        type = fields.type
        license = fields.license
        description = fields.description
        huggingfaceID = fields.huggingfaceID
        revision = fields.revision
        organization = fields.organization
        releaseDate = fields.releaseDate
        architecture = fields.architecture
        specs = fields.specs
        capabilities = fields.capabilities
        performance = fields.performance
        roles = fields.roles
        aliases = fields.aliases
        backend = fields.backend
        fineTunedFrom = fields.fineTunedFrom
        deprecation = fields.deprecation
        locked = fields.locked
        priority = fields.priority
        self.path = path
        raw = value
    }

    /// Reads an entry from a parsed model file.
    public init(document: ModelDocument) {
        self.init(value: document.value, path: document.path)
    }

    /// Every name that finds this entry: the id, then the aliases.
    public var names: [String] { [id] + aliases }

    /// True when the entry claims `role`.
    public func hasRole(_ role: String) -> Bool { roles.contains(role) }

    /// The value at a dotted path of the raw data (`specs.embedding_dim`), or nil.
    public func value(at dottedPath: String) -> JSONValue? { raw.member(path: dottedPath) }

    static func fileStem(of path: String) -> String {
        var name = path.split(separator: "/").last.map(String.init) ?? path
        for suffix in [".yaml", ".yml"] where name.hasSuffix(suffix) {
            name.removeLast(suffix.count)
        }
        return name
    }
}

extension ModelEntry {
    /// Network architecture details.
    public struct Architecture: Sendable, Hashable {
        /// The backbone family, usually the transformers `model_type` (`bert`, `qwen2`).
        public var type: String?
        /// A free-form size or variant label (`large`, `0.5B`).
        public var variant: String?
        /// Whether a projection head maps hidden states to the embedding (`has_projection`).
        public var hasProjection: Bool?
        /// The projection head's output size (`projection_dims`).
        public var projectionDims: Int?
        /// The Matryoshka truncation sizes (`matryoshka_dims`), as written.
        public var matryoshkaDims: [Int]

        /// Reads the `architecture` mapping; nil reads as all absent.
        public init(_ value: JSONValue?) {
            type = value?.member("type")?.asString
            variant = value?.member("variant")?.asString
            hasProjection = value?.member("has_projection")?.asBool
            projectionDims = value?.member("projection_dims")?.asInt
            matryoshkaDims = value?.member("matryoshka_dims")?.asArray?.compactMap(\.asInt) ?? []
        }
    }

    /// Size and shape figures.
    public struct Specs: Sendable, Hashable {
        /// The parameter count as written: `110M`, `7.6B`, or an exact integer as text.
        public var parameters: String?
        /// The size of the output vector (`embedding_dim`).
        public var embeddingDim: Int?
        /// The transformer's hidden size (`hidden_dim`).
        public var hiddenDim: Int?
        /// The number of input tokens the model is meant for (`context_length`).
        public var contextLength: Int?
        /// The position-embedding table size (`max_position_embeddings`).
        public var maxPositionEmbeddings: Int?
        /// The tokenizer's vocabulary size (`vocab_size`).
        public var vocabSize: Int?
        /// The number of transformer layers (`num_layers`).
        public var numLayers: Int?

        /// Reads the `specs` mapping; nil reads as all absent.
        public init(_ value: JSONValue?) {
            switch value?.member("parameters") {
            case .string(let text)?: parameters = text
            case let other?: parameters = other.asInt.map(String.init)
            case nil: parameters = nil
            }
            embeddingDim = value?.member("embedding_dim")?.asInt
            hiddenDim = value?.member("hidden_dim")?.asInt
            contextLength = value?.member("context_length")?.asInt
            maxPositionEmbeddings = value?.member("max_position_embeddings")?.asInt
            vocabSize = value?.member("vocab_size")?.asInt
            numLayers = value?.member("num_layers")?.asInt
        }

        /// The parameter count as a number: `110M` is 110,000,000; nil when absent or unreadable.
        public var parameterCount: Int? { parameters.flatMap(ParameterCount.parse) }
    }

    /// What the model can do.
    public struct Capabilities: Sendable, Hashable {
        /// Language codes, or `multilingual`.
        public var languages: [String]
        /// Input modalities: `text`, `vision`, `audio`, `video`.
        public var modalities: [String]
        /// Whether the model produces several vectors per input (`multi_vector`).
        public var multiVector: Bool
        /// Whether embeddings may be truncated to `architecture.matryoshka_dims` (`matryoshka`).
        public var matryoshka: Bool
        /// Precisions or quantized formats available (`quantization`).
        public var quantization: [String]

        /// Reads the `capabilities` mapping; nil reads as none.
        public init(_ value: JSONValue?) {
            languages = value?.member("languages")?.strings ?? []
            modalities = value?.member("modalities")?.strings ?? []
            multiVector = value?.member("multi_vector")?.asBool ?? false
            matryoshka = value?.member("matryoshka")?.asBool ?? false
            quantization = value?.member("quantization")?.strings ?? []
        }

        /// True when the model reads `language`: listed itself, as a more specific tag
        /// (`pt-BR` serves `pt`), or through `multilingual`. Case-insensitive.
        public func supportsLanguage(_ language: String) -> Bool {
            let wanted = language.lowercased()
            return languages.contains { listed in
                let listed = listed.lowercased()
                return listed == wanted || listed == "multilingual" || listed.hasPrefix(wanted + "-")
            }
        }
    }

    /// How the model is served.
    public struct Backend: Sendable, Hashable {
        /// The serving engine: `vllm`, `ollama`, `gguf`, `lmdeploy`, `transformers`, `onnx`, `other`.
        public var kind: String
        /// The model name clients send to the server (`served_model_id`).
        public var servedModelID: String?
        /// The TCP port the server listens on.
        public var port: Int?
        /// The local path of the weights (`model_path`).
        public var modelPath: String?
        /// Extra command-line arguments for the server (`extra_args`).
        public var extraArgs: [String]

        /// Reads the `backend` mapping; nil when it is not a mapping.
        public init?(_ value: JSONValue) {
            guard value.asObject != nil else { return nil }
            kind = value.member("kind")?.asString ?? ""
            servedModelID = value.member("served_model_id")?.asString
            port = value.member("port")?.asInt
            modelPath = value.member("model_path")?.asString
            extraArgs = value.member("extra_args")?.strings ?? []
        }
    }

    /// Why and since when a model is deprecated, and what replaces it.
    public struct Deprecation: Sendable, Hashable {
        /// When the model was deprecated (`since`).
        public var since: String?
        /// Why (`reason`).
        public var reason: String?
        /// The id of the recommended replacement (`replaced_by`).
        public var replacedBy: String?

        /// Builds a deprecation record.
        public init(since: String? = nil, reason: String? = nil, replacedBy: String? = nil) {
            self.since = since
            self.reason = reason
            self.replacedBy = replacedBy
        }

        /// Reads `deprecated`: nil when absent or `false`; `true` or a mapping mean deprecated.
        public init?(_ value: JSONValue?) {
            guard let value else { return nil }
            switch value {
            case .bool(false), .null: return nil
            case .object:
                self.init(
                    since: value.member("since")?.asString, reason: value.member("reason")?.asString,
                    replacedBy: value.member("replaced_by")?.asString)
            default:
                self.init()
            }
        }
    }
}

extension JSONValue {
    /// The string elements of an array (others skipped), or nil when this is not an array.
    var strings: [String]? { asArray?.compactMap(\.asString) }

    /// Any number as a double.
    var asDouble: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .number(let value): return value
        default: return nil
        }
    }
}
