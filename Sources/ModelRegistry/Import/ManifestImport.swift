import Foundation
import JSONSchema

/// One model in a downloader's manifest.
public struct ManifestItem: Sendable, Hashable {
    public var huggingfaceID: String
    public var format: String
    public var path: String
    public var sizeBytes: Int?
    public var fileCount: Int
}

/// What importing a manifest does to one entry.
public enum ManifestAction: Sendable {
    case create(id: String, path: String, text: String)
    case update(id: String, path: String, bytes: [UInt8], fields: [String])
    case unchanged(id: String)
}

/// Creates or enriches entries from a downloader's JSON manifest: a list of
/// `{huggingface_id, format, path, size_bytes, files: [{path, size}]}`. Importing the same manifest twice changes
/// nothing the second time.
public enum ManifestImport {
    public static func parse(_ bytes: [UInt8], path: String) throws(ToolError) -> [ManifestItem] {
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes)
        } catch {
            throw ToolError("\(path):\(error.line):\(error.column): error: \(error.message)")
        }
        guard let list = json.asArray ?? json.member("models")?.asArray else {
            throw ToolError("\(path): error: expected a list of models (or {\"models\": [...]})")
        }
        var items: [ManifestItem] = []
        for (index, item) in list.enumerated() {
            guard let hub = item.member("huggingface_id")?.asString, hub.contains("/") else {
                throw ToolError("\(path): error: item \(index) has no `huggingface_id` of the form org/name")
            }
            guard let location = item.member("path")?.asString, !location.isEmpty else {
                throw ToolError("\(path): error: item \(index) (\(hub)) has no `path`")
            }
            items.append(
                ManifestItem(
                    huggingfaceID: hub, format: item.member("format")?.asString ?? "other", path: location,
                    sizeBytes: item.member("size_bytes")?.asInt, fileCount: item.member("files")?.asArray?.count ?? 0))
        }
        return items
    }

    /// The actions for each item, against the registry's entries and their current bytes (by repository path).
    public static func plan(
        _ items: [ManifestItem], registry: RegistryIndex, registryPath: String, bytes: (String) -> [UInt8]?
    ) throws(ToolError) -> [ManifestAction] {
        var actions: [ManifestAction] = []
        var taken = Set(registry.documents.compactMap(\.id))
        for item in items {
            let enrichment: [(path: [String], value: EditValue)] = [
                (["backend", "model_path"], .string(item.path)),
                (["metadata", "download"], .mapping(download(item))),
            ]
            if let existing = registry.documents.first(where: {
                $0.value.member("huggingface_id")?.asString?.lowercased() == item.huggingfaceID.lowercased()
            }), let id = existing.id, let old = bytes(existing.path) {
                do {
                    var editor = try YAMLEditor(bytes: old, path: existing.path)
                    if existing.value.member("backend") == nil {
                        try editor.set(["backend"], to: .mapping([("kind", .string(backendKind(item.format)))]))
                    }
                    var fields: [String] = []
                    for (path, value) in enrichment where editor.value(at: path) != value {
                        try editor.set(path, to: value)
                        fields.append(path.joined(separator: "."))
                    }
                    actions.append(fields.isEmpty ? .unchanged(id: id) : .update(id: id, path: existing.path, bytes: editor.bytes, fields: fields))
                } catch {
                    throw ToolError("cannot update \(existing.path): \(error)")
                }
                continue
            }
            let name = item.huggingfaceID.split(separator: "/").last.map(String.init) ?? item.huggingfaceID
            var id = sanitizedID(name)
            if taken.contains(id) {
                var version = 2
                while taken.contains("\(id)-v\(version)") { version += 1 }
                id = "\(id)-v\(version)"
            }
            taken.insert(id)
            let fields: [(String, EditValue)] = [
                ("schema_version", .integer(1)), ("id", .string(id)), ("name", .string(name)), ("type", .string("other")),
                ("license", .string("other")),
                ("description", .string("Downloaded from \(item.huggingfaceID) (\(item.format)); describe it, set its type and license.")),
                ("huggingface_id", .string(item.huggingfaceID)),
                ("backend", .mapping([("kind", .string(backendKind(item.format))), ("model_path", .string(item.path))])),
                ("metadata", .mapping([("download", .mapping(download(item)))])),
            ]
            do {
                var editor = try YAMLEditor(text: "# Created by `modelreg import --manifest`.\n")
                for (key, value) in fields { try editor.set([key], to: value) }
                actions.append(.create(id: id, path: registryPath.isEmpty ? "\(id).yaml" : "\(registryPath)/\(id).yaml", text: editor.text))
            } catch {
                throw ToolError("cannot write the entry for \(item.huggingfaceID): \(error)")
            }
        }
        return actions
    }

    static func download(_ item: ManifestItem) -> [(String, EditValue)] {
        var fields: [(String, EditValue)] = [("format", .string(item.format))]
        if let size = item.sizeBytes { fields.append(("size_bytes", .integer(size))) }
        fields.append(("files", .integer(item.fileCount)))
        return fields
    }

    static func backendKind(_ format: String) -> String {
        switch format.lowercased() {
        case "gguf": return "gguf"
        case "onnx": return "onnx"
        case "safetensors", "pytorch", "transformers", "bin": return "transformers"
        default: return "other"
        }
    }

    /// A registry id from a hub name: lowercase, runs of other characters as one `-`, at most 64 characters.
    static func sanitizedID(_ name: String) -> String {
        var result = ""
        for character in name.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                result.append(character)
            } else if character == "." || character == "-" {
                if let last = result.last, last != "-" && last != "." { result.append(character) }
            } else if let last = result.last, last != "-" && last != "." {
                result.append("-")
            }
        }
        while let last = result.last, last == "-" || last == "." { result.removeLast() }
        return result.isEmpty ? "model" : String(result.prefix(64))
    }
}
