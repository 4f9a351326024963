import JSONSchema

/// How expressions and sorting read and compare an entry's fields.
enum FieldValue {
    /// The value at `field`; `specs.parameters` written as `110M` reads as the number 110000000.
    static func lookup(_ field: String, in raw: JSONValue) -> JSONValue? {
        normalized(field, raw.member(path: field))
    }

    /// The value found at `field`, read as `lookup` reads it.
    static func normalized(_ field: String, _ value: JSONValue?) -> JSONValue? {
        if field == "specs.parameters", case .string(let text)? = value, let count = ParameterCount.parse(text) {
            return .integer(count)
        }
        return value
    }

    /// How `value` compares with `literal`: negative, zero or positive; nil when they cannot be compared.
    ///
    /// Numbers compare as numbers (a literal like `1B` or `500K` counts as a number); text compares by
    /// code points, and a number literal compared with text uses the literal as written
    /// (`release_date >= 2024`); booleans compare with `true` and `false`.
    static func order(_ value: JSONValue, _ literal: QueryLiteral) -> Int? {
        switch (value, literal) {
        case (.integer, _), (.number, _):
            guard let number = numeric(value) else { return nil }
            switch literal {
            case .number(let other, _): return compare(number, other)
            case .string(let text): return ParameterCount.parse(text).map { compare(number, Double($0)) }
            case .bool: return nil
            }
        case (.string(let text), .string(let other)), (.string(let text), .number(_, let other)):
            return compare(text, other)
        case (.bool(let flag), .bool(let other)):
            return flag == other ? 0 : (flag ? 1 : -1)
        default:
            return nil
        }
    }

    /// How two field values compare for sorting: numbers, then text, then booleans; nil for anything else.
    static func order(_ a: JSONValue, _ b: JSONValue) -> Int {
        switch (a, b) {
        case (.string(let x), .string(let y)): return compare(x, y)
        case (.bool(let x), .bool(let y)): return x == y ? 0 : (x ? 1 : -1)
        default:
            if let x = numeric(a), let y = numeric(b) { return compare(x, y) }
            return compare(rank(a), rank(b))
        }
    }

    private static func rank(_ value: JSONValue) -> Int {
        switch value {
        case .integer, .number: return 0
        case .string: return 1
        case .bool: return 2
        case .array: return 3
        case .object: return 4
        case .null: return 5
        }
    }

    static func numeric(_ value: JSONValue) -> Double? {
        switch value {
        case .integer(let number): return Double(number)
        case .number(let number): return number
        default: return nil
        }
    }

    static func compare<T: Comparable>(_ a: T, _ b: T) -> Int {
        a < b ? -1 : (a == b ? 0 : 1)
    }

    /// Code-point order (not Swift's canonical-equivalence order), the same on every platform.
    static func compare(_ a: String, _ b: String) -> Int {
        if a.unicodeScalars.elementsEqual(b.unicodeScalars) { return 0 }
        return a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) ? -1 : 1
    }
}
