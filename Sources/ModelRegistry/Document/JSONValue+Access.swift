import JSONSchema

/// Typed, forgiving accessors used by rules: each returns nil when the value has another type,
/// because the `schema` rule already reports type errors.
extension JSONValue {
    public func member(_ key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    /// Follows a dotted path such as `specs.embedding_dim` (empty components are skipped).
    public func member(path: String) -> JSONValue? {
        // Over the path's bytes (in place: the paths rules pass are literals), looking each component up by its
        // bytes: rules and queries call this per entry and field, and neither splitting the path nor making a string
        // per component is needed.
        if let found = path.utf8.withContiguousStorageIfAvailable({ member(pathBytes: $0) }) { return found }
        var path = path
        return path.withUTF8 { member(pathBytes: $0) }
    }

    private func member(pathBytes bytes: UnsafeBufferPointer<UInt8>) -> JSONValue? {
        var current = self
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: ".") { end += 1 }
            if end > start {
                guard case .object(let object) = current,
                    let position = object.position(ofUTF8: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                else { return nil }
                current = object.values[position]
            }
            start = end + 1
        }
        return current
    }

    public var asString: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    public var asInt: Int? {
        switch self {
        case .integer(let value): return value
        case .number(let value) where value.rounded() == value && abs(value) < 9e15: return Int(value)
        default: return nil
        }
    }

    public var asBool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    public var asArray: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    public var asObject: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    /// A short rendering for messages: strings as written, numbers without noise.
    public var displayText: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return String(value)
        case .integer(let value): return String(value)
        case .number(let value): return value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case .string(let text): return text
        case .array(let items): return "[" + items.map(\.displayText).joined(separator: ", ") + "]"
        case .object(let object): return "{" + object.keys.joined(separator: ", ") + "}"
        }
    }
}
