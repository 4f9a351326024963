import JSONSchema
import YAML

/// How a YAML document's outline becomes the JSON value that the schema and the rules see
/// (`outline.value(as: JSONValue.self)`: one pass over its rows, specialized for `JSONValue`).
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
