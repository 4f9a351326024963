import ModelRegistry
import Testing

@testable import RegistryQuery

@Suite struct FixtureRegistryTests {
    @Test func fixturesVerifyClean() {
        #expect(fixtureRegistry.findings.isEmpty, "\(fixtureRegistry.findings.map(\.description))")
        #expect(fixtureRegistry.entries.count == 10)
        #expect(fixtureRegistry.entries.first?.path == "registry/base-lm.yaml")
    }

    @Test func lookupByIDAndAliasIgnoresCase() {
        #expect(fixtureRegistry.lookup("tiny-colbert")?.id == "tiny-colbert")
        #expect(fixtureRegistry.lookup("tinycolbert")?.id == "tiny-colbert")
        #expect(fixtureRegistry.lookup("EXAMPLE/Tiny-ColBERT")?.id == "tiny-colbert")
        #expect(fixtureRegistry.lookup("legacy-dense")?.id == "old-dense")
        #expect(fixtureRegistry.lookup("nothing") == nil)
        #expect(fixtureRegistry["tiny-colbert"]?.name == "Tiny ColBERT")
        #expect(fixtureRegistry["TinyColBERT"] == nil, "the subscript takes exact ids only")
    }

    @Test func anIDWinsOverAnotherEntrysAlias() {
        let registry = registry([
            "a": model("a", "aliases: [b]\n"),
            "b": model("b"),
        ])
        #expect(registry.lookup("b")?.id == "b")
        #expect(registry.lookup("a")?.id == "a")
    }

    @Test func suggestionsForTypos() {
        #expect(fixtureRegistry.suggestions(for: "tiny-colbrt").first == "tiny-colbert")
        #expect(fixtureRegistry.suggestions(for: "zzzzzzzzzzzz").isEmpty)
    }

    @Test func rolesTypesAndChildren() {
        #expect(fixtureRegistry.roles == ["caption", "chat", "code", "description", "embedding", "keywords", "rerank", "retrieval", "transcription"])
        #expect(fixtureRegistry.types == ["causal-lm", "colbert", "dense", "speech", "vision-language"])
        #expect(ids(fixtureRegistry.children(of: "base-lm")) == ["base-lm-coder", "chat-lm"])
    }

    @Test func opensFromBytesAndReportsUnreadableFiles() {
        let files = [
            RegistryFile(path: "registry/good.yaml", text: model("good")),
            RegistryFile(path: "registry/list.yaml", text: "- a\n- b\n"),
            RegistryFile(path: "registry/broken.yaml", text: "id: [unclosed\n"),
        ]
        let registry = Registry(files: files)
        #expect(ids(registry.entries) == ["good"])
        #expect(registry.findings.map(\.location.path) == ["registry/broken.yaml", "registry/list.yaml"])
    }

    @Test func aSchemaAddsRuleFindings() {
        let files = [
            RegistryFile(path: "registry/a.yaml", text: model("a", "roles: [caption]\n")),
            RegistryFile(path: "registry/b.yaml", text: model("b", "fine_tuned_from: nowhere\n")),
        ]
        let unchecked = Registry(files: files)
        #expect(unchecked.findings.isEmpty)
        let checked = Registry(files: files, schema: .builtIn)
        #expect(Set(checked.findings.map(\.ruleID)) == ["role-capabilities", "lineage-reference"])
        #expect(checked.entries.count == 2, "entries with findings are still queryable")
    }

    @Test func entriesAreSortedByIDThenPathWhateverTheFileOrder() {
        let files = [
            RegistryFile(path: "registry/a.yaml", text: model("zeta")),
            RegistryFile(path: "registry/b.yaml", text: model("alpha")),
            RegistryFile(path: "registry/c.yaml", text: model("mid")),
            RegistryFile(path: "registry/d.yaml", text: model("alpha")),
        ]
        let registry = Registry(files: files)
        #expect(registry.entries.map { "\($0.id) \($0.path)" } == [
            "alpha registry/b.yaml", "alpha registry/d.yaml", "mid registry/c.yaml", "zeta registry/a.yaml",
        ])
        #expect(registry["alpha"]?.path == "registry/b.yaml", "the first by path wins a duplicated id")
        let reversed = Registry(entries: registry.entries.reversed())
        #expect(reversed.entries.map(\.path) == registry.entries.map(\.path))
    }

    @Test func aMissingFolderIsAToolError() {
        #expect(throws: ToolError.self) { try Registry.open(directory: fixturesDirectory + "/no-such-folder") }
    }
}
