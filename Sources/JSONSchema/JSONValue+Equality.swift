/// JSON Schema equality: numbers compare by mathematical value (`1 == 1.0`), objects compare
/// regardless of key order, arrays element by element. Hashing agrees with this equality.
extension JSONValue: Hashable {
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.integer(a), .integer(b)): return a == b
        case let (.number(a), .number(b)): return a == b
        case let (.integer(a), .number(b)), let (.number(b), .integer(a)):
            return SchemaNumber.compare(a, b) == 0
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)): return a == b
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null:
            hasher.combine(0 as UInt8)
        case .bool(let value):
            hasher.combine(1 as UInt8)
            hasher.combine(value)
        case .integer(let value):
            hasher.combine(2 as UInt8)
            hasher.combine(value)
        case .number(let value):
            if let exact = SchemaNumber.exactInteger(value) {
                hasher.combine(2 as UInt8)
                hasher.combine(exact)
            } else {
                hasher.combine(3 as UInt8)
                hasher.combine(value)
            }
        case .string(let value):
            hasher.combine(4 as UInt8)
            hasher.combine(value)
        case .array(let value):
            hasher.combine(5 as UInt8)
            hasher.combine(value)
        case .object(let value):
            hasher.combine(6 as UInt8)
            hasher.combine(value)
        }
    }
}

extension JSONObject: Hashable {
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for index in lhs.keys.indices {
            guard let other = rhs[lhs.keys[index]], other == lhs.values[index] else { return false }
        }
        return true
    }

    /// Order-independent: the pair hashes are summed before being fed to `hasher`.
    public func hash(into hasher: inout Hasher) {
        var sum = 0
        for index in keys.indices {
            var pairHasher = Hasher()
            pairHasher.combine(keys[index])
            pairHasher.combine(values[index])
            sum = sum &+ pairHasher.finalize()
        }
        hasher.combine(count)
        hasher.combine(sum)
    }
}
