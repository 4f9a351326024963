/// YAML 1.2 core-schema resolution.
///
/// - Quoted and block scalars are strings, unless tagged.
/// - A tag decides the type: `!!str` a string; `!!int`, `!!float`, `!!bool`, `!!null` that type
///   (the reader rejects a tagged value that does not parse; built by hand, it falls back to a string).
///   `!!float` also takes the integer forms (`!!float 1` is 1.0).
/// - Plain scalars:
///   - `null`, `Null`, `NULL`, `~` and the empty scalar are null;
///   - `true`, `True`, `TRUE`, `false`, `False`, `FALSE` are booleans;
///   - `[-+]?[0-9]+` is a decimal int, `0o[0-7]+` octal, `0x[0-9a-fA-F]+` hexadecimal;
///     a decimal int too large for `Int` becomes a float, a too-large octal or hex stays a string;
///   - `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?` is a float, as are
///     `[-+]?(\.inf|\.Inf|\.INF)` and `\.nan|\.NaN|\.NAN`;
///   - everything else is a string: `yes`, `no`, `on`, `off`, `1.10.2`, `2024-01-01`, `1_000`.
extension YAMLScalar {
    public var resolved: ResolvedScalar {
        guard let tag else { return ScalarResolver.resolve(text, style: style, tag: nil) }
        guard let core = CoreTag(tag) else { return .string(text) }
        return ScalarResolver.resolve(text, style: style, tag: core)
    }
}

@usableFromInline
enum ScalarResolver {
    /// A scalar written in `style`, with an explicit core tag or none (the rules above): for `YAMLScalar.resolved`
    /// and the outline's rows alike.
    @usableFromInline
    static func resolve(_ text: String, style: ScalarStyle, tag: CoreTag?) -> ResolvedScalar {
        if let tag { return resolve(text, as: tag) ?? .string(text) }
        guard style == .plain else { return .string(text) }
        return resolvePlain(text)
    }

    /// Resolves a plain, untagged scalar.
    @usableFromInline
    static func resolvePlain(_ text: String) -> ResolvedScalar {
        // A native string's bytes are read in place; only a bridged one is copied.
        let result =
            text.utf8.withContiguousStorageIfAvailable(resolvePlain(bytes:))
            ?? {
                var copy = text
                return copy.withUTF8(resolvePlain(bytes:))
            }()
        return result ?? .string(text)
    }

    /// The value of a plain scalar's bytes, or nil when it is a string.
    private static func resolvePlain(bytes: UnsafeBufferPointer<UInt8>) -> ResolvedScalar? {
        guard let first = bytes.first else { return .null }
        switch first {
        case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "~"):
            return isNull(bytes) ? .null : nil
        case UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"):
            return bool(bytes).map(ResolvedScalar.bool)
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            return number(bytes)
        default:
            return nil
        }
    }

    /// Resolves a scalar under an explicit core tag; nil when the text does not fit the tag.
    @usableFromInline
    static func resolve(_ text: String, as tag: CoreTag) -> ResolvedScalar? {
        var text = text
        switch tag {
        case .str, .map, .seq:
            return .string(text)
        case .null:
            return text.withUTF8 { $0.isEmpty || isNull($0) } ? .null : nil
        case .bool:
            return text.withUTF8 { bool($0) }.map(ResolvedScalar.bool)
        case .int:
            return text.withUTF8 { bytes -> ResolvedScalar? in
                guard case .int(let value)? = number(bytes) else { return nil }
                return .int(value)
            }
        case .float:
            return text.withUTF8 { bytes -> ResolvedScalar? in
                switch number(bytes) {
                case .int(let value)?: .float(Double(value))
                case .float(let value)?: .float(value)
                default: nil
                }
            }
        }
    }

    private static func isNull(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        matches(bytes, "null", "Null", "NULL") || (bytes.count == 1 && bytes[0] == UInt8(ascii: "~"))
    }

    private static func bool(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        if matches(bytes, "true", "True", "TRUE") { return true }
        if matches(bytes, "false", "False", "FALSE") { return false }
        return nil
    }

    /// True when `bytes` equals one of the three spellings.
    private static func matches(
        _ bytes: UnsafeBufferPointer<UInt8>, _ a: StaticString, _ b: StaticString, _ c: StaticString
    ) -> Bool {
        guard bytes.count == a.utf8CodeUnitCount else { return false }
        return equal(bytes, a) || equal(bytes, b) || equal(bytes, c)
    }

    @inline(__always)
    private static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        let start = word.utf8Start
        for index in 0..<bytes.count where bytes[index] != start[index] { return false }
        return true
    }

    /// An int or a float in one of the core schema's spellings, or nil.
    static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> ResolvedScalar? {
        let count = bytes.count
        guard count > 0 else { return nil }
        // 0o… and 0x…: unsigned.
        if count > 2 && bytes[0] == UInt8(ascii: "0") {
            if bytes[1] == UInt8(ascii: "o") {
                return radixInt(bytes, radix: 8).map(ResolvedScalar.int)
            }
            if bytes[1] == UInt8(ascii: "x") {
                return radixInt(bytes, radix: 16).map(ResolvedScalar.int)
            }
        }
        var index = 0
        let negative = bytes[0] == UInt8(ascii: "-")
        if negative || bytes[0] == UInt8(ascii: "+") { index = 1 }
        guard index < count else { return nil }
        // Special floats.
        if bytes[index] == UInt8(ascii: ".") && count - index == 4 {
            let word = UnsafeBufferPointer(rebasing: bytes[index...])
            if matches(word, ".inf", ".Inf", ".INF") { return .float(negative ? -.infinity : .infinity) }
            if index == 0 && matches(word, ".nan", ".NaN", ".NAN") { return .float(.nan) }
        }
        // Digits, optional fraction, optional exponent.
        let integerStart = index
        while index < count && isDigit(bytes[index]) { index += 1 }
        let integerDigits = index - integerStart
        var isFloat = false
        if index < count && bytes[index] == UInt8(ascii: ".") {
            isFloat = true
            index += 1
            let fractionStart = index
            while index < count && isDigit(bytes[index]) { index += 1 }
            // `.` alone or `-.` is not a number; `1.` is.
            if integerDigits == 0 && index == fractionStart { return nil }
        } else if integerDigits == 0 {
            return nil
        }
        if index < count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
            isFloat = true
            index += 1
            if index < count && (bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+")) {
                index += 1
            }
            let exponentStart = index
            while index < count && isDigit(bytes[index]) { index += 1 }
            if index == exponentStart { return nil }
        }
        guard index == count else { return nil }
        if !isFloat, let value = decimalInt(bytes, from: integerStart, negative: negative) {
            return .int(value)
        }
        return parseDouble(bytes).map(ResolvedScalar.float)
    }

    @inline(__always)
    private static func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    /// The value of decimal digits from `start` to the end, or nil on overflow.
    private static func decimalInt(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, negative: Bool)
        -> Int?
    {
        var value = 0
        for index in start..<bytes.count {
            let digit = Int(bytes[index] &- UInt8(ascii: "0"))
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            // Accumulate negatively so that Int.min is reachable.
            let (next, overflow2) =
                negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            if overflow1 || overflow2 { return nil }
            value = next
        }
        return value
    }

    /// The value after a `0o` or `0x` prefix (at least one digit follows it), or nil when a byte
    /// is not a digit of the radix or the value overflows `Int` (the scalar then stays a string).
    private static func radixInt(_ bytes: UnsafeBufferPointer<UInt8>, radix: Int) -> Int? {
        var value = 0
        for index in 2..<bytes.count {
            let byte = bytes[index]
            let digit: Int
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = Int(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = Int(byte - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = Int(byte - UInt8(ascii: "A")) + 10
            default: return nil
            }
            guard digit < radix else { return nil }
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: radix)
            let (next, overflow2) = shifted.addingReportingOverflow(digit)
            if overflow1 || overflow2 { return nil }
            value = next
        }
        return value
    }

    /// Parses a float already checked against the core schema's pattern.
    private static func parseDouble(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        // Swift's parser wants at least one digit before an exponent and accepts `1.` and `.5`.
        Double(Substring(decoding: bytes, as: UTF8.self))
    }
}
