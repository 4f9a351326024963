import Testing
import YAML

@Suite("Locations and byte offsets")
struct LocationTests {
    @Test("lines and columns are 1-based")
    func oneBased() throws {
        let root = try document("a: 1\nb:\n  c: x\n")
        #expect(root.start.line == 1 && root.start.column == 1 && root.start.offset == 0)
        let b = try #require(root["b"])
        #expect((b.start.line, b.start.column) == (3, 3))
        let c = try #require(b["c"])
        #expect((c.start.line, c.start.column, c.start.offset) == (3, 6, 13))
        #expect((c.end.line, c.end.column, c.end.offset) == (3, 7, 14))
        #expect(c.start.path == "test.yaml")
        #expect(c.start.description == "test.yaml:3:6")
    }

    @Test("columns count characters, offsets count bytes")
    func multiByteBeforeNode() throws {
        let text = "# ü comment\nnaïve: ☃ value\n"
        let bytes = Array(text.utf8)
        let value = try #require(try document(text)["naïve"])
        #expect((value.start.line, value.start.column) == (2, 8))
        #expect(value.start.offset == 13 + 8)  // "# ü comment\n" is 13 bytes, "naïve: " 8
        #expect((value.end.line, value.end.column) == (2, 15))
        #expect(value.sourceText(in: bytes) == "☃ value")
    }

    @Test("a UTF-8 byte-order mark shifts offsets but not columns")
    func byteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("kéy: välue\n".utf8)
        let root = try #require(try YAMLReader.parse(bytes, path: "bom.yaml"))
        let key = try #require(root.keyNode("kéy"))
        #expect((key.start.line, key.start.column, key.start.offset) == (1, 1, 3))
        let value = try #require(root["kéy"])
        #expect((value.start.column, value.start.offset) == (6, 3 + 6))
        #expect(value.sourceText(in: bytes) == "välue")
    }

    struct Slice: Sendable, CustomTestStringConvertible {
        var source: String
        var key: String
        var value: String
        init(_ source: String, _ key: String, _ value: String) {
            (self.source, self.key, self.value) = (source, key, value)
        }
        var testDescription: String { source.debugDescription }
    }

    static let slices: [Slice] = [
        Slice("plain: hello world\n", "plain", "hello world"),
        Slice("single: 'it''s ü'\n", "single", "'it''s ü'"),
        Slice("double: \"tab\\there \\u00e9\"\n", "double", "\"tab\\there \\u00e9\""),
        Slice("\"quoted key\": v\n", "\"quoted key\"", "v"),
        Slice("'sq ké': v\n", "'sq ké'", "v"),
        Slice("multi: first\n  second line\nnext: 1\n", "multi", "first\n  second line"),
        Slice("literal: |\n  line 1\n  line 2\nnext: 1\n", "literal", "|\n  line 1\n  line 2\n"),
        Slice("literal: |\n  line 1\n\n\nnext: 1\n", "literal", "|\n  line 1\n"),
        Slice("literal: |-\n  trailing  \n  # not a comment\nnext: 1\n", "literal", "|-\n  trailing  \n  # not a comment\n"),
        Slice("literal: |+\n  kept\n\n\nnext: 1\n", "literal", "|+\n  kept\n\n\n"),
        Slice("folded: >\n  a\n  b\n# comment\nnext: 1\n", "folded", ">\n  a\n  b\n"),
        Slice("nested:\n  folded: >2-\n    ü\n  other: x\n", "nested", "folded: >2-\n    ü\n  other: x"),
        Slice("end: |\n  no newline at end", "end", "|\n  no newline at end"),
        Slice("empty:\nnext: 1\n", "empty", ""),
        Slice("flow: [1, {a: b}]  # c\n", "flow", "[1, {a: b}]"),
        Slice("map: {x: 1, 'y': \"2\"}\n", "map", "{x: 1, 'y': \"2\"}"),
        Slice("seq:\n- a\n- b: c\n  d: e\nnext: 1\n", "seq", "- a\n- b: c\n  d: e"),
        Slice("crlf: |\r\n  a\r\n  b\r\nnext: 1\r\n", "crlf", "|\r\n  a\r\n  b\r\n"),
        Slice("tagged: !!str 12\n", "tagged", "!!str 12"),
    ]

    @Test("start..end covers exactly the node's source text", arguments: slices)
    func sliceBySourceOffsets(_ slice: Slice) throws {
        let bytes = Array(slice.source.utf8)
        let root = try document(slice.source)
        guard case .mapping(let pairs) = root.content, let pair = pairs.first else {
            Issue.record("not a mapping")
            return
        }
        #expect(pair.key.sourceText(in: bytes) == slice.key)
        #expect(pair.value.sourceText(in: bytes) == slice.value)
    }

    @Test("end locations agree with their byte offsets")
    func endLineAndColumn() throws {
        let source = "a: |\n  x\n\n  y\n\n\nb: >-\n  é\nc: [1,\n  2]\n"
        let bytes = Array(source.utf8)
        let root = try document(source)
        let a = try #require(root["a"])
        #expect((a.end.line, a.end.column, a.end.offset) == (5, 1, 14))
        #expect(a.sourceText(in: bytes) == "|\n  x\n\n  y\n")
        let b = try #require(root["b"])
        #expect((b.end.line, b.end.column) == (9, 1))
        let c = try #require(root["c"])
        #expect((c.start.line, c.start.column) == (9, 4))
        #expect((c.end.line, c.end.column) == (10, 5))
        #expect(c.sourceText(in: bytes) == "[1,\n  2]")
        #expect(root.end == c.end)
    }

    @Test("sequence items and nested mappings")
    func sequenceItems() throws {
        let source = "models:\n  - name: ü\n    size: 3\n  - name: b\n"
        let bytes = Array(source.utf8)
        let models = try #require(try document(source)["models"])
        #expect((models.start.line, models.start.column) == (2, 3))
        let second = try #require(models[1])
        #expect(second.sourceText(in: bytes) == "name: b")
        let first = try #require(models[0])
        #expect(first.sourceText(in: bytes) == "name: ü\n    size: 3")
        #expect((first["size"]?.start.line, first["size"]?.start.column) == (3, 11))
    }

    @Test("offsets stay exact when marks go back and forth over non-ASCII text")
    func manyNonASCIIScalars() throws {
        var source = ""
        for index in 0..<200 { source += "k\(index)é: \"välüe \(index) ☃\" # ç\n" }
        let bytes = Array(source.utf8)
        let root = try document(source)
        guard case .mapping(let pairs) = root.content else { throw TestFailure("not a mapping") }
        #expect(pairs.count == 200)
        for (index, pair) in pairs.enumerated() {
            #expect(pair.key.sourceText(in: bytes) == "k\(index)é")
            #expect(pair.value.sourceText(in: bytes) == "\"välüe \(index) ☃\"")
            #expect(pair.value.start.line == index + 1)
        }
    }
}
