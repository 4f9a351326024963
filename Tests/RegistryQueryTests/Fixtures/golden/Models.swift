// Generated from the registry's YAML files by `modelreg export --format swift`; do not edit by hand.

/// One model of the registry.
public struct RegistryModel: Sendable, Hashable, Identifiable {
    /// Why and since when a model is deprecated, and what replaces it.
    public struct Deprecation: Sendable, Hashable {
        /// When it was deprecated (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
        public let since: String?
        /// Why.
        public let reason: String?
        /// The id of the replacement.
        public let replacedBy: String?
    }

    /// The registry id.
    public let id: String
    /// The display name.
    public let name: String
    /// The model family (`colbert`, `dense`, `causal-lm`, …).
    public let type: String
    /// The SPDX-like license id.
    public let license: String
    /// What the model is for.
    public let description: String
    /// The Hugging Face hub repository, `org/name`.
    public let huggingfaceID: String?
    /// The pinned hub commit.
    public let revision: String?
    /// Who publishes the model.
    public let organization: String?
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public let releaseDate: String?
    /// The backbone family (`bert`, `qwen2`).
    public let architectureType: String?
    /// The parameter count as written (`110M`).
    public let parameters: String?
    /// The size of the output vector.
    public let embeddingDim: Int?
    /// The transformer's hidden size.
    public let hiddenDim: Int?
    /// The number of input tokens the model is meant for.
    public let contextLength: Int?
    /// Language codes, or `multilingual`.
    public let languages: [String]
    /// Input modalities.
    public let modalities: [String]
    /// Whether the model produces several vectors per input.
    public let multiVector: Bool
    /// Whether embeddings may be truncated to `matryoshkaDims`.
    public let matryoshka: Bool
    /// The Matryoshka truncation sizes.
    public let matryoshkaDims: [Int]
    /// Available precisions and quantized formats.
    public let quantization: [String]
    /// What the model is used for.
    public let roles: [String]
    /// Other names that find the model.
    public let aliases: [String]
    /// The serving engine (`vllm`, `ollama`, …).
    public let backendKind: String?
    /// The model name clients send to the server.
    public let servedModelID: String?
    /// The TCP port the server listens on.
    public let port: Int?
    /// The id of the model this one was fine-tuned from.
    public let fineTunedFrom: String?
    /// Set when the model is deprecated.
    public let deprecation: Deprecation?
    /// Whether the model is pinned to its recorded artifacts.
    public let locked: Bool
    /// Role resolution order: lower first, nil after every number.
    public let priority: Int?
}

/// Every model of the registry, with lookups by id and alias.
public enum RegistryModels {
    /// Base LM (`base-lm`).
    public static let baseLm = RegistryModel(
        id: "base-lm",
        name: "Base LM",
        type: "causal-lm",
        license: "apache-2.0",
        description: "A small multilingual instruction-tuned chat model.",
        huggingfaceID: "example/base-lm",
        revision: nil,
        organization: "Example Labs",
        releaseDate: nil,
        architectureType: "qwen2",
        parameters: "0.5B",
        embeddingDim: nil,
        hiddenDim: nil,
        contextLength: 32768,
        languages: ["multilingual"],
        modalities: ["text"],
        multiVector: false,
        matryoshka: false,
        matryoshkaDims: [],
        quantization: ["bf16"],
        roles: ["chat"],
        aliases: [],
        backendKind: "vllm",
        servedModelID: "base-lm",
        port: 8000,
        fineTunedFrom: nil,
        deprecation: nil,
        locked: false,
        priority: nil
    )

    /// Base LM Coder (`base-lm-coder`).
    public static let baseLmCoder = RegistryModel(
        id: "base-lm-coder",
        name: "Base LM Coder",
        type: "causal-lm",
        license: "apache-2.0",
        description: "Base LM tuned on source code.",
        huggingfaceID: nil,
        revision: nil,
        organization: nil,
        releaseDate: nil,
        architectureType: "qwen2",
        parameters: nil,
        embeddingDim: nil,
        hiddenDim: nil,
        contextLength: nil,
        languages: ["en"],
        modalities: ["text"],
        multiVector: false,
        matryoshka: false,
        matryoshkaDims: [],
        quantization: [],
        roles: ["chat", "code"],
        aliases: [],
        backendKind: nil,
        servedModelID: nil,
        port: nil,
        fineTunedFrom: "base-lm",
        deprecation: nil,
        locked: false,
        priority: nil
    )

    /// Big ColBERT (`big-colbert`).
    public static let bigColbert = RegistryModel(
        id: "big-colbert",
        name: "Big ColBERT",
        type: "colbert",
        license: "cc-by-nc-4.0",
        description: "A multilingual late-interaction retriever whose token vectors can be truncated.",
        huggingfaceID: "example/big-colbert",
        revision: nil,
        organization: "Other Org",
        releaseDate: "2024-09",
        architectureType: "xlm-roberta",
        parameters: "560M",
        embeddingDim: 128,
        hiddenDim: nil,
        contextLength: 8192,
        languages: ["multilingual"],
        modalities: ["text"],
        multiVector: true,
        matryoshka: true,
        matryoshkaDims: [128, 96, 64],
        quantization: [],
        roles: ["retrieval", "rerank"],
        aliases: [],
        backendKind: nil,
        servedModelID: nil,
        port: nil,
        fineTunedFrom: nil,
        deprecation: nil,
        locked: false,
        priority: 1
    )

    /// Chat LM (`chat-lm`).
    public static let chatLm = RegistryModel(
        id: "chat-lm",
        name: "Chat LM",
        type: "causal-lm",
        license: "apache-2.0",
        description: "Base LM further tuned for Russian and English chat.",
        huggingfaceID: "example/chat-lm",
        revision: nil,
        organization: "Another Team",
        releaseDate: nil,
        architectureType: "qwen2",
        parameters: "0.5B",
        embeddingDim: nil,
        hiddenDim: nil,
        contextLength: nil,
        languages: ["ru", "en"],
        modalities: ["text"],
        multiVector: false,
        matryoshka: false,
        matryoshkaDims: [],
        quantization: ["q4_k_m"],
        roles: ["chat"],
        aliases: [],
        backendKind: "gguf",
        servedModelID: nil,
        port: nil,
        fineTunedFrom: "base-lm",
        deprecation: nil,
        locked: false,
        priority: 1
    )

    /// Chat LM (Russian) (`chat-lm-ru`), deprecated.
    public static let chatLmRu = RegistryModel(
        id: "chat-lm-ru",
        name: "Chat LM (Russian)",
        type: "causal-lm",
        license: "apache-2.0",
        description: "Chat LM tuned once more, on Russian only.",
        huggingfaceID: nil,
        revision: nil,
        organization: nil,
        releaseDate: nil,
        architectureType: nil,
        parameters: nil,
        embeddingDim: nil,
        hiddenDim: nil,
        contextLength: nil,
        languages: ["ru"],
        modalities: ["text"],
        multiVector: false,
        matryoshka: false,
        matryoshkaDims: [],
        quantization: [],
        roles: ["chat"],
        aliases: [],
        backendKind: nil,
        servedModelID: nil,
        port: nil,
        fineTunedFrom: "chat-lm",
        deprecation: RegistryModel.Deprecation(since: nil, reason: nil, replacedBy: nil),
        locked: false,
        priority: nil
    )

    /// Mini Dense (`mini-dense`).
    public static let miniDense = RegistryModel(
        id: "mini-dense",
        name: "Mini Dense",
        type: "dense",
        license: "apache-2.0",
        description: "A small English sentence embedder, pinned to its files.",
        huggingfaceID: "example/mini-dense",
        revision: nil,
        organization: "Example Labs",
        releaseDate: nil,
        architectureType: "bert",
        parameters: "22.7M",
        embeddingDim: 384,
        hiddenDim: nil,
        contextLength: 256,
        languages: ["en"],
        modalities: ["text"],
        multiVector: false,
        matryoshka: false,
        matryoshkaDims: [],
        quantization: ["fp32", "int8"],
        roles: ["embedding", "retrieval"],
        aliases: ["minidense"],
        backendKind: "onnx",
        servedModelID: nil,
        port: nil,
        fineTunedFrom: nil,
        deprecation: nil,
        locked: true,
        priority: nil
    )

    /// Old Dense (`old-dense`), deprecated.
    public static let oldDense = RegistryModel(
        id: "old-dense",
        name: "Old Dense",
        type: "dense",
        license: "mit",
        description: "The first English embedder; kept for existing indexes.",
        huggingfaceID: "example/old-dense",
        revision: nil,
        organization: "Example Labs",
        releaseDate: "2022-12",
        architectureType: nil,
        parameters: "110M",
        embeddingDim: 768,
        hiddenDim: nil,
        contextLength: 512,
        languages: ["en"],
        modalities: ["text"],
        multiVector: false,
        matryoshka: false,
        matryoshkaDims: [],
        quantization: [],
        roles: ["embedding", "retrieval"],
        aliases: ["legacy-dense"],
        backendKind: nil,
        servedModelID: nil,
        port: nil,
        fineTunedFrom: nil,
        deprecation: RegistryModel.Deprecation(since: "2023-05", reason: "Superseded by mini-dense, which is smaller and scores better.", replacedBy: "mini-dense"),
        locked: false,
        priority: nil
    )

    /// Small VLM | 2B (`small-vlm`).
    public static let smallVlm = RegistryModel(
        id: "small-vlm",
        name: "Small VLM | 2B",
        type: "vision-language",
        license: "apache-2.0",
        description: "Reads images and text; its \"captions\" use a backslash \\ and a pipe | to test escaping.",
        huggingfaceID: "example/small-vlm",
        revision: nil,
        organization: "Example Labs",
        releaseDate: nil,
        architectureType: "qwen2_vl",
        parameters: "2.2B",
        embeddingDim: nil,
        hiddenDim: nil,
        contextLength: 32768,
        languages: ["multilingual"],
        modalities: ["text", "vision"],
        multiVector: false,
        matryoshka: false,
        matryoshkaDims: [],
        quantization: [],
        roles: ["caption", "description", "keywords", "chat"],
        aliases: [],
        backendKind: "vllm",
        servedModelID: "small-vlm",
        port: 8001,
        fineTunedFrom: nil,
        deprecation: nil,
        locked: false,
        priority: 5
    )

    /// Tiny ColBERT (`tiny-colbert`).
    public static let tinyColbert = RegistryModel(
        id: "tiny-colbert",
        name: "Tiny ColBERT",
        type: "colbert",
        license: "mit",
        description: "A small late-interaction retriever, one 96-dimensional vector per token.",
        huggingfaceID: "example/tiny-colbert",
        revision: nil,
        organization: "Example Labs",
        releaseDate: "2024-08",
        architectureType: "bert",
        parameters: "33M",
        embeddingDim: 96,
        hiddenDim: nil,
        contextLength: 512,
        languages: ["en"],
        modalities: ["text"],
        multiVector: true,
        matryoshka: false,
        matryoshkaDims: [],
        quantization: ["fp32", "fp16"],
        roles: ["retrieval", "rerank"],
        aliases: ["TinyColBERT", "example/tiny-colbert"],
        backendKind: nil,
        servedModelID: nil,
        port: nil,
        fineTunedFrom: nil,
        deprecation: nil,
        locked: false,
        priority: 2
    )

    /// Whisper Tiny (`whisper-tiny`).
    public static let whisperTiny = RegistryModel(
        id: "whisper-tiny",
        name: "Whisper Tiny",
        type: "speech",
        license: "mit",
        description: "Speech recognition and translation into English.",
        huggingfaceID: nil,
        revision: nil,
        organization: "Other Org",
        releaseDate: nil,
        architectureType: nil,
        parameters: "39M",
        embeddingDim: nil,
        hiddenDim: nil,
        contextLength: 448,
        languages: ["multilingual"],
        modalities: ["audio"],
        multiVector: false,
        matryoshka: false,
        matryoshkaDims: [],
        quantization: [],
        roles: ["transcription"],
        aliases: [],
        backendKind: nil,
        servedModelID: nil,
        port: nil,
        fineTunedFrom: nil,
        deprecation: nil,
        locked: false,
        priority: nil
    )

    /// Every model, sorted by id.
    public static let all: [RegistryModel] = [
        baseLm,
        baseLmCoder,
        bigColbert,
        chatLm,
        chatLmRu,
        miniDense,
        oldDense,
        smallVlm,
        tinyColbert,
        whisperTiny,
    ]

    /// The model with exactly this id.
    public static func model(id: String) -> RegistryModel? {
        byID[id]
    }

    /// The model with this id or alias, compared case-insensitively; an id wins over an alias.
    public static func model(named name: String) -> RegistryModel? {
        byName[name.lowercased()]
    }

    private static let byID: [String: RegistryModel] = [
        "base-lm": baseLm,
        "base-lm-coder": baseLmCoder,
        "big-colbert": bigColbert,
        "chat-lm": chatLm,
        "chat-lm-ru": chatLmRu,
        "mini-dense": miniDense,
        "old-dense": oldDense,
        "small-vlm": smallVlm,
        "tiny-colbert": tinyColbert,
        "whisper-tiny": whisperTiny,
    ]

    private static let byName: [String: RegistryModel] = [
        "base-lm": baseLm,
        "base-lm-coder": baseLmCoder,
        "big-colbert": bigColbert,
        "chat-lm": chatLm,
        "chat-lm-ru": chatLmRu,
        "mini-dense": miniDense,
        "old-dense": oldDense,
        "small-vlm": smallVlm,
        "tiny-colbert": tinyColbert,
        "whisper-tiny": whisperTiny,
        "minidense": miniDense,
        "legacy-dense": oldDense,
        "tinycolbert": tinyColbert,
        "example/tiny-colbert": tinyColbert,
    ]
}
