import Foundation
import JSONSchema

/// A new, valid model file written from the schema: the required fields filled in, every optional field
/// present as a comment with the schema's description, so the file documents itself.
public enum ModelScaffold {
    /// The YAML text of a new entry. `schemaReference` is the relative path of the schema for editors, if any.
    public static func render(
        id: String, name: String?, type: String, schema: ModelSchema, schemaReference: String?
    ) -> String {
        var lines: [String] = []
        if let schemaReference { lines.append("# yaml-language-server: $schema=\(schemaReference)") }
        lines.append("# Created by `modelreg new`. Uncomment and fill in the fields that apply; `modelreg verify` checks them.")
        let properties = schema.json.member("properties")?.asObject ?? JSONObject()
        let required = Set(schema.json.member("required")?.asArray?.compactMap(\.asString) ?? [])
        let values: [String: String] = [
            "schema_version": "1",
            "id": id,
            "name": quoteIfNeeded(name ?? id),
            "type": type,
            "license": "other",
            "description": quoteIfNeeded("TODO: what \(name ?? id) is and what it is good for."),
        ]
        for (key, property) in properties.pairs {
            lines.append("")
            if let description = property.member("description")?.asString {
                lines.append(contentsOf: wrap(description, prefix: "# "))
            }
            if required.contains(key) {
                lines.append("\(key): \(values[key] ?? "TODO")")
                continue
            }
            lines.append("# \(key):" + placeholder(for: property))
            for (child, childProperty) in property.member("properties")?.asObject?.pairs ?? [] {
                let hint = childProperty.member("description")?.asString.map { "  # " + firstSentence($0) } ?? ""
                lines.append("#   \(child):" + placeholder(for: childProperty) + hint)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A short example value for an optional field, shown after its key.
    static func placeholder(for property: JSONValue) -> String {
        if property.member("properties") != nil { return "" }
        if let values = property.member("enum")?.asArray, let first = values.first {
            return " \(first.displayText)"
        }
        switch property.member("type")?.asString {
        case "array": return " []"
        case "boolean": return " false"
        case "integer": return " 0"
        case "object": return " {}"
        default: return ""
        }
    }

    static func quoteIfNeeded(_ text: String) -> String {
        let plainSafe = text.allSatisfy { $0.isLetter || $0.isNumber || " -_.()/".contains($0) }
            && !(text.first.map { "-? ".contains($0) } ?? true)
        return plainSafe ? text : "\"" + text.replacingAll("\\", "\\\\").replacingAll("\"", "\\\"") + "\""
    }

    static func firstSentence(_ text: String) -> String {
        if let end = text.range(of: ". ") { return String(text[..<end.lowerBound]) + "." }
        return text
    }

    static func wrap(_ text: String, prefix: String, width: Int = 100) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty && current.count + word.count + 1 > width - prefix.count {
                lines.append(prefix + current)
                current = ""
            }
            current += current.isEmpty ? String(word) : " " + word
        }
        if !current.isEmpty { lines.append(prefix + current) }
        return lines
    }
}
