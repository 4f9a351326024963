import Testing
import YAML

@Suite("Core-schema resolution")
struct ResolutionTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var source: String
        var expected: ResolvedScalar
        init(_ source: String, _ expected: ResolvedScalar) {
            (self.source, self.expected) = (source, expected)
        }
        var testDescription: String { source }
    }

    static let table: [Case] = [
        // Null.
        Case("null", .null), Case("Null", .null), Case("NULL", .null), Case("~", .null), Case("", .null),
        Case("nULL", .string("nULL")), Case("nul", .string("nul")), Case("'null'", .string("null")),
        // Booleans, and the YAML 1.1 words that are strings now.
        Case("true", .bool(true)), Case("True", .bool(true)), Case("TRUE", .bool(true)),
        Case("false", .bool(false)), Case("False", .bool(false)), Case("FALSE", .bool(false)),
        Case("tRUE", .string("tRUE")), Case("yes", .string("yes")), Case("no", .string("no")),
        Case("on", .string("on")), Case("off", .string("off")), Case("y", .string("y")),
        Case("\"true\"", .string("true")),
        // Integers.
        Case("0", .int(0)), Case("42", .int(42)), Case("-17", .int(-17)), Case("+8", .int(8)),
        Case("007", .int(7)), Case("0o17", .int(15)), Case("0x1F", .int(31)), Case("0xff", .int(255)),
        Case("9223372036854775807", .int(.max)), Case("-9223372036854775808", .int(.min)),
        Case("9223372036854775808", .float(9_223_372_036_854_775_808)),
        Case("0xFFFFFFFFFFFFFFFFF", .string("0xFFFFFFFFFFFFFFFFF")),
        Case("0o8", .string("0o8")), Case("0x", .string("0x")), Case("0o", .string("0o")),
        Case("-0x1", .string("-0x1")), Case("0b101", .string("0b101")), Case("1_000", .string("1_000")),
        Case("'12'", .string("12")), Case("|\n  12\n", .string("12\n")),
        // Floats.
        Case("1.10", .float(1.1)), Case("\"1.10\"", .string("1.10")), Case("1.", .float(1)),
        Case(".5", .float(0.5)), Case("-.5", .float(-0.5)), Case("+1.5e3", .float(1500)),
        Case("1e3", .float(1000)), Case("1E-2", .float(0.01)), Case("6.02e+23", .float(6.02e23)),
        Case(".inf", .float(.infinity)), Case("-.Inf", .float(-.infinity)), Case("+.INF", .float(.infinity)),
        Case(".", .string(".")), Case("-a", .string("-a")), Case("1e", .string("1e")),
        Case(".e3", .string(".e3")), Case("-.nan", .string("-.nan")), Case(".infinity", .string(".infinity")),
        // Other strings.
        Case("1.10.2", .string("1.10.2")), Case("2024-01-01", .string("2024-01-01")),
        Case("v1.0", .string("v1.0")), Case("12:30", .string("12:30")), Case("1,5", .string("1,5")),
        Case("bert-base", .string("bert-base")), Case("ünï", .string("ünï")),
        // Explicit tags.
        Case("!!str 12", .string("12")), Case("!!str true", .string("true")), Case("!!int \"12\"", .int(12)),
        Case("!!float 1", .float(1)), Case("!!bool 'false'", .bool(false)), Case("!!null ''", .null),
    ]

    @Test("resolution table", arguments: table)
    func resolve(_ item: Case) throws {
        let node = try #require(try document("v: \(item.source)")["v"])
        let scalar = try #require(node.scalar)
        #expect(scalar.resolved == item.expected)
    }

    @Test(".nan resolves to a NaN")
    func notANumber() throws {
        for spelling in [".nan", ".NaN", ".NAN"] {
            let scalar = try #require(try document("v: \(spelling)")["v"]?.scalar)
            guard case .float(let value) = scalar.resolved else {
                Issue.record("\(spelling) is not a float")
                continue
            }
            #expect(value.isNaN)
        }
    }

    @Test("styles and tags are recorded")
    func stylesAndTags() throws {
        let root = try document("a: x\nb: 'x'\nc: \"x\"\nd: |\n  x\ne: >\n  x\nf: !!str x\n")
        #expect(root["a"]?.scalar?.style == .plain)
        #expect(root["b"]?.scalar?.style == .singleQuoted)
        #expect(root["c"]?.scalar?.style == .doubleQuoted)
        #expect(root["d"]?.scalar?.style == .literal)
        #expect(root["e"]?.scalar?.style == .folded)
        #expect(root["f"]?.scalar?.tag == "tag:yaml.org,2002:str")
        #expect(root["a"]?.scalar?.tag == nil)
    }

    @Test("scalars built by hand resolve too")
    func handBuilt() {
        #expect(YAMLScalar(text: "12", style: .plain).resolved == .int(12))
        #expect(YAMLScalar(text: "12", style: .doubleQuoted).resolved == .string("12"))
        #expect(YAMLScalar(text: "x", style: .plain, tag: "tag:yaml.org,2002:int").resolved == .string("x"))
        #expect(YAMLScalar(text: "1", style: .plain, tag: "tag:example.com:x").resolved == .string("1"))
    }
}
