import JSONSchema
import Testing

@testable import RegistryQuery

@Suite struct ModelEntryTests {
    @Test func readsEveryTypedField() throws {
        let entry = try #require(fixtureRegistry["mini-dense"])
        #expect(entry.name == "Mini Dense")
        #expect(entry.type == "dense")
        #expect(entry.license == "apache-2.0")
        #expect(entry.huggingfaceID == "example/mini-dense")
        #expect(entry.organization == "Example Labs")
        #expect(entry.architecture.type == "bert")
        #expect(entry.architecture.variant == "MiniLM-L6-H384")
        #expect(entry.specs.parameters == "22.7M")
        #expect(entry.specs.parameterCount == 22_700_000)
        #expect(entry.specs.embeddingDim == 384)
        #expect(entry.specs.contextLength == 256)
        #expect(entry.specs.maxPositionEmbeddings == 512)
        #expect(entry.capabilities.languages == ["en"])
        #expect(entry.capabilities.modalities == ["text"])
        #expect(entry.capabilities.quantization == ["fp32", "int8"])
        #expect(!entry.capabilities.multiVector)
        #expect(entry.roles == ["embedding", "retrieval"])
        #expect(entry.aliases == ["minidense"])
        #expect(entry.names == ["mini-dense", "minidense"])
        #expect(entry.backend?.kind == "onnx")
        #expect(entry.backend?.modelPath == "models/mini-dense")
        #expect(entry.locked)
        #expect(entry.priority == nil)
        #expect(!entry.isDeprecated)
        #expect(entry.path == "registry/mini-dense.yaml")
        #expect(entry.value(at: "artifacts.files")?.asArray?.count == 2)
    }

    @Test func readsDeprecationLineageAndPriority() throws {
        let old = try #require(fixtureRegistry["old-dense"])
        #expect(old.deprecation == ModelEntry.Deprecation(
            since: "2023-05", reason: "Superseded by mini-dense, which is smaller and scores better.", replacedBy: "mini-dense"))
        let russian = try #require(fixtureRegistry["chat-lm-ru"])
        #expect(russian.deprecation == ModelEntry.Deprecation())
        #expect(russian.fineTunedFrom == "chat-lm")
        #expect(fixtureRegistry["big-colbert"]?.priority == 1)
        #expect(fixtureRegistry["big-colbert"]?.architecture.matryoshkaDims == [128, 96, 64])
        #expect(fixtureRegistry["small-vlm"]?.backend?.port == 8001)
    }

    @Test func readingIsForgiving() {
        let value = JSONValue.object(JSONObject([
            ("name", .integer(3)),
            ("specs", .string("not a mapping")),
            ("roles", .array([.string("chat"), .integer(1)])),
            ("deprecated", .bool(false)),
            ("backend", .string("vllm")),
        ]))
        let entry = ModelEntry(value: value, path: "registry/odd.yml")
        #expect(entry.id == "odd", "the file name stands in for a missing id")
        #expect(entry.name == "")
        #expect(entry.specs.embeddingDim == nil)
        #expect(entry.roles == ["chat"])
        #expect(!entry.isDeprecated, "`deprecated: false` is not deprecated")
        #expect(entry.backend == nil)
    }

    @Test(arguments: [
        ("110M", 110_000_000), ("22.7M", 22_700_000), ("7.6B", 7_600_000_000), ("500K", 500_000),
        ("1T", 1_000_000_000_000), ("0.49B", 490_000_000), ("123", 123),
    ])
    func parameterCounts(text: String, count: Int) {
        #expect(ParameterCount.parse(text) == count)
    }

    @Test(arguments: ["", "M", "1.5", "1.M", ".5M", "12X", "1,5M", "-3M", "99999999999999999999T"])
    func notParameterCounts(text: String) {
        #expect(ParameterCount.parse(text) == nil)
    }

    @Test func languagesMatchSubtagsAndMultilingual() {
        let capabilities = ModelEntry.Capabilities(
            .object(JSONObject([("languages", .array([.string("pt-BR"), .string("en")]))])))
        #expect(capabilities.supportsLanguage("pt"))
        #expect(capabilities.supportsLanguage("EN"))
        #expect(!capabilities.supportsLanguage("pt-PT"))
        #expect(!capabilities.supportsLanguage("de"))
        let multilingual = ModelEntry.Capabilities(.object(JSONObject([("languages", .array([.string("multilingual")]))])))
        #expect(multilingual.supportsLanguage("de"))
    }
}
