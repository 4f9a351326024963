/// A strict RFC 8259 JSON parser.
///
/// Accepts exactly one JSON value surrounded by optional whitespace (a leading UTF-8 byte order
/// mark is skipped). Rejects invalid UTF-8, unescaped control characters, lone surrogates,
/// duplicate object keys, numbers out of `Double` range and nesting deeper than `maximumDepth`.
/// Integers that fit `Int` and have no fraction or exponent become `.integer`; other numbers
/// become `.number`.
public enum JSONParser {
    /// The deepest nesting of arrays and objects accepted.
    public static let maximumDepth = 512

    public static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { (buffer) throws(JSONParseError) -> JSONValue in
            var reader = JSONReader(buffer)
            return try reader.readDocument()
        }
    }

    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        var text = text
        let result = text.withUTF8 { buffer -> Result<JSONValue, JSONParseError> in
            var reader = JSONReader(buffer)
            do throws(JSONParseError) { return .success(try reader.readDocument()) } catch { return .failure(error) }
        }
        return try result.get()
    }
}
