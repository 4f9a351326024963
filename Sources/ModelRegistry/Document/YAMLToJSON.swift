import JSONSchema
import YAML

/// Turns a YAML document's outline into the JSON value that the schema and the rules see: one pass over its rows.
enum YAMLToJSON {
    static func convert(_ outline: YAMLOutline) -> JSONValue {
        var row = YAMLOutline.root
        return value(in: outline, at: &row)
    }

    /// The value of the node at `row`; moves `row` past the node and everything inside it.
    private static func value(in outline: YAMLOutline, at row: inout Int) -> JSONValue {
        let node = outline.nodes[row]
        let start = row
        row += 1
        switch node.kind {
        case .scalar:
            switch outline.resolved(at: start) {
            case .null?, nil: return .null
            case .bool(let value)?: return .bool(value)
            case .int(let value)?: return .integer(value)
            case .float(let value)?: return .number(value)
            case .string(let text)?: return .string(text)
            }
        case .sequence:
            var items: [JSONValue] = []
            items.reserveCapacity(Int(node.childCount))
            for _ in 0..<node.childCount { items.append(value(in: outline, at: &row)) }
            return .array(items)
        case .mapping:
            // The reader refuses duplicate keys (comparing them as written), so the keys are distinct: no lookup per key.
            let pairs = Int(node.childCount) / 2
            var keys: [String] = []
            var values: [JSONValue] = []
            keys.reserveCapacity(pairs)
            values.reserveCapacity(pairs)
            for _ in 0..<pairs {
                keys.append(outline.text(at: row) ?? "")
                row += 1  // a key is a scalar: one row
                values.append(value(in: outline, at: &row))
            }
            return .object(JSONObject(distinctKeys: keys, values: values))
        }
    }
}
