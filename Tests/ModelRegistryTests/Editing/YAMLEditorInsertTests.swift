import ModelRegistry
import Testing
import YAML

@Suite("YAMLEditor: adding keys")
struct YAMLEditorInsertTests {
    @Test func intoAnExistingNestedMapping() throws {
        let before = EditingFixtures.vikhr
        let after = try editingApply(before) { try $0.set(["specs", "vocab_size"], to: 151_936) }
        // After the mapping's last entry, before the blank line that ends the section.
        editingExpectReplaced(
            before, after, old: "  num_layers: 24\n\ncapabilities:",
            new: "  num_layers: 24\n  vocab_size: 151936\n\ncapabilities:")
        #expect(try editingScalar(after, ["specs", "vocab_size"]) == .int(151_936))
    }

    @Test func afterALastValueWithAComment() throws {
        let before = "backend:\n  kind: gguf  # local\n  # next section\nz: 1\n"
        let after = try editingApply(before) { try $0.set(["backend", "port"], to: 8080) }
        #expect(after == "backend:\n  kind: gguf  # local\n  port: 8080\n  # next section\nz: 1\n")
    }

    @Test func afterALastValueThatIsABlockScalar() throws {
        let before = EditingFixtures.e5Large
        let after = try editingApply(before) { try $0.set(["deprecated", "note"], to: "see docs") }
        editingExpectReplaced(
            before, after, old: "  replaced_by: e5-large-v2\n", new: "  replaced_by: e5-large-v2\n  note: see docs\n")
        let folded = try editingApply("a:\n  text: >-\n    folded\n    lines\n\nb: 1\n") {
            try $0.set(["a", "more"], to: 1)
        }
        #expect(folded == "a:\n  text: >-\n    folded\n    lines\n  more: 1\n\nb: 1\n")
    }

    @Test func createsAMissingMappingAtTheEndOfTheDocument() throws {
        let before = EditingFixtures.colbert
        let after = try editingApply(before) { try $0.set(["backend", "kind"], to: "transformers") }
        // The top-level sections are separated by blank lines, so the new one is too.
        #expect(after == before + "\nbackend:\n  kind: transformers\n")
        #expect(try editingScalar(after, ["backend", "kind"]) == .string("transformers"))
    }

    @Test func createsSeveralMissingLevels() throws {
        let after = try editingApply("a: 1\n") { try $0.set(["x", "y", "z"], to: "deep") }
        #expect(after == "a: 1\nx:\n  y:\n    z: deep\n")
    }

    @Test func deprecateARegistryEntry() throws {
        let before = EditingFixtures.colbert
        let after = try editingApply(before) {
            try $0.set(
                ["deprecated"],
                to: [
                    "since": "2025-01", "reason": "Superseded by colbert-v3: better and smaller.",
                    "replaced_by": "colbert-v3",
                ])
        }
        #expect(
            after == before + """

                deprecated:
                  since: "2025-01"
                  reason: "Superseded by colbert-v3: better and smaller."
                  replaced_by: colbert-v3

                """)
        #expect(try editingScalar(after, ["deprecated", "replaced_by"]) == .string("colbert-v3"))
    }

    @Test func atTheDocumentEndWithAndWithoutATrailingLineBreak() throws {
        #expect(try editingApply("a: 1\n") { try $0.set(["b"], to: 2) } == "a: 1\nb: 2\n")
        #expect(try editingApply("a: 1") { try $0.set(["b"], to: 2) } == "a: 1\nb: 2")
        #expect(try editingApply("a: 1\n# end\n") { try $0.set(["b"], to: 2) } == "a: 1\nb: 2\n# end\n")
        #expect(try editingApply("a:\n  x: 1") { try $0.set(["a", "y"], to: 2) } == "a:\n  x: 1\n  y: 2")
    }

    @Test func aTopLevelKeyAfterABlankLineGetsOne() throws {
        let before = "a: 1\n\n# about b\nb:\n  c: 2\n"
        let after = try editingApply(before) { try $0.set(["d"], to: 3) }
        #expect(after == "a: 1\n\n# about b\nb:\n  c: 2\n\nd: 3\n")
    }

    @Test func intoANullValue() throws {
        #expect(try editingApply("a:\nb: 1\n") { try $0.set(["a", "x"], to: 1) } == "a:\n  x: 1\nb: 1\n")
        #expect(
            try editingApply("a: ~  # empty\nb: 1\n") { try $0.set(["a", "x"], to: 1) } == "a:  # empty\n  x: 1\nb: 1\n"
        )
        #expect(try editingApply("a:") { try $0.set(["a", "x"], to: 1) } == "a:\n  x: 1")
    }

    @Test func intoFlowMappings() throws {
        #expect(try editingApply("m: {a: 1}\n") { try $0.set(["m", "b"], to: "x y") } == "m: {a: 1, b: x y}\n")
        #expect(try editingApply("m: {}\n") { try $0.set(["m", "b"], to: ["p", "q"]) } == "m: {b: [p, q]}\n")
        #expect(
            try editingApply("l:\n  - {path: a, size: 1}\n") { try $0.set(["l", "0", "sha256"], to: "ab") }
                == "l:\n  - {path: a, size: 1, sha256: ab}\n")
        #expect(try editingApply("m: {a: 1}\n") { try $0.set(["m", "n", "o"], to: 2) } == "m: {a: 1, n: {o: 2}}\n")
    }

    @Test func intoACompactMappingInAList() throws {
        let after = try editingApply("files:\n  - path: a\n    size: 1\n") {
            try $0.set(["files", "0", "sha256"], to: "00")
        }
        #expect(after == "files:\n  - path: a\n    size: 1\n    sha256: \"00\"\n")
    }

    @Test func indentationIsDetectedFromTheFile() throws {
        let four = try editingApply("a:\n    b: 1\nl:\n- x\n") { try $0.set(["c", "d"], to: ["e", "f"]) }
        #expect(four == "a:\n    b: 1\nl:\n- x\nc:\n    d:\n    - e\n    - f\n")
        let nested = try editingApply("top:\n   mid:\n      leaf: 1\n") { try $0.set(["top", "mid", "new"], to: 2) }
        #expect(nested == "top:\n   mid:\n      leaf: 1\n      new: 2\n")
    }

    @Test func keysThatNeedQuotes() throws {
        let after = try editingApply("a: 1\n") {
            try $0.set(["metadata", "x: y"], to: 1)
            try $0.set(["metadata", "on"], to: 2)
            try $0.set(["metadata", "1.5"], to: 3)
        }
        #expect(after == "a: 1\nmetadata:\n  \"x: y\": 1\n  \"on\": 2\n  \"1.5\": 3\n")
        #expect(try editingScalar(after, ["metadata", "1.5"]) == .int(3))
    }

    @Test func intoAnEmptyOrCommentOnlyDocument() throws {
        #expect(try editingApply("") { try $0.set(["a", "b"], to: 1) } == "a:\n  b: 1\n")
        #expect(try editingApply("# only a comment\n") { try $0.set(["a"], to: 1) } == "# only a comment\na: 1\n")
        #expect(try editingApply("# no line break") { try $0.set(["a"], to: 1) } == "# no line break\na: 1")
    }

    @Test func crlfFilesKeepCRLF() throws {
        let before = "# c\r\na: 1\r\nb:\r\n  c: x  # n\r\n\r\nz: 2\r\n"
        let after = try editingApply(before) {
            try $0.set(["b", "d"], to: "y")
            try $0.set(["b", "c"], to: "xx")
            try $0.set(["e"], to: ["p", "q"])
            try $0.set(["z"], to: ["k": "v"])
        }
        #expect(
            after == "# c\r\na: 1\r\nb:\r\n  c: xx  # n\r\n  d: y\r\n\r\nz:\r\n  k: v\r\n\r\ne:\r\n  - p\r\n  - q\r\n")
        #expect(
            !after.utf8.enumerated().contains { index, byte in
                byte == UInt8(ascii: "\n") && (index == 0 || Array(after.utf8)[index - 1] != UInt8(ascii: "\r"))
            })
        #expect(try editingList(after, ["e"]) == [.string("p"), .string("q")])
    }

    @Test func crlfBlockScalars() throws {
        let after = try editingApply("a: >-\r\n  one\r\n  two\r\nb: 1\r\n") {
            try $0.set(["a"], to: "three")
            try $0.set(["c"], to: 2)
        }
        #expect(after == "a: >-\r\n  three\r\nb: 1\r\nc: 2\r\n")
    }
}
