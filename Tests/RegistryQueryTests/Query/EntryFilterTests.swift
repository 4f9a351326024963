import Testing

@testable import RegistryQuery

@Suite struct EntryFilterTests {
    func select(_ filter: EntryFilter) -> [String] { ids(fixtureRegistry.select(filter)) }

    @Test func deprecatedEntriesAreHiddenUnlessAskedFor() {
        #expect(select(EntryFilter()) == ["base-lm", "base-lm-coder", "big-colbert", "chat-lm", "mini-dense", "small-vlm", "tiny-colbert", "whisper-tiny"])
        #expect(select(EntryFilter(includeDeprecated: true)).count == 10)
    }

    @Test func eachOption() {
        #expect(select(EntryFilter(types: ["colbert", "dense"])) == ["big-colbert", "mini-dense", "tiny-colbert"])
        #expect(select(EntryFilter(languages: ["ru"])) == ["base-lm", "big-colbert", "chat-lm", "small-vlm", "whisper-tiny"])
        #expect(select(EntryFilter(modalities: ["vision"])) == ["small-vlm"])
        #expect(select(EntryFilter(modalities: ["audio", "vision"])) == ["small-vlm", "whisper-tiny"])
        #expect(select(EntryFilter(roles: ["rerank"])) == ["big-colbert", "tiny-colbert"])
        #expect(select(EntryFilter(organizations: ["EXAMPLE"])) == ["base-lm", "mini-dense", "small-vlm", "tiny-colbert"])
        #expect(select(EntryFilter(licenses: ["MIT"])) == ["tiny-colbert", "whisper-tiny"])
        #expect(select(EntryFilter(maxEmbeddingDim: 128)) == ["big-colbert", "tiny-colbert"])
        #expect(select(EntryFilter(minContext: 8192)) == ["base-lm", "big-colbert", "small-vlm"])
        #expect(select(EntryFilter(matryoshka: true)) == ["big-colbert"])
        #expect(select(EntryFilter(matryoshka: false)).count == 7)
        #expect(select(EntryFilter(multiVector: true)) == ["big-colbert", "tiny-colbert"])
        #expect(select(EntryFilter(locked: true)) == ["mini-dense"])
        #expect(select(EntryFilter(locked: false)).count == 7)
    }

    @Test func optionsCombineWithTheExpression() throws {
        let expression = try QueryExpression.parse("specs.context_length >= 512")
        #expect(select(EntryFilter(types: ["colbert", "dense"], includeDeprecated: true, expression: expression)) == ["big-colbert", "old-dense", "tiny-colbert"])
    }

    @Test func sortsByAFieldWithMissingValuesLast() {
        let byDimension = EntryFilter(order: EntryOrder(field: "specs.embedding_dim"))
        #expect(select(byDimension) == ["tiny-colbert", "big-colbert", "mini-dense", "base-lm", "base-lm-coder", "chat-lm", "small-vlm", "whisper-tiny"])
        let descending = EntryFilter(order: EntryOrder(field: "specs.embedding_dim", descending: true))
        #expect(select(descending) == ["mini-dense", "big-colbert", "tiny-colbert", "base-lm", "base-lm-coder", "chat-lm", "small-vlm", "whisper-tiny"])
        let byPriority = EntryFilter(order: EntryOrder(field: "priority"))
        #expect(select(byPriority) == ["big-colbert", "chat-lm", "tiny-colbert", "small-vlm", "base-lm", "base-lm-coder", "mini-dense", "whisper-tiny"])
        let byParameters = EntryFilter(order: EntryOrder(field: "specs.parameters"))
        #expect(select(byParameters) == ["mini-dense", "tiny-colbert", "whisper-tiny", "base-lm", "chat-lm", "big-colbert", "small-vlm", "base-lm-coder"])
        let byName = EntryFilter(order: EntryOrder(field: "name", descending: true))
        #expect(select(byName).first == "whisper-tiny")
    }
}
