/// The state of one `JSONParser.parse` call: a cursor over UTF-8 bytes.
struct JSONReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var depth = 0
    /// Reused for strings that contain escapes.
    private var scratch: [UInt8] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func readDocument() throws(JSONParseError) -> JSONValue {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        skipWhitespace()
        guard position < bytes.count else { throw failure("expected a JSON value, found end of input") }
        let value = try readValue()
        skipWhitespace()
        if position < bytes.count {
            throw failure("unexpected \(describeByte(at: position)) after the JSON value")
        }
        return value
    }

    // MARK: Values

    private mutating func readValue() throws(JSONParseError) -> JSONValue {
        guard position < bytes.count else { throw failure("expected a JSON value, found end of input") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try readObject()
        case UInt8(ascii: "["): return try readArray()
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"): try readLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try readLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try readLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0") ... UInt8(ascii: "9"): return try readNumber()
        default: throw failure("expected a JSON value, found \(describeByte(at: position))")
        }
    }

    private mutating func readLiteral(_ word: StaticString) throws(JSONParseError) {
        let start = position
        let length = word.utf8CodeUnitCount
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: length)
        for offset in 0 ..< length {
            guard start + offset < bytes.count, bytes[start + offset] == expected[offset] else {
                position = start
                throw failure("invalid literal; expected `\(word)`")
            }
        }
        position = start + length
    }

    private mutating func enter() throws(JSONParseError) {
        depth += 1
        if depth > JSONParser.maximumDepth {
            throw failure("nesting deeper than \(JSONParser.maximumDepth) levels")
        }
    }

    private mutating func readArray() throws(JSONParseError) -> JSONValue {
        try enter()
        position += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try readValue())
            skipWhitespace()
            guard position < bytes.count else { throw failure("unterminated array; expected `,` or `]`") }
            switch bytes[position] {
            case UInt8(ascii: ","):
                position += 1
            case UInt8(ascii: "]"):
                position += 1
                depth -= 1
                return .array(elements)
            default:
                throw failure("expected `,` or `]` in array, found \(describeByte(at: position))")
            }
        }
    }

    private mutating func readObject() throws(JSONParseError) -> JSONValue {
        try enter()
        position += 1
        var object = JSONObject()
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            depth -= 1
            return .object(object)
        }
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw failure(position < bytes.count
                    ? "expected a string key, found \(describeByte(at: position))"
                    : "unterminated object; expected a string key")
            }
            let keyStart = position
            let key = try readString()
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                throw failure(position < bytes.count
                    ? "expected `:` after object key, found \(describeByte(at: position))"
                    : "unterminated object; expected `:`")
            }
            position += 1
            skipWhitespace()
            let value = try readValue()
            guard object.appendIfAbsent(key: key, value: value) else {
                position = keyStart
                throw failure("duplicate key \"\(key)\"")
            }
            skipWhitespace()
            guard position < bytes.count else { throw failure("unterminated object; expected `,` or `}`") }
            switch bytes[position] {
            case UInt8(ascii: ","):
                position += 1
            case UInt8(ascii: "}"):
                position += 1
                depth -= 1
                return .object(object)
            default:
                throw failure("expected `,` or `}` in object, found \(describeByte(at: position))")
            }
        }
    }

    // MARK: Strings

    private mutating func readString() throws(JSONParseError) -> String {
        position += 1  // opening quote
        let start = position
        // Fast path: no escapes.
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start ..< position]), as: UTF8.self)
                position += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw failure("unescaped control character U+\(hex4(UInt32(byte))) in string") }
            if byte < 0x80 {
                position += 1
            } else {
                position += try validateMultibyte(at: position)
            }
        }
        guard position < bytes.count else { throw failureAt(start - 1, "unterminated string") }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start ..< position]))
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return String(decoding: scratch, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try readEscape()
            case 0 ..< 0x20:
                throw failure("unescaped control character U+\(hex4(UInt32(byte))) in string")
            case 0x20 ..< 0x80:
                scratch.append(byte)
                position += 1
            default:
                let length = try validateMultibyte(at: position)
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position ..< position + length]))
                position += length
            }
        }
        throw failureAt(start - 1, "unterminated string")
    }

    private mutating func readEscape() throws(JSONParseError) {
        let escapeStart = position
        position += 1
        guard position < bytes.count else { throw failureAt(escapeStart, "unterminated escape sequence") }
        let byte = bytes[position]
        position += 1
        switch byte {
        case UInt8(ascii: "\""): scratch.append(0x22)
        case UInt8(ascii: "\\"): scratch.append(0x5C)
        case UInt8(ascii: "/"): scratch.append(0x2F)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try readHex4(escapeStart: escapeStart)
            if scalar >= 0xD800 && scalar < 0xDC00 {
                let lowStart = position
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                      bytes[position + 1] == UInt8(ascii: "u")
                else { throw failureAt(escapeStart, "lone high surrogate \\u\(hex4(scalar)) in string") }
                position += 2
                let low = try readHex4(escapeStart: lowStart)
                guard low >= 0xDC00 && low < 0xE000 else {
                    throw failureAt(escapeStart, "high surrogate \\u\(hex4(scalar)) not followed by a low surrogate")
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if scalar >= 0xDC00 && scalar < 0xE000 {
                throw failureAt(escapeStart, "lone low surrogate \\u\(hex4(scalar)) in string")
            }
            appendUTF8(Unicode.Scalar(scalar)!)
        default:
            position = escapeStart
            throw failure("invalid escape sequence `\\\(String(decoding: [byte], as: UTF8.self))` in string")
        }
    }

    private mutating func readHex4(escapeStart: Int) throws(JSONParseError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0 ..< 4 {
            guard position < bytes.count, let digit = hexValue(bytes[position]) else {
                throw failureAt(escapeStart, "invalid \\u escape; expected four hexadecimal digits")
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    private mutating func appendUTF8(_ scalar: Unicode.Scalar) {
        UTF8.encode(scalar) { scratch.append($0) }
    }

    /// The length of the well-formed multi-byte UTF-8 sequence at `index`, or an error.
    private func validateMultibyte(at index: Int) throws(JSONParseError) -> Int {
        let lead = bytes[index]
        let length: Int
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        switch lead {
        case 0xC2 ... 0xDF: length = 2
        case 0xE0: length = 3; lower = 0xA0
        case 0xE1 ... 0xEC, 0xEE ... 0xEF: length = 3
        case 0xED: length = 3; upper = 0x9F
        case 0xF0: length = 4; lower = 0x90
        case 0xF1 ... 0xF3: length = 4
        case 0xF4: length = 4; upper = 0x8F
        default: throw failureAt(index, "invalid UTF-8 byte 0x\(String(lead, radix: 16, uppercase: true))")
        }
        guard index + length <= bytes.count else { throw failureAt(index, "truncated UTF-8 sequence") }
        let second = bytes[index + 1]
        guard second >= lower && second <= upper else { throw failureAt(index, "invalid UTF-8 sequence") }
        for offset in 2 ..< length where bytes[index + offset] & 0xC0 != 0x80 {
            throw failureAt(index, "invalid UTF-8 sequence")
        }
        return length
    }

    // MARK: Numbers

    private mutating func readNumber() throws(JSONParseError) -> JSONValue {
        let start = position
        var negative = false
        if bytes[position] == UInt8(ascii: "-") {
            negative = true
            position += 1
        }
        guard position < bytes.count, isDigit(bytes[position]) else {
            throw failureAt(start, "invalid number; expected a digit after `-`")
        }
        var magnitude: UInt64 = 0
        var overflow = false
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if position < bytes.count, isDigit(bytes[position]) {
                throw failureAt(start, "invalid number; leading zeros are not allowed")
            }
        } else {
            while position < bytes.count, isDigit(bytes[position]) {
                let (scaled, o1) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, o2) = scaled.addingReportingOverflow(UInt64(bytes[position] - 0x30))
                overflow = overflow || o1 || o2
                magnitude = sum
                position += 1
            }
        }
        var isInteger = true
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            isInteger = false
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else {
                throw failureAt(start, "invalid number; expected a digit after `.`")
            }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            isInteger = false
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard position < bytes.count, isDigit(bytes[position]) else {
                throw failureAt(start, "invalid number; expected a digit in the exponent")
            }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if isInteger && !overflow {
            if negative {
                if magnitude <= UInt64(Int.max) { return .integer(-Int(magnitude)) }
                if magnitude == UInt64(Int.max) + 1 { return .integer(Int.min) }
            } else if magnitude <= UInt64(Int.max) {
                return .integer(Int(magnitude))
            }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start ..< position]), as: UTF8.self)
        guard let double = Double(text), double.isFinite else {
            throw failureAt(start, "number \(text) is out of range")
        }
        return .number(double)
    }

    // MARK: Helpers

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30 ... 0x39: return UInt32(byte - 0x30)
        case 0x41 ... 0x46: return UInt32(byte - 0x41 + 10)
        case 0x61 ... 0x66: return UInt32(byte - 0x61 + 10)
        default: return nil
        }
    }

    private func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    private func describeByte(at index: Int) -> String {
        let byte = bytes[index]
        if byte >= 0x21 && byte < 0x7F { return "`\(String(decoding: [byte], as: UTF8.self))`" }
        if byte < 0x80 { return "U+\(hex4(UInt32(byte)))" }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    private func failure(_ message: String) -> JSONParseError { failureAt(position, message) }

    /// Builds an error located at byte `offset`: the line counts newlines before it, the column
    /// counts characters from the line's start.
    private func failureAt(_ offset: Int, _ message: String) -> JSONParseError {
        let offset = min(offset, bytes.count)
        var line = 1
        var lineStart = 0
        for index in 0 ..< offset where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        let prefix = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart ..< offset]), as: UTF8.self)
        return JSONParseError(message: message, line: line, column: prefix.count + 1, offset: offset)
    }
}
