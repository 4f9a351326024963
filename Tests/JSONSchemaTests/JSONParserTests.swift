import JSONSchema
import Testing

@Suite struct JSONParserTests {
    @Test func parsesEveryKindOfValue() throws {
        let value = try JSONParser.parse(#" { "a": [1, -2.5, "x", true, false, null, {}], "b": {"c": []} } "#)
        guard case .object(let object) = value else { Issue.record("not an object"); return }
        #expect(object.keys == ["a", "b"])
        guard case .array(let items)? = object["a"] else { Issue.record("a is not an array"); return }
        #expect(items.count == 7)
        if case .integer(1) = items[0] {} else { Issue.record("1 should be an integer") }
        if case .number(-2.5) = items[1] {} else { Issue.record("-2.5 should be a number") }
        if case .string("x") = items[2] {} else { Issue.record("x") }
        if case .bool(true) = items[3] {} else { Issue.record("true") }
        if case .null = items[5] {} else { Issue.record("null") }
    }

    @Test(arguments: [
        ("0", JSONValue.integer(0)),
        ("-0", .integer(0)),
        ("42", .integer(42)),
        ("9223372036854775807", .integer(Int.max)),
        ("-9223372036854775808", .integer(Int.min)),
        ("9223372036854775808", .number(9_223_372_036_854_775_808.0)),
        ("1.0", .number(1.0)),
        ("1e2", .number(100)),
        ("2.5E-3", .number(0.0025)),
    ])
    func numbersKeepIntegersApart(text: String, expected: JSONValue) throws {
        let value = try JSONParser.parse(text)
        switch (value, expected) {
        case let (.integer(a), .integer(b)): #expect(a == b)
        case let (.number(a), .number(b)): #expect(a == b)
        default: Issue.record("\(text) parsed as \(value), expected \(expected)")
        }
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let value = try JSONParser.parse(#""a\"b\\c\/d\b\f\n\r\t\u00e9\ud83d\ude00""#)
        #expect(value == .string("a\"b\\c/d\u{8}\u{C}\n\r\té😀"))
    }

    @Test func skipsAByteOrderMark() throws {
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == .array([.integer(1)]))
    }

    @Test(arguments: [
        ("{\n  \"a\": 1,\n  \"b\": tru\n}", 3, 8, "invalid literal"),
        ("[1, 2,]", 1, 7, "expected a JSON value, found `]`"),
        ("{\"a\": 1,}", 1, 9, "expected a string key, found `}`"),
        ("[01]", 1, 2, "leading zeros"),
        ("[1.]", 1, 2, "expected a digit after `.`"),
        ("[-]", 1, 2, "expected a digit after `-`"),
        ("\"tab\there\"", 1, 5, "unescaped control character U+0009"),
        ("\"\\x\"", 1, 2, "invalid escape sequence"),
        ("\"\\ud800\"", 1, 2, "lone high surrogate"),
        ("\"\\udc00x\"", 1, 2, "lone low surrogate"),
        ("{\"a\": 1, \"a\": 2}", 1, 10, "duplicate key \"a\""),
        ("[1] x", 1, 5, "after the JSON value"),
        ("", 1, 1, "found end of input"),
        ("  \n", 2, 1, "found end of input"),
        ("[1e400]", 1, 2, "out of range"),
        ("\"abc", 1, 1, "unterminated string"),
        ("{\"é\": x}", 1, 7, "expected a JSON value, found `x`"),
        ("[1 2]", 1, 4, "expected `,` or `]`"),
    ])
    func reportsLocatedErrors(text: String, line: Int, column: Int, message: String) {
        do {
            _ = try JSONParser.parse(text)
            Issue.record("\(text) should not parse")
        } catch {
            #expect(error.line == line, "\(error)")
            #expect(error.column == column, "\(error)")
            #expect(error.message.contains(message), "\(error)")
            #expect(error.description.hasPrefix("\(line):\(column): "))
        }
    }

    @Test func rejectsInvalidUTF8() {
        #expect(throws: JSONParseError.self) { try JSONParser.parse([0x22, 0xC3, 0x28, 0x22]) }
        #expect(throws: JSONParseError.self) { try JSONParser.parse([0x22, 0xED, 0xA0, 0x80, 0x22]) }  // surrogate
        #expect(throws: JSONParseError.self) { try JSONParser.parse([0x22, 0xE2, 0x82]) }  // truncated
    }

    @Test func limitsNesting() throws {
        let deep = String(repeating: "[", count: JSONParser.maximumDepth + 1) + String(repeating: "]", count: JSONParser.maximumDepth + 1)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(deep) }
        let allowed = String(repeating: "[", count: JSONParser.maximumDepth) + String(repeating: "]", count: JSONParser.maximumDepth)
        _ = try JSONParser.parse(allowed)
    }

    @Test func keepsKeyOrderOfLargeObjects() throws {
        let keys = (0 ..< 40).map { "key\(39 - $0)" }
        let text = "{" + keys.enumerated().map { "\"\($1)\": \($0)" }.joined(separator: ",") + "}"
        guard case .object(let object) = try JSONParser.parse(text) else { Issue.record("not an object"); return }
        #expect(object.keys == keys)
        #expect(object["key0"] == .integer(39))
        #expect(object["missing"] == nil)
    }
}
