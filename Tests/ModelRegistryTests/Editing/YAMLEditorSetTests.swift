import ModelRegistry
import Testing
import YAML

@Suite("YAMLEditor: replacing values")
struct YAMLEditorSetTests {
    // MARK: Plain scalars

    @Test func plainIntegerInARegistryFile() throws {
        let before = EditingFixtures.colbert
        let after = try editingApply(before) { try $0.set(["specs", "embedding_dim"], to: 1024) }
        editingExpectReplaced(before, after, old: "  embedding_dim: 128\n", new: "  embedding_dim: 1024\n")
        #expect(after.hasPrefix("# yaml-language-server: $schema=../schemas/model.schema.json\n"))
        #expect(try editingScalar(after, ["specs", "embedding_dim"]) == .int(1024))
    }

    @Test func plainStringStaysPlain() throws {
        let before = EditingFixtures.colbert
        let after = try editingApply(before) { try $0.set(["id"], to: "colbert-v2-renamed") }
        editingExpectReplaced(before, after, old: "id: colbert-v2\n", new: "id: colbert-v2-renamed\n")
        #expect(try editingScalar(after, ["id"]) == .string("colbert-v2-renamed"))
    }

    @Test(arguments: [
        ("yes", #""yes""#), ("1.10", #""1.10""#), ("2024-03", #""2024-03""#), ("null", #""null""#),
        ("true", #""true""#), ("", #""""#), ("a: b", #""a: b""#), ("x #y", #""x #y""#), ("#x", ##""#x""##),
        ("- x", #""- x""#), ("*star", #""*star""#), (" lead", #"" lead""#), ("ends:", #""ends:""#),
        ("two\nlines", #""two\nlines""#), ("tab\there", #""tab\there""#), ("bell\u{7}", #""bell\x07""#),
        ("say \"hi\"", #"say "hi""#), ("back\\slash", #"back\slash"#), ("a:b", "a:b"), ("22.7M", "22.7M"),
        ("https://x.org/a#b", "https://x.org/a#b"), ("über 日本", "über 日本"),
    ])
    func plainStringIsQuotedOnlyWhenItMustBe(value: String, written: String) throws {
        let after = try editingApply("name: old  # keep\nnext: 1\n") { try $0.set(["name"], to: .string(value)) }
        #expect(after == "name: \(written)  # keep\nnext: 1\n")
        #expect(try editingScalar(after, ["name"]) == .string(value))
    }

    @Test func commentAfterTheValueStays() throws {
        let before = "id: m  # the id\nname: x\n"
        let after = try editingApply(before) { try $0.set(["id"], to: "model-2") }
        #expect(after == "id: model-2  # the id\nname: x\n")
    }

    @Test func unicodeBeforeTheEditPoint() throws {
        // Multi-byte characters before the value: byte offsets, not characters, must be used.
        let before = "name: Ünïcödé 日本語 🚀\nk: é  # ü\nz: end\n"
        let after = try editingApply(before) { try $0.set(["k"], to: "日本") }
        #expect(after == "name: Ünïcödé 日本語 🚀\nk: 日本  # ü\nz: end\n")
        editingExpectReplaced(before, after, old: "k: é ", new: "k: 日本 ")
        #expect(try editingScalar(after, ["k"]) == .string("日本"))
    }

    @Test func byteOrderMarkStays() throws {
        let before = "\u{FEFF}a: 1\nb:\n  c: 2\n"
        let after = try editingApply(before) {
            try $0.set(["a"], to: 5)
            try $0.set(["b", "d"], to: 3)
        }
        #expect(after == "\u{FEFF}a: 5\nb:\n  c: 2\n  d: 3\n")
    }

    // MARK: Quoted scalars

    @Test func doubleQuotedStaysDoubleQuoted() throws {
        let before = EditingFixtures.colbert
        let after = try editingApply(before) { try $0.set(["release_date"], to: "2022-01") }
        editingExpectReplaced(before, after, old: #"release_date: "2021-12""#, new: #"release_date: "2022-01""#)
        #expect(try editingScalar(after, ["release_date"]) == .string("2022-01"))
    }

    @Test func doubleQuotedStringWithSpacesAndEscapes() throws {
        let before = EditingFixtures.e5Large
        let after = try editingApply(before) { try $0.set(["metadata", "query_prefix"], to: "q: \"x\"\n") }
        editingExpectReplaced(before, after, old: #"query_prefix: "query: ""#, new: #"query_prefix: "q: \"x\"\n""#)
        #expect(try editingScalar(after, ["metadata", "query_prefix"]) == .string("q: \"x\"\n"))
    }

    @Test func singleQuotedStaysSingleQuotedWhenItCan() throws {
        let before = "a: 'old'\nb: 'old'\n"
        let after = try editingApply(before) {
            try $0.set(["a"], to: "it's: fine")
            try $0.set(["b"], to: "two\nlines")
        }
        #expect(after == "a: 'it''s: fine'\nb: \"two\\nlines\"\n")
        #expect(try editingScalar(after, ["a"]) == .string("it's: fine"))
        #expect(try editingScalar(after, ["b"]) == .string("two\nlines"))
    }

    @Test func quotedScalarBecomesPlainForANonString() throws {
        // A quoted 5 would be a string; numbers, booleans and null are written plain.
        let after = try editingApply("a: \"x\"\nb: 'y'\nc: \"z\"\n") {
            try $0.set(["a"], to: 5)
            try $0.set(["b"], to: false)
            try $0.set(["c"], to: .null)
        }
        #expect(after == "a: 5\nb: false\nc: null\n")
    }

    @Test func taggedScalarLosesItsTag() throws {
        let after = try editingApply("v: !!str 1.10\n") { try $0.set(["v"], to: "2.0") }
        #expect(after == "v: \"2.0\"\n")
        #expect(try editingScalar(after, ["v"]) == .string("2.0"))
    }

    // MARK: Block scalars

    @Test func foldedScalarIsRewrappedAndStaysFolded() throws {
        let before = EditingFixtures.colbert
        let text =
            "Late-interaction retriever that encodes queries and passages into one 128-dimensional vector "
            + "per token, matched with MaxSim."
        let after = try editingApply(before) { try $0.set(["description"], to: .string(text)) }
        editingExpectReplaced(
            before, after,
            old: """
                >-
                  Late-interaction retriever: queries and passages are encoded into one
                  128-dimensional vector per token and matched with MaxSim. Trained on
                  MS MARCO with cross-encoder distillation and hard negatives; the usual
                  baseline for ColBERT-style models.
                """,
            new: """
                >-
                  Late-interaction retriever that encodes queries and passages into one
                  128-dimensional vector per token, matched with MaxSim.
                """)
        #expect(try editingScalar(after, ["description"]) == .string(text))
    }

    @Test func literalScalarStaysLiteralWithMatchingChomping() throws {
        let before = "a: |\n    one\n    two\nb: 1\n"
        let kept = try editingApply(before) { try $0.set(["a"], to: "x\n\ny\n") }
        #expect(kept == "a: |\n    x\n\n    y\nb: 1\n")
        #expect(try editingScalar(kept, ["a"]) == .string("x\n\ny\n"))
        let stripped = try editingApply(before) { try $0.set(["a"], to: "x") }
        #expect(stripped == "a: |-\n    x\nb: 1\n")
    }

    @Test func foldedScalarWithLineBreaksBecomesLiteral() throws {
        let after = try editingApply("a: >\n  old text\nb: 1\n") { try $0.set(["a"], to: "line one\nline two") }
        #expect(after == "a: |-\n  line one\n  line two\nb: 1\n")
    }

    @Test func blockScalarThatCannotStayBlockBecomesQuoted() throws {
        let after = try editingApply("a: >-\n  old\n  text\n\nb: 1\n") {
            try $0.set(["a"], to: " leading space")
        }
        #expect(after == "a: \" leading space\"\n\nb: 1\n")
    }

    @Test func blockScalarReplacedByANumber() throws {
        let after = try editingApply("a: |+\n  keep\n\n\nb: 1\n") { try $0.set(["a"], to: 7) }
        #expect(after == "a: 7\nb: 1\n")
    }

    @Test func blockScalarAtTheEndWithoutLineBreak() throws {
        let after = try editingApply("a: 1\nb: >-\n  some\n  text") { try $0.set(["b"], to: "other") }
        #expect(after == "a: 1\nb: >-\n  other")
        // A clipped block scalar needs its final line break, even at the end of the file.
        let clipped = try editingApply("a: 1\nb: >-\n  some\n  text") { try $0.set(["b"], to: "x\ny\n") }
        #expect(clipped == "a: 1\nb: |\n  x\n  y\n")
        #expect(try editingScalar(clipped, ["b"]) == .string("x\ny\n"))
    }

    // MARK: Numbers

    @Test(arguments: [
        (EditValue.number(0.5), "0.5"), (.number(1), "1.0"), (.number(1e-5), "1e-05"), (.number(-2.5e20), "-2.5e+20"),
        (.number(.infinity), ".inf"), (.number(-.infinity), "-.inf"), (.number(.nan), ".nan"),
        (.integer(-42), "-42"), (.integer(Int.max), "9223372036854775807"), (.bool(true), "true"), (.null, "null"),
    ])
    func numbersInShortestForm(value: EditValue, written: String) throws {
        let before = EditingFixtures.vikhr
        let after = try editingApply(before) { try $0.set(["metadata", "recommended_temperature"], to: value) }
        editingExpectReplaced(
            before, after, old: "recommended_temperature: 0.3", new: "recommended_temperature: \(written)")
        var editor = try YAMLEditor(text: after, path: "check.yaml")
        _ = editor
        editor = try YAMLEditor(text: after, path: "check.yaml")
        #expect(editor.value(at: ["metadata", "recommended_temperature"]) == value)
    }

    // MARK: Lists

    @Test func flowListIsRewrittenAsAFlowList() throws {
        let before = EditingFixtures.colbert
        let after = try editingApply(before) {
            try $0.set(["capabilities", "quantization"], to: ["fp32", "fp16", "int8", "yes"])
        }
        editingExpectReplaced(
            before, after, old: "quantization: [fp32, fp16]\n", new: "quantization: [fp32, fp16, int8, \"yes\"]\n")
        #expect(
            try editingList(after, ["capabilities", "quantization"])
                == [.string("fp32"), .string("fp16"), .string("int8"), .string("yes")])
    }

    @Test func multiLineFlowListBecomesOneLine() throws {
        let after = try editingApply("l: [a,\n   b]  # c\nz: 1\n") { try $0.set(["l"], to: ["x, y", "[z]"]) }
        #expect(after == "l: [\"x, y\", \"[z]\"]  # c\nz: 1\n")
    }

    @Test func blockListKeepsItsIndentationAndDashStyle() throws {
        let before = "aliases:\n    -   one\n    -   two  # c\nnext: 1\n"
        let after = try editingApply(before) { try $0.set(["aliases"], to: ["x", "1.5", "y z"]) }
        #expect(after == "aliases:\n    -   x\n    -   \"1.5\"\n    -   y z\nnext: 1\n")
        let unindented = try editingApply("aliases:\n- one\nnext: 1\n") { try $0.set(["aliases"], to: ["x", "y"]) }
        #expect(unindented == "aliases:\n- x\n- y\nnext: 1\n")
    }

    @Test func blockListInARegistryFile() throws {
        let before = EditingFixtures.colbert
        let after = try editingApply(before) { try $0.set(["aliases"], to: ["colbertv2", "colbert"]) }
        editingExpectReplaced(
            before, after,
            old: "  - colbertv2\n  - colbertv2.0\n  - colbert-ir/colbertv2.0\n",
            new: "  - colbertv2\n  - colbert\n")
    }

    @Test func emptyListIsWrittenInFlowStyle() throws {
        let after = try editingApply("a:\n  - x\n  - y\nb: 1\n") { try $0.set(["a"], to: []) }
        #expect(after == "a: []\nb: 1\n")
    }

    // MARK: Changing the kind of a value

    @Test func scalarBecomesABlockMapping() throws {
        let before = "id: m\ndeprecated: true  # since spring\nmetadata: {}\n"
        let after = try editingApply(before) {
            try $0.set(["deprecated"], to: ["since": "2024-05", "reason": "use m2: it is better", "replaced_by": "m2"])
        }
        #expect(
            after == """
                id: m
                deprecated:  # since spring
                  since: "2024-05"
                  reason: "use m2: it is better"
                  replaced_by: m2
                metadata: {}

                """)
        #expect(try editingScalar(after, ["deprecated", "reason"]) == .string("use m2: it is better"))
    }

    @Test func scalarBecomesABlockList() throws {
        let after = try editingApply("roles: chat\nz: 1\n") { try $0.set(["roles"], to: ["chat", "caption"]) }
        #expect(after == "roles:\n  - chat\n  - caption\nz: 1\n")
    }

    @Test func blockMappingBecomesAScalar() throws {
        let before = EditingFixtures.e5Large
        let after = try editingApply(before) { try $0.set(["deprecated"], to: true) }
        editingExpectReplaced(
            before, after,
            old: """
                deprecated:
                  since: "2023-05"
                  reason: >-
                    Superseded by e5-large-v2 from the same authors: same size, prefixes and
                    pooling, better retrieval quality. Vectors are not compatible, so
                    re-embed collections when switching.
                  replaced_by: e5-large-v2

                """,
            new: "deprecated: true\n")
        #expect(try editingScalar(after, ["deprecated"]) == .bool(true))
    }

    @Test func blockListBecomesAScalarKeepingTheKeyComment() throws {
        let after = try editingApply("a:   # note\n  # first\n  - x\n  - y\nb: 1\n") { try $0.set(["a"], to: "none") }
        #expect(after == "a: none   # note\n  # first\nb: 1\n")
    }

    @Test func blockMappingBecomesAList() throws {
        let after = try editingApply("a:\n    k: 1\n    j: 2\nb: 1\n") { try $0.set(["a"], to: [1, 2]) }
        #expect(after == "a:\n    - 1\n    - 2\nb: 1\n")
    }

    @Test func blockMappingIsReplacedWithTheSameIndentation() throws {
        let after = try editingApply("a:\n    k: 1\n    # gone with the value\n    j: 2\nb: 1\n") {
            try $0.set(["a"], to: ["x": ["y": "z"]])
        }
        // The file indents by 4, so the new nested mapping does too.
        #expect(after == "a:\n    x:\n        y: z\nb: 1\n")
    }

    // MARK: Flow mappings and list items

    @Test func valuesInsideFlowMappingsAreReplaced() throws {
        let before = "files:\n  - {path: a.bin, size: 5}\n  - {path: b.bin, size: 7}\n"
        let after = try editingApply(before) {
            try $0.set(["files", "1", "size"], to: 8)
            try $0.set(["files", "0", "path"], to: "dir/a, b.bin")
        }
        #expect(after == "files:\n  - {path: \"dir/a, b.bin\", size: 5}\n  - {path: b.bin, size: 8}\n")
    }

    @Test func blockListItemsAreReplacedInPlace() throws {
        let before = "l:\n  - a  # first\n  - path: x\n    size: 1\n  - c\n"
        let after = try editingApply(before) {
            try $0.set(["l", "0"], to: "b")
            try $0.set(["l", "1", "size"], to: 2)
            try $0.set(["l", "2"], to: ["k": "v", "n": 1])
        }
        #expect(after == "l:\n  - b  # first\n  - path: x\n    size: 2\n  - k: v\n    n: 1\n")
    }

    @Test func compactMappingItemBecomesAScalar() throws {
        let after = try editingApply("l:\n  - path: x\n    size: 1\n  - c\n") { try $0.set(["l", "0"], to: "gone") }
        #expect(after == "l:\n  - gone\n  - c\n")
    }

    @Test func unusualLayouts() throws {
        // A value on the line after its key.
        #expect(
            try editingApply("k:\n  \"long\"  # c\nz: 1\n") { try $0.set(["k"], to: "x") } == "k:\n  \"x\"  # c\nz: 1\n"
        )
        // An empty value inside a flow mapping.
        #expect(try editingApply("m: {a: , b: 1}\n") { try $0.set(["m", "a"], to: 2) } == "m: {a: 2, b: 1}\n")
        // A tagged block mapping loses its tag with its value.
        #expect(try editingApply("m: !!map\n  a: 1\nz: 1\n") { try $0.set(["m"], to: 5) } == "m: 5\nz: 1\n")
        #expect(try editingApply("m: !!map\n  a: 1\nz: 1\n") { try $0.set(["m"], to: [1]) } == "m:\n  - 1\nz: 1\n")
        // Items of a flow list, by index.
        #expect(try editingApply("l: [a, b]\n") { try $0.set(["l", "1"], to: "c d") } == "l: [a, c d]\n")
        // A plain scalar over several lines.
        #expect(
            try editingApply("a: long\n  plain\n  text  # c\nb: 1\n") { try $0.set(["a"], to: "x") }
                == "a: x  # c\nb: 1\n")
        // A flow mapping over several lines.
        #expect(
            try editingApply("m: {a: 1,\n    b: 2}\n") { try $0.set(["m", "b"], to: 3) } == "m: {a: 1,\n    b: 3}\n")
        #expect(try editingApply("m: {a: 1,\n    b: 2}\n") { try $0.remove(["m", "a"]) } == "m: {b: 2}\n")
        // A document that starts with `---` and ends with `...`.
        #expect(try editingApply("---\na: 1\n...\n") { try $0.set(["b"], to: 2) } == "---\na: 1\nb: 2\n...\n")
    }

    // MARK: No-ops and errors

    @Test func settingTheSameValueChangesNothing() throws {
        let before = "a: 0x10\nb: \"s\"\nc: [x, y]\n"
        let after = try editingApply(before) {
            try $0.set(["a"], to: 16)
            try $0.set(["b"], to: "s")
            try $0.set(["c"], to: ["x", "y"])
        }
        #expect(after == before)
    }

    @Test func aScalarInTheWayIsAnError() throws {
        let error = try #require(try editingError("a: 1\nb: text\n") { try $0.set(["b", "c"], to: 1) })
        #expect(error.message.contains("`b` is a string, not a mapping"))
        #expect(error.location?.line == 2)
        #expect(error.location?.column == 4)
    }

    @Test func aListInTheWayIsAnError() throws {
        let error = try #require(try editingError("l: [a]\n") { try $0.set(["l", "x"], to: 1) })
        #expect(error.message.contains("`l` is a list"))
        #expect(try editingError("a: 1\n") { try $0.set([], to: 1) } != nil)
    }

    @Test func theDocumentMustBeAMapping() throws {
        #expect(try editingError("- a\n- b\n") { try $0.set(["x"], to: 1) } != nil)
    }
}
