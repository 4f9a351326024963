import Testing

@testable import RegistryQuery

@Suite struct LineageTests {
    @Test func ancestorsUpToTheBaseAndEveryDescendant() throws {
        let leaf = try fixtureRegistry.lineage(of: "chat-lm-ru")
        #expect(ids(leaf.ancestors) == ["chat-lm", "base-lm"])
        #expect(leaf.base.id == "base-lm")
        #expect(leaf.descendants.isEmpty)
        let base = try fixtureRegistry.lineage(of: "base-lm")
        #expect(base.ancestors.isEmpty)
        #expect(base.base.id == "base-lm")
        #expect(ids(base.allDescendants) == ["base-lm-coder", "chat-lm", "chat-lm-ru"])
        let alone = try fixtureRegistry.lineage(of: "TinyColBERT")
        #expect(alone.subject.id == "tiny-colbert")
        #expect(alone.tree.children.isEmpty)
    }

    @Test func textTree() throws {
        #expect(LineageRenderer.text(try fixtureRegistry.lineage(of: "chat-lm")) == """
            base-lm
            └── chat-lm  ← this model
                └── chat-lm-ru (deprecated)

            """)
        #expect(LineageRenderer.text(try fixtureRegistry.lineage(of: "base-lm")) == """
            base-lm  ← this model
            ├── base-lm-coder
            └── chat-lm
                └── chat-lm-ru (deprecated)

            """)
        #expect(LineageRenderer.text(try fixtureRegistry.lineage(of: "whisper-tiny")) == "whisper-tiny  ← this model\n")
    }

    @Test func mermaidAndDot() throws {
        let lineage = try fixtureRegistry.lineage(of: "chat-lm")
        #expect(LineageRenderer.render(lineage, format: .mermaid) == """
            graph TD
                n0["base-lm"]
                n1["chat-lm"]
                n2["chat-lm-ru"]
                n0 --> n1
                n1 --> n2
                classDef subject stroke-width:3px
                classDef deprecated stroke-dasharray:5 5
                class n1 subject
                class n2 deprecated

            """)
        #expect(LineageRenderer.render(lineage, format: .dot) == """
            digraph lineage {
                node [shape=box];
                "base-lm";
                "chat-lm" [style="bold"];
                "chat-lm-ru" [style="dashed"];
                "base-lm" -> "chat-lm";
                "chat-lm" -> "chat-lm-ru";
            }

            """)
    }

    @Test func cyclesAreRefused() {
        let looped = registry([
            "a": model("a", "fine_tuned_from: b\n"),
            "b": model("b", "fine_tuned_from: c\n"),
            "c": model("c", "fine_tuned_from: a\n"),
            "d": model("d", "fine_tuned_from: a\n"),
        ])
        do {
            _ = try looped.lineage(of: "d")
            Issue.record("a cycle was walked")
        } catch {
            guard case .cycle(let ids) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(ids == ["a", "b", "c", "a"])
            #expect(error.description.hasPrefix("`fine_tuned_from` forms a cycle: a → b → c → a;"))
        }
        let selfLoop = registry(["s": model("s", "fine_tuned_from: s\n")])
        #expect(throws: LineageError.self) { try selfLoop.lineage(of: "s") }
    }

    @Test func aMissingBaseIsShown() throws {
        let orphan = registry(["kid": model("kid", "fine_tuned_from: ghost\n")])
        let lineage = try orphan.lineage(of: "kid")
        #expect(lineage.missingAncestor == "ghost")
        #expect(LineageRenderer.text(lineage) == "ghost  (not in the registry)\n└── kid  ← this model\n")
        #expect(LineageRenderer.dot(lineage).contains("\"ghost\" [style=\"dotted\"];"))
    }

    @Test func unknownModelsSuggest() {
        do {
            _ = try fixtureRegistry.lineage(of: "chat-ln")
            Issue.record("found")
        } catch {
            #expect(error.description.hasPrefix("no model with id or alias `chat-ln`; did you mean `chat-lm`"))
        }
    }
}
