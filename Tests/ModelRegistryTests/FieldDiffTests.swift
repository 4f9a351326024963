import JSONSchema
import Testing

@testable import ModelRegistry

@Suite struct FieldDiffTests {
    func document(_ text: String, path: String = "registry/x.yaml") throws -> ModelDocument {
        guard case .document(let document) = DocumentLoader().load(bytes: Array(text.utf8), displayPath: path) else {
            throw ToolError("did not parse")
        }
        return document
    }

    @Test func scalarsListsAndRemovals() throws {
        let old = try document("id: a\nspecs:\n  embedding_dim: 768\naliases: [x, y]\ndeprecated: true\n")
        let new = try document("id: a\nspecs:\n  embedding_dim: 1024\n  vocab_size: 30522\naliases: [y, colbertv2]\n")
        let changes = FieldDiff.between(old.value, new.value).map(\.description)
        #expect(
            changes == [
                "specs.embedding_dim: 768 → 1024", "+ specs.vocab_size: 30522", "+ aliases: colbertv2", "- aliases: x",
                "- deprecated",
            ])
    }

    @Test func touchesMatchesParentsAndChildren() {
        let change = FieldChange(kind: .changed, path: "specs.embedding_dim", old: .integer(1), new: .integer(2))
        #expect(change.touches("specs.embedding_dim"))
        #expect(change.touches("specs"))
        #expect(!change.touches("spec"))
        #expect(!change.touches("specs.embedding"))
        #expect(FieldChange(kind: .added, path: "deprecated.reason").touches("deprecated"))
        #expect(FieldChange(kind: .added, path: "artifacts.files[0].sha256").touches("artifacts.files"))
    }

    @Test func registryDiffFindsAddedRemovedRenamedDeprecated() throws {
        let old = [
            try document("id: a\ntype: dense\nspecs: {embedding_dim: 768, vocab_size: 30522, num_layers: 12}\n"),
            try document("id: b\ntype: dense\n"),
            try document("id: c\ntype: sparse\n"),
        ]
        let new = [
            try document("id: a2\ntype: dense\nspecs: {embedding_dim: 768, vocab_size: 30522, num_layers: 12}\n"),
            try document("id: b\ntype: dense\ndeprecated: {reason: old}\n"),
            try document("id: d\ntype: colbert\n"),
        ]
        let diff = RegistryDiff.between(old, new)
        #expect(diff.added == ["d"])
        #expect(diff.removed == ["c"])
        #expect(diff.renamed.map { "\($0.from)→\($0.to)" } == ["a→a2"])
        #expect(diff.deprecated == ["b"])
        #expect(diff.changed.map(\.id) == ["b"])
        #expect(diff.text().contains("deprecated b\n    + deprecated.reason: old"))
        #expect(diff.markdown().contains("**Renamed:** `a` → `a2`"))
    }

    @Test func commitMessageHasSubjectAndTrailers() {
        let message = CommitMessage(
            action: "set", modelID: "colbert-v2", summary: "specs.embedding_dim = 1024", body: "Why: the card says so.",
            changedFields: ["specs.embedding_dim"])
        #expect(
            message.text == """
                set(colbert-v2): specs.embedding_dim = 1024

                Why: the card says so.

                Model-Id: colbert-v2
                Registry-Action: set
                Changed-Field: specs.embedding_dim

                """)
        let trailers = CommitMessage.trailers(of: message.text)
        #expect(trailers.map(\.key) == ["Model-Id", "Registry-Action", "Changed-Field"])
        #expect(trailers.first?.value == "colbert-v2")
        #expect(CommitMessage.trailers(of: "just a subject\n").isEmpty)
    }
}
