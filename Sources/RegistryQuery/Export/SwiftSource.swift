/// `modelreg export --format swift`: Swift source that a consuming package compiles in, so it reads
/// no YAML at run time.
///
/// The file declares a model type (`RegistryModel`), and a namespace (`RegistryModels`) with one
/// constant per model (`RegistryModels.colbertV2`), `all`, `model(id:)` and `model(named:)` (id or
/// alias, case-insensitively). It depends on nothing but the standard library.
public enum SwiftSource {
    /// Names and access level of the generated declarations.
    public struct Options: Sendable, Hashable {
        /// The model struct's name.
        public var typeName: String
        /// The enum holding the constants and lookups.
        public var namespace: String
        /// `public` or `internal`.
        public var access: String

        /// Options; the defaults generate `public struct RegistryModel` and `public enum RegistryModels`.
        public init(typeName: String = "RegistryModel", namespace: String = "RegistryModels", access: String = "public") {
            self.typeName = typeName
            self.namespace = namespace
            self.access = access
        }
    }

    /// The Swift source, ending with a newline.
    public static func render(_ registry: Registry, options: Options = Options()) -> String {
        let entries = registry.entries
        let names = constantNames(for: entries.map(\.id))
        let access = options.access == "internal" ? "" : options.access + " "
        let type = options.typeName
        var out = ""
        func line(_ text: String = "") { out += text + "\n" }

        line("// Generated from the registry's YAML files by `modelreg export --format swift`; do not edit by hand.")
        line()
        line("/// One model of the registry.")
        line("\(access)struct \(type): Sendable, Hashable, Identifiable {")
        line("    /// Why and since when a model is deprecated, and what replaces it.")
        line("    \(access)struct Deprecation: Sendable, Hashable {")
        for (name, type, doc) in [
            ("since", "String?", "When it was deprecated (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`)."),
            ("reason", "String?", "Why."),
            ("replacedBy", "String?", "The id of the replacement."),
        ] {
            line("        /// \(doc)")
            line("        \(access)let \(name): \(type)")
        }
        line("    }")
        line()
        for field in fields {
            line("    /// \(field.doc)")
            line("    \(access)let \(field.name): \(field.type)")
        }
        line("}")
        line()
        line("/// Every model of the registry, with lookups by id and alias.")
        line("\(access)enum \(options.namespace) {")
        for (entry, name) in zip(entries, names) {
            line("    /// \(oneLine(entry.name.isEmpty ? entry.id : entry.name)) (`\(entry.id)`)\(entry.isDeprecated ? ", deprecated" : "").")
            line("    \(access)static let \(name) = \(type)(")
            let values = fieldValues(entry, typeName: type)
            for (index, field) in fields.enumerated() {
                line("        \(field.name): \(values[index])" + (index == fields.count - 1 ? "" : ","))
            }
            line("    )")
            line()
        }
        line("    /// Every model, sorted by id.")
        line("    \(access)static let all: [\(type)] = [" + (names.isEmpty ? "]" : ""))
        if !names.isEmpty {
            for name in names { line("        \(name),") }
            line("    ]")
        }
        line()
        line("    /// The model with exactly this id.")
        line("    \(access)static func model(id: String) -> \(type)? {")
        line("        byID[id]")
        line("    }")
        line()
        line("    /// The model with this id or alias, compared case-insensitively; an id wins over an alias.")
        line("    \(access)static func model(named name: String) -> \(type)? {")
        line("        byName[name.lowercased()]")
        line("    }")
        line()
        line("    private static let byID: [String: \(type)] = [" + (names.isEmpty ? ":]" : ""))
        if !names.isEmpty {
            for (entry, name) in zip(entries, names) { line("        \(literal(entry.id)): \(name),") }
            line("    ]")
        }
        line()
        var byName: [(String, String)] = []
        var taken = Set<String>()
        for (entry, name) in zip(entries, names) where taken.insert(entry.id.lowercased()).inserted {
            byName.append((entry.id.lowercased(), name))
        }
        for (entry, name) in zip(entries, names) {
            for alias in entry.aliases where taken.insert(alias.lowercased()).inserted {
                byName.append((alias.lowercased(), name))
            }
        }
        line("    private static let byName: [String: \(type)] = [" + (byName.isEmpty ? ":]" : ""))
        if !byName.isEmpty {
            for (key, name) in byName { line("        \(literal(key)): \(name),") }
            line("    ]")
        }
        line("}")
        return out
    }

    private struct Field {
        var name: String
        var type: String
        var doc: String
    }

    private static let fields: [Field] = [
        Field(name: "id", type: "String", doc: "The registry id."),
        Field(name: "name", type: "String", doc: "The display name."),
        Field(name: "type", type: "String", doc: "The model family (`colbert`, `dense`, `causal-lm`, …)."),
        Field(name: "license", type: "String", doc: "The SPDX-like license id."),
        Field(name: "description", type: "String", doc: "What the model is for."),
        Field(name: "huggingfaceID", type: "String?", doc: "The Hugging Face hub repository, `org/name`."),
        Field(name: "revision", type: "String?", doc: "The pinned hub commit."),
        Field(name: "organization", type: "String?", doc: "Who publishes the model."),
        Field(name: "releaseDate", type: "String?", doc: "`YYYY`, `YYYY-MM` or `YYYY-MM-DD`."),
        Field(name: "architectureType", type: "String?", doc: "The backbone family (`bert`, `qwen2`)."),
        Field(name: "parameters", type: "String?", doc: "The parameter count as written (`110M`)."),
        Field(name: "embeddingDim", type: "Int?", doc: "The size of the output vector."),
        Field(name: "hiddenDim", type: "Int?", doc: "The transformer's hidden size."),
        Field(name: "contextLength", type: "Int?", doc: "The number of input tokens the model is meant for."),
        Field(name: "languages", type: "[String]", doc: "Language codes, or `multilingual`."),
        Field(name: "modalities", type: "[String]", doc: "Input modalities."),
        Field(name: "multiVector", type: "Bool", doc: "Whether the model produces several vectors per input."),
        Field(name: "matryoshka", type: "Bool", doc: "Whether embeddings may be truncated to `matryoshkaDims`."),
        Field(name: "matryoshkaDims", type: "[Int]", doc: "The Matryoshka truncation sizes."),
        Field(name: "quantization", type: "[String]", doc: "Available precisions and quantized formats."),
        Field(name: "roles", type: "[String]", doc: "What the model is used for."),
        Field(name: "aliases", type: "[String]", doc: "Other names that find the model."),
        Field(name: "backendKind", type: "String?", doc: "The serving engine (`vllm`, `ollama`, …)."),
        Field(name: "servedModelID", type: "String?", doc: "The model name clients send to the server."),
        Field(name: "port", type: "Int?", doc: "The TCP port the server listens on."),
        Field(name: "fineTunedFrom", type: "String?", doc: "The id of the model this one was fine-tuned from."),
        Field(name: "deprecation", type: "Deprecation?", doc: "Set when the model is deprecated."),
        Field(name: "locked", type: "Bool", doc: "Whether the model is pinned to its recorded artifacts."),
        Field(name: "priority", type: "Int?", doc: "Role resolution order: lower first, nil after every number."),
    ]

    /// Swift expressions for `fields`, in the same order.
    private static func fieldValues(_ entry: ModelEntry, typeName: String) -> [String] {
        let deprecation = entry.deprecation.map { deprecation in
            "\(typeName).Deprecation(since: \(optional(deprecation.since)), reason: \(optional(deprecation.reason)), replacedBy: \(optional(deprecation.replacedBy)))"
        } ?? "nil"
        return [
            literal(entry.id), literal(entry.name), literal(entry.type), literal(entry.license), literal(entry.description),
            optional(entry.huggingfaceID), optional(entry.revision), optional(entry.organization),
            optional(entry.releaseDate), optional(entry.architecture.type), optional(entry.specs.parameters),
            optional(entry.specs.embeddingDim), optional(entry.specs.hiddenDim), optional(entry.specs.contextLength),
            list(entry.capabilities.languages), list(entry.capabilities.modalities),
            String(entry.capabilities.multiVector), String(entry.capabilities.matryoshka),
            "[" + entry.architecture.matryoshkaDims.map(String.init).joined(separator: ", ") + "]",
            list(entry.capabilities.quantization), list(entry.roles), list(entry.aliases), optional(entry.backend?.kind),
            optional(entry.backend?.servedModelID), optional(entry.backend?.port), optional(entry.fineTunedFrom),
            deprecation, String(entry.locked), optional(entry.priority),
        ]
    }

    private static func optional(_ text: String?) -> String { text.map(literal) ?? "nil" }
    private static func optional(_ number: Int?) -> String { number.map(String.init) ?? "nil" }
    private static func list(_ items: [String]) -> String { "[" + items.map(literal).joined(separator: ", ") + "]" }

    /// A Swift string literal: `"`, `\` and control characters escaped.
    static func literal(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += "\\u{" + String(scalar.value, radix: 16) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// Names the namespace already uses.
    static let reservedNames: Set<String> = ["all", "model", "byID", "byName"]

    /// A distinct Swift identifier per id: `colbert-v2` → `colbertV2`, `qwen2.5-0.5b-instruct` →
    /// `qwen2_5_0_5bInstruct`; keywords in backticks; clashes get `_2`, `_3`, ….
    static func constantNames(for ids: [String]) -> [String] {
        var used = reservedNames
        return ids.map { id in
            let base = identifier(for: id)
            var name = base
            var counter = 2
            while used.contains(name) || reservedNames.contains(name) {
                name = base + "_\(counter)"
                counter += 1
            }
            used.insert(name)
            return keywords.contains(name) ? "`\(name)`" : name
        }
    }

    static func identifier(for id: String) -> String {
        var name = ""
        var capitalizeNext = false
        for character in id {
            if character == "-" {
                capitalizeNext = true
                continue
            }
            if character == "." || !(character.isLetter || character.isNumber || character == "_") || !character.isASCII {
                name.append("_")
                capitalizeNext = false
                continue
            }
            if capitalizeNext {
                if character.isNumber { name.append("_") }
                name += character.uppercased()
                capitalizeNext = false
            } else {
                name.append(character)
            }
        }
        if name.isEmpty || name.first!.isNumber { name = "_" + name }
        return name
    }

    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows",
        "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default",
        "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch",
        "where", "while", "as", "false", "is", "nil", "self", "super", "throws", "true", "try", "await", "async",
        "consume", "copy", "discard", "each", "some", "any", "Self", "Type", "Protocol",
    ]
}
