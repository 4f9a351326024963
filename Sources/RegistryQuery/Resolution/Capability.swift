/// Something a role request can require of a model (`modelreg resolve ROLE --require CAPABILITY`).
public enum Capability: Sendable, Hashable, CustomStringConvertible {
    /// An input modality: `text`, `vision`, `audio`, `video`.
    case modality(String)
    /// `multi-vector`: several vectors per input.
    case multiVector
    /// `matryoshka`: truncatable embeddings.
    case matryoshka
    /// `language:CODE`: reads the language (or is multilingual).
    case language(String)
    /// `quantization:FORMAT`: available in this precision or format.
    case quantization(String)
    /// `backend:KIND`: served by this engine.
    case backend(String)

    /// The modalities a capability can name on its own.
    public static let modalities = ["text", "vision", "audio", "video"]

    /// The forms `init(parsing:)` accepts, for help and error messages.
    public static let forms =
        "text, vision, audio, video, multi-vector, matryoshka, language:CODE, quantization:FORMAT, backend:KIND"

    /// Reads a capability as written on the command line; nil when it is none of `forms`.
    public init?(parsing text: String) {
        let lowered = text.lowercased()
        if Self.modalities.contains(lowered) {
            self = .modality(lowered)
            return
        }
        switch lowered {
        case "multi-vector", "multi_vector", "multivector": self = .multiVector
        case "matryoshka": self = .matryoshka
        default:
            guard let colon = text.firstIndex(of: ":") else { return nil }
            let value = String(text[text.index(after: colon)...])
            guard !value.isEmpty else { return nil }
            switch lowered[..<colon] {
            case "language", "lang": self = .language(value)
            case "quantization", "quant": self = .quantization(value)
            case "backend": self = .backend(value)
            default: return nil
            }
        }
    }

    /// Whether `entry` has the capability.
    public func isSatisfied(by entry: ModelEntry) -> Bool {
        switch self {
        case .modality(let modality): return entry.capabilities.modalities.contains(modality)
        case .multiVector: return entry.capabilities.multiVector
        case .matryoshka: return entry.capabilities.matryoshka
        case .language(let language): return entry.capabilities.supportsLanguage(language)
        case .quantization(let format): return entry.capabilities.quantization.contains(format)
        case .backend(let kind): return entry.backend?.kind == kind
        }
    }

    /// The capability as written: `vision`, `multi-vector`, `language:de`.
    public var description: String {
        switch self {
        case .modality(let modality): return modality
        case .multiVector: return "multi-vector"
        case .matryoshka: return "matryoshka"
        case .language(let language): return "language:\(language)"
        case .quantization(let format): return "quantization:\(format)"
        case .backend(let kind): return "backend:\(kind)"
        }
    }
}
