import ModelRegistry
import Testing
import YAML

@Suite("YAMLEditor: lists")
struct YAMLEditorListTests {
    // MARK: append

    @Test func appendToABlockList() throws {
        let before = EditingFixtures.colbert
        let after = try editingApply(before) { try $0.append(["aliases"], "colbert-2") }
        editingExpectReplaced(
            before, after, old: "  - colbert-ir/colbertv2.0\n", new: "  - colbert-ir/colbertv2.0\n  - colbert-2\n")
        #expect(try editingList(after, ["aliases"])?.last == .string("colbert-2"))
    }

    @Test func appendToAFlowList() throws {
        let before = EditingFixtures.colbert
        let after = try editingApply(before) { try $0.append(["roles"], "embedding") }
        editingExpectReplaced(
            before, after, old: "roles: [retrieval, rerank]\n", new: "roles: [retrieval, rerank, embedding]\n")
        #expect(try editingApply("l: []\n") { try $0.append(["l"], "x, y") } == "l: [\"x, y\"]\n")
        #expect(try editingApply("l: [a,\n    b]  # c\n") { try $0.append(["l"], 3) } == "l: [a,\n    b, 3]  # c\n")
    }

    @Test func appendKeepsTheDashStyleAndTheTrailingComment() throws {
        let after = try editingApply("l:\n-   a\n-   b  # last\n# after\nz: 1\n") { try $0.append(["l"], "on") }
        #expect(after == "l:\n-   a\n-   b  # last\n-   \"on\"\n# after\nz: 1\n")
    }

    @Test func appendAMappingToAListOfMappings() throws {
        let before = "files:\n  - path: a\n    size: 1\n  - {path: b, size: 2}\nnext: 1\n"
        let after = try editingApply(before) { try $0.append(["files"], ["path": "c d", "size": 3]) }
        #expect(
            after == "files:\n  - path: a\n    size: 1\n  - {path: b, size: 2}\n  - path: c d\n    size: 3\nnext: 1\n")
        #expect(try editingScalar(after, ["files", "2", "size"]) == .int(3))
    }

    @Test func appendCreatesTheList() throws {
        let before = EditingFixtures.vikhr
        let after = try editingApply(before) { try $0.append(["capabilities", "modalities"], "vision") }
        editingExpectReplaced(before, after, old: "modalities: [text]", new: "modalities: [text, vision]")
        let created = try editingApply(before) { try $0.append(["capabilities", "roles_extra"], "chat") }
        editingExpectReplaced(
            before, created, old: "q8_0]\n\nroles", new: "q8_0]\n  roles_extra:\n    - chat\n\nroles")
        #expect(try editingApply("a:\nb: 1\n") { try $0.append(["a"], "x") } == "a:\n  - x\nb: 1\n")
        #expect(try editingApply("m: {k: 1}\n") { try $0.append(["m", "l"], "x") } == "m: {k: 1, l: [x]}\n")
    }

    @Test func appendToANonListIsAnError() throws {
        let error = try #require(try editingError("a: text\n") { try $0.append(["a"], "x") })
        #expect(error.message.contains("`a` is a string, not a list"))
        #expect(error.location?.line == 1)
    }

    // MARK: removeItems

    @Test func removeItemsFromABlockList() throws {
        let before = EditingFixtures.colbert
        var editor = try YAMLEditor(text: before, path: "colbert-v2.yaml")
        let removed = try editor.removeItems(["aliases"]) { $0 == "colbertv2.0" }
        #expect(removed == 1)
        editingExpectReplaced(before, editor.text, old: "  - colbertv2.0\n", new: "")
    }

    @Test func removeSeveralItems() throws {
        var editor = try YAMLEditor(text: "l:\n  - a\n  - b  # bee\n  - a\n  - c\nz: 1\n", path: "t.yaml")
        #expect(try editor.removeItems(["l"]) { $0 == "a" || $0 == "c" } == 3)
        #expect(editor.text == "l:\n  - b  # bee\nz: 1\n")
    }

    @Test func removeItemsFromAFlowList() throws {
        var editor = try YAMLEditor(text: "roles: [retrieval, rerank, embedding]  # ok\n", path: "t.yaml")
        #expect(try editor.removeItems(["roles"]) { $0 == "rerank" } == 1)
        #expect(editor.text == "roles: [retrieval, embedding]  # ok\n")
        #expect(try editor.removeItems(["roles"]) { $0 == "embedding" } == 1)
        #expect(editor.text == "roles: [retrieval]  # ok\n")
        #expect(try editor.removeItems(["roles"]) { _ in true } == 1)
        #expect(editor.text == "roles: []  # ok\n")
    }

    @Test func anEmptiedListStaysOrItsKeyGoes() throws {
        let before = "a: 1\n\naliases:\n  - x\n  - y\n\nz: 2\n"
        var kept = try YAMLEditor(text: before, path: "t.yaml")
        #expect(try kept.removeItems(["aliases"]) { _ in true } == 2)
        #expect(kept.text == "a: 1\n\naliases: []\n\nz: 2\n")
        var dropped = try YAMLEditor(text: before, path: "t.yaml")
        #expect(try dropped.removeItems(["aliases"], removingKeyWhenEmpty: true) { _ in true } == 2)
        #expect(dropped.text == "a: 1\n\nz: 2\n")
    }

    @Test func nothingToRemove() throws {
        let before = "l: [a]\nn:\n"
        var editor = try YAMLEditor(text: before, path: "t.yaml")
        #expect(try editor.removeItems(["l"]) { $0 == "b" } == 0)
        #expect(try editor.removeItems(["missing"]) { _ in true } == 0)
        #expect(try editor.removeItems(["n"]) { _ in true } == 0)
        #expect(editor.text == before)
        #expect(try editingError("s: x\n") { _ = try $0.removeItems(["s"]) { _ in true } } != nil)
    }

    @Test func predicateSeesResolvedValues() throws {
        var editor = try YAMLEditor(text: "l: [1, \"1\", 1.0, true, null, {k: v}]\n", path: "t.yaml")
        #expect(try editor.removeItems(["l"]) { $0 == .integer(1) || $0 == ["k": "v"] } == 2)
        #expect(editor.text == "l: [\"1\", 1.0, true, null]\n")
    }

    // MARK: A rename across files

    @Test func renameTouchesOnlyTheReferences() throws {
        let base = EditingFixtures.vikhr
        let after = try editingApply(base) {
            try $0.set(["fine_tuned_from"], to: "qwen2.5-0.5b-instruct-v2")
            if $0.value(at: ["deprecated", "replaced_by"]) != nil {
                try $0.set(["deprecated", "replaced_by"], to: "x")
            }
        }
        editingExpectReplaced(
            base, after, old: "fine_tuned_from: qwen2.5-0.5b-instruct\n",
            new: "fine_tuned_from: qwen2.5-0.5b-instruct-v2\n")
    }

    // MARK: EditValue

    @Test func editValueDescriptionIsFlowYAML() {
        let value: EditValue = ["a", "b c", "yes", 1, 2.5, true, .null, ["k": "x: y"]]
        #expect(value.description == #"[a, b c, "yes", 1, 2.5, true, null, {k: "x: y"}]"#)
        #expect(EditValue.resolving("1024") == .integer(1024))
        #expect(EditValue.resolving("1.10") == .number(1.1))
        #expect(EditValue.resolving("yes") == .string("yes"))
        #expect(EditValue.resolving("") == .null)
        #expect(EditValue.number(.nan) == .number(.nan))
        #expect(Set<EditValue>([.number(0), .number(-0.0)]).count == 1)
    }

    @Test(arguments: [
        "plain", "yes", "1.10", "", " x ", "a: b", "#c", "it's", "say \"hi\"", "tab\tx", "line\nbreak", "trail\n",
        "ünï 日本 🚀", "\u{7}\u{85}\u{2028}\u{FEFF}", "[x]", "{y}", "a,b", "-", "---", "~", "@x", "%x", "`x",
    ])
    func everyStringSurvivesEveryStyle(text: String) throws {
        let before = """
            plain: x
            single: 'x'
            double: "x"
            literal: |
              x
            folded: >-
              x
            flow: [x]
            block:
              - x

            """
        let paths: [[String]] = [
            ["plain"], ["single"], ["double"], ["literal"], ["folded"], ["flow", "0"], ["block", "0"],
        ]
        let after = try editingApply(before) { editor in
            for path in paths { try editor.set(path, to: .string(text)) }
            try editor.append(["flow"], .string(text))
            try editor.set(["new"], to: .string(text))
        }
        for path in paths + [["flow", "1"], ["new"]] {
            #expect(try editingScalar(after, path) == .string(text), "\(path)")
        }
    }
}
