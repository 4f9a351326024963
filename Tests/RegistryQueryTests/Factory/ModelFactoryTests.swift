import Testing

@testable import RegistryQuery

@Suite struct ModelFactoryTests {
    struct Built: Equatable {
        var id: String
        var device: String
    }

    @Test func buildsByArchitectureType() throws {
        var factory = ModelFactory<String, Built>(registry: fixtureRegistry)
        factory.register(architecture: "bert") { entry, device in Built(id: entry.id, device: device) }
        factory.register(architecture: "qwen2") { entry, device in Built(id: "lm:" + entry.id, device: device) }
        #expect(try factory.make("TinyColBERT", with: "cpu") == Built(id: "tiny-colbert", device: "cpu"))
        #expect(try factory.make("chat-lm", with: "gpu") == Built(id: "lm:chat-lm", device: "gpu"))
        #expect(factory.registeredArchitectures == ["bert", "qwen2"])
    }

    @Test func errorsListTheRegisteredBuilders() {
        var factory = ModelFactory<Void, String>(registry: fixtureRegistry)
        factory.register(architecture: "bert") { entry, _ in entry.id }
        #expect(throws: FactoryError.unregisteredArchitecture("xlm-roberta", id: "big-colbert", registered: ["bert"])) {
            try factory.make("big-colbert", with: ())
        }
        #expect(throws: FactoryError.noArchitecture(id: "whisper-tiny", registered: ["bert"])) {
            try factory.make("whisper-tiny", with: ())
        }
        #expect(throws: FactoryError.self) { try factory.make("nothing-like-it", with: ()) }
        #expect(
            FactoryError.unregisteredArchitecture("xlm-roberta", id: "big-colbert", registered: ["bert"]).description
                == "no builder registered for architecture `xlm-roberta` (model `big-colbert`); registered: bert")
    }
}
