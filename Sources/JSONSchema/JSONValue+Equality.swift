/// JSON Schema equality: numbers compare by mathematical value (`1 == 1.0`), strings by code
/// points (not by Swift's canonical equivalence: "é" precomposed differs from "e" + U+0301),
/// objects regardless of key order, arrays element by element. Hashing agrees with this
/// equality (code-point-equal strings are canonically equal, so hash alike).
extension JSONValue: Hashable {
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.integer(a), .integer(b)): return a == b
        case let (.number(a), .number(b)): return a == b
        case let (.integer(a), .number(b)), let (.number(b), .integer(a)):
            return SchemaNumber.compare(a, b) == 0
        case let (.string(a), .string(b)): return JSONValue.sameCodePoints(a, b)
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)): return a == b
        default: return false
        }
    }

    /// Code-point equality of two strings (byte equality of their UTF-8).
    static func sameCodePoints(_ a: String, _ b: String) -> Bool {
        let count = a.utf8.count
        // Code-point equality implies canonical equivalence, and Swift's `==` rejects most
        // unequal strings cheaply (a word compare for short ones, memcmp for ASCII).
        guard count == b.utf8.count, a == b else { return false }
        let fast = a.utf8.withContiguousStorageIfAvailable { left in
            b.utf8.withContiguousStorageIfAvailable { right in
                bytesEqual(UnsafeRawPointer(left.baseAddress), UnsafeRawPointer(right.baseAddress), count)
            }
        }
        if let fast, let result = fast { return result }
        return a.utf8.elementsEqual(b.utf8)
    }

    /// `memcmp(a, b, count) == 0`, eight bytes at a time.
    @inline(__always)
    private static func bytesEqual(_ a: UnsafeRawPointer?, _ b: UnsafeRawPointer?, _ count: Int) -> Bool {
        guard count > 0, let a, let b else { return true }
        if a == b { return true }
        var offset = 0
        while offset + 8 <= count {
            if a.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                != b.loadUnaligned(fromByteOffset: offset, as: UInt64.self) { return false }
            offset += 8
        }
        while offset < count {
            if a.load(fromByteOffset: offset, as: UInt8.self) != b.load(fromByteOffset: offset, as: UInt8.self) {
                return false
            }
            offset += 1
        }
        return true
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
