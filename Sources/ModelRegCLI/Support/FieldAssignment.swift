import JSONSchema
import ModelRegistry
import YAML

/// `FIELD=VALUE` from the command line: a dotted field path and a YAML value, coerced to the type the schema
/// expects (so `architecture.variant=1.10` stays the string "1.10").
struct FieldAssignment {
    var path: [String]
    var value: EditValue

    var dottedPath: String { path.joined(separator: ".") }

    static func parse(_ argument: String, schema: ModelSchema) throws(ToolError) -> FieldAssignment {
        guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
            throw ToolError("expected FIELD=VALUE, got `\(argument)`")
        }
        let path = argument[..<equals].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard path.allSatisfy({ !$0.isEmpty }) else { throw ToolError("`\(argument[..<equals])` is not a dotted field path") }
        let raw = String(argument[argument.index(after: equals)...])
        let expected = expectedTypes(at: path, in: schema.json)
        return FieldAssignment(path: path, value: try value(of: raw, expected: expected))
    }

    /// Reads the value the YAML way (`[a, b]` is a list, `true` a boolean, `1024` an integer).
    static func value(of raw: String, expected: Set<String>) throws(ToolError) -> EditValue {
        let node: YAMLNode?
        do {
            node = try YAMLReader.parse(Array(("value: " + raw).utf8), path: "<argument>")
        } catch {
            throw ToolError("cannot read `\(raw)` as a YAML value: \(error.message)")
        }
        guard let node, case .mapping(let pairs) = node.content, let value = pairs.first?.value else {
            return .string(raw)
        }
        return try convert(value, raw: raw, expected: expected)
    }

    static func convert(_ node: YAMLNode, raw: String, expected: Set<String>) throws(ToolError) -> EditValue {
        switch node.content {
        case .scalar(let scalar):
            let resolved: EditValue
            switch scalar.resolved {
            case .null: resolved = .null
            case .bool(let value): resolved = .bool(value)
            case .int(let value): resolved = .integer(value)
            case .float(let value): resolved = .number(value)
            case .string(let text): resolved = .string(text)
            }
            // The schema wants a string where YAML read a number or boolean: keep the text as written.
            if expected.contains("string"), !expected.contains("integer"), !expected.contains("number"),
                !expected.contains("boolean"), scalar.style == .plain
            {
                if case .string = resolved { return resolved }
                if case .null = resolved { return resolved }
                return .string(scalar.text)
            }
            return resolved
        case .sequence(let items):
            var values: [EditValue] = []
            for item in items { values.append(try convert(item, raw: raw, expected: [])) }
            return .list(values)
        case .mapping:
            throw ToolError("`\(raw)`: set one field at a time (FIELD.SUB=VALUE) instead of a mapping")
        }
    }

    /// The JSON types the schema allows at `path` (empty when unknown).
    static func expectedTypes(at path: [String], in schema: JSONValue) -> Set<String> {
        var node: JSONValue? = schema
        for key in path {
            node = resolve(node, root: schema)?.member("properties")?.member(key)
        }
        guard let node = resolve(node, root: schema) else { return [] }
        if let type = node.member("type")?.asString { return [type] }
        if let types = node.member("type")?.asArray { return Set(types.compactMap(\.asString)) }
        var union = Set<String>()
        for branch in (node.member("anyOf")?.asArray ?? []) + (node.member("oneOf")?.asArray ?? []) {
            if let type = resolve(branch, root: schema)?.member("type")?.asString { union.insert(type) }
        }
        return union
    }

    /// Follows a local `$ref` (`#/$defs/id`).
    static func resolve(_ node: JSONValue?, root: JSONValue) -> JSONValue? {
        guard let reference = node?.member("$ref")?.asString, reference.hasPrefix("#/") else { return node }
        var target: JSONValue? = root
        for part in reference.dropFirst(2).split(separator: "/") { target = target?.member(String(part)) }
        return target
    }
}
