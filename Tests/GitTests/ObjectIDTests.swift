import Git
import Testing

@Suite struct ObjectIDTests {
    let hex = "0123456789abcdef00ff10e0d3c2b1a498765432"

    @Test func parsesAndPrintsFullHex() throws {
        let id = try #require(ObjectID(hex: hex))
        #expect(id.hex == hex)
        #expect(id.description == hex)
        #expect(id.shortHex == "0123456")
        #expect(id.bytes.count == 20)
        #expect(id.bytes.prefix(3) == [0x01, 0x23, 0x45])
        #expect(ObjectID(bytes: id.bytes) == id)
        #expect(ObjectID(hex: hex.uppercased()) == id)
        var written: [UInt8] = [0x2a]
        id.appendHex(to: &written)
        #expect(written == [0x2a] + Array(hex.utf8))
        Array(hex.utf8).withUnsafeBufferPointer { digits in
            #expect(ObjectID(hexDigits: digits) == id)
            #expect(ObjectID(hexDigits: digits[1...]) == nil)
        }
    }

    @Test(arguments: ["", "0123456", String(repeating: "a", count: 39), String(repeating: "a", count: 41),
                      String(repeating: "g", count: 40), " " + String(repeating: "a", count: 39)])
    func rejectsAnythingButFortyHexDigits(_ text: String) {
        #expect(ObjectID(hex: text) == nil)
    }

    /// Every byte value in a digit's place: only `0`–`9`, `a`–`f` and `A`–`F` are digits, with their values.
    @Test func eachByteIsADigitOnlyWhenItIsHex() {
        let digits = Array("0123456789abcdef".utf8)
        for byte in UInt8.min...UInt8.max {
            var text = Array(hex.utf8)
            text[5] = byte
            let parsed = text.withUnsafeBufferPointer { ObjectID(hexDigits: $0) }
            let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F") ? byte | 0x20 : byte
            if let value = digits.firstIndex(of: lower) {
                #expect(parsed?.hex == String(decoding: Array(hex.utf8)[..<5] + [digits[value]] + Array(hex.utf8)[6...], as: UTF8.self))
            } else {
                #expect(parsed == nil, "byte \(byte)")
            }
        }
    }

    @Test func ordersLikeItsHexText() throws {
        let texts = [hex, String(repeating: "0", count: 40), String(repeating: "f", count: 40),
                     "0123456789abcdef00ff10e0d3c2b1a498765431", "0123456789abcdef00ff10e0d3c2b1a598765432",
                     "0123456789abcdef01ff10e0d3c2b1a498765432", "8000000000000000000000000000000000000000"]
        let ids = try texts.map { try #require(ObjectID(hex: $0)) }
        #expect(ids.sorted().map(\.hex) == texts.sorted())
        #expect(Set(ids).count == texts.count)
    }
}
