import JSONSchema
import Testing

@Suite struct JSONWriterTests {
    @Test func writesCompactJSONInKeyOrder() throws {
        let value = try JSONParser.parse(#"{"z": 1, "a": [true, null, 2.5], "m": {"x": "y"}, "e": [], "o": {}}"#)
        #expect(value.serialized(pretty: false) == #"{"z":1,"a":[true,null,2.5],"m":{"x":"y"},"e":[],"o":{}}"#)
        #expect(value.serialized(pretty: false, sortedKeys: true) == #"{"a":[true,null,2.5],"e":[],"m":{"x":"y"},"o":{},"z":1}"#)
    }

    @Test func writesPrettyJSON() throws {
        let value = try JSONParser.parse(#"{"name": "m", "tags": ["a", "b"], "empty": [], "nested": {"k": 1}}"#)
        let expected = """
            {
              "name": "m",
              "tags": [
                "a",
                "b"
              ],
              "empty": [],
              "nested": {
                "k": 1
              }
            }
            """
        #expect(value.serialized(pretty: true) == expected)
    }

    @Test func escapesStrings() {
        let value = JSONValue.string("q\"b\\s/\n\r\t\u{8}\u{C}\u{1}\u{7F}é😀")
        #expect(value.serialized(pretty: false) == #""q\"b\\s/\n\r\t\b\f\u0001"# + "\u{7F}é😀\"")
    }

    @Test(arguments: [
        (JSONValue.integer(-7), "-7"),
        (.integer(Int.max), "9223372036854775807"),
        (.number(0.1), "0.1"),
        (.number(3.0), "3.0"),
        (.number(1e-7), "1e-07"),
        (.number(1.5e300), "1.5e+300"),
        (.number(-0.0), "-0.0"),
        (.number(.infinity), "null"),
        (.number(.nan), "null"),
    ])
    func writesNumbers(value: JSONValue, text: String) {
        #expect(value.serialized(pretty: false) == text)
    }

    @Test func roundTripsExactly() throws {
        let text = #"{"b":[1,2.25,-3e-10,"\u0000\"x",{"k":null,"a":false}],"a":{"nested":[[],{}]},"u":"é😀","big":12345678901234567890}"#
        let value = try JSONParser.parse(text)
        for pretty in [false, true] {
            let again = try JSONParser.parse(value.serialized(pretty: pretty))
            #expect(again == value)
            #expect(again.serialized(pretty: false) == value.serialized(pretty: false))
        }
    }
}
