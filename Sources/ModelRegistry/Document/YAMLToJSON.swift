import JSONSchema
import YAML

/// Turns a YAML document's outline into the JSON value that the schema and the rules see: one pass over its rows
/// (`YAMLOutline.value(as:)`, specialized here for `JSONValue`).
enum YAMLToJSON {
    static func convert(_ outline: YAMLOutline) -> JSONValue {
        outline.value(as: JSONValue.self)
    }
}

extension JSONValue: OutlineValue {
    public init(resolving scalar: ResolvedScalar) {
        switch scalar {
        case .null: self = .null
        case .bool(let value): self = .bool(value)
        case .int(let value): self = .integer(value)
        case .float(let value): self = .number(value)
        case .string(let text): self = .string(text)
        }
    }

    public init(items: [JSONValue]) {
        self = .array(items)
    }

    /// The reader refuses duplicate keys (comparing them as written), so the keys are distinct: no lookup per key.
    public init(keys: [String], values: [JSONValue]) {
        self = .object(JSONObject(distinctKeys: keys, values: values))
    }
}
