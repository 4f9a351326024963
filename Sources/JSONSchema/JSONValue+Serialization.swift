public extension JSONValue {
    /// This value as JSON text.
    ///
    /// - `pretty`: two-space indentation, one member or element per line, `"key": value`;
    ///   otherwise no whitespace at all.
    /// - `sortedKeys`: object keys in code-point order instead of the order they were written in.
    ///
    /// Integers print without a fraction; finite doubles print in the shortest form that reads
    /// back to the same double (`0.1`, `1e-07`, `3.0`); non-finite doubles, which JSON cannot
    /// express, print as `null`. Strings escape `"`, `\` and control characters only.
    func serialized(pretty: Bool, sortedKeys: Bool = false) -> String {
        var writer = JSONWriter(pretty: pretty, sortedKeys: sortedKeys)
        writer.write(self, indent: 0)
        return String(decoding: writer.output, as: UTF8.self)
    }
}

/// Accumulates the UTF-8 bytes of `JSONValue.serialized`.
struct JSONWriter {
    let pretty: Bool
    let sortedKeys: Bool
    private(set) var output: [UInt8] = []

    init(pretty: Bool, sortedKeys: Bool) {
        self.pretty = pretty
        self.sortedKeys = sortedKeys
    }

    mutating func write(_ value: JSONValue, indent: Int) {
        switch value {
        case .null: append("null")
        case .bool(let bool): append(bool ? "true" : "false")
        case .integer(let int): append(String(int))
        case .number(let double): append(double.isFinite ? String(double) : "null")
        case .string(let string): writeString(string)
        case .array(let elements):
            guard !elements.isEmpty else { return append("[]") }
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent + 1)
                write(element, indent: indent + 1)
            }
            newline(indent)
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            guard !object.isEmpty else { return append("{}") }
            output.append(UInt8(ascii: "{"))
            var order = Array(object.keys.indices)
            if sortedKeys {
                order.sort { object.keys[$0].unicodeScalars.lexicographicallyPrecedes(object.keys[$1].unicodeScalars) }
            }
            for (count, index) in order.enumerated() {
                if count > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent + 1)
                writeString(object.keys[index])
                output.append(UInt8(ascii: ":"))
                if pretty { output.append(UInt8(ascii: " ")) }
                write(object.values[index], indent: indent + 1)
            }
            newline(indent)
            output.append(UInt8(ascii: "}"))
        }
    }

    private mutating func newline(_ indent: Int) {
        guard pretty else { return }
        output.append(0x0A)
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
    }

    private mutating func append(_ text: String) {
        output.append(contentsOf: text.utf8)
    }

    private mutating func writeString(_ string: String) {
        output.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            case 0x08: append("\\b")
            case 0x0C: append("\\f")
            case 0 ..< 0x20:
                let hex = Array("0123456789abcdef".utf8)
                append("\\u00")
                output.append(hex[Int(byte >> 4)])
                output.append(hex[Int(byte & 0xF)])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
