/// The seven JSON Schema instance types.
enum JSONType: String, Sendable, CaseIterable {
    case null, boolean, integer, number, string, array, object

    /// The type a value reports in messages: `.integer` values are "integer", doubles "number".
    init(of value: JSONValue) {
        switch value {
        case .null: self = .null
        case .bool: self = .boolean
        case .integer: self = .integer
        case .number: self = .number
        case .string: self = .string
        case .array: self = .array
        case .object: self = .object
        }
    }
}

/// A set of `JSONType`s, as the `type` keyword lists them.
struct JSONTypeSet: OptionSet, Sendable {
    let rawValue: UInt8

    init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    init(_ type: JSONType) {
        switch type {
        case .null: rawValue = 1 << 0
        case .boolean: rawValue = 1 << 1
        case .integer: rawValue = 1 << 2
        case .number: rawValue = 1 << 3
        case .string: rawValue = 1 << 4
        case .array: rawValue = 1 << 5
        case .object: rawValue = 1 << 6
        }
    }

    static let all = JSONTypeSet(rawValue: 0x7F)

    /// Whether `value` is of one of the types; `integer` admits integral doubles (`1.0`), and
    /// `number` admits integers.
    @inline(__always)
    func accepts(_ value: JSONValue) -> Bool {
        switch value {
        case .null: return contains(JSONTypeSet(.null))
        case .bool: return contains(JSONTypeSet(.boolean))
        case .integer: return !isDisjoint(with: [JSONTypeSet(.integer), JSONTypeSet(.number)])
        case .number(let double):
            if contains(JSONTypeSet(.number)) { return true }
            return contains(JSONTypeSet(.integer)) && double.isFinite && double.rounded(.towardZero) == double
        case .string: return contains(JSONTypeSet(.string))
        case .array: return contains(JSONTypeSet(.array))
        case .object: return contains(JSONTypeSet(.object))
        }
    }
}
