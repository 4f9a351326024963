import JSONSchema
import Testing

@Suite struct JSONValueEqualityTests {
    @Test func numbersCompareByValue() {
        #expect(JSONValue.integer(1) == .number(1.0))
        #expect(JSONValue.number(-0.0) == .integer(0))
        #expect(JSONValue.integer(1) != .number(1.5))
        #expect(JSONValue.integer(Int.max) != .number(9_223_372_036_854_775_808.0))
        #expect(Set<JSONValue>([.integer(1), .number(1.0)]).count == 1)
    }

    @Test func objectsIgnoreKeyOrder() throws {
        let a = try JSONParser.parse(#"{"x": 1, "y": [1, 2]}"#)
        let b = try JSONParser.parse(#"{"y": [1.0, 2], "x": 1}"#)
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(try JSONParser.parse("[1, 2]") != JSONParser.parse("[2, 1]"))
    }

    @Test func stringsCompareByCodePoints() {
        // Canonically equivalent for Swift, different code points for JSON.
        #expect(JSONValue.string("\u{E9}") != .string("e\u{301}"))
        #expect(JSONValue.string("café") == .string("café"))
        #expect(JSONValue.string("") != .null)
        #expect(JSONValue.bool(false) != .integer(0))
    }

    @Test func objectSubscriptAddsReplacesAndRemoves() {
        var object = JSONObject()
        for index in 0 ..< 12 { object["k\(index)"] = .integer(index) }
        object["k3"] = .string("three")
        object["k5"] = nil
        #expect(object.count == 11)
        #expect(object.keys.first == "k0" && object.keys.last == "k11")
        #expect(object["k3"] == .string("three"))
        #expect(object["k5"] == nil)
        #expect(object["k11"] == .integer(11))
        let appended = object.appendIfAbsent(key: "k0", value: .null)
        #expect(!appended)
        #expect(object.pairs.map(\.key) == object.keys)
    }
}
