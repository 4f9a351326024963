#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A JSON value. Integers and floating-point numbers are kept apart so that `1` and `1.5` print as
/// written, but compare equal by mathematical value (`1 == 1.0`), as JSON Schema requires.
public enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
}

/// A JSON object that remembers the order its keys were written in.
///
/// Keys and values live in two parallel arrays, so walking the pairs in order costs no lookups.
/// Small objects are searched linearly; from `indexThreshold` keys on, a `KeyIndex` maps each
/// key to its position. Keys compare by code points (not by Swift's canonical equivalence).
public struct JSONObject: Sendable {
    public private(set) var keys: [String]
    /// Values in the order of `keys`.
    public private(set) var values: [JSONValue]
    private var index: KeyIndex

    private static let indexThreshold = 9

    public init() {
        keys = []
        values = []
        index = KeyIndex()
    }

    public init(_ pairs: [(String, JSONValue)]) {
        self.init()
        keys.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        for (key, value) in pairs { self[key] = value }
    }

    /// An object from keys already known to be distinct and their values, in order: no duplicate
    /// checks, one index build. For readers of data that was an object before (a cache); `keys` and
    /// `values` must have the same count.
    public init(distinctKeys keys: [String], values: [JSONValue]) {
        precondition(keys.count == values.count, "every key needs a value")
        self.keys = keys
        self.values = values
        index = keys.count >= Self.indexThreshold ? KeyIndex(keys) : KeyIndex()
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    /// The position of `key` in `keys`, if present.
    public func position(of key: String) -> Int? {
        if keys.count < Self.indexThreshold {
            let length = key.utf8.count
            for position in keys.indices where keys[position].utf8.count == length {
                if JSONValue.sameCodePoints(keys[position], key) { return position }
            }
            return nil
        }
        let keys = keys
        return index.position(of: StringProbe(key)) { JSONValue.sameCodePoints(keys[$0], key) }
    }

    /// The position of the key whose UTF-8 is `key`, if present: for callers that hold bytes (a dotted path's
    /// component), so that no string is made to look a key up.
    public func position(ofUTF8 key: UnsafeBufferPointer<UInt8>) -> Int? {
        let keys = keys
        func matches(_ position: Int) -> Bool {
            let candidate = keys[position].utf8
            guard candidate.count == key.count else { return false }
            // In place (a short key's bytes are spilled to the stack), without a copy of the string.
            return candidate.withContiguousStorageIfAvailable { bytes in
                key.isEmpty || memcmp(bytes.baseAddress!, key.baseAddress!, key.count) == 0
            } ?? candidate.elementsEqual(key)
        }
        if keys.count < Self.indexThreshold {
            for position in keys.indices where matches(position) { return position }
            return nil
        }
        return index.position(of: StringProbe(utf8: key), where: matches)
    }

    public subscript(key: String) -> JSONValue? {
        get { position(of: key).map { values[$0] } }
        set {
            let existing = position(of: key)
            switch (existing, newValue) {
            case let (index?, value?):
                values[index] = value
            case let (nil, value?):
                appendNew(key, value)
            case let (index?, nil):
                keys.remove(at: index)
                values.remove(at: index)
                self.index = keys.count >= Self.indexThreshold ? KeyIndex(keys) : KeyIndex()
            case (nil, nil):
                break
            }
        }
    }

    /// Appends `key` with `value` unless the key is already present; returns whether it appended.
    /// One lookup instead of two, for parsers that reject duplicate keys.
    @discardableResult
    public mutating func appendIfAbsent(key: String, value: JSONValue) -> Bool {
        guard position(of: key) == nil else { return false }
        appendNew(key, value)
        return true
    }

    private mutating func appendNew(_ key: String, _ value: JSONValue) {
        keys.append(key)
        values.append(value)
        if keys.count >= Self.indexThreshold { index.appended(keys, probe: StringProbe(key)) }
    }

    /// Key/value pairs in insertion order.
    public var pairs: [(key: String, value: JSONValue)] {
        keys.indices.map { (keys[$0], values[$0]) }
    }
}
