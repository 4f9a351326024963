import Foundation
import JSONSchema
import YAML

/// What a local Hugging Face-style snapshot says about its model: `config.json`, the sentence-transformers
/// files, and the YAML front matter of the `README.md` model card.
public struct ModelSnapshot: Sendable {
    public var directory: String
    /// `config.json`, when present.
    public var config: JSONValue?
    /// The model card's front matter (`---` … `---` at the top of README.md), when present and readable.
    public var cardMetadata: JSONValue?
    /// The first paragraph of the model card's text, for the description.
    public var cardSummary: String?
    /// `max_seq_length` from `sentence_bert_config.json`.
    public var maxSequenceLength: Int?
    /// The output size of a sentence-transformers `Dense` layer, when the model has one.
    public var denseOutputDimension: Int?
    /// True for a sentence-transformers model (`modules.json` present).
    public var isSentenceTransformer: Bool

    /// Reads the snapshot at `directory`; fails when it is not a folder or `config.json` is not JSON.
    public static func read(_ directory: String) throws(ToolError) -> ModelSnapshot {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ToolError("\(directory) is not a folder")
        }
        let config = try json(directory + "/config.json")
        let modules = try json(directory + "/modules.json")
        var snapshot = ModelSnapshot(
            directory: directory, config: config, cardMetadata: nil, cardSummary: nil,
            maxSequenceLength: try json(directory + "/sentence_bert_config.json")?.member("max_seq_length")?.asInt,
            denseOutputDimension: nil, isSentenceTransformer: modules != nil)
        for module in modules?.asArray ?? [] where module.member("type")?.asString?.hasSuffix("models.Dense") == true {
            if let path = module.member("path")?.asString {
                snapshot.denseOutputDimension = try json(directory + "/" + path + "/config.json")?.member("out_features")?.asInt
            }
        }
        if let card = FileManager.default.contents(atPath: directory + "/README.md") {
            let (metadata, body) = ModelCard.split(String(decoding: card, as: UTF8.self), path: directory + "/README.md")
            snapshot.cardMetadata = metadata
            snapshot.cardSummary = ModelCard.summary(of: body)
        }
        return snapshot
    }

    static func json(_ path: String) throws(ToolError) -> JSONValue? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        do {
            return try JSONParser.parse(Array(data))
        } catch {
            throw ToolError("\(path):\(error.line):\(error.column): error: \(error.message)")
        }
    }

    /// The card's license, lowercased (`apache-2.0`).
    public var license: String? { cardMetadata?.member("license")?.asString?.lowercased() }

    /// The card's languages: `language: en` or a list.
    public var languages: [String] {
        guard let value = cardMetadata?.member("language") else { return [] }
        if let single = value.asString { return [single.lowercased()] }
        return (value.asArray ?? []).compactMap { $0.asString?.lowercased() }
    }

    /// The card's `base_model` (a Hugging Face id), the first one when it lists several.
    public var baseModel: String? {
        guard let value = cardMetadata?.member("base_model") else { return nil }
        return value.asString ?? value.asArray?.first?.asString
    }
}

/// The two parts of a model card: YAML front matter and Markdown text.
enum ModelCard {
    static func split(_ text: String, path: String) -> (metadata: JSONValue?, body: String) {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        guard normalized.hasPrefix("---\n") else { return (nil, normalized) }
        let rest = normalized.dropFirst(4)
        guard let end = rest.range(of: "\n---\n") ?? rest.range(of: "\n---", options: .anchored) else { return (nil, normalized) }
        let front = String(rest[..<end.lowerBound])
        let body = String(rest[end.upperBound...])
        // Cards are written by anyone: read them with the same limits as model files, and simply do without
        // the metadata when it does not parse.
        guard let outline = try? YAMLReader.outline(Array(front.utf8), path: path) else { return (nil, body) }
        return (outline.value(as: JSONValue.self), body)
    }

    /// The first paragraph of prose: headings, HTML, images, tables and code are skipped.
    static func summary(of body: String) -> String? {
        var inCode = false
        var paragraph: [Substring] = []
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            let text = line.trimmingWhitespace
            if text.hasPrefix("```") {
                inCode.toggle()
                if !paragraph.isEmpty { break }
                continue
            }
            if inCode { continue }
            let isProse = !text.isEmpty && !text.hasPrefix("#") && !text.hasPrefix("<") && !text.hasPrefix("![")
                && !text.hasPrefix("|") && !text.hasPrefix("---") && !text.hasPrefix("[![")
            if isProse {
                paragraph.append(Substring(text))
            } else if !paragraph.isEmpty {
                break
            }
        }
        guard !paragraph.isEmpty else { return nil }
        let line = paragraph.joined(separator: " ")
        return line.count > 400 ? String(line.prefix(399)) + "…" : line
    }
}
