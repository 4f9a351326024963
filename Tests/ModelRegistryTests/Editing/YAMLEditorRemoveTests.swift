import ModelRegistry
import Testing
import YAML

@Suite("YAMLEditor: removing keys")
struct YAMLEditorRemoveTests {
    @Test func aScalarKeyWithItsLineComment() throws {
        let before = "id: m  # the id\n# about name\nname: x\n"
        let after = try editingApply(before) { try $0.remove(["id"]) }
        #expect(after == "# about name\nname: x\n")
    }

    @Test func theCommentAboveAKeyStays() throws {
        let before = EditingFixtures.colbert
        let after = try editingApply(before) { try $0.remove(["architecture", "has_projection"]) }
        editingExpectReplaced(
            before, after,
            old: "  # A linear layer maps the 768-d hidden states to 128-d token vectors.\n  has_projection: true\n",
            new: "  # A linear layer maps the 768-d hidden states to 128-d token vectors.\n")
        #expect(try editingNode(after, ["architecture", "has_projection"]) == nil)
        #expect(try editingScalar(after, ["architecture", "projection_dims"]) == .int(128))
    }

    @Test func aWholeSectionBetweenBlankLines() throws {
        let before = EditingFixtures.colbert
        let after = try editingApply(before) { try $0.remove(["performance"]) }
        // The section's lines and one of the two blank lines around it go.
        editingExpectReplaced(
            before, after,
            old: """

                performance:
                  # ColBERTv2 paper, MS MARCO passage ranking, dev set.
                  msmarco_dev_mrr10: 39.7

                roles:
                """,
            new: "\nroles:")
        #expect(after.contains("quantization: [fp32, fp16]\n\nroles: [retrieval, rerank]\n"))
    }

    @Test func aBlockMappingWithAFoldedScalar() throws {
        let before = EditingFixtures.e5Large
        let after = try editingApply(before) { try $0.remove(["deprecated"]) }
        editingExpectReplaced(
            before, after,
            old: """
                  - intfloat/e5-large

                deprecated:
                  since: "2023-05"
                  reason: >-
                    Superseded by e5-large-v2 from the same authors: same size, prefixes and
                    pooling, better retrieval quality. Vectors are not compatible, so
                    re-embed collections when switching.
                  replaced_by: e5-large-v2

                metadata:
                """,
            new: "  - intfloat/e5-large\n\nmetadata:")
    }

    @Test func aFoldedScalarInsideAMapping() throws {
        let before = EditingFixtures.e5Large
        let after = try editingApply(before) { try $0.remove(["deprecated", "reason"]) }
        editingExpectReplaced(
            before, after,
            old: """
                  since: "2023-05"
                  reason: >-
                    Superseded by e5-large-v2 from the same authors: same size, prefixes and
                    pooling, better retrieval quality. Vectors are not compatible, so
                    re-embed collections when switching.
                  replaced_by
                """,
            new: "  since: \"2023-05\"\n  replaced_by")
    }

    @Test func theLastKeyOfANestedMappingLeavesAnEmptyMapping() throws {
        let before = "a:  # note\n  b: 1\nc: 2\n"
        #expect(try editingApply(before) { try $0.remove(["a", "b"]) } == "a: {}  # note\nc: 2\n")
        #expect(try editingApply(before) { try $0.remove(["a", "b"], pruningEmptyParents: true) } == "c: 2\n")
        let deep = "x:\n  y:\n    z: 1\n  w: 2\n"
        #expect(try editingApply(deep) { try $0.remove(["x", "y", "z"], pruningEmptyParents: true) } == "x:\n  w: 2\n")
    }

    @Test func theLastKeyAtTheEndOfTheFile() throws {
        #expect(try editingApply("a: 1\nb: 2") { try $0.remove(["b"]) } == "a: 1")
        #expect(try editingApply("a: 1\nb: 2\n") { try $0.remove(["b"]) } == "a: 1\n")
        #expect(try editingApply("a: 1\n\nb: 2\n") { try $0.remove(["b"]) } == "a: 1\n")
        #expect(try editingApply("a: 1\n\nb: |\n  x") { try $0.remove(["b"]) } == "a: 1")
        #expect(try editingApply("# keep\nonly: 1\n") { try $0.remove(["only"]) } == "# keep\n")
    }

    @Test func entriesOfFlowMappings() throws {
        let before = "m: {a: 1, b: [x, y], c: 3}\n"
        #expect(try editingApply(before) { try $0.remove(["m", "a"]) } == "m: {b: [x, y], c: 3}\n")
        #expect(try editingApply(before) { try $0.remove(["m", "b"]) } == "m: {a: 1, c: 3}\n")
        #expect(try editingApply(before) { try $0.remove(["m", "c"]) } == "m: {a: 1, b: [x, y]}\n")
        #expect(try editingApply("m: {a: 1}\nz: 0\n") { try $0.remove(["m", "a"]) } == "m: {}\nz: 0\n")
        #expect(
            try editingApply("m: {a: 1}\nz: 0\n") { try $0.remove(["m", "a"], pruningEmptyParents: true) } == "z: 0\n")
    }

    @Test func listItemsByIndex() throws {
        let before = "l:\n  - a\n  - b  # bee\n  - c\n"
        #expect(try editingApply(before) { try $0.remove(["l", "1"]) } == "l:\n  - a\n  - c\n")
        #expect(try editingApply("l: [a, b]\n") { try $0.remove(["l", "0"]) } == "l: [b]\n")
        #expect(try editingApply("l:\n  - a\n") { try $0.remove(["l", "0"]) } == "l: []\n")
        let compact = "l:\n  - path: a\n    size: 1\n  - path: b\n"
        #expect(try editingApply(compact) { try $0.remove(["l", "0", "path"]) } == "l:\n  - size: 1\n  - path: b\n")
        #expect(try editingApply(compact) { try $0.remove(["l", "0"]) } == "l:\n  - path: b\n")
        #expect(try editingApply("- - a\n  - b\n- c\n") { try $0.remove(["0", "0"]) } == "- - b\n- c\n")
    }

    @Test func crlfRemoval() throws {
        let before = "a: 1\r\nb:\r\n  c: 2\r\n  d: 3\r\n\r\ne: 4\r\n"
        #expect(try editingApply(before) { try $0.remove(["b", "c"]) } == "a: 1\r\nb:\r\n  d: 3\r\n\r\ne: 4\r\n")
        #expect(try editingApply(before) { try $0.remove(["e"]) } == "a: 1\r\nb:\r\n  c: 2\r\n  d: 3\r\n")
    }

    @Test func unicodeBeforeTheRemovedKey() throws {
        let before = "name: 日本語のモデル 🚀\nk: é\nz: ü\n"
        #expect(try editingApply(before) { try $0.remove(["k"]) } == "name: 日本語のモデル 🚀\nz: ü\n")
    }

    @Test func aMissingPathIsAnErrorAtTheDeepestExistingNode() throws {
        let error = try #require(try editingError("a: 1\nspecs:\n  x: 1\n") { try $0.remove(["specs", "y"]) })
        #expect(error.message == "there is no `specs.y` to remove")
        #expect(error.location?.line == 3)
        #expect(error.location?.column == 3)
        #expect(error.description == "model.yaml:3:3: error: there is no `specs.y` to remove")
        #expect(try editingError("a: 1\n") { try $0.remove([]) } != nil)
    }
}
