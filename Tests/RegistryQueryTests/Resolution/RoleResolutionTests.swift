import JSONSchema
import Testing

@testable import RegistryQuery

@Suite struct RoleResolutionTests {
    func resolve(_ role: String, _ requirements: [String] = [], prefer: String? = nil) throws(ResolutionError) -> RoleResolution {
        try fixtureRegistry.resolve(
            RoleRequest(role: role, requirements: requirements.map { Capability(parsing: $0)! }, preferred: prefer))
    }

    @Test func priorityThenIDDeprecatedSkipped() throws {
        let retrieval = try resolve("retrieval")
        #expect(retrieval.chosen.id == "big-colbert")
        #expect(retrieval.candidates.map(\.entry.id) == ["big-colbert", "tiny-colbert", "mini-dense", "old-dense"])
        #expect(retrieval.candidates.map(\.verdict) == [.chosen, .outranked(by: "big-colbert"), .outranked(by: "big-colbert"), .rejected])
        #expect(retrieval.candidates[3].reasons == ["deprecated, replaced by mini-dense"])
        let chat = try resolve("chat")
        #expect(chat.chosen.id == "chat-lm")
        #expect(chat.candidates.map(\.entry.id) == ["chat-lm", "small-vlm", "base-lm", "base-lm-coder", "chat-lm-ru"])
    }

    @Test func requirementsNarrowTheChoice() throws {
        #expect(try resolve("rerank", ["quantization:fp16"]).chosen.id == "tiny-colbert")
        #expect(try resolve("rerank", ["language:en", "matryoshka"]).chosen.id == "big-colbert")
        #expect(try resolve("chat", ["backend:vllm"]).chosen.id == "small-vlm")
        #expect(try resolve("chat", ["vision"]).chosen.id == "small-vlm")
        let fp16 = try resolve("rerank", ["quantization:fp16"])
        #expect(fp16.candidates[0].reasons == ["lacks quantization:fp16"])
        #expect(fp16.candidates[0].missing == [.quantization("fp16")])
    }

    @Test func rolesThatNeedAModalityRequireIt() throws {
        let caption = try resolve("caption")
        #expect(caption.chosen.id == "small-vlm")
        #expect(caption.request.allRequirements == [.modality("vision")])
        // A text-only model that claims `caption` (the verifier reports it) is never chosen.
        let broken = registry([
            "a-text": model("a-text", type: "causal-lm", "capabilities: {modalities: [text]}\nroles: [caption]\npriority: 1\n"),
            "b-vlm": model("b-vlm", type: "vision-language", "capabilities: {modalities: [text, vision]}\nroles: [caption]\n"),
        ])
        let resolution = try broken.resolve(RoleRequest(role: "caption"))
        #expect(resolution.chosen.id == "b-vlm")
        #expect(resolution.candidates[0].reasons == ["lacks vision"])
    }

    @Test func thePreferredModelWinsWhenItQualifies() throws {
        let preferred = try resolve("chat", prefer: "base-lm")
        #expect(preferred.chosen.id == "base-lm")
        #expect(preferred.candidates.first?.isPreferred == true)
        #expect(preferred.candidates.map(\.entry.id) == ["base-lm", "chat-lm", "small-vlm", "base-lm-coder", "chat-lm-ru"])
        #expect(preferred.candidates[1].verdict == .outranked(by: "base-lm"))
        // By alias, and even when deprecated: asking by name is explicit.
        let deprecated = try resolve("chat", prefer: "CHAT-LM-RU")
        #expect(deprecated.chosen.id == "chat-lm-ru")
        #expect(deprecated.candidates[0].reasons == ["preferred", "deprecated"])
        // Passed over when it lacks the role or a requirement.
        let lacking = try resolve("caption", prefer: "base-lm")
        #expect(lacking.chosen.id == "small-vlm")
        #expect(lacking.candidates[0].verdict == .rejected)
        #expect(lacking.candidates[0].reasons == ["preferred", "does not claim the role `caption`", "lacks vision"])
    }

    @Test func errorsSayWhatIsMissingAndWhoCameClosest() {
        do {
            _ = try resolve("embedding", ["multi-vector"])
            Issue.record("resolved")
        } catch {
            guard case .noMatch(_, let closest) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(closest.map(\.entry.id) == ["mini-dense", "old-dense"])
            #expect(error.description == """
                no model serves `embedding` with `multi-vector`; closest:
                  mini-dense: lacks multi-vector
                  old-dense: deprecated, replaced by mini-dense; lacks multi-vector
                """)
            #expect(error.json.member("closest")?.asArray?.count == 2)
        }
        do {
            _ = try resolve("captoin")
            Issue.record("resolved")
        } catch {
            #expect(error.description.hasPrefix("no entry has the role `captoin`; did you mean `caption`?"))
            #expect(error.description.contains("roles in the registry: caption, chat, code,"))
        }
        do {
            _ = try resolve("chat", prefer: "base-lmm")
            Issue.record("resolved")
        } catch {
            #expect(error.description == "--prefer: no model with id or alias `base-lmm`; did you mean `base-lm`?")
        }
    }

    @Test func explanationAndJSON() throws {
        let resolution = try resolve("retrieval", ["language:en"])
        #expect(resolution.explanation == """
            retrieval → big-colbert
            requires: language:en
            candidates, by priority (lower first, none last) then id:
              big-colbert   chosen; priority 1
              tiny-colbert  qualifies, but big-colbert comes first; priority 2
              mini-dense    qualifies, but big-colbert comes first; no priority
              old-dense     passed over: deprecated, replaced by mini-dense

            """)
        let caption = try resolve("caption")
        #expect(caption.explanation.contains("requires: vision (the role caption needs it)"))
        let json = resolution.json
        #expect(json.member("model")?.asString == "big-colbert")
        #expect(json.member("entry")?.member("id")?.asString == "big-colbert")
        #expect(json.member("requires") == .array([.string("language:en")]))
        #expect(json.member("candidates")?.asArray?.map { $0.member("verdict")?.asString ?? "" } == ["chosen", "outranked", "outranked", "rejected"])
    }

    @Test func capabilitiesParse() {
        #expect(Capability(parsing: "Vision") == .modality("vision"))
        #expect(Capability(parsing: "multi_vector") == .multiVector)
        #expect(Capability(parsing: "matryoshka") == .matryoshka)
        #expect(Capability(parsing: "lang:pt-BR") == .language("pt-BR"))
        #expect(Capability(parsing: "quant:int8") == .quantization("int8"))
        #expect(Capability(parsing: "backend:vllm")?.description == "backend:vllm")
        #expect(Capability(parsing: "quantum") == nil)
        #expect(Capability(parsing: "language:") == nil)
        #expect(Capability(parsing: "color:red") == nil)
    }
}
