import JSONSchema
import YAML

/// Turns a YAML tree into the JSON value that the schema and the rules see.
enum YAMLToJSON {
    static func convert(_ node: YAMLNode) -> JSONValue {
        switch node.content {
        case .scalar(let scalar):
            switch scalar.resolved {
            case .null: return .null
            case .bool(let value): return .bool(value)
            case .int(let value): return .integer(value)
            case .float(let value): return .number(value)
            case .string(let text): return .string(text)
            }
        case .sequence(let items):
            return .array(items.map(convert))
        case .mapping(let pairs):
            // The reader refuses duplicate keys (comparing them as written), so the keys are distinct: no lookup per key.
            var keys: [String] = []
            var values: [JSONValue] = []
            keys.reserveCapacity(pairs.count)
            values.reserveCapacity(pairs.count)
            for pair in pairs {
                keys.append(pair.key.scalarText ?? "")
                values.append(convert(pair.value))
            }
            return .object(JSONObject(distinctKeys: keys, values: values))
        }
    }
}
